//! The import worker's entry point: a second wasm module, run in a Web Worker that the page
//! starts on the first import or export (`bridge::formats_worker`). It reads and places
//! imported files and writes every export format but this app's JSON, so that code stays out
//! of the page's own download and a big import does not hold up the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    annotator::bridge::formats_worker::serve::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the web app's import worker: it runs in the browser (see README.md)");
}
