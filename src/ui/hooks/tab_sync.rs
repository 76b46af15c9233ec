//! Other tabs: the database's change feed brings every record they write to this document, at
//! once. Records this tab wrote are recognised by their revision and skipped; the rest are
//! merged in by the same rules as a refused write. A document moved to the trash elsewhere
//! is announced, and the work here keeps being saved with it.

use super::persistence::{report_unreadable, Saver};
use crate::bridge::db;
use crate::model::records;
use crate::ui::state::Action;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub(crate) fn use_tab_sync(saver: &Rc<Saver>, persist: bool) {
    let saver = saver.clone();
    use_effect_with((), move |_| {
        let doc_id = saver.doc().id.clone();
        let meta_id = records::meta_id(&doc_id);
        let prefixes = [
            records::annotation_prefix(&doc_id),
            records::relation_prefix(&doc_id),
            meta_id.clone(),
        ];
        // Records arriving together (another tab's import) are merged in one go.
        let pending: Pending = Rc::default();
        let flush: Flush = Rc::default();
        let watch = persist.then(|| {
            db::watch(&prefixes, move |record| {
                if record["_id"].as_str() == Some(meta_id.as_str()) {
                    if let Ok(meta) = records::read_meta(&record) {
                        if meta.deleted.is_some() && !meta.builtin {
                            saver
                                .dispatcher()
                                .dispatch(Action::DeletedElsewhere(meta.title));
                        }
                    }
                    return;
                }
                // A colleague's synced record belongs to their layer, not to this store.
                if records::is_colleagues(&record, crate::bridge::sync::owner().as_deref()) {
                    return;
                }
                pending.borrow_mut().push(record);
                if flush.borrow().is_some() {
                    return;
                }
                schedule(&saver, &pending, &flush);
            })
        });
        move || drop(watch)
    });
}

type Pending = Rc<RefCell<Vec<serde_json::Value>>>;
type Flush = Rc<RefCell<Option<Timeout>>>;

/// Takes the waiting records in shortly. Not while this tab is writing: the feed may bring
/// back its own records before the write reports their revisions, and they would look like
/// another tab's older state.
fn schedule(saver: &Rc<Saver>, pending: &Pending, flush: &Flush) {
    let (saver, pending, slot) = (saver.clone(), pending.clone(), flush.clone());
    *flush.borrow_mut() = Some(Timeout::new(30, move || {
        slot.borrow_mut().take();
        if saver.writing() {
            schedule(&saver, &pending, &slot);
            return;
        }
        let records = std::mem::take(&mut *pending.borrow_mut());
        absorb(&saver, &records);
    }));
}

fn absorb(saver: &Saver, records: &[serde_json::Value]) {
    // This tab's own writes come back through the feed too.
    if !saver.stored().borrow().has_news(records) {
        return;
    }
    let before = saver.stored().borrow().clone();
    let absorbed = saver.stored().borrow_mut().absorb(saver.doc(), records);
    match absorbed {
        Ok(true) => saver.merge_from(&before),
        Ok(false) => {}
        Err(problem) => report_unreadable(
            saver.dispatcher(),
            crate::bridge::storage::LoadProblem {
                reason: problem.reasons.join("; "),
                raw: Some(crate::model::formats::json::list_text(&problem.raw)),
                pause: problem.newer_version,
            },
        ),
    }
}
