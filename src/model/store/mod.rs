//! The annotation set with an undo/redo history. Every change goes through `Store::commit`,
//! which records its inverse, so undo covers every kind of edit, batches included.
//!
//! `mod.rs` holds the set and its edits; `history.rs` the reversible changes and undo/redo;
//! `links.rs` the links between claims and their actors and dates; `import.rs` imports,
//! another tab's state and orphans.

mod history;
mod import;
mod links;
mod touched;

use crate::model::case::lowercase;
use history::Change;
pub use touched::Touch;

pub use import::{ImportMode, ImportSummary};
pub(crate) use links::fold;
pub use links::{
    claim_candidates, filtered_candidates, link_between, link_candidates, links_touching,
    matches_filter, only_matching, picker_candidates,
};

use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::{Annotations, Content};
use crate::model::sort;
use crate::model::span::{self, CharSpan, SpanError};
use crate::model::text::shorten;
use crate::model::text::{CharOffset, TextIndex};
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
    /// The annotation and field (note or entity) of the last undo step, while the person is
    /// still typing in it: the next keystroke joins that step.
    typing: Option<(String, TypedField)>,
    /// What each recent revision touched (see [`Store::touched_since`]).
    touched: touched::TouchLog,
    /// The person at work, stamped on what [`Store::add`] and [`Store::import`] bring in
    /// without an annotator of its own; empty when unknown. Not content: setting it changes
    /// no annotation and no revision.
    annotator: String,
}

/// The fields saved as they are typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TypedField {
    Note,
    Entity,
}

impl Store {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store holding annotations that were validated elsewhere (loaded from storage), with
    /// an empty history.
    pub fn from_annotations(mut annotations: Vec<Annotation>) -> Self {
        sort::sort_by(&mut annotations, |a, b| a.order_key().cmp(&b.order_key()));
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
        let labels: std::collections::HashMap<&str, Label> = store
            .annotations
            .iter()
            .map(|a| (a.id.as_str(), a.label))
            .collect();
        let relations = relations
            .into_iter()
            .filter(|r| {
                links::link_fits(|id| labels.get(id).copied(), &r.claim, &r.other, r.role).is_ok()
            })
            .collect();
        store.relations = relations;
        store
    }

    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// Names the person at work (trimmed; empty for unknown): annotations added or imported
    /// from now on without an annotator get this one. Existing annotations keep theirs.
    pub fn set_annotator(&mut self, name: &str) {
        self.annotator = name.trim().to_owned();
    }

    pub fn annotator(&self) -> &str {
        &self.annotator
    }

    pub fn orphans(&self) -> &[Annotation] {
        &self.orphans
    }

    fn id_taken(&self, id: &str) -> bool {
        self.get(id).is_some() || self.get_orphan(id).is_some()
    }

    /// Everything the store holds, for saving and exporting.
    pub fn content(&self) -> Content<'_> {
        Content {
            annotations: &self.annotations,
            orphans: &self.orphans,
            relations: &self.relations,
        }
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

    /// The annotations and links the changes after `revision` touched (added, removed or
    /// edited; an id may be named when nothing came of it in the end), or `None` when this
    /// store no longer knows (too many changes since, or its content was replaced): then
    /// the caller must compare everything.
    pub fn touched_since(&self, revision: u64) -> Option<Vec<Touch>> {
        if revision > self.revision {
            return None;
        }
        self.touched.since(revision)
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
        sort::sort_by_key(&mut hits, |a| (a.span.len(), a.span.start, a.label));
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
        let mut annotation = Annotation::new(index, id.clone(), label, span, now);
        annotation.annotator = self.annotator.clone();
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
        self.typed(id, TypedField::Entity, |a| a.entity = entity, now)
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
        // Sorted then counted in runs rather than a BTreeMap: the shared sort is already in the
        // download, the B-tree code would not be.
        let mut names: Vec<&str> = self
            .annotations
            .iter()
            .filter_map(|a| a.entity.as_deref())
            .collect();
        sort::sort(&mut names);
        let mut counts: Vec<(String, usize)> = Vec::new();
        for name in names {
            match counts.last_mut() {
                Some((last, n)) if last == name => *n += 1,
                _ => counts.push((name.to_owned(), 1)),
            }
        }
        counts
    }

    /// The entity of another actor mention with the same text (case-insensitive), if any: what
    /// a new mention is offered.
    pub fn suggested_entity(&self, id: &str) -> Option<String> {
        let mention = self.get(id)?;
        let quote = lowercase(&mention.quote);
        // Asked on every render of the selected actor's entity field, so on each label key:
        // mentions without an entity are passed over before any text is lower-cased, and
        // ASCII is compared without a copy (lower-casing each of 10,000 quotes was about 8 %
        // of a key's work on the benchmark).
        let same_text = |other: &str| {
            if other.is_ascii() && mention.quote.is_ascii() {
                other.eq_ignore_ascii_case(&mention.quote)
            } else {
                lowercase(other) == quote
            }
        };
        self.annotations
            .iter()
            .filter(|a| a.entity.is_some() && a.label == Label::Actor && a.id != id)
            .find(|a| same_text(&a.quote))
            .and_then(|a| a.entity.clone())
    }

    /// Returns whether anything changed.
    pub fn relabel(&mut self, id: &str, label: Label, now: &str) -> Result<bool, StoreError> {
        self.update(id, |a| a.label = label, now)
    }

    /// Sets a note. Notes are saved as they are typed, so one typing run (successive edits
    /// of the same annotation's note, nothing else in between) is one undo step.
    pub fn set_note(&mut self, id: &str, note: &str, now: &str) -> Result<bool, StoreError> {
        self.typed(id, TypedField::Note, |a| a.note = note.to_owned(), now)
    }

    fn typed(
        &mut self,
        id: &str,
        field: TypedField,
        edit: impl FnOnce(&mut Annotation),
        now: &str,
    ) -> Result<bool, StoreError> {
        if self
            .typing
            .as_ref()
            .is_some_and(|(t, f)| t == id && *f == field)
        {
            return Ok(self.retype(id, edit, now));
        }
        let changed = self.update(id, edit, now)?;
        if changed {
            self.typing = Some((id.to_owned(), field));
        }
        Ok(changed)
    }

    /// Edits the annotation in place of the last undo step's result (see [`Self::typed`]).
    fn retype(&mut self, id: &str, edit: impl FnOnce(&mut Annotation), now: &str) -> bool {
        let Ok(at) = self.position_of(id) else {
            return false;
        };
        let mut next = self.annotations[at].clone();
        edit(&mut next);
        if next == self.annotations[at] {
            return false;
        }
        next.updated = now.to_owned();
        if let Some(Change::Update { after, .. }) = self.undo.last_mut() {
            **after = next.clone();
        }
        self.annotations[at] = next;
        self.revision += 1;
        self.touched
            .note(self.revision, Touch::Annotation(id.to_owned()));
        true
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
            // The lists move into the step instead of being copied and then removed one by
            // one: on 10,000 annotations the copy was most of the change's own work. Each
            // item is taken from the front of its list, which is the slot its undo puts it
            // back at (in reverse order), as applying the deletions one by one records.
            let front = Some(0);
            let batch = std::mem::take(&mut self.relations)
                .into_iter()
                .map(|r| Change::RelationDelete(r, front))
                .chain(
                    std::mem::take(&mut self.annotations)
                        .into_iter()
                        .map(Change::Delete),
                )
                .chain(
                    std::mem::take(&mut self.orphans)
                        .into_iter()
                        .map(|o| Change::OrphanDelete(o, front)),
                )
                .collect();
            self.record(Change::Batch(batch));
        }
        removed
    }
}
