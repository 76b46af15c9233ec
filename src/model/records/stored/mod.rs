//! [`Stored`]: what this tab knows the database holds for the open document, with each
//! record's revision; reading records back, one bad record costing only itself; putting back
//! what was set aside as the page went. The writes a change needs are in `writes`.

use super::{annotation_prefix, check_version, describe_id, is_deleted, relation_prefix, rev_of};
use crate::model::annotation::{Annotation, Relation};
use crate::model::content::Annotations;
use crate::model::document::Document;
use crate::model::formats::native;
use crate::model::store::Touch;
use serde_json::Value;

mod writes;

use std::collections::{BTreeSet, HashMap};
use writes::Change;
pub use writes::{Compared, RecordWrite, Round};

/// Records of one document that could not be read, left untouched in the database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Unreadable {
    /// Each record's id and why, in words.
    pub reasons: Vec<String>,
    /// The records as stored (a JSON list), for download.
    pub raw: Vec<Value>,
    /// A record was written by a newer version of the app.
    pub newer_version: bool,
}

/// What this tab knows the database holds for one document.
#[derive(Clone, Debug, Default)]
pub struct Stored {
    doc_id: String,
    /// Annotation id → (annotation, is an orphan).
    annotations: HashMap<String, (Annotation, bool)>,
    relations: HashMap<String, Relation>,
    /// Record id → revision.
    revs: HashMap<String, String>,
    /// What `absorb` changed here since the saver last asked ([`Stored::take_absorbed`]):
    /// the store must be compared with these again, whatever it touched itself.
    absorbed: BTreeSet<Touch>,
}

impl Stored {
    pub fn empty(doc_id: &str) -> Stored {
        Stored {
            doc_id: doc_id.to_owned(),
            ..Stored::default()
        }
    }

    /// Reads a document's annotation and relation records. A record that cannot be read is
    /// left out and reported; the rest load. Placed annotations are checked against the text
    /// exactly as a stored file was.
    pub fn load(doc: &Document, records: &[Value]) -> (Stored, Annotations, Unreadable) {
        let mut unreadable = Unreadable::default();
        let mut stored = Stored::empty(&doc.id);
        let (mut annotations, mut relations) = (Vec::new(), Vec::new());
        for value in records.iter().filter(|v| !is_deleted(v)) {
            if let Some(rev) = rev_of(value) {
                if let Some(id) = value.get("_id").and_then(Value::as_str) {
                    stored.revs.insert(id.to_owned(), rev);
                }
            }
            if let Err(e) = check_version(value) {
                unreadable.newer_version = true;
                unreadable.reject(value, e.to_string());
                continue;
            }
            match value.get("type").and_then(Value::as_str) {
                Some("annotation") => annotations.push(value),
                Some("relation") => relations.push(value),
                _ => unreadable.reject(value, "it is neither an annotation nor a relation".into()),
            }
        }
        let (placed, rejected) = parse_annotations(doc, &annotations);
        for (value, reason) in rejected {
            unreadable.reject(value, reason);
        }
        let mut content = Annotations::default();
        for (a, orphan) in placed {
            if orphan {
                content.orphans.push(a);
            } else {
                content.annotations.push(a);
            }
        }
        for value in relations {
            match native::parse_relation_record(value, describe_id(value)) {
                Ok(r) => content.relations.push(r),
                Err(e) => unreadable.reject(value, e.to_string()),
            }
        }
        // The store drops links whose ends are missing; the records stay as they are.
        stored.absorb_content(&content);
        (stored, content, unreadable)
    }

    fn absorb_content(&mut self, content: &Annotations) {
        for a in &content.annotations {
            self.annotations.insert(a.id.clone(), (a.clone(), false));
        }
        for a in &content.orphans {
            self.annotations.insert(a.id.clone(), (a.clone(), true));
        }
        for r in &content.relations {
            self.relations.insert(r.id.clone(), r.clone());
        }
    }

    /// The stored content, as lists (the base of a three-way merge).
    pub fn content(&self) -> Annotations {
        let mut content = Annotations::default();
        for (a, orphan) in self.annotations.values() {
            if *orphan {
                content.orphans.push(a.clone());
            } else {
                content.annotations.push(a.clone());
            }
        }
        content.relations = self.relations.values().cloned().collect();
        content
    }

    /// What `absorb` changed since the last call: records another tab wrote, or the current
    /// version of a record whose write was refused.
    pub fn take_absorbed(&mut self) -> BTreeSet<Touch> {
        std::mem::take(&mut self.absorbed)
    }

    /// The database accepted `write` as revision `rev`.
    pub fn written(&mut self, write: &RecordWrite, rev: String) {
        self.revs.insert(write.id.clone(), rev);
        match &write.change {
            Change::Annotation(a, orphan) => {
                self.annotations.insert(a.id.clone(), (a.clone(), *orphan));
            }
            Change::Relation(r) => {
                self.relations.insert(r.id.clone(), r.clone());
            }
            Change::Removed => self.forget(&write.id),
        }
    }

    fn forget(&mut self, record_id: &str) {
        let ann = annotation_prefix(&self.doc_id);
        let rel = relation_prefix(&self.doc_id);
        if let Some(id) = record_id.strip_prefix(&ann) {
            self.annotations.remove(id);
        } else if let Some(id) = record_id.strip_prefix(&rel) {
            self.relations.remove(id);
        }
    }

    /// Takes in records as the database holds them now (another tab's writes, or the
    /// current version of a record whose write was refused). Returns whether anything this
    /// tab did not know arrived; records it wrote itself are recognised by their revision.
    pub fn absorb(&mut self, doc: &Document, records: &[Value]) -> Result<bool, Unreadable> {
        let mut unreadable = Unreadable::default();
        let mut news = false;
        let mut annotations = Vec::new();
        for value in records {
            let Some(id) = value.get("_id").and_then(Value::as_str) else {
                continue;
            };
            let rev = rev_of(value);
            if self.seen(value) {
                continue;
            }
            if is_deleted(value) {
                news |= self.contains(id);
                self.absorbed.extend(self.touch_of(id));
                self.forget(id);
                match rev {
                    Some(rev) => self.revs.insert(id.to_owned(), rev),
                    None => self.revs.remove(id),
                };
                continue;
            }
            if let Err(e) = check_version(value) {
                unreadable.newer_version = true;
                unreadable.reject(value, e.to_string());
                continue;
            }
            match value.get("type").and_then(Value::as_str) {
                Some("annotation") => annotations.push(value),
                Some("relation") => {
                    match native::parse_relation_record(value, describe_id(value)) {
                        Ok(r) => {
                            news = true;
                            self.absorbed.insert(Touch::Relation(r.id.clone()));
                            self.relations.insert(r.id.clone(), r);
                            if let Some(rev) = rev {
                                self.revs.insert(id.to_owned(), rev);
                            }
                        }
                        Err(e) => unreadable.reject(value, e.to_string()),
                    }
                }
                _ => {}
            }
        }
        let (placed, rejected) = parse_annotations(doc, &annotations);
        for (value, reason) in rejected {
            unreadable.reject(value, reason);
        }
        let revs: HashMap<&str, (&str, Option<String>)> = annotations
            .iter()
            .filter_map(|v| {
                let key = v.get("id").and_then(Value::as_str)?;
                Some((key, (v.get("_id").and_then(Value::as_str)?, rev_of(v))))
            })
            .collect();
        for (a, orphan) in placed {
            news = true;
            if let Some((record_id, Some(rev))) = revs.get(a.id.as_str()) {
                self.revs.insert((*record_id).to_owned(), rev.clone());
            }
            self.absorbed.insert(Touch::Annotation(a.id.clone()));
            self.annotations.insert(a.id.clone(), (a, orphan));
        }
        if unreadable.reasons.is_empty() {
            Ok(news)
        } else {
            Err(unreadable)
        }
    }

    /// Whether any of `records` is a revision this tab has not seen (its own writes are known).
    pub fn has_news(&self, records: &[Value]) -> bool {
        records.iter().any(|value| !self.seen(value))
    }

    /// Whether this tab knows this revision of the record, or a later one. The change feed
    /// can bring back this tab's own earlier writes after later ones were confirmed; taking
    /// such a record in would put the older version back.
    fn seen(&self, value: &Value) -> bool {
        let (Some(id), Some(rev)) = (value.get("_id").and_then(Value::as_str), rev_of(value))
        else {
            return false;
        };
        let Some(known) = self.revs.get(id) else {
            return false;
        };
        let generation = |rev: &str| rev.split('-').next().and_then(|n| n.parse::<u64>().ok());
        match (generation(&rev), generation(known)) {
            (Some(incoming), Some(known_generation)) if incoming != known_generation => {
                incoming < known_generation
            }
            _ => &rev == known,
        }
    }

    fn contains(&self, record_id: &str) -> bool {
        let ann = annotation_prefix(&self.doc_id);
        let rel = relation_prefix(&self.doc_id);
        match (record_id.strip_prefix(&ann), record_id.strip_prefix(&rel)) {
            (Some(id), _) => self.annotations.contains_key(id),
            (_, Some(id)) => self.relations.contains_key(id),
            _ => false,
        }
    }

    /// Whether a record id belongs to this document's annotations or relations.
    pub fn owns(&self, record_id: &str) -> bool {
        record_id.starts_with(&annotation_prefix(&self.doc_id))
            || record_id.starts_with(&relation_prefix(&self.doc_id))
    }
}

impl Unreadable {
    fn reject(&mut self, value: &Value, reason: String) {
        let id = describe_id(value);
        self.reasons.push(if reason.starts_with(&id) {
            reason
        } else {
            format!("{id}: {reason}")
        });
        self.raw.push(value.clone());
    }
}

fn is_orphan(value: &Value) -> bool {
    value.get("orphan").and_then(Value::as_bool) == Some(true)
}

/// An annotation read from its record, and whether it is an orphan.
type Placed = (Annotation, bool);
/// A record that could not be read, and why.
type Rejected<'a> = (&'a Value, String);

/// Annotation records checked against the text, all at once (one pass over the text); when
/// that fails, one by one, so that a bad record costs only itself.
fn parse_annotations<'a>(doc: &Document, values: &[&'a Value]) -> (Vec<Placed>, Vec<Rejected<'a>>) {
    let parse = |values: &[&Value]| {
        native::parse_records(
            values.iter().map(|v| (describe_id(v), *v, is_orphan(v))),
            [],
            doc,
        )
    };
    let placed = |content: Annotations| {
        let orphans = content.orphans.into_iter().map(|a| (a, true));
        content
            .annotations
            .into_iter()
            .map(|a| (a, false))
            .chain(orphans)
            .collect::<Vec<_>>()
    };
    if values.is_empty() {
        return (Vec::new(), Vec::new());
    }
    if let Ok(content) = parse(values) {
        return (placed(content), Vec::new());
    }
    // Halves, so that a few bad records among thousands cost a few passes, not thousands.
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    let mut pending = vec![values];
    while let Some(part) = pending.pop() {
        match parse(part) {
            Ok(content) => good.extend(placed(content)),
            Err(e) if part.len() == 1 => bad.push((part[0], e.to_string())),
            Err(_) => {
                let (left, right) = part.split_at(part.len() / 2);
                pending.push(right);
                pending.push(left);
            }
        }
    }
    (good, bad)
}

/// Puts this tab's last unsaved changes (written aside synchronously as the page went away,
/// see `bridge::storage::keep_unsaved`) over what the database held. Returns how many
/// records it changed; entries that cannot be read are skipped.
pub fn apply_unsaved(doc: &Document, content: &mut Annotations, unsaved: &[Value]) -> usize {
    let (bodies, deletions): (Vec<&Value>, Vec<&Value>) =
        unsaved.iter().partition(|v| !is_deleted(v));
    let bodies: Vec<Value> = bodies.into_iter().cloned().collect();
    let (_, incoming, _) = Stored::load(doc, &bodies);
    let prefix_ann = annotation_prefix(&doc.id);
    let prefix_rel = relation_prefix(&doc.id);
    let mut changed = 0;
    for value in deletions {
        let Some(id) = value.get("_id").and_then(Value::as_str) else {
            continue;
        };
        let before = content.annotations.len() + content.orphans.len() + content.relations.len();
        if let Some(id) = id.strip_prefix(&prefix_ann) {
            content.annotations.retain(|a| a.id != id);
            content.orphans.retain(|a| a.id != id);
        } else if let Some(id) = id.strip_prefix(&prefix_rel) {
            content.relations.retain(|r| r.id != id);
        }
        changed +=
            before - (content.annotations.len() + content.orphans.len() + content.relations.len());
    }
    let mut put = |list: &mut Vec<Annotation>, others: &mut Vec<Annotation>, a: Annotation| {
        others.retain(|o| o.id != a.id);
        match list.iter_mut().find(|x| x.id == a.id) {
            Some(x) if *x == a => return,
            Some(x) => *x = a,
            None => list.push(a),
        }
        changed += 1;
    };
    for a in incoming.annotations {
        put(&mut content.annotations, &mut content.orphans, a);
    }
    for a in incoming.orphans {
        put(&mut content.orphans, &mut content.annotations, a);
    }
    for r in incoming.relations {
        match content.relations.iter_mut().find(|x| x.id == r.id) {
            Some(x) if *x == r => {}
            Some(x) => {
                *x = r;
                changed += 1;
            }
            None => {
                content.relations.push(r);
                changed += 1;
            }
        }
    }
    changed
}
