//! The one reducer: each action calls at most one model method and says what changed.
//! Returning `self` unchanged means "nothing to re-render".

use super::edits::import_message;
use super::{Action, AppState, Caret, Choices, Dialog, FocusRequest, Notice, SaveStatus};
use crate::model::caret::selection_span;
use crate::model::span;
use crate::model::store::ImportMode;
use crate::model::text::shorten;
use crate::model::CharOffset;
use std::rc::Rc;
use yew::Reducible;

/// What a stopped import says, from its Cancel button, Escape, or the merge question's Cancel.
pub const IMPORT_CANCELLED: &str = "Import cancelled. Nothing was changed.";

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
                if let Some(span) = span {
                    next.selected = None;
                    // Shift+arrows then extend the mouse's selection, not an older one.
                    next.caret = Some(Caret {
                        at: span.end,
                        anchor: span.start,
                        upstream: false,
                    });
                }
            }
            Action::ApplyLabel { label, id, now } => {
                if let Some(span) = next.pending {
                    next.add(label, span, id, &now);
                } else if let Some(selected) = next.selected.clone() {
                    // Asks first when the new label would drop links.
                    if !next.relabel_or_ask(&selected, label, &now) {
                        return self;
                    }
                } else {
                    next.notice = Some(Notice::info(format!(
                        "Select some text first, then press {} to label it {}.",
                        label.keys().0,
                        label.as_str()
                    )));
                }
            }
            Action::AddSpan {
                label,
                span,
                id,
                now,
            } => next.add(label, span, id, &now),
            Action::Select { id, reveal } => {
                if next.selected != id {
                    next.close_link_picker();
                }
                next.selected = id;
                next.pending = None;
                next.choices = None;
                if reveal {
                    next.reveal += 1;
                }
            }
            Action::ClickAt { ids, at, x, y } => {
                if let Some(at) = at {
                    let at = index.grapheme_floor(at.min(CharOffset(index.len_chars())));
                    next.caret = Some(Caret {
                        at,
                        anchor: at,
                        upstream: false,
                    });
                }
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
                next.notice = Some(match result {
                    Ok(a) => {
                        next.announcement =
                            format!("Deleted {}: {}", a.label, shorten(&a.quote, 80));
                        Notice::info(format!(
                            "Deleted {}: “{}”. Ctrl+Z brings it back.",
                            a.label,
                            shorten(&a.quote, 50)
                        ))
                    }
                    Err(e) => Notice::error(format!("Not deleted: {e}.")),
                });
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
                    next.notice = Some(Notice::error(format!("Boundary not moved: {e}.")));
                }
            }
            Action::Reattach { id, now } => {
                let Some(span) = next.pending else {
                    next.notice = Some(Notice::info(
                        "Select the text where this annotation belongs, then click Attach to selection.",
                    ));
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
                        next.notice = Some(Notice::info("Re-attached. Ctrl+Z undoes."));
                    }
                    Err(e) => next.notice = Some(Notice::error(format!("Not re-attached: {e}."))),
                }
            }
            Action::DeleteOrphan(id) => {
                let (store, result) = next.store.mutate(|s| s.remove_orphan(&id));
                next.store = store;
                next.notice = Some(match result {
                    Ok(o) => Notice::info(format!(
                        "Deleted the orphan {}: “{}”. Ctrl+Z brings it back.",
                        o.label,
                        shorten(&o.quote, 50)
                    )),
                    Err(e) => Notice::error(format!("Not deleted: {e}.")),
                });
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
                next.forget_selection_if_gone();
            }
            Action::ClearAll => {
                if !next.ask_delete_all() {
                    return self;
                }
            }
            Action::Confirm { now } => {
                if !next.confirm(&now) {
                    return self;
                }
            }
            Action::StageImport(staged) => {
                let colleague = staged.from_someone_else(next.store.borrow().annotator());
                if !colleague
                    && next.store.borrow().is_empty()
                    && next.store.borrow().orphans().is_empty()
                {
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
                    next.notice = Some(Notice::info(import_message(&staged, &summary)));
                } else {
                    next.dialog = Some(Dialog::Import(staged));
                    next.notice = None;
                }
            }
            Action::ConfirmImport { mode, fresh_ids } => {
                let Some(Dialog::Import(staged)) = next.dialog.take() else {
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
                next.notice = Some(Notice::info(import_message(&staged, &summary)));
            }
            Action::AddLayer => {
                let Some(Dialog::Import(staged)) = next.dialog.take() else {
                    return self;
                };
                next.notice = Some(Notice::info(format!(
                    "Adding {} as a colleague's layer…",
                    staged.source
                )));
                next.layer_to_add = Some(staged);
            }
            Action::LayerAdded(outcome) => {
                next.layer_to_add = None;
                next.notice = Some(match outcome {
                    Ok(message) => Notice::info(message),
                    Err(why) => Notice::error(why),
                });
            }
            Action::CancelImport => {
                if matches!(next.dialog, Some(Dialog::Import(_) | Dialog::Importing(_))) {
                    next.dialog = None;
                }
                next.notice = Some(Notice::info(IMPORT_CANCELLED));
            }
            Action::ImportProgress { job, stage } => match &mut next.dialog {
                Some(Dialog::Importing(importing)) if importing.job == job => {
                    if importing.stage == stage {
                        return self;
                    }
                    importing.stage = stage;
                }
                _ => return self,
            },
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
                match result {
                    Ok(revision) => {
                        next.save = SaveStatus::Saved;
                        next.saved_revision = revision;
                    }
                    Err(why) => next.save = SaveStatus::Failed(why),
                }
                next.saved_so_far = 0;
                if next.save == self.save
                    && next.saved_revision == self.saved_revision
                    && self.saved_so_far == 0
                {
                    return self;
                }
            }
            // Counted until the save's result (which sets it back to 0).
            Action::SaveRound(written) => next.saved_so_far += written,
            Action::WritesPending => {
                next.saved_revision = AppState::NOTHING_SAVED;
            }
            Action::DeletedElsewhere(title) => {
                next.notice = Some(Notice::error(format!(
                    "“{title}” was deleted in another tab. Your work on it here is kept and saved with it in the trash: restore it from Documents to keep it listed."
                )));
            }
            Action::PauseSaving(why) => next.save = SaveStatus::Paused(why),
            Action::Sync(merged) => {
                let (store, dropped) = next.store.mutate(|s| s.absorb(merged));
                next.store = store;
                next.forget_selection_if_gone();
                next.notice = Some(Notice::info(if dropped == 0 {
                    "Updated with changes made in another tab or by a merge of entities (merged; nothing of either was lost)."
                        .to_owned()
                } else {
                    format!("Updated with changes made in another tab or by a merge of entities (merged; nothing of either was lost). {dropped} undo step{} that touched the same annotations went.", if dropped == 1 { "" } else { "s" })
                }));
            }
            Action::StorageFill(fill) => {
                // Re-render only when the shown percentage changes.
                if (fill * 100.0).round() == (next.storage_fill * 100.0).round() {
                    return self;
                }
                next.storage_fill = fill;
            }
            Action::Unreadable(unreadable) => next.unreadable = Some(unreadable),
            Action::DismissUnreadable => next.unreadable = None,
            Action::OpenDialog(Dialog::LinkPicker(_)) => next.open_link_picker(),
            Action::OpenDialog(dialog) => next.dialog = Some(dialog),
            Action::CloseDialog => next.dialog = None,
            Action::SetAnnotator(name) => {
                next.store = next.store.mutate(|s| s.set_annotator(&name)).0;
            }
            Action::Panel(view) => {
                next.panel = Some((view, next.panel.map_or(0, |(_, n)| n + 1)));
            }
            Action::ClosePanel => next.panel = None,
            Action::AcceptSuggestions(json) => {
                if !next.accept_suggestions(&json) {
                    return self;
                }
            }
            Action::LinkCandidate {
                n,
                as_target,
                id,
                now,
            } => {
                if !next.link_candidate(n, as_target, id, &now) {
                    return self;
                }
            }
            Action::PickerFilter(filter) => {
                if !next.set_picker_filter(filter) {
                    return self;
                }
            }
            Action::PickerMove(rows) => {
                if !next.move_picker(rows) {
                    return self;
                }
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
                next.link(&claim, &other, role, id, &now);
            }
            Action::Unlink(relation) => {
                let (store, result) = next.store.mutate(|s| s.unlink(&relation));
                next.store = store;
                if let Err(e) = result {
                    next.notice = Some(Notice::error(format!("Not unlinked: {e}.")));
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
                // Trimmed like an Alt selection: Ctrl+Shift+→ from the end of a word would
                // otherwise take the space before the next one.
                next.pending = selection_span(anchor, to)
                    .and_then(|raw| span::snap(index, raw, span::SnapMode::Exact));
                next.selected = None;
                next.choices = None;
                next.close_link_picker();
            }
            Action::TabTo { id, at } => {
                next.caret = Some(Caret {
                    at,
                    anchor: at,
                    upstream: false,
                });
                next.pending = None;
                next.choices = None;
                next.close_link_picker();
                next.announcement = next.describe(&id, "");
                next.selected = Some(id);
            }
            Action::Escape => {
                if matches!(next.dialog, Some(Dialog::Importing(_))) {
                    // Stopping an import says so, like its Cancel button.
                    next.dialog = None;
                    next.notice = Some(Notice::info(IMPORT_CANCELLED));
                } else if next.dialog.is_some() {
                    next.dialog = None;
                } else if next.choices.is_some() {
                    next.choices = None;
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
            Action::MoveFocus(target) => {
                let serial = next.focus_request.map_or(0, |r| r.serial) + 1;
                next.focus_request = Some(FocusRequest { target, serial });
            }
        }
        Rc::new(next)
    }
}
