//! Links from claims to their actors (source, target) and dates (when), and which actors and
//! dates the link picker offers first.

use super::history::Change;
use super::{Store, StoreError};
use crate::model::annotation::{Annotation, Label, Relation, Role};
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
        let claim = self
            .get(claim_id)
            .ok_or_else(|| StoreError::NotFound(claim_id.to_owned()))?;
        let other = self
            .get(other_id)
            .ok_or_else(|| StoreError::NotFound(other_id.to_owned()))?;
        if claim.label != Label::Claim {
            return Err(StoreError::WrongLabel {
                role,
                expected: Label::Claim,
                found: claim.label,
            });
        }
        if other.label != role.label() {
            return Err(StoreError::WrongLabel {
                role,
                expected: role.label(),
                found: other.label,
            });
        }
        Ok(())
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
/// or in its sentence or the sentence before come first, then the rest, each group by
/// distance from the claim. Already linked ones are included (the picker marks them).
pub fn link_candidates<'a>(
    store: &'a Store,
    index: &TextIndex,
    claim_id: &str,
) -> Vec<&'a Annotation> {
    let Some(claim) = store.get(claim_id) else {
        return Vec::new();
    };
    // The sentence before the claim's starts the "near" window (within its paragraph).
    // Sentence starts: after ". ", "! ", "? " (closing quotes allowed), as a reader sees them;
    // a simple rule keeps Unicode's sentence tables out of the app for this one ordering.
    let paragraph = index.paragraphs()[index.paragraph_of(claim.span.start)];
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
        .rposition(|&s| s <= claim.span.start.0)
        .unwrap_or(0);
    let window_start = sentence_starts
        .get(claim_sentence.saturating_sub(1))
        .copied()
        .unwrap_or(paragraph.start.0);
    let window = CharSpan {
        start: CharOffset(window_start),
        end: claim.span.end.max(CharOffset(
            sentence_starts
                .iter()
                .find(|&&s| s > claim.span.start.0)
                .copied()
                .unwrap_or(paragraph.end.0),
        )),
    };
    let mut candidates: Vec<&Annotation> = store
        .annotations()
        .iter()
        .filter(|a| matches!(a.label, Label::Actor | Label::Date))
        .collect();
    let distance = |a: &Annotation| {
        if a.span.overlaps(&claim.span) {
            0
        } else if a.span.end <= claim.span.start {
            claim.span.start - a.span.end
        } else {
            a.span.start - claim.span.end
        }
    };
    candidates.sort_by_key(|a| (!a.span.overlaps(&window), distance(a), a.span.start));
    candidates
}
