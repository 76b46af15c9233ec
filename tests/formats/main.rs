//! The files the model reads and writes (`src/model/formats`): the app's own JSON, W3C Web
//! Annotation, brat (and its zip), JSONL, CSV, the one placement function every format goes
//! through, and the dispatcher that picks the adapter.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod brat;
mod csv;
mod dispatch;
mod jsonl;
mod native;
mod plan;
mod w3c;
mod worker;
