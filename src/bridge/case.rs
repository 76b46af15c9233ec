//! The browser's lower case for the model (`model::case`): `String.prototype.toLowerCase`,
//! the same Unicode mapping as Rust's, without Rust's tables in the download.

use crate::model::case::install_host_lowercase;

/// Installs the browser's mapping. Each wasm module's entry point calls it first.
pub fn install() {
    install_host_lowercase(|text| String::from(js_sys::JsString::from(text).to_lower_case()));
}
