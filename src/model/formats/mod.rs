//! Adapters to and from the formats other tools read — W3C Web Annotation, brat standoff,
//! JSONL for NLP (spaCy/Prodigy and doccano), CSV — and this app's own JSON.
//!
//! Each adapter writes a file from a document's [`Content`] and reads one into a
//! [`Foreign`]; [`plan::plan`] alone decides where what was read lands in the open document.
//! [`dispatch`] knows every format by name: which adapter reads a set of user files, which
//! writes an export. To add a format, copy a small neighbour (`csv.rs`): an `export`, a
//! `parse` into a [`Foreign`], a `looks_like` for recognition and its [`Carries`], then add
//! it to [`dispatch::ExportFormat`] and [`dispatch::read_files`].

pub mod brat;
pub mod csv;
pub mod dispatch;
pub(crate) mod json;
pub mod jsonl;
pub mod native;
pub mod plan;
pub mod w3c;
pub mod zip;

pub use plan::{plan, Draft, DraftRelation, Foreign, ImportPlan};

use super::annotation::Annotation;
use super::content::Content;
use super::document::Document;

/// What a format can hold besides label and offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carries {
    /// Who made each annotation.
    pub annotators: bool,
    pub notes: bool,
    pub links: bool,
    pub entities: bool,
    pub date_values: bool,
    pub orphans: bool,
}

/// What an export leaves out of the content, as phrases for the user ("2 notes", "5 links").
/// Empty when the format holds everything there is.
pub fn losses(content: Content, carries: Carries) -> Vec<String> {
    let annotations = content.annotations.iter().chain(content.orphans);
    let with = |has: fn(&Annotation) -> bool| annotations.clone().filter(|a| has(a)).count();
    [
        (
            carries.annotators,
            with(|a| !a.annotator.is_empty()),
            "annotator name",
            "annotator names",
        ),
        (
            carries.notes,
            with(|a| !a.note.trim().is_empty()),
            "note",
            "notes",
        ),
        (carries.links, content.relations.len(), "link", "links"),
        (
            carries.entities,
            with(|a| a.entity.is_some()),
            "entity name",
            "entity names",
        ),
        (
            carries.date_values,
            with(|a| a.date_value.is_some()),
            "hand-set date value",
            "hand-set date values",
        ),
        (carries.orphans, content.orphans.len(), "orphan", "orphans"),
    ]
    .into_iter()
    .filter(|&(carried, n, ..)| !carried && n > 0)
    .map(|(_, n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect()
}

/// A file name stem for a document: its id, reduced to characters every file system takes.
pub fn file_stem(doc: &Document) -> String {
    let stem: String = doc
        .id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if stem.is_empty() {
        "document".to_owned()
    } else {
        stem
    }
}
