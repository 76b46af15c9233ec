//! Warn before leaving the page while the work is not saved.

use gloo::events::{EventListener, EventListenerOptions};
use yew::prelude::*;

#[hook]
pub(crate) fn use_unload_guard(unsaved: bool) {
    use_effect_with(unsaved, move |&unsaved| {
        let listener = unsaved.then(|| {
            EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |event| event.prevent_default(),
            )
        });
        move || drop(listener)
    });
}
