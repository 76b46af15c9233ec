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
const SELECT_PARAM: &str = "select=";

/// The parts of the hash after `#doc=`, split at `&` (ids are encoded, so theirs is `%26`).
fn hash_parts() -> Option<Vec<String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let rest = hash.strip_prefix(DOC_HASH)?;
    Some(rest.split('&').map(str::to_owned).collect())
}

fn decoded(part: &str) -> Option<String> {
    let text = js_sys::decode_uri_component(part).ok()?.as_string()?;
    (!text.is_empty()).then_some(text)
}

/// The document named in the URL (`#doc=<id>`, maybe followed by `&select=<annotation>`).
pub fn doc_from_hash() -> Option<String> {
    decoded(hash_parts()?.first()?)
}

/// The address that opens a document with one of its annotations selected, for a link:
/// `#doc=<id>&select=<annotation>`, both encoded.
pub fn doc_select_href(id: &str, annotation: &str) -> String {
    let id: String = js_sys::encode_uri_component(id).into();
    let annotation: String = js_sys::encode_uri_component(annotation).into();
    format!("{DOC_HASH}{id}&{SELECT_PARAM}{annotation}")
}

/// Opens a document with one of its annotations selected (`#doc=<id>&select=<annotation>`):
/// the opened document takes the selection with [`take_selection_from_hash`].
pub fn set_doc_hash_selecting(id: &str, annotation: &str) {
    if let Some(window) = web_sys::window() {
        let id: String = js_sys::encode_uri_component(id).into();
        let annotation: String = js_sys::encode_uri_component(annotation).into();
        let _ = window
            .location()
            .set_hash(&format!("doc={id}&{SELECT_PARAM}{annotation}"));
    }
}

/// The annotation the URL asks to select, if any; the URL goes back to `#doc=<id>` (without
/// a `hashchange`), so a reload or a bookmark opens the document without selecting it again.
pub fn take_selection_from_hash() -> Option<String> {
    let parts = hash_parts()?;
    let annotation = parts
        .iter()
        .find_map(|p| p.strip_prefix(SELECT_PARAM))
        .and_then(decoded)?;
    let window = web_sys::window()?;
    let _ = window.history().ok()?.replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&format!("{DOC_HASH}{}", parts[0])),
    );
    Some(annotation)
}

/// Points the URL at a document, so a reload or a bookmark opens it again. Fires
/// `hashchange` when it changes.
pub fn set_doc_hash(id: &str) {
    if let Some(window) = web_sys::window() {
        let encoded: String = js_sys::encode_uri_component(id).into();
        let _ = window.location().set_hash(&format!("doc={encoded}"));
    }
}
