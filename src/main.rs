//! Entry point: mount the root (which opens the document named in the URL), or, in a build
//! with the `bench` feature (`scripts/bench.sh`), the benchmark's generated document.

#[cfg(target_arch = "wasm32")]
fn main() {
    use annotator::bridge::{clock, offline, theme};

    // No panic hook here: `yew::Renderer::render` installs `console_error_panic_hook`.
    // Unicode lower case from the browser, before the model needs it (model::case).
    annotator::bridge::case::install();
    // The saved light/dark choice, before anything is drawn.
    theme::apply_saved();
    offline::register_service_worker();
    clock::mark("annotator:start");
    #[cfg(feature = "bench")]
    if bench::open() {
        return;
    }
    clock::mark("annotator:data-ready");
    yew::Renderer::<annotator::ui::root::Root>::with_root(app_root()).render();
}

/// The benchmark's entry, only in builds with the `bench` feature, so that the shipped page
/// does not carry it (docs/performance.md, "Release size").
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
mod bench {
    use annotator::bridge::{clock, page, storage};
    use annotator::model::records::Stored;
    use annotator::model::synthetic;
    use annotator::ui::{app::App, app::AppProps, DocRef, StoredRef};
    use std::cell::RefCell;
    use std::rc::Rc;

    /// `?bench=<bytes>&spans=<n>` opens a generated document. It is not stored unless
    /// `&store=1` (then under the id "benchmark", which nothing else uses), so it cannot touch
    /// the user's saved work. False when the URL asks for no benchmark.
    pub fn open() -> bool {
        let Some(bytes) = page::query_param("bench").and_then(|b| b.parse::<usize>().ok()) else {
            return false;
        };
        let spans = page::query_param("spans")
            .and_then(|s| s.parse().ok())
            .unwrap_or(10_000);
        let store = page::query_param("store").as_deref() == Some("1");
        let (doc, annotations) = synthetic::generate(bytes, spans);
        let doc = Rc::new(doc);
        wasm_bindgen_futures::spawn_local(async move {
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
                put_back: storage::PutBack::Nothing,
                stored: StoredRef(Rc::new(RefCell::new(stored))),
                load_problem: None,
                persist: store,
                initial_notice: None,
                on_reload: Default::default(),
            };
            yew::Renderer::<App>::with_root_and_props(super::app_root(), props).render();
        });
        true
    }
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
