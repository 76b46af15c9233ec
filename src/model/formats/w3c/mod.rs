//! W3C Web Annotation Data Model (JSON-LD).
//!
//! Export writes an `AnnotationCollection` whose embedded first page holds every annotation,
//! each a complete Web Annotation (with its own `@context`, so it stands alone):
//!
//! - `id`: `urn:text-annotator:<document id>:annotation:<annotation id>`, both ids
//!   percent-encoded (everything but `A-Z a-z 0-9 - . _ ~`), so any id gives a valid URI and
//!   reading the IRI back gives the original id.
//! - `motivation: "tagging"`, `created` and `modified` (only when they are RFC 3339 times),
//!   and `creator` (`{"type": "Person", "name": …}`) when the annotator is known.
//! - `body`: the label as a `TextualBody` with `purpose: "tagging"` (`actor`, `claim`,
//!   `date`); an actor's entity name, or a date's hand-set value (ISO 8601 / TIMEX3), as a
//!   `TextualBody` with `purpose: "identifying"` — what the mention refers to, read by the
//!   label; the note as a `TextualBody` with `purpose: "commenting"`.
//! - `target`: a `SpecificResource` on the document (its source URL, else
//!   `urn:text-annotator:<document id>`) with a `TextQuoteSelector` (exact, prefix, suffix)
//!   and a `TextPositionSelector` (code points, end-exclusive). Orphans have the quote
//!   selector only: their old offsets point at text that no longer holds them.
//!
//! Each link is an annotation of its own, `urn:text-annotator:<document id>:link:<id>`, with
//! `motivation: "linking"`, the claim's IRI as target, and as bodies the linked annotation's
//! IRI and a `TextualBody` with `purpose: "tagging"` naming the role (`source`, `target`,
//! `when`).
//!
//! Import reads that, and Web Annotations from other tools: a collection with embedded pages,
//! a page, one annotation or a list of them; targets and selectors as one object or a list;
//! bodies as one object, a list or `bodyValue`; labels and roles in any case; a creator as an
//! agent (its `name`, else `nickname`, else `id`) or an IRI, the first of a list.

mod iri;
mod read;

pub use read::{looks_like, parse};

use super::Carries;
use crate::model::annotation::{Annotation, Label, Relation};
use crate::model::content::Content;
use crate::model::document::Document;
use iri::{document_iri, item_iri, usable_uri};
use serde::Serialize;

pub(crate) const CARRIES: Carries = Carries {
    annotators: true,
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: true,
};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const ANNOTATION_KIND: &str = "annotation";
const LINK_KIND: &str = "link";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent>,
    body: Vec<Body>,
    target: Target,
}

/// Who made an annotation: `{"type": "Person", "name": …}`.
#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body {
    Iri(String),
    Text(TextualBody),
}

#[derive(Serialize)]
struct TextualBody {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

impl Body {
    fn text(purpose: &'static str, value: &str) -> Body {
        Body::Text(TextualBody {
            kind: "TextualBody",
            purpose,
            value: value.to_owned(),
        })
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Target {
    Iri(String),
    Specific(SpecificTarget),
}

#[derive(Serialize)]
struct SpecificTarget {
    #[serde(rename = "type")]
    kind: &'static str,
    source: String,
    selector: Vec<SelectorOut>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum SelectorOut {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        prefix: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        suffix: String,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}

/// An `AnnotationCollection` with its first page embedding every annotation.
pub fn export(doc: &Document, content: Content) -> String {
    let doc_iri = document_iri(&doc.id);
    let source = doc
        .source_url
        .as_deref()
        .and_then(usable_uri)
        .unwrap_or_else(|| doc_iri.clone());
    let mut items: Vec<Item> = Vec::new();
    for a in content.annotations {
        items.push(annotation_item(&doc.id, &source, a, true));
    }
    for a in content.orphans {
        items.push(annotation_item(&doc.id, &source, a, false));
    }
    for r in content.relations {
        items.push(link_item(&doc.id, r));
    }
    let collection = Collection {
        context: CONTEXT,
        id: format!("{doc_iri}:annotations"),
        kind: "AnnotationCollection",
        label: &doc.title,
        total: items.len(),
        first: Page {
            id: format!("{doc_iri}:annotations:page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    super::json::always_text(&collection, true)
}

fn annotation_item(doc_id: &str, source: &str, a: &Annotation, placed: bool) -> Item {
    let mut body = vec![Body::text("tagging", a.label.as_str())];
    let identity = match a.label {
        Label::Actor => a.entity.as_deref(),
        Label::Date => a.date_value.as_deref(),
        Label::Claim => None,
    };
    if let Some(value) = identity {
        body.push(Body::text("identifying", value));
    }
    if !a.note.is_empty() {
        body.push(Body::text("commenting", &a.note));
    }
    let mut selector = vec![SelectorOut::Quote {
        kind: "TextQuoteSelector",
        exact: a.quote.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
    }];
    if placed {
        selector.push(SelectorOut::Position {
            kind: "TextPositionSelector",
            start: a.span.start.0,
            end: a.span.end.0,
        });
    }
    Item {
        context: CONTEXT,
        id: item_iri(doc_id, ANNOTATION_KIND, &a.id),
        kind: "Annotation",
        motivation: "tagging",
        created: date_time(&a.created),
        modified: date_time(&a.updated),
        creator: (!a.annotator.is_empty()).then(|| Agent {
            kind: "Person",
            name: a.annotator.clone(),
        }),
        body,
        target: Target::Specific(SpecificTarget {
            kind: "SpecificResource",
            source: source.to_owned(),
            selector,
        }),
    }
}

fn link_item(doc_id: &str, r: &Relation) -> Item {
    Item {
        context: CONTEXT,
        id: item_iri(doc_id, LINK_KIND, &r.id),
        kind: "Annotation",
        motivation: "linking",
        created: date_time(&r.created),
        modified: None,
        creator: None,
        body: vec![
            Body::Iri(item_iri(doc_id, ANNOTATION_KIND, &r.other)),
            Body::text("tagging", r.role.as_str()),
        ],
        target: Target::Iri(item_iri(doc_id, ANNOTATION_KIND, &r.claim)),
    }
}

/// The time when it is an RFC 3339 date-time (what the schemas' `date-time` format takes);
/// anything else is left out rather than written as an invalid annotation.
fn date_time(value: &str) -> Option<String> {
    let parsed = chrono::DateTime::parse_from_rfc3339(value).ok()?;
    // chrono reads a leap second ":60" anywhere; JSON Schema only at 23:59:60 UTC.
    (parsed.timestamp_subsec_nanos() < 1_000_000_000).then(|| value.to_owned())
}
