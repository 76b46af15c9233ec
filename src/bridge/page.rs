//! The page's URL.

/// The value of a query parameter in the page URL (`?name=value`), if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

const DOC_HASH: &str = "#doc=";

/// The document named in the URL (`#doc=<id>`), if any.
pub fn doc_from_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix(DOC_HASH)?;
    let id = js_sys::decode_uri_component(id).ok()?.as_string()?;
    (!id.is_empty()).then_some(id)
}

/// Points the URL at a document, so a reload or a bookmark opens it again. Fires
/// `hashchange` when it changes.
pub fn set_doc_hash(id: &str) {
    if let Some(window) = web_sys::window() {
        let encoded: String = js_sys::encode_uri_component(id).into();
        let _ = window.location().set_hash(&format!("doc={encoded}"));
    }
}
