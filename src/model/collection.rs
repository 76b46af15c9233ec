//! Claims across the collection: every claim of many documents with its document, filtered
//! by actor, role, date range and words, sorted, and written as CSV or JSON.
//!
//! Each document's rows are its claims table ([`claims_table`]), so sources and targets are
//! named as there (an actor's entity name, else its text: [`super::claims::linked_name`]) and
//! dates are the same plain values with their modifiers apart.
//!
//! **Date ranges.** A date value names a period ([`period_of`]: `2024-12` is 1–31 December
//! 2024). A claim is in the range `[from, to]` when the whole period of one of its dates lies
//! within it, both ends included: `2024-12` is in 2024-12-01 … 2024-12-31 and in 2024, not in
//! 2024-12-15 … 2025-01-31, since it is not known to fall there. The modifier does not narrow
//! the period ("the end of 2024", `2024` `END`, needs all of 2024 in the range). Claims
//! without a date, or whose dates are durations (`P1Y`) or not understood, are left out while
//! a range is set. Bounds may be partial: `from` stands for the first day of its period and
//! `to` for the last (`from 2024` `to 2024-03` is 1 January to 31 March 2024); either may be
//! empty for an open end.

mod periods;

pub use periods::{period_of, Period};

use super::claims::{claims_table, ClaimRecord};
use super::content::Content;
use super::document::Document;
use super::formats::csv::{claim_cells, write, CLAIMS_HEADER};
use super::library::WorkspaceDocument;
use super::sort;
use super::store::fold;
use chrono::NaiveDate;
use serde::Serialize;
use std::cmp::Ordering;

/// One claim with the document it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionClaim {
    pub document_id: String,
    pub document_title: String,
    /// The document's publication date, as it was given (ISO 8601).
    pub published: Option<String>,
    /// The claim as the document's claims table has it: id, quote, code-point offsets,
    /// sources, targets, date values and modifiers.
    pub record: ClaimRecord,
}

/// Every claim of the documents: document by document, each document's in its own order.
pub fn collect<'a>(
    documents: impl IntoIterator<Item = (&'a Document, Content<'a>)>,
) -> Vec<CollectionClaim> {
    let mut out = Vec::new();
    for (document, content) in documents {
        for record in claims_table(content, document.published_date()) {
            out.push(CollectionClaim {
                document_id: document.id.clone(),
                document_title: document.title.clone(),
                published: document.published.clone(),
                record,
            });
        }
    }
    out
}

/// [`collect`] over a library's documents.
pub fn of_workspace(documents: &[WorkspaceDocument]) -> Vec<CollectionClaim> {
    collect(documents.iter().map(|d| (&d.document, d.content.content())))
}

/// Which of a claim's actors the actor filter looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorRole {
    /// Its sources and its targets.
    #[default]
    Any,
    /// Who made the claim.
    Source,
    /// Whom the claim is about.
    Target,
}

/// How an actor's name is matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActorMatch {
    /// The text occurs in the name, ignoring case and accents ("keller", "ministry").
    Contains(String),
    /// The name is exactly this (an entity's canonical name as written).
    Exact(String),
}

/// A range of days, both ends included; `None` is an open end. See the module's notes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// A range from two bounds as typed: empty for an open end, else `YYYY-MM-DD`, `YYYY-MM`,
    /// `YYYY` (or any value [`period_of`] reads). `from` is the first day of its period, `to`
    /// the last. The error says which bound is wrong and how to write it.
    pub fn parse(from: &str, to: &str) -> Result<DateRange, String> {
        let bound = |text: &str, name: &str| -> Result<Option<Period>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            period_of(text).map(Some).ok_or_else(|| {
                format!("“{text}” is not a date for “{name}”: write YYYY-MM-DD, YYYY-MM or YYYY")
            })
        };
        let range = DateRange {
            from: bound(from, "from")?.map(|p| p.0),
            to: bound(to, "to")?.map(|p| p.1),
        };
        match (range.from, range.to) {
            (Some(f), Some(t)) if f > t => {
                Err(format!("the range ends ({t}) before it starts ({f})"))
            }
            _ => Ok(range),
        }
    }

    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether the whole period lies within the range.
    pub fn holds(&self, (first, last): Period) -> bool {
        self.from.is_none_or(|from| first >= from) && self.to.is_none_or(|to| last <= to)
    }
}

/// What a query keeps. The default keeps every claim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// A source or target (as [`ActorRole`] says) whose name matches.
    pub actor: Option<ActorMatch>,
    pub role: ActorRole,
    pub range: DateRange,
    /// Every word occurs in the claim's text, ignoring case and accents.
    pub words: String,
}

/// The order of the rows. Ties go by document title, then the claim's place in its document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// By document title (ignoring case and accents), then document id.
    #[default]
    Document,
    /// By the earliest of the claim's dates (its period's first day, then its last).
    Date,
    /// By the names of the sources (ignoring case and accents).
    Source,
}

/// What filtering and sorting read for each claim, computed once.
#[derive(Debug)]
struct Keys {
    quote: String,
    sources: Vec<String>,
    targets: Vec<String>,
    periods: Vec<Period>,
    title: String,
    /// The document's place among the documents (claims come document by document).
    document: usize,
}

/// The claims of a library, ready to be filtered and sorted many times: the folded names
/// and date periods are worked out once, so a query over 50,000 claims only compares.
#[derive(Debug, Default)]
pub struct Collection {
    claims: Vec<CollectionClaim>,
    keys: Vec<Keys>,
}

impl Collection {
    pub fn new(claims: Vec<CollectionClaim>) -> Self {
        let mut document = 0;
        let keys = claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i > 0 && claims[i - 1].document_id != c.document_id {
                    document += 1;
                }
                Keys {
                    quote: fold(&c.record.quote),
                    sources: c.record.sources.iter().map(|s| fold(s)).collect(),
                    targets: c.record.targets.iter().map(|s| fold(s)).collect(),
                    periods: c.record.dates.iter().filter_map(|d| period_of(d)).collect(),
                    title: fold(&c.document_title),
                    document,
                }
            })
            .collect();
        Collection { claims, keys }
    }

    pub fn claims(&self) -> &[CollectionClaim] {
        &self.claims
    }

    /// The positions of the claims the filter keeps, in collection order.
    pub fn select(&self, filter: &ClaimFilter) -> Vec<usize> {
        let words: Vec<String> = filter.words.split_whitespace().map(fold).collect();
        let actor = filter.actor.as_ref().map(|m| match m {
            ActorMatch::Contains(text) => ActorMatch::Contains(fold(text.trim())),
            ActorMatch::Exact(name) => ActorMatch::Exact(name.clone()),
        });
        (0..self.claims.len())
            .filter(|&i| {
                let (claim, keys) = (&self.claims[i].record, &self.keys[i]);
                let actor_ok = match &actor {
                    None => true,
                    Some(ActorMatch::Contains(needle)) => {
                        let pick = |names: &[String]| names.iter().any(|n| n.contains(needle));
                        match filter.role {
                            ActorRole::Any => pick(&keys.sources) || pick(&keys.targets),
                            ActorRole::Source => pick(&keys.sources),
                            ActorRole::Target => pick(&keys.targets),
                        }
                    }
                    Some(ActorMatch::Exact(name)) => {
                        let pick = |names: &[String]| names.iter().any(|n| n == name);
                        match filter.role {
                            ActorRole::Any => pick(&claim.sources) || pick(&claim.targets),
                            ActorRole::Source => pick(&claim.sources),
                            ActorRole::Target => pick(&claim.targets),
                        }
                    }
                };
                actor_ok
                    && (!filter.range.is_set()
                        || keys.periods.iter().any(|&p| filter.range.holds(p)))
                    && words.iter().all(|w| keys.quote.contains(w.as_str()))
            })
            .collect()
    }

    /// Sorts positions (from [`Collection::select`]) by `by`; `descending` reverses that key
    /// only. Claims without the key (no source, no date with a period) come last either way.
    pub fn sort(&self, rows: &mut [usize], by: SortBy, descending: bool) {
        let keys = &self.keys;
        let tie = |a: usize, b: usize| {
            (
                &keys[a].title,
                &self.claims[a].document_id,
                self.claims[a].record.start,
            )
                .cmp(&(
                    &keys[b].title,
                    &self.claims[b].document_id,
                    self.claims[b].record.start,
                ))
        };
        let primary = |a: usize, b: usize| -> Ordering {
            let present = |x: Option<Ordering>, has_a: bool, has_b: bool| match (has_a, has_b) {
                (true, true) => x.map_or(
                    Ordering::Equal,
                    |o| if descending { o.reverse() } else { o },
                ),
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                (false, false) => Ordering::Equal,
            };
            match by {
                SortBy::Document => Ordering::Equal,
                SortBy::Date => {
                    let (x, y) = (earliest(&keys[a].periods), earliest(&keys[b].periods));
                    present(x.zip(y).map(|(x, y)| x.cmp(&y)), x.is_some(), y.is_some())
                }
                SortBy::Source => {
                    let (x, y) = (&keys[a].sources, &keys[b].sources);
                    present(Some(x.cmp(y)), !x.is_empty(), !y.is_empty())
                }
            }
        };
        sort::sort_by(rows, |&a, &b| {
            let first = primary(a, b);
            if first != Ordering::Equal {
                return first;
            }
            let order = tie(a, b);
            if by == SortBy::Document && descending {
                order.reverse()
            } else {
                order
            }
        });
    }

    /// How many documents the rows come from.
    pub fn documents_in(&self, rows: &[usize]) -> usize {
        let mut seen = vec![false; self.keys.last().map_or(0, |k| k.document + 1)];
        rows.iter()
            .filter(|&&i| !std::mem::replace(&mut seen[self.keys[i].document], true))
            .count()
    }

    /// Every source and target name, sorted and once each (for suggestions in a filter).
    pub fn actor_names(&self) -> Vec<String> {
        let mut names: Vec<&String> = self
            .claims
            .iter()
            .flat_map(|c| c.record.sources.iter().chain(&c.record.targets))
            .collect();
        sort::sort(&mut names);
        names.dedup();
        names.into_iter().cloned().collect()
    }
}

/// The earliest period of a claim's dates.
fn earliest(periods: &[Period]) -> Option<Period> {
    periods.iter().min().copied()
}

/// The rows as CSV, by the claims CSV's rules (RFC 4180, UTF-8 without a byte order mark,
/// CRLF line ends, several actors or dates joined with "; ", date modifiers in their own
/// column, code-point offsets), with the document's id, title and publication date first.
pub fn to_csv<'a>(rows: impl IntoIterator<Item = &'a CollectionClaim>) -> String {
    let header: Vec<&str> = ["document_id", "document_title", "published"]
        .into_iter()
        .chain(CLAIMS_HEADER)
        .collect();
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|c| {
            let mut cells = vec![
                c.document_id.clone(),
                c.document_title.clone(),
                c.published.clone().unwrap_or_default(),
            ];
            cells.extend(claim_cells(&c.record));
            cells
        })
        .collect();
    write(&header, &rows, |cell| cell.to_owned())
}

/// The format name of [`to_json`]'s files.
pub const CLAIMS_JSON_FORMAT: &str = "text-annotator-library-claims";

#[derive(Serialize)]
struct JsonFile<'a> {
    format: &'a str,
    version: u32,
    claims: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    document_id: &'a str,
    document_title: &'a str,
    published: Option<&'a str>,
    claim: &'a str,
    quote: &'a str,
    start: usize,
    end: usize,
    sources: &'a [String],
    targets: &'a [String],
    dates: &'a [String],
    date_modifiers: &'a [Option<String>],
}

/// The rows as JSON: `{"format": "text-annotator-library-claims", "version": 1, "claims":
/// [...]}`, each claim with `document_id`, `document_title`, `published` (or `null`) and the
/// claims table's fields (`claim` is the claim's id, `quote` its text, `start`/`end` its
/// code-point offsets, `sources`, `targets`, `dates`, `date_modifiers`).
pub fn to_json<'a>(rows: impl IntoIterator<Item = &'a CollectionClaim>) -> String {
    let file = JsonFile {
        format: CLAIMS_JSON_FORMAT,
        version: 1,
        claims: rows
            .into_iter()
            .map(|c| JsonRow {
                document_id: &c.document_id,
                document_title: &c.document_title,
                published: c.published.as_deref(),
                claim: &c.record.claim,
                quote: &c.record.quote,
                start: c.record.start,
                end: c.record.end,
                sources: &c.record.sources,
                targets: &c.record.targets,
                dates: &c.record.dates,
                date_modifiers: &c.record.date_modifiers,
            })
            .collect(),
    };
    super::formats::json::always_text(&file, true)
}
