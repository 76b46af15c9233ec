//! The page's keyboard shortcuts: one keydown listener, registered once, that describes the
//! event for `ui::keys` and dispatches its answer.

use super::LatestState;
use crate::bridge::{clock, selection};
use crate::model::CharOffset;
use crate::model::Document;
use crate::ui::keys::{action_for_key, KeyContext, KeyFocus, KeyPress};
use crate::ui::state::AppState;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[hook]
pub(crate) fn use_shortcuts(dispatcher: UseReducerDispatcher<AppState>, latest: &LatestState) {
    let latest = latest.clone();
    use_effect_with((), move |_| {
        let listener = EventListener::new_with_options(
            &gloo::utils::window(),
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let state = latest.borrow().clone();
                let (press, article) = describe(event);
                let context = PageContext {
                    doc: state.doc.clone(),
                    article,
                };
                if let Some(action) = action_for_key(&press, &state, &context) {
                    event.prevent_default();
                    dispatcher.dispatch(action);
                }
            },
        );
        move || drop(listener)
    });
}

/// The key press, and the article's text when it has the focus.
fn describe(event: &KeyboardEvent) -> (KeyPress, Option<Element>) {
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let typing = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<HtmlElement>())
        .is_some_and(|t| {
            matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || t.is_content_editable()
        });
    let article = target
        .as_ref()
        .and_then(|t| t.closest(".doc-text").ok().flatten());
    let focus = match (&target, typing, &article) {
        (Some(t), true, _) if t.id() == "note-field" => KeyFocus::NoteField,
        (_, true, _) => KeyFocus::Field,
        (_, false, Some(_)) => KeyFocus::ArticleText,
        _ => KeyFocus::Elsewhere,
    };
    let press = KeyPress {
        key: event.key(),
        code: event.code(),
        ctrl: event.ctrl_key() || event.meta_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
        composing: event.is_composing(),
        focus,
    };
    (press, article)
}

/// Lines as the browser laid them out, and the real clock.
struct PageContext {
    doc: Rc<Document>,
    article: Option<Element>,
}

impl KeyContext for PageContext {
    fn line_neighbour(&self, at: CharOffset, upstream: bool, down: bool) -> Option<CharOffset> {
        let article = self.article.as_ref()?;
        selection::line_neighbour(article, &self.doc.index, at, upstream, down)
    }

    fn line_edge(&self, at: CharOffset, upstream: bool, end: bool) -> Option<CharOffset> {
        let article = self.article.as_ref()?;
        selection::line_edge(article, &self.doc.index, at, upstream, end)
    }

    fn fresh_id(&self) -> String {
        clock::fresh_id()
    }

    fn now(&self) -> String {
        clock::now_rfc3339()
    }
}
