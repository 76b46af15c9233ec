//! The root state, its actions and the one reducer. Each action calls one model method; the
//! reducer never touches the browser (persistence runs in an effect in `app.rs`).

use crate::model::annotation::{Annotation, Label};
use crate::model::schema::{Document, ImportPlan};
use crate::model::span::{self, CharSpan};
use crate::model::store::{shorten, ImportMode, ImportSummary, Store};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Shared handle to the store. The store is mutated in place by the reducer (cloning 10,000
/// annotations on every keypress would cost the frame budget); `revision` makes equality, and
/// so re-rendering, follow every change.
#[derive(Clone)]
pub struct StoreHandle {
    inner: Rc<RefCell<Store>>,
    revision: u64,
}

impl StoreHandle {
    pub fn new(store: Store) -> Self {
        StoreHandle {
            revision: store.revision(),
            inner: Rc::new(RefCell::new(store)),
        }
    }

    pub fn borrow(&self) -> std::cell::Ref<'_, Store> {
        self.inner.borrow()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn mutate<T>(&self, f: impl FnOnce(&mut Store) -> T) -> (StoreHandle, T) {
        let out = f(&mut self.inner.borrow_mut());
        let revision = self.inner.borrow().revision();
        (
            StoreHandle {
                inner: self.inner.clone(),
                revision,
            },
            out,
        )
    }
}

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner) && self.revision == other.revision
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

/// Whether the latest state is safely in local storage.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// The last write failed; the work is in memory only.
    Failed(String),
    /// Saving is off so that an unreadable stored value is not overwritten.
    Paused(String),
}

/// An import that passed validation and waits for "replace or merge".
#[derive(Clone, Debug, PartialEq)]
pub struct StagedImport {
    pub source: String,
    pub plan: Rc<ImportPlan>,
}

/// The popover that lists every annotation under a click.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub ids: Vec<AttrValue>,
    pub x: i32,
    pub y: i32,
}

#[derive(Clone, PartialEq)]
pub struct AppState {
    pub doc: Rc<Document>,
    pub store: StoreHandle,
    /// A selection snapped and waiting for a label.
    pub pending: Option<CharSpan>,
    pub selected: Option<AttrValue>,
    /// When set, a finished mouse selection gets this label at once.
    pub sticky: Option<Label>,
    pub filter: Option<Label>,
    pub notice: Option<Notice>,
    pub save: SaveStatus,
    /// How full local storage is (0–1), measured after each save.
    pub storage_fill: f64,
    pub staged_import: Option<StagedImport>,
    pub choices: Option<Choices>,
    pub help_open: bool,
    /// The picker that links the selected claim to an actor or a date.
    pub linking: bool,
    pub claims_open: bool,
    /// The documents dialog, with what to prefill its form with.
    pub documents: Option<Option<Rc<crate::ui::components::documents::Prefill>>>,
    /// An unreadable stored value the user can download.
    pub recovered: Option<Rc<(String, String)>>,
    /// Bumped when the selected annotation should be scrolled into view.
    pub reveal: u64,
    /// The keyboard caret in the article, and where a Shift-selection started.
    pub caret: Option<Caret>,
    /// The last change, for screen readers (a polite live region).
    pub announcement: String,
}

/// The keyboard caret: `at` moves, `anchor` stays where a Shift-selection began.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    pub at: crate::model::CharOffset,
    pub anchor: crate::model::CharOffset,
    /// At a line wrap, stand at the end of the upper line (after End) rather than the start
    /// of the lower one.
    pub upstream: bool,
}

impl AppState {
    pub fn new(doc: Rc<Document>, store: Store) -> Self {
        AppState {
            doc,
            store: StoreHandle::new(store),
            pending: None,
            selected: None,
            sticky: None,
            filter: None,
            notice: None,
            save: SaveStatus::Saved,
            storage_fill: 0.0,
            staged_import: None,
            choices: None,
            help_open: false,
            documents: None,
            linking: false,
            claims_open: false,
            recovered: None,
            reveal: 0,
            caret: None,
            announcement: String::new(),
        }
    }
}

/// Everything that changes the state. Actions that create or edit carry their id and time so
/// the reducer stays deterministic.
pub enum Action {
    SetPending(Option<CharSpan>),
    /// Apply a label to the pending span, or relabel the selected annotation.
    ApplyLabel {
        label: Label,
        id: String,
        now: String,
    },
    /// Label a span directly (sticky mode).
    AddSpan {
        label: Label,
        span: CharSpan,
        id: String,
        now: String,
    },
    Select {
        id: Option<AttrValue>,
        reveal: bool,
    },
    /// A click on text: select the shortest annotation there, list all if several.
    ClickAt {
        ids: Vec<AttrValue>,
        x: i32,
        y: i32,
    },
    CloseChoices,
    DeleteSelected,
    SetNote {
        id: AttrValue,
        note: String,
        now: String,
    },
    Nudge {
        edge: span::Edge,
        direction: span::Direction,
        now: String,
    },
    /// Give an orphan the pending span as its new place.
    Reattach {
        id: AttrValue,
        now: String,
    },
    DeleteOrphan(AttrValue),
    Undo,
    Redo,
    ClearAll,
    StageImport(StagedImport),
    ConfirmImport {
        mode: ImportMode,
        fresh_ids: Vec<String>,
    },
    CancelImport,
    ToggleSticky(Label),
    SetFilter(Option<Label>),
    Notify(Notice),
    DismissNotice,
    SaveResult(Result<(), String>),
    PauseSaving(String),
    StorageFill(f64),
    /// Another tab changed this document: adopt the merged state.
    Sync {
        annotations: Vec<Annotation>,
        orphans: Vec<Annotation>,
        relations: Vec<crate::model::Relation>,
    },
    Recovered(Rc<(String, String)>),
    DismissRecovered,
    ToggleHelp(bool),
    /// Open or close the link picker for the selected claim.
    Linking(bool),
    /// Link the selected claim to the n-th candidate (0-based) of the picker.
    LinkCandidate {
        n: usize,
        as_target: bool,
        id: String,
        now: String,
    },
    /// Link the selected claim to a given annotation.
    Link {
        other: AttrValue,
        role: crate::model::Role,
        id: String,
        now: String,
    },
    Unlink(AttrValue),
    SetEntity {
        id: AttrValue,
        entity: String,
        now: String,
    },
    SetDateValue {
        id: AttrValue,
        value: String,
        now: String,
    },
    ClaimsTable(bool),
    OpenDocuments(Option<Rc<crate::ui::components::documents::Prefill>>),
    CloseDocuments,
    /// Escape: close what is open, else drop the pending span, else the selection.
    Escape,
    /// Move the keyboard caret; with `extend`, the selection from its anchor follows.
    MoveCaret {
        to: crate::model::CharOffset,
        extend: bool,
        upstream: bool,
    },
    /// Tab between annotations: select one and put the caret at its start.
    TabTo {
        id: AttrValue,
        at: crate::model::CharOffset,
    },
}

fn info(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        tone: Tone::Info,
        text: text.into(),
    })
}

fn error(text: impl Into<String>) -> Option<Notice> {
    Some(Notice {
        tone: Tone::Error,
        text: text.into(),
    })
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let index = &self.doc.index;
        match action {
            Action::SetPending(span) => {
                if next.pending == span && next.choices.is_none() {
                    return self;
                }
                next.pending = span;
                next.choices = None;
                if span.is_some() {
                    next.selected = None;
                }
            }
            Action::ApplyLabel { label, id, now } => {
                if let Some(span) = next.pending {
                    next.reduce_add(label, span, id, &now);
                } else if let Some(selected) = next.selected.clone() {
                    let (store, result) = next.store.mutate(|s| s.relabel(&selected, label, &now));
                    next.store = store;
                    match result {
                        Ok(true) => {
                            next.notice = None;
                            next.announcement = next.describe(&selected, "Relabelled as ");
                        }
                        Ok(false) => return self,
                        Err(e) => next.notice = error(format!("Not relabelled: {e}.")),
                    }
                } else {
                    next.notice = info(format!(
                        "Select some text first, then press {} to label it {}.",
                        label.keys().0,
                        label.as_str()
                    ));
                }
            }
            Action::AddSpan {
                label,
                span,
                id,
                now,
            } => next.reduce_add(label, span, id, &now),
            Action::Select { id, reveal } => {
                if next.selected != id {
                    next.linking = false;
                }
                next.selected = id;
                next.pending = None;
                next.choices = None;
                if reveal {
                    next.reveal += 1;
                }
            }
            Action::ClickAt { ids, x, y } => {
                next.pending = None;
                next.selected = ids.first().cloned();
                next.choices = (ids.len() > 1).then_some(Choices { ids, x, y });
            }
            Action::CloseChoices => next.choices = None,
            Action::DeleteSelected => {
                let Some(selected) = next.selected.take() else {
                    return self;
                };
                let (store, result) = next.store.mutate(|s| s.remove(&selected));
                next.store = store;
                next.choices = None;
                next.notice = match result {
                    Ok(a) => {
                        next.announcement =
                            format!("Deleted {}: {}", a.label, shorten(&a.quote, 80));
                        info(format!(
                            "Deleted {}: “{}”. Ctrl+Z brings it back.",
                            a.label,
                            shorten(&a.quote, 50)
                        ))
                    }
                    Err(e) => error(format!("Not deleted: {e}.")),
                };
            }
            Action::SetNote { id, note, now } => {
                let (store, result) = next.store.mutate(|s| s.set_note(&id, &note, &now));
                next.store = store;
                if !next.edited(result, "Note not saved") {
                    return self;
                }
            }
            Action::Nudge {
                edge,
                direction,
                now,
            } => {
                let Some(selected) = next.selected.clone() else {
                    return self;
                };
                let Some(current) = next.store.borrow().get(&selected).map(|a| a.span) else {
                    return self;
                };
                let Some(moved) = span::nudge(index, current, edge, direction) else {
                    return self;
                };
                let (store, result) = next
                    .store
                    .mutate(|s| s.set_span(index, &selected, moved, &now));
                next.store = store;
                if let Err(e) = result {
                    next.notice = error(format!("Boundary not moved: {e}."));
                }
            }
            Action::Reattach { id, now } => {
                let Some(span) = next.pending else {
                    next.notice = info(
                        "Select the text where this annotation belongs, then click Attach to selection.",
                    );
                    return Rc::new(next);
                };
                let (store, result) = next
                    .store
                    .mutate(|s| s.reattach(index, &id, span, &now).map(|a| a.id.clone()));
                next.store = store;
                match result {
                    Ok(id) => {
                        next.pending = None;
                        next.selected = Some(id.into());
                        next.notice = info("Re-attached. Ctrl+Z undoes.");
                    }
                    Err(e) => next.notice = error(format!("Not re-attached: {e}.")),
                }
            }
            Action::DeleteOrphan(id) => {
                let (store, result) = next.store.mutate(|s| s.remove_orphan(&id));
                next.store = store;
                next.notice = match result {
                    Ok(o) => info(format!(
                        "Deleted the orphan {}: “{}”. Ctrl+Z brings it back.",
                        o.label,
                        shorten(&o.quote, 50)
                    )),
                    Err(e) => error(format!("Not deleted: {e}.")),
                };
            }
            Action::Undo | Action::Redo => {
                let redo = matches!(action, Action::Redo);
                let (store, changed) = next
                    .store
                    .mutate(|s| if redo { s.redo() } else { s.undo() });
                if !changed {
                    return self;
                }
                next.store = store;
                next.notice = None;
                next.choices = None;
                next.announcement = if redo { "Redone" } else { "Undone" }.to_owned();
                // The selection may point at an annotation that undo removed.
                if let Some(id) = &next.selected {
                    if next.store.borrow().get(id).is_none() {
                        next.selected = None;
                    }
                }
            }
            Action::ClearAll => {
                let (store, removed) = next.store.mutate(Store::clear);
                if removed == 0 {
                    return self;
                }
                next.store = store;
                next.selected = None;
                next.choices = None;
                next.notice = info(format!(
                    "Deleted all {removed} annotations. Ctrl+Z brings them back."
                ));
            }
            Action::StageImport(staged) => {
                if next.store.borrow().is_empty() && next.store.borrow().orphans().is_empty() {
                    // Nothing to replace or merge with: import at once (still undoable).
                    let (store, summary) = next.store.mutate(|s| {
                        s.import(
                            staged.plan.content.clone(),
                            ImportMode::Replace,
                            String::new,
                        )
                    });
                    next.store = store;
                    next.selected = None;
                    next.notice = info(import_message(&staged, &summary));
                } else {
                    next.staged_import = Some(staged);
                    next.notice = None;
                }
            }
            Action::ConfirmImport { mode, fresh_ids } => {
                let Some(staged) = next.staged_import.take() else {
                    return self;
                };
                let mut fresh = fresh_ids.into_iter();
                let mut counter = 0usize;
                let (store, summary) = next.store.mutate(|s| {
                    s.import(staged.plan.content.clone(), mode, || {
                        fresh.next().unwrap_or_else(|| {
                            counter += 1;
                            format!("imported-{counter}")
                        })
                    })
                });
                next.store = store;
                next.selected = None;
                next.notice = info(import_message(&staged, &summary));
            }
            Action::CancelImport => {
                next.staged_import = None;
                next.notice = info("Import cancelled. Nothing was changed.");
            }
            Action::ToggleSticky(label) => {
                next.sticky = if next.sticky == Some(label) {
                    None
                } else {
                    Some(label)
                };
            }
            Action::SetFilter(filter) => next.filter = filter,
            Action::Notify(notice) => next.notice = Some(notice),
            Action::DismissNotice => next.notice = None,
            Action::SaveResult(result) => {
                if matches!(next.save, SaveStatus::Paused(_)) {
                    return self;
                }
                next.save = match result {
                    Ok(()) => SaveStatus::Saved,
                    Err(why) => SaveStatus::Failed(why),
                };
                if next.save == self.save {
                    return self;
                }
            }
            Action::PauseSaving(why) => next.save = SaveStatus::Paused(why),
            Action::Sync {
                annotations,
                orphans,
                relations,
            } => {
                let (store, ()) = next.store.mutate(|s| {
                    s.replace_all(crate::model::Annotations {
                        annotations,
                        orphans,
                        relations,
                    })
                });
                next.store = store;
                if let Some(id) = &next.selected {
                    if next.store.borrow().get(id).is_none() {
                        next.selected = None;
                    }
                }
                next.notice = info(
                    "Updated with changes made in another tab (merged; nothing of either was lost). Undo history was cleared.",
                );
            }
            Action::StorageFill(fill) => {
                // Re-render only when the shown percentage changes.
                if (fill * 100.0).round() == (next.storage_fill * 100.0).round() {
                    return self;
                }
                next.storage_fill = fill;
            }
            Action::Recovered(raw) => next.recovered = Some(raw),
            Action::DismissRecovered => next.recovered = None,
            Action::ToggleHelp(open) => next.help_open = open,
            Action::Linking(open) => {
                let is_claim = next
                    .selected
                    .as_ref()
                    .and_then(|id| next.store.borrow().get(id).map(|a| a.label == Label::Claim))
                    .unwrap_or(false);
                if open && !is_claim {
                    next.notice =
                        info("Select a claim first (click it, or j/k), then press r to link it.");
                } else {
                    next.linking = open;
                }
            }
            Action::LinkCandidate {
                n,
                as_target,
                id,
                now,
            } => {
                let Some(claim) = next.selected.clone() else {
                    return self;
                };
                let candidate = {
                    let store = next.store.borrow();
                    crate::model::store::link_candidates(&store, index, &claim)
                        .get(n)
                        .map(|a| (a.id.clone(), a.label))
                };
                let Some((other, label)) = candidate else {
                    return self;
                };
                let role = match (label, as_target) {
                    (Label::Date, _) => crate::model::Role::When,
                    (_, true) => crate::model::Role::Target,
                    _ => crate::model::Role::Source,
                };
                next.reduce_link(&claim, &other, role, id, &now);
            }
            Action::Link {
                other,
                role,
                id,
                now,
            } => {
                let Some(claim) = next.selected.clone() else {
                    return self;
                };
                next.reduce_link(&claim, &other, role, id, &now);
            }
            Action::Unlink(relation) => {
                let (store, result) = next.store.mutate(|s| s.unlink(&relation));
                next.store = store;
                if let Err(e) = result {
                    next.notice = error(format!("Not unlinked: {e}."));
                }
            }
            Action::SetEntity { id, entity, now } => {
                let (store, result) = next
                    .store
                    .mutate(|s| s.set_entity(&id, Some(&entity), &now));
                next.store = store;
                if !next.edited(result, "Entity not set") {
                    return self;
                }
            }
            Action::SetDateValue { id, value, now } => {
                let (store, result) = next
                    .store
                    .mutate(|s| s.set_date_value(&id, Some(&value), &now));
                next.store = store;
                if !next.edited(result, "Date value not set") {
                    return self;
                }
            }
            Action::ClaimsTable(open) => next.claims_open = open,
            Action::OpenDocuments(prefill) => next.documents = Some(prefill),
            Action::CloseDocuments => next.documents = None,
            Action::MoveCaret {
                to,
                extend,
                upstream,
            } => {
                let anchor = match (extend, next.caret) {
                    (true, Some(caret)) => caret.anchor,
                    _ => to,
                };
                next.caret = Some(Caret {
                    at: to,
                    anchor,
                    upstream,
                });
                next.pending = crate::model::caret::selection_span(anchor, to);
                next.selected = None;
                next.choices = None;
                next.linking = false;
            }
            Action::TabTo { id, at } => {
                next.caret = Some(Caret {
                    at,
                    anchor: at,
                    upstream: false,
                });
                next.pending = None;
                next.choices = None;
                next.linking = false;
                next.announcement = next.describe(&id, "");
                next.selected = Some(id);
            }
            Action::Escape => {
                if next.help_open {
                    next.help_open = false;
                } else if next.linking {
                    next.linking = false;
                } else if next.claims_open {
                    next.claims_open = false;
                } else if next.documents.is_some() {
                    next.documents = None;
                } else if next.choices.is_some() {
                    next.choices = None;
                } else if next.staged_import.is_some() {
                    next.staged_import = None;
                } else if next.pending.is_some() {
                    next.pending = None;
                } else if next.selected.is_some() {
                    next.selected = None;
                } else if next.notice.is_some() {
                    next.notice = None;
                } else {
                    return self;
                }
            }
        }
        Rc::new(next)
    }
}

impl AppState {
    /// The outcome of an edit of one annotation: `false` when nothing changed (the caller
    /// keeps the old state, so nothing re-renders); an error becomes the notice.
    fn edited(&mut self, result: Result<bool, crate::model::StoreError>, failed: &str) -> bool {
        match result {
            Ok(changed) => changed,
            Err(e) => {
                self.notice = error(format!("{failed}: {e}."));
                true
            }
        }
    }

    fn reduce_link(
        &mut self,
        claim: &str,
        other: &str,
        role: crate::model::Role,
        id: String,
        now: &str,
    ) {
        let (store, result) = self.store.mutate(|s| s.link(id, claim, other, role, now));
        self.store = store;
        match result {
            Ok(()) => {
                let quote = self
                    .store
                    .borrow()
                    .get(other)
                    .map(|a| shorten(&a.quote, 40))
                    .unwrap_or_default();
                self.notice = info(format!(
                    "Linked as {}: “{quote}”. Ctrl+Z undoes.",
                    role.as_str()
                ));
                self.announcement = format!("Linked as {}: {quote}", role.as_str());
            }
            Err(e) => self.notice = error(format!("Not linked: {e}.")),
        }
    }

    /// "Added actor: Sergey Lavrov" — how a screen reader hears an annotation.
    pub fn describe(&self, id: &str, prefix: &str) -> String {
        self.store
            .borrow()
            .get(id)
            .map(|a| format!("{prefix}{}: {}", a.label, shorten(&a.quote, 80)))
            .unwrap_or_default()
    }

    fn reduce_add(&mut self, label: Label, span: CharSpan, id: String, now: &str) {
        let index = &self.doc.index;
        let (store, result) = self
            .store
            .mutate(|s| s.add(index, id, label, span, now).map(|a| a.id.clone()));
        self.store = store;
        match result {
            Ok(id) => {
                self.pending = None;
                self.announcement = self.describe(&id, "Added ");
                self.selected = Some(id.into());
                self.notice = None;
                // The keyboard selection became the annotation; the caret stays where it is.
                if let Some(caret) = &mut self.caret {
                    caret.anchor = caret.at;
                }
            }
            Err(e) => self.notice = error(format!("Not added: {e}.")),
        }
    }
}

fn import_message(staged: &StagedImport, summary: &ImportSummary) -> String {
    let mut parts = vec![format!(
        "Imported {} annotation{} from {}",
        summary.added,
        if summary.added == 1 { "" } else { "s" },
        staged.source
    )];
    if staged.plan.text_changed {
        parts.push(format!(
            "the file was made for a different text: {}",
            staged.plan.report
        ));
    }
    if summary.orphaned > 0 {
        parts.push(format!(
            "{} orphan{} listed in the panel to re-attach or delete",
            summary.orphaned,
            if summary.orphaned == 1 { "" } else { "s" }
        ));
    }
    if summary.removed > 0 {
        parts.push(format!("replaced {} existing", summary.removed));
    }
    if summary.skipped_duplicates > 0 {
        parts.push(format!(
            "skipped {} already present",
            summary.skipped_duplicates
        ));
    }
    if summary.renamed_ids > 0 {
        parts.push(format!("gave {} a new id", summary.renamed_ids));
    }
    format!("{}. Ctrl+Z undoes the import.", parts.join("; "))
}
