//! Colleagues' layers (issue 16): a document can hold, besides the person's own annotations,
//! read-only layers imported from colleagues' files of the same text. A layer is one record
//! in the local database, `layer:<doc>:<layer id>`, holding who made it, which file it came
//! from, when it was added, and its annotations and links in the JSON format's compact form
//! (so any CouchDB tool reads it as this app's export). It is replaced whole when the same
//! colleague's file is added again: layers are read-only, so there are no edits to merge.

use super::annotation::entity_id;
use super::content::{Annotations, Content};
use super::document::Document;
use super::formats::native::{self, SchemaError, TextInclusion};
use super::records::RECORD_VERSION;
use serde_json::Value;

/// A colleague's annotations of the open document.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// Stable within the document: from the annotator's name.
    pub id: String,
    pub annotator: String,
    /// The file it was read from.
    pub source: String,
    /// When it was added (RFC 3339).
    pub added: String,
    pub content: Annotations,
}

/// Where a document's layers start in the database.
pub fn layer_prefix(doc_id: &str) -> String {
    format!("layer:{doc_id}:")
}

/// The id a colleague's layer gets: their name as an id ("Ana Lima" → `ana-lima`), or
/// `unknown` for a file that names no one.
pub fn layer_id(annotator: &str) -> String {
    let id = entity_id(annotator);
    if id.is_empty() {
        "unknown".to_owned()
    } else {
        id
    }
}

impl Layer {
    pub fn new(annotator: &str, source: &str, added: &str, content: Annotations) -> Self {
        let annotator = annotator.trim();
        Layer {
            id: layer_id(annotator),
            annotator: if annotator.is_empty() {
                "unknown".to_owned()
            } else {
                annotator.to_owned()
            },
            source: source.to_owned(),
            added: added.to_owned(),
            content,
        }
    }

    pub fn record_id(&self, doc_id: &str) -> String {
        format!("{}{}", layer_prefix(doc_id), self.id)
    }

    /// The layer as a database record (JSON text), without a revision.
    pub fn to_record(&self, doc: &Document) -> String {
        let file = native::to_json(doc, self.content.content(), TextInclusion::Compact);
        let text = |s: &str| super::formats::json::always_text(&s, false);
        format!(
            "{{\"_id\":{},\"type\":\"layer\",\"doc\":{},\"v\":{RECORD_VERSION},\"annotator\":{},\"source\":{},\"added\":{},\"file\":{file}}}",
            text(&self.record_id(&doc.id)),
            text(&doc.id),
            text(&self.annotator),
            text(&self.source),
            text(&self.added),
        )
    }

    /// Reads a layer record of `doc` back; the annotations are checked against its text as
    /// any file of this app is.
    pub fn from_record(record: &Value, doc: &Document) -> Result<Layer, SchemaError> {
        let field = |name: &str| record[name].as_str().unwrap_or_default().to_owned();
        let id = field("_id");
        let prefix = layer_prefix(&doc.id);
        let Some(layer) = id.strip_prefix(&prefix) else {
            return Err(SchemaError::Structure(format!(
                "{id} is not a layer of this document"
            )));
        };
        let file = record
            .get("file")
            .ok_or_else(|| SchemaError::Structure(format!("{id} holds no annotations")))?;
        let content = native::parse_placed(&file.to_string(), doc)?;
        Ok(Layer {
            id: layer.to_owned(),
            annotator: field("annotator"),
            source: field("source"),
            added: field("added"),
            content,
        })
    }

    pub fn content(&self) -> Content<'_> {
        self.content.content()
    }
}

/// Puts `name` on every annotation of `content` that names no annotator (made before the
/// person gave their name), as a curation-style change: those annotations go and come back
/// named, with their links, so that the page applies it as one undoable exchange.
pub fn naming(content: Content<'_>, name: &str, now: &str) -> super::curation::Change {
    let name = name.trim();
    let mut change = super::curation::Change::default();
    if name.is_empty() {
        return change;
    }
    for annotation in content
        .annotations
        .iter()
        .filter(|a| a.annotator.is_empty())
    {
        change.remove.push(annotation.id.clone());
        let mut named = annotation.clone();
        name.clone_into(&mut named.annotator);
        now.clone_into(&mut named.updated);
        change.add.annotations.push(named);
    }
    let renamed: std::collections::HashSet<&str> =
        change.remove.iter().map(String::as_str).collect();
    change.add.relations = content
        .relations
        .iter()
        .filter(|r| renamed.contains(r.claim.as_str()) || renamed.contains(r.other.as_str()))
        .cloned()
        .collect();
    change
}
