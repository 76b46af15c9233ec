//! Keys for the panels beside the text (suggestions, curation): they are heard before the
//! page's own shortcuts, and only while nobody is typing and no dialog is on top; a click or
//! the focus outside the panel gives them back to the page.

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// True when a key press is not a panel's to take: while composing text, with Alt or Meta,
/// while typing in a field, or while a dialog (the page's or another view's) is on top.
pub fn not_for_panels(event: &KeyboardEvent) -> bool {
    if event.is_composing() || event.alt_key() || event.meta_key() {
        return true;
    }
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok());
    let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
    matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.as_ref().is_some_and(|t| t.is_content_editable())
        || gloo::utils::document()
            .query_selector("[aria-modal=true]")
            .ok()
            .flatten()
            .is_some()
}

/// Listens to key presses before the page does (capture phase on the window): when `take`
/// says the panel took one, its default action and the page's shortcuts are stopped.
pub fn capture_keys(take: impl Fn(&KeyboardEvent) -> bool + 'static) -> EventListener {
    let options = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |event| {
        if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
            if take(event) {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        }
    })
}

/// Whether an event (a click, the focus) happened outside the panels beside the text.
pub fn outside_panels(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|t| t.closest(".suggest-host").ok().flatten().is_none())
}
