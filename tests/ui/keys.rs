//! The key map: which key, where, in which state, asks for what.

use crate::support::{article_sample, span_of, NOW};
use crate::{after, state_with};
use annotator::model::caret::{move_caret, Move};
use annotator::model::span::{Direction, Edge};
use annotator::model::store::Store;
use annotator::model::{default_document, CharOffset, Label};
use annotator::ui::keys::{action_for_key, KeyContext, KeyFocus, KeyPress};
use annotator::ui::state::{Action, AppState, Dialog, FocusTarget, Notice};
use std::cell::Cell;
use std::rc::Rc;
use yew::AttrValue;

/// No layout (as before the first paint), numbered ids and a fixed time.
#[derive(Default)]
struct Context {
    /// What the layout says is one line below or above, and the line's edge.
    line: Option<CharOffset>,
    ids: Cell<u32>,
}

impl KeyContext for Context {
    fn line_neighbour(&self, _: CharOffset, _: bool, _: bool) -> Option<CharOffset> {
        self.line
    }
    fn line_edge(&self, _: CharOffset, _: bool, _: bool) -> Option<CharOffset> {
        self.line
    }
    fn fresh_id(&self) -> String {
        self.ids.set(self.ids.get() + 1);
        format!("id-{}", self.ids.get())
    }
    fn now(&self) -> String {
        NOW.to_owned()
    }
}

fn press(key: &str) -> KeyPress {
    KeyPress::plain(key)
}

fn shift(key: &str, code: &str) -> KeyPress {
    KeyPress {
        shift: true,
        code: code.to_owned(),
        ..press(key)
    }
}

fn ctrl(key: &str) -> KeyPress {
    KeyPress {
        ctrl: true,
        ..press(key)
    }
}

fn in_text(press: KeyPress) -> KeyPress {
    KeyPress {
        focus: KeyFocus::ArticleText,
        ..press
    }
}

fn focused(press: KeyPress, focus: KeyFocus) -> KeyPress {
    KeyPress { focus, ..press }
}

fn map(press: &KeyPress, state: &AppState) -> Option<Action> {
    action_for_key(press, state, &Context::default())
}

fn sample() -> Rc<AppState> {
    let (doc, store) = article_sample();
    state_with(doc, store)
}

fn empty() -> Rc<AppState> {
    state_with(default_document(), Store::new())
}

fn selecting(id: &str) -> Rc<AppState> {
    after(
        &sample(),
        [Action::Select {
            id: Some(AttrValue::from(id.to_owned())),
            reveal: false,
        }],
    )
}

fn with_dialog(dialog: Dialog) -> Rc<AppState> {
    after(&selecting("claim-1"), [Action::OpenDialog(dialog)])
}

fn caret_at(state: &Rc<AppState>, at: usize) -> Rc<AppState> {
    after(
        state,
        [Action::MoveCaret {
            to: CharOffset(at),
            extend: false,
            upstream: false,
        }],
    )
}

fn apply(label: Label, id: &str) -> Option<Action> {
    Some(Action::ApplyLabel {
        label,
        id: id.to_owned(),
        now: NOW.to_owned(),
    })
}

#[test]
fn digits_and_letters_label_with_a_fresh_id_and_the_time() {
    let state = empty();
    let context = Context::default();
    let mut labelled = Vec::new();
    for key in ["1", "a", "2", "c", "3", "d", "D"] {
        labelled.push(action_for_key(&press(key), &state, &context));
    }
    assert_eq!(
        labelled,
        [
            apply(Label::Actor, "id-1"),
            apply(Label::Actor, "id-2"),
            apply(Label::Claim, "id-3"),
            apply(Label::Claim, "id-4"),
            apply(Label::Date, "id-5"),
            apply(Label::Date, "id-6"),
            apply(Label::Date, "id-7"),
        ]
    );
    assert_eq!(
        map(&press("x"), &state),
        None,
        "other keys stay the browser's"
    );
}

#[test]
fn shift_digits_pin_a_label_by_the_physical_key() {
    let state = empty();
    assert_eq!(
        map(&shift("!", "Digit1"), &state),
        Some(Action::ToggleSticky(Label::Actor))
    );
    assert_eq!(
        map(&shift("@", "Digit2"), &state),
        Some(Action::ToggleSticky(Label::Claim))
    );
    assert_eq!(
        map(&shift("3", "Numpad3"), &state),
        Some(Action::ToggleSticky(Label::Date))
    );
    assert_eq!(map(&shift("$", "Digit4"), &state), None);
}

#[test]
fn shortcuts_are_ignored_while_typing_in_a_field() {
    let state = selecting("actor-1");
    for key in [
        "1",
        "a",
        "j",
        "n",
        "r",
        "t",
        "?",
        "Delete",
        "Backspace",
        "Escape",
    ] {
        for field in [KeyFocus::Field, KeyFocus::NoteField] {
            let typed = focused(press(key), field);
            if key == "Escape" && field == KeyFocus::NoteField {
                continue;
            }
            assert_eq!(map(&typed, &state), None, "{key} in {field:?}");
        }
    }
    let undo_in_field = focused(ctrl("z"), KeyFocus::Field);
    assert_eq!(map(&undo_in_field, &state), None, "the field's own undo");
}

#[test]
fn escape_in_a_dialogs_field_closes_it_but_not_the_documents_form() {
    let escape = focused(press("Escape"), KeyFocus::Field);
    for dialog in [Dialog::Help, Dialog::ClaimsTable, Dialog::LibraryClaims] {
        assert_eq!(
            map(&escape, &with_dialog(dialog.clone())),
            Some(Action::Escape),
            "{dialog:?}"
        );
    }
    assert_eq!(map(&escape, &with_dialog(Dialog::Documents(None))), None);
}

#[test]
fn escape_in_the_note_goes_back_to_the_text() {
    let escape = focused(press("Escape"), KeyFocus::NoteField);
    assert_eq!(
        map(&escape, &selecting("actor-1")),
        Some(Action::MoveFocus(FocusTarget::ArticleText))
    );
}

#[test]
fn n_asks_for_the_note_of_the_selected_annotation() {
    assert_eq!(
        map(&press("n"), &selecting("actor-1")),
        Some(Action::MoveFocus(FocusTarget::NoteField))
    );
    assert_eq!(map(&press("n"), &sample()), None, "nothing selected");
}

#[test]
fn alt_and_input_method_composition_leave_keys_to_the_browser() {
    let state = empty();
    let alt = KeyPress {
        alt: true,
        ..press("1")
    };
    let composing = KeyPress {
        composing: true,
        ..press("1")
    };
    assert_eq!(map(&alt, &state), None);
    assert_eq!(map(&composing, &state), None);
}

#[test]
fn an_open_dialog_takes_only_escape() {
    for dialog in [
        Dialog::Help,
        Dialog::ClaimsTable,
        Dialog::LibraryClaims,
        Dialog::Documents(None),
    ] {
        let state = with_dialog(dialog.clone());
        assert_eq!(map(&press("1"), &state), None, "{dialog:?}");
        assert_eq!(map(&ctrl("z"), &state), None, "{dialog:?}");
        assert_eq!(map(&in_text(press("ArrowRight")), &state), None);
        assert_eq!(map(&press("Escape"), &state), Some(Action::Escape));
    }
}

#[test]
fn the_link_picker_takes_digit_row_keys_and_shift_for_the_target() {
    let state = with_dialog(Dialog::link_picker());
    let digit = |key: &str, code: &str| KeyPress {
        code: code.to_owned(),
        ..press(key)
    };
    let link = |n: usize, as_target: bool| {
        Some(Action::LinkCandidate {
            n,
            as_target,
            id: "id-1".into(),
            now: NOW.into(),
        })
    };
    assert_eq!(map(&digit("2", "Digit2"), &state), link(1, false));
    assert_eq!(map(&shift("!", "Digit1"), &state), link(0, true));
    assert_eq!(map(&digit("0", "Digit0"), &state), None);
    assert_eq!(map(&digit("1", "Numpad1"), &state), None);
    assert_eq!(map(&press("a"), &state), None, "letters do not label here");
    assert_eq!(map(&press("Escape"), &state), Some(Action::Escape));
    assert_eq!(
        map(&ctrl("z"), &state),
        Some(Action::Undo),
        "undo works with the picker open"
    );
}

#[test]
fn ctrl_keys_undo_redo_and_answer_save() {
    let state = empty();
    assert_eq!(map(&ctrl("z"), &state), Some(Action::Undo));
    let ctrl_shift_z = KeyPress {
        shift: true,
        ..ctrl("Z")
    };
    assert_eq!(map(&ctrl_shift_z, &state), Some(Action::Redo));
    assert_eq!(map(&ctrl("y"), &state), Some(Action::Redo));
    assert_eq!(
        map(&ctrl("s"), &state),
        Some(Action::Notify(Notice::info(
            "No need to save: every change is saved in this browser as you make it."
        )))
    );
    assert_eq!(map(&ctrl("1"), &state), None);
}

#[test]
fn the_other_letter_keys() {
    let state = selecting("actor-1");
    assert_eq!(map(&press("Escape"), &state), Some(Action::Escape));
    assert_eq!(
        map(&press("?"), &state),
        Some(Action::OpenDialog(Dialog::Help))
    );
    assert_eq!(
        map(&press("r"), &state),
        Some(Action::OpenDialog(Dialog::link_picker()))
    );
    assert_eq!(
        map(&press("t"), &state),
        Some(Action::OpenDialog(Dialog::ClaimsTable))
    );
    assert_eq!(map(&press("Delete"), &state), Some(Action::DeleteSelected));
    assert_eq!(
        map(&press("Backspace"), &state),
        Some(Action::DeleteSelected)
    );
    assert_eq!(map(&press("Delete"), &sample()), None, "nothing to delete");
}

#[test]
fn j_and_k_step_through_the_annotations_shown() {
    let state = after(&sample(), [Action::SetFilter(Some(Label::Actor))]);
    let select = |id: &str| {
        Some(Action::Select {
            id: Some(AttrValue::from(id.to_owned())),
            reveal: true,
        })
    };
    let actors: Vec<String> = state
        .store
        .borrow()
        .annotations()
        .iter()
        .filter(|a| a.label == Label::Actor)
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(actors.len(), 2);
    assert_eq!(map(&press("j"), &state), select(&actors[0]));
    assert_eq!(map(&press("k"), &state), select(&actors[1]), "from the end");
    let on_last = after(
        &state,
        [Action::Select {
            id: Some(actors[1].clone().into()),
            reveal: false,
        }],
    );
    assert_eq!(
        map(&press("j"), &on_last),
        select(&actors[1]),
        "stays at the end"
    );
    assert_eq!(map(&press("j"), &empty()), None);
}

#[test]
fn arrows_in_the_text_move_the_caret_and_shift_extends() {
    let state = caret_at(&empty(), 0);
    let index = &state.doc.index;
    let moved = |to: CharOffset, extend: bool| {
        Some(Action::MoveCaret {
            to,
            extend,
            upstream: false,
        })
    };
    assert_eq!(
        map(&in_text(press("ArrowRight")), &state),
        moved(CharOffset(1), false)
    );
    assert_eq!(
        map(&in_text(shift("ArrowRight", "ArrowRight")), &state),
        moved(CharOffset(1), true)
    );
    let by_word = move_caret(index, CharOffset(0), Move::for_arrow(false, true, false));
    assert!(by_word.0 > 1);
    assert_eq!(
        map(&in_text(ctrl("ArrowRight")), &state),
        moved(by_word, false)
    );
    assert_eq!(
        map(&press("ArrowRight"), &state),
        None,
        "outside the text the arrows scroll"
    );
}

#[test]
fn up_and_down_follow_the_layout_and_fall_back_to_the_text_ends() {
    let state = caret_at(&empty(), 10);
    let end = move_caret(&state.doc.index, CharOffset(10), Move::TextEnd);
    let to = |at: CharOffset| {
        Some(Action::MoveCaret {
            to: at,
            extend: false,
            upstream: false,
        })
    };
    assert_eq!(map(&in_text(press("ArrowDown")), &state), to(end));
    assert_eq!(map(&in_text(press("ArrowUp")), &state), to(CharOffset(0)));
    let laid_out = Context {
        line: Some(CharOffset(42)),
        ..Context::default()
    };
    assert_eq!(
        action_for_key(&in_text(press("ArrowDown")), &state, &laid_out),
        to(CharOffset(42))
    );
}

#[test]
fn home_and_end_go_to_the_line_and_with_ctrl_to_the_text() {
    let state = caret_at(&empty(), 10);
    let index = &state.doc.index;
    let text_end = move_caret(index, CharOffset(10), Move::TextEnd);
    let paragraph_end = move_caret(index, CharOffset(10), Move::ParagraphEnd);
    assert_eq!(
        map(&in_text(ctrl("End")), &state),
        Some(Action::MoveCaret {
            to: text_end,
            extend: false,
            upstream: false
        })
    );
    assert_eq!(
        map(&in_text(press("End")), &state),
        Some(Action::MoveCaret {
            to: paragraph_end,
            extend: false,
            upstream: true
        }),
        "the end of a line keeps to that line"
    );
    assert_eq!(
        map(&in_text(press("Home")), &state),
        Some(Action::MoveCaret {
            to: move_caret(index, CharOffset(10), Move::ParagraphStart),
            extend: false,
            upstream: false
        })
    );
}

#[test]
fn enter_selects_the_innermost_annotation_under_the_caret() {
    let state = sample();
    let inner = state.store.borrow().get("inner-1").unwrap().span;
    let state = caret_at(&state, inner.start.0 + 1);
    assert_eq!(
        map(&in_text(press("Enter")), &state),
        Some(Action::Select {
            id: Some("inner-1".into()),
            reveal: false
        })
    );
    assert_eq!(map(&in_text(press("Enter")), &caret_at(&state, 0)), None);
}

#[test]
fn tab_steps_through_annotations_and_leaves_the_text_after_the_last() {
    let state = caret_at(&sample(), 0);
    let (first, last) = {
        let store = state.store.borrow();
        let all = store.annotations();
        (all[0].clone(), all[all.len() - 1].clone())
    };
    assert_eq!(
        map(&in_text(press("Tab")), &state),
        Some(Action::TabTo {
            id: first.id.clone().into(),
            at: first.span.start
        })
    );
    let on_last = selecting(&last.id);
    assert_eq!(map(&in_text(press("Tab")), &on_last), None);
    let on_first = selecting(&first.id);
    assert_eq!(map(&in_text(shift("Tab", "Tab")), &on_first), None);
}

#[test]
fn shift_arrows_move_the_selected_annotations_edges_instead_of_the_caret() {
    let state = selecting("actor-1");
    let nudge = |edge: Edge, direction: Direction| {
        Some(Action::Nudge {
            edge,
            direction,
            now: NOW.into(),
        })
    };
    for focus in [KeyFocus::ArticleText, KeyFocus::Elsewhere] {
        let end_back = focused(shift("ArrowLeft", "ArrowLeft"), focus);
        assert_eq!(
            map(&end_back, &state),
            nudge(Edge::End, Direction::Backward)
        );
        let start_forward = KeyPress {
            ctrl: true,
            ..focused(shift("ArrowRight", "ArrowRight"), focus)
        };
        assert_eq!(
            map(&start_forward, &state),
            nudge(Edge::Start, Direction::Forward)
        );
    }
}

/// Ctrl+Shift+→ in the text, carried out: the key's action applied to the state.
fn select_word_forward(state: &Rc<AppState>) -> Rc<AppState> {
    let key = KeyPress {
        ctrl: true,
        ..in_text(shift("ArrowRight", "ArrowRight"))
    };
    let action = map(&key, state).expect("a caret move");
    after(state, [action])
}

#[test]
fn after_a_click_ctrl_shift_right_selects_from_the_click() {
    let state = caret_at(&empty(), 0);
    let sergey = span_of(&state.doc, "Sergey");
    let clicked = after(
        &state,
        [Action::ClickAt {
            ids: Vec::new(),
            at: Some(sergey.start),
            x: 1,
            y: 2,
        }],
    );
    let caret = clicked.caret.unwrap();
    assert_eq!((caret.anchor, caret.at), (sergey.start, sergey.start));
    let selected = select_word_forward(&clicked);
    assert_eq!(
        selected.pending,
        Some(sergey),
        "not from the old caret at 0"
    );
}

#[test]
fn after_a_mouse_selection_ctrl_shift_right_extends_it() {
    let state = caret_at(&empty(), 0);
    let sergey = span_of(&state.doc, "Sergey");
    let lavrov = span_of(&state.doc, "Sergey Lavrov");
    let dragged = after(&state, [Action::SetPending(Some(sergey))]);
    let extended = select_word_forward(&dragged);
    assert_eq!(extended.pending, Some(lavrov));
}
