//! Each document's store, with its undo history, kept for the whole visit: switching to
//! another document and back still lets Ctrl+Z undo what was done before (a *Delete all*
//! included). What the database holds when the document is opened again is taken in first;
//! undo steps that touch what changed meanwhile (another tab's edits) go.

use super::LatestState;
use crate::model::store::Store;
use crate::model::Annotations;
use crate::ui::state::StoreHandle;
use std::cell::RefCell;
use std::collections::HashMap;
use yew::prelude::*;

thread_local! {
    static STORES: RefCell<HashMap<String, StoreHandle>> = RefCell::default();
}

/// The store for a document: the one of this visit if it was open before, brought up to
/// date with `loaded`, or a new one.
pub(crate) fn session_store(doc_id: &str, loaded: &Annotations, persist: bool) -> StoreHandle {
    let kept = persist
        .then(|| STORES.with(|stores| stores.borrow().get(doc_id).cloned()))
        .flatten();
    match kept {
        Some(handle) => handle.mutate(|store| store.absorb(loaded.clone())).0,
        None => StoreHandle::new(Store::from_parts(loaded.clone())),
    }
}

/// Keeps the document's store when the app leaves it.
#[hook]
pub(crate) fn use_session_keeper(doc_id: &str, latest: &LatestState, persist: bool) {
    let (doc_id, latest) = (doc_id.to_owned(), latest.clone());
    use_effect_with((), move |_| {
        move || {
            if persist {
                let store = latest.borrow().store.clone();
                STORES.with(|stores| stores.borrow_mut().insert(doc_id, store));
            }
        }
    });
}
