//! Team sync (issue 17) through `sync.js`, which runs PouchDB's replication with a CouchDB
//! project database on this origin. The page reads the owner (who this browser's records
//! belong to) and follows the status line; the Sync dialog connects and disconnects.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// `annotatorSync` is defined by `sync.js`, which index.html loads after `db.js`.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = annotatorSync, js_name = owner, catch)]
    fn sync_owner() -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(js_namespace = annotatorSync, js_name = onStatus, catch)]
    fn sync_on_status(listener: &Closure<dyn FnMut(String)>) -> Result<js_sys::Function, JsValue>;
    #[wasm_bindgen(js_namespace = annotatorSync, js_name = connect)]
    fn sync_connect(server: &str, database: &str, user: &str, password: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorSync, js_name = disconnect)]
    fn sync_disconnect() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorSync, js_name = syncNow, catch)]
    fn sync_now() -> Result<String, JsValue>;
}

/// The user name this browser's synced records are written under (kept after disconnecting:
/// the work stays theirs); `None` before any account was set.
pub fn owner() -> Option<String> {
    sync_owner().ok().flatten()
}

/// The status as `sync.js` describes it: `state` (`off`, `connecting`, `active`, `synced`,
/// `waiting`, `offline`, `error`), `label` (the toolbar's words), `message`, `waiting`,
/// `user` (when connected), `server`, `database`, `resolved` (conflicts merged).
pub type StatusJson = String;

/// Follows the sync status until the returned guard is dropped.
pub struct StatusWatch {
    stop: js_sys::Function,
    _listener: Closure<dyn FnMut(String)>,
}

impl Drop for StatusWatch {
    fn drop(&mut self) {
        let _ = self.stop.call0(&JsValue::NULL);
    }
}

pub fn watch_status(on_status: impl FnMut(StatusJson) + 'static) -> Option<StatusWatch> {
    let listener = Closure::<dyn FnMut(String)>::new(on_status);
    let stop = sync_on_status(&listener).ok()?;
    Some(StatusWatch {
        stop,
        _listener: listener,
    })
}

async fn settle(promise: js_sys::Promise) -> Result<StatusJson, String> {
    JsFuture::from(promise)
        .await
        .map(|v| v.as_string().unwrap_or_default())
        .map_err(|e| said(&e))
}

/// What `sync.js` threw, in its own words (its errors are plain `Error`s).
fn said(thrown: &JsValue) -> String {
    let text = super::storage::js_error_text(thrown);
    match text.strip_prefix("Error: ") {
        Some(words) => words.to_owned(),
        None => text,
    }
}

/// Logs in, makes this browser's earlier work the user's and starts syncing; the error in
/// words when it cannot.
pub async fn connect(
    server: &str,
    database: &str,
    user: &str,
    password: &str,
) -> Result<StatusJson, String> {
    settle(sync_connect(server, database, user, password)).await
}

pub async fn disconnect() -> Result<StatusJson, String> {
    settle(sync_disconnect()).await
}

/// Starts the replication again at once.
pub fn now() -> Result<StatusJson, String> {
    sync_now().map_err(|e| said(&e))
}
