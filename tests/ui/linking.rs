//! The link picker in both directions with its filter and keys, and the confirmations before
//! a relabel that drops links and before *Delete all*.

use crate::support::{article_sample, mfa_sample, LATER, NOW};
use crate::{after, state_with};
use annotator::model::store::Store;
use annotator::model::{Label, Role};
use annotator::ui::keys::{action_for_key, KeyContext, KeyFocus, KeyPress};
use annotator::ui::state::{Action, AppState, Confirm, Dialog, Picker, Tone};
use std::rc::Rc;
use yew::AttrValue;

struct Context;

impl KeyContext for Context {
    fn line_neighbour(
        &self,
        _: annotator::model::CharOffset,
        _: bool,
        _: bool,
    ) -> Option<annotator::model::CharOffset> {
        None
    }
    fn line_edge(
        &self,
        _: annotator::model::CharOffset,
        _: bool,
        _: bool,
    ) -> Option<annotator::model::CharOffset> {
        None
    }
    fn fresh_id(&self) -> String {
        "id-1".to_owned()
    }
    fn now(&self) -> String {
        NOW.to_owned()
    }
}

fn select(id: &str) -> Action {
    Action::Select {
        id: Some(AttrValue::from(id.to_owned())),
        reveal: false,
    }
}

fn pick(n: usize, as_target: bool) -> Action {
    Action::LinkCandidate {
        n,
        as_target,
        id: format!("link-{n}-{as_target}"),
        now: LATER.into(),
    }
}

fn mfa() -> Rc<AppState> {
    let (doc, store) = mfa_sample();
    state_with(doc, store)
}

fn picker_on(id: &str) -> Rc<AppState> {
    after(
        &mfa(),
        [select(id), Action::OpenDialog(Dialog::link_picker())],
    )
}

fn picker(state: &AppState) -> Picker {
    match &state.dialog {
        Some(Dialog::LinkPicker(picker)) => picker.clone(),
        other => panic!("the picker is not open: {other:?}"),
    }
}

/// The links of a claim as (role, other end's id).
fn links(state: &AppState, claim: &str) -> Vec<(Role, String)> {
    state
        .store
        .borrow()
        .links_of(claim)
        .iter()
        .map(|(r, a)| (r.role, a.id.clone()))
        .collect()
}

fn in_filter(key: &str, code: &str, shift: bool) -> KeyPress {
    KeyPress {
        code: code.to_owned(),
        shift,
        focus: KeyFocus::Field,
        ..KeyPress::plain(key)
    }
}

fn map(press: &KeyPress, state: &AppState) -> Option<Action> {
    action_for_key(press, state, &Context)
}

#[test]
fn typing_in_the_filter_reaches_a_date_beyond_the_first_nine() {
    // The case: "January 24" for the MFA's fifth claim.
    let state = picker_on("mfa-5");
    let state = after(&state, [Action::PickerFilter("jan 24".into())]);
    assert_eq!(picker(&state).filter, "jan 24");
    assert_eq!(state.announcement, "1 match");
    let state = after(&state, [pick(0, false)]);
    assert_eq!(links(&state, "mfa-5"), [(Role::When, "jan24".to_owned())]);
    assert!(
        state.dialog.is_some(),
        "the picker stays open for more links"
    );
}

#[test]
fn january_24_links_to_each_of_the_mfas_claims() {
    let mut state = mfa();
    for claim in ["mfa-1", "mfa-2", "mfa-3", "mfa-4", "mfa-5", "mfa-6"] {
        state = after(
            &state,
            [
                select(claim),
                Action::OpenDialog(Dialog::link_picker()),
                Action::PickerFilter("January 24".into()),
                pick(0, false),
                Action::Escape,
            ],
        );
        assert_eq!(
            links(&state, claim),
            [(Role::When, "jan24".to_owned())],
            "{claim}"
        );
    }
}

#[test]
fn arrows_move_the_active_row_within_the_list_and_enter_links_it() {
    let state = picker_on("mfa-1");
    let total = {
        let store = state.store.borrow();
        store
            .annotations()
            .iter()
            .filter(|a| a.label != Label::Claim)
            .count()
    };
    let state = after(&state, [Action::PickerMove(-1)]);
    assert_eq!(picker(&state).active, 0, "no row above the first");
    let state = after(&state, [Action::PickerMove(1), Action::PickerMove(1)]);
    assert_eq!(picker(&state).active, 2);
    assert!(
        state.announcement.starts_with(&format!("3 of {total}: ")),
        "{}",
        state.announcement
    );
    let state = after(&state, [Action::PickerMove(1000)]);
    assert_eq!(
        picker(&state).active,
        total - 1,
        "every actor and date is reachable"
    );
    let enter = map(&in_filter("Enter", "Enter", false), &state);
    assert_eq!(
        enter,
        Some(Action::LinkCandidate {
            n: total - 1,
            as_target: false,
            id: "id-1".into(),
            now: NOW.into()
        })
    );
    // A new filter starts again at its first match.
    let state = after(&state, [Action::PickerFilter("lavrov".into())]);
    assert_eq!(picker(&state).active, 0);
}

#[test]
fn a_date_links_to_a_claim_as_its_when_and_an_actor_as_source_or_target() {
    let state = picker_on("dec18");
    // The claim in the date's own sentence comes first.
    let state = after(&state, [pick(0, false)]);
    assert_eq!(
        links(&state, "aliyev-claim"),
        [(Role::When, "dec18".to_owned())]
    );
    assert_eq!(
        state.notice.as_ref().map(|n| (n.tone, n.text.as_str())),
        Some((
            Tone::Info,
            "Linked as when: “December 18, 2024”. Ctrl+Z undoes."
        ))
    );
    let state = after(
        &state,
        [
            select("aliyev"),
            Action::OpenDialog(Dialog::link_picker()),
            pick(0, false),
        ],
    );
    assert_eq!(
        links(&state, "aliyev-claim")[0],
        (Role::Source, "aliyev".to_owned())
    );
    let state = after(
        &state,
        [
            select("pashinyan"),
            Action::OpenDialog(Dialog::link_picker()),
            Action::PickerFilter("leave the CSTO as soon".into()),
            pick(0, true),
        ],
    );
    assert!(links(&state, "aliyev-claim").contains(&(Role::Target, "pashinyan".to_owned())));
    // One undo takes back one link.
    let state = after(&state, [Action::Undo]);
    assert!(!links(&state, "aliyev-claim").contains(&(Role::Target, "pashinyan".to_owned())));
}

#[test]
fn picker_keys_in_the_filter_field() {
    let state = picker_on("mfa-1");
    let link = |n: usize, as_target: bool| {
        Some(Action::LinkCandidate {
            n,
            as_target,
            id: "id-1".into(),
            now: NOW.into(),
        })
    };
    // Empty filter: digits pick, Shift+digit as target; letters type.
    assert_eq!(
        map(&in_filter("3", "Digit3", false), &state),
        link(2, false)
    );
    assert_eq!(map(&in_filter("#", "Digit3", true), &state), link(2, true));
    assert_eq!(
        map(&in_filter("j", "KeyJ", false), &state),
        None,
        "letters type"
    );
    assert_eq!(
        map(&in_filter(" ", "Space", false), &state),
        None,
        "a space types"
    );
    assert_eq!(
        map(&in_filter("ArrowDown", "ArrowDown", false), &state),
        Some(Action::PickerMove(1))
    );
    assert_eq!(
        map(&in_filter("ArrowUp", "ArrowUp", false), &state),
        Some(Action::PickerMove(-1))
    );
    assert_eq!(
        map(&in_filter("Enter", "Enter", true), &state),
        link(0, true)
    );
    assert_eq!(
        map(&in_filter("Escape", "Escape", false), &state),
        Some(Action::Escape)
    );
    let ctrl_z = KeyPress {
        ctrl: true,
        ..in_filter("z", "KeyZ", false)
    };
    assert_eq!(
        map(&ctrl_z, &state),
        Some(Action::Undo),
        "nothing typed to undo: the app's undo"
    );
    // With text in the filter, digits type ("2024"), and Ctrl+Z is the field's.
    let typed = after(&state, [Action::PickerFilter(" ".into())]);
    assert_eq!(map(&in_filter("2", "Digit2", false), &typed), None);
    assert_eq!(map(&ctrl_z, &typed), None);
    assert_eq!(
        map(&in_filter("Enter", "Enter", false), &typed),
        link(0, false)
    );
    // Outside the field (a role button has the focus), Enter is the button's.
    let on_button = KeyPress {
        focus: KeyFocus::Elsewhere,
        ..in_filter("Enter", "Enter", false)
    };
    assert_eq!(map(&on_button, &state), None);
    let digit_on_button = KeyPress {
        focus: KeyFocus::Elsewhere,
        ..in_filter("1", "Digit1", false)
    };
    assert_eq!(map(&digit_on_button, &state), link(0, false));
}

fn linked_sample() -> Rc<AppState> {
    let (doc, store) = article_sample();
    state_with(doc, store)
}

#[test]
fn relabelling_an_annotation_with_links_asks_first_and_says_what_goes() {
    let state = after(
        &linked_sample(),
        [
            select("actor-1"),
            Action::ApplyLabel {
                label: Label::Claim,
                id: "unused".into(),
                now: LATER.into(),
            },
        ],
    );
    assert_eq!(
        state.dialog,
        Some(Dialog::Confirm(Confirm::Relabel {
            id: "actor-1".into(),
            label: Label::Claim,
            lost: vec![
                "source of “Russian-Armenian relations are experiencing a challenging p…”".into()
            ],
        }))
    );
    assert_eq!(
        state.store.borrow().get("actor-1").unwrap().label,
        Label::Actor,
        "nothing yet"
    );
    assert_eq!(links(&state, "claim-1").len(), 3);

    let cancelled = after(&state, [Action::Escape]);
    assert_eq!(cancelled.dialog, None);
    assert_eq!(
        cancelled.store.borrow().get("actor-1").unwrap().label,
        Label::Actor
    );
    assert_eq!(links(&cancelled, "claim-1").len(), 3);

    let done = after(&state, [Action::Confirm { now: LATER.into() }]);
    assert_eq!(done.dialog, None);
    assert_eq!(
        done.store.borrow().get("actor-1").unwrap().label,
        Label::Claim
    );
    assert_eq!(links(&done, "claim-1").len(), 2);
    assert_eq!(done.announcement, "Relabelled as claim: Sergey Lavrov");
    assert_eq!(
        done.notice.as_ref().map(|n| n.text.as_str()),
        Some("Relabelled as claim and removed 1 link. Ctrl+Z undoes both.")
    );
    // One undo brings back the label and the link.
    let undone = after(&done, [Action::Undo]);
    assert_eq!(
        undone.store.borrow().get("actor-1").unwrap().label,
        Label::Actor
    );
    assert_eq!(links(&undone, "claim-1").len(), 3);
}

#[test]
fn relabelling_a_claim_names_its_own_links_and_one_without_links_does_not_ask() {
    let state = after(
        &linked_sample(),
        [
            select("claim-1"),
            Action::ApplyLabel {
                label: Label::Actor,
                id: "unused".into(),
                now: LATER.into(),
            },
        ],
    );
    let Some(Dialog::Confirm(Confirm::Relabel { lost, .. })) = &state.dialog else {
        panic!("asks: {:?}", state.dialog);
    };
    assert_eq!(
        lost,
        &[
            "its source “Sergey Lavrov”",
            "its target “Russian-Armenian”",
            "its when “January 24”"
        ]
    );
    let (doc, mut store) = article_sample();
    store.unlink("source-1").unwrap();
    let state = after(
        &state_with(doc, store),
        [
            select("actor-1"),
            Action::ApplyLabel {
                label: Label::Date,
                id: "unused".into(),
                now: LATER.into(),
            },
        ],
    );
    assert_eq!(state.dialog, None);
    assert_eq!(
        state.store.borrow().get("actor-1").unwrap().label,
        Label::Date
    );
}

#[test]
fn delete_all_asks_naming_the_count_and_stays_undoable() {
    let state = after(&linked_sample(), [Action::ClearAll]);
    assert_eq!(
        state.dialog,
        Some(Dialog::Confirm(Confirm::DeleteAll {
            annotations: 4,
            orphans: 0,
            links: 3
        }))
    );
    assert_eq!(state.store.borrow().len(), 4, "nothing deleted yet");
    let cancelled = after(&state, [Action::CloseDialog]);
    assert_eq!(cancelled.store.borrow().len(), 4);
    let done = after(&state, [Action::Confirm { now: LATER.into() }]);
    assert!(done.store.borrow().is_empty());
    assert_eq!(done.dialog, None);
    assert_eq!(
        done.notice.as_ref().map(|n| n.text.as_str()),
        Some("Deleted all 4 annotations. Ctrl+Z brings them back (until the page is reloaded).")
    );
    let undone = after(&done, [Action::Undo]);
    assert_eq!(undone.store.borrow().len(), 4);
    assert_eq!(links(&undone, "claim-1").len(), 3);
    // Nothing to delete: no question.
    let empty = state_with(annotator::model::default_document(), Store::new());
    let same = after(&empty, [Action::ClearAll]);
    assert!(Rc::ptr_eq(&empty, &same));
}
