//! The writes a change needs: what differs between a store and what the database holds
//! ([`Stored`]), record by record, each naming the revision it replaces; [`Compared`] looks
//! only at what a change touched.

use super::Stored;
use crate::model::annotation::{Annotation, Relation};
use crate::model::content::Content;
use crate::model::document::Document;
use crate::model::formats::json;
use crate::model::records::{
    annotation_id, annotation_prefix, annotation_record, relation_id, relation_prefix,
    relation_record, with_rev,
};
use crate::model::store::{Store, Touch};
use std::collections::{BTreeSet, HashSet};

/// One record to put (with the revision it replaces, if any) or delete.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordWrite {
    pub id: String,
    /// What the record held before, by this tab's knowledge (sent as `_rev`).
    pub rev: Option<String>,
    /// The new record as JSON text; `None` deletes it.
    pub body: Option<String>,
    pub(super) change: Change,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Change {
    Annotation(Annotation, bool),
    Relation(Relation),
    Removed,
}

impl RecordWrite {
    /// The JSON the database is given: the record with `_rev`, or a deletion marker.
    pub fn to_json(&self) -> String {
        let body = match &self.body {
            Some(body) => body.clone(),
            None => format!(
                "{{\"_id\":{},\"_deleted\":true}}",
                json::always_text(&self.id, false)
            ),
        };
        match &self.rev {
            Some(rev) => with_rev(&body, rev),
            None => body,
        }
    }
}

/// How much one round of writes takes at most: so many records or so many bytes of records
/// (their JSON), whichever comes first. A round takes one record however long it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Round {
    pub records: usize,
    pub bytes: usize,
}

impl Round {
    /// Everything in one.
    pub const WHOLE: Round = Round {
        records: usize::MAX,
        bytes: usize::MAX,
    };

    /// At most `records` records, of any length.
    pub fn of_records(records: usize) -> Round {
        Round {
            records,
            bytes: usize::MAX,
        }
    }
}

/// The writes of one round as they are gathered.
struct Gathered {
    round: Round,
    writes: Vec<RecordWrite>,
    bytes: usize,
}

impl Gathered {
    fn new(round: Round) -> Gathered {
        Gathered {
            round,
            writes: Vec::new(),
            bytes: 0,
        }
    }

    fn full(&self) -> bool {
        self.writes.len() >= self.round.records
            || (!self.writes.is_empty() && self.bytes >= self.round.bytes)
    }

    fn push(&mut self, write: RecordWrite) {
        self.bytes += write.id.len() + write.body.as_ref().map_or(0, String::len);
        self.writes.push(write);
    }
}

/// How far a store has been compared with what the database holds ([`Stored`]), so that
/// each comparison after a change looks only at what may differ: what the last comparison
/// found different (written since, or refused, failed, still being written), what the
/// store touched since ([`Store::touched_since`]) and what another tab's records changed
/// in `Stored` ([`Stored::take_absorbed`]). Everything else was equal at the last
/// comparison and neither side touched it since. When the store cannot say what it touched
/// (the first comparison, an import of thousands, a replaced content) everything is
/// compared, as [`Stored::changes`] does. The writes are the same either way (tested).
#[derive(Clone, Debug, Default)]
pub struct Compared {
    /// The store revision of the last comparison.
    revision: Option<u64>,
    /// What differed then.
    pending: BTreeSet<Touch>,
    comparisons: u64,
    /// Where the next round goes on ([`Stored::changes_from`]), for the store revision it
    /// was found at, and whether the database took the round before it whole: only then
    /// are the records before it held (a comparison for the page being left, while a round
    /// is being written, starts from the first).
    resume: Option<(u64, usize, bool)>,
}

/// How many ids are compared one by one; more are compared in one pass over everything.
const FEW: usize = 64;

impl Compared {
    /// The records to write so that the database holds `store`.
    pub fn changes(
        &mut self,
        stored: &mut Stored,
        doc: &Document,
        store: &Store,
    ) -> Vec<RecordWrite> {
        self.changes_at_most(stored, doc, store, Round::WHOLE).0
    }

    /// The records to write, at most a `round` of them, and whether there are more: then the next
    /// comparison goes on where this one stopped, if the store is as it was and the
    /// database took this round whole; otherwise it looks at everything again.
    pub fn changes_at_most(
        &mut self,
        stored: &mut Stored,
        doc: &Document,
        store: &Store,
        round: Round,
    ) -> (Vec<RecordWrite>, bool) {
        let absorbed = stored.take_absorbed();
        let from = match self.resume.take() {
            Some((revision, at, true)) if revision == store.revision() && absorbed.is_empty() => at,
            _ => 0,
        };
        let touched = self.revision.and_then(|r| store.touched_since(r));
        if let Some(touched) = &touched {
            self.pending.extend(touched.iter().cloned());
            self.pending.extend(absorbed);
        }
        // Each id is looked up in the store's lists one by one: past a few dozen (the first
        // save's 10,000 writes, confirmed), one pass over everything is quicker.
        let (writes, next) = match touched {
            Some(_) if self.pending.len() <= FEW => {
                (stored.changes_of(doc, store, &self.pending), None)
            }
            _ => stored.changes_from(doc, store.content(), from, round),
        };
        let more = next.is_some();
        self.resume = next.map(|at| (store.revision(), at, false));
        self.revision = (!more).then(|| store.revision());
        self.comparisons += 1;
        self.pending = writes
            .iter()
            .filter_map(|w| stored.touch_of(&w.id))
            .collect();
        (writes, more)
    }

    /// `writes`, from the comparison numbered `comparison` ([`Compared::comparisons`]), were
    /// sent: the ones the database took (`stored` holds them now) need no second look.
    /// Without this, the comparison after a first save of 10,000 records looked at all of
    /// them again, in one pass over the store, on the next key. When another comparison came
    /// in between (the page being left while a write was under way), what it found is kept
    /// as it is: it may hold newer differences than these writes.
    pub fn settle(&mut self, stored: &Stored, writes: &[RecordWrite], comparison: u64) {
        if comparison != self.comparisons {
            self.resume = None;
            return;
        }
        self.pending = writes
            .iter()
            .filter(|w| !stored.holds(w))
            .filter_map(|w| stored.touch_of(&w.id))
            .collect();
        self.resume = self
            .resume
            .filter(|_| self.pending.is_empty())
            .map(|(revision, at, _)| (revision, at, true));
    }

    /// How many comparisons were made: names the last one for [`Compared::settle`].
    pub fn comparisons(&self) -> u64 {
        self.comparisons
    }

    /// How many records the next comparison looks at besides what the store touches.
    pub fn due(&self) -> usize {
        self.pending.len()
    }
}

impl Stored {
    /// Whether the database holds what `write` wrote, by this tab's knowledge.
    fn holds(&self, write: &RecordWrite) -> bool {
        match &write.change {
            Change::Annotation(a, orphan) => self
                .annotations
                .get(&a.id)
                .is_some_and(|(held, was_orphan)| held == a && was_orphan == orphan),
            Change::Relation(r) => self.relations.get(&r.id) == Some(r),
            Change::Removed => match self.touch_of(&write.id) {
                Some(Touch::Annotation(id)) => !self.annotations.contains_key(&id),
                Some(Touch::Relation(id)) => !self.relations.contains_key(&id),
                None => false,
            },
        }
    }

    /// The records to write so that the database holds `now`: changed and new annotations
    /// and relations, and deletions of the ones that are gone. Nothing else.
    pub fn changes(&self, doc: &Document, now: Content) -> Vec<RecordWrite> {
        self.changes_from(doc, now, 0, Round::WHOLE).0
    }

    /// A `round` of [`Stored::changes`] from position `from` on, and the position to
    /// go on from if there are more. A position counts annotations, then orphans, then links;
    /// the ones before `from` are taken to be held already (the rounds before wrote them).
    /// Each write carries its record as JSON text, so a round of 10,000 kept the page busy
    /// for a tenth of a second before the first byte was written; and each round starting
    /// over from the first annotation made the rounds of 134,000 grow with the square of
    /// their number.
    pub fn changes_from(
        &self,
        doc: &Document,
        now: Content,
        from: usize,
        round: Round,
    ) -> (Vec<RecordWrite>, Option<usize>) {
        let mut writes = Gathered::new(round);
        let listed = now.annotations.len() + now.orphans.len();
        let mut seen = from.min(listed);
        for at in from..listed {
            let (a, orphan) = match now.annotations.get(at) {
                Some(a) => (a, false),
                None => (&now.orphans[at - now.annotations.len()], true),
            };
            match self.annotations.get(&a.id) {
                Some((before, was_orphan)) if before == a && *was_orphan == orphan => seen += 1,
                known => {
                    if writes.full() {
                        return (writes.writes, Some(at));
                    }
                    seen += usize::from(known.is_some());
                    writes.push(self.annotation_write(doc, a, orphan));
                }
            }
        }
        if seen < self.annotations.len() {
            let present: HashSet<&str> = now
                .annotations
                .iter()
                .chain(now.orphans)
                .map(|a| a.id.as_str())
                .collect();
            for id in self.annotations.keys() {
                if !present.contains(id.as_str()) {
                    if writes.full() {
                        return (writes.writes, Some(listed));
                    }
                    writes.push(self.removal(annotation_id(&self.doc_id, id)));
                }
            }
        }
        let mut seen = from.saturating_sub(listed).min(now.relations.len());
        for (at, r) in now.relations.iter().enumerate().skip(seen) {
            match self.relations.get(&r.id) {
                Some(before) if before == r => seen += 1,
                known => {
                    if writes.full() {
                        return (writes.writes, Some(listed + at));
                    }
                    seen += usize::from(known.is_some());
                    writes.push(self.relation_write(r));
                }
            }
        }
        if seen < self.relations.len() {
            let present: HashSet<&str> = now.relations.iter().map(|r| r.id.as_str()).collect();
            for id in self.relations.keys() {
                if !present.contains(id.as_str()) {
                    if writes.full() {
                        return (writes.writes, Some(listed + now.relations.len()));
                    }
                    writes.push(self.removal(relation_id(&self.doc_id, id)));
                }
            }
        }
        (writes.writes, None)
    }

    /// The records to write for `touched` alone: the same writes [`Stored::changes`] gives
    /// for these annotations and links, in time linear in their number, not the store's.
    /// The caller answers for the rest being equal already (see
    /// [`Store::touched_since`] and [`Stored::take_absorbed`]).
    pub fn changes_of<'a>(
        &self,
        doc: &Document,
        store: &Store,
        touched: impl IntoIterator<Item = &'a Touch>,
    ) -> Vec<RecordWrite> {
        let mut writes = Vec::new();
        for touch in touched {
            match touch {
                Touch::Annotation(id) => {
                    let now = match store.get(id) {
                        Some(a) => Some((a, false)),
                        None => store.get_orphan(id).map(|a| (a, true)),
                    };
                    let before = self.annotations.get(id);
                    match (now, before) {
                        (Some((a, orphan)), Some((b, was_orphan)))
                            if a == b && orphan == *was_orphan => {}
                        (Some((a, orphan)), _) => {
                            writes.push(self.annotation_write(doc, a, orphan))
                        }
                        (None, Some(_)) => {
                            writes.push(self.removal(annotation_id(&self.doc_id, id)))
                        }
                        (None, None) => {}
                    }
                }
                Touch::Relation(id) => {
                    let now = store.relations().iter().find(|r| &r.id == id);
                    match (now, self.relations.get(id)) {
                        (Some(r), Some(before)) if r == before => {}
                        (Some(r), _) => writes.push(self.relation_write(r)),
                        (None, Some(_)) => writes.push(self.removal(relation_id(&self.doc_id, id))),
                        (None, None) => {}
                    }
                }
            }
        }
        writes
    }

    /// Which annotation or link a record id names, if it is one of this document's.
    pub(super) fn touch_of(&self, record_id: &str) -> Option<Touch> {
        if let Some(id) = record_id.strip_prefix(&annotation_prefix(&self.doc_id)) {
            Some(Touch::Annotation(id.to_owned()))
        } else {
            record_id
                .strip_prefix(&relation_prefix(&self.doc_id))
                .map(|id| Touch::Relation(id.to_owned()))
        }
    }

    fn removal(&self, id: String) -> RecordWrite {
        RecordWrite {
            rev: self.revs.get(&id).cloned(),
            body: None,
            change: Change::Removed,
            id,
        }
    }

    /// The write that puts annotation `a` (an orphan or not) in its record.
    fn annotation_write(&self, doc: &Document, a: &Annotation, orphan: bool) -> RecordWrite {
        let id = annotation_id(&self.doc_id, &a.id);
        RecordWrite {
            rev: self.revs.get(&id).cloned(),
            body: Some(annotation_record(doc, a, orphan)),
            change: Change::Annotation(a.clone(), orphan),
            id,
        }
    }

    /// The write that puts link `r` in its record.
    fn relation_write(&self, r: &Relation) -> RecordWrite {
        let id = relation_id(&self.doc_id, &r.id);
        RecordWrite {
            rev: self.revs.get(&id).cloned(),
            body: Some(relation_record(&self.doc_id, r)),
            change: Change::Relation(r.clone()),
            id,
        }
    }
}
