//! Entry point: load the document and its saved annotations, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use annotator::bridge::{clock, storage};
    use annotator::ui::{app::App, app::AppProps, DocRef};
    use std::rc::Rc;

    console_error_panic_hook::set_once();
    let doc = Rc::new(annotator::model::default_document());
    let loaded = storage::load(&doc, clock::now_millis());
    let props = AppProps {
        doc: DocRef(doc),
        initial: Rc::new(loaded.annotations),
        load_problem: loaded.problem,
        persist: true,
    };
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
