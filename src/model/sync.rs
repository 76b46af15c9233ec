//! Two tabs on one document: a three-way merge of annotation sets, so that neither tab
//! overwrites the other's newer work and deletions are not undone by the other tab.

use super::annotation::{Annotation, Relation};
use super::content::{Annotations, Content};
use super::sort;
use std::collections::HashMap;

/// Something merged by id, with a version that orders edits.
pub trait Versioned: Clone + PartialEq {
    fn key(&self) -> &str;
    /// Compared as text: RFC 3339 times order correctly.
    fn version(&self) -> &str;
}

impl Versioned for Annotation {
    fn key(&self) -> &str {
        &self.id
    }
    fn version(&self) -> &str {
        &self.updated
    }
}

impl Versioned for Relation {
    fn key(&self) -> &str {
        &self.id
    }
    /// A relation is never edited, only added or removed.
    fn version(&self) -> &str {
        &self.created
    }
}

/// Merges `local` and `remote`, which both descend from `base` (the last state this tab
/// and storage agreed on). Per id:
/// - on both sides: the later `updated` wins (ties keep local);
/// - on one side only: kept if it is new (not in `base`), or if that side edited it after
///   `base` (an edit beats the other side's deletion); otherwise the other side deleted it,
///   and it stays deleted.
///
/// The result is in no particular order; the store sorts it.
pub fn merge3<T: Versioned>(base: &[T], local: &[T], remote: &[T]) -> Vec<T> {
    let by_id = |set: &[T]| -> HashMap<String, T> {
        set.iter()
            .map(|a| (a.key().to_owned(), a.clone()))
            .collect()
    };
    let (base, local_map, remote_map) = (by_id(base), by_id(local), by_id(remote));
    // Sorted and deduplicated: the order a BTreeSet gives, without the B-tree code.
    let mut ids: Vec<&String> = local_map.keys().chain(remote_map.keys()).collect();
    sort::sort(&mut ids);
    ids.dedup();
    let edited_since_base = |a: &T| {
        base.get(a.key())
            .is_none_or(|b| a.version() > b.version() || a != b)
    };
    ids.into_iter()
        .filter_map(|id| match (local_map.get(id), remote_map.get(id)) {
            (Some(l), Some(r)) => Some(if r.version() > l.version() { r } else { l }),
            (Some(l), None) => edited_since_base(l).then_some(l),
            (None, Some(r)) => edited_since_base(r).then_some(r),
            (None, None) => None,
        })
        .cloned()
        .collect()
}

/// Storage moved from `before` to `after` (another tab's writes, or the current version of a
/// record whose write was refused); merges that into `local` by [`merge3`]. Returns the merge
/// when it differs from `local`.
pub fn merge_stored(
    before: &Annotations,
    local: Content,
    after: &Annotations,
) -> Option<Annotations> {
    let merged = Annotations {
        annotations: merge3(&before.annotations, local.annotations, &after.annotations),
        orphans: merge3(&before.orphans, local.orphans, &after.orphans),
        relations: merge3(&before.relations, local.relations, &after.relations),
    };
    let unchanged = same_set(&merged.annotations, local.annotations)
        && same_set(&merged.orphans, local.orphans)
        && merged.relations.len() == local.relations.len()
        && merged.relations.iter().all(|r| local.relations.contains(r));
    (!unchanged).then_some(merged)
}

/// The same annotations, in any order.
fn same_set(a: &[Annotation], b: &[Annotation]) -> bool {
    a.len() == b.len() && sorted_by_id(a) == sorted_by_id(b)
}

fn sorted_by_id(set: &[Annotation]) -> Vec<&Annotation> {
    let mut sorted: Vec<&Annotation> = set.iter().collect();
    sort::sort_by(&mut sorted, |x, y| x.id.cmp(&y.id));
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::store::Store;
    use crate::model::{default_document, CharSpan, Label};

    fn ann(id: &str, note: &str, updated: &str) -> Annotation {
        let doc = default_document();
        let mut a = Annotation::new(
            &doc.index,
            id.into(),
            Label::Actor,
            CharSpan::at(0, 9),
            "2025-01-01T00:00:00.000Z",
        );
        a.note = note.into();
        a.updated = updated.into();
        a
    }

    fn notes(mut set: Vec<Annotation>) -> Vec<(String, String)> {
        set.sort_by(|a, b| a.id.cmp(&b.id));
        set.into_iter().map(|a| (a.id, a.note)).collect()
    }

    #[test]
    fn additions_on_both_sides_are_kept_and_the_later_edit_wins() {
        let base = vec![ann("a", "base", "t1")];
        let local = vec![ann("a", "local edit", "t3"), ann("l", "", "t2")];
        let remote = vec![ann("a", "remote edit", "t2"), ann("r", "", "t2")];
        assert_eq!(
            notes(merge3(&base, &local, &remote)),
            [("a", "local edit"), ("l", ""), ("r", "")].map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
    }

    #[test]
    fn a_deletion_on_either_side_sticks_unless_the_other_side_edited_after() {
        let base = vec![ann("a", "", "t1"), ann("b", "", "t1"), ann("c", "", "t1")];
        // Local deleted a; remote deleted b; remote edited c, which local deleted.
        let local = vec![ann("b", "", "t1")];
        let remote = vec![ann("a", "", "t1"), ann("c", "remote edit", "t2")];
        assert_eq!(
            notes(merge3(&base, &local, &remote)),
            [("c".to_owned(), "remote edit".to_owned())]
        );
    }

    #[test]
    fn an_undone_delete_comes_back_everywhere() {
        // Local deleted a (saved: base has no a), then undid the delete.
        let base: Vec<Annotation> = vec![];
        let local = vec![ann("a", "", "t1")];
        let remote: Vec<Annotation> = vec![];
        assert_eq!(notes(merge3(&base, &local, &remote)).len(), 1);
    }

    fn store_with(ids: &[(&str, usize)]) -> Store {
        let doc = default_document();
        let mut store = Store::new();
        for &(id, start) in ids {
            let span = CharSpan::at(start, start + 8);
            store
                .add(&doc.index, id.into(), Label::Actor, span, "t1")
                .unwrap();
        }
        store
    }

    fn ids(set: &[Annotation]) -> Vec<&str> {
        let mut ids: Vec<&str> = set.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        ids
    }

    #[test]
    fn another_tabs_addition_is_merged_in() {
        let before = store_with(&[("a", 0)]).content().owned();
        let local = store_with(&[("a", 0), ("mine", 20)]);
        let after = store_with(&[("a", 0), ("theirs", 40)]).content().owned();
        let merged = merge_stored(&before, local.content(), &after)
            .expect("the other tab's annotation is new here");
        assert_eq!(ids(&merged.annotations), ["a", "mine", "theirs"]);
    }

    #[test]
    fn storage_equal_to_this_tab_needs_no_update() {
        let local = store_with(&[("a", 0)]);
        let before = Annotations::default();
        assert_eq!(
            merge_stored(&before, local.content(), &local.content().owned()),
            None
        );
    }

    #[test]
    fn a_deletion_in_the_other_tab_reaches_this_one() {
        let both = store_with(&[("a", 0), ("b", 20)]);
        let after = store_with(&[("a", 0)]).content().owned();
        let merged = merge_stored(&both.content().owned(), both.content(), &after)
            .expect("b was deleted over there");
        assert_eq!(ids(&merged.annotations), ["a"]);
    }
}
