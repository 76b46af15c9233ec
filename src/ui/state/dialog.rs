//! The modal dialogs. Only one is open at a time, so one value says which.

use crate::model::annotation::Label;
use crate::model::formats::ImportPlan;
use std::rc::Rc;
use yew::AttrValue;

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The shortcut sheet.
    Help,
    /// Links the selected claim to an actor or a date, or the selected actor or date to a claim.
    LinkPicker(Picker),
    /// Who claimed what, when.
    ClaimsTable,
    /// The claims of every document in this browser, with filters and downloads.
    LibraryClaims,
    /// The entities of every document in this browser, their mentions and claims; merging.
    LibraryEntities,
    /// The local library, and the form that adds a document (maybe filled from a dropped file).
    Documents(Option<Rc<Prefill>>),
    /// An import that passed validation and waits for "replace or merge".
    Import(StagedImport),
    /// A question before an edit that throws something away.
    Confirm(Confirm),
}

impl Dialog {
    /// Whether Escape typed in one of the dialog's fields closes it. The documents form keeps
    /// it: closing there would throw away a pasted text.
    pub fn escape_closes_from_field(&self) -> bool {
        matches!(
            self,
            Dialog::Help
                | Dialog::ClaimsTable
                | Dialog::LibraryClaims
                | Dialog::LibraryEntities
                | Dialog::Import(_)
                | Dialog::LinkPicker(_)
                | Dialog::Confirm(_)
        )
    }

    /// The link picker as it opens: no filter, the nearest candidate active.
    pub fn link_picker() -> Dialog {
        Dialog::LinkPicker(Picker::default())
    }
}

/// The link picker's own state: what was typed in its filter, and which of the matching
/// candidates the arrow keys point at (Enter links it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picker {
    pub filter: String,
    /// 0-based, among the candidates that match the filter.
    pub active: usize,
}

/// What a confirmation asks about.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    /// Relabel an annotation whose links the new label cannot keep.
    Relabel {
        id: AttrValue,
        label: Label,
        /// Each link that goes, as a person reads it ("source of “…”").
        lost: Vec<String>,
    },
    /// Delete every annotation and orphan of the document.
    DeleteAll {
        annotations: usize,
        orphans: usize,
        links: usize,
    },
}

/// Text and title to start the "add a document" form with (from a dropped file).
#[derive(Clone, Debug, PartialEq)]
pub struct Prefill {
    pub title: String,
    pub text: String,
}

/// An import that passed validation and waits for "replace or merge".
#[derive(Clone, Debug, PartialEq)]
pub struct StagedImport {
    /// File name and format, for the question and the report.
    pub source: String,
    pub plan: Rc<ImportPlan>,
}
