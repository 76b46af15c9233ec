//! Small choices the page remembers in localStorage, like the theme: the Documents dialog's
//! sort order. Failing to read or save one only means it is not remembered.

use crate::model::library::DocumentSort;

/// Where the Documents dialog's sort order is kept (`published`, `title`, `edited`,
/// `annotations`).
pub const DOCUMENT_SORT_KEY: &str = "text-annotator:documents-sort";

/// The saved sort order of the Documents dialog (publication date when none is saved).
pub fn document_sort() -> DocumentSort {
    super::legacy::local_storage()
        .and_then(|s| s.get_item(DOCUMENT_SORT_KEY).ok().flatten())
        .and_then(|v| DocumentSort::parse(&v))
        .unwrap_or_default()
}

pub fn save_document_sort(sort: DocumentSort) {
    if let Some(storage) = super::legacy::local_storage() {
        let _ = storage.set_item(DOCUMENT_SORT_KEY, sort.as_str());
    }
}

/// Whether the suggesters run as soon as a document is opened ("1" when on).
pub const AUTO_SUGGEST_KEY: &str = "text-annotator:suggest-auto";

/// True when the person asked for suggestions whenever a document is opened.
pub fn auto_suggest() -> bool {
    super::legacy::local_storage()
        .and_then(|s| s.get_item(AUTO_SUGGEST_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

pub fn save_auto_suggest(on: bool) {
    if let Some(storage) = super::legacy::local_storage() {
        let _ = if on {
            storage.set_item(AUTO_SUGGEST_KEY, "1")
        } else {
            storage.remove_item(AUTO_SUGGEST_KEY)
        };
    }
}

/// Where the person's name as annotator is kept: stamped on the annotations they make.
pub const ANNOTATOR_KEY: &str = "text-annotator:annotator";

/// The saved annotator name, trimmed; `None` when none is saved (annotations are then made
/// by an unknown annotator).
pub fn annotator_name() -> Option<String> {
    super::legacy::local_storage()
        .and_then(|s| s.get_item(ANNOTATOR_KEY).ok().flatten())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// Set once the person was asked for their name (at their first export), answered or not.
pub const ANNOTATOR_ASKED_KEY: &str = "text-annotator:annotator-asked";

pub fn annotator_asked() -> bool {
    super::legacy::local_storage()
        .and_then(|s| s.get_item(ANNOTATOR_ASKED_KEY).ok().flatten())
        .is_some()
}

pub fn set_annotator_asked() {
    if let Some(storage) = super::legacy::local_storage() {
        let _ = storage.set_item(ANNOTATOR_ASKED_KEY, "1");
    }
}

/// What the person's own layer is called beside colleagues' (agreement, curation): their
/// annotator name, or "me".
pub fn own_layer_name() -> String {
    annotator_name().unwrap_or_else(|| "me".to_owned())
}

/// Saves the annotator name; an empty (or blank) one forgets it.
pub fn save_annotator_name(name: &str) {
    if let Some(storage) = super::legacy::local_storage() {
        let name = name.trim();
        let _ = if name.is_empty() {
            storage.remove_item(ANNOTATOR_KEY)
        } else {
            storage.set_item(ANNOTATOR_KEY, name)
        };
    }
}

/// A document to open with its layers panel (curation) showing: set just before switching
/// to a new gold document, taken once when it opens.
pub const OPEN_LAYERS_KEY: &str = "text-annotator:open-layers";

pub fn open_layers_next(doc_id: &str) {
    if let Some(storage) = super::legacy::local_storage() {
        let _ = storage.set_item(OPEN_LAYERS_KEY, doc_id);
    }
}

/// True (once) when `doc_id` was asked to open with its layers panel.
pub fn take_open_layers(doc_id: &str) -> bool {
    let Some(storage) = super::legacy::local_storage() else {
        return false;
    };
    let asked = storage.get_item(OPEN_LAYERS_KEY).ok().flatten();
    if asked.as_deref() == Some(doc_id) {
        let _ = storage.remove_item(OPEN_LAYERS_KEY);
        return true;
    }
    false
}
