//! Entry point: mount the root (which opens the document named in the URL), or the
//! benchmark's generated document.

#[cfg(target_arch = "wasm32")]
fn main() {
    use annotator::bridge::{clock, offline, page, theme};
    use annotator::model::synthetic;
    use annotator::ui::{app::App, app::AppProps, DocRef};
    use std::rc::Rc;

    // No panic hook here: `yew::Renderer::render` installs `console_error_panic_hook`.
    // Unicode lower case from the browser, before the model needs it (model::case).
    annotator::bridge::case::install();
    // The saved light/dark choice, before anything is drawn.
    theme::apply_saved();
    offline::register_service_worker();
    clock::mark("annotator:start");
    // `?bench=<bytes>&spans=<n>` opens a generated document for the benchmark; it is never
    // stored, so it cannot touch the user's saved work.
    // `?bench=<bytes>&spans=<n>` opens a generated document for the benchmark. It is not
    // stored unless `&store=1` (then under the id "benchmark", which nothing else uses), so it
    // cannot touch the user's saved work.
    let Some(bytes) = page::query_param("bench").and_then(|b| b.parse::<usize>().ok()) else {
        clock::mark("annotator:data-ready");
        yew::Renderer::<annotator::ui::root::Root>::with_root(app_root()).render();
        return;
    };
    let spans = page::query_param("spans")
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let store = page::query_param("store").as_deref() == Some("1");
    let (doc, annotations) = synthetic::generate(bytes, spans);
    let doc = Rc::new(doc);
    wasm_bindgen_futures::spawn_local(async move {
        use annotator::bridge::storage;
        use annotator::model::records::Stored;
        let mut initial = annotator::model::Annotations {
            annotations,
            ..Default::default()
        };
        let mut stored = Stored::empty(&doc.id);
        if store && storage::start().await.is_ok() {
            // Stored by an earlier run: open it from the database, as any document opens.
            let loaded = storage::load(&doc).await;
            if !loaded.content.is_empty() {
                initial = loaded.content;
                stored = loaded.stored;
            }
        }
        clock::mark("annotator:data-ready");
        let props = AppProps {
            doc: DocRef(doc),
            initial: Rc::new(initial),
            stored: annotator::ui::StoredRef(Rc::new(std::cell::RefCell::new(stored))),
            load_problem: None,
            persist: store,
            initial_notice: None,
            on_reload: Default::default(),
        };
        yew::Renderer::<App>::with_root_and_props(app_root(), props).render();
    });
}

#[cfg(target_arch = "wasm32")]
fn app_root() -> web_sys::Element {
    gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has #app")
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is a web app: run `trunk serve` (see README.md) and open http://127.0.0.1:8080"
    );
}
