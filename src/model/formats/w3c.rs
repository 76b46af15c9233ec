//! W3C Web Annotation Data Model (JSON-LD).
use super::{Carries, Foreign};
use crate::model::schema::{Content, Document};

pub const CARRIES: Carries = Carries {
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: true,
};

/// An `AnnotationCollection` with its first page embedding every annotation.
pub fn export(_doc: &Document, _content: Content) -> String {
    todo!()
}

/// True when a parsed JSON value looks like W3C annotations (so the importer picks this adapter).
pub fn looks_like(_value: &serde_json::Value) -> bool {
    todo!()
}

pub fn parse(_json: &str) -> Result<Foreign, String> {
    todo!()
}
