//! "Tell me once when this element comes near the viewport", for rendering long documents
//! progressively.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

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
