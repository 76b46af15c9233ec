//! The modal dialogs. Only one is open at a time, so one value says which.

use crate::model::formats::ImportPlan;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// The shortcut sheet.
    Help,
    /// Links the selected claim to an actor or a date.
    LinkPicker,
    /// Who claimed what, when.
    ClaimsTable,
    /// The local library, and the form that adds a document (maybe filled from a dropped file).
    Documents(Option<Rc<Prefill>>),
    /// An import that passed validation and waits for "replace or merge".
    Import(StagedImport),
}

impl Dialog {
    /// Whether Escape typed in one of the dialog's fields closes it. The documents form keeps
    /// it: closing there would throw away a pasted text.
    pub fn escape_closes_from_field(&self) -> bool {
        matches!(self, Dialog::Help | Dialog::ClaimsTable | Dialog::Import(_))
    }
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
