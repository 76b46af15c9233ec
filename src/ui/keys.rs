//! What a key press means: a pure function of the press, where the focus is, and the state.
//! The listener (`hooks::keyboard`) describes the browser's event as a [`KeyPress`] and
//! dispatches the answer; focus moves come back as [`Action::MoveFocus`] for an effect to do.

use crate::bridge::lazy_views::LazyView;
use crate::model::annotation::{Annotation, Label};
use crate::model::caret::{move_caret, Move};
use crate::model::span::{Direction, Edge};
use crate::model::text::starts_right_to_left;
use crate::model::CharOffset;
use crate::ui::state::{Action, AppState, Dialog, FocusTarget, Notice, Picker};
use yew::AttrValue;

/// Where the keyboard focus was when the key went down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFocus {
    /// The page, a button, a list: anywhere the shortcuts apply.
    Elsewhere,
    /// The article's text, where caret keys move the caret.
    ArticleText,
    /// A text field, where keys type.
    Field,
    /// The note of the selected annotation (a text field too).
    NoteField,
}

/// A key press, as much of it as the shortcuts read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPress {
    /// The character or key name (`"a"`, `"!"`, `"ArrowLeft"`).
    pub key: String,
    /// The physical key (`"Digit1"`), which Shift does not change.
    pub code: String,
    /// Ctrl, or ⌘ on a Mac.
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// Part of an input method's composition, which is not ours to read.
    pub composing: bool,
    pub focus: KeyFocus,
}

impl KeyPress {
    /// A plain key with no modifiers, outside the text.
    pub fn plain(key: &str) -> KeyPress {
        KeyPress {
            key: key.to_owned(),
            code: String::new(),
            ctrl: false,
            shift: false,
            alt: false,
            composing: false,
            focus: KeyFocus::Elsewhere,
        }
    }
}

/// What a key's meaning depends on besides the state: the lines as laid out on screen, and
/// fresh ids and the time for what it creates.
pub trait KeyContext {
    /// The offset one visual line above or below `at`, when the layout knows one.
    fn line_neighbour(&self, at: CharOffset, upstream: bool, down: bool) -> Option<CharOffset>;
    /// The start or end of the visual line holding `at`, when the layout knows it.
    fn line_edge(&self, at: CharOffset, upstream: bool, end: bool) -> Option<CharOffset>;
    fn fresh_id(&self) -> String;
    /// The current time, RFC 3339.
    fn now(&self) -> String;
}

/// The action a key press asks for; `None` leaves the key to the browser.
pub fn action_for_key(
    press: &KeyPress,
    state: &AppState,
    context: &impl KeyContext,
) -> Option<Action> {
    if press.composing {
        return None;
    }
    if matches!(press.focus, KeyFocus::Field | KeyFocus::NoteField) {
        if let Some(Dialog::LinkPicker(picker)) = &state.dialog {
            // The only field of the picker is its filter (the page behind is inert).
            return link_picker_key(press, picker, true, state, context);
        }
        return key_in_field(press, state);
    }
    if press.alt {
        return None;
    }
    let key = press.key.as_str();
    match &state.dialog {
        Some(Dialog::LinkPicker(picker)) if !press.ctrl => {
            return link_picker_key(press, picker, false, state, context)
        }
        // Ctrl+Z and the like still work while the picker is open.
        Some(Dialog::LinkPicker(_)) | None => {}
        Some(_) => return (key == "Escape").then_some(Action::Escape),
    }
    if press.focus == KeyFocus::ArticleText {
        if let Some(action) = caret_key(press, state, context) {
            return Some(action);
        }
    }
    if press.ctrl {
        return ctrl_key(press, state, context);
    }
    let selected = state.selected.is_some();
    match key {
        "Escape" => return Some(Action::Escape),
        "?" => return Some(Action::OpenDialog(Dialog::Help)),
        "Delete" | "Backspace" if selected => return Some(Action::DeleteSelected),
        "ArrowLeft" | "ArrowRight" if press.shift && selected => {
            return Some(nudge(Edge::End, key, context));
        }
        "j" => return step_selection(state, 1),
        "k" => return step_selection(state, -1),
        "r" => return Some(Action::OpenDialog(Dialog::link_picker())),
        "t" => return Some(Action::OpenDialog(Dialog::ClaimsTable)),
        "s" => return Some(Action::Panel(LazyView::Suggestions)),
        "l" => return Some(Action::Panel(LazyView::Layers)),
        "n" if selected => return Some(Action::MoveFocus(FocusTarget::NoteField)),
        _ => {}
    }
    if press.shift {
        // Shift+digit pins a label; read the physical key, since Shift+1 types "!".
        let label = match press.code.as_str() {
            "Digit1" | "Numpad1" => Label::Actor,
            "Digit2" | "Numpad2" => Label::Claim,
            "Digit3" | "Numpad3" => Label::Date,
            _ => return None,
        };
        return Some(Action::ToggleSticky(label));
    }
    let label = Label::from_key(key)?;
    Some(Action::ApplyLabel {
        label,
        id: context.fresh_id(),
        now: context.now(),
    })
}

/// In a text field keys type, except Escape: it closes a dialog from its filter field, and
/// leaves the note (which saves it) for the text, where the caret was.
fn key_in_field(press: &KeyPress, state: &AppState) -> Option<Action> {
    if press.key != "Escape" {
        return None;
    }
    match &state.dialog {
        Some(dialog) if dialog.escape_closes_from_field() => Some(Action::Escape),
        _ if press.focus == KeyFocus::NoteField => {
            Some(Action::MoveFocus(FocusTarget::ArticleText))
        }
        _ => None,
    }
}

/// How many rows Page Up / Page Down move in the link picker.
const PICKER_PAGE_ROWS: isize = 8;

/// The link picker. Typed letters go to its filter; ↑/↓ (Page Up/Down) move the active row
/// and Enter links it, Shift+Enter as target. Digits 1–9 link one of the first nine — only
/// while the filter is empty, so that a filter can hold numbers ("December 2024", or a
/// space first for " 2024"). Shift makes an actor the target.
fn link_picker_key(
    press: &KeyPress,
    picker: &Picker,
    in_filter: bool,
    state: &AppState,
    context: &impl KeyContext,
) -> Option<Action> {
    if press.key == "Escape" {
        return Some(Action::Escape);
    }
    if press.ctrl {
        // Undo and redo are the app's while there is no typed text of the filter's to undo.
        return (in_filter && picker.filter.is_empty())
            .then(|| ctrl_key(press, state, context))
            .flatten();
    }
    if press.alt {
        return None;
    }
    let link = |n: usize| Action::LinkCandidate {
        n,
        as_target: press.shift,
        id: context.fresh_id(),
        now: context.now(),
    };
    match press.key.as_str() {
        "ArrowDown" => return Some(Action::PickerMove(1)),
        "ArrowUp" => return Some(Action::PickerMove(-1)),
        "PageDown" => return Some(Action::PickerMove(PICKER_PAGE_ROWS)),
        "PageUp" => return Some(Action::PickerMove(-PICKER_PAGE_ROWS)),
        // Outside the filter, Enter is the focused button's.
        "Enter" if in_filter => return Some(link(picker.active)),
        _ => {}
    }
    if !picker.filter.is_empty() {
        return None;
    }
    // The digit row only: the number pad is not offered here.
    let n = press
        .code
        .strip_prefix("Digit")
        .and_then(|d| d.parse::<usize>().ok())
        .filter(|d| (1..=9).contains(d))?;
    Some(link(n - 1))
}

fn ctrl_key(press: &KeyPress, state: &AppState, context: &impl KeyContext) -> Option<Action> {
    match press.key.as_str() {
        "z" | "Z" if press.shift => Some(Action::Redo),
        "z" | "Z" => Some(Action::Undo),
        "y" | "Y" => Some(Action::Redo),
        "s" | "S" => Some(Action::Notify(Notice::info(
            "No need to save: every change is saved in this browser as you make it.",
        ))),
        key @ ("ArrowLeft" | "ArrowRight") if press.shift && state.selected.is_some() => {
            Some(nudge(Edge::Start, key, context))
        }
        _ => None,
    }
}

fn nudge(edge: Edge, arrow: &str, context: &impl KeyContext) -> Action {
    Action::Nudge {
        edge,
        direction: if arrow == "ArrowLeft" {
            Direction::Backward
        } else {
            Direction::Forward
        },
        now: context.now(),
    }
}

/// Caret keys inside the focused article: arrows, Home/End (with Shift to select), Enter to
/// select the annotation under the caret, Tab/Shift+Tab to step through annotations.
fn caret_key(press: &KeyPress, state: &AppState, context: &impl KeyContext) -> Option<Action> {
    let key = press.key.as_str();
    let (ctrl, shift) = (press.ctrl, press.shift);
    let index = &state.doc.index;
    let (at, upstream) = state
        .caret
        .map_or((CharOffset(0), false), |c| (c.at, c.upstream));
    let go = |to: CharOffset, upstream: bool| Action::MoveCaret {
        to,
        extend: shift,
        upstream,
    };
    let to = |mv: Move| go(move_caret(index, at, mv), false);
    match key {
        // With an annotation selected, Shift+arrows move its edges instead.
        "ArrowLeft" | "ArrowRight" if !(shift && state.selected.is_some()) => {
            let paragraph = index.paragraphs()[index.paragraph_of(at)];
            let rtl = starts_right_to_left(index.slice(paragraph.start, paragraph.end));
            Some(to(Move::for_arrow(key == "ArrowLeft", ctrl, rtl)))
        }
        "ArrowUp" | "ArrowDown" if !ctrl => {
            let down = key == "ArrowDown";
            let next = context
                .line_neighbour(at, upstream, down)
                .unwrap_or_else(|| {
                    move_caret(
                        index,
                        at,
                        if down { Move::TextEnd } else { Move::TextStart },
                    )
                });
            Some(go(next, false))
        }
        "Home" | "End" if ctrl => Some(to(if key == "Home" {
            Move::TextStart
        } else {
            Move::TextEnd
        })),
        // The visual line's ends; the end of a wrapped line is also the next one's start,
        // so the caret keeps to the line it came from.
        "Home" | "End" => {
            let end = key == "End";
            let edge = context.line_edge(at, upstream, end).unwrap_or_else(|| {
                let paragraph_edge = if end {
                    Move::ParagraphEnd
                } else {
                    Move::ParagraphStart
                };
                move_caret(index, at, paragraph_edge)
            });
            Some(go(edge, end))
        }
        "Enter" if !ctrl && !shift => {
            let store = state.store.borrow();
            let innermost = store
                .covering(at)
                .into_iter()
                .min_by_key(|a| a.span.len())
                .map(|a| AttrValue::from(a.id.clone()))?;
            Some(Action::Select {
                id: Some(innermost),
                reveal: false,
            })
        }
        "Tab" if !ctrl => {
            let store = state.store.borrow();
            let all = store.annotations();
            let current = state
                .selected
                .as_ref()
                .and_then(|id| all.iter().position(|a| a.id == id.as_str()));
            let next = match (current, shift) {
                (Some(i), false) => all.get(i + 1),
                (Some(i), true) => i.checked_sub(1).and_then(|i| all.get(i)),
                (None, false) => all.iter().find(|a| a.span.start >= at),
                (None, true) => all.iter().rev().find(|a| a.span.start < at),
            }?;
            // Past the last annotation, Tab leaves the article as usual.
            Some(Action::TabTo {
                id: AttrValue::from(next.id.clone()),
                at: next.span.start,
            })
        }
        _ => None,
    }
}

/// Selects the next or previous annotation (in document order, within the filter).
fn step_selection(state: &AppState, step: isize) -> Option<Action> {
    let store = state.store.borrow();
    let shown: Vec<&Annotation> = store
        .annotations()
        .iter()
        .filter(|a| state.filter.is_none_or(|f| a.label == f))
        .collect();
    if shown.is_empty() {
        return None;
    }
    let current = state
        .selected
        .as_ref()
        .and_then(|id| shown.iter().position(|a| a.id == id.as_str()));
    let next = match current {
        Some(i) => (i as isize + step).clamp(0, shown.len() as isize - 1) as usize,
        None if step > 0 => 0,
        None => shown.len() - 1,
    };
    Some(Action::Select {
        id: Some(AttrValue::from(shown[next].id.clone())),
        reveal: true,
    })
}
