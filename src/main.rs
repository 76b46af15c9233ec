//! Entry point: mount the root (which opens the document named in the URL), or the
//! benchmark's generated document.

#[cfg(target_arch = "wasm32")]
fn main() {
    use annotator::bridge::{clock, offline, page, theme};
    use annotator::model::synthetic;
    use annotator::ui::{app::App, app::AppProps, DocRef};
    use std::rc::Rc;

    // No panic hook here: `yew::Renderer::render` installs `console_error_panic_hook`.
    // The saved light/dark choice, before anything is drawn.
    theme::apply_saved();
    offline::register_service_worker();
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
                initial: Rc::new(annotator::model::Annotations {
                    annotations,
                    ..Default::default()
                }),
                stored: Default::default(),
                load_problem: None,
                persist: false,
                initial_notice: None,
                on_reload: Default::default(),
            }
        }
        None => {
            clock::mark("annotator:data-ready");
            let root = gloo::utils::document()
                .get_element_by_id("app")
                .expect("index.html has #app");
            yew::Renderer::<annotator::ui::root::Root>::with_root(root).render();
            return;
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
