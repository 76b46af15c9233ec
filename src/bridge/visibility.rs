//! "Tell me once when this element comes near the viewport", for rendering long documents
//! progressively; and "tell me whenever this element changes size", for layouts that depend
//! on a box whose height the CSS cannot know (a notice, the list's viewport).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit, ResizeObserver,
};

/// Watches one element; dropping the handle stops watching.
pub struct NearViewport {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for NearViewport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_near` once, when `element` comes within `margin_px` of the viewport (at once if
/// it already is). `None` if the browser has no IntersectionObserver; the caller should then
/// treat the element as near.
pub fn when_near(
    element: &Element,
    margin_px: u32,
    on_near: impl FnOnce() + 'static,
) -> Option<NearViewport> {
    let mut on_near = Some(on_near);
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries.iter().any(|entry| {
            entry
                .dyn_into::<IntersectionObserverEntry>()
                .is_ok_and(|e| e.is_intersecting())
        });
        if near {
            if let Some(f) = on_near.take() {
                f();
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(&format!("{margin_px}px 0px"));
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(element);
    Some(NearViewport {
        observer,
        _callback: callback,
    })
}

/// Watches one element's size; dropping the handle stops watching.
pub struct SizeWatch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_resize` now and after every change of `element`'s size (content or window).
/// `None` if the browser has no ResizeObserver.
pub fn on_resize(element: &Element, mut on_resize: impl FnMut() + 'static) -> Option<SizeWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| on_resize());
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    // The observer reports the element's first size at once, then each change.
    observer.observe(element);
    Some(SizeWatch {
        observer,
        _callback: callback,
    })
}

/// Keeps the page's CSS custom property `property` (say `--notice-h`) equal to `element`'s
/// height in pixels, so fixed boxes can sit below it and focus can scroll clear of it.
pub fn publish_height(element: HtmlElement, property: &'static str) -> Option<SizeWatch> {
    let watched = element.clone();
    on_resize(&element, move || {
        let Some(root) = gloo::utils::document()
            .document_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        let _ = root
            .style()
            .set_property(property, &format!("{}px", watched.offset_height()));
    })
}

/// Runs `f` in the next frame's animation callbacks, before its style and layout: a
/// measurement made there lays out once, for the frame, instead of forcing a layout in the
/// middle of the task that changed the page (which can make the task miss the frame).
pub fn before_next_paint(f: impl FnOnce() + 'static) {
    in_next_frame(Box::new(f));
}

/// Runs `f` once the next frame has been painted (a task queued from the frame's animation
/// callback): for work the person is not looking at, so that it does not hold up that frame.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    in_next_frame(Box::new(move || in_next_task(f)));
}

// Boxed, so that one JavaScript callback type serves every caller (each closure type handed
// to wasm-bindgen adds its own glue to the download).
fn in_next_frame(f: Box<dyn FnOnce()>) {
    let frame = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}

fn in_next_task(f: Box<dyn FnOnce()>) {
    let task = Closure::once_into_js(f);
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(task.unchecked_ref());
    }
}
