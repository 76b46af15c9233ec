//! Everything that changes the state.

use super::{Dialog, FocusTarget, ImportStage, Notice, StagedImport, Unreadable};
use crate::model::annotation::{Label, Role};
use crate::model::span::{CharSpan, Direction, Edge};
use crate::model::store::ImportMode;
use crate::model::Annotations;
use crate::model::CharOffset;
use std::rc::Rc;
use yew::AttrValue;

/// Actions that create or edit carry their id and time, so the reducer stays deterministic
/// (and testable without a clock).
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetPending(Option<CharSpan>),
    /// Open a panel beside the text (suggestions, or layers and curation), or draw it again
    /// (the suggesters run afresh).
    Panel(crate::bridge::lazy_views::LazyView),
    /// The person's annotator name, for what they make from now on.
    SetAnnotator(String),
    ClosePanel,
    /// Accepted suggestions (annotations and links, in the JSON format's compact form), added
    /// as one undoable step.
    AcceptSuggestions(String),
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
        /// Where the click put the caret, so the keyboard carries on from there.
        at: Option<CharOffset>,
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
        edge: Edge,
        direction: Direction,
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
    /// Asks before deleting every annotation (the confirmation then sends `Confirm`).
    ClearAll,
    /// A validated import: applied at once when there is nothing to replace or merge with,
    /// else it waits in the import dialog.
    StageImport(StagedImport),
    ConfirmImport {
        mode: ImportMode,
        fresh_ids: Vec<String>,
    },
    /// Closes the import dialog or stops the import under way (the transfer hook then
    /// terminates the import worker): nothing changes, and the person is told so.
    CancelImport,
    /// Keep the staged import as a colleague's read-only layer instead of merging it.
    AddLayer,
    /// The layer was written (or not: why), in words for the notice.
    LayerAdded(Result<String, String>),
    /// How far the import `job` has come; ignored unless its dialog is open.
    ImportProgress {
        job: u32,
        stage: ImportStage,
    },
    ToggleSticky(Label),
    SetFilter(Option<Label>),
    Notify(Notice),
    DismissNotice,
    /// The database confirmed the store's state as of this revision, or a write failed.
    SaveResult(Result<u64, String>),
    /// The saver found records to write that no edit of this page made (changes put back
    /// from the last visit, a document not stored yet): the status says "Saving…" until they
    /// are written, not "Saved".
    WritesPending,
    /// A save of thousands goes in rounds: one round of this many records is written.
    SaveRound(usize),
    /// The open document was moved to the trash in another tab (its title).
    DeletedElsewhere(String),
    PauseSaving(String),
    StorageFill(f64),
    /// Another tab changed this document: adopt the merged state.
    Sync(Annotations),
    Unreadable(Rc<Unreadable>),
    DismissUnreadable,
    /// Opens a dialog in place of any open one. The link picker opens only for a claim.
    OpenDialog(Dialog),
    CloseDialog,
    /// What was typed in the link picker's filter.
    PickerFilter(String),
    /// Move the link picker's active row by this many rows (clamped to the list).
    PickerMove(isize),
    /// Carry out what the open confirmation asks (Escape or `CloseDialog` cancels).
    Confirm {
        now: String,
    },
    /// Link the selection with the n-th (0-based) candidate the picker shows under its filter:
    /// a claim with an actor or date, or an actor or date with a claim.
    LinkCandidate {
        n: usize,
        as_target: bool,
        id: String,
        now: String,
    },
    /// Link the selected claim to a given annotation.
    Link {
        other: AttrValue,
        role: Role,
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
    /// Escape: close the dialog, else the popover, else drop the pending span, else the
    /// selection, else the notice.
    Escape,
    /// Move the keyboard caret; with `extend`, the selection from its anchor follows.
    MoveCaret {
        to: CharOffset,
        extend: bool,
        upstream: bool,
    },
    /// Tab between annotations: select one and put the caret at its start.
    TabTo {
        id: AttrValue,
        at: CharOffset,
    },
    /// Ask an effect to move the keyboard focus.
    MoveFocus(FocusTarget),
}
