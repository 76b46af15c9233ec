//! The undo/redo history: every edit is a [`Change`] that knows its inverse, applied through
//! `Store::commit`, so undo covers every kind of edit, batches included.

use super::{Store, HISTORY_LIMIT};
use crate::model::annotation::{Annotation, Relation};

/// A reversible edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Change {
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
pub(super) type Slot = Option<usize>;

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
    /// Whether this step adds, removes or edits any of `ids` (annotations and links; a link
    /// also counts as touching its two ends).
    pub(super) fn touches(&self, ids: &std::collections::HashSet<String>) -> bool {
        match self {
            Change::Insert(a)
            | Change::Delete(a)
            | Change::OrphanInsert(a, _)
            | Change::OrphanDelete(a, _) => ids.contains(&a.id),
            Change::Update { before, after } => ids.contains(&before.id) || ids.contains(&after.id),
            Change::Batch(changes) => changes.iter().any(|c| c.touches(ids)),
            Change::RelationInsert(r, _) | Change::RelationDelete(r, _) => {
                ids.contains(&r.id) || ids.contains(&r.claim) || ids.contains(&r.other)
            }
        }
    }

    pub(super) fn inverse(self) -> Change {
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

impl Store {
    pub(super) fn insert_sorted(&mut self, annotation: Annotation) {
        let at = self
            .annotations
            .partition_point(|a| a.order_key() < annotation.order_key());
        self.annotations.insert(at, annotation);
    }

    pub(super) fn remove_by_id(&mut self, id: &str) -> Option<Annotation> {
        let at = self.annotations.iter().position(|a| a.id == id)?;
        Some(self.annotations.remove(at))
    }

    pub(super) fn apply(&mut self, change: &mut Change) {
        match change {
            Change::Insert(a) => self.insert_sorted(a.clone()),
            Change::Delete(a) => {
                self.remove_by_id(&a.id);
            }
            Change::Update { before, after } => {
                self.remove_by_id(&before.id);
                self.insert_sorted((**after).clone());
            }
            Change::Batch(changes) => self.apply_batch(changes),
            Change::OrphanInsert(a, at) => insert_at(&mut self.orphans, a.clone(), at),
            Change::OrphanDelete(a, at) => remove_where(&mut self.orphans, |o| o.id == a.id, at),
            Change::RelationInsert(r, at) => insert_at(&mut self.relations, r.clone(), at),
            Change::RelationDelete(r, at) => {
                remove_where(&mut self.relations, |x| x.id == r.id, at)
            }
        }
    }

    /// Applies a batch in order. A long run of inserts is added and sorted once, and a long
    /// run of deletions removed in one pass: an import (or its undo) of many annotations must
    /// not shift the list once per annotation. The result is the same as one by one, since
    /// the order key is total (it ends with the id).
    fn apply_batch(&mut self, changes: &mut [Change]) {
        const RUN: usize = 32;
        let mut at = 0;
        while at < changes.len() {
            let inserts = changes[at..]
                .iter()
                .take_while(|c| matches!(c, Change::Insert(_)))
                .count();
            let deletes = changes[at..]
                .iter()
                .take_while(|c| matches!(c, Change::Delete(_)))
                .count();
            if inserts >= RUN {
                self.annotations
                    .extend(changes[at..at + inserts].iter().filter_map(|c| match c {
                        Change::Insert(a) => Some(a.clone()),
                        _ => None,
                    }));
                crate::model::sort::sort_by(&mut self.annotations, |a, b| {
                    a.order_key().cmp(&b.order_key())
                });
                at += inserts;
            } else if deletes >= RUN && deletes == self.annotations.len() && {
                // Every annotation, in the list's order (*Delete all*): no set of ids needed.
                let run = &changes[at..at + deletes];
                run.iter().zip(&self.annotations).all(|(c, a)| match c {
                    Change::Delete(gone) => gone.id == a.id,
                    _ => false,
                })
            } {
                self.annotations.clear();
                at += deletes;
            } else if deletes >= RUN {
                let gone: std::collections::HashSet<&str> = changes[at..at + deletes]
                    .iter()
                    .filter_map(|c| match c {
                        Change::Delete(a) => Some(a.id.as_str()),
                        _ => None,
                    })
                    .collect();
                self.annotations.retain(|a| !gone.contains(a.id.as_str()));
                at += deletes;
            } else {
                self.apply(&mut changes[at]);
                at += 1;
            }
        }
    }

    pub(super) fn commit(&mut self, mut change: Change) {
        self.apply(&mut change);
        self.record(change);
    }

    /// Records `change`, already applied, as the newest undo step.
    pub(super) fn record(&mut self, change: Change) {
        self.revision += 1;
        self.touched.note_change(self.revision, &change);
        self.undo.push(change);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.typing = None;
    }

    /// Undoes the last step. Asking ends a typing run even when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.typing = None;
        let Some(change) = self.undo.pop() else {
            return false;
        };
        let mut inverse = change.inverse();
        self.apply(&mut inverse);
        self.revision += 1;
        self.touched.note_change(self.revision, &inverse);
        self.redo.push(inverse.inverse());
        self.typing = None;
        true
    }

    /// Redoes the last undone step. Asking ends a typing run even when there is nothing to
    /// redo.
    pub fn redo(&mut self) -> bool {
        self.typing = None;
        let Some(mut change) = self.redo.pop() else {
            return false;
        };
        self.apply(&mut change);
        self.revision += 1;
        self.touched.note_change(self.revision, &change);
        self.undo.push(change);
        self.typing = None;
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
