//! The local database (PouchDB over IndexedDB), through the small shim in `db.js`. Records go
//! in and out as JSON; revisions, conflicts and the change feed are PouchDB's own.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// `annotatorDb` is defined by `db.js`, which index.html loads (after PouchDB) as a script.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbReady, catch)]
    fn db_ready() -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbGet)]
    fn db_get(id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbRange)]
    fn db_range(prefix: &str, docs: bool) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbGetMany)]
    fn db_get_many(json: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbRanges)]
    fn db_ranges(json: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbWrite)]
    fn db_write(json: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbWatch, catch)]
    fn db_watch(
        prefixes: js_sys::Array,
        on_change: &Closure<dyn FnMut(String)>,
    ) -> Result<js_sys::Function, JsValue>;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbActorNames)]
    fn db_actor_names() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbKeep)]
    fn db_keep(id: &str, text: Option<String>) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = dbKept)]
    fn db_kept(id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = storageEstimate)]
    fn storage_estimate() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = annotatorDb, js_name = storagePersist)]
    fn storage_persist() -> js_sys::Promise;
}

/// Whether the database could be opened (PouchDB and `db.js` loaded, IndexedDB available).
/// Nothing else here may be called when it is false.
pub fn ready() -> bool {
    db_ready().unwrap_or(false)
}

async fn text_of(promise: js_sys::Promise) -> Result<Option<String>, String> {
    JsFuture::from(promise)
        .await
        .map(|value| value.as_string())
        .map_err(|e| super::storage::js_error_text(&e))
}

fn parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("the local database returned bad JSON ({e})"))
}

/// One record, or `None` when there is none.
pub async fn get(id: &str) -> Result<Option<Value>, String> {
    match text_of(db_get(id)).await? {
        Some(text) => parse(&text).map(Some),
        None => Ok(None),
    }
}

/// Keeps `text` under `id` in one write, outside the records (never replicated), in place of
/// what was kept there; `None` removes it.
pub async fn keep(id: &str, text: Option<String>) -> Result<(), String> {
    text_of(db_keep(id, text)).await.map(drop)
}

/// What [`keep`] kept under `id`. The read starts at the call, not at the first `.await`, so
/// it can run beside another.
pub fn kept(id: &str) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    text_of(db_kept(id))
}

/// Every actor annotation's text in the library with its entity name, each pair once (for
/// the suggesters; `db.js` keeps the list current from the change feed).
pub async fn actor_names() -> Result<Vec<(String, Option<String>)>, String> {
    let text = text_of(db_actor_names()).await?.unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| format!("the library's names: {e}"))
}

/// Every record whose id starts with `prefix`, in id order.
pub async fn range(prefix: &str) -> Result<Vec<Value>, String> {
    let text = text_of(db_range(prefix, true)).await?.unwrap_or_default();
    match parse(&text)? {
        Value::Array(records) => Ok(records.into_iter().filter(|r| !r.is_null()).collect()),
        _ => Ok(Vec::new()),
    }
}

/// Several records in one read, in the order of `ids`; `None` where there is none.
pub async fn get_many(ids: &[String]) -> Result<Vec<Option<Value>>, String> {
    let json = serde_json::to_string(ids).unwrap_or_default();
    let text = text_of(db_get_many(&json)).await?.unwrap_or_default();
    match parse(&text)? {
        Value::Array(records) => Ok(records
            .into_iter()
            .map(|r| (!r.is_null()).then_some(r))
            .collect()),
        _ => Ok(Vec::new()),
    }
}

/// Every record whose id starts with one of `prefixes` (read at the same time), prefix by
/// prefix, each in id order.
pub async fn ranges(prefixes: &[String]) -> Result<Vec<Value>, String> {
    let json = serde_json::to_string(prefixes).unwrap_or_default();
    let text = text_of(db_ranges(&json)).await?.unwrap_or_default();
    match parse(&text)? {
        Value::Array(records) => Ok(records.into_iter().filter(|r| !r.is_null()).collect()),
        _ => Ok(Vec::new()),
    }
}

/// The ids of the records whose ids start with `prefix`.
pub async fn range_ids(prefix: &str) -> Result<Vec<String>, String> {
    let text = text_of(db_range(prefix, false)).await?.unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| format!("the local database returned bad JSON ({e})"))
}

/// How the database answered one record of a write.
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub id: String,
    /// The new revision, when the record was accepted.
    pub rev: Option<String>,
    /// 409 when another tab wrote the record first; other codes are failures.
    pub status: u16,
    pub error: String,
}

impl Written {
    pub fn conflict(&self) -> bool {
        self.rev.is_none() && self.status == 409
    }
}

/// Writes records in one database transaction; each is accepted or refused on its own.
/// The error is for the whole write (quota, a closed database), in words.
pub async fn write(records: &[String]) -> Result<Vec<Written>, String> {
    let json = format!("[{}]", records.join(","));
    let text = text_of(db_write(&json)).await?.unwrap_or_default();
    let Value::Array(results) = parse(&text)? else {
        return Err("the local database gave no answer to a write".to_owned());
    };
    Ok(results
        .iter()
        .map(|r| Written {
            id: r["id"].as_str().unwrap_or_default().to_owned(),
            rev: r["rev"].as_str().map(str::to_owned),
            status: r["status"].as_u64().unwrap_or(0) as u16,
            error: r["error"].as_str().unwrap_or_default().to_owned(),
        })
        .collect())
}

/// Writes one record in place of the one stored under `id`: `build` gets what is stored (if
/// anything) and returns the record to write, without `_rev`. Another tab's write in
/// between is read and `build` asked again, up to three times.
pub async fn replace(
    id: &str,
    mut build: impl FnMut(Option<&Value>) -> Value,
) -> Result<(), String> {
    for _ in 0..3 {
        let current = get(id).await?;
        let mut record = build(current.as_ref());
        if let Some(rev) = current.as_ref().and_then(|r| r.get("_rev")) {
            record["_rev"] = rev.clone();
        }
        match write(&[record.to_string()]).await?.first() {
            Some(w) if w.rev.is_some() => return Ok(()),
            Some(w) if w.conflict() => continue,
            Some(w) => return Err(w.error.clone()),
            None => return Err("the local database gave no answer".to_owned()),
        }
    }
    Err("another tab kept writing the same record".to_owned())
}

/// A live subscription to the database's changes; dropping it stops the feed.
pub struct Watch {
    cancel: js_sys::Function,
    _on_change: Closure<dyn FnMut(String)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.cancel.call0(&JsValue::NULL);
    }
}

/// Calls `on_change` with every record written from now on (by this tab or another) whose
/// id starts with one of `prefixes`.
pub fn watch(prefixes: &[String], mut on_change: impl FnMut(Value) + 'static) -> Option<Watch> {
    let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| {
        if let Ok(value) = serde_json::from_str(&text) {
            on_change(value);
        }
    });
    let list: js_sys::Array = prefixes.iter().map(|p| JsValue::from_str(p)).collect();
    let cancel = db_watch(list, &on_change).ok()?;
    Some(Watch {
        cancel,
        _on_change: on_change,
    })
}

/// The site's storage use and quota in bytes (`navigator.storage.estimate()`).
pub async fn estimate() -> Option<(f64, f64)> {
    let text = text_of(storage_estimate()).await.ok()??;
    let value = parse(&text).ok()?;
    Some((value["usage"].as_f64()?, value["quota"].as_f64()?))
}

/// Asks the browser to keep this site's data under storage pressure.
pub async fn persist() -> bool {
    JsFuture::from(storage_persist())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
