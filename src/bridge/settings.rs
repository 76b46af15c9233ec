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
