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
    /// Agreement between the open document's layers (the person's and colleagues').
    Agreement,
    /// The local library, and the form that adds a document (maybe filled from a dropped file).
    Documents(Option<Rc<Prefill>>),
    /// An import the import worker is reading and placing: how far it has come, and Cancel.
    Importing(Importing),
    /// An import that passed validation and waits for "replace or merge".
    Import(StagedImport),
    /// A question before an edit that throws something away.
    Confirm(Confirm),
    /// The person's annotator name, asked before their first export (once in this browser).
    AnnotatorName(crate::model::formats::dispatch::ExportFormat),
    /// Team sync: the account, the status, connect and disconnect.
    Sync,
}

impl Dialog {
    /// Whether Escape typed in one of the dialog's fields closes it. The documents form keeps
    /// it: closing there would throw away a pasted text.
    pub fn escape_closes_from_field(&self) -> bool {
        matches!(
            self,
            Dialog::Help
                | Dialog::Agreement
                | Dialog::ClaimsTable
                | Dialog::LibraryClaims
                | Dialog::LibraryEntities
                | Dialog::Import(_)
                | Dialog::Importing(_)
                | Dialog::LinkPicker(_)
                | Dialog::Confirm(_)
                | Dialog::AnnotatorName(_)
                | Dialog::Sync
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

/// An import under way: the files are read, then the import worker parses and places them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Importing {
    /// Which import this is; progress of any other (a cancelled one) is ignored.
    pub job: u32,
    /// The file names, for the title.
    pub source: String,
    pub stage: ImportStage,
}

/// How far an import has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStage {
    /// The files are read and parsed (a parser stops early at the annotation limit).
    Reading,
    /// `done` of `total` annotations have found their place in the text.
    Placing { done: usize, total: usize },
}

impl ImportStage {
    /// "Placing 1,000 of 4,000 annotations… 25 %", as the dialog shows it; "Placed 4,000
    /// annotations; handing them to the page…" once all are placed.
    pub fn describe(self) -> String {
        match self {
            ImportStage::Reading => "Reading the file…".to_owned(),
            ImportStage::Placing { done, total } if done < total => format!(
                "Placing {} of {} annotation{}… {} %",
                thousands(done),
                thousands(total),
                if total == 1 { "" } else { "s" },
                done * 100 / total
            ),
            // The worker hands the placed annotations to the page, which checks them once more.
            ImportStage::Placing { total, .. } => format!(
                "Placed {} annotation{}; handing {} to the page…",
                thousands(total),
                if total == 1 { "" } else { "s" },
                if total == 1 { "it" } else { "them" }
            ),
        }
    }
}

/// 200000 → "200,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// An import that passed validation and waits for "replace or merge".
#[derive(Clone, Debug, PartialEq)]
pub struct StagedImport {
    /// File name and format, for the question and the report.
    pub source: String,
    pub plan: Rc<ImportPlan>,
}

impl StagedImport {
    /// The annotator most of the file's annotations name, if any do.
    pub fn file_annotator(&self) -> Option<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for a in &self.plan.content.annotations {
            if a.annotator.is_empty() {
                continue;
            }
            match counts.iter_mut().find(|(name, _)| *name == a.annotator) {
                Some((_, n)) => *n += 1,
                None => counts.push((&a.annotator, 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(_, n)| n)
            .map(|(name, _)| name.to_owned())
    }

    /// True when the person has a name and the file names someone else (a colleague's file):
    /// then keeping it as their layer is the first choice offered, even in an empty document.
    /// Without a name of one's own, no file counts as a colleague's.
    pub fn from_someone_else(&self, me: &str) -> bool {
        let me = me.trim();
        !me.is_empty() && self.file_annotator().is_some_and(|name| name != me)
    }
}
