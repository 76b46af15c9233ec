//! One document's annotations: loading its records, saving what changed, and what is put
//! aside in localStorage as the page goes.

use super::super::db::{self, Written};
use super::super::legacy;
use super::now;
use crate::model::formats::{json, native};
use crate::model::library::DocumentMeta;
use crate::model::records::{self, RecordWrite, Stored, Unreadable};
use crate::model::{Annotations, Document, DEFAULT_ARTICLE_ID};
use serde_json::Value;

/// What was found in the database for a document.
#[derive(Debug, Default)]
pub struct Loaded {
    pub content: Annotations,
    pub stored: Stored,
    pub problem: Option<LoadProblem>,
    /// What `content` holds that the records lack (put back from the last visit).
    pub put_back: PutBack,
}

/// Work put back as a document opens, which its records lack: the first save writes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PutBack {
    #[default]
    Nothing,
    /// Changes made just before the page went away, from localStorage.
    Changes,
    /// The copy of the whole work a save in rounds kept ([`keep_whole`]), with any such
    /// changes over it: the saver removes the copy once the records hold everything.
    Whole,
}

/// Stored records that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadProblem {
    /// What is wrong, in words.
    pub reason: String,
    /// What could not be read, for download: a JSON list of the records as stored and the copy
    /// of the whole work (see [`keep_whole`]).
    pub raw: Option<String>,
    /// Saving must stay off so that nothing is written over them (a newer version's records).
    pub pause: bool,
}

impl LoadProblem {
    fn of(unreadable: Unreadable) -> LoadProblem {
        LoadProblem {
            reason: unreadable.reasons.join("; "),
            raw: (!unreadable.raw.is_empty()).then(|| json::list_text(&unreadable.raw)),
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
    // The copy of the whole work (see `keep_whole`), read beside the records.
    let copy = db::kept(&whole_key(&doc.id));
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
    retain_own(&doc.id, &mut found);
    let (stored, mut content, mut unreadable) = Stored::load(doc, &found);
    // The whole work as it was when a save in rounds began, if the page went before its last
    // round (see `keep_whole`); the first save writes what the records lack.
    let mut put_back = PutBack::Nothing;
    let copy_failed =
        |why| format!("the copy of the whole work kept by an unfinished save in rounds ({why})");
    match copy.await {
        Ok(None) => {}
        Ok(Some(file)) => match native::parse_placed(&file, doc) {
            Ok(whole) => {
                content = whole;
                put_back = PutBack::Whole;
            }
            // Said, offered for download beside any unreadable records (as JSON when it is
            // JSON, else as its text) and left in place, never put back in part. A newer
            // version's copy stops saving, as its records would.
            Err(e) => {
                unreadable.newer_version |= matches!(e, native::SchemaError::FutureVersion(_));
                unreadable.reasons.push(copy_failed(e.to_string()));
                unreadable
                    .raw
                    .push(serde_json::from_str(&file).unwrap_or(Value::String(file)));
            }
        },
        Err(reason) => unreadable.reasons.push(copy_failed(reason)),
    }
    let problem = (!unreadable.reasons.is_empty()).then(|| LoadProblem::of(unreadable));
    // Changes made just before the page went away last time; the first save writes them.
    if records::apply_unsaved(doc, &mut content, &take_unsaved(&doc.id)) > 0
        && put_back == PutBack::Nothing
    {
        put_back = PutBack::Changes;
    }
    Loaded {
        content,
        stored,
        put_back,
        problem,
    }
}

/// A document's records and annotations as the database holds them now, for a view that
/// follows them (the curation panel: it takes in the change feed's records with
/// [`Stored::absorb`] rather than reading everything again); unlike [`load`], it leaves the
/// page's unsaved changes where they are.
pub async fn stored_annotations(doc: &Document) -> Result<(Stored, Annotations), String> {
    let prefixes = [
        records::annotation_prefix(&doc.id),
        records::relation_prefix(&doc.id),
    ];
    let mut found = db::ranges(&prefixes).await?;
    retain_own(&doc.id, &mut found);
    let (stored, content, _) = Stored::load(doc, &found);
    Ok((stored, content))
}

/// Keeps the records of document `doc_id` that are this person's: not those of another
/// document whose id shares this one's start ("a" and "a:b"), nor a colleague's synced
/// records (their layer, [`super::layers_of`]).
pub(super) fn retain_own(doc_id: &str, found: &mut Vec<Value>) {
    let me = crate::bridge::sync::owner();
    found.retain(|r| {
        r["doc"].as_str().is_none_or(|d| d == doc_id) && !records::is_colleagues(r, me.as_deref())
    });
}

fn whole_key(doc_id: &str) -> String {
    format!("whole:{doc_id}")
}

/// Keeps a copy of a document's whole work (`file`: this app's compact JSON, as a layer is
/// kept) in one write, or removes it (`None`). A save in rounds of a big import takes seconds
/// or minutes, and what is left of it may be far more than localStorage holds when the page
/// goes: the next visit starts from this copy, then writes the records it lacks.
pub async fn keep_whole(doc_id: &str, file: Option<String>) -> Result<(), String> {
    db::keep(&whole_key(doc_id), file).await
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
    // Too much to keep (a big import's rounds): an older list must not be put back over what
    // was saved after it.
    if storage
        .set_item(&key, &format!("[{}]", list.join(",")))
        .is_err()
    {
        let _ = storage.remove_item(&key);
    }
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

/// The document's list entry (`doc:<id>`) as this tab last read or wrote it, with its
/// revision: each save writes the entry (counts, last edited) in the same `bulkDocs` as the
/// annotation records, one transaction, instead of reading it and writing it again after
/// them. A revision that is no longer the database's (renamed, deleted or restored
/// elsewhere) is refused like any other record, and the entry is then read again.
#[derive(Debug, Default)]
pub struct ListEntry(Option<(DocumentMeta, String)>);

/// Writes what changed since `stored` so that the database holds `content`; `stored` follows
/// every accepted record. The error (quota, a closed database) means nothing was written.
/// `writes` come from [`Stored::changes`] (or `Compared`), worked out while the store was
/// borrowed: nothing here may hold the store across a wait, since the page goes on editing it.
pub async fn save(
    doc: &Document,
    stored: &std::cell::RefCell<Stored>,
    entry: &std::cell::RefCell<ListEntry>,
    writes: &[RecordWrite],
    counts: [usize; 3],
) -> Result<SaveOutcome, String> {
    let mut outcome = SaveOutcome::default();
    if writes.is_empty() {
        return Ok(outcome);
    }
    let mut bodies: Vec<String> = writes.iter().map(|w| w.to_json()).collect();
    // The list entry goes with the records when this tab knows its revision; a deleted
    // document's entry is never cached, so that a restore elsewhere is seen at once.
    let cached = entry.borrow_mut().0.take().map(|(mut meta, rev)| {
        meta.counts = counts;
        meta.updated = now();
        bodies.push(records::with_rev(&records::meta_record(&meta), &rev));
        meta
    });
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
    let entry_written = match (cached, results.get(writes.len())) {
        (Some(meta), Some(Written { rev: Some(rev), .. })) => Some((meta, rev.clone())),
        _ => None,
    };
    match entry_written {
        Some(written) => entry.borrow_mut().0 = Some(written),
        // Not cached yet, or refused: read it, and write it on its own this once.
        None => match touch_entry(doc, counts).await {
            Touched::Written(written) => entry.borrow_mut().0 = Some(*written),
            Touched::Deleted(title) => outcome.deleted_elsewhere = Some(title),
            Touched::Failed => {}
        },
    }
    Ok(outcome)
}

/// How updating a list entry went.
enum Touched {
    /// The entry as written, and its revision (boxed: the other cases are small).
    Written(Box<(DocumentMeta, String)>),
    /// The document is in the trash (its title).
    Deleted(String),
    Failed,
}

/// Updates the document's list entry (counts, last edited). Returns the title when the
/// document turns out to be in the trash: the edit is kept with it, and the person is told.
pub(super) async fn touch(doc: &Document, counts: [usize; 3]) -> Option<String> {
    match touch_entry(doc, counts).await {
        Touched::Deleted(title) => Some(title),
        _ => None,
    }
}

async fn touch_entry(doc: &Document, counts: [usize; 3]) -> Touched {
    let id = records::meta_id(&doc.id);
    for _ in 0..3 {
        let Ok(existing) = db::get(&id).await else {
            return Touched::Failed;
        };
        let mut meta = existing
            .as_ref()
            .and_then(|v| records::read_meta(v).ok())
            .unwrap_or_else(|| DocumentMeta::of(doc, &now(), doc.id == DEFAULT_ARTICLE_ID));
        if meta.deleted.is_some() && !meta.builtin {
            return Touched::Deleted(meta.title);
        }
        meta.counts = counts;
        meta.updated = now();
        let mut record = records::meta_record(&meta);
        if let Some(rev) = existing.as_ref().and_then(|v| v["_rev"].as_str()) {
            record = records::with_rev(&record, rev);
        }
        let Ok(results) = db::write(&[record]).await else {
            return Touched::Failed;
        };
        match results.into_iter().next() {
            Some(r) if r.conflict() => continue,
            Some(Written { rev: Some(rev), .. }) => return Touched::Written(Box::new((meta, rev))),
            _ => return Touched::Failed,
        }
    }
    Touched::Failed
}
