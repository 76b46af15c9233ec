//! Offline use: the service worker (sw.js, written by scripts/post-build.mjs) caches this
//! build's files on the first visit, so the app starts again without a network.

/// Registers the service worker. Release builds only: during `trunk serve` a cache would
/// hide every rebuild.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let navigator = gloo::utils::window().navigator();
    // Absent in insecure contexts (plain http other than localhost) and some private modes.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registration = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(registration).await {
            web_sys::console::warn_1(
                &format!(
                    "offline use unavailable: {}",
                    super::storage::js_error_text(&e)
                )
                .into(),
            );
        }
    });
}
