//! Who claimed what, when: each claim with its linked actors and dates.
//!
//! The claims table of the JSON export, the claims CSV, the annotation CSV's link columns and
//! the editor all list a claim's links through [`links_of`] and name them through
//! [`linked_name`], so they agree on order and wording.

use super::annotation::{Annotation, Label, Relation, Role};
use super::content::Content;
use super::dates::CalendarDate;
use super::sort;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One row of the claims table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub claim: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// Names of the source actors (their entity's name, else their text).
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    /// Date values, plain ISO 8601 / TIMEX3 (`2024-12-18`, `2024`; the date's text where none
    /// could be computed).
    pub dates: Vec<String>,
    /// Each date's TIMEX3 modifier (`END`, `START`, `MID`), in the order of `dates`; `null`
    /// where a date has none. Files written before it existed read as having none.
    #[serde(default)]
    pub date_modifiers: Vec<Option<String>>,
}

impl ClaimRecord {
    /// The dates as people read them: `2024 (END)`.
    pub fn dates_shown(&self) -> Vec<String> {
        self.dates
            .iter()
            .enumerate()
            .map(|(i, value)| match self.date_modifiers.get(i) {
                Some(Some(modifier)) => format!("{value} ({modifier})"),
                _ => value.clone(),
            })
            .collect()
    }
}

/// A claim's links with the annotations they point to, by role (source, target, when) and
/// then document order. Links whose other end is missing are left out.
pub fn links_of<'a>(
    relations: &'a [Relation],
    claim_id: &str,
    find: impl Fn(&str) -> Option<&'a Annotation>,
) -> Vec<(&'a Relation, &'a Annotation)> {
    let mut links: Vec<(&Relation, &Annotation)> = relations
        .iter()
        .filter(|r| r.claim == claim_id)
        .filter_map(|r| find(&r.other).map(|a| (r, a)))
        .collect();
    sort::sort_by(&mut links, |(r, x), (s, y)| {
        (r.role, x.order_key()).cmp(&(s.role, y.order_key()))
    });
    links
}

/// How a linked annotation is named in tables: an actor by its entity's name (else its
/// text), a date by its plain value (else its text; its modifier is [`linked_modifier`]).
pub fn linked_name(other: &Annotation, role: Role, published: Option<CalendarDate>) -> String {
    match role {
        Role::When => other
            .date_value(published)
            .map(|v| v.value)
            .unwrap_or_else(|| other.quote.clone()),
        Role::Source | Role::Target => other.entity.clone().unwrap_or_else(|| other.quote.clone()),
    }
}

/// A linked date's TIMEX3 modifier (`END`), if it has one.
pub fn linked_modifier(other: &Annotation, published: Option<CalendarDate>) -> Option<String> {
    other
        .date_value(published)
        .and_then(|v| v.modifier)
        .map(|m| m.as_str().to_owned())
}

/// Annotations by id, for looking up the other ends of many links.
pub fn by_id(annotations: &[Annotation]) -> HashMap<&str, &Annotation> {
    annotations.iter().map(|a| (a.id.as_str(), a)).collect()
}

/// The claims table: every claim with the names of its actors and its date values.
pub fn claims_table(content: Content, published: Option<CalendarDate>) -> Vec<ClaimRecord> {
    let by_id = by_id(content.annotations);
    content
        .annotations
        .iter()
        .filter(|a| a.label == Label::Claim)
        .map(|claim| {
            let links = links_of(content.relations, &claim.id, |id| by_id.get(id).copied());
            let names = |role: Role| -> Vec<String> {
                links
                    .iter()
                    .filter(|(r, _)| r.role == role)
                    .map(|(_, other)| linked_name(other, role, published))
                    .collect()
            };
            ClaimRecord {
                claim: claim.id.clone(),
                quote: claim.quote.clone(),
                start: claim.span.start.0,
                end: claim.span.end.0,
                sources: names(Role::Source),
                targets: names(Role::Target),
                dates: names(Role::When),
                date_modifiers: links
                    .iter()
                    .filter(|(r, _)| r.role == Role::When)
                    .map(|(_, other)| linked_modifier(other, published))
                    .collect(),
            }
        })
        .collect()
}
