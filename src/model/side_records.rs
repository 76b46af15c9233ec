//! A document's side records: what the local database keeps about a document besides its list
//! entry, text, annotations and links. They are colleagues' layers (`layer:<doc>:<layer id>`,
//! [`crate::model::layers`]), the rejected suggestions (`suggest:<doc>`) and the curation
//! (`curation:<doc>`, read here only as a record with `_id`, `type`, `doc` and `v`). A
//! workspace file carries them with their document (`side_records` in its entry,
//! [`crate::model::library::workspace_entry_with`]), without the database's revisions; an
//! import checks each one, moves it to the document's new id when the document was added as
//! a copy, and writes it over the local one: layers and the curation are replaced (a layer is
//! a read-only snapshot), rejections are joined.

use super::document::Document;
use super::layers::{layer_prefix, Layer};
use super::suggest::Rejections;
use serde_json::Value;

/// The record of a document's rejected suggestions.
pub fn rejections_id(doc_id: &str) -> String {
    format!("suggest:{doc_id}")
}

/// The record of a document's curation.
pub fn curation_id(doc_id: &str) -> String {
    format!("curation:{doc_id}")
}

/// The side records of a document that have fixed ids (its layers are read by
/// [`layer_prefix`]).
pub fn single_ids(doc_id: &str) -> [String; 2] {
    [rejections_id(doc_id), curation_id(doc_id)]
}

/// The kinds of side record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideKind {
    Layer,
    Rejections,
    Curation,
}

/// Which of `doc_id`'s side records `id` is, if it is one.
pub fn kind_of(id: &str, doc_id: &str) -> Option<SideKind> {
    if id == rejections_id(doc_id) {
        Some(SideKind::Rejections)
    } else if id == curation_id(doc_id) {
        Some(SideKind::Curation)
    } else {
        id.strip_prefix(&layer_prefix(doc_id))
            .filter(|layer| !layer.is_empty())
            .map(|_| SideKind::Layer)
    }
}

/// A record as JSON text without the database's own fields (`_rev` and any other starting
/// with `_`, but `_id`), as a workspace carries it; with `rev` as its `_rev` when one is given
/// (a write over the record of that revision). Written field by field, so no field is ever
/// taken out of the record.
pub fn record_text(record: &Value, rev: Option<&Value>) -> String {
    let mut text = String::from("{");
    if let Value::Object(fields) = record {
        for (key, value) in fields {
            if key != "_id" && key.starts_with('_') {
                continue;
            }
            if text.len() > 1 {
                text.push(',');
            }
            text.push_str(&Value::from(key.as_str()).to_string());
            text.push(':');
            text.push_str(&value.to_string());
        }
    }
    if let Some(rev) = rev {
        if text.len() > 1 {
            text.push(',');
        }
        text.push_str("\"_rev\":");
        text.push_str(&rev.to_string());
    }
    text.push('}');
    text
}

/// Reads a side record of a workspace's document `from` (its id in the file) for `doc` (the
/// document as it is written, whose id differs from `from` when it was added as a copy): it
/// must be an object whose `_id` and `doc` name that document; a layer must be readable
/// against the text, rejections must be a list of rejections, a curation must have a `type`
/// and a `v`. The record comes back with `doc`'s id in `_id` and `doc`, for [`write_over`]
/// (which leaves the database's fields out); or why not, in words, naming it.
pub fn incoming(record: &Value, from: &str, doc: &Document) -> Result<Value, String> {
    if !record.is_object() {
        return Err("a side record that is not a JSON object".to_owned());
    }
    let fields = record;
    let id = fields
        .get("_id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let name = if id.is_empty() { "a side record" } else { id };
    let fail = |why: &str| Err(format!("{name}: {why}"));
    let Some(kind) = kind_of(id, from) else {
        return fail("not a side record of this document");
    };
    if fields.get("doc").and_then(Value::as_str) != Some(from) {
        return fail("its \"doc\" does not name this document");
    }
    let new_id = match kind {
        SideKind::Layer => format!(
            "{}{}",
            layer_prefix(&doc.id),
            &id[layer_prefix(from).len()..]
        ),
        SideKind::Rejections => rejections_id(&doc.id),
        SideKind::Curation => curation_id(&doc.id),
    };
    let mut record = record.clone();
    record["_id"] = new_id.into();
    record["doc"] = doc.id.as_str().into();
    match kind {
        SideKind::Layer => {
            Layer::from_record(&record, doc).map_err(|e| format!("{name}: {e}"))?;
        }
        SideKind::Rejections => {
            rejections_of(&record).map_err(|e| format!("{name}: {e}"))?;
        }
        SideKind::Curation => {
            if !record["type"].is_string() || !record["v"].is_u64() {
                return fail("it has no \"type\" or no \"v\"");
            }
        }
    }
    Ok(record)
}

fn rejections_of(record: &Value) -> Result<Rejections, String> {
    serde_json::from_value(record["rejected"].clone())
        .map_err(|e| format!("the rejected suggestions could not be read ({e})"))
}

/// What to write for an incoming side record ([`incoming`]) when the database holds `local`
/// under its id: the record itself ([`record_text`]), in place of the local one (naming its
/// revision); for rejections, the two sets joined (a local set that cannot be read is
/// replaced, as the suggestions panel does).
pub fn write_over(mut record: Value, local: Option<&Value>) -> String {
    if let Some(local) = local {
        let id = record["_id"].as_str().unwrap_or_default();
        let doc = record["doc"].as_str().unwrap_or_default();
        if kind_of(id, doc) == Some(SideKind::Rejections) {
            if let (Ok(mut joined), Ok(mine)) = (rejections_of(&record), rejections_of(local)) {
                for rejected in mine.iter() {
                    joined.reject(rejected.label, &rejected.text);
                }
                record["rejected"] = serde_json::to_value(joined).unwrap_or_default();
            }
        }
    }
    record_text(&record, local.and_then(|l| l.get("_rev")))
}
