//! Downloads, the clipboard and reading user files.

use super::storage::js_error_text;
use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlAnchorElement;

/// How long an object URL outlives its download's click. Revoking at once can cancel the
/// download in some browsers.
const REVOKE_AFTER_MS: u32 = 10_000;

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    download_bytes(file_name, mime, content.as_bytes())
}

/// The file a download offers: `bytes` as a `Blob` of type `mime`.
pub fn blob(mime: &str, bytes: &[u8]) -> Blob {
    Blob::new_with_options(bytes, Some(mime))
}

/// Offers bytes (a zip, UTF-8 text) as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(file_name, blob(mime, bytes))
}

/// Offers a blob as a file download: a hidden link to it, clicked, then removed.
fn offer(file_name: &str, blob: Blob) -> Result<(), String> {
    // Revoked when the last clone is dropped: here, when the timeout below has run.
    let url = ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&anchor).map_err(|e| js_error_text(&e))?;
    anchor.click();
    anchor.remove();
    gloo::timers::callback::Timeout::new(REVOKE_AFTER_MS, move || drop(url)).forget();
    Ok(())
}

/// Offers a file made of these pieces of text, in order, as a download named `file_name`: the
/// browser joins them into the file, so they never have to be one string.
pub fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
        .map_err(|e| js_error_text(&e))?;
    offer(file_name, Blob::from(blob))
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| format!("the clipboard refused the copy ({})", js_error_text(&e)))
}

/// Reads a user-chosen file as UTF-8 text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let file = gloo::file::File::from(file);
    gloo::file::futures::read_as_text(&file)
        .await
        .map_err(|e| format!("the file could not be read ({e})"))
}

/// Opens the file picker of a hidden `<input type="file">`. The value is cleared first, so
/// choosing the same file again still fires `change`.
pub fn open_picker(input: &web_sys::HtmlInputElement) {
    input.set_value("");
    input.click();
}
