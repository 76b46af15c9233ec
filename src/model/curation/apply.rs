//! What a decision changes in the gold, and the gold a curation starts from.

use super::gold::Gold;
use super::items::id_index;
use super::{Change, Choice, Item};
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::{Annotations, Content};
use crate::model::span::CharSpan;
use std::collections::{HashMap, HashSet};

/// What taking `choice` on `item` changes in `gold`: the gold annotations that belong to the
/// item go, and the chosen layers' annotations in it come in (each label and span once, the
/// first layer's copy winning), as copies made by `annotator` at `now` that keep their note,
/// entity, date value, quote and context.
///
/// Links come from the chosen layers: each link whose two ends are in the gold after the
/// change (an annotation added here, or a gold annotation that stays with the same label and
/// span as the layer's) and at least one end is in this item, once per (claim, other, role).
/// So taking a claim and later its actor brings the link in with the actor.
///
/// Copies and links keep the layer's ids unless that id is held by a gold annotation (or
/// link) that stays or by another copy here; then they get the first free `<id>-2`,
/// `<id>-3`, …, so every link's ends name exactly one annotation. Ids of removed annotations
/// count as free: apply `remove` before `add`.
pub fn apply(
    item: &Item,
    choice: &Choice,
    layers: &[Content<'_>],
    gold: Content<'_>,
    annotator: &str,
    now: &str,
) -> Change {
    let index = Gold::new(gold);
    let belonging = index.belonging(item);
    let removed: HashSet<usize> = belonging.iter().copied().collect();
    let remove: Vec<String> = belonging
        .iter()
        .map(|&i| gold.annotations[i].id.clone())
        .collect();
    let chosen: Vec<usize> = match *choice {
        Choice::Layer(l) if l < layers.len() && l < item.members.len() => vec![l],
        Choice::Layer(_) | Choice::Drop => Vec::new(),
        Choice::Both => (0..layers.len().min(item.members.len())).collect(),
    };

    let removed_ids: HashSet<&str> = remove.iter().map(String::as_str).collect();
    let mut ids = FreshIds::new(
        gold.annotations
            .iter()
            .chain(gold.orphans)
            .map(|a| a.id.as_str())
            .filter(|id| !removed_ids.contains(id)),
    );
    let mut copies = Copies::default();
    for &l in &chosen {
        for &i in &item.members[l] {
            copies.add(&layers[l].annotations[i], &mut ids, annotator, now);
        }
    }

    // A layer's annotation in the gold after the change: (its gold id, added here).
    let in_gold = |a: &Annotation| -> Option<(String, bool)> {
        if let Some(id) = copies.id(a.label, a.span) {
            return Some((id.to_owned(), true));
        }
        index
            .at(a.label, a.span)
            .filter(|g| !removed.contains(g))
            .map(|g| (gold.annotations[g].id.clone(), false))
    };
    let mut links = Links::new(gold.relations.iter().filter(|r| {
        !removed_ids.contains(r.claim.as_str()) && !removed_ids.contains(r.other.as_str())
    }));
    for &l in &chosen {
        let layer = layers[l];
        let by_id = id_index(layer.annotations);
        for relation in layer.relations {
            let (Some(&c), Some(&o)) = (
                by_id.get(relation.claim.as_str()),
                by_id.get(relation.other.as_str()),
            ) else {
                continue;
            };
            let (Some((claim, claim_new)), Some((other, other_new))) = (
                in_gold(&layer.annotations[c]),
                in_gold(&layer.annotations[o]),
            ) else {
                continue;
            };
            if claim_new || other_new {
                links.add(relation, claim, other, now);
            }
        }
    }
    Change {
        remove,
        add: Annotations {
            annotations: copies.annotations,
            orphans: Vec::new(),
            relations: links.relations,
        },
    }
}

/// The gold a curation starts from: with `take_agreed`, every agreed item's annotations
/// (copies of the first layer's, made by `annotator` at `now`, as [`apply`] makes them) and
/// the first layer's links between them; else nothing.
pub fn initial_gold(
    items: &[Item],
    layers: &[Content<'_>],
    take_agreed: bool,
    annotator: &str,
    now: &str,
) -> Annotations {
    let Some(first) = layers.first() else {
        return Annotations::default();
    };
    if !take_agreed {
        return Annotations::default();
    }
    let mut ids = FreshIds::new(std::iter::empty());
    let mut copies = Copies::default();
    for item in items.iter().filter(|item| item.agreed) {
        for &i in item.members.first().into_iter().flatten() {
            copies.add(&first.annotations[i], &mut ids, annotator, now);
        }
    }
    let by_id = id_index(first.annotations);
    let mut links = Links::new(std::iter::empty());
    for relation in first.relations {
        let end = |id: &str| {
            let a = &first.annotations[*by_id.get(id)?];
            copies.id(a.label, a.span).map(str::to_owned)
        };
        if let (Some(claim), Some(other)) = (end(&relation.claim), end(&relation.other)) {
            links.add(relation, claim, other, now);
        }
    }
    Annotations {
        annotations: copies.annotations,
        orphans: Vec::new(),
        relations: links.relations,
    }
}

/// Ids not yet taken: an id is kept when free, else `<id>-2`, `<id>-3`, … .
struct FreshIds {
    taken: HashSet<String>,
}

impl FreshIds {
    fn new<'a>(taken: impl Iterator<Item = &'a str>) -> Self {
        FreshIds {
            taken: taken.map(str::to_owned).collect(),
        }
    }

    fn take(&mut self, id: &str) -> String {
        if self.taken.insert(id.to_owned()) {
            return id.to_owned();
        }
        (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("some suffix is free")
    }
}

/// Copies of layer annotations going into the gold, one per label and span.
#[derive(Default)]
struct Copies {
    annotations: Vec<Annotation>,
    ids: HashMap<(Label, CharSpan), usize>,
}

impl Copies {
    fn add(&mut self, a: &Annotation, ids: &mut FreshIds, annotator: &str, now: &str) {
        let key = (a.label, a.span);
        if self.ids.contains_key(&key) {
            return;
        }
        self.ids.insert(key, self.annotations.len());
        self.annotations.push(Annotation {
            id: ids.take(&a.id),
            annotator: annotator.to_owned(),
            created: now.to_owned(),
            updated: now.to_owned(),
            ..a.clone()
        });
    }

    fn id(&self, label: Label, span: CharSpan) -> Option<&str> {
        self.ids
            .get(&(label, span))
            .map(|&k| self.annotations[k].id.as_str())
    }
}

/// Links going into the gold, once per (claim, other, role), with ids free among the gold's
/// links that stay.
struct Links {
    relations: Vec<Relation>,
    seen: HashSet<(String, String, Role)>,
    ids: FreshIds,
}

impl Links {
    fn new<'a>(staying: impl Iterator<Item = &'a Relation>) -> Self {
        Links {
            relations: Vec::new(),
            seen: HashSet::new(),
            ids: FreshIds::new(staying.map(|r| r.id.as_str())),
        }
    }

    fn add(&mut self, relation: &Relation, claim: String, other: String, now: &str) {
        if !self
            .seen
            .insert((claim.clone(), other.clone(), relation.role))
        {
            return;
        }
        self.relations.push(Relation {
            id: self.ids.take(&relation.id),
            claim,
            other,
            role: relation.role,
            created: now.to_owned(),
        });
    }
}
