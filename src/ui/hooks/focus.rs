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
    let was_open = use_mut_ref(|| false);
    let open = modal.is_some();
    if !was_open.replace(open) && open {
        // The element to give the focus back to, read while the render that opens the first
        // dialog runs: the page behind it is made inert when that render reaches the page,
        // and the browser may then move the focus to the body before the effect below runs
        // (closing the dialog then left the focus nowhere).
        *opener.borrow_mut() = gloo::utils::document()
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .filter(|e| e.closest("[aria-modal=true]").ok().flatten().is_none());
    }
    use_effect_with(modal, move |modal| {
        let document = gloo::utils::document();
        if modal.is_some() {
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
