//! JSONL for NLP pipelines: spaCy/Prodigy spans, and doccano's sequence-labelling lines.
//!
//! Offsets are code points, end-exclusive: the indices of a Python `str`, which is what
//! spaCy, Prodigy and doccano count in.
//!
//! **spaCy / Prodigy** ([`export_spacy`]): one line per document,
//!
//! ```json
//! {"text": "…", "meta": {"id": "…", "title": "…", "published": "2025-01-24"},
//!  "spans": [{"start": 0, "end": 13, "label": "ACTOR", "text": "Sergey Lavrov", "id": "a1",
//!             "note": "…", "entity": "…", "annotator": "…"}],
//!  "relations": [{"head_span": {"start": 20, "end": 60, "label": "CLAIM", "id": "c1"},
//!                 "child_span": {"start": 0, "end": 13, "label": "ACTOR", "id": "a1"},
//!                 "label": "SOURCE", "id": "r1"}]}
//! ```
//!
//! (written on a single line). In spaCy, `doc.char_span(s["start"], s["end"],
//! label=s["label"])` makes each span. Prodigy's `token_start`/`token_end` are left out: they
//! depend on a tokenizer, and spaCy re-tokenises the text anyway, so `char_span` returns
//! `None` for a span whose edges do not fall on its token boundaries (an annotation ending
//! inside a word, or "Armenia" in "Armenia's" with some tokenizers); pass
//! `alignment_mode="expand"` to widen such a span to whole tokens. Prodigy's relation
//! records name their ends by token index too (`head`, `child`); those are left out for the
//! same reason, and the ends are given as spans instead.
//!
//! Relations point from the claim (`head_span`) to its actor or date (`child_span`). Each
//! end span carries, besides Prodigy's `start`, `end` and `label`, the `id` of the span it
//! refers to: two annotations may share label and offsets in files from other tools, and
//! an id says which one is meant without a second lookup table (`head_id`/`child_id`)
//! that could disagree with the spans. Reading, an end with an `id` is matched by it; an
//! end without one (Prodigy's own files) by its start, end and label, and a relation whose
//! ends are the wrong way round (actor or date as head, claim as child) is turned round.
//!
//! A span's `annotator` (who made it, left out when unknown) is a key Prodigy and spaCy pass
//! over, like `id` and `note`.
//!
//! **doccano** ([`export_doccano`]): `{"text": "…", "label": [[0, 13, "actor"], …]}`,
//! labels and offsets only, plus `"annotators": ["Ada", "", …]` (one per triple, in the same
//! order; written only when some annotator is known), an extra key beside the two doccano
//! reads. Reading takes it when it is a list of strings as long as `label`. [`parse`]
//! also reads doccano's newer export with `entities`
//! (`{"id", "start_offset", "end_offset", "label"}`) and `relations` (`{"id", "from_id",
//! "to_id", "type"}`).

mod read;

pub use read::{looks_like, parse};

use super::Carries;
use crate::model::annotation::{Annotation, Label, Role};
use crate::model::content::Content;
use crate::model::document::Document;
use serde::Serialize;
use std::collections::HashMap;

/// Notes, entity names, hand-set date values and links travel in the span and relation
/// records. Not carried: orphans (they have no place in the text), creation and edit times,
/// and computed date values (spaCy gets the text; recomputing is cheaper than trusting a
/// stale copy).
pub(crate) const SPACY_CARRIES: Carries = Carries {
    annotators: true,
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: false,
};
pub(crate) const DOCCANO_CARRIES: Carries = Carries {
    annotators: true,
    notes: false,
    links: false,
    entities: false,
    date_values: false,
    orphans: false,
};

/// spaCy's convention: entity labels in upper case.
fn upper(label: Label) -> &'static str {
    match label {
        Label::Actor => "ACTOR",
        Label::Claim => "CLAIM",
        Label::Date => "DATE",
    }
}

fn upper_role(role: Role) -> &'static str {
    match role {
        Role::Source => "SOURCE",
        Role::Target => "TARGET",
        Role::When => "WHEN",
    }
}

#[derive(Serialize)]
struct SpacyLine<'a> {
    text: &'a str,
    meta: Meta<'a>,
    spans: Vec<SpanOut<'a>>,
    relations: Vec<RelationOut<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_url: Option<&'a str>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
    id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_value: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    annotator: &'a str,
}

#[derive(Serialize)]
struct SpanRef<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    id: &'a str,
}

impl<'a> SpanRef<'a> {
    fn of(a: &'a Annotation) -> Self {
        SpanRef {
            start: a.span.start.0,
            end: a.span.end.0,
            label: upper(a.label),
            id: &a.id,
        }
    }
}

#[derive(Serialize)]
struct RelationOut<'a> {
    head_span: SpanRef<'a>,
    child_span: SpanRef<'a>,
    label: &'static str,
    id: &'a str,
}

fn json_line(value: &impl Serialize) -> String {
    // Serialising these plain structs of strings and numbers cannot fail.
    let mut line = super::json::to_text(value, false).unwrap_or_default();
    line.push('\n');
    line
}

/// One line for the document: its text, metadata, spans in document order and links. Orphans
/// are left out (see `SPACY_CARRIES`).
pub fn export_spacy(doc: &Document, content: Content) -> String {
    let by_id: HashMap<&str, &Annotation> = content
        .annotations
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let line = SpacyLine {
        text: doc.index.text(),
        meta: Meta {
            id: &doc.id,
            title: &doc.title,
            published: doc.published.as_deref(),
            source_url: doc.source_url.as_deref(),
        },
        spans: content
            .annotations
            .iter()
            .map(|a| SpanOut {
                start: a.span.start.0,
                end: a.span.end.0,
                label: upper(a.label),
                text: &a.quote,
                id: &a.id,
                note: &a.note,
                entity: a.entity.as_deref().filter(|_| a.label == Label::Actor),
                date_value: a.date_value.as_deref().filter(|_| a.label == Label::Date),
                annotator: &a.annotator,
            })
            .collect(),
        relations: content
            .relations
            .iter()
            .filter_map(|r| {
                let claim = by_id.get(r.claim.as_str())?;
                let other = by_id.get(r.other.as_str())?;
                Some(RelationOut {
                    head_span: SpanRef::of(claim),
                    child_span: SpanRef::of(other),
                    label: upper_role(r.role),
                    id: &r.id,
                })
            })
            .collect(),
    };
    json_line(&line)
}

#[derive(Serialize)]
struct DoccanoLine<'a> {
    text: &'a str,
    label: Vec<(usize, usize, &'static str)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    annotators: Vec<&'a str>,
}

/// One line in doccano's sequence-labelling form: the text and `[start, end, label]` triples
/// in document order, labels in lower case as doccano's label names; when any annotator is
/// known, `annotators` names each triple's, in the same order (`""` for unknown).
pub fn export_doccano(doc: &Document, content: Content) -> String {
    let any_annotator = content.annotations.iter().any(|a| !a.annotator.is_empty());
    json_line(&DoccanoLine {
        text: doc.index.text(),
        label: content
            .annotations
            .iter()
            .map(|a| (a.span.start.0, a.span.end.0, a.label.as_str()))
            .collect(),
        annotators: if any_annotator {
            content
                .annotations
                .iter()
                .map(|a| a.annotator.as_str())
                .collect()
        } else {
            Vec::new()
        },
    })
}
