//! The user's paths through the reducer, one behaviour per test.

use crate::support::{article_sample, span_of, LATER, NOW};
use crate::{after, state_with};
use annotator::model::anchor::AnchorReport;
use annotator::model::default_document;
use annotator::model::formats::ImportPlan;
use annotator::model::store::{link_candidates, ImportMode, Store};
use annotator::model::{Annotation, Annotations, CharOffset, CharSpan, Label, Role};
use annotator::ui::state::{
    Action, AppState, Dialog, FocusRequest, FocusTarget, ImportStage, Importing, Notice,
    SaveStatus, StagedImport, Tone,
};
use std::rc::Rc;
use yew::AttrValue;

const LAVROV: &str = "Sergey Lavrov";
const CLAIM: &str = "Russian-Armenian relations are experiencing a challenging period";

fn label(label: Label, id: &str) -> Action {
    Action::ApplyLabel {
        label,
        id: id.to_owned(),
        now: NOW.to_owned(),
    }
}

fn select(id: &str) -> Action {
    Action::Select {
        id: Some(AttrValue::from(id.to_owned())),
        reveal: false,
    }
}

fn empty() -> Rc<AppState> {
    state_with(default_document(), Store::new())
}

fn sample() -> Rc<AppState> {
    let (doc, store) = article_sample();
    state_with(doc, store)
}

fn label_of(state: &AppState, id: &str) -> Option<Label> {
    state.store.borrow().get(id).map(|a| a.label)
}

fn selected(state: &AppState) -> Option<&str> {
    state.selected.as_deref()
}

fn notice(state: &AppState) -> (Tone, &str) {
    let notice = state.notice.as_ref().expect("a notice");
    (notice.tone, notice.text.as_str())
}

#[test]
fn labelling_a_pending_span_adds_it_and_selects_it() {
    let doc = default_document();
    let span = span_of(&doc, LAVROV);
    let state = after(
        &empty(),
        [Action::SetPending(Some(span)), label(Label::Actor, "a-1")],
    );
    let store = state.store.borrow();
    let added = store.get("a-1").expect("added");
    assert_eq!((added.label, added.span), (Label::Actor, span));
    assert_eq!(selected(&state), Some("a-1"));
    assert_eq!(state.pending, None);
    assert_eq!(state.announcement, "Added actor: Sergey Lavrov");
}

#[test]
fn a_label_key_with_nothing_selected_says_what_to_do() {
    let state = after(&empty(), [label(Label::Claim, "a-1")]);
    assert!(state.store.borrow().is_empty());
    assert_eq!(
        notice(&state),
        (
            Tone::Info,
            "Select some text first, then press 2 to label it claim."
        )
    );
}

#[test]
fn the_same_span_with_the_same_label_twice_is_refused() {
    let state = sample();
    let span = state.store.borrow().get("actor-1").unwrap().span;
    let before = state.store.borrow().len();
    let state = after(
        &state,
        [Action::SetPending(Some(span)), label(Label::Actor, "dup")],
    );
    assert_eq!(state.store.borrow().len(), before);
    let (tone, text) = notice(&state);
    assert_eq!(tone, Tone::Error);
    assert!(text.starts_with("Not added"), "{text}");
    assert_eq!(
        state.pending,
        Some(span),
        "the selection stays to try again"
    );
}

#[test]
fn relabelling_the_selected_annotation_keeps_its_id() {
    // Sergey Lavrov is the sample claim's source: the relabel asks first (see linking.rs).
    let state = after(
        &sample(),
        [
            select("actor-1"),
            label(Label::Date, "unused"),
            Action::Confirm { now: LATER.into() },
        ],
    );
    assert_eq!(label_of(&state, "actor-1"), Some(Label::Date));
    assert!(state.store.borrow().get("unused").is_none());
    assert_eq!(state.announcement, "Relabelled as date: Sergey Lavrov");
}

#[test]
fn relabelling_with_the_same_label_changes_nothing_and_renders_nothing() {
    let state = after(&sample(), [select("actor-1")]);
    let again = after(&state, [label(Label::Actor, "unused")]);
    assert!(Rc::ptr_eq(&state, &again));
}

#[test]
fn delete_then_undo_then_redo() {
    let state = after(&sample(), [select("actor-1"), Action::DeleteSelected]);
    assert_eq!(label_of(&state, "actor-1"), None);
    assert_eq!(selected(&state), None);
    assert!(
        state
            .store
            .borrow()
            .links_of("claim-1")
            .iter()
            .all(|(_, a)| a.id != "actor-1"),
        "its links go with it"
    );
    assert_eq!(
        notice(&state),
        (
            Tone::Info,
            "Deleted actor: “Sergey Lavrov”. Ctrl+Z brings it back."
        )
    );

    let undone = after(&state, [Action::Undo]);
    assert_eq!(label_of(&undone, "actor-1"), Some(Label::Actor));
    assert!(undone
        .store
        .borrow()
        .links_of("claim-1")
        .iter()
        .any(|(r, a)| a.id == "actor-1" && r.role == Role::Source));
    assert_eq!(undone.announcement, "Undone");
    assert_eq!(undone.notice, None);

    let redone = after(&undone, [Action::Redo]);
    assert_eq!(label_of(&redone, "actor-1"), None);
    assert_eq!(redone.announcement, "Redone");
    let nothing_left = after(&empty(), [Action::Undo]);
    assert_eq!(nothing_left.announcement, "", "nothing to undo: no change");
}

#[test]
fn undo_forgets_a_selection_it_removed() {
    let doc = default_document();
    let span = span_of(&doc, LAVROV);
    let state = after(
        &empty(),
        [
            Action::SetPending(Some(span)),
            label(Label::Actor, "a-1"),
            Action::Undo,
        ],
    );
    assert!(state.store.borrow().is_empty());
    assert_eq!(selected(&state), None);
}

#[test]
fn a_sticky_label_toggles_and_labels_a_span_directly() {
    let state = after(&empty(), [Action::ToggleSticky(Label::Date)]);
    assert_eq!(state.sticky, Some(Label::Date));
    let state = after(&state, [Action::ToggleSticky(Label::Actor)]);
    assert_eq!(
        state.sticky,
        Some(Label::Actor),
        "another label replaces it"
    );
    let doc = default_document();
    let state = after(
        &state,
        [Action::AddSpan {
            label: Label::Actor,
            span: span_of(&doc, LAVROV),
            id: "s-1".into(),
            now: NOW.into(),
        }],
    );
    assert_eq!(label_of(&state, "s-1"), Some(Label::Actor));
    assert_eq!(selected(&state), Some("s-1"));
    let state = after(&state, [Action::ToggleSticky(Label::Actor)]);
    assert_eq!(state.sticky, None, "the same label again unpins it");
}

/// A claim, an actor and a date, none linked.
fn unlinked() -> Rc<AppState> {
    let doc = default_document();
    let mut store = Store::new();
    for (id, label, needle) in [
        ("claim", Label::Claim, CLAIM),
        ("actor", Label::Actor, LAVROV),
        ("date", Label::Date, "January 24"),
    ] {
        store
            .add(&doc.index, id.into(), label, span_of(&doc, needle), NOW)
            .unwrap();
    }
    state_with(doc, store)
}

fn candidate(state: &AppState, id: &str) -> usize {
    let store = state.store.borrow();
    link_candidates(&store, &state.doc.index, "claim")
        .iter()
        .position(|a| a.id == id)
        .expect("offered")
}

#[test]
fn the_link_picker_links_the_selected_claim_by_candidate() {
    let state = after(
        &unlinked(),
        [select("claim"), Action::OpenDialog(Dialog::link_picker())],
    );
    assert_eq!(state.dialog, Some(Dialog::link_picker()));
    let n = candidate(&state, "actor");
    let state = after(
        &state,
        [Action::LinkCandidate {
            n,
            as_target: false,
            id: "r-1".into(),
            now: LATER.into(),
        }],
    );
    assert_eq!(
        notice(&state),
        (
            Tone::Info,
            "Linked as source: “Sergey Lavrov”. Ctrl+Z undoes."
        )
    );
    let n = candidate(&state, "date");
    let state = after(
        &state,
        [Action::LinkCandidate {
            n,
            // A date is always the claim's "when", whatever Shift says.
            as_target: true,
            id: "r-2".into(),
            now: LATER.into(),
        }],
    );
    let roles: Vec<(Role, String)> = state
        .store
        .borrow()
        .links_of("claim")
        .iter()
        .map(|(r, a)| (r.role, a.id.clone()))
        .collect();
    assert!(roles.contains(&(Role::Source, "actor".into())), "{roles:?}");
    assert!(roles.contains(&(Role::When, "date".into())), "{roles:?}");
    let state = after(&state, [Action::Escape]);
    assert_eq!(state.dialog, None);
    assert_eq!(
        selected(&state),
        Some("claim"),
        "Escape closed only the picker"
    );
}

#[test]
fn shift_links_an_actor_as_the_target() {
    let state = after(&unlinked(), [select("claim")]);
    let n = candidate(&state, "actor");
    let state = after(
        &state,
        [Action::LinkCandidate {
            n,
            as_target: true,
            id: "r-1".into(),
            now: LATER.into(),
        }],
    );
    let links = state.store.borrow().links_of("claim").len();
    assert_eq!(links, 1);
    assert_eq!(
        state.store.borrow().links_of("claim")[0].0.role,
        Role::Target
    );
}

#[test]
fn the_link_picker_needs_a_selection() {
    let state = after(&unlinked(), [Action::OpenDialog(Dialog::link_picker())]);
    assert_eq!(state.dialog, None);
    assert_eq!(
        notice(&state),
        (
            Tone::Info,
            "Select a claim, an actor or a date first (click it, or j/k), then press r to link it."
        )
    );
}

#[test]
fn the_link_picker_closes_when_the_selection_moves() {
    let state = after(
        &unlinked(),
        [select("claim"), Action::OpenDialog(Dialog::link_picker())],
    );
    let same = after(&state, [select("claim")]);
    assert_eq!(same.dialog, Some(Dialog::link_picker()));
    let moved = after(&state, [select("actor")]);
    assert_eq!(moved.dialog, None);
    let by_caret = after(
        &state,
        [Action::MoveCaret {
            to: CharOffset(3),
            extend: false,
            upstream: false,
        }],
    );
    assert_eq!(by_caret.dialog, None);
}

#[test]
fn dialogs_open_and_close_one_at_a_time() {
    let state = after(&sample(), [Action::OpenDialog(Dialog::Help)]);
    assert_eq!(state.dialog, Some(Dialog::Help));
    let state = after(&state, [Action::CloseDialog]);
    assert_eq!(state.dialog, None);
    let state = after(
        &state,
        [
            Action::OpenDialog(Dialog::ClaimsTable),
            Action::OpenDialog(Dialog::Documents(None)),
        ],
    );
    assert_eq!(state.dialog, Some(Dialog::Documents(None)));
}

#[test]
fn escape_closes_the_dialog_then_drops_the_pending_span() {
    let doc = default_document();
    let span = span_of(&doc, LAVROV);
    let state = after(
        &empty(),
        [
            Action::SetPending(Some(span)),
            Action::OpenDialog(Dialog::ClaimsTable),
            Action::Escape,
        ],
    );
    assert_eq!(state.dialog, None);
    assert_eq!(state.pending, Some(span));
    let state = after(&state, [Action::Escape]);
    assert_eq!(state.pending, None);
}

#[test]
fn escape_closes_the_dialog_then_the_popover_then_the_selection_then_the_notice() {
    let ids = vec![AttrValue::from("claim-1"), AttrValue::from("inner-1")];
    let state = after(
        &sample(),
        [
            Action::Notify(Notice::info("hello")),
            Action::ClickAt {
                ids,
                at: None,
                x: 5,
                y: 6,
            },
            Action::OpenDialog(Dialog::Help),
        ],
    );
    assert_eq!(
        selected(&state),
        Some("claim-1"),
        "the first under the click"
    );
    let state = after(&state, [Action::Escape]);
    assert_eq!(
        (state.dialog.is_none(), state.choices.is_some()),
        (true, true)
    );
    let state = after(&state, [Action::Escape]);
    assert_eq!(state.choices, None);
    assert_eq!(selected(&state), Some("claim-1"));
    let state = after(&state, [Action::Escape]);
    assert_eq!(selected(&state), None);
    assert!(state.notice.is_some());
    let state = after(&state, [Action::Escape]);
    assert_eq!(state.notice, None);
    let again = after(&state, [Action::Escape]);
    assert!(Rc::ptr_eq(&state, &again), "nothing left to close");
}

fn staged(annotations: Vec<Annotation>) -> StagedImport {
    StagedImport {
        source: "old.json (JSON)".into(),
        plan: Rc::new(ImportPlan {
            content: Annotations {
                annotations,
                ..Default::default()
            },
            report: AnchorReport::default(),
            text_changed: false,
        }),
    }
}

fn imported_actor(id: &str) -> Annotation {
    let doc = default_document();
    Annotation::new(
        &doc.index,
        id.into(),
        Label::Actor,
        span_of(&doc, "Yerevan"),
        NOW,
    )
}

#[test]
fn an_import_applies_at_once_when_there_is_nothing_to_merge_with() {
    let state = after(
        &empty(),
        [Action::StageImport(staged(vec![imported_actor("i-1")]))],
    );
    assert_eq!(state.dialog, None);
    assert_eq!(label_of(&state, "i-1"), Some(Label::Actor));
    assert_eq!(
        notice(&state),
        (
            Tone::Info,
            "Imported 1 annotation from old.json (JSON). Ctrl+Z undoes the import."
        )
    );
}

#[test]
fn an_import_over_existing_work_asks_then_merges_or_cancels() {
    let import = staged(vec![imported_actor("i-1")]);
    let asking = after(&sample(), [Action::StageImport(import.clone())]);
    assert_eq!(asking.dialog, Some(Dialog::Import(import)));
    let before = asking.store.borrow().len();

    let merged = after(
        &asking,
        [Action::ConfirmImport {
            mode: ImportMode::Merge,
            fresh_ids: vec![],
        }],
    );
    assert_eq!(merged.dialog, None);
    assert_eq!(merged.store.borrow().len(), before + 1);

    // The store is shared and mutated in place, so cancel on a state that never merged.
    let asking = after(
        &sample(),
        [Action::StageImport(staged(vec![imported_actor("i-1")]))],
    );
    let cancelled = after(&asking, [Action::CancelImport]);
    assert_eq!(cancelled.dialog, None);
    assert_eq!(cancelled.store.borrow().len(), before);
    assert_eq!(
        notice(&cancelled),
        (Tone::Info, "Import cancelled. Nothing was changed.")
    );
}

#[test]
fn shift_caret_moves_select_and_a_label_key_labels_the_selection() {
    let doc = default_document();
    let span = span_of(&doc, LAVROV);
    let caret = |to: CharOffset, extend: bool| Action::MoveCaret {
        to,
        extend,
        upstream: false,
    };
    let state = after(&empty(), [caret(span.start, false), caret(span.end, true)]);
    assert_eq!(state.pending, Some(span));
    let caret_now = state.caret.unwrap();
    assert_eq!((caret_now.anchor, caret_now.at), (span.start, span.end));

    let state = after(&state, [label(Label::Actor, "k-1")]);
    assert_eq!(state.store.borrow().get("k-1").unwrap().span, span);
    let caret_now = state.caret.unwrap();
    assert_eq!(
        (caret_now.anchor, caret_now.at),
        (span.end, span.end),
        "the caret stays; the next Shift-selection starts from it"
    );
}

#[test]
fn keyboard_selections_lose_the_whitespace_at_their_edges() {
    let doc = default_document();
    let spaced = span_of(&doc, " Sergey Lavrov ");
    let caret = |to: CharOffset, extend: bool| Action::MoveCaret {
        to,
        extend,
        upstream: false,
    };
    let state = after(
        &empty(),
        [caret(spaced.start, false), caret(spaced.end, true)],
    );
    assert_eq!(state.pending, Some(span_of(&doc, LAVROV)));
    assert_eq!(
        state.caret.map(|c| (c.anchor, c.at)),
        Some((spaced.start, spaced.end)),
        "the caret itself stays where the keys put it"
    );
    let state = after(&state, [label(Label::Actor, "k-1"), Action::DeleteSelected]);
    assert_eq!(
        state.notice.as_ref().map(|n| n.text.as_str()),
        Some("Deleted actor: “Sergey Lavrov”. Ctrl+Z brings it back.")
    );

    // Only the space between two words: nothing to label.
    let space = CharSpan::at(spaced.start.0, spaced.start.0 + 1);
    let state = after(
        &empty(),
        [caret(space.start, false), caret(space.end, true)],
    );
    assert_eq!(state.pending, None);
}

#[test]
fn a_click_puts_the_caret_where_it_landed_and_a_drag_at_its_end() {
    let doc = default_document();
    let lavrov = span_of(&doc, LAVROV);
    let start = after(
        &empty(),
        [Action::MoveCaret {
            to: CharOffset(0),
            extend: false,
            upstream: false,
        }],
    );
    let clicked = after(
        &start,
        [Action::ClickAt {
            ids: Vec::new(),
            at: Some(lavrov.end),
            x: 0,
            y: 0,
        }],
    );
    assert_eq!(
        clicked.caret.map(|c| (c.anchor, c.at)),
        Some((lavrov.end, lavrov.end))
    );
    let dragged = after(&start, [Action::SetPending(Some(lavrov))]);
    assert_eq!(
        dragged.caret.map(|c| (c.anchor, c.at)),
        Some((lavrov.start, lavrov.end))
    );
    // A click outside the text (no offset) leaves the caret alone.
    let elsewhere = after(
        &dragged,
        [Action::ClickAt {
            ids: Vec::new(),
            at: None,
            x: 0,
            y: 0,
        }],
    );
    assert_eq!(elsewhere.caret, dragged.caret);
}

#[test]
fn tab_to_selects_an_annotation_and_puts_the_caret_at_its_start() {
    let state = sample();
    let start = state.store.borrow().get("actor-1").unwrap().span.start;
    let state = after(
        &state,
        [Action::TabTo {
            id: "actor-1".into(),
            at: start,
        }],
    );
    assert_eq!(selected(&state), Some("actor-1"));
    assert_eq!(state.caret.map(|c| (c.at, c.anchor)), Some((start, start)));
    assert_eq!(state.announcement, "actor: Sergey Lavrov");
}

#[test]
fn every_focus_request_is_a_new_one() {
    let state = after(
        &empty(),
        [
            Action::MoveFocus(FocusTarget::NoteField),
            Action::MoveFocus(FocusTarget::NoteField),
        ],
    );
    assert_eq!(
        state.focus_request,
        Some(FocusRequest {
            target: FocusTarget::NoteField,
            serial: 2
        })
    );
}

#[test]
fn a_failed_save_shows_and_a_paused_save_stays_paused() {
    let failed = after(&empty(), [Action::SaveResult(Err("quota".into()))]);
    assert_eq!(failed.save, SaveStatus::Failed("quota".into()));
    let saved = after(&failed, [Action::SaveResult(Ok(7))]);
    assert_eq!(saved.save, SaveStatus::Saved);
    assert_eq!(
        saved.saved_revision, 7,
        "the confirmed revision is what the status compares"
    );
    let paused = after(
        &empty(),
        [
            Action::PauseSaving("unreadable".into()),
            Action::SaveResult(Ok(1)),
        ],
    );
    assert_eq!(paused.save, SaveStatus::Paused("unreadable".into()));
}

#[test]
fn another_tabs_merge_replaces_the_work_and_drops_a_vanished_selection() {
    let state = after(&sample(), [select("actor-1")]);
    let kept: Vec<Annotation> = state
        .store
        .borrow()
        .annotations()
        .iter()
        .filter(|a| a.id != "actor-1")
        .cloned()
        .collect();
    let state = after(
        &state,
        [Action::Sync(Annotations {
            annotations: kept,
            ..Default::default()
        })],
    );
    assert_eq!(label_of(&state, "actor-1"), None);
    assert_eq!(selected(&state), None);
    assert_eq!(notice(&state).0, Tone::Info);
}

#[test]
fn a_note_edit_that_changes_nothing_renders_nothing() {
    let state = sample();
    let note = state.store.borrow().get("actor-1").unwrap().note.clone();
    let again = after(
        &state,
        [Action::SetNote {
            id: "actor-1".into(),
            note,
            now: LATER.into(),
        }],
    );
    assert!(Rc::ptr_eq(&state, &again));
    let changed = after(
        &state,
        [Action::SetNote {
            id: "actor-1".into(),
            note: "new".into(),
            now: LATER.into(),
        }],
    );
    assert_eq!(changed.store.borrow().get("actor-1").unwrap().note, "new");
}

fn importing(job: u32) -> Action {
    Action::OpenDialog(Dialog::Importing(Importing {
        job,
        source: "big.json".to_owned(),
        stage: ImportStage::Reading,
    }))
}

fn placing(job: u32, done: usize, total: usize) -> Action {
    Action::ImportProgress {
        job,
        stage: ImportStage::Placing { done, total },
    }
}

#[test]
fn an_import_under_way_shows_its_progress_and_ignores_another_jobs() {
    let state = after(&sample(), [importing(7), placing(7, 1_000, 4_000)]);
    let Some(Dialog::Importing(shown)) = &state.dialog else {
        panic!("the progress dialog is open");
    };
    assert_eq!(
        shown.stage,
        ImportStage::Placing {
            done: 1_000,
            total: 4_000
        }
    );
    assert_eq!(
        shown.stage.describe(),
        "Placing 1,000 of 4,000 annotations… 25 %"
    );
    assert_eq!(ImportStage::Reading.describe(), "Reading the file…");
    // A cancelled job's late progress changes nothing, nor does progress with no dialog.
    assert!(Rc::ptr_eq(
        &after(&state, [placing(6, 2_000, 4_000)]),
        &state
    ));
    let closed = after(&state, [Action::CancelImport]);
    assert!(Rc::ptr_eq(
        &after(&closed, [placing(7, 2_000, 4_000)]),
        &closed
    ));
    assert_eq!(
        ImportStage::Placing {
            done: 199_999,
            total: 200_000
        }
        .describe(),
        "Placing 199,999 of 200,000 annotations… 99 %"
    );
}

#[test]
fn cancel_or_escape_stops_an_import_under_way_and_nothing_changes() {
    let before = sample();
    for stop in [Action::CancelImport, Action::Escape] {
        let stopped = after(&before, [importing(1), placing(1, 10, 20), stop]);
        assert_eq!(stopped.dialog, None);
        assert_eq!(stopped.store.borrow().len(), before.store.borrow().len());
        assert_eq!(stopped.store.revision(), before.store.revision());
        assert_eq!(
            notice(&stopped),
            (Tone::Info, "Import cancelled. Nothing was changed.")
        );
    }
}

#[test]
fn once_every_annotation_is_placed_the_dialog_says_they_go_to_the_page() {
    let all = ImportStage::Placing {
        done: 4_000,
        total: 4_000,
    };
    assert_eq!(
        all.describe(),
        "Placed 4,000 annotations; handing them to the page…"
    );
    let none = ImportStage::Placing { done: 0, total: 0 };
    assert_eq!(
        none.describe(),
        "Placed 0 annotations; handing them to the page…"
    );
}
