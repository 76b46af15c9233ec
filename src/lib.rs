//! An in-browser annotator for news text: actors, claims and dates.
//!
//! Layers depend one way: `ui` → `bridge` → `model`. Only `bridge` touches the browser's
//! Selection, storage, files, clipboard and downloads; `model` is pure Rust.

pub mod bridge;
pub mod model;
pub mod ui;
