//! The root state and its actions. One reducer (`reducer.rs`) changes it; each action calls
//! one model method, and the reducer never touches the browser: saving, focus and scrolling
//! follow the state in effects (`ui/hooks`).

mod action;
mod dialog;
mod edits;
mod linking;
mod reducer;

pub use action::Action;
pub use dialog::{Confirm, Dialog, ImportStage, Importing, Picker, Prefill, StagedImport};

use crate::bridge::lazy_views::LazyView;
use crate::model::annotation::Label;
use crate::model::span::CharSpan;
use crate::model::store::Store;
use crate::model::CharOffset;
use crate::model::Document;
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

    /// Both handles are on the same store (perhaps at different revisions).
    pub fn same_store(&self, other: &StoreHandle) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }

    pub(crate) fn mutate<T>(&self, f: impl FnOnce(&mut Store) -> T) -> (StoreHandle, T) {
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

impl Notice {
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            tone: Tone::Info,
            text: text.into(),
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            tone: Tone::Error,
            text: text.into(),
        }
    }
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

/// The popover that lists every annotation under a click. It is not modal: the page stays
/// usable while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub ids: Vec<AttrValue>,
    pub x: i32,
    pub y: i32,
}

/// A stored value that could not be read, offered for download so it is never lost.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// What went wrong and what was done about it, for the banner.
    pub explanation: String,
    /// The stored text exactly as it was found.
    pub stored_text: String,
}

/// The keyboard caret: `at` moves, `anchor` stays where a Shift-selection began.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    pub at: CharOffset,
    pub anchor: CharOffset,
    /// At a line wrap, stand at the end of the upper line (after End) rather than the start
    /// of the lower one.
    pub upstream: bool,
}

/// Where a key asked the keyboard focus to go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// The article's text, where the caret lives.
    ArticleText,
    /// The selected annotation's note.
    NoteField,
}

/// A pending focus move; `serial` grows with every request, so asking for the same place
/// twice still moves the focus twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FocusRequest {
    pub target: FocusTarget,
    pub serial: u64,
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
    /// The store revision the database holds; below the store's, a write is under way.
    pub saved_revision: u64,
    /// Records written so far by a save that goes in rounds (0 otherwise).
    pub saved_so_far: usize,
    /// How full local storage is (0–1), measured after each save.
    pub storage_fill: f64,
    pub choices: Option<Choices>,
    /// The modal dialog on top of the page; at most one at a time.
    pub dialog: Option<Dialog>,
    pub unreadable: Option<Rc<Unreadable>>,
    /// Bumped when the selected annotation should be scrolled into view.
    pub reveal: u64,
    /// The keyboard caret in the article, and where a Shift-selection started.
    pub caret: Option<Caret>,
    pub focus_request: Option<FocusRequest>,
    /// The last change, for screen readers (a polite live region).
    pub announcement: String,
    /// The panel beside the text (suggestions, or layers and curation): `None` while closed,
    /// else which, and how many times a panel was opened in this document (each opening
    /// draws it afresh: the suggesters run again).
    pub panel: Option<(LazyView, u32)>,
    /// An import the person chose to keep as a colleague's layer, until an effect has written
    /// it to the database.
    pub layer_to_add: Option<StagedImport>,
}

impl AppState {
    /// `saved_revision` when the database holds no revision of the store: the status says
    /// "Saving…" until a save's result.
    pub const NOTHING_SAVED: u64 = u64::MAX;

    pub fn new(doc: Rc<Document>, store: StoreHandle) -> Self {
        AppState {
            doc,
            saved_revision: store.revision(),
            saved_so_far: 0,
            store,
            pending: None,
            selected: None,
            sticky: None,
            filter: None,
            notice: None,
            save: SaveStatus::Saved,
            storage_fill: 0.0,
            choices: None,
            dialog: None,
            unreadable: None,
            reveal: 0,
            caret: None,
            focus_request: None,
            announcement: String::new(),
            panel: None,
            layer_to_add: None,
        }
    }
}
