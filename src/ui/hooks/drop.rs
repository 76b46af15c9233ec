//! Files dropped anywhere on the page are imported, with a hint while they hover.

use yew::prelude::*;

/// Handlers for the page's root element, and whether a file hovers over it.
pub(crate) struct FileDrop {
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

#[hook]
pub(crate) fn use_file_drop(on_files: Callback<Vec<web_sys::File>>) -> FileDrop {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Only when the pointer leaves the window, not when it crosses child elements.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let dropped: Vec<web_sys::File> = event
                .data_transfer()
                .and_then(|t| t.files())
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            if !dropped.is_empty() {
                on_files.emit(dropped);
            }
        })
    };
    FileDrop {
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}
