//! Downloads, the clipboard and reading user files.

use super::storage::js_error_text;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    download_bytes(file_name, mime, content.as_bytes())
}

/// Offers bytes (a zip, UTF-8 text) as a file download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| js_error_text(&e))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
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
    // Revoking at once can cancel the download in some browsers; let the click finish first.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
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

/// Reads a user-chosen file's bytes (zips, and text whose encoding the model checks).
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let file = gloo::file::File::from(file);
    gloo::file::futures::read_as_bytes(&file)
        .await
        .map_err(|e| format!("the file could not be read ({e})"))
}

/// Opens the file picker of a hidden `<input type="file">`. The value is cleared first, so
/// choosing the same file again still fires `change`.
pub fn open_picker(input: &web_sys::HtmlInputElement) {
    input.set_value("");
    input.click();
}
