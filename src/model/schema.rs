//! The versioned JSON that local storage and the JSON export share.
//!
//! Parsing validates everything against the open document before anything is accepted:
//! a file is taken whole or rejected whole, with a message that says what and where.

use super::annotation::{Annotation, Label};
use super::span::CharSpan;
use super::text::{CharOffset, TextIndex};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt;

pub const FORMAT_NAME: &str = "text-annotator";
pub const SCHEMA_VERSION: u32 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

/// The open document: its identity and its indexed text.
#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Publication date (ISO 8601), when known.
    pub published: Option<String>,
    pub index: TextIndex,
    pub text_sha256: String,
}

impl Document {
    pub fn new(id: &str, title: &str, published: Option<&str>, text: &str) -> Self {
        Document {
            id: id.to_owned(),
            title: title.to_owned(),
            published: published.map(str::to_owned),
            text_sha256: sha256_hex(text),
            index: TextIndex::new(text),
        }
    }
}

pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The full text. Exports carry it so they stand alone; local storage leaves it out
    /// because the app already has the text, and keeps only the hash to check it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub text_sha256: String,
    /// Length of the text in code points.
    pub text_length: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationRecord {
    pub id: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationFile {
    pub format: String,
    pub version: u32,
    pub offset_unit: String,
    pub document: DocumentRecord,
    pub labels: Vec<String>,
    pub annotations: Vec<AnnotationRecord>,
    /// Links between annotations; always empty in version 1, reserved for relations.
    pub relations: Vec<serde_json::Value>,
}

/// Whether the document text goes into the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextInclusion {
    WithText,
    HashOnly,
}

/// Builds the file for a document and its annotations.
pub fn to_file(doc: &Document, annotations: &[Annotation], text: TextInclusion) -> AnnotationFile {
    AnnotationFile {
        format: FORMAT_NAME.to_owned(),
        version: SCHEMA_VERSION,
        offset_unit: OFFSET_UNIT.to_owned(),
        document: DocumentRecord {
            id: doc.id.clone(),
            title: doc.title.clone(),
            published: doc.published.clone(),
            text: (text == TextInclusion::WithText).then(|| doc.index.text().to_owned()),
            text_sha256: doc.text_sha256.clone(),
            text_length: doc.index.len_chars(),
        },
        labels: Label::ALL.iter().map(|l| l.as_str().to_owned()).collect(),
        annotations: annotations
            .iter()
            .map(|a| AnnotationRecord {
                id: a.id.clone(),
                label: a.label.as_str().to_owned(),
                start: a.span.start,
                end: a.span.end,
                quote: a.quote.clone(),
                prefix: a.prefix.clone(),
                suffix: a.suffix.clone(),
                note: a.note.clone(),
                created: a.created.clone(),
                updated: a.updated.clone(),
            })
            .collect(),
        relations: Vec::new(),
    }
}

pub fn to_json(doc: &Document, annotations: &[Annotation], text: TextInclusion) -> String {
    serde_json::to_string_pretty(&to_file(doc, annotations, text))
        .expect("annotation files always serialise")
}

/// Why a file was rejected. The message names the problem and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaError {
    Syntax(String),
    NotOurFormat(String),
    FutureVersion(u32),
    BadVersion(String),
    WrongUnit(String),
    Structure(String),
    WrongDocument(String),
    Annotation { number: usize, problem: String },
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaError::Syntax(e) => write!(f, "the file is not valid JSON: {e}"),
            SchemaError::NotOurFormat(found) => write!(
                f,
                "this is not a {FORMAT_NAME} annotation file (its \"format\" is {found})"
            ),
            SchemaError::FutureVersion(v) => write!(
                f,
                "the file uses schema version {v}, newer than this app understands \
                 (version {SCHEMA_VERSION}); update the app to read it"
            ),
            SchemaError::BadVersion(found) => {
                write!(
                    f,
                    "the file's \"version\" is {found}, not a known schema version"
                )
            }
            SchemaError::WrongUnit(unit) => write!(
                f,
                "the file counts offsets in \"{unit}\", but only \"{OFFSET_UNIT}\" is supported"
            ),
            SchemaError::Structure(e) => write!(f, "{e}"),
            SchemaError::WrongDocument(why) => write!(f, "{why}"),
            SchemaError::Annotation { number, problem } => {
                write!(f, "annotation {number}: {problem}")
            }
        }
    }
}

impl std::error::Error for SchemaError {}

fn describe(value: Option<&serde_json::Value>) -> String {
    match value {
        None => "missing".to_owned(),
        Some(v) => {
            let shown = v.to_string();
            crate::model::store::shorten(&shown, 40)
        }
    }
}

/// Parses and fully validates a file against the open document. On success every
/// annotation's offsets are in range, on grapheme boundaries and match its quote; ids are
/// unique and no two annotations are identical.
pub fn parse(json: &str, doc: &Document) -> Result<Vec<Annotation>, SchemaError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| SchemaError::Syntax(e.to_string()))?;
    let Some(object) = value.as_object() else {
        return Err(SchemaError::Structure(
            "the file must hold a JSON object with \"format\", \"version\" and \"annotations\""
                .to_owned(),
        ));
    };
    match object.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT_NAME) => {}
        _ => return Err(SchemaError::NotOurFormat(describe(object.get("format")))),
    }
    match object.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(SchemaError::FutureVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        _ => return Err(SchemaError::BadVersion(describe(object.get("version")))),
    }
    match object.get("offset_unit").and_then(|u| u.as_str()) {
        Some(OFFSET_UNIT) => {}
        _ => return Err(SchemaError::WrongUnit(describe(object.get("offset_unit")))),
    }
    let document: DocumentRecord = serde_json::from_value(
        object
            .get("document")
            .cloned()
            .unwrap_or(serde_json::Value::Null),
    )
    .map_err(|e| SchemaError::Structure(format!("\"document\": {e}")))?;
    check_document(&document, doc)?;

    let Some(records) = object.get("annotations").and_then(|a| a.as_array()) else {
        return Err(SchemaError::Structure(
            "\"annotations\" must be a list".to_owned(),
        ));
    };
    if object.get("relations").is_some_and(|r| !r.is_array()) {
        return Err(SchemaError::Structure(
            "\"relations\" must be a list".to_owned(),
        ));
    }

    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut seen_spans: HashMap<(Label, CharSpan), usize> = HashMap::new();
    let mut out = Vec::with_capacity(records.len());
    for (i, raw) in records.iter().enumerate() {
        let number = i + 1;
        let fail = |problem: String| SchemaError::Annotation { number, problem };
        let record: AnnotationRecord =
            serde_json::from_value(raw.clone()).map_err(|e| fail(e.to_string()))?;
        let annotation = check_record(record, doc).map_err(fail)?;
        if annotation.id.trim().is_empty() {
            return Err(fail("the id is empty".to_owned()));
        }
        if let Some(first) = seen_ids.insert(annotation.id.clone(), number) {
            return Err(fail(format!(
                "id \"{}\" is already used by annotation {first}",
                annotation.id
            )));
        }
        if let Some(first) = seen_spans.insert((annotation.label, annotation.span), number) {
            return Err(fail(format!(
                "same {} span {}–{} as annotation {first}",
                annotation.label, annotation.span.start, annotation.span.end
            )));
        }
        out.push(annotation);
    }
    Ok(out)
}

fn check_document(record: &DocumentRecord, doc: &Document) -> Result<(), SchemaError> {
    if let Some(text) = &record.text {
        if text != doc.index.text() {
            let at = text
                .chars()
                .zip(doc.index.text().chars())
                .take_while(|(a, b)| a == b)
                .count();
            return Err(SchemaError::WrongDocument(format!(
                "the file's text differs from the open document “{}” (first difference at \
                 character {at}); open the matching document first",
                doc.title
            )));
        }
    }
    if record.text_sha256 != doc.text_sha256 {
        return Err(SchemaError::WrongDocument(format!(
            "the file was made for a different text (sha256 {}…) than the open document “{}”",
            crate::model::store::shorten(&record.text_sha256, 12),
            doc.title
        )));
    }
    Ok(())
}

fn check_record(record: AnnotationRecord, doc: &Document) -> Result<Annotation, String> {
    let label = Label::parse(&record.label).ok_or_else(|| {
        format!(
            "unknown label \"{}\" (expected actor, claim or date)",
            record.label
        )
    })?;
    let len = doc.index.len_chars();
    let (start, end) = (record.start, record.end);
    if start >= end {
        return Err(format!(
            "start {start} must be smaller than end {end} (end is exclusive)"
        ));
    }
    if end > len {
        return Err(format!(
            "offsets {start}–{end} are outside the text (length {len})"
        ));
    }
    for edge in [start, end] {
        if !doc.index.is_grapheme_boundary(CharOffset(edge)) {
            return Err(format!(
                "offset {edge} splits a character (grapheme cluster)"
            ));
        }
    }
    let actual = doc.index.slice(CharOffset(start), CharOffset(end));
    if actual != record.quote {
        return Err(format!(
            "quote “{}” does not match the text at {start}–{end} (“{}”)",
            crate::model::store::shorten(&record.quote, 40),
            crate::model::store::shorten(actual, 40)
        ));
    }
    let mut annotation = Annotation::new(
        &doc.index,
        record.id,
        label,
        CharSpan { start, end },
        &record.created,
    );
    annotation.note = record.note;
    annotation.updated = record.updated;
    Ok(annotation)
}
