//! Another tab saved this document: merge its work in at once.

use super::persistence::SharedSyncBase;
use super::LatestState;
use crate::bridge::storage;
use crate::model::sync::absorb_stored;
use crate::ui::state::{Action, AppState};
use crate::ui::DocRef;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub(crate) fn use_tab_sync(
    dispatcher: UseReducerDispatcher<AppState>,
    latest: &LatestState,
    doc: &DocRef,
    synced: &SharedSyncBase,
    persist: bool,
) {
    let (latest, doc, synced) = (latest.clone(), doc.clone(), synced.clone());
    use_effect_with((), move |_| {
        let key = storage::document_key(&doc.0.id);
        let listener = persist.then(|| {
            EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(key.as_str()) {
                    return;
                }
                let state = latest.borrow().clone();
                let merged = absorb_stored(
                    &mut synced.borrow_mut(),
                    &doc.0,
                    &state.store.borrow(),
                    event.new_value(),
                );
                if let Some(merged) = merged {
                    dispatcher.dispatch(Action::Sync(merged));
                }
            })
        });
        move || drop(listener)
    });
}
