//! JSONL for NLP pipelines: spaCy/Prodigy spans, and doccano's sequence-labelling lines.
use super::{Carries, Foreign};
use crate::model::schema::{Content, Document};

pub const SPACY_CARRIES: Carries = Carries {
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: false,
};
pub const DOCCANO_CARRIES: Carries = Carries {
    notes: false,
    links: false,
    entities: false,
    date_values: false,
    orphans: false,
};

pub fn export_spacy(_doc: &Document, _content: Content) -> String {
    todo!()
}

pub fn export_doccano(_doc: &Document, _content: Content) -> String {
    todo!()
}

/// True when the text's first record looks like one of the JSONL variants.
pub fn looks_like(_text: &str) -> bool {
    todo!()
}

/// Reads any of the variants; with several lines, the one whose text is the open document's.
pub fn parse(_text: &str, _doc: &Document) -> Result<Foreign, String> {
    todo!()
}
