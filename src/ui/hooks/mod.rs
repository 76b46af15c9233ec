//! The root's jobs besides layout, one hook each: what runs when, and what it listens to.

mod drop;
mod focus;
mod keyboard;
mod load_notices;
mod persistence;
mod reveal;
mod select_from_url;
mod session;
mod tab_sync;
mod transfer;
mod unload_guard;

pub(crate) use drop::{use_file_drop, FileDrop};
pub(crate) use focus::{use_focus_request, use_modal_focus};
pub(crate) use keyboard::use_shortcuts;
pub(crate) use load_notices::{use_load_notices, LoadNotices};
pub(crate) use persistence::use_persistence;
pub(crate) use reveal::use_reveal;
pub(crate) use select_from_url::use_selection_from_url;
pub(crate) use session::{session_store, use_session_keeper};
pub(crate) use tab_sync::use_tab_sync;
pub(crate) use transfer::{use_transfer, Transfer};
pub(crate) use unload_guard::use_unload_guard;

use crate::ui::state::AppState;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The newest state, for listeners registered once (a closure would keep the first).
pub(crate) type LatestState = Rc<RefCell<Rc<AppState>>>;

#[hook]
pub(crate) fn use_latest_state(state: &AppState) -> LatestState {
    let latest: LatestState = use_mut_ref(|| Rc::new(state.clone()));
    *latest.borrow_mut() = Rc::new(state.clone());
    latest
}
