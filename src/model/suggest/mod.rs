//! Suggestions (issue 15): proposed actor, claim and date spans, and links from claims to their
//! source and date, for a person to accept or reject. Pure functions of the text, its
//! publication date, what the library knows and the document's annotations; the UI only shows
//! them and turns an accepted one into an ordinary annotation (and links).
//!
//! One file per suggester: `dates.rs` (phrases the date normaliser reads), `actors.rs` (roles
//! and names, organisations, acronyms, later uses), `knowledge.rs` (names the library knows),
//! `claims.rs` (the content of attributions), `speakers.rs` (who an attribution names),
//! `relations.rs` (source and when of claims); `runs.rs` reads the runs of capitalised words
//! names are made of, `reading.rs` holds the words, sentences and quotations they share, and
//! the word lists (`*.txt` here); `rejections.rs` is what the person said no to, `review.rs`
//! the review of one run. docs/suggestions.md has the guideline they aim at and how well
//! they do.
//!
//! Every span starts and ends on a word boundary ([`TextIndex::word_spans`], so never inside a
//! grapheme) and holds no surrounding whitespace or punctuation; offsets are code points.
//!
//! **Filtering.** A suggestion that overlaps an existing annotation of the same label is not
//! returned (so neither is one with the same span); a rejected one ([`Rejections`]: its label
//! and its text, folded) only when asked, flagged. A link whose other end is not returned is
//! dropped, unless an existing annotation of the right label is there: then it names that.

mod actors;
mod claims;
mod dates;
mod knowledge;
mod reading;
mod rejections;
mod relations;
mod review;
mod runs;
mod speakers;

pub use knowledge::{Knowledge, KnownName};
pub use rejections::{fold_quote, Rejected, Rejections};
pub use review::{Review, Step};

use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::span::CharSpan;
use crate::model::text::{CharOffset, TextIndex};
use chrono::NaiveDate;
use reading::Reading;
use relations::Wanted;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The rule that found a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// A name the library knows (an actor annotated somewhere, an entity name).
    Known,
    /// A person's name after a role or title.
    RoleName,
    /// A capitalised name with an organisation's head word.
    Organisation,
    /// An acronym: defined in parentheses, or written in capitals.
    Acronym,
    /// A name found by another rule, used again.
    Repeat,
    /// A person's surname, after the full name.
    Surname,
    /// The subject of a reporting verb ("X said"), or the one after it ("said X").
    Speaker,
    /// A full name whose last word is used alone later ("Łukasz Wróbel" … "Wróbel said").
    FullName,
    /// A name the words around it describe ("chipmaker Intel", "Foundem, a … site,").
    Context,
    /// A quotation next to a reporting verb.
    Quotation,
    /// "X said (that) CLAIM".
    SaidThat,
    /// "According to X, CLAIM" or "CLAIM, according to X".
    AccordingTo,
    /// "CLAIM, X said."
    ClaimSaid,
    /// "This was reported by X": the sentence before.
    ReportedBy,
    /// A phrase the date normaliser reads.
    DatePhrase,
}

impl Why {
    /// A short wording for the UI.
    pub fn wording(self) -> &'static str {
        match self {
            Why::Known => "known actor",
            Why::RoleName => "name after a role",
            Why::Organisation => "organisation name",
            Why::Acronym => "acronym",
            Why::Repeat => "named earlier",
            Why::Surname => "surname",
            Why::Speaker => "said X",
            Why::FullName => "full name of a later mention",
            Why::Context => "described as one nearby",
            Why::Quotation => "quotation",
            Why::SaidThat => "X said that",
            Why::AccordingTo => "according to X",
            Why::ClaimSaid => "…, X said",
            Why::ReportedBy => "reported by X",
            Why::DatePhrase => "date phrase",
        }
    }
}

/// The other end of a suggested link.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkEnd {
    /// An annotation of the document, by id.
    #[serde(rename = "a")]
    Existing(String),
    /// Another suggestion, by [`Suggestion::key`].
    #[serde(rename = "s")]
    Suggested(String),
}

/// A proposed link from a suggested claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestedLink {
    #[serde(rename = "r")]
    pub role: Role,
    #[serde(rename = "o")]
    pub other: LinkEnd,
}

/// A proposed link from a claim already annotated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkSuggestion {
    /// The existing claim's id.
    #[serde(rename = "c")]
    pub claim: String,
    #[serde(rename = "r")]
    pub role: Role,
    #[serde(rename = "o")]
    pub other: LinkEnd,
}

/// A proposed span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Code points, end-exclusive; serialised as `[start, end]`.
    #[serde(rename = "p", with = "pair")]
    pub span: CharSpan,
    #[serde(rename = "l")]
    pub label: Label,
    /// The text at the span.
    #[serde(rename = "q")]
    pub quote: String,
    #[serde(rename = "w")]
    pub why: Why,
    /// For dates: the TIMEX3 value (`2024-12-18`, `2024`, `P1Y`), as `DateValue::value`.
    /// Accepting the suggestion needs no hand-set `Annotation::date_value`: the annotation
    /// computes the same value from its quote and context.
    #[serde(rename = "v", default, skip_serializing_if = "Option::is_none")]
    pub date_value: Option<String>,
    /// For dates: TIMEX3's `mod` (`START`, `MID`, `END`), as `Modifier::as_str`.
    #[serde(rename = "m", default, skip_serializing_if = "Option::is_none")]
    pub date_modifier: Option<String>,
    /// For actors: the entity name (what `Annotation::entity` holds) of a known name.
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// For claims: the proposed source and when.
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<SuggestedLink>,
    /// Rejected before in this document (returned only when asked).
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
}

impl Suggestion {
    /// A key that names the suggestion for the UI and in links: `actor:120:134`.
    pub fn key(&self) -> String {
        key_of(self.label, self.span)
    }
}

fn key_of(label: Label, span: CharSpan) -> String {
    format!("{}:{}:{}", label.as_str(), span.start.0, span.end.0)
}

mod pair {
    use crate::model::span::CharSpan;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(span: &CharSpan, s: S) -> Result<S::Ok, S::Error> {
        [span.start.0, span.end.0].serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CharSpan, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        Ok(CharSpan::at(start, end))
    }
}

/// What the suggesters return: spans (with links from suggested claims) in reading order
/// (start, then longer first, then label), and links for claims already annotated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    #[serde(rename = "s")]
    pub spans: Vec<Suggestion>,
    #[serde(rename = "k")]
    pub links: Vec<LinkSuggestion>,
}

/// Which suggesters run. Every one by default; missing fields read as on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Which {
    #[serde(rename = "d")]
    pub dates: bool,
    #[serde(rename = "a")]
    pub actors: bool,
    #[serde(rename = "c")]
    pub claims: bool,
    #[serde(rename = "r")]
    pub relations: bool,
}

impl Default for Which {
    fn default() -> Self {
        Which {
            dates: true,
            actors: true,
            claims: true,
            relations: true,
        }
    }
}

impl Which {
    fn wants(&self, label: Label) -> bool {
        match label {
            Label::Actor => self.actors,
            Label::Claim => self.claims,
            Label::Date => self.dates,
        }
    }
}

/// The options of one run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    #[serde(rename = "w")]
    pub which: Which,
    /// Return rejected suggestions too (flagged).
    #[serde(rename = "r")]
    pub show_rejected: bool,
}

/// What the suggesters read besides the text.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The document's publication date: relative dates count from it.
    pub published: Option<NaiveDate>,
    pub knowledge: &'a Knowledge,
    /// The document's annotations and links.
    pub existing: &'a [Annotation],
    pub relations: &'a [Relation],
    pub rejections: &'a Rejections,
}

/// A span found before filtering, with what links it wants.
struct Candidate {
    span: CharSpan,
    label: Label,
    why: Why,
    date: Option<crate::model::dates::DateValue>,
    entity: Option<String>,
    wanted: Vec<Wanted>,
}

/// Every suggestion for the text: see the module's notes for what is left out.
pub fn suggest(text: &TextIndex, context: &Context, options: Options) -> Suggestions {
    let reading = Reading::new(text);
    let runs = runs::Runs::new(&reading);
    let which = options.which;
    let mut candidates: Vec<Candidate> = Vec::new();

    // Dates.
    let dates = if which.dates || which.relations {
        dates::find(&reading, context.published)
    } else {
        Vec::new()
    };
    for (span, value) in &dates {
        candidates.push(Candidate {
            span: *span,
            label: Label::Date,
            why: Why::DatePhrase,
            date: value.clone(),
            entity: None,
            wanted: Vec::new(),
        });
    }

    // Claims, with their speakers.
    let claims = if which.claims || which.relations || which.actors {
        claims::find(&reading, &runs)
    } else {
        Vec::new()
    };

    // Actors: known names first, then by rule, then speakers; longer first where they overlap.
    let mut actors: Vec<(CharSpan, Why, Option<String>)> = Vec::new();
    for (span, i) in context.knowledge.find(&reading) {
        let name = context.knowledge.name(i);
        actors.push((span, Why::Known, name.entity.clone()));
    }
    let speakers = speakers::speakers(&reading, &runs);
    let mut by_rule: Vec<(CharSpan, Why)> = actors::find(&reading, &runs, &speakers)
        .into_iter()
        .map(|a| (a.span, a.why))
        .collect();
    by_rule.extend(
        claims
            .iter()
            .filter_map(|c| c.speaker.map(|s| (s, Why::Speaker))),
    );
    // Where two rules find the same span, the more telling reason wins.
    let rank = |why: Why| match why {
        Why::Speaker => 1,
        Why::Repeat | Why::Surname | Why::Context => 2,
        _ => 0,
    };
    by_rule.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then(a.0.start.cmp(&b.0.start))
            .then(rank(a.1).cmp(&rank(b.1)))
    });
    let mut taken = Taken::default();
    for (span, _, _) in &actors {
        taken.take(*span);
    }
    for (span, why) in by_rule {
        if !taken.take(span) {
            continue;
        }
        let quote = text.slice(span.start, span.end);
        let entity = context.knowledge.entity_of(quote).map(str::to_owned);
        actors.push((span, why, entity));
    }
    for (span, why, entity) in actors {
        candidates.push(Candidate {
            span,
            label: Label::Actor,
            why,
            date: None,
            entity,
            wanted: Vec::new(),
        });
    }

    // Claims and their links.
    let mut date_spans: Vec<CharSpan> = dates.iter().map(|(span, _)| *span).collect();
    date_spans.extend(
        context
            .existing
            .iter()
            .filter(|a| a.label == Label::Date)
            .map(|a| a.span),
    );
    for claim in &claims {
        candidates.push(Candidate {
            span: claim.span,
            label: Label::Claim,
            why: claim.why,
            date: None,
            entity: None,
            wanted: relations::wanted(&reading, claim, &date_spans),
        });
    }

    // Filtering.
    let mut spans: Vec<Suggestion> = Vec::new();
    let mut wanted_of: Vec<Vec<Wanted>> = Vec::new();
    let covered: HashMap<Label, Covered> = Label::ALL
        .into_iter()
        .map(|label| (label, Covered::new(context.existing, label)))
        .collect();
    for candidate in candidates {
        if !which.wants(candidate.label) {
            continue;
        }
        if covered[&candidate.label].overlaps(candidate.span) {
            continue;
        }
        let quote = text
            .slice(candidate.span.start, candidate.span.end)
            .to_owned();
        let rejected = context.rejections.is_rejected(candidate.label, &quote);
        if rejected && !options.show_rejected {
            continue;
        }
        spans.push(Suggestion {
            span: candidate.span,
            label: candidate.label,
            quote,
            why: candidate.why,
            date_value: candidate.date.as_ref().map(|d| d.value.clone()),
            date_modifier: candidate
                .date
                .as_ref()
                .and_then(|d| d.modifier)
                .map(|m| m.as_str().to_owned()),
            entity: candidate.entity,
            links: Vec::new(),
            rejected,
        });
        wanted_of.push(candidate.wanted);
    }

    // Links, resolved against what is returned and what exists.
    let mut links = Vec::new();
    if which.relations {
        let ends = Ends::new(&spans, context.existing);
        for (suggestion, wanted) in spans.iter_mut().zip(&wanted_of) {
            for want in wanted {
                if let Some(other) = ends.resolve(want) {
                    suggestion.links.push(SuggestedLink {
                        role: want.role,
                        other,
                    });
                }
            }
        }
        let found_dates: Vec<CharSpan> = date_spans;
        for (claim, found) in relations::match_existing(context.existing, &claims) {
            for want in relations::wanted(&reading, found, &found_dates) {
                if relations::has_role(context.relations, &claim.id, want.role) {
                    continue;
                }
                if let Some(other) = ends.resolve(&want) {
                    links.push(LinkSuggestion {
                        claim: claim.id.clone(),
                        role: want.role,
                        other,
                    });
                }
            }
        }
    }

    spans.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.label).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.label,
        ))
    });
    Suggestions { spans, links }
}

/// The existing annotations of one label, to ask whether a span overlaps one in O(log n):
/// sorted by start, with the largest end up to each.
struct Covered {
    starts: Vec<CharOffset>,
    max_end: Vec<CharOffset>,
}

impl Covered {
    fn new(existing: &[Annotation], label: Label) -> Self {
        let mut spans: Vec<CharSpan> = existing
            .iter()
            .filter(|a| a.label == label)
            .map(|a| a.span)
            .collect();
        spans.sort();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut end = CharOffset(0);
        for span in &spans {
            end = end.max(span.end);
            max_end.push(end);
        }
        Covered {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    fn overlaps(&self, span: CharSpan) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

/// Non-overlapping spans kept so far, for choosing among overlapping candidates in
/// O(log n) each.
#[derive(Default)]
pub(super) struct Taken(std::collections::BTreeMap<CharOffset, CharOffset>);

impl Taken {
    /// Keeps the span unless it overlaps one kept already; true when kept.
    pub(super) fn take(&mut self, span: CharSpan) -> bool {
        let clash = self
            .0
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        if !clash {
            self.0.insert(span.start, span.end);
        }
        !clash
    }
}

/// The annotations and suggestions a link may end at.
struct Ends<'a> {
    suggested: HashMap<Label, Vec<(CharSpan, String)>>,
    existing: &'a [Annotation],
}

impl<'a> Ends<'a> {
    fn new(spans: &[Suggestion], existing: &'a [Annotation]) -> Self {
        let mut suggested: HashMap<Label, Vec<(CharSpan, String)>> = HashMap::new();
        for s in spans.iter().filter(|s| !s.rejected) {
            suggested
                .entry(s.label)
                .or_default()
                .push((s.span, s.key()));
        }
        Ends {
            suggested,
            existing,
        }
    }

    /// An existing annotation of the label overlapping the span (the widest overlap), else a
    /// suggestion overlapping it.
    fn resolve(&self, want: &Wanted) -> Option<LinkEnd> {
        let overlap = |a: CharSpan| -> usize {
            a.end
                .min(want.span.end)
                .0
                .saturating_sub(a.start.max(want.span.start).0)
        };
        if let Some(a) = self
            .existing
            .iter()
            .filter(|a| a.label == want.label && a.span.overlaps(&want.span))
            .max_by_key(|a| overlap(a.span))
        {
            return Some(LinkEnd::Existing(a.id.clone()));
        }
        self.suggested
            .get(&want.label)?
            .iter()
            .filter(|(span, _)| span.overlaps(&want.span))
            .max_by_key(|(span, _)| overlap(*span))
            .map(|(_, key)| LinkEnd::Suggested(key.clone()))
    }
}

/// The offset of a span's start (a small helper for callers that hold keys).
pub fn parse_key(key: &str) -> Option<(Label, CharSpan)> {
    let mut parts = key.split(':');
    let label = Label::parse(parts.next()?)?;
    let start: usize = parts.next()?.parse().ok()?;
    let end: usize = parts.next()?.parse().ok()?;
    if parts.next().is_some() || start >= end {
        return None;
    }
    Some((label, CharSpan::new(CharOffset(start), CharOffset(end))))
}

/// What the page asks of the import worker for one run: the names the library knows, the
/// document's rejections and the options (the document and its annotations travel beside it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Request {
    #[serde(rename = "k")]
    pub knowledge: Knowledge,
    #[serde(rename = "x")]
    pub rejections: Rejections,
    #[serde(rename = "o")]
    pub options: Options,
}

/// Runs the suggesters for a request on `text`: the document's own actors are learnt first,
/// so that a name accepted a moment ago (not yet saved) is found again at once.
pub fn run(
    text: &TextIndex,
    published: Option<NaiveDate>,
    existing: &[Annotation],
    relations: &[Relation],
    mut request: Request,
) -> Suggestions {
    for annotation in existing {
        request.knowledge.learn(annotation);
    }
    let context = Context {
        published,
        knowledge: &request.knowledge,
        existing,
        relations,
        rejections: &request.rejections,
    };
    suggest(text, &context, request.options)
}
