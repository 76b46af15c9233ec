//! Lower case, in one place. Rust's `to_lowercase` carries Unicode's case tables, about 14 KB
//! of the gzipped page (docs/performance.md, "Release size"), although the browser running the
//! page has the same tables in `String.prototype.toLowerCase`. So in WebAssembly the mapping of
//! text beyond ASCII is the host's: each module installs it once at start
//! (`bridge::case::install`), and this module stays pure. Natively (the tests, the examples)
//! it is Rust's own. Both are Unicode's default full case mapping; ASCII text never leaves
//! Rust, so it costs no call.

#[cfg(target_arch = "wasm32")]
use std::sync::OnceLock;

/// The host's lower case of a whole text (with Unicode's final-sigma rule, like
/// `str::to_lowercase`).
pub type HostLowercase = fn(&str) -> String;

#[cfg(target_arch = "wasm32")]
static HOST: OnceLock<HostLowercase> = OnceLock::new();

/// Gives the model the host's lower case. The first call wins; later ones are ignored.
pub fn install_host_lowercase(lowercase: HostLowercase) {
    #[cfg(target_arch = "wasm32")]
    let _ = HOST.set(lowercase);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lowercase;
}

/// Whether text beyond ASCII is lower-cased fully (natively always; in WebAssembly once the
/// host's mapping is installed, and before that only ASCII letters change).
pub fn is_full() -> bool {
    #[cfg(target_arch = "wasm32")]
    return HOST.get().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    true
}

fn full(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return match HOST.get() {
        Some(host) => host(text),
        None => text.to_ascii_lowercase(),
    };
    #[cfg(not(target_arch = "wasm32"))]
    text.to_lowercase()
}

/// `text` in lower case, as `str::to_lowercase` gives it.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        full(text)
    }
}

/// Each character lower-cased on its own, as `char::to_lowercase` gives it: no final sigma,
/// so that ids made from names stay what they were ("ΣΑΣ" → "σασ").
pub fn lowercase_each(text: &str) -> String {
    // The final-sigma rule is the only one of Unicode's default mapping that looks at a
    // character's neighbours, so without a capital sigma the whole text maps as one.
    if !text.contains('Σ') {
        return lowercase(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for ch in text.chars() {
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push_str(&full(ch.encode_utf8(&mut buffer)));
        }
    }
    out
}
