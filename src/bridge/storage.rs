//! localStorage load and save. A stored value that cannot be read is copied aside under a
//! backup key before anything could overwrite it, and the user is told.

use crate::model::annotation::Annotation;
use crate::model::formats::native::{self, TextInclusion};
use crate::model::library::{
    merge_by_id, new_document_id, DocumentMeta, Library, WorkspaceDocument,
};
use crate::model::{default_document, DEFAULT_ARTICLE_ID};
use crate::model::{Annotations, Content, Document};
use wasm_bindgen::JsValue;
use web_sys::Storage;

const KEY_PREFIX: &str = "text-annotator";

/// The key holding a document's annotations. The schema version lives inside the value, so
/// a future version is recognised (and kept) rather than mistaken for missing data.
pub fn document_key(doc_id: &str) -> String {
    format!("{KEY_PREFIX}:doc:{doc_id}")
}

fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser has no local storage".to_owned()),
        Err(e) => Err(format!("local storage is disabled ({})", js_error_text(&e))),
    }
}

/// A readable description of a thrown JS value (DOMException name and message).
pub fn js_error_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    let name = js_sys::Reflect::get(value, &"name".into())
        .ok()
        .and_then(|v| v.as_string());
    let message = js_sys::Reflect::get(value, &"message".into())
        .ok()
        .and_then(|v| v.as_string());
    match (name, message) {
        (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
        (Some(n), _) => n,
        (None, Some(m)) => m,
        (None, None) => "unknown error".to_owned(),
    }
}

/// What was found in storage for a document.
#[derive(Debug, Default)]
pub struct Loaded {
    pub content: Annotations,
    pub problem: Option<LoadProblem>,
}

/// A stored value that could not be used, and where it was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    /// What is wrong, in words.
    pub reason: String,
    /// The unreadable value as it was stored, for download.
    pub raw: Option<String>,
    /// The key it was copied to; `None` if copying failed, in which case saving must stay off
    /// so the original is not overwritten.
    pub backup_key: Option<String>,
}

/// Copies an unreadable value to `<key>:unreadable:<time>`, once: if an earlier copy holds
/// the same value, that copy's key is returned.
fn keep_aside(storage: &Storage, key: &str, raw: &str) -> Result<String, String> {
    let prefix = format!("{key}:unreadable:");
    for i in 0..storage.length().unwrap_or(0) {
        if let Some(existing) = storage.key(i).ok().flatten() {
            if existing.starts_with(&prefix)
                && storage.get_item(&existing).ok().flatten().as_deref() == Some(raw)
            {
                return Ok(existing);
            }
        }
    }
    let backup = format!("{prefix}{}", js_sys::Date::now() as u64);
    set(storage, &backup, raw)?;
    Ok(backup)
}

/// Loads a document's annotations. Never deletes or overwrites anything.
pub fn load(doc: &Document) -> Loaded {
    let storage = match local_storage() {
        Ok(s) => s,
        Err(reason) => {
            return Loaded {
                content: Annotations::default(),
                problem: Some(LoadProblem {
                    reason,
                    raw: None,
                    backup_key: None,
                }),
            }
        }
    };
    let key = document_key(&doc.id);
    let raw = match storage.get_item(&key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::default(),
        Err(e) => {
            return Loaded {
                content: Annotations::default(),
                problem: Some(LoadProblem {
                    reason: format!("reading local storage failed ({})", js_error_text(&e)),
                    raw: None,
                    backup_key: None,
                }),
            }
        }
    };
    match native::parse(&raw, doc) {
        Ok(parsed) => Loaded {
            content: parsed.content,
            problem: None,
        },
        Err(e) => {
            let backup_key = keep_aside(&storage, &key, &raw).ok();
            Loaded {
                content: Annotations::default(),
                problem: Some(LoadProblem {
                    reason: e.to_string(),
                    raw: Some(raw),
                    backup_key,
                }),
            }
        }
    }
}

/// Saves a document's annotations; returns what was written. The error says why, in words
/// (quota, disabled storage).
pub fn save(doc: &Document, content: Content) -> Result<String, String> {
    let storage = local_storage()?;
    let json = native::to_json(doc, content, TextInclusion::Compact);
    set(&storage, &document_key(&doc.id), &json)?;
    touch_document(&storage, doc, content.annotations);
    Ok(json)
}

// ---- The document library -------------------------------------------------------------

const LIBRARY_KEY: &str = "text-annotator:library";
const TRASH_KEY: &str = "text-annotator:trash";

fn text_key(doc_id: &str) -> String {
    format!("{KEY_PREFIX}:text:{doc_id}")
}

fn set(storage: &Storage, key: &str, value: &str) -> Result<(), String> {
    storage.set_item(key, value).map_err(|e| {
        let text = js_error_text(&e);
        if text.contains("Quota") {
            format!("local storage is full ({text})")
        } else {
            format!("local storage refused the write ({text})")
        }
    })
}

/// The library index, always holding the built-in article. An unreadable index is copied
/// aside (never overwritten) and rebuilt from the texts that are stored.
pub fn load_library() -> Result<Library, String> {
    let storage = local_storage()?;
    let mut library = match storage.get_item(LIBRARY_KEY).ok().flatten() {
        None => Library::default(),
        Some(raw) => match Library::parse(&raw) {
            Ok(library) => library,
            Err(reason) => {
                let backup = keep_aside(&storage, LIBRARY_KEY, &raw)?;
                return Err(format!("{reason}; it was kept unchanged under “{backup}”"));
            }
        },
    };
    if library.get(DEFAULT_ARTICLE_ID).is_none() {
        let doc = default_document();
        library
            .documents
            .insert(0, DocumentMeta::of(&doc, "2025-01-24T00:00:00.000Z", true));
    }
    Ok(library)
}

fn save_library(storage: &Storage, library: &Library) -> Result<(), String> {
    set(storage, LIBRARY_KEY, &library.to_json())
}

/// Opens a document by id: the built-in article, or a stored text with its index entry.
pub fn open_document(id: &str) -> Result<Document, String> {
    if id == DEFAULT_ARTICLE_ID {
        return Ok(default_document());
    }
    let library = load_library()?;
    let meta = library
        .get(id)
        .ok_or_else(|| format!("there is no document “{id}” in this browser"))?;
    let storage = local_storage()?;
    let text = storage
        .get_item(&text_key(id))
        .ok()
        .flatten()
        .ok_or_else(|| format!("the text of “{}” is missing from storage", meta.title))?;
    let mut doc = Document::new(id, &meta.title, meta.published.as_deref(), &text);
    doc.source_url = meta.source_url.clone();
    if doc.text_sha256 != meta.text_sha256 {
        return Err(format!(
            "the stored text of “{}” does not match its fingerprint",
            meta.title
        ));
    }
    Ok(doc)
}

/// Stores a new document's text and lists it. On failure nothing is left half-written.
pub fn add_document(doc: &Document, now: &str) -> Result<(), String> {
    let storage = local_storage()?;
    let mut library = load_library()?;
    set(&storage, &text_key(&doc.id), doc.index.text())?;
    library.upsert(DocumentMeta::of(doc, now, false));
    save_library(&storage, &library).inspect_err(|_| {
        let _ = storage.remove_item(&text_key(&doc.id));
    })
}

pub fn rename_document(id: &str, title: &str) -> Result<(), String> {
    let storage = local_storage()?;
    let mut library = load_library()?;
    let mut meta = library
        .get(id)
        .cloned()
        .ok_or_else(|| format!("there is no document “{id}”"))?;
    meta.title = title.to_owned();
    library.upsert(meta);
    save_library(&storage, &library)
}

/// Deletes a document, keeping the last deleted one (text, annotations, index entry) so that
/// it can be restored. The built-in article cannot be deleted.
pub fn delete_document(id: &str) -> Result<(), String> {
    if id == DEFAULT_ARTICLE_ID {
        return Err("the built-in article cannot be deleted".to_owned());
    }
    let storage = local_storage()?;
    let mut library = load_library()?;
    let meta = library
        .remove(id)
        .ok_or_else(|| format!("there is no document “{id}”"))?;
    /// The last deleted document, kept for "restore" (its fields in the order `json!` wrote).
    #[derive(serde::Serialize)]
    struct Trash<'a> {
        annotations: Option<String>,
        meta: &'a DocumentMeta,
        text: Option<String>,
    }
    let trash = Trash {
        annotations: storage.get_item(&document_key(id)).ok().flatten(),
        meta: &meta,
        text: storage.get_item(&text_key(id)).ok().flatten(),
    };
    let trash = crate::model::formats::json::to_text(&trash, false).map_err(|e| e.to_string())?;
    set(&storage, TRASH_KEY, &trash)?;
    save_library(&storage, &library)?;
    let _ = storage.remove_item(&text_key(id));
    let _ = storage.remove_item(&document_key(id));
    Ok(())
}

/// The title of the last deleted document, if one can be restored.
pub fn deleted_title() -> Option<String> {
    let raw = local_storage().ok()?.get_item(TRASH_KEY).ok()??;
    let value: serde_json::Value = serde_json::from_str(&raw).ok()?;
    value["meta"]["title"].as_str().map(str::to_owned)
}

/// Restores the last deleted document; returns its id.
pub fn restore_deleted() -> Result<String, String> {
    let storage = local_storage()?;
    let raw = storage
        .get_item(TRASH_KEY)
        .ok()
        .flatten()
        .ok_or("no deleted document to restore")?;
    let value: serde_json::Value = serde_json::from_str(&raw)
        .map_err(|e| format!("the deleted document is unreadable: {e}"))?;
    let meta = <DocumentMeta as serde::Deserialize>::deserialize(&value["meta"])
        .map_err(|e| format!("the deleted document is unreadable: {e}"))?;
    let text = value["text"]
        .as_str()
        .ok_or("the deleted document has no text")?;
    set(&storage, &text_key(&meta.id), text)?;
    if let Some(annotations) = value["annotations"].as_str() {
        set(&storage, &document_key(&meta.id), annotations)?;
    }
    let mut library = load_library()?;
    let id = meta.id.clone();
    library.upsert(meta);
    save_library(&storage, &library)?;
    let _ = storage.remove_item(TRASH_KEY);
    Ok(id)
}

/// Records a document's counts and last-edited time in the index (after a save).
fn touch_document(storage: &Storage, doc: &Document, annotations: &[Annotation]) {
    let Ok(mut library) = load_library() else {
        return;
    };
    let mut meta = library.get(&doc.id).cloned().unwrap_or_else(|| {
        DocumentMeta::of(
            doc,
            &crate::bridge::clock::now_rfc3339(),
            doc.id == DEFAULT_ARTICLE_ID,
        )
    });
    meta.counts = DocumentMeta::count_labels(annotations);
    meta.updated = crate::bridge::clock::now_rfc3339();
    library.upsert(meta);
    let _ = save_library(storage, &library);
}

/// Every document with its annotations, for the workspace export.
pub fn workspace_documents() -> Result<Vec<WorkspaceDocument>, String> {
    let library = load_library()?;
    let mut documents = Vec::new();
    for meta in &library.documents {
        let document = open_document(&meta.id)?;
        let loaded = load(&document);
        if let Some(problem) = loaded.problem.filter(|p| p.raw.is_some()) {
            return Err(format!("“{}”: {}", meta.title, problem.reason));
        }
        documents.push(WorkspaceDocument {
            document,
            content: loaded.content,
        });
    }
    Ok(documents)
}

/// Brings a validated workspace into this browser. New documents are added; a document that
/// is here with the same text has its annotations merged by id (the later edit wins, nothing
/// is deleted); one that is here with another text is added as a copy. Returns a report.
pub fn import_workspace(
    documents: Vec<WorkspaceDocument>,
    random_hex: impl Fn() -> String,
) -> Result<String, String> {
    let storage = local_storage()?;
    let (mut added, mut merged, mut copies, mut annotations_in) = (0, 0, 0, 0);
    for mut incoming in documents {
        let library = load_library()?;
        let existing = library.get(&incoming.document.id).cloned();
        match existing {
            Some(meta) if meta.text_sha256 == incoming.document.text_sha256 => {
                let here = open_document(&meta.id)?;
                let loaded = load(&here);
                if let Some(problem) = loaded.problem.filter(|p| p.raw.is_some()) {
                    return Err(format!("“{}”: {}", meta.title, problem.reason));
                }
                let (here_content, theirs) = (loaded.content, incoming.content);
                let (annotations, summary) =
                    merge_by_id(&here_content.annotations, &theirs.annotations);
                let (orphans, _) = merge_by_id(&here_content.orphans, &theirs.orphans);
                let mut relations = here_content.relations;
                for r in theirs.relations {
                    if !relations.iter().any(|x| x.id == r.id) {
                        relations.push(r);
                    }
                }
                // Relations whose ends are not both here are dropped by the store's checks.
                let merged_store = crate::model::Store::from_parts(Annotations {
                    annotations,
                    orphans,
                    relations,
                });
                save(&here, merged_store.content())?;
                annotations_in += summary.added + summary.updated;
                merged += 1;
            }
            other => {
                if other.is_some() {
                    let title = format!("{} (imported copy)", incoming.document.title);
                    let id = new_document_id(&title, &random_hex());
                    let mut copy = Document::new(
                        &id,
                        &title,
                        incoming.document.published.as_deref(),
                        incoming.document.index.text(),
                    );
                    copy.source_url = incoming.document.source_url.clone();
                    incoming.document = copy;
                    copies += 1;
                } else {
                    added += 1;
                }
                add_document(&incoming.document, &crate::bridge::clock::now_rfc3339())?;
                save(&incoming.document, incoming.content.content())?;
                annotations_in += incoming.content.annotations.len();
            }
        }
    }
    let _ = storage;
    Ok(format!(
        "{added} document{} added, {merged} merged with the copy here (nothing deleted, the later edit wins), {copies} added as copies because their text differs; {annotations_in} annotations added or updated",
        if added == 1 { "" } else { "s" }
    ))
}

/// Chromium's local storage limit per site, measured here: 5 Mi UTF-16 code units for keys
/// and values together, whatever the script.
pub const QUOTA_UTF16_UNITS: f64 = 5.0 * 1024.0 * 1024.0;

/// How full local storage is, from 0 to 1 (keys and values of this site, in UTF-16 units).
/// Lengths are read on the JS side, so large values are not copied.
pub fn fill_ratio() -> Option<f64> {
    let storage = local_storage().ok()?;
    let mut units = 0.0;
    for i in 0..storage.length().ok()? {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        let value = js_sys::Reflect::get(&storage, &key.as_str().into()).ok()?;
        let length = js_sys::Reflect::get(&value, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
            .unwrap_or(0.0);
        units += key.encode_utf16().count() as f64 + length;
    }
    Some(units / QUOTA_UTF16_UNITS)
}

/// The raw stored value of a document's annotations, as last written by any tab.
pub fn read_raw(doc_id: &str) -> Option<String> {
    local_storage().ok()?.get_item(&document_key(doc_id)).ok()?
}
