//! The open document: its identity, its metadata and its indexed text.

use super::text::TextIndex;
use sha2::{Digest, Sha256};

#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Publication date (ISO 8601), when known.
    pub published: Option<String>,
    /// Where the text came from, when known.
    pub source_url: Option<String>,
    pub index: TextIndex,
    /// Stored annotations name the text they were made for by this hash, so a changed text
    /// is noticed even where the text itself is not stored beside them.
    pub text_sha256: String,
}

impl Document {
    pub fn new(id: &str, title: &str, published: Option<&str>, text: &str) -> Self {
        Document {
            id: id.to_owned(),
            title: title.to_owned(),
            published: published.map(str::to_owned),
            source_url: None,
            text_sha256: sha256_hex(text),
            index: TextIndex::new(text),
        }
    }

    /// The publication date as a calendar date, which relative date phrases count from.
    pub fn published_date(&self) -> Option<super::dates::CalendarDate> {
        self.published
            .as_deref()
            .and_then(super::dates::parse_iso_date)
    }
}

/// The SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex digits.
pub fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}
