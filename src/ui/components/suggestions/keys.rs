//! The panel's keys: what a key press means while suggestions are reviewed, as a
//! [`Decision`], or nothing (the key is the page's).

use crate::model::span::{Direction, Edge};
use crate::model::suggest::Step;
use crate::ui::components::panel_keys::not_for_panels;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// What the person decided.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Decision {
    Accept(Vec<String>),
    Reject(Vec<String>),
    Restore(String),
    AcceptLinks(Vec<usize>),
    DismissLinks(Vec<usize>),
    Current(Option<String>),
    Step(Step),
    Nudge(Edge, Direction),
}

/// The panel's meaning of a key, or `None` to leave it to the page.
pub(super) fn decision_for_key(event: &KeyboardEvent, has_current: bool) -> Option<Decision> {
    if not_for_panels(event) {
        return None;
    }
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok());
    let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
    let on_row = target.as_ref().is_some_and(|t| {
        t.class_name()
            .split_whitespace()
            .any(|c| c == "suggest-item")
    });
    let on_other_button = !on_row && matches!(tag.as_str(), "BUTTON" | "A" | "SUMMARY");
    let key = event.key();
    let ctrl = event.ctrl_key();
    match key.as_str() {
        "]" if !ctrl => return Some(Decision::Step(Step::Next)),
        "[" if !ctrl => return Some(Decision::Step(Step::Previous)),
        _ => {}
    }
    if !has_current {
        return None;
    }
    match key.as_str() {
        "ArrowLeft" | "ArrowRight" if event.shift_key() => {
            let edge = if ctrl { Edge::Start } else { Edge::End };
            let direction = if key == "ArrowLeft" {
                Direction::Backward
            } else {
                Direction::Forward
            };
            Some(Decision::Nudge(edge, direction))
        }
        _ if ctrl => None,
        // Enter on another button is that button's.
        "Enter" if !on_other_button => Some(Decision::Accept(Vec::new())),
        "y" => Some(Decision::Accept(Vec::new())),
        "x" | "n" => Some(Decision::Reject(Vec::new())),
        "Escape" => Some(Decision::Current(None)),
        _ => None,
    }
    .map(|decision| match decision {
        // "The one under review": filled in by the caller's state.
        Decision::Accept(keys) if keys.is_empty() => Decision::Accept(vec![CURRENT.to_owned()]),
        Decision::Reject(keys) if keys.is_empty() => Decision::Reject(vec![CURRENT.to_owned()]),
        other => other,
    })
}

/// Stands for the key of the suggestion under review in a decision made by a key.
const CURRENT: &str = "\u{0}current";

pub(super) fn resolve(keys: Vec<String>, current: Option<&str>) -> Vec<String> {
    keys.into_iter()
        .filter_map(|k| {
            if k == CURRENT {
                current.map(str::to_owned)
            } else {
                Some(k)
            }
        })
        .collect()
}
