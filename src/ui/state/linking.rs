//! The link picker (both directions, with its filter) and the confirmations asked before an
//! edit throws something away: relabelling an annotation that has links, deleting all.

use super::{AppState, Confirm, Dialog, Notice, Picker};
use crate::model::annotation::Label;
use crate::model::store::{filtered_candidates, link_between, links_touching, Store};
use crate::model::text::shorten;

impl AppState {
    /// The picker's filter, when it is open.
    fn picker(&self) -> Option<&Picker> {
        match &self.dialog {
            Some(Dialog::LinkPicker(picker)) => Some(picker),
            _ => None,
        }
    }

    /// How many candidates the open picker shows under its filter.
    fn picker_shown(&self) -> usize {
        let (Some(selected), Some(picker)) = (&self.selected, self.picker()) else {
            return 0;
        };
        let store = self.store.borrow();
        filtered_candidates(&store, &self.doc.index, selected, &picker.filter).len()
    }

    /// `r`: the picker opens for any selected annotation (a claim lists actors and dates, an
    /// actor or a date lists claims); with nothing selected, a hint.
    pub(super) fn open_link_picker(&mut self) {
        let label = self
            .selected
            .as_ref()
            .and_then(|id| self.store.borrow().get(id).map(|a| a.label));
        if label.is_none() {
            self.notice = Some(Notice::info(
                "Select a claim, an actor or a date first (click it, or j/k), then press r to link it.",
            ));
            return;
        }
        self.dialog = Some(Dialog::link_picker());
    }

    /// Returns whether anything changed.
    pub(super) fn set_picker_filter(&mut self, filter: String) -> bool {
        let Some(Dialog::LinkPicker(picker)) = &mut self.dialog else {
            return false;
        };
        if picker.filter == filter {
            return false;
        }
        picker.filter = filter;
        picker.active = 0;
        let shown = self.picker_shown();
        self.announcement = match shown {
            0 => "No match".to_owned(),
            1 => "1 match".to_owned(),
            n => format!("{n} matches"),
        };
        true
    }

    /// Returns whether anything changed.
    pub(super) fn move_picker(&mut self, rows: isize) -> bool {
        let shown = self.picker_shown();
        let Some(Dialog::LinkPicker(picker)) = &mut self.dialog else {
            return false;
        };
        let last = shown.saturating_sub(1);
        let active = picker.active.saturating_add_signed(rows).min(last);
        if active == picker.active {
            return false;
        }
        picker.active = active;
        self.announcement = self.describe_active(shown);
        true
    }

    /// "3 of 14: actor Sergey Lavrov" — the active row, as a screen reader hears it from the
    /// filter field, where the focus stays.
    fn describe_active(&self, shown: usize) -> String {
        let (Some(selected), Some(picker)) = (&self.selected, self.picker()) else {
            return String::new();
        };
        let store = self.store.borrow();
        filtered_candidates(&store, &self.doc.index, selected, &picker.filter)
            .get(picker.active)
            .map(|a| {
                format!(
                    "{} of {shown}: {} {}",
                    picker.active + 1,
                    a.label,
                    shorten(&a.quote, 80)
                )
            })
            .unwrap_or_default()
    }

    /// Links the selection with the n-th candidate the picker shows (under its filter, if it
    /// is open). Returns whether anything changed.
    pub(super) fn link_candidate(
        &mut self,
        n: usize,
        as_target: bool,
        id: String,
        now: &str,
    ) -> bool {
        let Some(selected) = self.selected.clone() else {
            return false;
        };
        let filter = self.picker().map(|p| p.filter.clone()).unwrap_or_default();
        let link = {
            let store = self.store.borrow();
            let candidates = filtered_candidates(&store, &self.doc.index, &selected, &filter);
            let Some(candidate) = candidates.get(n) else {
                return false;
            };
            let Some(me) = store.get(&selected) else {
                return false;
            };
            link_between(me, candidate, as_target)
                .map(|(claim, other, role)| (claim.id.clone(), other.id.clone(), role))
        };
        let Some((claim, other, role)) = link else {
            return false;
        };
        if let Some(Dialog::LinkPicker(picker)) = &mut self.dialog {
            picker.active = n;
        }
        self.link(&claim, &other, role, id, now);
        true
    }

    /// A relabel that would drop links asks first; any other goes ahead. Returns whether
    /// anything changed.
    pub(super) fn relabel_or_ask(&mut self, id: &str, label: Label, now: &str) -> bool {
        let lost: Vec<String> = {
            let store = self.store.borrow();
            match store.get(id) {
                Some(a) if a.label != label => lost_links(&store, id),
                _ => Vec::new(),
            }
        };
        if lost.is_empty() {
            return self.relabel(id, label, now);
        }
        self.dialog = Some(Dialog::Confirm(Confirm::Relabel {
            id: id.to_owned().into(),
            label,
            lost,
        }));
        true
    }

    fn relabel(&mut self, id: &str, label: Label, now: &str) -> bool {
        let (store, result) = self.store.mutate(|s| s.relabel(id, label, now));
        self.store = store;
        match result {
            Ok(true) => {
                self.notice = None;
                self.announcement = self.describe(id, "Relabelled as ");
                true
            }
            Ok(false) => false,
            Err(e) => {
                self.notice = Some(Notice::error(format!("Not relabelled: {e}.")));
                true
            }
        }
    }

    /// *Delete all* asks first, naming what goes. Returns whether anything changed.
    pub(super) fn ask_delete_all(&mut self) -> bool {
        let store = self.store.borrow();
        let (annotations, orphans, links) =
            (store.len(), store.orphans().len(), store.relations().len());
        drop(store);
        if annotations + orphans == 0 {
            return false;
        }
        self.dialog = Some(Dialog::Confirm(Confirm::DeleteAll {
            annotations,
            orphans,
            links,
        }));
        true
    }

    /// Carries out the open confirmation. Returns whether anything changed.
    pub(super) fn confirm(&mut self, now: &str) -> bool {
        let Some(Dialog::Confirm(confirm)) = self.dialog.take() else {
            return false;
        };
        match confirm {
            Confirm::Relabel { id, label, lost } => {
                if self.relabel(&id, label, now) && self.notice.is_none() {
                    let plural = if lost.len() == 1 { "" } else { "s" };
                    self.notice = Some(Notice::info(format!(
                        "Relabelled as {label} and removed {} link{plural}. Ctrl+Z undoes both.",
                        lost.len()
                    )));
                }
            }
            Confirm::DeleteAll { .. } => {
                let (store, removed) = self.store.mutate(Store::clear);
                self.store = store;
                if removed > 0 {
                    self.selected = None;
                    self.choices = None;
                    self.notice = Some(Notice::info(format!(
                        "Deleted all {removed} annotations. Ctrl+Z brings them back (until the page is reloaded)."
                    )));
                    self.announcement = format!("Deleted all {removed} annotations");
                }
            }
        }
        true
    }
}

/// Each link touching an annotation, as a person reads it: "source of “Relations are…”"
/// when it is the actor or date of a claim, "its source “Sergey Lavrov”" when it is the claim.
pub(crate) fn lost_links(store: &Store, id: &str) -> Vec<String> {
    links_touching(store, id)
        .into_iter()
        .map(|(role, claim, other)| {
            if claim.id == id {
                format!("its {} “{}”", role.as_str(), shorten(&other.quote, 40))
            } else {
                format!("{} of “{}”", role.as_str(), shorten(&claim.quote, 60))
            }
        })
        .collect()
}
