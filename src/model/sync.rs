//! Two tabs on one document: a three-way merge of annotation sets, so that neither tab
//! overwrites the other's newer work and deletions are not undone by the other tab.

use super::annotation::{Annotation, Relation};
use std::collections::{BTreeSet, HashMap};

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
    let ids: BTreeSet<&String> = local_map.keys().chain(remote_map.keys()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
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
}
