//! The import worker: a second wasm module, run in a Web Worker, that reads and places
//! imported files and writes every export format but this app's JSON. The page loads it on
//! first use, so its code is not part of the page's own download, and a big import is parsed
//! and placed off the page's thread: the page shows the progress and can stop it (the worker
//! is terminated; nothing in the document changed).
//!
//! This module is the only code that talks to the worker (`client`, run by the page);
//! [`serve`] is the worker's side, run by `src/bin/formats_worker.rs`. Messages are plain
//! arrays of strings, numbers and bytes:
//!
//! | from | message |
//! | --- | --- |
//! | page | `[id, header, document, text, files…]`: `header` is JSON, `{"job":"import"}` (the chosen `File`s follow; the worker reads them) or `{"job":"export","format":"w3c"}`; `document` is the open document in storage's compact JSON (its annotations too for an export), `text` its text |
//! | page | `[id, {"job":"suggest","request":{…}}, document, text]`: the suggesters on the open document with its annotations (`model::suggest::Request`: known names, rejections, options) |
//! | page | `[id, {"job":"workspace"}, "", "", json, text, json, text…]`: a few documents of the library (a workspace is written a few at a time), each in storage's compact JSON and its text |
//! | worker | `[0, "ready"]` once it can take jobs (messages sent before would be lost, so the page queues them) |
//! | worker | `[id, "progress", done, total]` while an import is placed |
//! | worker | `[id, "done", header, payload]`: an import's `{"kind":"annotations","format":…,"text_changed":…,"report":[…]}` with its placed content in compact JSON, `{"kind":"document","title":…}` with the text, or `{"kind":"workspace"}` with the file; an export's `{"name":…,"losses":[…],"altered":[…]}` with the file's bytes; a run of the suggesters' `{}` with the `Suggestions` in JSON; a workspace's `{}` with a list of the documents' entries, one JSON text each (`library::workspace_entry`) |
//! | worker | `[id, "error", message]`: the files were rejected (the message says why) |
//! | worker | `[id, "crashed", message]`: the worker failed and cannot go on |
//!
//! Where the worker's script is: `scripts/post-build.mjs` names its files by a hash of their
//! content and writes the script's address into `<meta name="formats-worker">` in
//! `index.html`, so a cached copy of another build is never used with this one.

mod client;
pub mod serve;

pub use client::{cancel, export, import, suggest, warm_up, workspace_entries, Imported, Job};

/// The meta element whose `content` is the worker script's address.
const META_NAME: &str = "formats-worker";
