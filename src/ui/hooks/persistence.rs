//! Saving: every change is written at once, in a task right after the render, so a large
//! document's serialisation does not delay the repaint; a newer change replaces a write still
//! waiting. Revision 0 is what was loaded, so nothing is written until the user changes
//! something. If another tab wrote in the meantime, its work is merged in first, never
//! overwritten.

use crate::bridge::storage;
use crate::model::sync::{absorb_stored, SyncBase};
use crate::model::Annotations;
use crate::ui::state::{Action, AppState, SaveStatus};
use crate::ui::DocRef;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

pub(crate) type SharedSyncBase = Rc<RefCell<SyncBase>>;

/// What this tab and storage agree on, starting from what was loaded.
#[hook]
pub(crate) fn use_sync_base(doc: &DocRef, loaded: &Rc<Annotations>) -> SharedSyncBase {
    let (doc, loaded) = (doc.clone(), loaded.clone());
    use_mut_ref(move || SyncBase {
        content: (*loaded).clone(),
        stored_text: storage::read_raw(&doc.0.id),
    })
}

#[hook]
pub(crate) fn use_persistence(
    state: &AppState,
    dispatcher: UseReducerDispatcher<AppState>,
    doc: &DocRef,
    synced: &SharedSyncBase,
) {
    let doc = doc.clone();
    let synced = synced.clone();
    let paused = matches!(state.save, SaveStatus::Paused(_));
    use_effect_with(state.store.clone(), move |store| {
        let store = store.clone();
        let pending_write = (store.revision() > 0 && !paused).then(|| {
            Timeout::new(0, move || {
                // The store must not stay borrowed while dispatching: the reducer mutates it.
                let merged = absorb_stored(
                    &mut synced.borrow_mut(),
                    &doc.0,
                    &store.borrow(),
                    storage::read_raw(&doc.0.id),
                );
                if let Some(merged) = merged {
                    dispatcher.dispatch(Action::Sync(merged));
                    return;
                }
                let result = {
                    let store = store.borrow();
                    let result = storage::save(&doc.0, store.content());
                    if let Ok(json) = &result {
                        *synced.borrow_mut() = SyncBase::saved(&store, json.clone());
                    }
                    result
                };
                dispatcher.dispatch(Action::SaveResult(result.map(|_| ())));
                if let Some(fill) = storage::fill_ratio() {
                    dispatcher.dispatch(Action::StorageFill(fill));
                }
            })
        });
        move || drop(pending_write)
    });
}
