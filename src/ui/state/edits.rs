//! What several actions share: adding, linking, reporting an edit's outcome, and the words
//! a screen reader or the notice uses for it.

use super::{AppState, Dialog, Notice, StagedImport};
use crate::model::annotation::{Label, Role};
use crate::model::formats::native;
use crate::model::span::CharSpan;
use crate::model::store::ImportSummary;
use crate::model::text::shorten;
use crate::model::StoreError;

impl AppState {
    /// "Added actor: Sergey Lavrov" — how a screen reader hears an annotation.
    pub(super) fn describe(&self, id: &str, prefix: &str) -> String {
        self.store
            .borrow()
            .get(id)
            .map(|a| format!("{prefix}{}: {}", a.label, shorten(&a.quote, 80)))
            .unwrap_or_default()
    }

    /// The outcome of an edit of one annotation: `false` when nothing changed (the caller
    /// keeps the old state, so nothing re-renders); an error becomes the notice.
    pub(super) fn edited(&mut self, result: Result<bool, StoreError>, failed: &str) -> bool {
        match result {
            Ok(changed) => changed,
            Err(e) => {
                self.notice = Some(Notice::error(format!("{failed}: {e}.")));
                true
            }
        }
    }

    /// The picker belongs to the selected annotation: it closes when the selection moves away.
    pub(super) fn close_link_picker(&mut self) {
        if matches!(self.dialog, Some(Dialog::LinkPicker(_))) {
            self.dialog = None;
        }
    }

    /// Undo or another tab may have removed the selected annotation.
    pub(super) fn forget_selection_if_gone(&mut self) {
        if let Some(id) = &self.selected {
            if self.store.borrow().get(id).is_none() {
                self.selected = None;
            }
        }
    }

    pub(super) fn add(&mut self, label: Label, span: CharSpan, id: String, now: &str) {
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
            Err(e) => self.notice = Some(Notice::error(format!("Not added: {e}."))),
        }
    }

    pub(super) fn link(&mut self, claim: &str, other: &str, role: Role, id: String, now: &str) {
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
                self.notice = Some(Notice::info(format!(
                    "Linked as {}: “{quote}”. Ctrl+Z undoes.",
                    role.as_str()
                )));
                self.announcement = format!("Linked as {}: {quote}", role.as_str());
            }
            Err(e) => self.notice = Some(Notice::error(format!("Not linked: {e}."))),
        }
    }
}

pub(super) fn import_message(staged: &StagedImport, summary: &ImportSummary) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut parts = vec![format!(
        "Imported {} annotation{} from {}",
        summary.added,
        plural(summary.added),
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
            plural(summary.orphaned)
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

impl AppState {
    /// Adds accepted suggestions as one undoable step. Ones that match an annotation already
    /// here (a hand-made one, say) are not added twice; their links are. A curation decision
    /// comes wrapped as `{"remove": [ids], "say": "…", "file": …}`: the annotations it names
    /// go in the same step. False when nothing changed.
    pub(super) fn accept_suggestions(&mut self, json: &str) -> bool {
        let (remove, say, file) = match json.starts_with("{\"remove\"") {
            true => {
                let envelope: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
                let remove: std::collections::HashSet<String> = envelope["remove"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|id| id.as_str().map(str::to_owned))
                    .collect();
                let say = envelope["say"].as_str().unwrap_or_default().to_owned();
                // Not `Value::to_string`: the page writes values with `write_compact`, so
                // serde_json's value serializer stays out of its download.
                let mut file = String::new();
                crate::model::formats::json::write_compact(&envelope["file"], &mut file);
                (remove, say, file)
            }
            false => (
                Default::default(),
                "Accepted suggestions".to_owned(),
                json.to_owned(),
            ),
        };
        let incoming = match native::parse_placed(&file, &self.doc) {
            Ok(incoming) => incoming,
            Err(why) => {
                self.notice = Some(Notice::error(format!(
                    "{say} failed ({why}); nothing was changed."
                )));
                return true;
            }
        };
        let before = self.store.borrow().relations().len();
        let mut counter = 0usize;
        let (store, summary) = self.store.mutate(|s| {
            s.exchange(&remove, incoming, || {
                counter += 1;
                format!("suggested-{counter}")
            })
        });
        let links = store.borrow().relations().len().abs_diff(before);
        if summary.added == 0 && summary.removed == 0 && links == 0 {
            return false;
        }
        self.store = store;
        let message = format!(
            "{say}: annotations {}, links {links} (Ctrl+Z undoes).",
            summary.added
        );
        self.announcement = message.clone();
        self.notice = Some(Notice::info(message));
        true
    }
}
