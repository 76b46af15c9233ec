//! Work over every document at once: reading them all, the workspace import, the texts for
//! search, and merging two entities across the library.

use super::super::db::{self, Written};
use super::document::{forget_unsaved, load, touch};
use super::{load_library, now, open_document, plural};
use crate::model::entities::{apply_merge, MergePlan};
use crate::model::layers::layer_prefix;
use crate::model::library::fold_for_search;
use crate::model::library::{
    merge_by_id, new_document_id, DocumentMeta, WorkspaceDocument, WorkspaceFile,
};
use crate::model::records::{self, RecordWrite, Stored};
use crate::model::side_records;
use crate::model::{default_document, Annotations, Document, DEFAULT_ARTICLE_ID};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::JsCast;

/// Every listed document with its annotations, for the views over the whole library (the
/// workspace export takes them a few at a time instead: [`read_documents`]). A document that cannot be read is left out and named. Reads the texts,
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
    let me = crate::bridge::sync::owner();
    for prefix in ["ann:", "rel:"] {
        for value in db::range(prefix).await? {
            if records::is_colleagues(&value, me.as_deref()) {
                continue;
            }
            if let Some(id) = value["doc"].as_str() {
                records.entry(id.to_owned()).or_default().push(value);
            }
        }
    }
    for meta in &view.library.documents {
        let found = records.remove(&meta.id).unwrap_or_default();
        match build(meta, texts.get(&meta.id), &found) {
            Ok(document) => documents.push(document),
            Err(why) => skipped.push(why),
        }
    }
    Ok((documents, skipped))
}

/// One listed document with its annotations, from its text record and its annotation and link
/// records; or why it cannot be taken, in words, naming it.
fn build(
    meta: &DocumentMeta,
    text: Option<&Value>,
    found: &[Value],
) -> Result<WorkspaceDocument, String> {
    let document = if meta.id == DEFAULT_ARTICLE_ID {
        Ok(default_document())
    } else {
        text.ok_or_else(|| "its text is missing".to_owned())
            .and_then(records::read_text)
    };
    let mut document = document.map_err(|e| format!("“{}”: {e}", meta.title))?;
    document.title = meta.title.clone();
    let (_, content, unreadable) = Stored::load(&document, found);
    if !unreadable.reasons.is_empty() {
        return Err(format!(
            "“{}”: some annotations could not be read ({})",
            meta.title,
            unreadable.reasons.join("; ")
        ));
    }
    Ok(WorkspaceDocument { document, content })
}

/// The listed documents (in the library's order) and what could not be listed, for work that
/// takes the library a few documents at a time ([`read_documents`]).
pub async fn listed_documents() -> Result<(Vec<DocumentMeta>, Vec<String>), String> {
    let view = load_library().await?;
    Ok((view.library.documents, view.problems))
}

/// These documents with their annotations, read together (their texts by id, their records by
/// prefix, in two reads); each that cannot be taken is named in `skipped` instead.
pub async fn read_documents(
    metas: &[DocumentMeta],
    skipped: &mut Vec<String>,
) -> Result<Vec<WorkspaceDocument>, String> {
    let text_ids: Vec<String> = metas.iter().map(|m| records::text_id(&m.id)).collect();
    let texts = db::get_many(&text_ids).await?;
    let prefixes: Vec<String> = metas
        .iter()
        .flat_map(|m| {
            [
                records::annotation_prefix(&m.id),
                records::relation_prefix(&m.id),
            ]
        })
        .collect();
    let mut found: std::collections::HashMap<String, Vec<Value>> = Default::default();
    let me = crate::bridge::sync::owner();
    for value in db::ranges(&prefixes).await? {
        if records::is_colleagues(&value, me.as_deref()) {
            continue;
        }
        if let Some(id) = value["doc"].as_str() {
            found.entry(id.to_owned()).or_default().push(value);
        }
    }
    let mut documents = Vec::with_capacity(metas.len());
    for (meta, text) in metas.iter().zip(&texts) {
        let records = found.remove(&meta.id).unwrap_or_default();
        match build(meta, text.as_ref(), &records) {
            Ok(document) => documents.push(document),
            Err(why) => skipped.push(why),
        }
    }
    Ok(documents)
}

/// The side records of these documents (`model::side_records`: their colleagues' layers, their
/// rejected suggestions and their curation) as the database holds them, by document id: the
/// layers by prefix and the others by id, in two reads. A record under one of their
/// prefixes that names no document it could belong to is named in `skipped`.
async fn read_side_records(
    doc_ids: &[String],
    skipped: &mut Vec<String>,
) -> Result<HashMap<String, Vec<Value>>, String> {
    let prefixes: Vec<String> = doc_ids.iter().map(|id| layer_prefix(id)).collect();
    let singles: Vec<String> = doc_ids
        .iter()
        .flat_map(|id| side_records::single_ids(id))
        .collect();
    let layers = db::ranges(&prefixes).await?;
    let others = db::get_many(&singles).await?.into_iter().flatten();
    let mut found: HashMap<String, Vec<Value>> = HashMap::new();
    let mut seen = HashSet::new();
    for record in layers.into_iter().chain(others) {
        let id = record["_id"].as_str().unwrap_or_default().to_owned();
        // A document whose id starts with another's and a colon has its layers under the
        // other's prefix too: the `doc` field says whose they are.
        match record["doc"].as_str() {
            Some(doc) if side_records::kind_of(&id, doc).is_some() => {
                if seen.insert(id) {
                    let doc = doc.to_owned();
                    found.entry(doc).or_default().push(record);
                }
            }
            _ => skipped.push(format!("{id}: its \"doc\" does not name its document")),
        }
    }
    Ok(found)
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

/// How a workspace import ended when it did not finish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkspaceImportError {
    /// The file was refused whole before anything was written (why, in words).
    Rejected(String),
    /// A write failed part way; the documents written before it are kept (why, in words).
    Stopped(String),
}

/// Imports a workspace file given as its bytes: the file is split into its documents, every
/// one is built and checked before anything is written (one at a time, so only one is ever
/// built), then [`import_workspace`] writes them. Run by the views loaded on first use
/// (`bridge::lazy_views::import_workspace`), so none of this is in the page's download.
pub async fn import_workspace_file(
    bytes: Vec<u8>,
    random_hex: impl Fn() -> String,
    progress: impl Fn(usize, usize),
) -> Result<String, WorkspaceImportError> {
    use WorkspaceImportError::{Rejected, Stopped};
    let text =
        String::from_utf8(bytes).map_err(|_| Rejected("the file is not UTF-8 text".to_owned()))?;
    let file = WorkspaceFile::open(&text).map_err(|e| Rejected(e.to_string()))?;
    (0..file.len())
        .try_for_each(|i| file.document(i).map(drop))
        .map_err(|e| Rejected(e.to_string()))?;
    import_workspace(&file, random_hex, progress)
        .await
        .map_err(Stopped)
}

/// How many records one database write holds during a workspace import: large enough to be
/// quick, small enough that the page keeps answering between writes.
const IMPORT_BATCH: usize = 500;

/// Brings a validated workspace into this browser. New documents are added; a document that
/// is here with the same text has its annotations merged by id (the later edit wins, nothing
/// is deleted); one that is here with another text is added as a copy. Each document is built
/// from the file when its turn comes and dropped once written, so memory holds the file and a
/// batch, never the whole library built. `progress` hears (documents done, documents).
/// Returns a report.
pub async fn import_workspace(
    file: &WorkspaceFile<'_>,
    random_hex: impl Fn() -> String,
    progress: impl Fn(usize, usize),
) -> Result<String, String> {
    let total = file.len();
    let (mut added, mut merged, mut copies, mut annotations_in, mut side_in) = (0, 0, 0, 0, 0);
    let mut unreadable = Vec::new();
    let mut batch: Vec<String> = Vec::new();
    // Which documents are here already, in one read: only those are opened to compare.
    let here: std::collections::HashSet<String> =
        db::range_ids("text:").await?.into_iter().collect();
    for done in 0..total {
        let (mut incoming, side) = file
            .document_with_side_records(done)
            .map_err(|e| e.to_string())?;
        let from = incoming.document.id.clone();
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
        side_in += side_writes(
            &side,
            &from,
            &incoming.document,
            &mut batch,
            &mut unreadable,
        )
        .await?;
        if batch.len() >= IMPORT_BATCH || done + 1 == total {
            write_all(std::mem::take(&mut batch)).await?;
            progress(done + 1, total);
        }
    }
    let mut report = format!(
        "{added} document{} added, {merged} merged with the copy here (nothing deleted, the later edit wins), {copies} added as copies because their text differs; {annotations_in} annotations added or updated",
        plural(added)
    );
    if side_in > 0 {
        report.push_str(&format!(
            "; {side_in} side record{} written (colleagues' layers, rejected suggestions, curation)",
            plural(side_in)
        ));
    }
    if !unreadable.is_empty() {
        report.push_str(&format!(
            "; left out because they could not be read: {}",
            unreadable.join("; ")
        ));
    }
    Ok(report)
}

/// Adds to `batch` the writes of a workspace document's side records (`from` is its id in the
/// file, `doc` the document as written, under a new id when it became a copy): each is
/// checked and moved to `doc`'s id (`side_records::incoming`), then written over the local
/// record of the same id, whose revision is read here (layers and the curation replaced,
/// rejections joined). One that cannot be read, or is listed twice, is named in `unreadable`
/// instead. Returns how many are written.
async fn side_writes(
    side: &[Value],
    from: &str,
    doc: &Document,
    batch: &mut Vec<String>,
    unreadable: &mut Vec<String>,
) -> Result<usize, String> {
    let (mut ready, mut ids) = (Vec::new(), Vec::new());
    for record in side {
        let checked = side_records::incoming(record, from, doc).and_then(|record| {
            let id = record["_id"].as_str().unwrap_or_default().to_owned();
            if ids.contains(&id) {
                return Err(format!("{id}: listed twice"));
            }
            ids.push(id);
            Ok(record)
        });
        match checked {
            Ok(record) => ready.push(record),
            Err(why) => unreadable.push(format!("“{}”: {why}", doc.title)),
        }
    }
    if ready.is_empty() {
        return Ok(0);
    }
    let local = db::get_many(&ids).await?;
    let count = ready.len();
    for (record, local) in ready.into_iter().zip(&local) {
        batch.push(side_records::write_over(record, local.as_ref()));
    }
    Ok(count)
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

/// Documents read and written into a workspace at a time: this many are held built, and the
/// file's pieces are kept as the browser's strings until they become the download.
const WORKSPACE_CHUNK: usize = 25;

/// Writes the whole library as a workspace file and starts its download (`file_name`): the
/// number of documents in it, and those left out because they could not be read (named, with
/// why). The entries are written by the import worker, a few documents at a time, so memory
/// holds little more than the file; each document's side records (`model::side_records`) are
/// read with its batch and added to its entry. `progress` hears (documents done, documents).
pub async fn export_workspace_file(
    exported: &str,
    file_name: &str,
    progress: impl Fn(usize, usize),
) -> Result<(usize, Vec<String>), String> {
    let (listed, mut skipped) = listed_documents().await?;
    let parts = js_sys::Array::new();
    parts.push(&crate::model::library::workspace_head(exported).into());
    let mut count = 0;
    for (n, chunk) in listed.chunks(WORKSPACE_CHUNK).enumerate() {
        let documents = read_documents(chunk, &mut skipped).await?;
        let ids: Vec<String> = documents.iter().map(|d| d.document.id.clone()).collect();
        let mut side = read_side_records(&ids, &mut skipped).await?;
        let entries = crate::bridge::formats_worker::workspace_entries(&documents).await?;
        drop(documents);
        for (entry, id) in entries.iter().zip(&ids) {
            if count > 0 {
                parts.push(&crate::model::library::WORKSPACE_SEPARATOR.into());
            }
            match side.remove(id) {
                // The entry without its closing brace, then the side records and the brace
                // (`library::workspace_entry_with`), still as the browser's strings.
                Some(records) => {
                    let entry: js_sys::JsString = entry.unchecked_into();
                    parts.push(&entry.slice(0, entry.length().saturating_sub(1)));
                    parts.push(&crate::model::library::side_records_end(&records).into());
                }
                None => {
                    parts.push(&entry);
                }
            }
            count += 1;
        }
        progress(
            (n * WORKSPACE_CHUNK + chunk.len()).min(listed.len()),
            listed.len(),
        );
    }
    parts.push(&crate::model::library::WORKSPACE_TAIL.into());
    crate::bridge::files::download_parts(file_name, "application/json", &parts)?;
    Ok((count, skipped))
}
