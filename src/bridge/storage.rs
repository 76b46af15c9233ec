//! localStorage load and save. A stored value that cannot be read is copied aside under a
//! backup key before anything could overwrite it, and the user is told.

use crate::model::annotation::Annotation;
use crate::model::schema::{self, Document, TextInclusion};
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
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Annotation>,
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

/// Loads a document's annotations. Never deletes or overwrites anything.
pub fn load(doc: &Document, now_millis: f64) -> Loaded {
    let storage = match local_storage() {
        Ok(s) => s,
        Err(reason) => {
            return Loaded {
                annotations: Vec::new(),
                orphans: Vec::new(),
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
                annotations: Vec::new(),
                orphans: Vec::new(),
                problem: Some(LoadProblem {
                    reason: format!("reading local storage failed ({})", js_error_text(&e)),
                    raw: None,
                    backup_key: None,
                }),
            }
        }
    };
    match schema::parse(&raw, doc) {
        Ok(parsed) => Loaded {
            annotations: parsed.annotations,
            orphans: parsed.orphans,
            problem: None,
        },
        Err(e) => {
            let backup = format!("{key}:unreadable:{}", now_millis as u64);
            let backup_key = storage.set_item(&backup, &raw).ok().map(|_| backup);
            Loaded {
                annotations: Vec::new(),
                orphans: Vec::new(),
                problem: Some(LoadProblem {
                    reason: e.to_string(),
                    raw: Some(raw),
                    backup_key,
                }),
            }
        }
    }
}

/// Saves a document's annotations. The error says why, in words (quota, disabled storage).
pub fn save(
    doc: &Document,
    annotations: &[Annotation],
    orphans: &[Annotation],
) -> Result<(), String> {
    let storage = local_storage()?;
    let json = schema::to_json(doc, annotations, orphans, TextInclusion::HashOnly);
    storage
        .set_item(&document_key(&doc.id), &json)
        .map_err(|e| {
            let text = js_error_text(&e);
            if text.contains("Quota") {
                format!("local storage is full ({text})")
            } else {
                format!("local storage refused the write ({text})")
            }
        })
}
