//! brat standoff: `.txt` + `.ann`, with `annotation.conf` and `visual.conf`.
use super::{Carries, Foreign};
use crate::model::schema::{Content, Document};

pub const CARRIES: Carries = Carries {
    notes: true,
    links: true,
    entities: false,
    date_values: false,
    orphans: false,
};

pub struct BratFiles {
    pub txt: String,
    pub ann: String,
    pub annotation_conf: String,
    pub visual_conf: String,
}

pub fn export(_doc: &Document, _content: Content) -> BratFiles {
    todo!()
}

/// A zip (stored) holding one folder named after the document with the four files.
pub fn export_zip(_doc: &Document, _content: Content) -> Vec<u8> {
    todo!()
}

/// Reads an `.ann` file; `txt` is the text it was made for, when the user gave it.
pub fn parse(_ann: &str, _txt: Option<&str>) -> Result<Foreign, String> {
    todo!()
}
