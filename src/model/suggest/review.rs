//! Reviewing suggestions: which are still open, which one is under review, and what
//! accepting or rejecting them does. Accepting builds ordinary annotations and links (the
//! page adds them to the document as one undoable step); rejecting remembers the label and
//! text for the document ([`Rejections`]), so the same text is not suggested there again.

use super::{fold_quote, parse_key, LinkEnd, LinkSuggestion, Rejections, Suggestion, Suggestions};
use crate::model::annotation::{Annotation, Label, Relation};
use crate::model::content::Annotations;
use crate::model::span::{self, CharSpan, Direction, Edge};
use crate::model::text::TextIndex;
use std::collections::{HashMap, HashSet};

/// The suggestions of one run, as the person works through them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// Not yet decided (and, when asked for, rejected ones), in reading order.
    items: Vec<Suggestion>,
    /// Links proposed for claims already annotated.
    links: Vec<LinkSuggestion>,
    /// The suggestion under review, by label and span (its key, read).
    current: Option<(Label, CharSpan)>,
    /// What each accepted suggestion became (so a later link to it finds it).
    accepted: HashMap<String, Annotation>,
    rejections: Rejections,
}

/// Where a review step lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
}

/// Where the suggestion with this key is (compared by label and span: a run may hold tens of
/// thousands, and a key is a string to build).
fn position(items: &[Suggestion], key: &str) -> Option<usize> {
    let (label, span) = parse_key(key)?;
    items
        .iter()
        .position(|s| s.label == label && s.span == span)
}

impl Review {
    pub fn new(found: Suggestions, rejections: Rejections) -> Self {
        Review {
            items: found.spans,
            links: found.links,
            current: None,
            accepted: HashMap::new(),
            rejections,
        }
    }

    pub fn items(&self) -> &[Suggestion] {
        &self.items
    }

    pub fn link_items(&self) -> &[LinkSuggestion] {
        &self.links
    }

    pub fn rejections(&self) -> &Rejections {
        &self.rejections
    }

    /// How many open suggestions of `label` (rejected ones shown are not counted).
    pub fn count(&self, label: Label) -> usize {
        self.items
            .iter()
            .filter(|s| s.label == label && !s.rejected)
            .count()
    }

    /// Nothing listed: no suggestion open, none shown as rejected, no link proposed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.links.is_empty()
    }

    pub fn current(&self) -> Option<&Suggestion> {
        let (label, span) = self.current?;
        self.items
            .iter()
            .find(|s| s.label == label && s.span == span)
    }

    /// What the suggestion with this key became when it was accepted in this review.
    pub fn accepted(&self, key: &str) -> Option<&Annotation> {
        self.accepted.get(key)
    }

    /// The suggestion with this key, if it is listed.
    pub fn get(&self, key: &str) -> Option<&Suggestion> {
        position(&self.items, key).map(|at| &self.items[at])
    }

    pub fn set_current(&mut self, key: Option<String>) {
        self.current = key.and_then(|k| self.get(&k).map(|s| (s.label, s.span)));
    }

    /// Moves to the next or previous open suggestion in reading order; from none, to the
    /// first (or last). Stays at the ends. Returns the new current one.
    pub fn step(&mut self, step: Step) -> Option<&Suggestion> {
        let open: Vec<usize> = (0..self.items.len())
            .filter(|&i| !self.items[i].rejected)
            .collect();
        let at = self.current.and_then(|(label, span)| {
            open.iter()
                .position(|&i| self.items[i].label == label && self.items[i].span == span)
        });
        let next = match (at, step) {
            (None, Step::Next) => open.first(),
            (None, Step::Previous) => open.last(),
            (Some(at), Step::Next) => open.get(at + 1).or(open.get(at)),
            (Some(at), Step::Previous) => open.get(at.saturating_sub(1)),
        }
        .copied();
        self.current = next.map(|i| (self.items[i].label, self.items[i].span));
        next.map(|i| &self.items[i])
    }

    /// After the current one is decided: the open suggestion after where it was (or before,
    /// at the end).
    fn advance_from(&mut self, span: CharSpan) {
        let open = |s: &&Suggestion| !s.rejected;
        let after = self
            .items
            .iter()
            .filter(open)
            .find(|s| s.span.start >= span.start);
        let before = self.items.iter().rfind(open);
        self.current = after.or(before).map(|s| (s.label, s.span));
    }

    /// Accepts the suggestions with these keys, with the suggestions their links lead to,
    /// and returns what to add to the document: new annotations, their links, and (as
    /// placeholders the document already holds) the annotations those links end at. `None`
    /// when none of the keys is open. `existing` is the document's annotations.
    pub fn accept(
        &mut self,
        keys: &[String],
        index: &TextIndex,
        existing: &[Annotation],
        mut fresh_id: impl FnMut() -> String,
        now: &str,
    ) -> Option<Annotations> {
        let current_span = self.current().map(|s| s.span);
        let mut batch = Batch::default();
        // In one pass: "Accept all" may name every one of tens of thousands.
        let wanted: HashSet<(Label, CharSpan)> = keys.iter().filter_map(|k| parse_key(k)).collect();
        let (taken, kept): (Vec<Suggestion>, Vec<Suggestion>) = std::mem::take(&mut self.items)
            .into_iter()
            .partition(|s| !s.rejected && wanted.contains(&(s.label, s.span)));
        self.items = kept;
        for suggestion in taken {
            self.accept_one(suggestion, index, &mut fresh_id, now, &mut batch);
        }
        if batch.annotations.is_empty() {
            return None;
        }
        // Their links, now that every end is known.
        for (claim_id, links) in std::mem::take(&mut batch.wanted) {
            for link in links {
                let Some(other) =
                    self.end_of(&link.other, index, existing, &mut fresh_id, now, &mut batch)
                else {
                    continue;
                };
                batch.relate(&claim_id, other, link.role, fresh_id(), now);
            }
        }
        if let Some(span) = current_span {
            if self.current().is_none() {
                self.advance_from(span);
            }
        }
        Some(batch.into_annotations())
    }

    /// Accepts the proposed links of claims already annotated (by their place in
    /// [`Review::link_items`]), with the suggestions they lead to.
    pub fn accept_links(
        &mut self,
        at: &[usize],
        index: &TextIndex,
        existing: &[Annotation],
        mut fresh_id: impl FnMut() -> String,
        now: &str,
    ) -> Option<Annotations> {
        let chosen: Vec<LinkSuggestion> = at
            .iter()
            .filter_map(|&i| self.links.get(i))
            .cloned()
            .collect();
        let mut batch = Batch::default();
        for link in &chosen {
            let Some(claim) = existing.iter().find(|a| a.id == link.claim).cloned() else {
                continue;
            };
            let Some(other) =
                self.end_of(&link.other, index, existing, &mut fresh_id, now, &mut batch)
            else {
                continue;
            };
            let claim_id = claim.id.clone();
            batch.placeholder(claim);
            batch.relate(&claim_id, other, link.role, fresh_id(), now);
        }
        self.links = self
            .links
            .iter()
            .enumerate()
            .filter(|(i, _)| !at.contains(i))
            .map(|(_, l)| l.clone())
            .collect();
        (!batch.relations.is_empty()).then(|| batch.into_annotations())
    }

    /// Drops proposed links of existing claims without adding them.
    pub fn dismiss_links(&mut self, at: &[usize]) {
        let mut i = 0;
        self.links.retain(|_| {
            i += 1;
            !at.contains(&(i - 1))
        });
    }

    /// The annotation a proposed link ends at: one of the document's, or a suggestion (accepted
    /// now if it is still open, or earlier in this review). `None` when it is gone (rejected).
    fn end_of(
        &mut self,
        end: &LinkEnd,
        index: &TextIndex,
        existing: &[Annotation],
        fresh_id: &mut impl FnMut() -> String,
        now: &str,
        batch: &mut Batch,
    ) -> Option<Annotation> {
        match end {
            LinkEnd::Existing(id) => existing.iter().find(|a| &a.id == id).cloned(),
            LinkEnd::Suggested(key) => {
                self.take(key, index, fresh_id, now, batch);
                self.accepted.get(key).cloned()
            }
        }
    }

    /// Moves an open suggestion out of the list into `batch` as a new annotation.
    fn take(
        &mut self,
        key: &str,
        index: &TextIndex,
        fresh_id: &mut impl FnMut() -> String,
        now: &str,
        batch: &mut Batch,
    ) {
        let Some(at) = position(&self.items, key) else {
            return;
        };
        let suggestion = self.items.remove(at);
        self.accept_one(suggestion, index, fresh_id, now, batch);
    }

    /// Makes an annotation of a suggestion taken out of the list.
    fn accept_one(
        &mut self,
        suggestion: Suggestion,
        index: &TextIndex,
        fresh_id: &mut impl FnMut() -> String,
        now: &str,
        batch: &mut Batch,
    ) {
        let key = suggestion.key();
        let mut annotation =
            Annotation::new(index, fresh_id(), suggestion.label, suggestion.span, now);
        annotation.entity = suggestion.entity.clone();
        self.accepted.insert(key, annotation.clone());
        if !suggestion.links.is_empty() {
            batch.wanted.push((annotation.id.clone(), suggestion.links));
        }
        batch.annotations.push(annotation);
    }

    /// Rejects the suggestions with these keys: their label and text are remembered for the
    /// document, and every open suggestion with the same label and text goes too (or is
    /// flagged, when rejected ones are shown).
    pub fn reject(&mut self, keys: &[String], keep_shown: bool) {
        let current_span = self.current().map(|s| s.span);
        let named: HashSet<(Label, CharSpan)> = keys.iter().filter_map(|k| parse_key(k)).collect();
        let chosen: HashSet<(Label, String)> = self
            .items
            .iter()
            .filter(|s| named.contains(&(s.label, s.span)))
            .map(|s| (s.label, fold_quote(&s.quote)))
            .collect();
        for (label, text) in &chosen {
            self.rejections.reject(*label, text);
        }
        let gone = |s: &Suggestion| chosen.contains(&(s.label, fold_quote(&s.quote)));
        if keep_shown {
            for s in self.items.iter_mut().filter(|s| gone(s)) {
                s.rejected = true;
            }
        } else {
            self.items.retain(|s| !gone(s));
        }
        if let Some(span) = current_span {
            if self.current().is_none_or(|s| s.rejected) {
                self.advance_from(span);
            }
        }
    }

    /// Takes back the rejection of a suggestion shown as rejected: it is open again.
    pub fn restore(&mut self, key: &str) {
        let Some(found) = self.get(key) else {
            return;
        };
        let (label, text) = (found.label, fold_quote(&found.quote));
        self.rejections.restore(label, &text);
        for s in self
            .items
            .iter_mut()
            .filter(|s| s.label == label && fold_quote(&s.quote) == text)
        {
            s.rejected = false;
        }
    }

    /// Moves one edge of an open suggestion by a word (as for annotations), before it is
    /// accepted. Returns its new key; `None` when the edge cannot move there.
    pub fn nudge(
        &mut self,
        key: &str,
        index: &TextIndex,
        edge: Edge,
        dir: Direction,
    ) -> Option<String> {
        let at = position(&self.items, key)?;
        let moved = span::nudge(index, self.items[at].span, edge, dir)?;
        let label = self.items[at].label;
        if self
            .items
            .iter()
            .any(|s| s.label == label && s.span == moved)
        {
            return None;
        }
        let old = self.items[at].key();
        let item = &mut self.items[at];
        item.span = moved;
        item.quote = index.slice(moved.start, moved.end).to_owned();
        // The date read from the old words no longer holds; the annotation computes its own.
        item.date_value = None;
        item.date_modifier = None;
        let new = item.key();
        for other in &mut self.items {
            for link in &mut other.links {
                if link.other == LinkEnd::Suggested(old.clone()) {
                    link.other = LinkEnd::Suggested(new.clone());
                }
            }
        }
        for link in &mut self.links {
            if link.other == LinkEnd::Suggested(old.clone()) {
                link.other = LinkEnd::Suggested(new.clone());
            }
        }
        self.items.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        if parse_key(&old) == self.current {
            self.current = Some((label, moved));
        }
        Some(new)
    }
}

/// What an accept adds, as it is built.
#[derive(Default)]
struct Batch {
    annotations: Vec<Annotation>,
    relations: Vec<Relation>,
    /// Links of accepted claims, resolved once every accepted suggestion is in.
    wanted: Vec<(String, Vec<super::SuggestedLink>)>,
}

impl Batch {
    /// An annotation a link ends at that the document holds already: sent with the batch so
    /// the document finds it by label and span (it is not added twice).
    fn placeholder(&mut self, annotation: Annotation) {
        if !self.annotations.iter().any(|a| a.id == annotation.id) {
            self.annotations.push(annotation);
        }
    }

    fn relate(
        &mut self,
        claim: &str,
        other: Annotation,
        role: crate::model::Role,
        id: String,
        now: &str,
    ) {
        let other_id = other.id.clone();
        self.placeholder(other);
        self.relations.push(Relation {
            id,
            claim: claim.to_owned(),
            other: other_id,
            role,
            created: now.to_owned(),
        });
    }

    fn into_annotations(mut self) -> Annotations {
        self.annotations.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
        });
        Annotations {
            annotations: self.annotations,
            orphans: Vec::new(),
            relations: self.relations,
        }
    }
}
