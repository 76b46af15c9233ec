//! Keyboard focus: a modal dialog keeps it to itself and gives it back when it closes, and
//! focus moves that keys ask for (`Action::MoveFocus`) happen here, after the render.

use crate::ui::state::{FocusRequest, FocusTarget};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The page behind an open dialog is inert; the dialog takes the focus, and the element
/// that had it gets it back when the dialog closes.
/// `modal` names the open dialog (its kind): one dialog replacing another (an import's
/// progress giving way to its question) gives the new one the focus too.
#[hook]
pub(crate) fn use_modal_focus<K: PartialEq + Clone + 'static>(modal: Option<K>) {
    let opener = use_mut_ref(|| None::<HtmlElement>);
    use_effect_with(modal, move |modal| {
        let document = gloo::utils::document();
        if modal.is_some() {
            // The element to give the focus back to: the one before the first dialog.
            let active = document
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .filter(|e| e.closest("[aria-modal=true]").ok().flatten().is_none());
            if active.is_some() || opener.borrow().is_none() {
                *opener.borrow_mut() = active;
            }
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
