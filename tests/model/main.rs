//! The pure model (`src/model`), one module per source module: offsets, spans and snapping,
//! the caret, segments, re-anchoring, the store, links, dates, the library, and the check
//! that the model stays free of browser crates.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod agreement;
mod anchor;
mod caret;
mod case;
mod collection;
mod curation;
mod dates;
mod entities;
mod layers;
mod library;
mod link_picker;
mod purity;
mod records;
mod relations;
mod segment;
mod side_records;
mod span;
mod store;
mod suggest;
mod suggest_review;
mod synthetic_library;
mod text;
