//! Saving: after every change, the records that changed are written to the local database,
//! one write at a time (changes made while a write is under way go in the next one), and
//! thousands in rounds of [`SAVE_ROUND`]. The status says "Saved" only for the revision the
//! database has confirmed. A record another tab changed first is merged in, never
//! overwritten; a failed write is retried every few seconds (space may come back) and on the
//! next change, and the work stays in the tab meanwhile.
//! When the page is hidden or left, what the database does not hold yet is also written to
//! localStorage synchronously (an asynchronous write may not finish as the page goes), and put
//! back the next time the document opens.

use super::LatestState;
use crate::bridge::storage;
use crate::model::formats::native::{self, TextInclusion};
use crate::model::records::{Compared, RecordWrite, Round, Stored};
use crate::model::store::Store;
use crate::model::sync::merge_stored;
use crate::model::Document;
use crate::ui::app::AppProps;
use crate::ui::state::{Action, AppState, Notice, SaveStatus, Unreadable};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// How much one write takes at most. A first save of a long document, an import or an undo
/// of *Delete all* writes thousands; in rounds of this size the page answers between them.
/// Most of a round's own task is IndexedDB's `put` of each record inside PouchDB's
/// transaction, so the count is what bounds it: rounds of 500 gave a task of 50–80 ms each on
/// the 2-core build machine, 250 none over 50 ms, for a save some 5–15 % longer
/// (docs/performance.md, "Rounds of 250"). The bytes bound a round of long records (spans a
/// paragraph long, each with its quote), and with it the last round, which goes to
/// localStorage whole if the page leaves during it. "Saved" waits for the last round.
const SAVE_ROUND: Round = Round {
    records: 250,
    bytes: 256 * 1024,
};

/// How long to wait before trying a failed write again.
const RETRY_MS: u32 = 3_000;

/// How often a save asks how full the storage is. The answer moves slowly (one record is a
/// few hundred bytes), and asking costs a round trip and a state change (a re-render of the
/// page) on every key; a failed write asks at once.
const FILL_EVERY_MS: f64 = 30_000.0;

/// The one writer of a document's records.
pub(crate) struct Saver {
    doc: Rc<Document>,
    stored: Rc<RefCell<Stored>>,
    latest: LatestState,
    dispatcher: UseReducerDispatcher<AppState>,
    writing: Cell<bool>,
    /// A change arrived while a write was under way.
    again: Cell<bool>,
    retry: RefCell<Option<Timeout>>,
    /// How far the store has been compared with `stored`: the next comparison looks only at
    /// what may differ.
    compared: RefCell<Compared>,
    /// The document's list entry, written with each save (see [`storage::ListEntry`]).
    entry: RefCell<storage::ListEntry>,
    /// When the storage fill was last asked (`bridge::clock::now_millis`).
    fill_asked: Cell<Option<f64>>,
    /// The store revision of the copy of the whole work in the database
    /// ([`storage::keep_whole`]); `u64::MAX` for the one an earlier visit left and this one
    /// put back, which the first save that completes removes.
    kept: Cell<Option<u64>>,
}

impl Saver {
    /// Writes what changed, now or right after the write under way.
    pub(crate) fn request(self: &Rc<Self>) {
        if self.writing.replace(true) {
            self.again.set(true);
            return;
        }
        self.retry.borrow_mut().take();
        let saver = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                saver.again.set(false);
                saver.write_once().await;
                if !saver.again.get() {
                    break;
                }
            }
            saver.writing.set(false);
        });
    }

    async fn write_once(self: &Rc<Self>) {
        let state = self.latest.borrow().clone();
        if matches!(state.save, SaveStatus::Paused(_)) {
            return;
        }
        // Worked out while the store is borrowed; the borrow ends before the first wait.
        let (writes, more, counts, revision, comparison, whole) = {
            let store = state.store.borrow();
            let (writes, more) = self.compared.borrow_mut().changes_at_most(
                &mut self.stored.borrow_mut(),
                &self.doc,
                &store,
                SAVE_ROUND,
            );
            let comparison = self.compared.borrow().comparisons();
            let counts = crate::model::library::DocumentMeta::count_labels(store.annotations());
            // A copy stays good while the store can say what changed after it: that much
            // goes to localStorage as the page goes (`page_leaving`). Writing it again on
            // every edit held the page for 0.2 s per edit during the rounds of 100,000.
            let whole = (more
                && self
                    .kept
                    .get()
                    .is_none_or(|kept| store.touched_since(kept).is_none()))
            .then(|| native::to_json(&self.doc, store.content(), TextInclusion::Compact));
            (writes, more, counts, store.revision(), comparison, whole)
        };
        // The last (or only) round: the copy of the whole work goes first, or the next visit
        // would put it back over later work; what the page leaves meanwhile goes to
        // localStorage whole (`page_leaving`), and a round fits there.
        if !more
            && self.kept.get().is_some()
            && storage::keep_whole(&self.doc.id, None).await.is_ok()
        {
            self.kept.set(None);
        }
        if writes.is_empty() {
            storage::forget_unsaved(&self.doc.id);
            self.dispatcher.dispatch(Action::SaveResult(Ok(revision)));
            return;
        }
        if state.store.revision() == state.saved_revision {
            self.dispatcher.dispatch(Action::WritesPending);
        }
        // Saving in rounds: first the whole work in one write, which the next visit starts
        // from if the page goes before the last round (localStorage holds far less).
        if let Some(file) = whole {
            if storage::keep_whole(&self.doc.id, Some(file)).await.is_ok() {
                self.kept.set(Some(revision));
            }
        }
        let mut failed = false;
        let saved = storage::save(&self.doc, &self.stored, &self.entry, &writes, counts).await;
        self.compared
            .borrow_mut()
            .settle(&self.stored.borrow(), &writes, comparison);
        match saved {
            Ok(outcome) => {
                if let Some(before) = outcome.absorbed_from {
                    self.merge_from(&before);
                    self.again.set(true);
                }
                if let Some(problem) = outcome.unreadable {
                    report_unreadable(&self.dispatcher, problem);
                }
                if let Some(title) = outcome.deleted_elsewhere {
                    self.dispatcher.dispatch(Action::DeletedElsewhere(title));
                }
                if more {
                    // Not saved yet: the next round writes the rest.
                    self.again.set(true);
                    self.dispatcher.dispatch(Action::SaveRound(writes.len()));
                } else {
                    self.dispatcher.dispatch(Action::SaveResult(Ok(revision)));
                }
            }
            Err(why) => {
                failed = true;
                self.dispatcher.dispatch(Action::SaveResult(Err(why)));
                let saver = self.clone();
                *self.retry.borrow_mut() = Some(Timeout::new(RETRY_MS, move || saver.request()));
            }
        }
        let now = crate::bridge::clock::now_millis();
        let due = self
            .fill_asked
            .get()
            .is_none_or(|asked| now - asked >= FILL_EVERY_MS);
        if failed || due {
            self.fill_asked.set(Some(now));
            if let Some(fill) = storage::fill_ratio().await {
                self.dispatcher.dispatch(Action::StorageFill(fill));
            }
        }
    }

    /// The records to write so that the database holds the store (see [`Compared`]).
    fn changes(&self, store: &Store) -> Vec<RecordWrite> {
        self.compared
            .borrow_mut()
            .changes(&mut self.stored.borrow_mut(), &self.doc, store)
    }

    /// The page is being hidden or left: what the database does not hold yet goes to
    /// localStorage at once (synchronously), then to the database as usual.
    fn page_leaving(self: &Rc<Self>) {
        let state = self.latest.borrow().clone();
        if matches!(state.save, SaveStatus::Paused(_)) {
            return;
        }
        let store = state.store.borrow();
        // With a copy of the whole work kept, only what changed after it.
        let writes = match self.kept.get().and_then(|kept| store.touched_since(kept)) {
            Some(touched) => self.stored.borrow().changes_of(&self.doc, &store, &touched),
            None => self.changes(&store),
        };
        drop(store);
        storage::keep_unsaved(&self.doc.id, &writes);
        if !writes.is_empty() {
            self.request();
        }
    }

    /// Storage moved on from `before` (another tab's records came in): merge them into the
    /// store.
    pub(crate) fn merge_from(&self, before: &Stored) {
        let state = self.latest.borrow().clone();
        let merged = {
            let store = state.store.borrow();
            merge_stored(
                &before.content(),
                store.content(),
                &self.stored.borrow().content(),
            )
        };
        if let Some(merged) = merged {
            self.dispatcher.dispatch(Action::Sync(merged));
        }
    }

    /// A write is under way.
    pub(crate) fn writing(&self) -> bool {
        self.writing.get()
    }

    pub(crate) fn stored(&self) -> &Rc<RefCell<Stored>> {
        &self.stored
    }

    pub(crate) fn doc(&self) -> &Document {
        &self.doc
    }

    pub(crate) fn dispatcher(&self) -> &UseReducerDispatcher<AppState> {
        &self.dispatcher
    }
}

pub(crate) fn report_unreadable(
    dispatcher: &UseReducerDispatcher<AppState>,
    problem: storage::LoadProblem,
) {
    if problem.pause {
        dispatcher.dispatch(Action::PauseSaving(
            "a newer version of this app wrote this document; it is not written over".to_owned(),
        ));
    }
    let explanation = format!(
        "Some saved annotations of this document could not be read: {}. They were left unchanged in the local database{}.",
        problem.reason,
        if problem.pause { "" } else { "; new work is saved as usual" }
    );
    match problem.raw {
        Some(stored_text) => dispatcher.dispatch(Action::Unreadable(Rc::new(Unreadable {
            explanation,
            stored_text,
        }))),
        None => dispatcher.dispatch(Action::Notify(Notice::error(explanation))),
    }
}

#[hook]
pub(crate) fn use_persistence(
    state: &AppState,
    dispatcher: UseReducerDispatcher<AppState>,
    latest: &LatestState,
    props: &AppProps,
) -> Rc<Saver> {
    let persist = props.persist;
    let put_back = props.put_back;
    let saver = {
        let (doc, stored, latest) = (props.doc.0.clone(), props.stored.0.clone(), latest.clone());
        (*use_memo((), move |_| {
            Rc::new(Saver {
                doc,
                stored,
                latest,
                dispatcher,
                writing: Cell::new(false),
                again: Cell::new(false),
                retry: RefCell::new(None),
                compared: RefCell::default(),
                entry: RefCell::default(),
                fill_asked: Cell::new(None),
                kept: Cell::new((put_back == storage::PutBack::Whole).then_some(u64::MAX)),
            })
        }))
        .clone()
    };
    {
        let saver = saver.clone();
        let unsaved = state.store.revision() != state.saved_revision;
        use_effect_with(state.store.clone(), move |_| {
            if persist && unsaved {
                saver.request();
            }
        });
    }
    {
        // Once at the start: changes put back from the last visit (see `keep_unsaved`) are
        // written now, not at the next edit.
        let saver = saver.clone();
        use_effect_with((), move |_| {
            if persist {
                saver.request();
            }
        });
    }
    {
        // Leaving or hiding the page: hand a change still waiting to the database at once.
        let saver = saver.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listeners = persist.then(|| {
                ["pagehide", "visibilitychange"].map(|event| {
                    let saver = saver.clone();
                    EventListener::new(&window, event, move |_| saver.page_leaving())
                })
            });
            move || drop(listeners)
        });
    }
    saver
}
