//! The local database's records: one per document (its list entry), per text, per annotation
//! and per relation, each a JSON object with the same fields as the app's JSON export plus a
//! readable id (`doc:<doc>`, `text:<doc>`, `ann:<doc>:<annotation>`, `rel:<doc>:<relation>`),
//! a `type`, the document it belongs to and the schema version `v`. Any CouchDB tool can read
//! them. A change writes only the records that changed ([`Stored::changes`]), so an edit costs
//! one small write whatever the document's size, and two tabs (or, later, two devices) only
//! conflict when they change the same annotation.
//!
//! [`Stored`] is what this tab knows the database holds for the open document, with each
//! record's revision: the base of every write (a write names the revision it replaces, so the
//! database refuses it if another tab wrote in between) and of the three-way merge
//! ([`crate::model::sync::merge3`]) with what other tabs wrote.

mod stored;

pub use stored::{apply_unsaved, Compared, RecordWrite, Round, Stored, Unreadable};

use super::annotation::{Annotation, Relation};
use super::document::Document;
use super::formats::json;
use super::formats::native::{self, SchemaError, TextInclusion};
use super::library::DocumentMeta;
use serde_json::Value;

/// The schema version every record carries as `v`.
pub const RECORD_VERSION: u32 = native::SCHEMA_VERSION;

pub fn meta_id(doc_id: &str) -> String {
    format!("doc:{doc_id}")
}

pub fn text_id(doc_id: &str) -> String {
    format!("text:{doc_id}")
}

pub fn annotation_id(doc_id: &str, id: &str) -> String {
    format!("ann:{doc_id}:{id}")
}

pub fn relation_id(doc_id: &str, id: &str) -> String {
    format!("rel:{doc_id}:{id}")
}

/// Where a document's annotation and relation records start.
pub fn annotation_prefix(doc_id: &str) -> String {
    format!("ann:{doc_id}:")
}

pub fn relation_prefix(doc_id: &str) -> String {
    format!("rel:{doc_id}:")
}

/// A record as JSON text: `_id`, `type`, `doc` and `v`, then the fields of `fields` (an
/// object). Written as text, not built as a `serde_json::Value`: the value serializer would
/// be one more serializer in the download.
fn record<T: serde::Serialize>(
    id: &str,
    kind: &str,
    doc_id: &str,
    orphan: bool,
    fields: &T,
) -> String {
    let text = |s: &str| json::always_text(&s, false);
    let fields = json::always_text(fields, false);
    let mut out = format!(
        "{{\"_id\":{},\"type\":{},\"doc\":{},\"v\":{RECORD_VERSION}",
        text(id),
        text(kind),
        text(doc_id)
    );
    if orphan {
        out.push_str(",\"orphan\":true");
    }
    let rest = fields.strip_prefix('{').unwrap_or("}");
    if rest != "}" {
        out.push(',');
    }
    out.push_str(rest);
    out
}

/// `record` with the revision it replaces (`_rev`) put in front.
pub fn with_rev(record: &str, rev: &str) -> String {
    let rev = json::always_text(&rev, false);
    match record.strip_prefix('{') {
        Some(rest) => format!("{{\"_rev\":{rev},{rest}"),
        None => record.to_owned(),
    }
}

/// A placed annotation or an orphan, with the fields of the JSON export.
pub fn annotation_record(doc: &Document, a: &Annotation, orphan: bool) -> String {
    let id = annotation_id(&doc.id, &a.id);
    if orphan {
        record(&id, "annotation", &doc.id, true, &native::orphan_record(a))
    } else {
        let fields = native::placed_record(a, doc.published_date(), TextInclusion::WithText);
        record(&id, "annotation", &doc.id, false, &fields)
    }
}

pub fn relation_record(doc_id: &str, r: &Relation) -> String {
    let id = relation_id(doc_id, &r.id);
    record(&id, "relation", doc_id, false, &native::relation_record(r))
}

/// The document's entry in the list (title, dates, counts; `deleted` when in the trash).
pub fn meta_record(meta: &DocumentMeta) -> String {
    record(&meta_id(&meta.id), "document", &meta.id, false, meta)
}

/// The text with what identifies it; written once, when the document is added.
pub fn text_record(doc: &Document) -> String {
    #[derive(serde::Serialize)]
    struct TextFields<'a> {
        id: &'a str,
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        published: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source_url: Option<&'a str>,
        text: &'a str,
        text_sha256: &'a str,
    }
    let fields = TextFields {
        id: &doc.id,
        title: &doc.title,
        published: doc.published.as_deref(),
        source_url: doc.source_url.as_deref(),
        text: doc.index.text(),
        text_sha256: &doc.text_sha256,
    };
    record(&text_id(&doc.id), "text", &doc.id, false, &fields)
}

/// A record's schema version: one written by a newer app is refused, never rewritten.
pub fn check_version(value: &Value) -> Result<(), SchemaError> {
    match value.get("v").and_then(Value::as_u64) {
        Some(v) if v > u64::from(RECORD_VERSION) => Err(SchemaError::FutureVersion(
            u32::try_from(v).unwrap_or(u32::MAX),
        )),
        _ => Ok(()),
    }
}

pub fn read_meta(value: &Value) -> Result<DocumentMeta, String> {
    check_version(value).map_err(|e| e.to_string())?;
    <DocumentMeta as serde::Deserialize>::deserialize(value)
        .map_err(|e| format!("{}: {e}", describe_id(value)))
}

/// The document a text record holds, checked against its own fingerprint.
pub fn read_text(value: &Value) -> Result<Document, String> {
    check_version(value).map_err(|e| e.to_string())?;
    let field = |name: &str| value.get(name).and_then(Value::as_str);
    let (Some(id), Some(title), Some(text)) = (field("id"), field("title"), field("text")) else {
        return Err(format!(
            "{}: the text record lacks its id, title or text",
            describe_id(value)
        ));
    };
    let mut doc = Document::new(id, title, field("published"), text);
    doc.source_url = field("source_url").map(str::to_owned);
    match field("text_sha256") {
        Some(hash) if hash != doc.text_sha256 => Err(format!(
            "the stored text of “{title}” does not match its fingerprint"
        )),
        _ => Ok(doc),
    }
}

pub fn describe_id(value: &Value) -> String {
    match value.get("_id").and_then(Value::as_str) {
        Some(id) => format!("record “{id}”"),
        None => "a record without an id".to_owned(),
    }
}

pub(super) fn is_deleted(value: &Value) -> bool {
    value.get("_deleted").and_then(Value::as_bool) == Some(true)
}

pub(super) fn rev_of(value: &Value) -> Option<String> {
    value.get("_rev").and_then(Value::as_str).map(str::to_owned)
}

/// The last of each record in `records` (in the order they were written, as a change feed
/// gives them): a burst that adds an annotation and removes it again must end removed, and
/// [`Stored::absorb`] applies deletions before additions.
pub fn latest_each(mut records: Vec<Value>) -> Vec<Value> {
    let id = |record: &Value| record["_id"].as_str().unwrap_or_default().to_owned();
    let mut last = std::collections::HashMap::new();
    for (at, record) in records.iter().enumerate() {
        last.insert(id(record), at);
    }
    let mut at = 0;
    records.retain(|record| {
        at += 1;
        last.get(&id(record)) == Some(&(at - 1))
    });
    records
}

/// Who wrote a record, when team sync is on: its `owner` (a CouchDB user name).
pub fn owner_of(value: &Value) -> Option<&str> {
    value.get("owner").and_then(Value::as_str)
}

/// A colleague's record, synced from the project database: it names an owner who is not
/// `me`. Records that name no owner are this browser's own work from before sync (or a
/// deletion, which carries nothing but its id).
pub fn is_colleagues(value: &Value, me: Option<&str>) -> bool {
    owner_of(value).is_some_and(|owner| Some(owner) != me)
}

/// Splits a document's records into this person's and each colleague's (by owner, in
/// name order): the person edits their own; a colleague's are a read-only layer.
pub fn split_by_owner(
    records: Vec<Value>,
    me: Option<&str>,
) -> (Vec<Value>, Vec<(String, Vec<Value>)>) {
    let mut own = Vec::new();
    let mut colleagues: std::collections::BTreeMap<String, Vec<Value>> = Default::default();
    for record in records {
        if is_colleagues(&record, me) {
            let owner = owner_of(&record).unwrap_or_default().to_owned();
            colleagues.entry(owner).or_default().push(record);
        } else {
            own.push(record);
        }
    }
    (own, colleagues.into_iter().collect())
}
