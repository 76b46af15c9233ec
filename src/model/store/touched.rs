//! Which annotations and links the recent revisions changed. The saver compares only those
//! with what the database holds: comparing the whole store after every key costs time linear
//! in the annotations (about 10,000 comparisons per key on the benchmark's document).

use super::history::Change;
use std::collections::VecDeque;

/// An annotation (placed or orphan: one record either way) or a link, by id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Touch {
    Annotation(String),
    Relation(String),
}

/// How many touched ids are remembered. An import of more forgets the older ones, and the
/// saver then compares everything once, as it does on opening.
const LOG_LIMIT: usize = 4_096;

/// The log of touched ids, each with the revision that touched it, oldest first.
#[derive(Clone, Debug, Default)]
pub(super) struct TouchLog {
    /// Every change after this revision is in `log`; older ones may have been forgotten.
    floor: u64,
    log: VecDeque<(u64, Touch)>,
}

/// Bookkeeping, not content: two stores holding the same annotations are equal whatever
/// their logs say.
impl PartialEq for TouchLog {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for TouchLog {}

impl TouchLog {
    pub(super) fn note(&mut self, revision: u64, touch: Touch) {
        self.log.push_back((revision, touch));
        while self.log.len() > LOG_LIMIT {
            if let Some((forgotten, _)) = self.log.pop_front() {
                // Changes of revision `forgotten` may be partly gone: only later ones are sure.
                self.floor = self.floor.max(forgotten);
            }
        }
    }

    pub(super) fn note_change(&mut self, revision: u64, change: &Change) {
        match change {
            Change::Insert(a)
            | Change::Delete(a)
            | Change::OrphanInsert(a, _)
            | Change::OrphanDelete(a, _) => self.note(revision, Touch::Annotation(a.id.clone())),
            Change::Update { before, after } => {
                self.note(revision, Touch::Annotation(before.id.clone()));
                if after.id != before.id {
                    self.note(revision, Touch::Annotation(after.id.clone()));
                }
            }
            // More than the log keeps: noting each would only push the older ones out.
            Change::Batch(changes) if changes.len() > LOG_LIMIT => self.forget_before(revision),
            Change::Batch(changes) => {
                for change in changes {
                    self.note_change(revision, change);
                }
            }
            Change::RelationInsert(r, _) | Change::RelationDelete(r, _) => {
                self.note(revision, Touch::Relation(r.id.clone()))
            }
        }
    }

    /// Nothing before `revision` is known any more (the whole content was replaced).
    pub(super) fn forget_before(&mut self, revision: u64) {
        self.log.clear();
        self.floor = revision;
    }

    /// What the changes after `revision` touched, or `None` when some of them are forgotten.
    pub(super) fn since(&self, revision: u64) -> Option<Vec<Touch>> {
        if revision < self.floor {
            return None;
        }
        Some(
            self.log
                .iter()
                .rev()
                .take_while(|(r, _)| *r > revision)
                .map(|(_, touch)| touch.clone())
                .collect(),
        )
    }
}
