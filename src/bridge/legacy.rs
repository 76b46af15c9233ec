//! Work saved by earlier versions of the app in localStorage (a library index, one value per
//! text, one per document's annotations in the app's JSON, versions 1–3, and the last deleted
//! document), read once and moved into the local database ([`super::storage`]). Values are
//! removed from localStorage only after the database holds them; a value that cannot be read
//! stays where it is and is reported.

use crate::model::formats::native;
use crate::model::library::{DocumentMeta, Library};
use crate::model::{default_document, Annotations, Document, DEFAULT_ARTICLE_ID};
use web_sys::Storage;

const PREFIX: &str = "text-annotator:";
const LIBRARY_KEY: &str = "text-annotator:library";
const TRASH_KEY: &str = "text-annotator:trash";

fn doc_key(id: &str) -> String {
    format!("{PREFIX}doc:{id}")
}

fn text_key(id: &str) -> String {
    format!("{PREFIX}text:{id}")
}

pub(crate) fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// One document found in localStorage, ready for the database.
pub(crate) struct LegacyDocument {
    pub document: Document,
    pub meta: DocumentMeta,
    pub content: Annotations,
    /// The keys to remove once the database holds it.
    pub keys: Vec<String>,
}

/// What localStorage holds from earlier versions.
#[derive(Default)]
pub(crate) struct Legacy {
    pub documents: Vec<LegacyDocument>,
    /// Values that could not be read, each with its key and why; they stay in localStorage.
    pub problems: Vec<String>,
    /// Keys with nothing left to move (an index whose documents all moved).
    pub other_keys: Vec<String>,
}

/// Whether any work of an earlier version is still in localStorage.
pub(crate) fn present() -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    (0..storage.length().unwrap_or(0)).any(|i| {
        storage
            .key(i)
            .ok()
            .flatten()
            .is_some_and(|k| k == LIBRARY_KEY || k == TRASH_KEY || k.starts_with(&doc_key("")))
    })
}

fn read_document(
    storage: &Storage,
    meta: DocumentMeta,
    legacy: &mut Legacy,
    text: Option<String>,
) -> Option<LegacyDocument> {
    let mut keys = Vec::new();
    let document = if meta.id == DEFAULT_ARTICLE_ID {
        default_document()
    } else {
        let Some(text) = text.or_else(|| storage.get_item(&text_key(&meta.id)).ok().flatten())
        else {
            legacy.problems.push(format!(
                "“{}”: its text is missing from local storage",
                meta.title
            ));
            return None;
        };
        keys.push(text_key(&meta.id));
        let mut doc = Document::new(&meta.id, &meta.title, meta.published.as_deref(), &text);
        doc.source_url = meta.source_url.clone();
        doc
    };
    let content = match storage.get_item(&doc_key(&meta.id)).ok().flatten() {
        None => Annotations::default(),
        Some(raw) => match native::parse(&raw, &document) {
            Ok(parsed) => {
                keys.push(doc_key(&meta.id));
                parsed.content
            }
            Err(e) => {
                legacy.problems.push(format!(
                    "the annotations of “{}” (key “{}”): {e}",
                    meta.title,
                    doc_key(&meta.id)
                ));
                return None;
            }
        },
    };
    Some(LegacyDocument {
        document,
        meta,
        content,
        keys,
    })
}

/// Reads everything an earlier version stored. Never changes localStorage.
pub(crate) fn read(now: &str) -> Legacy {
    let mut legacy = Legacy::default();
    let Some(storage) = local_storage() else {
        return legacy;
    };
    let mut library = match storage.get_item(LIBRARY_KEY).ok().flatten() {
        None => Library::default(),
        Some(raw) => match Library::parse(&raw) {
            Ok(library) => {
                legacy.other_keys.push(LIBRARY_KEY.to_owned());
                library
            }
            Err(e) => {
                legacy
                    .problems
                    .push(format!("the document index (key “{LIBRARY_KEY}”): {e}"));
                Library::default()
            }
        },
    };
    if library.get(DEFAULT_ARTICLE_ID).is_none() {
        library
            .documents
            .insert(0, DocumentMeta::of(&default_document(), now, true));
    }
    // Texts whose index entry is missing are found by their keys.
    for i in 0..storage.length().unwrap_or(0) {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        if let Some(id) = key.strip_prefix(&text_key("")) {
            if library.get(id).is_none() {
                if let Some(text) = storage.get_item(&key).ok().flatten() {
                    let doc = Document::new(id, id, None, &text);
                    library.upsert(DocumentMeta::of(&doc, now, false));
                }
            }
        }
    }
    for meta in library.documents {
        if let Some(found) = read_document(&storage, meta, &mut legacy, None) {
            legacy.documents.push(found);
        }
    }
    if let Some(raw) = storage.get_item(TRASH_KEY).ok().flatten() {
        let value: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
        let meta = <DocumentMeta as serde::Deserialize>::deserialize(&value["meta"]).ok();
        match (meta, value["text"].as_str()) {
            (Some(mut meta), Some(text)) => {
                meta.deleted = Some(now.to_owned());
                let annotations = value["annotations"].as_str().map(str::to_owned);
                let document =
                    Document::new(&meta.id, &meta.title, meta.published.as_deref(), text);
                let content = annotations
                    .and_then(|raw| native::parse(&raw, &document).ok())
                    .map(|p| p.content)
                    .unwrap_or_default();
                legacy.documents.push(LegacyDocument {
                    document,
                    meta,
                    content,
                    keys: vec![TRASH_KEY.to_owned()],
                });
            }
            _ => legacy.other_keys.push(TRASH_KEY.to_owned()),
        }
    }
    legacy
}

/// Removes values the database now holds.
pub(crate) fn remove(keys: &[String]) {
    if let Some(storage) = local_storage() {
        for key in keys {
            let _ = storage.remove_item(key);
        }
    }
}
