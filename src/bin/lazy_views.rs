//! The library views' entry point: a third wasm module that the page loads the first time the
//! claims across the library or the entities view is opened (`bridge::lazy_views`), so that
//! their code stays out of the page's own download.

#[cfg(target_arch = "wasm32")]
fn main() {
    annotator::ui::lazy_views::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is part of the web app: it runs in the browser (see README.md)");
}
