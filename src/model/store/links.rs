//! Links from claims to their actors (source, target) and dates (when), which annotations the
//! link picker offers (in either direction) and in what order, and how its filter matches.

use super::history::Change;
use super::{Store, StoreError};
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::case::lowercase;
use crate::model::span::CharSpan;
use crate::model::text::{CharOffset, TextIndex};

impl Store {
    /// The links of a claim, by role then document order of the linked annotation.
    pub fn links_of(&self, claim_id: &str) -> Vec<(&Relation, &Annotation)> {
        crate::model::claims::links_of(&self.relations, claim_id, |id| self.get(id))
    }

    pub(super) fn check_link(
        &self,
        claim_id: &str,
        other_id: &str,
        role: Role,
    ) -> Result<(), StoreError> {
        link_fits(|id| self.get(id).map(|a| a.label), claim_id, other_id, role)
    }

    /// Links a claim to an actor (as source or target) or a date (as when).
    pub fn link(
        &mut self,
        id: String,
        claim_id: &str,
        other_id: &str,
        role: Role,
        now: &str,
    ) -> Result<(), StoreError> {
        self.check_link(claim_id, other_id, role)?;
        if self
            .relations
            .iter()
            .any(|r| r.claim == claim_id && r.other == other_id && r.role == role)
        {
            return Err(StoreError::AlreadyLinked);
        }
        self.commit(Change::RelationInsert(
            Relation {
                id,
                claim: claim_id.to_owned(),
                other: other_id.to_owned(),
                role,
                created: now.to_owned(),
            },
            None,
        ));
        Ok(())
    }

    pub fn unlink(&mut self, relation_id: &str) -> Result<(), StoreError> {
        let relation = self
            .relations
            .iter()
            .find(|r| r.id == relation_id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(relation_id.to_owned()))?;
        self.commit(Change::RelationDelete(relation, None));
        Ok(())
    }

    /// The relations touching an annotation, as deletions (for cascades).
    pub(super) fn relation_deletions(&self, id: &str) -> Vec<Change> {
        self.relations
            .iter()
            .filter(|r| r.claim == id || r.other == id)
            .cloned()
            .map(|r| Change::RelationDelete(r, None))
            .collect()
    }
}

/// The actors and dates a claim is most likely linked to, best first: those inside the claim
/// or in its sentence or the sentence before come first, then the rest of its paragraph
/// (“…,” the MFA concluded), then the rest of the document, each group by distance from the
/// claim. Already linked ones are included (the picker marks them).
pub fn link_candidates<'a>(
    store: &'a Store,
    index: &TextIndex,
    claim_id: &str,
) -> Vec<&'a Annotation> {
    let Some(claim) = store.get(claim_id) else {
        return Vec::new();
    };
    let window = near_window(index, claim.span);
    let mut candidates: Vec<&Annotation> = store
        .annotations()
        .iter()
        .filter(|a| matches!(a.label, Label::Actor | Label::Date))
        .collect();
    crate::model::sort::sort_by_key(&mut candidates, |a| {
        nearness(index, claim.span, window, a.span, a.span.start)
    });
    candidates
}

/// How near an actor or a date (`other`) is to a claim, as a sort key: inside the claim's
/// window (the claim, its sentence and the one before) first, then in its paragraph, then by
/// distance, then `tie`. Both directions of the picker order by it, so they mirror each other.
fn nearness(
    index: &TextIndex,
    claim: CharSpan,
    claim_window: CharSpan,
    other: CharSpan,
    tie: CharOffset,
) -> (bool, bool, usize, CharOffset) {
    (
        !other.overlaps(&claim_window),
        !same_paragraph(index, other, claim),
        distance(other, claim),
        tie,
    )
}

fn same_paragraph(index: &TextIndex, a: CharSpan, b: CharSpan) -> bool {
    index.paragraph_of(a.start) == index.paragraph_of(b.start)
}

/// The claims an actor or a date is most likely linked to, best first: the claims whose own
/// "near" window (the claim, its sentence and the sentence before) holds it, then the other
/// claims of its paragraph, then the rest, each group by distance — the mirror of
/// [`link_candidates`].
pub fn claim_candidates<'a>(
    store: &'a Store,
    index: &TextIndex,
    other_id: &str,
) -> Vec<&'a Annotation> {
    let Some(other) = store.get(other_id) else {
        return Vec::new();
    };
    if other.label == Label::Claim {
        return Vec::new();
    }
    // Keys first: each claim's window scans its paragraph once, not once per comparison.
    let mut keyed: Vec<_> = store
        .annotations()
        .iter()
        .filter(|a| a.label == Label::Claim)
        .map(|claim| {
            let window = near_window(index, claim.span);
            let key = nearness(index, claim.span, window, other.span, claim.span.start);
            (key, claim)
        })
        .collect();
    crate::model::sort::sort_by_key(&mut keyed, |&(key, _)| key);
    keyed.into_iter().map(|(_, claim)| claim).collect()
}

/// What the link picker offers for the selected annotation, nearest first: a claim's actors
/// and dates, or an actor's or a date's claims.
pub fn picker_candidates<'a>(
    store: &'a Store,
    index: &TextIndex,
    selected_id: &str,
) -> Vec<&'a Annotation> {
    match store.get(selected_id).map(|a| a.label) {
        Some(Label::Claim) => link_candidates(store, index, selected_id),
        Some(Label::Actor | Label::Date) => claim_candidates(store, index, selected_id),
        None => Vec::new(),
    }
}

/// The picker's candidates that match what was typed in its filter, in the same order.
pub fn filtered_candidates<'a>(
    store: &'a Store,
    index: &TextIndex,
    selected_id: &str,
    filter: &str,
) -> Vec<&'a Annotation> {
    only_matching(picker_candidates(store, index, selected_id), filter)
}

/// The candidates that match the filter, in their order: for a caller that also needs the
/// unfiltered list, so the candidates are ordered once.
pub fn only_matching<'a>(candidates: Vec<&'a Annotation>, filter: &str) -> Vec<&'a Annotation> {
    let words = filter_words(filter);
    candidates
        .into_iter()
        .filter(|a| matches_words(a, &words))
        .collect()
}

/// Whether an annotation matches the picker's filter: every word typed occurs in its quote or
/// its entity name, ignoring case and accents ("lavrov", "ministry affairs", "2024",
/// "peskov" for "Peskóv"). An empty filter matches everything.
pub fn matches_filter(annotation: &Annotation, filter: &str) -> bool {
    matches_words(annotation, &filter_words(filter))
}

fn filter_words(filter: &str) -> Vec<String> {
    filter.split_whitespace().map(fold).collect()
}

fn matches_words(annotation: &Annotation, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut haystack = fold(&annotation.quote);
    if let Some(entity) = &annotation.entity {
        haystack.push('\n');
        haystack.push_str(&fold(entity));
    }
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Lower case without accents, for matching only (never shown). Latin letters with the
/// common diacritics lose them and combining marks are dropped; a full Unicode
/// decomposition table would cost more wasm than a filter box is worth.
pub(crate) fn fold(text: &str) -> String {
    let unmarked: String = text
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    lowercase(&unmarked).chars().map(strip_accent).collect()
}

fn strip_accent(c: char) -> char {
    const FOLDS: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşš", 's'),
        ("ţťŧ", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    if c.is_ascii() {
        return c;
    }
    FOLDS
        .iter()
        .find(|(from, _)| from.contains(c))
        .map_or(c, |&(_, to)| to)
}

/// Which link joining the selected annotation and a candidate of its picker means: the claim,
/// the other end and the role. An actor is the source, or with `as_target` the target; a
/// date is always the when. `None` when the two cannot be linked (two claims, two actors…).
pub fn link_between<'a>(
    selected: &'a Annotation,
    candidate: &'a Annotation,
    as_target: bool,
) -> Option<(&'a Annotation, &'a Annotation, Role)> {
    let (claim, other) = match (selected.label, candidate.label) {
        (Label::Claim, Label::Actor | Label::Date) => (selected, candidate),
        (Label::Actor | Label::Date, Label::Claim) => (candidate, selected),
        _ => return None,
    };
    let role = match (other.label, as_target) {
        (Label::Date, _) => Role::When,
        (_, true) => Role::Target,
        _ => Role::Source,
    };
    Some((claim, other, role))
}

/// The links touching an annotation, each as its role, its claim and its other end: what a
/// relabel or a deletion of that annotation takes with it.
pub fn links_touching<'a>(
    store: &'a Store,
    id: &str,
) -> Vec<(Role, &'a Annotation, &'a Annotation)> {
    let mut links: Vec<(Role, &Annotation, &Annotation)> = store
        .relations
        .iter()
        .filter(|r| r.claim == id || r.other == id)
        .filter_map(|r| Some((r.role, store.get(&r.claim)?, store.get(&r.other)?)))
        .collect();
    crate::model::sort::sort_by_key(&mut links, |&(role, claim, other)| {
        (role, claim.span.start, other.span.start)
    });
    links
}

/// How far apart two spans are, in code points; 0 when they overlap.
fn distance(a: CharSpan, b: CharSpan) -> usize {
    if a.overlaps(&b) {
        0
    } else if a.end <= b.start {
        b.start - a.end
    } else {
        a.start - b.end
    }
}

/// A claim's "near" window: its own sentence and the sentence before (within its paragraph),
/// and the claim itself when it runs past its sentence.
fn near_window(index: &TextIndex, claim: CharSpan) -> CharSpan {
    // Sentence starts: after ". ", "! ", "? " (closing quotes allowed), as a reader sees them;
    // a simple rule keeps Unicode's sentence tables out of the app for this one ordering.
    let paragraph = index.paragraphs()[index.paragraph_of(claim.start)];
    let para_text: Vec<char> = index
        .slice(paragraph.start, paragraph.end)
        .chars()
        .collect();
    let mut sentence_starts: Vec<usize> = vec![paragraph.start.0];
    for i in 1..para_text.len() {
        let after_end = matches!(para_text[i - 1], ' ')
            && para_text[..i - 1]
                .iter()
                .rev()
                .find(|c| !matches!(c, '”' | '"' | '’' | ')'))
                .is_some_and(|c| matches!(c, '.' | '!' | '?'));
        if after_end {
            sentence_starts.push(paragraph.start.0 + i);
        }
    }
    let claim_sentence = sentence_starts
        .iter()
        .rposition(|&s| s <= claim.start.0)
        .unwrap_or(0);
    let window_start = sentence_starts
        .get(claim_sentence.saturating_sub(1))
        .copied()
        .unwrap_or(paragraph.start.0);
    CharSpan {
        start: CharOffset(window_start),
        end: claim.end.max(CharOffset(
            sentence_starts
                .iter()
                .find(|&&s| s > claim.start.0)
                .copied()
                .unwrap_or(paragraph.end.0),
        )),
    }
}

/// Whether a claim and an annotation can be linked in `role`, given each annotation's label
/// by id: both must exist, the claim be a claim, the other fit the role.
pub(super) fn link_fits(
    label_of: impl Fn(&str) -> Option<Label>,
    claim_id: &str,
    other_id: &str,
    role: Role,
) -> Result<(), StoreError> {
    let claim = label_of(claim_id).ok_or_else(|| StoreError::NotFound(claim_id.to_owned()))?;
    let other = label_of(other_id).ok_or_else(|| StoreError::NotFound(other_id.to_owned()))?;
    if claim != Label::Claim {
        return Err(StoreError::WrongLabel {
            role,
            expected: Label::Claim,
            found: claim,
        });
    }
    if other != role.label() {
        return Err(StoreError::WrongLabel {
            role,
            expected: role.label(),
            found: other,
        });
    }
    Ok(())
}
