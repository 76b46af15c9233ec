//! Links for claims: the actor of a claim's attribution as its *source*, and a date of the
//! attribution's sentence as its *when*, for suggested claims and for claims already
//! annotated (matched to the attribution found at their place by the widest overlap).
//!
//! The other end of a link is an existing annotation when one of the right label overlaps the
//! speaker's (or the date's) span, else the suggestion found there; with neither, there is no
//! link. The *when* is the date nearest the attribution's verb in its sentence, outside the
//! claim and outside any quotation (a date inside the claim is what the claim is about, not
//! when it was made).

use super::claims::FoundClaim;
use super::reading::Reading;
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::span::CharSpan;

/// A link still to be resolved: the role and the span (with its label) at the other end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Wanted {
    pub role: Role,
    pub label: Label,
    pub span: CharSpan,
}

/// The source and when of one claim found by the claims suggester.
pub(super) fn wanted(reading: &Reading, claim: &FoundClaim, dates: &[CharSpan]) -> Vec<Wanted> {
    let mut out = Vec::new();
    if let Some(speaker) = claim.speaker {
        out.push(Wanted {
            role: Role::Source,
            label: Label::Actor,
            span: speaker,
        });
    }
    let (s, e) = reading.sentence(claim.verb);
    let sentence = reading.span(s, e - 1);
    let verb_at = reading.tokens[claim.verb].start.0 as i64;
    let when = dates
        .iter()
        .filter(|d| sentence.start <= d.start && d.end <= sentence.end)
        .filter(|d| !d.overlaps(&claim.span))
        .filter(|d| reading.quote_around(d.start).is_none())
        .min_by_key(|d| (d.start.0 as i64 - verb_at).abs());
    if let Some(&span) = when {
        out.push(Wanted {
            role: Role::When,
            label: Label::Date,
            span,
        });
    }
    out
}

/// For each existing claim, the claim found by rule that overlaps it most, if any.
pub(super) fn match_existing<'a>(
    existing: &'a [Annotation],
    found: &'a [FoundClaim],
) -> Vec<(&'a Annotation, &'a FoundClaim)> {
    existing
        .iter()
        .filter(|a| a.label == Label::Claim)
        .filter_map(|a| {
            found
                .iter()
                .filter(|c| c.span.overlaps(&a.span))
                .max_by_key(|c| c.span.end.min(a.span.end) - c.span.start.max(a.span.start))
                .map(|c| (a, c))
        })
        .collect()
}

/// Whether an existing claim already has a link in this role.
pub(super) fn has_role(relations: &[Relation], claim: &str, role: Role) -> bool {
    relations.iter().any(|r| r.claim == claim && r.role == role)
}
