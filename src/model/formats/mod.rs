//! Adapters to and from the formats other tools read: W3C Web Annotation, brat standoff,
//! JSONL for NLP (spaCy/Prodigy and doccano) and CSV.
//!
//! Every adapter parses its file into a [`Foreign`] — annotations as that file describes them,
//! in code points of the file's own text when it has one — and [`plan`] places them in the
//! open document. That one function decides offsets for every format: a file made for this
//! very text must match it exactly, a file made for another text (or with no text) is
//! re-anchored the way the documents feature defines, so no format has its own idea of where
//! an annotation belongs.

pub mod brat;
pub mod csv;
pub mod io;
pub mod jsonl;
pub mod w3c;
pub mod zip;

use super::anchor::{Anchorer, Placement, Selector};
use super::annotation::{Annotation, Label, Relation, Role, CONTEXT_CHARS};
use super::schema::{AnchorReport, Content, Document, ImportPlan};
use super::span::CharSpan;
use super::text::{CharOffset, TextIndex};
use std::collections::{HashMap, HashSet};

/// An annotation as a foreign file describes it, before it has a place in the open text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The file's id for it (unique within the file); relations refer to it.
    pub id: String,
    pub label: Option<Label>,
    /// Code points, end-exclusive, in the file's text (or the text it was made for).
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The annotated text as the file states it.
    pub quote: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    pub note: String,
    pub created: String,
    pub updated: String,
    pub entity: Option<String>,
    pub date_value: Option<String>,
    /// Where the record is in the file, for messages: "line 4", "annotation 3".
    pub place: String,
}

/// A link as a foreign file describes it, by the drafts' ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftRelation {
    pub id: String,
    pub claim: String,
    pub other: String,
    pub role: Role,
    pub created: String,
    pub place: String,
}

/// What an adapter read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Foreign {
    /// The text the offsets count in, when the file carries one (brat's .txt, JSONL's
    /// "text"). `None` means the offsets were made for some text the file does not hold.
    pub text: Option<String>,
    pub drafts: Vec<Draft>,
    pub relations: Vec<DraftRelation>,
}

/// Places a foreign file's annotations in the open document.
///
/// With the same text as the document, offsets must hold exactly: in range, on grapheme
/// boundaries, and equal to the quote when one is given; anything else rejects the whole
/// file, naming the record. With another text (or none), each annotation is placed by
/// position, quote, context or a fuzzy match, or becomes an orphan — never attached to
/// text that does not hold its quote. Links whose ends did not both find a place are
/// dropped and counted.
pub fn plan(foreign: Foreign, doc: &Document) -> Result<ImportPlan, String> {
    let same_text = foreign.text.as_deref() == Some(doc.index.text());
    let source_index = match &foreign.text {
        Some(text) if !same_text => Some(TextIndex::new(text)),
        _ => None,
    };
    let anchorer = Anchorer::new(&doc.index);
    let mut seen_ids: HashMap<&str, &str> = HashMap::new();
    let mut plan = ImportPlan {
        annotations: Vec::new(),
        orphans: Vec::new(),
        relations: Vec::new(),
        report: AnchorReport::default(),
        text_changed: !same_text,
    };
    let mut labels: HashMap<&str, Label> = HashMap::new();
    let mut placed_ids: HashSet<&str> = HashSet::new();
    for draft in &foreign.drafts {
        let fail = |problem: String| format!("{}: {problem}", draft.place);
        if draft.id.trim().is_empty() {
            return Err(fail("the id is empty".to_owned()));
        }
        if let Some(first) = seen_ids.insert(&draft.id, &draft.place) {
            return Err(fail(format!(
                "id \"{}\" is already used by {first}",
                draft.id
            )));
        }
        let label = draft
            .label
            .ok_or_else(|| fail("no label (expected actor, claim or date)".to_owned()))?;
        labels.insert(&draft.id, label);
        let selector = selector_of(draft, source_index.as_ref(), same_text, doc).map_err(fail)?;
        // A quote without offsets is searched for even in the file's own text.
        let placement = if same_text && draft.start.is_some() {
            Placement::Exact(CharSpan {
                start: selector.start,
                end: selector.end,
            })
        } else {
            anchorer.place(&selector.as_selector())
        };
        plan.report.count(&placement);
        match placement.span() {
            Some(span) => {
                let mut annotation =
                    Annotation::new(&doc.index, draft.id.clone(), label, span, &draft.created);
                fill_details(&mut annotation, draft);
                placed_ids.insert(&draft.id);
                plan.annotations.push(annotation);
            }
            None => {
                let mut orphan = Annotation {
                    id: draft.id.clone(),
                    label,
                    span: CharSpan {
                        start: selector.start,
                        end: selector.end.max(selector.start + 1),
                    },
                    quote: selector.quote,
                    prefix: selector.prefix,
                    suffix: selector.suffix,
                    note: String::new(),
                    created: draft.created.clone(),
                    updated: String::new(),
                    entity: None,
                    date_value: None,
                };
                fill_details(&mut orphan, draft);
                plan.orphans.push(orphan);
            }
        }
    }
    let mut relation_ids: HashMap<&str, &str> = HashMap::new();
    let mut links = HashSet::new();
    for relation in &foreign.relations {
        let fail = |problem: String| format!("{}: {problem}", relation.place);
        match labels.get(relation.claim.as_str()) {
            Some(Label::Claim) => {}
            Some(other) => {
                return Err(fail(format!(
                    "\"{}\" is {other}, not a claim",
                    relation.claim
                )))
            }
            None => {
                return Err(fail(format!(
                    "there is no annotation \"{}\"",
                    relation.claim
                )))
            }
        }
        match labels.get(relation.other.as_str()) {
            Some(label) if *label == relation.role.label() => {}
            Some(label) => {
                return Err(fail(format!(
                    "a {} link needs {}, but \"{}\" is {label}",
                    relation.role.as_str(),
                    relation.role.label(),
                    relation.other
                )))
            }
            None => {
                return Err(fail(format!(
                    "there is no annotation \"{}\"",
                    relation.other
                )))
            }
        }
        if let Some(first) = relation_ids.insert(&relation.id, &relation.place) {
            return Err(fail(format!(
                "id \"{}\" is already used by {first}",
                relation.id
            )));
        }
        if !links.insert((&relation.claim, &relation.other, relation.role)) {
            return Err(fail("the same link is listed twice".to_owned()));
        }
        if placed_ids.contains(relation.claim.as_str())
            && placed_ids.contains(relation.other.as_str())
        {
            plan.relations.push(Relation {
                id: relation.id.clone(),
                claim: relation.claim.clone(),
                other: relation.other.clone(),
                role: relation.role,
                created: relation.created.clone(),
            });
        } else {
            plan.report.links_dropped += 1;
        }
    }
    // "Made for another text" only when something did not land where the file said.
    plan.text_changed = plan.report.moved + plan.report.fuzzy + plan.report.orphaned > 0;
    Ok(plan)
}

/// A draft's quote, context and old position, checked against the text its offsets count in.
struct OwnedSelector {
    quote: String,
    prefix: String,
    suffix: String,
    start: usize,
    end: usize,
}

impl OwnedSelector {
    fn as_selector(&self) -> Selector<'_> {
        Selector {
            quote: &self.quote,
            prefix: &self.prefix,
            suffix: &self.suffix,
            start: self.start,
            end: self.end,
        }
    }
}

fn selector_of(
    draft: &Draft,
    source: Option<&TextIndex>,
    same_text: bool,
    doc: &Document,
) -> Result<OwnedSelector, String> {
    let position = match (draft.start, draft.end) {
        (Some(start), Some(end)) if start >= end => {
            return Err(format!(
                "start {start} must be smaller than end {end} (end is exclusive)"
            ))
        }
        (Some(start), Some(end)) => Some((start, end)),
        (None, None) => None,
        _ => return Err("has a start or an end but not both".to_owned()),
    };
    // The text the offsets count in: the file's own, else (same or no text) the document's.
    let counted_in = match source {
        Some(index) => Some(index),
        None if same_text || draft.quote.as_deref().is_none_or(str::is_empty) => Some(&doc.index),
        None => None,
    };
    let quote_given = draft.quote.clone().filter(|q| !q.is_empty());
    match (position, counted_in) {
        (Some((start, end)), Some(index)) => {
            let len = index.len_chars();
            if end > len {
                return Err(format!(
                    "offsets {start}–{end} are outside the text (length {len})"
                ));
            }
            for edge in [start, end] {
                if !index.is_grapheme_boundary(CharOffset(edge)) {
                    return Err(format!(
                        "offset {edge} splits a character (grapheme cluster)"
                    ));
                }
            }
            let actual = index.slice(CharOffset(start), CharOffset(end));
            if let Some(quote) = &quote_given {
                if actual != quote && (same_text || source.is_some()) {
                    return Err(format!(
                        "quote “{}” does not match the text at {start}–{end} (“{}”)",
                        super::store::shorten(quote, 40),
                        super::store::shorten(actual, 40)
                    ));
                }
            }
            Ok(OwnedSelector {
                quote: quote_given.unwrap_or_else(|| actual.to_owned()),
                prefix: draft.prefix.clone().unwrap_or_else(|| {
                    index
                        .slice(
                            CharOffset(start.saturating_sub(CONTEXT_CHARS)),
                            CharOffset(start),
                        )
                        .to_owned()
                }),
                suffix: draft.suffix.clone().unwrap_or_else(|| {
                    index
                        .slice(CharOffset(end), CharOffset(end + CONTEXT_CHARS))
                        .to_owned()
                }),
                start,
                end,
            })
        }
        (position, _) => {
            let quote = quote_given
                .ok_or_else(|| "has neither offsets nor a quote to find it by".to_owned())?;
            let (start, end) = position.unwrap_or((0, quote.chars().count()));
            Ok(OwnedSelector {
                quote,
                prefix: draft.prefix.clone().unwrap_or_default(),
                suffix: draft.suffix.clone().unwrap_or_default(),
                start,
                end,
            })
        }
    }
}

fn fill_details(annotation: &mut Annotation, draft: &Draft) {
    annotation.note = draft.note.clone();
    annotation.updated = if draft.updated.is_empty() {
        draft.created.clone()
    } else {
        draft.updated.clone()
    };
    annotation.entity = draft
        .entity
        .clone()
        .filter(|_| annotation.label == Label::Actor);
    annotation.date_value = draft
        .date_value
        .clone()
        .filter(|_| annotation.label == Label::Date);
}

/// What a format can hold besides label and offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carries {
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

/// One field of an RFC 4180 record: quoted when it holds a comma, quote or line break.
pub fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
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
