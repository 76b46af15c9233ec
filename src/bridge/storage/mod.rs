//! The document library and each document's annotations in the local database ([`super::db`],
//! PouchDB over IndexedDB), as the records of [`crate::model::records`]. A change writes only
//! the records that changed; a record another tab changed first is refused by the database
//! (its revision moved on) and merged, never overwritten. Records that cannot be read are
//! left untouched and reported.

mod document;
mod layers;
mod whole_library;

pub use document::{
    forget_unsaved, keep_unsaved, keep_whole, load, save, stored_annotations, ListEntry,
    LoadProblem, Loaded, PutBack, SaveOutcome,
};
pub use layers::{delete_layer, layers_of, save_layer, SYNCED_SOURCE};
pub use whole_library::{
    all_documents, apply_entity_merge, export_workspace_file, import_workspace,
    import_workspace_file, listed_documents, read_documents, search_texts, MergeReport,
    WorkspaceImportError,
};

use super::db::{self, Written};
use super::legacy;
use crate::model::library::{DocumentMeta, Library};
use crate::model::records::{self, Stored};
use crate::model::{default_document, Document, DEFAULT_ARTICLE_ID};
use wasm_bindgen::JsValue;

/// A readable description of a thrown JS value (DOMException name and message).
pub fn js_error_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(value, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match (field("name"), field("message")) {
        (Some(n), Some(m)) if !m.is_empty() && !m.starts_with(&n) => format!("{n}: {m}"),
        (_, Some(m)) if !m.is_empty() => m,
        (Some(n), _) => n,
        _ => "unknown error".to_owned(),
    }
}

fn now() -> String {
    super::clock::now_rfc3339()
}

/// Opens the database and, the first time, moves the work of earlier versions out of
/// localStorage. Returns what to tell the person about that move, if anything happened.
pub async fn start() -> Result<Option<String>, String> {
    if !db::ready() {
        return Err(
            "the local database could not be opened (is IndexedDB turned off in this browser?)"
                .to_owned(),
        );
    }
    // Fire and forget: the browser may ask the person, and nothing waits for the answer.
    wasm_bindgen_futures::spawn_local(async {
        db::persist().await;
    });
    if !legacy::present() {
        return Ok(None);
    }
    // Once per browser, and only where an older version left its data: the migration's code
    // (the readers of every earlier format) is loaded with the views loaded on first use.
    super::lazy_views::migrate().await.map(Some)
}

/// Moves what an earlier version kept in localStorage into the local database, verified,
/// then removes the old keys; the report in words. Run by the lazily loaded module
/// (`bridge::lazy_views::migrate`), never by the page's own code.
pub async fn migrate() -> Result<String, String> {
    let found = legacy::read(&now());
    let (mut documents, mut annotations) = (0, 0);
    let mut done_keys = found.other_keys.clone();
    for item in &found.documents {
        let mut records = vec![records::meta_record(&item.meta)];
        if item.document.id != DEFAULT_ARTICLE_ID {
            records.push(records::text_record(&item.document));
        }
        let stored = Stored::empty(&item.document.id);
        records.extend(
            stored
                .changes(&item.document, item.content.content())
                .iter()
                .map(|w| w.to_json()),
        );
        // A record that is already there (an earlier, interrupted move) is kept as it is.
        let results = db::write(&records).await?;
        if let Some(failed) = results.iter().find(|r| r.rev.is_none() && !r.conflict()) {
            return Err(format!(
                "moving “{}” into the local database failed ({}); it is still in local storage",
                item.meta.title, failed.error
            ));
        }
        // Verified: every annotation and link is in the database before the old value goes.
        let mut present = 0;
        for prefix in [
            records::annotation_prefix(&item.document.id),
            records::relation_prefix(&item.document.id),
        ] {
            present += db::range_ids(&prefix).await?.len();
        }
        let expected = item.content.annotations.len()
            + item.content.orphans.len()
            + item.content.relations.len();
        if present < expected {
            return Err(format!(
                "moving “{}” into the local database could not be verified; it is still in local storage",
                item.meta.title
            ));
        }
        documents += 1;
        annotations += item.content.annotations.len() + item.content.orphans.len();
        done_keys.extend(item.keys.iter().cloned());
    }
    legacy::remove(&done_keys);
    let mut message = format!(
        "Your saved work was moved from local storage into this browser's local database: {documents} document{}, {annotations} annotation{}.",
        plural(documents),
        plural(annotations)
    );
    if !found.problems.is_empty() {
        message.push_str(&format!(
            " Not moved, and left unchanged in local storage: {}.",
            found.problems.join("; ")
        ));
    }
    Ok(message)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The documents in this browser, and the trash.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryView {
    /// Listed documents, the built-in article first.
    pub library: Library,
    /// Deleted documents, most recently deleted first; each keeps its text and annotations.
    pub trash: Vec<DocumentMeta>,
    /// What could not be read, in words (the records stay as they are).
    pub problems: Vec<String>,
}

/// Lists the documents. A document whose list entry is missing or unreadable is listed again
/// from its text record, and the entry rewritten.
pub async fn load_library() -> Result<LibraryView, String> {
    let mut view = LibraryView::default();
    let mut listed = Vec::new();
    for value in db::range("doc:").await? {
        match records::read_meta(&value) {
            Ok(meta) => listed.push(meta),
            Err(e) => view.problems.push(e),
        }
    }
    for text_id in db::range_ids("text:").await? {
        let id = text_id.trim_start_matches("text:");
        if listed.iter().any(|m| m.id == id) {
            continue;
        }
        let value = db::get(&text_id).await?;
        // A text a colleague added, come down with team sync: listed here from now on.
        let synced = value
            .as_ref()
            .is_some_and(|v| records::is_colleagues(v, super::sync::owner().as_deref()));
        match value.map(|v| records::read_text(&v)) {
            Some(Ok(doc)) => {
                let meta = DocumentMeta::of(&doc, &now(), false);
                let _ = db::write(&[records::meta_record(&meta)]).await;
                if !synced {
                    view.problems.push(format!(
                        "the list entry of “{}” was missing and has been rebuilt from its text",
                        meta.title
                    ));
                }
                listed.push(meta);
            }
            Some(Err(e)) => view.problems.push(e),
            None => {}
        }
    }
    if !listed.iter().any(|m| m.id == DEFAULT_ARTICLE_ID) {
        listed.push(DocumentMeta::of(
            &default_document(),
            "2025-01-24T00:00:00.000Z",
            true,
        ));
    }
    for meta in listed {
        if meta.deleted.is_some() && !meta.builtin {
            view.trash.push(meta);
        } else if meta.builtin {
            view.library.documents.insert(0, meta);
        } else {
            view.library.documents.push(meta);
        }
    }
    view.trash.sort_by(|a, b| b.deleted.cmp(&a.deleted));
    Ok(view)
}

/// Opens a document by id: the built-in article, or a stored text.
pub async fn open_document(id: &str) -> Result<Document, String> {
    if id == DEFAULT_ARTICLE_ID {
        return Ok(default_document());
    }
    // The text and its list entry in one read.
    let mut found = db::get_many(&[records::text_id(id), records::meta_id(id)])
        .await?
        .into_iter();
    let (text, meta) = (found.next().flatten(), found.next().flatten());
    let value = text.ok_or_else(|| format!("there is no document “{id}” in this browser"))?;
    let mut doc = records::read_text(&value)?;
    if let Some(meta) = meta {
        if let Ok(meta) = records::read_meta(&meta) {
            if meta.deleted.is_some() {
                return Err(format!(
                    "“{}” is in the trash (restore it from Documents)",
                    meta.title
                ));
            }
            doc.title = meta.title;
        }
    }
    Ok(doc)
}

async fn update_meta(id: &str, change: impl Fn(&mut DocumentMeta)) -> Result<DocumentMeta, String> {
    let key = records::meta_id(id);
    for _ in 0..3 {
        let value = db::get(&key)
            .await?
            .ok_or_else(|| format!("there is no document “{id}”"))?;
        let mut meta = records::read_meta(&value)?;
        change(&mut meta);
        let record = records::with_rev(
            &records::meta_record(&meta),
            value["_rev"].as_str().unwrap_or_default(),
        );
        match db::write(&[record]).await?.first() {
            Some(r) if r.conflict() => continue,
            Some(Written { rev: Some(_), .. }) => return Ok(meta),
            Some(r) => return Err(r.error.clone()),
            None => break,
        }
    }
    Err(format!("“{id}” kept changing in another tab; try again"))
}

/// Stores a new document's text and lists it, in one write.
pub async fn add_document(doc: &Document, now: &str) -> Result<(), String> {
    let records = [
        records::text_record(doc),
        records::meta_record(&DocumentMeta::of(doc, now, false)),
    ];
    for result in db::write(&records).await? {
        if result.rev.is_none() {
            return Err(if result.conflict() {
                format!("a document with the id “{}” is already stored", doc.id)
            } else {
                result.error
            });
        }
    }
    Ok(())
}

pub async fn rename_document(id: &str, title: &str) -> Result<(), String> {
    update_meta(id, |meta| meta.title = title.to_owned())
        .await
        .map(|_| ())
}

/// Moves a document to the trash, with its text and annotations: nothing is erased, and any
/// tab still editing it keeps saving into it. The built-in article cannot be deleted.
pub async fn delete_document(id: &str) -> Result<(), String> {
    if id == DEFAULT_ARTICLE_ID {
        return Err("the built-in article cannot be deleted".to_owned());
    }
    let when = now();
    update_meta(id, |meta| meta.deleted = Some(when.clone()))
        .await
        .map(|_| ())
}

/// Takes a document out of the trash; returns its id.
pub async fn restore_deleted(id: &str) -> Result<String, String> {
    update_meta(id, |meta| meta.deleted = None)
        .await
        .map(|meta| meta.id)
}

/// How full this site's storage is, from 0 to 1 (`navigator.storage.estimate()`).
pub async fn fill_ratio() -> Option<f64> {
    let (usage, quota) = db::estimate().await?;
    (quota > 0.0).then(|| usage / quota)
}
