//! Entry point: load the document and its saved annotations, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use annotator::bridge::{clock, page, storage};
    use annotator::model::synthetic;
    use annotator::ui::{app::App, app::AppProps, DocRef};
    use std::rc::Rc;

    console_error_panic_hook::set_once();
    clock::mark("annotator:start");
    // `?bench=<bytes>&spans=<n>` opens a generated document for the benchmark; it is never
    // stored, so it cannot touch the user's saved work.
    let props = match page::query_param("bench").and_then(|b| b.parse::<usize>().ok()) {
        Some(bytes) => {
            let spans = page::query_param("spans")
                .and_then(|s| s.parse().ok())
                .unwrap_or(10_000);
            let (doc, annotations) = synthetic::generate(bytes, spans);
            AppProps {
                doc: DocRef(Rc::new(doc)),
                initial: Rc::new(annotations),
                initial_orphans: Rc::default(),
                load_problem: None,
                persist: false,
            }
        }
        None => {
            let doc = Rc::new(annotator::model::default_document());
            let loaded = storage::load(&doc, clock::now_millis());
            AppProps {
                doc: DocRef(doc),
                initial: Rc::new(loaded.annotations),
                initial_orphans: Rc::new(loaded.orphans),
                load_problem: loaded.problem,
                persist: true,
            }
        }
    };
    clock::mark("annotator:data-ready");
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("index.html has #app");
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "This is a web app: run `trunk serve` (see README.md) and open http://127.0.0.1:8080"
    );
}
