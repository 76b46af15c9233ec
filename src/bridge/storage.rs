//! The document library and each document's annotations in the local database ([`super::db`],
//! PouchDB over IndexedDB), as the records of [`crate::model::records`]. A change writes only
//! the records that changed; a record another tab changed first is refused by the database
//! (its revision moved on) and merged, never overwritten. Records that cannot be read are
//! left untouched and reported.

use super::db::{self, Written};
use super::legacy;
use crate::model::entities::{apply_merge, MergePlan};
use crate::model::formats::json;
use crate::model::library::{
    fold_for_search, merge_by_id, new_document_id, DocumentMeta, Library, WorkspaceDocument,
};
use crate::model::records::{self, RecordWrite, Stored, Unreadable};
use crate::model::{default_document, Annotations, Document, DEFAULT_ARTICLE_ID};
use serde_json::Value;
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
    migrate().await.map(Some)
}

async fn migrate() -> Result<String, String> {
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
        match db::get(&text_id).await?.map(|v| records::read_text(&v)) {
            Some(Ok(doc)) => {
                let meta = DocumentMeta::of(&doc, &now(), false);
                let _ = db::write(&[records::meta_record(&meta)]).await;
                view.problems.push(format!(
                    "the list entry of “{}” was missing and has been rebuilt from its text",
                    meta.title
                ));
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

/// What was found in the database for a document.
#[derive(Debug, Default)]
pub struct Loaded {
    pub content: Annotations,
    pub stored: Stored,
    pub problem: Option<LoadProblem>,
}

/// Stored records that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    /// What is wrong, in words.
    pub reason: String,
    /// The unreadable records as stored (JSON), for download.
    pub raw: Option<String>,
    /// Saving must stay off so that nothing is written over them (a newer version's records).
    pub pause: bool,
}

impl LoadProblem {
    fn of(unreadable: Unreadable) -> LoadProblem {
        LoadProblem {
            reason: unreadable.reasons.join("; "),
            raw: Some(json::list_text(&unreadable.raw)),
            pause: unreadable.newer_version,
        }
    }
}

/// Loads a document's annotations. Never deletes or overwrites anything.
pub async fn load(doc: &Document) -> Loaded {
    // Annotations and links in one call, the two range reads at the same time.
    let prefixes = [
        records::annotation_prefix(&doc.id),
        records::relation_prefix(&doc.id),
    ];
    let mut found = match db::ranges(&prefixes).await {
        Ok(records) => records,
        Err(reason) => {
            return Loaded {
                stored: Stored::empty(&doc.id),
                problem: Some(LoadProblem {
                    reason,
                    raw: None,
                    pause: true,
                }),
                ..Loaded::default()
            }
        }
    };
    // Records of another document whose id shares this one's start ("a" and "a:b").
    found.retain(|r| r["doc"].as_str().is_none_or(|d| d == doc.id));
    let (stored, mut content, unreadable) = Stored::load(doc, &found);
    // Changes made just before the page went away last time; the first save writes them.
    records::apply_unsaved(doc, &mut content, &take_unsaved(&doc.id));
    Loaded {
        content,
        stored,
        problem: (!unreadable.reasons.is_empty()).then(|| LoadProblem::of(unreadable)),
    }
}

fn unsaved_key(doc_id: &str) -> String {
    format!("text-annotator:unsaved:{doc_id}")
}

/// Writes the changes the database does not hold yet to localStorage, synchronously: called
/// as the page is hidden or left, when an asynchronous database write may not finish. The
/// next time the document is opened they are put back over what the database holds.
pub fn keep_unsaved(doc_id: &str, writes: &[RecordWrite]) {
    let Some(storage) = legacy::local_storage() else {
        return;
    };
    let key = unsaved_key(doc_id);
    if writes.is_empty() {
        let _ = storage.remove_item(&key);
        return;
    }
    let list: Vec<String> = writes.iter().map(RecordWrite::to_json).collect();
    let _ = storage.set_item(&key, &format!("[{}]", list.join(",")));
}

fn take_unsaved(doc_id: &str) -> Vec<Value> {
    let Some(storage) = legacy::local_storage() else {
        return Vec::new();
    };
    let raw = storage.get_item(&unsaved_key(doc_id)).ok().flatten();
    match raw.and_then(|raw| serde_json::from_str::<Value>(&raw).ok()) {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    }
}

/// The database holds everything: nothing kept aside is needed any more.
pub fn forget_unsaved(doc_id: &str) {
    if let Some(storage) = legacy::local_storage() {
        let _ = storage.remove_item(&unsaved_key(doc_id));
    }
}

/// What the database answers for a record that is not there (any more).
fn tombstone(id: &str) -> Value {
    let mut object = serde_json::Map::new();
    object.insert("_id".to_owned(), Value::String(id.to_owned()));
    object.insert("_deleted".to_owned(), Value::Bool(true));
    Value::Object(object)
}

/// How a save went.
#[derive(Debug, Default)]
pub struct SaveOutcome {
    /// Records another tab had changed first were taken in: what storage held before them,
    /// to merge from (then save again).
    pub absorbed_from: Option<Stored>,
    /// The document was moved to the trash elsewhere (its title).
    pub deleted_elsewhere: Option<String>,
    /// Records arrived that this version cannot read.
    pub unreadable: Option<LoadProblem>,
}

/// Writes what changed since `stored` so that the database holds `content`; `stored` follows
/// every accepted record. The error (quota, a closed database) means nothing was written.
/// `writes` come from [`Stored::changes`], worked out while the store was borrowed: nothing
/// here may hold the store across a wait, since the page goes on editing it.
pub async fn save(
    doc: &Document,
    stored: &std::cell::RefCell<Stored>,
    writes: Vec<RecordWrite>,
    counts: [usize; 3],
) -> Result<SaveOutcome, String> {
    let mut outcome = SaveOutcome::default();
    if writes.is_empty() {
        return Ok(outcome);
    }
    let bodies: Vec<String> = writes.iter().map(|w| w.to_json()).collect();
    let results = db::write(&bodies).await?;
    let mut refused = Vec::new();
    let mut failure = None;
    for (write, result) in writes.iter().zip(&results) {
        match result {
            Written { rev: Some(rev), .. } => stored.borrow_mut().written(write, rev.clone()),
            r if r.conflict() => refused.push(write.id.clone()),
            r => failure = Some(r.error.clone()),
        }
    }
    if !refused.is_empty() {
        let mut current = Vec::new();
        for id in &refused {
            current.push(db::get(id).await?.unwrap_or_else(|| tombstone(id)));
        }
        let before = stored.borrow().clone();
        match stored.borrow_mut().absorb(doc, &current) {
            Ok(news) => outcome.absorbed_from = news.then_some(before),
            Err(unreadable) => outcome.unreadable = Some(LoadProblem::of(unreadable)),
        }
    }
    if let Some(error) = failure {
        return Err(error);
    }
    outcome.deleted_elsewhere = touch(doc, counts).await;
    Ok(outcome)
}

/// Updates the document's list entry (counts, last edited). Returns the title when the
/// document turns out to be in the trash: the edit is kept with it, and the person is told.
async fn touch(doc: &Document, counts: [usize; 3]) -> Option<String> {
    let id = records::meta_id(&doc.id);
    for _ in 0..3 {
        let existing = db::get(&id).await.ok()?;
        let mut meta = existing
            .as_ref()
            .and_then(|v| records::read_meta(v).ok())
            .unwrap_or_else(|| DocumentMeta::of(doc, &now(), doc.id == DEFAULT_ARTICLE_ID));
        if meta.deleted.is_some() && !meta.builtin {
            return Some(meta.title);
        }
        meta.counts = counts;
        meta.updated = now();
        let mut record = records::meta_record(&meta);
        if let Some(rev) = existing.as_ref().and_then(|v| v["_rev"].as_str()) {
            record = records::with_rev(&record, rev);
        }
        match db::write(&[record]).await.ok()?.first() {
            Some(r) if r.conflict() => continue,
            _ => return None,
        }
    }
    None
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

/// Every listed document with its annotations, for the workspace export and the views over
/// the whole library. A document that cannot be read is left out and named. Reads the texts,
/// annotations and links of all documents in three range reads, not three per document.
pub async fn all_documents() -> Result<(Vec<WorkspaceDocument>, Vec<String>), String> {
    let view = load_library().await?;
    let (mut documents, mut skipped) = (Vec::new(), view.problems);
    let mut texts = std::collections::HashMap::new();
    for value in db::range("text:").await? {
        if let Some(id) = value["doc"].as_str() {
            texts.insert(id.to_owned(), value);
        }
    }
    let mut records: std::collections::HashMap<String, Vec<Value>> = Default::default();
    for prefix in ["ann:", "rel:"] {
        for value in db::range(prefix).await? {
            if let Some(id) = value["doc"].as_str() {
                records.entry(id.to_owned()).or_default().push(value);
            }
        }
    }
    for meta in &view.library.documents {
        let document = if meta.id == DEFAULT_ARTICLE_ID {
            Ok(default_document())
        } else {
            texts
                .get(&meta.id)
                .ok_or_else(|| "its text is missing".to_owned())
                .and_then(records::read_text)
        };
        let mut document = match document {
            Ok(document) => document,
            Err(e) => {
                skipped.push(format!("“{}”: {e}", meta.title));
                continue;
            }
        };
        document.title = meta.title.clone();
        let found = records.remove(&meta.id).unwrap_or_default();
        let (_, content, unreadable) = Stored::load(&document, &found);
        if !unreadable.reasons.is_empty() {
            skipped.push(format!(
                "“{}”: some annotations could not be read ({})",
                meta.title,
                unreadable.reasons.join("; ")
            ));
        }
        documents.push(WorkspaceDocument { document, content });
    }
    Ok((documents, skipped))
}

/// Every stored text, folded for search ([`fold_for_search`]), by document id: one range
/// read. The built-in article is not stored; the caller adds it.
pub async fn search_texts() -> Result<Vec<(String, String)>, String> {
    Ok(db::range("text:")
        .await?
        .iter()
        .filter_map(|value| {
            let id = value["doc"].as_str()?;
            let text = value["text"].as_str()?;
            Some((id.to_owned(), fold_for_search(text)))
        })
        .collect())
}

/// How many records one database write holds during a workspace import: large enough to be
/// quick, small enough that the page keeps answering between writes.
const IMPORT_BATCH: usize = 500;

/// Brings a validated workspace into this browser. New documents are added; a document that
/// is here with the same text has its annotations merged by id (the later edit wins, nothing
/// is deleted); one that is here with another text is added as a copy. `progress` hears
/// (documents done, documents). Returns a report.
pub async fn import_workspace(
    documents: Vec<WorkspaceDocument>,
    random_hex: impl Fn() -> String,
    progress: impl Fn(usize, usize),
) -> Result<String, String> {
    let total = documents.len();
    let (mut added, mut merged, mut copies, mut annotations_in) = (0, 0, 0, 0);
    let mut batch: Vec<String> = Vec::new();
    // Which documents are here already, in one read: only those are opened to compare.
    let here: std::collections::HashSet<String> =
        db::range_ids("text:").await?.into_iter().collect();
    for (done, mut incoming) in documents.into_iter().enumerate() {
        let existing = match incoming.document.id.as_str() {
            DEFAULT_ARTICLE_ID => Some(default_document()),
            id if here.contains(&records::text_id(id)) => open_document(id).await.ok(),
            _ => None,
        };
        match existing {
            Some(here) if here.text_sha256 == incoming.document.text_sha256 => {
                let loaded = load(&here).await;
                if let Some(problem) = loaded.problem {
                    return Err(format!("“{}”: {}", here.title, problem.reason));
                }
                let (mine, theirs) = (loaded.content, incoming.content);
                let (annotations, summary) = merge_by_id(&mine.annotations, &theirs.annotations);
                let (orphans, _) = merge_by_id(&mine.orphans, &theirs.orphans);
                let mut relations = mine.relations;
                for r in theirs.relations {
                    if !relations.iter().any(|x| x.id == r.id) {
                        relations.push(r);
                    }
                }
                // Relations whose ends are not both here are dropped by the store's checks.
                let store = crate::model::Store::from_parts(Annotations {
                    annotations,
                    orphans,
                    relations,
                });
                batch.extend(
                    loaded
                        .stored
                        .changes(&here, store.content())
                        .iter()
                        .map(|w| w.to_json()),
                );
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
                let doc = &incoming.document;
                let mut meta = DocumentMeta::of(doc, &now(), false);
                meta.counts = DocumentMeta::count_labels(&incoming.content.annotations);
                batch.push(records::text_record(doc));
                batch.push(records::meta_record(&meta));
                batch.extend(
                    Stored::empty(&doc.id)
                        .changes(doc, incoming.content.content())
                        .iter()
                        .map(|w| w.to_json()),
                );
                annotations_in += incoming.content.annotations.len();
            }
        }
        if batch.len() >= IMPORT_BATCH || done + 1 == total {
            write_all(std::mem::take(&mut batch)).await?;
            progress(done + 1, total);
        }
    }
    Ok(format!(
        "{added} document{} added, {merged} merged with the copy here (nothing deleted, the later edit wins), {copies} added as copies because their text differs; {annotations_in} annotations added or updated",
        plural(added)
    ))
}

async fn write_all(records: Vec<String>) -> Result<(), String> {
    if records.is_empty() {
        return Ok(());
    }
    for result in db::write(&records).await? {
        if result.rev.is_none() {
            return Err(format!("writing “{}” failed ({})", result.id, result.error));
        }
    }
    Ok(())
}

/// How an entity merge went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Actors that now name the entity merged into (their records were written).
    pub changed: usize,
    /// Documents written.
    pub documents: usize,
    /// Documents left as they were, each with why, in words.
    pub skipped: Vec<String>,
}

/// Carries out a merge of entities ([`crate::model::entities::merge_plan`]) document by
/// document: each document is read afresh from the database, the plan's actors that still
/// name the entity merged away get the other's name ([`apply_merge`]), and only their
/// records are written, naming the revisions they replace (plus what was put aside as a
/// page went away, which the document's next opening would write anyway). A record another
/// tab changed in between is refused by the database; the document is then read again and
/// the merge applied again, up to three times. Nothing is deleted: links, other annotations
/// and unreadable records stay as they are. A document in the trash or with records of a
/// newer version is skipped and named. `open_doc` is the document open in this tab: it
/// picks the new records up through the change feed, and what it has put aside is left to
/// it. `progress` hears (documents done, documents). Fails when a write fails (quota, a
/// closed database); the documents written before that keep the merge.
pub async fn apply_entity_merge(
    plan: &MergePlan,
    open_doc: &str,
    progress: impl Fn(usize, usize),
) -> Result<MergeReport, String> {
    let mut report = MergeReport::default();
    let total = plan.documents.len();
    for (done, edits) in plan.documents.iter().enumerate() {
        let doc = match open_document(&edits.document_id).await {
            Ok(doc) => doc,
            Err(why) => {
                report
                    .skipped
                    .push(format!("“{}”: {why}", edits.document_title));
                progress(done + 1, total);
                continue;
            }
        };
        let mut written = 0;
        let mut settled = false;
        for _ in 0..3 {
            let loaded = load(&doc).await;
            if let Some(problem) = loaded.problem.as_ref().filter(|p| p.pause) {
                report
                    .skipped
                    .push(format!("“{}”: {}", doc.title, problem.reason));
                settled = true;
                break;
            }
            let mut content = loaded.content;
            apply_merge(&mut content, plan, edits, &now());
            let writes = loaded.stored.changes(&doc, content.content());
            if writes.is_empty() {
                settled = true;
                break;
            }
            let bodies: Vec<String> = writes.iter().map(RecordWrite::to_json).collect();
            let results = db::write(&bodies).await.map_err(|e| {
                failed_merge(&report, &format!("writing “{}” failed ({e})", doc.title))
            })?;
            let mut refused = false;
            for (write, result) in writes.iter().zip(&results) {
                match result {
                    Written { rev: Some(_), .. } => {
                        let edited = edits
                            .edits
                            .iter()
                            .any(|e| write.id == records::annotation_id(&doc.id, &e.annotation));
                        written += usize::from(edited);
                    }
                    r if r.conflict() => refused = true,
                    r => {
                        return Err(failed_merge(
                            &report,
                            &format!("writing “{}” failed ({})", doc.title, r.error),
                        ))
                    }
                }
            }
            if !refused {
                touch(&doc, DocumentMeta::count_labels(&content.annotations)).await;
                if doc.id != open_doc {
                    // Everything put aside for it is in the database now.
                    forget_unsaved(&doc.id);
                }
                settled = true;
                break;
            }
        }
        if !settled {
            report.skipped.push(format!(
                "“{}”: it kept changing in another tab (merge again to finish it)",
                doc.title
            ));
        }
        report.changed += written;
        report.documents += usize::from(written > 0);
        progress(done + 1, total);
    }
    Ok(report)
}

fn failed_merge(report: &MergeReport, why: &str) -> String {
    match report.documents {
        0 => format!("{why}; nothing was changed"),
        n => format!(
            "{why}; {n} document{} before it had already been changed",
            plural(n)
        ),
    }
}

/// How full this site's storage is, from 0 to 1 (`navigator.storage.estimate()`).
pub async fn fill_ratio() -> Option<f64> {
    let (usage, quota) = db::estimate().await?;
    (quota > 0.0).then(|| usage / quota)
}
