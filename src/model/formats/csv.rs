//! CSV, one row per annotation (RFC 4180, UTF-8).
use super::{Carries, Foreign};
use crate::model::schema::{Content, Document};

pub const CARRIES: Carries = Carries {
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: false,
};

pub fn export(_doc: &Document, _content: Content) -> String {
    todo!()
}

/// True when the first line is this format's header.
pub fn looks_like(_text: &str) -> bool {
    todo!()
}

pub fn parse(_text: &str) -> Result<Foreign, String> {
    todo!()
}
