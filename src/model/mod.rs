//! The pure model: text, offsets, spans, annotations, history and file formats.
//!
//! Nothing in here may touch the browser (no web-sys, js-sys, gloo, yew or wasm-bindgen);
//! `tests/model/purity.rs` fails the build's tests if it does. That keeps every rule about
//! offsets and validation testable with plain `cargo test`.

pub mod agreement;
pub mod anchor;
pub mod annotation;
pub mod caret;
pub mod case;
pub mod claims;
pub mod collection;
pub mod content;
pub mod curation;
pub mod dates;
pub mod document;
pub mod entities;
pub mod formats;
pub mod layers;
pub mod library;
pub mod offset;
pub mod records;
pub mod segment;
pub mod side_records;
pub(crate) mod sort;
pub mod span;
pub mod store;
pub mod suggest;
pub mod sync;
pub mod synthetic;
pub mod text;

pub use annotation::{Annotation, Label, Relation, Role};
pub use content::{Annotations, Content};
pub use document::Document;
pub use span::{CharSpan, SnapMode};
pub use store::{ImportMode, Store, StoreError};
pub use text::{ByteOffset, CharOffset, TextIndex, Utf16Offset};

/// The article every user starts with (Russian MFA on relations with Armenia, 24 Jan 2025).
pub const DEFAULT_ARTICLE_TEXT: &str = include_str!("../../assets/russia-armenia-2025-01-24.txt");
pub const DEFAULT_ARTICLE_ID: &str = "russia-armenia-2025-01-24";
pub const DEFAULT_ARTICLE_TITLE: &str =
    "Russian MFA: relations with Armenia are going through a challenging period";
pub const DEFAULT_ARTICLE_PUBLISHED: &str = "2025-01-24";

pub fn default_document() -> Document {
    Document::new(
        DEFAULT_ARTICLE_ID,
        DEFAULT_ARTICLE_TITLE,
        Some(DEFAULT_ARTICLE_PUBLISHED),
        DEFAULT_ARTICLE_TEXT,
    )
}
