//! Keyboard focus: a modal dialog keeps it to itself and gives it back when it closes, and
//! focus moves that keys ask for (`Action::MoveFocus`) happen here, after the render.

use crate::ui::state::{FocusRequest, FocusTarget};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The page behind an open dialog is inert; the dialog takes the focus, and the element
/// that had it gets it back when the dialog closes.
#[hook]
pub(crate) fn use_modal_focus(modal_open: bool) {
    let opener = use_mut_ref(|| None::<HtmlElement>);
    use_effect_with(modal_open, move |&open| {
        let document = gloo::utils::document();
        if open {
            *opener.borrow_mut() = document
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            // `autofocus` only acts on page load: give the dialog the focus here.
            let target = document
                .query_selector("[aria-modal=true] [autofocus]")
                .ok()
                .flatten()
                .or_else(|| {
                    document
                        .query_selector(
                            "[aria-modal=true] :is(button, input, textarea, select, [tabindex='0'])",
                        )
                        .ok()
                        .flatten()
                })
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(target) = target {
                let _ = target.focus();
            }
        } else if let Some(element) = opener.borrow_mut().take() {
            if element.is_connected() {
                let _ = element.focus();
            }
        }
    });
}

#[hook]
pub(crate) fn use_focus_request(request: Option<FocusRequest>, article_root: &NodeRef) {
    let article_root = article_root.clone();
    use_effect_with(request, move |request| {
        let element = match request.map(|r| r.target) {
            Some(FocusTarget::ArticleText) => article_root.cast::<HtmlElement>(),
            Some(FocusTarget::NoteField) => gloo::utils::document()
                .get_element_by_id("note-field")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok()),
            None => None,
        };
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
