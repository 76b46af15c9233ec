//! Where the gold stands: which of its annotations belong to an item, its version there, and
//! how that compares with the layers'.

use super::items::id_index;
use super::{Item, Status, Summary, Version};
use crate::model::annotation::{Annotation, Label, Relation};
use crate::model::content::Content;
use crate::model::sort;
use crate::model::span::CharSpan;
use std::collections::{HashMap, HashSet};

/// The gold's placed annotations, indexed for the questions curation asks of them.
pub(super) struct Gold<'a> {
    pub(super) annotations: &'a [Annotation],
    /// Indices sorted by start, and the largest end among the first k + 1 of them, so a
    /// search for what reaches a span stops early.
    by_start: Vec<usize>,
    reach: Vec<usize>,
    /// The first annotation with each label and span.
    at: HashMap<(Label, CharSpan), usize>,
    /// Per claim (index), its links whose other end is placed: (link, other end's index).
    links: HashMap<usize, Vec<(&'a Relation, usize)>>,
}

impl<'a> Gold<'a> {
    pub(super) fn new(gold: Content<'a>) -> Self {
        let annotations = gold.annotations;
        let mut by_start: Vec<usize> = (0..annotations.len()).collect();
        sort::sort_by_key(&mut by_start, |&i| annotations[i].span.start);
        let mut reach = Vec::with_capacity(by_start.len());
        let mut furthest = 0;
        for &i in &by_start {
            furthest = annotations[i].span.end.0.max(furthest);
            reach.push(furthest);
        }
        let mut at = HashMap::with_capacity(annotations.len());
        for (i, a) in annotations.iter().enumerate() {
            at.entry((a.label, a.span)).or_insert(i);
        }
        let index = id_index(annotations);
        let mut links: HashMap<usize, Vec<(&Relation, usize)>> = HashMap::new();
        for relation in gold.relations {
            if let (Some(&claim), Some(&other)) = (
                index.get(relation.claim.as_str()),
                index.get(relation.other.as_str()),
            ) {
                links.entry(claim).or_default().push((relation, other));
            }
        }
        Gold {
            annotations,
            by_start,
            reach,
            at,
            links,
        }
    }

    /// The gold annotation with this label and span, if any (the first).
    pub(super) fn at(&self, label: Label, span: CharSpan) -> Option<usize> {
        self.at.get(&(label, span)).copied()
    }

    /// The gold annotations (indices, ascending) that belong to `item`: same label as a member
    /// and a shared code point, or the very same span as a member.
    pub(super) fn belonging(&self, item: &Item) -> Vec<usize> {
        let mut members: Vec<(Label, CharSpan)> = item
            .versions
            .iter()
            .flat_map(|version| version.spans.iter().copied())
            .collect();
        sort::sort(&mut members);
        members.dedup();
        let mut found = Vec::new();
        for (label, span) in members {
            // Candidates start at or before the member's end and reach its start.
            let upto = self
                .by_start
                .partition_point(|&i| self.annotations[i].span.start <= span.end);
            for k in (0..upto).rev() {
                if self.reach[k] < span.start.0 {
                    break;
                }
                let g = &self.annotations[self.by_start[k]];
                if (g.label == label && g.span.overlaps(&span)) || g.span == span {
                    found.push(self.by_start[k]);
                }
            }
        }
        sort::sort(&mut found);
        found.dedup();
        found
    }

    /// The gold's version made of these annotations (and their claims' links).
    pub(super) fn version(&self, belonging: &[usize]) -> Version {
        let mut version = Version::default();
        for &i in belonging {
            let a = &self.annotations[i];
            version.spans.push((a.label, a.span));
            for &(relation, other) in self.links.get(&i).into_iter().flatten() {
                let other = &self.annotations[other];
                version
                    .links
                    .push((a.span, relation.role, other.label, other.span));
            }
        }
        sort::sort(&mut version.spans);
        version.spans.dedup();
        sort::sort(&mut version.links);
        version.links.dedup();
        version
    }

    /// A layer's version as the gold could hold it now: without the links whose other end
    /// (by label and span) is not in the gold, since no decision here can add those.
    fn expected(&self, version: &Version) -> Version {
        Version {
            spans: version.spans.clone(),
            links: version
                .links
                .iter()
                .filter(|(_, _, label, span)| self.at(*label, *span).is_some())
                .copied()
                .collect(),
        }
    }

    pub(super) fn status(&self, item: &Item, dropped: bool) -> Status {
        let version = self.version(&self.belonging(item));
        if version.is_empty() {
            if !dropped {
                return Status::Open;
            }
            let empty: Vec<usize> = (0..item.versions.len())
                .filter(|&l| item.versions[l].is_empty())
                .collect();
            return if empty.is_empty() {
                Status::Dropped
            } else {
                Status::Taken(empty)
            };
        }
        let expected: Vec<Version> = item.versions.iter().map(|v| self.expected(v)).collect();
        let taken: Vec<usize> = (0..expected.len())
            .filter(|&l| expected[l] == version)
            .collect();
        if !taken.is_empty() {
            return Status::Taken(taken);
        }
        let mut union = Version::default();
        for v in &expected {
            union.spans.extend(v.spans.iter().copied());
            union.links.extend(v.links.iter().copied());
        }
        sort::sort(&mut union.spans);
        union.spans.dedup();
        sort::sort(&mut union.links);
        union.links.dedup();
        if union == version {
            Status::Both
        } else {
            Status::Edited
        }
    }
}

/// Where the gold stands on `item`. `dropped`: the curator dropped the item (the UI keeps
/// the dropped items' keys), which tells an empty gold that was decided from one that was
/// not.
///
/// The gold's version is compared with each layer's without the layer's links whose other
/// end is not in the gold (by label and span): taking a claim before its actor gives
/// `Taken`, not `Edited`, and the link follows when the actor is taken ([`super::apply`]).
pub fn status(item: &Item, gold: Content<'_>, dropped: bool) -> Status {
    Gold::new(gold).status(item, dropped)
}

/// Where the gold stands on each of `items`, with one index of the gold for all of them (a
/// walk asks after every decision, and a long document has thousands of places).
pub fn statuses(items: &[Item], gold: Content<'_>, dropped: &HashSet<String>) -> Vec<Status> {
    let gold = Gold::new(gold);
    items
        .iter()
        .map(|item| gold.status(item, dropped.contains(&item.key)))
        .collect()
}

/// Counts over every item; `dropped` holds the keys of the items the curator dropped.
pub fn summary(
    items: &[Item],
    gold: Content<'_>,
    dropped: &HashSet<String>,
    layer_count: usize,
) -> Summary {
    summarise(items, &statuses(items, gold, dropped), layer_count)
}

/// The counts of [`summary`] from statuses already known ([`statuses`], one per item), so a
/// walk that draws its rows from them does not ask the gold twice.
pub fn summarise(items: &[Item], statuses: &[Status], layer_count: usize) -> Summary {
    let mut summary = Summary {
        taken_by_layer: vec![0; layer_count],
        ..Summary::default()
    };
    for (item, status) in items.iter().zip(statuses) {
        if item.agreed {
            summary.agreed += 1;
            if matches!(status, Status::Taken(_)) {
                summary.agreed_in_gold += 1;
            }
            continue;
        }
        summary.disagreements += 1;
        match status {
            Status::Open => summary.open += 1,
            Status::Taken(layers) => {
                summary.taken += 1;
                for &l in layers {
                    if let Some(count) = summary.taken_by_layer.get_mut(l) {
                        *count += 1;
                    }
                }
            }
            Status::Both => summary.both += 1,
            Status::Dropped => summary.dropped += 1,
            Status::Edited => summary.edited += 1,
        }
    }
    summary
}
