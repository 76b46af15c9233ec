//! Bringing annotations in from outside as one undoable step: imports (merge or replace),
//! another tab's state, and orphans given a place again.

use super::history::Change;
use super::{Store, StoreError, Touch};
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::Annotations;
use crate::model::span::CharSpan;
use crate::model::text::TextIndex;
use std::collections::{HashMap, HashSet};

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

impl Store {
    /// Takes in a state merged with another tab's work ([`crate::model::sync::merge_stored`]).
    /// It is not an edit of this tab, so it is not undoable; undo and redo keep every step
    /// that touches none of the annotations and links it changed (undoing such a step could
    /// overwrite the other tab's work, so those steps go). Returns how many steps went.
    pub fn absorb(&mut self, merged: Annotations) -> usize {
        let changed = changed_ids(self, &merged);
        if changed.is_empty() {
            return 0;
        }
        let revision = self.revision + 1;
        let (undo, redo) = (
            std::mem::take(&mut self.undo),
            std::mem::take(&mut self.redo),
        );
        let before = undo.len() + redo.len();
        let mut touched = std::mem::take(&mut self.touched);
        let annotator = std::mem::take(&mut self.annotator);
        *self = Store::from_parts(merged);
        self.annotator = annotator;
        self.undo = undo.into_iter().filter(|c| !c.touches(&changed)).collect();
        self.redo = redo.into_iter().filter(|c| !c.touches(&changed)).collect();
        self.revision = revision;
        // `changed` mixes annotation and link ids: each is noted as both, which costs at
        // most a comparison that finds nothing.
        for id in &changed {
            touched.note(revision, Touch::Annotation(id.clone()));
            touched.note(revision, Touch::Relation(id.clone()));
        }
        self.touched = touched;
        before - self.undo.len() - self.redo.len()
    }

    /// Replaces everything with a state merged from another tab. This is not an edit of this
    /// tab, so it is not undoable, and the history is cleared: undoing older edits on top of
    /// another tab's work could overwrite it.
    pub fn replace_all(&mut self, content: Annotations) {
        let revision = self.revision + 1;
        let mut touched = std::mem::take(&mut self.touched);
        let annotator = std::mem::take(&mut self.annotator);
        *self = Store::from_parts(content);
        self.annotator = annotator;
        self.revision = revision;
        touched.forget_before(revision);
        self.touched = touched;
    }

    /// Imports annotations, orphans and their links as one undoable step: into what is here
    /// ([`ImportMode::Merge`]) or instead of it ([`ImportMode::Replace`]).
    /// Annotations keep the annotator their file gives them (none: unknown), so a colleague's
    /// unattributed file is never credited to the person importing it.
    pub fn import(
        &mut self,
        incoming: Annotations,
        mode: ImportMode,
        mut fresh_id: impl FnMut() -> String,
    ) -> ImportSummary {
        // One body for every caller's kind of id source: it is long, and each copy would be
        // in the download.
        self.import_with(&HashSet::new(), incoming, mode, &mut fresh_id)
    }

    /// Removes the annotations `remove` names (and their links) and merges `incoming` in
    /// their place, as one undoable step: a curation decision replaces what the gold had
    /// there with one layer's version. A link of `incoming` reaches an annotation that stays
    /// by carrying a copy of it (same label and span), which the merge maps onto it.
    pub fn exchange(
        &mut self,
        remove: &HashSet<String>,
        incoming: Annotations,
        mut fresh_id: impl FnMut() -> String,
    ) -> ImportSummary {
        self.import_with(remove, incoming, ImportMode::Merge, &mut fresh_id)
    }

    fn import_with(
        &mut self,
        remove: &HashSet<String>,
        incoming: Annotations,
        mode: ImportMode,
        fresh_id: &mut dyn FnMut() -> String,
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
            let (gone, kept): (Vec<Annotation>, Vec<Annotation>) = self
                .annotations
                .iter()
                .cloned()
                .partition(|a| remove.contains(&a.id));
            let (cut, links): (Vec<Relation>, Vec<Relation>) = self
                .relations
                .iter()
                .cloned()
                .partition(|r| remove.contains(&r.claim) || remove.contains(&r.other));
            summary.removed = gone.len();
            batch.extend(cut.into_iter().map(|r| Change::RelationDelete(r, None)));
            batch.extend(gone.into_iter().map(Change::Delete));
            staged.annotations = kept;
            staged.orphans = self.orphans.clone();
            staged.relations = links;
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
        // One pass with hash sets, the list sorted once: an import of 100,000 annotations
        // must not compare each with all the others.
        let mut taken: HashSet<String> = staged
            .annotations
            .iter()
            .chain(&staged.orphans)
            .map(|a| a.id.clone())
            .collect();
        let mut spans: HashMap<(Label, usize, usize), String> = staged
            .annotations
            .iter()
            .map(|a| ((a.label, a.span.start.0, a.span.end.0), a.id.clone()))
            .collect();
        let mut labels: HashMap<String, Label> = staged
            .annotations
            .iter()
            .map(|a| (a.id.clone(), a.label))
            .collect();
        // Where each imported annotation ended up: its new id, or the id of the identical
        // annotation already here.
        let mut ids: HashMap<String, String> = HashMap::new();
        for mut annotation in incoming {
            let key = (
                annotation.label,
                annotation.span.start.0,
                annotation.span.end.0,
            );
            if let Some(existing) = spans.get(&key) {
                ids.insert(annotation.id.clone(), existing.clone());
                summary.skipped_duplicates += 1;
                continue;
            }
            let original = annotation.id.clone();
            while taken.contains(&annotation.id) {
                annotation.id = fresh_id();
                summary.renamed_ids += 1;
            }
            taken.insert(annotation.id.clone());
            spans.insert(key, annotation.id.clone());
            labels.insert(annotation.id.clone(), annotation.label);
            ids.insert(original, annotation.id.clone());
            batch.push(Change::Insert(annotation));
            summary.added += 1;
        }
        let mut orphan_keys: HashSet<(Label, String, usize, usize)> = staged
            .orphans
            .iter()
            .map(|o| (o.label, o.quote.clone(), o.span.start.0, o.span.end.0))
            .collect();
        for mut orphan in incoming_orphans {
            let key = (
                orphan.label,
                orphan.quote.clone(),
                orphan.span.start.0,
                orphan.span.end.0,
            );
            if !orphan_keys.insert(key) {
                summary.skipped_duplicates += 1;
                continue;
            }
            while taken.contains(&orphan.id) {
                orphan.id = fresh_id();
                summary.renamed_ids += 1;
            }
            taken.insert(orphan.id.clone());
            batch.push(Change::OrphanInsert(orphan, None));
            summary.orphaned += 1;
        }
        let mut links: HashSet<(String, String, Role)> = staged
            .relations
            .iter()
            .map(|r| (r.claim.clone(), r.other.clone(), r.role))
            .collect();
        let mut link_ids: HashSet<String> = staged.relations.iter().map(|r| r.id.clone()).collect();
        for mut relation in incoming_relations {
            let (Some(claim), Some(other)) = (ids.get(&relation.claim), ids.get(&relation.other))
            else {
                continue;
            };
            relation.claim = claim.clone();
            relation.other = other.clone();
            let fits = super::links::link_fits(
                |id| labels.get(id).copied(),
                &relation.claim,
                &relation.other,
                relation.role,
            );
            let key = (
                relation.claim.clone(),
                relation.other.clone(),
                relation.role,
            );
            if fits.is_err() || links.contains(&key) {
                continue;
            }
            links.insert(key);
            while link_ids.contains(&relation.id) {
                relation.id = fresh_id();
            }
            link_ids.insert(relation.id.clone());
            batch.push(Change::RelationInsert(relation, None));
        }
        if !batch.is_empty() {
            self.commit(Change::Batch(batch));
        }
        summary
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
}

/// The ids of annotations, orphans and links that differ between the store and `other`.
fn changed_ids(store: &Store, other: &Annotations) -> std::collections::HashSet<String> {
    use std::collections::HashMap;
    let mut changed = std::collections::HashSet::new();
    let mut diff = |ours: HashMap<&str, &Annotation>, theirs: HashMap<&str, &Annotation>| {
        for (id, a) in &ours {
            if theirs.get(id) != Some(a) {
                changed.insert((*id).to_owned());
            }
        }
        for id in theirs.keys() {
            if !ours.contains_key(id) {
                changed.insert((*id).to_owned());
            }
        }
    };
    fn by_id(list: &[Annotation]) -> HashMap<&str, &Annotation> {
        list.iter().map(|a| (a.id.as_str(), a)).collect()
    }
    diff(by_id(&store.annotations), by_id(&other.annotations));
    diff(by_id(&store.orphans), by_id(&other.orphans));
    for r in store
        .relations
        .iter()
        .filter(|r| !other.relations.contains(r))
    {
        changed.insert(r.id.clone());
    }
    for r in other
        .relations
        .iter()
        .filter(|r| !store.relations.contains(r))
    {
        changed.insert(r.id.clone());
    }
    changed
}
