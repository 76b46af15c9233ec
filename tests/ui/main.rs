//! The interface's logic without a browser: the reducer (every user path through the state),
//! the key map, and how date values are shown. The components and effects are covered by
//! tests/browser.rs and the Playwright suite.

#[path = "../support/mod.rs"]
mod support;

mod date_value;
mod keys;
mod linking;
mod reducer;

use annotator::model::store::Store;
use annotator::model::Document;
use annotator::ui::state::{Action, AppState, StoreHandle};
use std::rc::Rc;
use yew::Reducible;

/// A fresh state on `doc` holding `store`.
fn state_with(doc: Document, store: Store) -> Rc<AppState> {
    Rc::new(AppState::new(Rc::new(doc), StoreHandle::new(store)))
}

/// The state after the actions, in order.
fn after(state: &Rc<AppState>, actions: impl IntoIterator<Item = Action>) -> Rc<AppState> {
    actions
        .into_iter()
        .fold(state.clone(), |state, action| state.reduce(action))
}
