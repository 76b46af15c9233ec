//! A decision as the page receives it: the JSON format's annotations must be complete in
//! themselves (a link reaches only annotations of the same file), and the walk shows the
//! decision before the page's save comes back.

use super::Change;
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::{Annotations, Content};
use std::collections::{HashMap, HashSet};

/// `change.add` made self-contained against `gold`: an added annotation whose id the gold
/// uses already gets a fresh one (`curated-<n>`), and a link to an annotation that stays in
/// the gold carries a copy of it (same id, label and span), which the page's merge maps onto
/// it. A link to something neither added nor in the gold is left out.
pub fn self_contained(change: &Change, gold: Content<'_>) -> Annotations {
    let removed: HashSet<&str> = change.remove.iter().map(String::as_str).collect();
    let staying: HashMap<&str, &Annotation> = gold
        .annotations
        .iter()
        .filter(|a| !removed.contains(a.id.as_str()))
        .map(|a| (a.id.as_str(), a))
        .collect();
    // The ids the gold keeps: an id of an annotation that goes may come back.
    let mut taken: HashSet<String> = staying.keys().map(|id| (*id).to_owned()).collect();
    let mut fresh = 0usize;
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut out = Annotations::default();
    for annotation in &change.add.annotations {
        let mut annotation = annotation.clone();
        let original = annotation.id.clone();
        while taken.contains(&annotation.id) {
            fresh += 1;
            annotation.id = format!("curated-{fresh}");
        }
        taken.insert(annotation.id.clone());
        renamed
            .entry(original)
            .or_insert_with(|| annotation.id.clone());
        out.annotations.push(annotation);
    }
    let mut anchors: HashSet<&str> = HashSet::new();
    for relation in &change.add.relations {
        let mut end = |id: &str| -> Option<String> {
            if let Some(new) = renamed.get(id) {
                return Some(new.clone());
            }
            let kept = staying.get(id)?;
            if anchors.insert(kept.id.as_str()) {
                out.annotations.push((*kept).clone());
            }
            Some(kept.id.clone())
        };
        let (Some(claim), Some(other)) = (end(&relation.claim), end(&relation.other)) else {
            continue;
        };
        out.relations.push(Relation {
            claim,
            other,
            ..relation.clone()
        });
    }
    out
}

/// What the page's exchange does to `gold`, done to the walk's copy of it so that the walk
/// shows a decision at once: the annotations `remove` names go with their links, and
/// `file` (from [`self_contained`]) is merged in, an annotation of the same label and span
/// as one already there standing for it.
pub fn apply_locally(gold: &mut Annotations, remove: &[String], file: &Annotations) {
    let removed: HashSet<&str> = remove.iter().map(String::as_str).collect();
    gold.annotations
        .retain(|a| !removed.contains(a.id.as_str()));
    gold.relations
        .retain(|r| !removed.contains(r.claim.as_str()) && !removed.contains(r.other.as_str()));
    let mut at: HashMap<(Label, usize, usize), String> = gold
        .annotations
        .iter()
        .map(|a| ((a.label, a.span.start.0, a.span.end.0), a.id.clone()))
        .collect();
    let mut ids: HashMap<&str, String> = HashMap::new();
    for annotation in &file.annotations {
        let key = (
            annotation.label,
            annotation.span.start.0,
            annotation.span.end.0,
        );
        let id = at.entry(key).or_insert_with(|| {
            gold.annotations.push(annotation.clone());
            annotation.id.clone()
        });
        ids.insert(annotation.id.as_str(), id.clone());
    }
    let mut links: HashSet<(String, String, Role)> = gold
        .relations
        .iter()
        .map(|r| (r.claim.clone(), r.other.clone(), r.role))
        .collect();
    for relation in &file.relations {
        let (Some(claim), Some(other)) = (
            ids.get(relation.claim.as_str()),
            ids.get(relation.other.as_str()),
        ) else {
            continue;
        };
        if links.insert((claim.clone(), other.clone(), relation.role)) {
            gold.relations.push(Relation {
                claim: claim.clone(),
                other: other.clone(),
                ..relation.clone()
            });
        }
    }
    gold.annotations
        .sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
}
