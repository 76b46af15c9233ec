//! The one place that decides where a file's annotations land in the open document.
//!
//! Every adapter, this app's own JSON included, reads its file into a [`Foreign`]:
//! annotations and links as the file describes them, in code points of the file's own text
//! when it has one. [`plan`] then places them. A file made for this very text must match it
//! exactly; a file made for another text (or with no text) is re-anchored — position, quote
//! and context, whitespace-folded, fuzzy, else orphan — so no format has its own idea of where
//! an annotation belongs, and every format's records are checked by the same rules with the
//! same messages.

use crate::model::anchor::{AnchorReport, Anchorer, Placement, Selector};
use crate::model::annotation::{Annotation, Label, Relation, Role, CONTEXT_CHARS};
use crate::model::content::Annotations;
use crate::model::document::Document;
use crate::model::span::{check_span, CharSpan};
use crate::model::text::{shorten, CharOffset, TextIndex};
use std::collections::{HashMap, HashSet};

/// An annotation as a file describes it, before it has a place in the open text.
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
    /// Who made it; empty when the file does not say.
    pub annotator: String,
    /// The file lists it as an orphan: its offsets are where it used to be, in a text the file
    /// does not hold. Against the same text it stays an orphan; against another text it gets
    /// a new chance by its quote.
    pub orphan: bool,
    /// Where the record is in the file, for messages: "line 4", "annotation 3".
    pub place: String,
}

/// A link as a file describes it, by the drafts' ids.
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

/// The most annotations (orphans included) one imported file may hold. Parsers count as they
/// read and stop at the first record past it, before anything is placed: placing 200,000
/// annotations takes a few seconds in the import worker, and the page then has to hold them
/// all (docs/performance.md, "Limits").
pub const MAX_IMPORT_ANNOTATIONS: usize = 200_000;

/// Fails when a parser that has read `count` annotations meets one more than
/// [`MAX_IMPORT_ANNOTATIONS`] allows, with a message naming the limit.
pub fn check_import_count(count: usize) -> Result<(), String> {
    if count < MAX_IMPORT_ANNOTATIONS {
        return Ok(());
    }
    Err(
        "the file holds more than 200,000 annotations, the most one import may hold; split \
         it into smaller files"
            .to_owned(),
    )
}

/// How far placing has come: `done` of `total` annotations. [`plan_with`] reports it at the
/// start, every [`PROGRESS_EVERY`] annotations and at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// How many annotations are placed between two progress reports.
pub const PROGRESS_EVERY: usize = 1_000;

/// An import ready to apply: annotations placed in the open text, orphans, and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub content: Annotations,
    pub report: AnchorReport,
    /// True when something did not land where the file said (the file was made for a
    /// different text and was re-anchored).
    pub text_changed: bool,
}

/// Places a file's annotations in the open document.
///
/// With the same text as the document, offsets must hold exactly: in range, on grapheme
/// boundaries, and equal to the quote when one is given; anything else rejects the whole
/// file, naming the record. With another text (or none), each annotation is placed by
/// position, quote, context or a fuzzy match, or becomes an orphan — never attached to
/// text that does not hold its quote. Links must join a claim to an actor (source, target)
/// or a date (when) of the same file; those whose ends did not both find a place are
/// dropped and counted.
pub fn plan(foreign: Foreign, doc: &Document) -> Result<ImportPlan, String> {
    plan_with(foreign, doc, &mut |_| {})
}

/// [`plan`], telling `progress` how far it has come (the import worker shows it on the page).
pub fn plan_with(
    foreign: Foreign,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportPlan, String> {
    place_all(foreign, doc, progress, &Anchorer::new(&doc.index))
}

/// [`plan`] for records that all carry offsets in the document's very text (`foreign.text`
/// is the document's): local storage, and an import the worker placed already. Each lands
/// exactly where it says or the file is rejected, as with [`plan`]; nothing is re-anchored
/// (a record without offsets would become an orphan, and this app's JSON has none), so the
/// re-anchoring code stays out of the page's own download and in the import worker's.
pub(crate) fn plan_same_text(
    foreign: Foreign,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportPlan, String> {
    debug_assert_eq!(foreign.text.as_deref(), Some(doc.index.text()));
    place_all(foreign, doc, progress, &NoReanchoring)
}

/// Finds a place for an annotation whose offsets do not hold in the open text.
trait Reanchor {
    fn place(&self, selector: &Selector) -> Placement;
}

impl Reanchor for Anchorer<'_> {
    fn place(&self, selector: &Selector) -> Placement {
        Anchorer::place(self, selector)
    }
}

/// For [`plan_same_text`]: no place but the exact one.
struct NoReanchoring;

impl Reanchor for NoReanchoring {
    fn place(&self, _: &Selector) -> Placement {
        Placement::Orphan
    }
}

fn place_all(
    foreign: Foreign,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
    anchorer: &impl Reanchor,
) -> Result<ImportPlan, String> {
    let total = foreign.drafts.len();
    progress(Progress { done: 0, total });
    let same_text = foreign.text.as_deref() == Some(doc.index.text());
    let source_index = match &foreign.text {
        Some(text) if !same_text => Some(TextIndex::new(text)),
        _ => None,
    };
    let mut seen_ids: HashMap<&str, &str> = HashMap::new();
    let mut content = Annotations::default();
    let mut report = AnchorReport::default();
    // Orphans the file already had, kept as they are against the same text: they say
    // nothing about whether this text differs from the file's.
    let mut kept_orphans = 0;
    let mut labels: HashMap<&str, Label> = HashMap::new();
    let mut placed_ids: HashSet<&str> = HashSet::new();
    for (done, draft) in foreign.drafts.iter().enumerate() {
        if done > 0 && done.is_multiple_of(PROGRESS_EVERY) {
            progress(Progress { done, total });
        }
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
        if draft.orphan && (same_text || draft.quote.as_deref().is_none_or(str::is_empty)) {
            let orphan = kept_orphan(draft, label).map_err(fail)?;
            report.orphaned += 1;
            kept_orphans += 1;
            content.orphans.push(orphan);
            continue;
        }
        let selector = selector_of(draft, source_index.as_ref(), same_text, doc).map_err(fail)?;
        // A quote without offsets is searched for even in the file's own text.
        let placement = if same_text && draft.start.is_some() && !draft.orphan {
            Placement::Exact(CharSpan::at(selector.start, selector.end))
        } else {
            anchorer.place(&selector.as_selector())
        };
        report.count(&placement);
        match placement.span() {
            Some(span) => {
                let mut annotation =
                    Annotation::new(&doc.index, draft.id.clone(), label, span, &draft.created);
                fill_details(&mut annotation, draft);
                placed_ids.insert(&draft.id);
                content.annotations.push(annotation);
            }
            None => {
                let span = CharSpan::at(selector.start, selector.end.max(selector.start + 1));
                let orphan = orphan_of(
                    draft,
                    label,
                    span,
                    selector.quote,
                    selector.prefix,
                    selector.suffix,
                );
                content.orphans.push(orphan);
            }
        }
    }
    content.relations = check_relations(&foreign.relations, &labels, |relation| {
        let placed = placed_ids.contains(relation.claim.as_str())
            && placed_ids.contains(relation.other.as_str());
        if !placed {
            report.links_dropped += 1;
        }
        placed
    })?;
    let landed_elsewhere = report.moved + report.fuzzy + report.orphaned - kept_orphans;
    progress(Progress { done: total, total });
    Ok(ImportPlan {
        content,
        report,
        text_changed: landed_elsewhere > 0,
    })
}

/// Checks every link (a claim to an actor or a date of the same file, unique ids, no link
/// twice) and keeps those `keep` accepts.
fn check_relations(
    relations: &[DraftRelation],
    labels: &HashMap<&str, Label>,
    mut keep: impl FnMut(&DraftRelation) -> bool,
) -> Result<Vec<Relation>, String> {
    let mut relation_ids: HashMap<&str, &str> = HashMap::new();
    let mut links = HashSet::new();
    let mut out = Vec::with_capacity(relations.len());
    for relation in relations {
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
        if keep(relation) {
            out.push(Relation {
                id: relation.id.clone(),
                claim: relation.claim.clone(),
                other: relation.other.clone(),
                role: relation.role,
                created: relation.created.clone(),
            });
        }
    }
    Ok(out)
}

/// An orphan as the file lists it: old offsets and quote as they were.
fn kept_orphan(draft: &Draft, label: Label) -> Result<Annotation, String> {
    let (start, end) = match (draft.start, draft.end) {
        (Some(start), Some(end)) if start < end => (start, end),
        (Some(start), Some(end)) => {
            return Err(format!(
                "start {start} must be smaller than end {end} (end is exclusive)"
            ))
        }
        _ => return Err("an orphan needs the start and end it used to have".to_owned()),
    };
    Ok(orphan_of(
        draft,
        label,
        CharSpan::at(start, end),
        draft.quote.clone().unwrap_or_default(),
        draft.prefix.clone().unwrap_or_default(),
        draft.suffix.clone().unwrap_or_default(),
    ))
}

/// An annotation kept without a place: where it was, and the text it was on.
fn orphan_of(
    draft: &Draft,
    label: Label,
    span: CharSpan,
    quote: String,
    prefix: String,
    suffix: String,
) -> Annotation {
    let mut orphan = Annotation {
        id: draft.id.clone(),
        label,
        span,
        quote,
        prefix,
        suffix,
        note: String::new(),
        created: draft.created.clone(),
        updated: String::new(),
        entity: None,
        date_value: None,
        annotator: String::new(),
    };
    fill_details(&mut orphan, draft);
    orphan
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
    let quote_given = draft.quote.clone().filter(|q| !q.is_empty());
    // The text the offsets count in: the file's own, else (same or no text) the document's.
    // An orphan's offsets count in no text at hand: they only hint where it was.
    let counted_in = match source {
        _ if draft.orphan => None,
        Some(index) => Some(index),
        None if same_text || quote_given.is_none() => Some(&doc.index),
        None => None,
    };
    match (position, counted_in) {
        (Some((start, end)), Some(index)) => {
            check_span(index, start, end).map_err(|e| e.to_string())?;
            let actual = index.slice(CharOffset(start), CharOffset(end));
            if let Some(quote) = &quote_given {
                if actual != quote && (same_text || source.is_some()) {
                    return Err(format!(
                        "quote “{}” does not match the text at {start}–{end} (“{}”)",
                        shorten(quote, 40),
                        shorten(actual, 40)
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
    annotation.annotator = draft.annotator.trim().to_owned();
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
