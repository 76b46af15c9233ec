//! The annotation set with an undo/redo history. Every change goes through [`Store::commit`],
//! which records its inverse, so undo covers every kind of edit, batches included.

use super::annotation::{Annotation, Label, Relation, Role};
use super::content::Annotations;
use super::span::{self, CharSpan, SpanError};
// MIGRATION SHIM: the ui still imports it from here; remove once it imports text::shorten.
pub use super::text::shorten;
use super::text::{CharOffset, TextIndex};
use std::fmt;

/// How many changes the history keeps; older ones are forgotten, never the annotations.
pub const HISTORY_LIMIT: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The same label on the same span exists already.
    Duplicate {
        label: Label,
        quote: String,
    },
    NotFound(String),
    IdTaken(String),
    EmptySpan,
    /// Out of the text, or cutting a grapheme cluster.
    Span(SpanError),
    /// A link's ends have the wrong labels (a claim links to actors and dates).
    WrongLabel {
        role: Role,
        expected: Label,
        found: Label,
    },
    AlreadyLinked,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Duplicate { label, quote } => {
                write!(f, "“{}” is already labelled {label}", shorten(quote, 60))
            }
            StoreError::NotFound(id) => write!(f, "annotation {id} no longer exists"),
            StoreError::IdTaken(id) => write!(f, "annotation id {id} is already in use"),
            StoreError::EmptySpan => f.write_str("the span is empty"),
            StoreError::Span(problem) => problem.fmt(f),
            StoreError::WrongLabel {
                role,
                expected,
                found,
            } => write!(
                f,
                "a “{}” link needs {expected}, not {found}",
                role.as_str()
            ),
            StoreError::AlreadyLinked => f.write_str("they are already linked that way"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A reversible edit.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Change {
    Insert(Annotation),
    Delete(Annotation),
    /// Boxed: two annotations would make every change in the history twice as large.
    Update {
        before: Box<Annotation>,
        after: Box<Annotation>,
    },
    Batch(Vec<Change>),
    /// An annotation that could not be placed in the text (kept, listed, re-attachable).
    OrphanInsert(Annotation, Slot),
    OrphanDelete(Annotation, Slot),
    RelationInsert(Relation, Slot),
    RelationDelete(Relation, Slot),
}

/// Where an orphan or a link sits in its list. Applying a change records it, so that the
/// inverse puts the item back where it was and undo restores the lists in their order.
/// `None` on a change not applied yet: an insert then goes to the end.
type Slot = Option<usize>;

/// Inserts `item` at `slot` (the end when there is none) and records where it went.
fn insert_at<T>(list: &mut Vec<T>, item: T, slot: &mut Slot) {
    let at = slot.unwrap_or(list.len()).min(list.len());
    list.insert(at, item);
    *slot = Some(at);
}

/// Removes the first item `is` picks and records where it was.
fn remove_where<T>(list: &mut Vec<T>, is: impl Fn(&T) -> bool, slot: &mut Slot) {
    if let Some(at) = list.iter().position(is) {
        list.remove(at);
        *slot = Some(at);
    }
}

impl Change {
    fn inverse(self) -> Change {
        match self {
            Change::Insert(a) => Change::Delete(a),
            Change::Delete(a) => Change::Insert(a),
            Change::Update { before, after } => Change::Update {
                before: after,
                after: before,
            },
            Change::Batch(changes) => {
                Change::Batch(changes.into_iter().rev().map(Change::inverse).collect())
            }
            Change::OrphanInsert(a, at) => Change::OrphanDelete(a, at),
            Change::OrphanDelete(a, at) => Change::OrphanInsert(a, at),
            Change::RelationInsert(r, at) => Change::RelationDelete(r, at),
            Change::RelationDelete(r, at) => Change::RelationInsert(r, at),
        }
    }
}

/// How an import combines with what is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Remove every current annotation first.
    Replace,
    /// Keep current annotations; add imported ones, skipping exact duplicates (same label,
    /// same span) and giving a fresh id to an imported annotation whose id is taken.
    Merge,
}

/// What an import did, for the message shown to the user.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    /// Imported annotations kept as orphans (their text was not found).
    pub orphaned: usize,
    pub removed: usize,
    pub skipped_duplicates: usize,
    pub renamed_ids: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Store {
    /// Kept in document order (see [`Annotation::order_key`]).
    annotations: Vec<Annotation>,
    /// Annotations whose text could not be found; their span is where they used to be.
    orphans: Vec<Annotation>,
    /// Links from claims to their actors and dates.
    relations: Vec<Relation>,
    undo: Vec<Change>,
    redo: Vec<Change>,
    /// Bumped by every change, undo and redo: what persistence and views watch.
    revision: u64,
}

impl Store {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store holding annotations that were validated elsewhere (loaded from storage), with
    /// an empty history.
    pub fn from_annotations(mut annotations: Vec<Annotation>) -> Self {
        annotations.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        Store {
            annotations,
            ..Self::default()
        }
    }

    /// Like [`Store::from_annotations`], with orphans and relations. Relations whose ends
    /// are missing or have the wrong labels are dropped (they cannot be shown or exported).
    pub fn from_parts(content: Annotations) -> Self {
        let Annotations {
            annotations,
            orphans,
            relations,
        } = content;
        let mut store = Store {
            orphans,
            ..Self::from_annotations(annotations)
        };
        store.relations = relations
            .into_iter()
            .filter(|r| store.check_link(&r.claim, &r.other, r.role).is_ok())
            .collect();
        store
    }

    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The links of a claim, by role then document order of the linked annotation.
    pub fn links_of(&self, claim_id: &str) -> Vec<(&Relation, &Annotation)> {
        super::claims::links_of(&self.relations, claim_id, |id| self.get(id))
    }

    fn check_link(&self, claim_id: &str, other_id: &str, role: Role) -> Result<(), StoreError> {
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
    fn relation_deletions(&self, id: &str) -> Vec<Change> {
        self.relations
            .iter()
            .filter(|r| r.claim == id || r.other == id)
            .cloned()
            .map(|r| Change::RelationDelete(r, None))
            .collect()
    }

    /// Replaces everything with a state merged from another tab. This is not an edit of this
    /// tab, so it is not undoable, and the history is cleared: undoing older edits on top of
    /// another tab's work could overwrite it.
    pub fn replace_all(&mut self, content: Annotations) {
        let revision = self.revision + 1;
        *self = Store::from_parts(content);
        self.revision = revision;
    }

    pub fn orphans(&self) -> &[Annotation] {
        &self.orphans
    }

    pub fn get_orphan(&self, id: &str) -> Option<&Annotation> {
        self.orphans.iter().find(|a| a.id == id)
    }

    /// Gives an orphan a place again, as one undoable step.
    pub fn reattach(
        &mut self,
        index: &TextIndex,
        orphan_id: &str,
        span: CharSpan,
        now: &str,
    ) -> Result<&Annotation, StoreError> {
        Self::check_span(index, span)?;
        let orphan = self
            .get_orphan(orphan_id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(orphan_id.to_owned()))?;
        if let Some(dup) = self.find_duplicate(orphan.label, span, "") {
            return Err(StoreError::Duplicate {
                label: orphan.label,
                quote: dup.quote.clone(),
            });
        }
        let mut placed = orphan.clone();
        placed.set_span(index, span);
        placed.updated = now.to_owned();
        self.commit(Change::Batch(vec![
            Change::OrphanDelete(orphan, None),
            Change::Insert(placed),
        ]));
        Ok(self.get(orphan_id).expect("just placed"))
    }

    pub fn remove_orphan(&mut self, id: &str) -> Result<Annotation, StoreError> {
        let orphan = self
            .get_orphan(id)
            .cloned()
            .ok_or_else(|| StoreError::NotFound(id.to_owned()))?;
        self.commit(Change::OrphanDelete(orphan.clone(), None));
        Ok(orphan)
    }

    fn id_taken(&self, id: &str) -> bool {
        self.get(id).is_some() || self.get_orphan(id).is_some()
    }

    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    pub fn count(&self, label: Label) -> usize {
        self.annotations.iter().filter(|a| a.label == label).count()
    }

    /// Every annotation whose span contains `at`, shortest first (the one a click means).
    pub fn covering(&self, at: CharOffset) -> Vec<&Annotation> {
        let mut hits: Vec<&Annotation> = self
            .annotations
            .iter()
            .take_while(|a| a.span.start <= at)
            .filter(|a| a.span.contains(at))
            .collect();
        hits.sort_by_key(|a| (a.span.len(), a.span.start, a.label));
        hits
    }

    fn position_of(&self, id: &str) -> Result<usize, StoreError> {
        self.annotations
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| StoreError::NotFound(id.to_owned()))
    }

    fn find_duplicate(&self, label: Label, span: CharSpan, except_id: &str) -> Option<&Annotation> {
        self.annotations
            .iter()
            .find(|a| a.label == label && a.span == span && a.id != except_id)
    }

    fn check_span(index: &TextIndex, span: CharSpan) -> Result<(), StoreError> {
        if span.is_empty() {
            return Err(StoreError::EmptySpan);
        }
        span::check_span(index, span.start.0, span.end.0).map_err(StoreError::Span)?;
        Ok(())
    }

    fn insert_sorted(&mut self, annotation: Annotation) {
        let at = self
            .annotations
            .partition_point(|a| a.order_key() < annotation.order_key());
        self.annotations.insert(at, annotation);
    }

    fn remove_by_id(&mut self, id: &str) -> Option<Annotation> {
        let at = self.annotations.iter().position(|a| a.id == id)?;
        Some(self.annotations.remove(at))
    }

    fn apply(&mut self, change: &mut Change) {
        match change {
            Change::Insert(a) => self.insert_sorted(a.clone()),
            Change::Delete(a) => {
                self.remove_by_id(&a.id);
            }
            Change::Update { before, after } => {
                self.remove_by_id(&before.id);
                self.insert_sorted((**after).clone());
            }
            Change::Batch(changes) => changes.iter_mut().for_each(|c| self.apply(c)),
            Change::OrphanInsert(a, at) => insert_at(&mut self.orphans, a.clone(), at),
            Change::OrphanDelete(a, at) => remove_where(&mut self.orphans, |o| o.id == a.id, at),
            Change::RelationInsert(r, at) => insert_at(&mut self.relations, r.clone(), at),
            Change::RelationDelete(r, at) => {
                remove_where(&mut self.relations, |x| x.id == r.id, at)
            }
        }
    }

    fn commit(&mut self, mut change: Change) {
        self.apply(&mut change);
        self.undo.push(change);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.revision += 1;
    }

    /// Labels a span. Refuses an identical span with the same label; the same span with another
    /// label is allowed (it may be both an actor and part of a claim's wording, say).
    pub fn add(
        &mut self,
        index: &TextIndex,
        id: String,
        label: Label,
        span: CharSpan,
        now: &str,
    ) -> Result<&Annotation, StoreError> {
        Self::check_span(index, span)?;
        if self.id_taken(&id) {
            return Err(StoreError::IdTaken(id));
        }
        if let Some(dup) = self.find_duplicate(label, span, "") {
            return Err(StoreError::Duplicate {
                label,
                quote: dup.quote.clone(),
            });
        }
        let annotation = Annotation::new(index, id.clone(), label, span, now);
        self.commit(Change::Insert(annotation));
        Ok(self.get(&id).expect("just inserted"))
    }

    fn update(
        &mut self,
        id: &str,
        edit: impl FnOnce(&mut Annotation),
        now: &str,
    ) -> Result<bool, StoreError> {
        let before = self.annotations[self.position_of(id)?].clone();
        let mut after = before.clone();
        edit(&mut after);
        if after == before {
            return Ok(false);
        }
        if let Some(dup) = self.find_duplicate(after.label, after.span, id) {
            return Err(StoreError::Duplicate {
                label: after.label,
                quote: dup.quote.clone(),
            });
        }
        after.updated = now.to_owned();
        let label_changed = after.label != before.label;
        let mut batch = if label_changed {
            // A relabelled annotation can no longer fill its links' roles.
            self.relation_deletions(id)
        } else {
            Vec::new()
        };
        batch.push(Change::Update {
            before: Box::new(before),
            after: Box::new(after),
        });
        self.commit(if batch.len() == 1 {
            batch.pop().expect("one change")
        } else {
            Change::Batch(batch)
        });
        Ok(true)
    }

    /// Sets (or clears) the entity an actor mention refers to.
    pub fn set_entity(
        &mut self,
        id: &str,
        entity: Option<&str>,
        now: &str,
    ) -> Result<bool, StoreError> {
        let entity = entity
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned);
        self.update(id, |a| a.entity = entity, now)
    }

    /// Sets (or clears, back to the computed one) a date's normalised value.
    pub fn set_date_value(
        &mut self,
        id: &str,
        value: Option<&str>,
        now: &str,
    ) -> Result<bool, StoreError> {
        let value = value
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned);
        self.update(id, |a| a.date_value = value, now)
    }

    /// Every entity name in use, sorted, with how many mentions each has.
    pub fn entities(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for a in &self.annotations {
            if let Some(e) = &a.entity {
                *counts.entry(e.as_str()).or_default() += 1;
            }
        }
        counts.into_iter().map(|(e, n)| (e.to_owned(), n)).collect()
    }

    /// The entity of another actor mention with the same text (case-insensitive), if any: what
    /// a new mention is offered.
    pub fn suggested_entity(&self, id: &str) -> Option<String> {
        let mention = self.get(id)?;
        let quote = mention.quote.to_lowercase();
        self.annotations
            .iter()
            .filter(|a| a.id != id && a.label == Label::Actor)
            .find(|a| a.quote.to_lowercase() == quote && a.entity.is_some())
            .and_then(|a| a.entity.clone())
    }

    /// Returns whether anything changed.
    pub fn relabel(&mut self, id: &str, label: Label, now: &str) -> Result<bool, StoreError> {
        self.update(id, |a| a.label = label, now)
    }

    pub fn set_note(&mut self, id: &str, note: &str, now: &str) -> Result<bool, StoreError> {
        self.update(id, |a| a.note = note.to_owned(), now)
    }

    pub fn set_span(
        &mut self,
        index: &TextIndex,
        id: &str,
        span: CharSpan,
        now: &str,
    ) -> Result<bool, StoreError> {
        Self::check_span(index, span)?;
        self.update(id, |a| a.set_span(index, span), now)
    }

    /// Deletes an annotation and its links, as one undoable step.
    pub fn remove(&mut self, id: &str) -> Result<Annotation, StoreError> {
        let annotation = self.annotations[self.position_of(id)?].clone();
        let mut batch = self.relation_deletions(id);
        batch.push(Change::Delete(annotation.clone()));
        self.commit(Change::Batch(batch));
        Ok(annotation)
    }

    /// Deletes every annotation and orphan as one undoable step. Returns how many were removed.
    pub fn clear(&mut self) -> usize {
        let removed = self.annotations.len() + self.orphans.len();
        if removed > 0 {
            let batch = self
                .relations
                .iter()
                .cloned()
                .map(|r| Change::RelationDelete(r, None))
                .chain(self.annotations.iter().cloned().map(Change::Delete))
                .chain(
                    self.orphans
                        .iter()
                        .cloned()
                        .map(|o| Change::OrphanDelete(o, None)),
                )
                .collect();
            self.commit(Change::Batch(batch));
        }
        removed
    }

    /// Imports annotations, orphans and their links as one undoable step: into what is here
    /// ([`ImportMode::Merge`]) or instead of it ([`ImportMode::Replace`]).
    pub fn import(
        &mut self,
        incoming: Annotations,
        mode: ImportMode,
        mut fresh_id: impl FnMut() -> String,
    ) -> ImportSummary {
        let Annotations {
            annotations: incoming,
            orphans: incoming_orphans,
            relations: incoming_relations,
        } = incoming;
        let mut summary = ImportSummary::default();
        let mut batch = Vec::new();
        let mut staged = Store::default();
        if mode == ImportMode::Merge {
            staged.annotations = self.annotations.clone();
            staged.orphans = self.orphans.clone();
            staged.relations = self.relations.clone();
        } else {
            summary.removed = self.annotations.len() + self.orphans.len();
            batch.extend(
                self.relations
                    .iter()
                    .cloned()
                    .map(|r| Change::RelationDelete(r, None)),
            );
            batch.extend(self.annotations.iter().cloned().map(Change::Delete));
            batch.extend(
                self.orphans
                    .iter()
                    .cloned()
                    .map(|o| Change::OrphanDelete(o, None)),
            );
        }
        // Where each imported annotation ended up: its new id, or the id of the identical
        // annotation already here.
        let mut ids: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        for mut annotation in incoming {
            if let Some(existing) = staged.find_duplicate(annotation.label, annotation.span, "") {
                ids.insert(annotation.id.clone(), existing.id.clone());
                summary.skipped_duplicates += 1;
                continue;
            }
            let original = annotation.id.clone();
            while staged.id_taken(&annotation.id) {
                annotation.id = fresh_id();
                summary.renamed_ids += 1;
            }
            ids.insert(original, annotation.id.clone());
            staged.insert_sorted(annotation.clone());
            batch.push(Change::Insert(annotation));
            summary.added += 1;
        }
        for mut orphan in incoming_orphans {
            if staged.orphans.iter().any(|o| {
                o.label == orphan.label && o.quote == orphan.quote && o.span == orphan.span
            }) {
                summary.skipped_duplicates += 1;
                continue;
            }
            while staged.id_taken(&orphan.id) {
                orphan.id = fresh_id();
                summary.renamed_ids += 1;
            }
            staged.orphans.push(orphan.clone());
            batch.push(Change::OrphanInsert(orphan, None));
            summary.orphaned += 1;
        }
        for mut relation in incoming_relations {
            let (Some(claim), Some(other)) = (ids.get(&relation.claim), ids.get(&relation.other))
            else {
                continue;
            };
            relation.claim = claim.clone();
            relation.other = other.clone();
            if staged
                .check_link(&relation.claim, &relation.other, relation.role)
                .is_err()
                || staged.relations.iter().any(|r| {
                    r.claim == relation.claim
                        && r.other == relation.other
                        && r.role == relation.role
                })
            {
                continue;
            }
            while staged.relations.iter().any(|r| r.id == relation.id) {
                relation.id = fresh_id();
            }
            staged.relations.push(relation.clone());
            batch.push(Change::RelationInsert(relation, None));
        }
        if !batch.is_empty() {
            self.commit(Change::Batch(batch));
        }
        summary
    }

    pub fn undo(&mut self) -> bool {
        let Some(change) = self.undo.pop() else {
            return false;
        };
        let mut inverse = change.inverse();
        self.apply(&mut inverse);
        self.redo.push(inverse.inverse());
        self.revision += 1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(mut change) = self.redo.pop() else {
            return false;
        };
        self.apply(&mut change);
        self.undo.push(change);
        self.revision += 1;
        true
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
