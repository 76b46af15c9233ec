//! Each document's store, with its undo history, kept for the whole visit: switching to
//! another document and back still lets Ctrl+Z undo what was done before (a *Delete all*
//! included). What the database holds when the document is opened again is merged in first,
//! against what it held when the document was left (so a change still on its way to the
//! database is not undone, and another tab's edits meanwhile are taken in); undo steps that
//! touch what changed meanwhile go.

use super::LatestState;
use crate::model::records::Stored;
use crate::model::store::Store;
use crate::model::sync::merge_stored;
use crate::model::Annotations;
use crate::ui::state::StoreHandle;
use std::cell::RefCell;
use std::collections::HashMap;
use yew::prelude::*;

thread_local! {
    /// Per document: its store, and what the database held (by this tab's knowledge) when
    /// the document was left.
    static STORES: RefCell<HashMap<String, (StoreHandle, Stored)>> = RefCell::default();
}

/// The store for a document: the one of this visit if it was open before, brought up to
/// date with `loaded`, or a new one.
pub(crate) fn session_store(doc_id: &str, loaded: &Annotations, persist: bool) -> StoreHandle {
    let kept = persist
        .then(|| STORES.with(|stores| stores.borrow().get(doc_id).cloned()))
        .flatten();
    let handle = match kept {
        Some((handle, left)) => {
            let merged = merge_stored(&left.content(), handle.borrow().content(), loaded);
            match merged {
                Some(merged) => handle.mutate(|store| store.absorb(merged)).0,
                None => handle,
            }
        }
        None => StoreHandle::new(Store::from_parts(loaded.clone())),
    };
    // The name is read each time a document is opened, so a change in the settings applies
    // from the next document on (a settings view should also call `set_annotator` on the
    // open store).
    let name = crate::bridge::settings::annotator_name().unwrap_or_default();
    handle.mutate(|store| store.set_annotator(&name)).0
}

/// Keeps the document's store when the app leaves it.
#[hook]
pub(crate) fn use_session_keeper(
    doc_id: &str,
    latest: &LatestState,
    stored: &std::rc::Rc<RefCell<Stored>>,
    persist: bool,
) {
    let (doc_id, latest, stored) = (doc_id.to_owned(), latest.clone(), stored.clone());
    use_effect_with((), move |_| {
        move || {
            if persist {
                let store = latest.borrow().store.clone();
                let left = stored.borrow().clone();
                STORES.with(|stores| stores.borrow_mut().insert(doc_id, (store, left)));
            }
        }
    });
}
