//! This app's own JSON (`text-annotator`, versioned): what local storage and the JSON export
//! share.
//!
//! Reading ([`parse`], [`parse_for_import`]) checks the file's top level (format, version,
//! offset unit, document) and each record's shape, then hands the records to
//! [`super::plan()`] like every other format:
//! a file for this very text must match it exactly, a file for another text is re-anchored.
//! A file is taken whole or rejected whole, with a message that says what and where.

mod read;

pub use read::{
    document_of, parse, parse_for_import, parse_for_import_with, parse_placed, parse_records,
    parse_relation_record, parse_value,
};

use crate::model::annotation::{entity_id, Annotation, Label, Relation};
use crate::model::claims::{claims_table, ClaimRecord};
use crate::model::content::{Annotations, Content};
use crate::model::dates::CalendarDate;
use crate::model::document::Document;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

pub const FORMAT_NAME: &str = "text-annotator";
/// Version 2 added `orphans` and `document.source_url`; version 3 typed `relations`, actor
/// `entity` and date `date` values, and the derived `claims` table of exports. Older files
/// are migrated on read.
pub(crate) const SCHEMA_VERSION: u32 = 3;
/// The oldest version this app still reads.
pub(crate) const OLDEST_READABLE_VERSION: u32 = 1;
pub(crate) const OFFSET_UNIT: &str = "codepoint";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DocumentRecord {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// The full text. Exports carry it so they stand alone; local storage leaves it out
    /// because the app already has the text, and keeps only the hash to check it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub text_sha256: String,
    /// Length of the text in code points.
    pub text_length: usize,
}

/// An annotation's record. Written, its texts are borrowed from the annotation: an export of
/// 10,000 spent a tenth of its time copying and freeing them (docs/performance.md); read, they
/// are owned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct AnnotationRecord<'a> {
    pub id: Cow<'a, str>,
    pub label: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    /// Empty only in local storage's compact form (see [`TextInclusion::Compact`]).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub quote: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub prefix: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub suffix: Cow<'a, str>,
    #[serde(default)]
    pub note: Cow<'a, str>,
    #[serde(default)]
    pub created: Cow<'a, str>,
    #[serde(default)]
    pub updated: Cow<'a, str>,
    /// Who made it; left out when unknown (files and records written before it existed).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub annotator: Cow<'a, str>,
    /// Actors: the entity this mention refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityRecord<'a>>,
    /// Dates: the normalised value (exports always; storage only when set by hand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct EntityRecord<'a> {
    pub id: String,
    pub name: Cow<'a, str>,
    /// True when no entity was set and the mention's own text stands in as its name (exports
    /// only, so every actor carries an entity id and name).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DateRecord {
    /// ISO 8601 / TIMEX3 value; empty when the phrase was not understood.
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// True when a person set the value; false when it was computed from the text.
    #[serde(default)]
    pub manual: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RelationRecord {
    pub id: String,
    /// The claim's annotation id.
    pub claim: String,
    /// `source` or `target` (an actor) or `when` (a date).
    pub role: String,
    /// The actor's or date's annotation id.
    pub annotation: String,
    #[serde(default)]
    pub created: String,
}

/// A file as this app writes it (it is read record by record, never whole: `read`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct AnnotationFile<'a> {
    pub format: String,
    pub version: u32,
    pub offset_unit: String,
    pub document: DocumentRecord,
    pub labels: Vec<String>,
    pub annotations: Vec<AnnotationRecord<'a>>,
    /// Annotations whose text was not found when they were imported against a changed text.
    /// Their `start`/`end` are where they used to be, and their quote is the old text.
    #[serde(default)]
    pub orphans: Vec<AnnotationRecord<'a>>,
    /// Links from claims to their actors and dates.
    pub relations: Vec<RelationRecord>,
    /// Exports only: the claims with their actors and dates, derived from the above.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimRecord>,
}

/// Whether the document text goes into the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextInclusion {
    /// Exports: the text and every annotation's quote and context, so the file stands alone.
    WithText,
    /// Local storage, where space is short (about 5 M characters per site in Chromium): the
    /// hash only, and placed annotations without quote and context, which the verified text
    /// gives back on load. Orphans keep theirs (no text holds them).
    Compact,
}

fn date_record(
    a: &Annotation,
    published: Option<CalendarDate>,
    text: TextInclusion,
) -> Option<DateRecord> {
    if a.label != Label::Date {
        return None;
    }
    if text == TextInclusion::Compact && a.date_value.is_none() {
        return None;
    }
    let value = a.date_value(published);
    Some(DateRecord {
        value: value.as_ref().map(|v| v.value.clone()).unwrap_or_default(),
        modifier: value
            .and_then(|v| v.modifier)
            .map(|m| m.as_str().to_owned()),
        manual: a.date_value.is_some(),
    })
}

fn record_of(a: &Annotation) -> AnnotationRecord<'_> {
    AnnotationRecord {
        entity: a.entity.as_ref().map(|name| EntityRecord {
            id: entity_id(name),
            name: name.into(),
            inferred: false,
        }),
        date: None,
        id: a.id.as_str().into(),
        label: a.label.as_str().into(),
        start: a.span.start.0,
        end: a.span.end.0,
        quote: a.quote.as_str().into(),
        prefix: a.prefix.as_str().into(),
        suffix: a.suffix.as_str().into(),
        note: a.note.as_str().into(),
        created: a.created.as_str().into(),
        updated: a.updated.as_str().into(),
        annotator: a.annotator.as_str().into(),
    }
}

/// A placed annotation as files write it: with its quote and context, an actor's entity
/// (its own text when none was set) and a date's value, unless `text` is the compact form.
pub(crate) fn placed_record(
    a: &Annotation,
    published: Option<CalendarDate>,
    text: TextInclusion,
) -> AnnotationRecord<'_> {
    let mut record = record_of(a);
    record.date = date_record(a, published, text);
    if a.label == Label::Actor && record.entity.is_none() && text != TextInclusion::Compact {
        record.entity = Some(EntityRecord {
            id: entity_id(&a.quote),
            name: a.quote.as_str().into(),
            inferred: true,
        });
    }
    if text == TextInclusion::Compact {
        for field in [&mut record.quote, &mut record.prefix, &mut record.suffix] {
            *field = Cow::Borrowed("");
        }
    }
    record
}

/// An orphan as files write it: as it was, with its old quote.
pub(crate) fn orphan_record(a: &Annotation) -> AnnotationRecord<'_> {
    record_of(a)
}

pub(crate) fn relation_record(r: &Relation) -> RelationRecord {
    RelationRecord {
        id: r.id.clone(),
        claim: r.claim.clone(),
        role: r.role.as_str().to_owned(),
        annotation: r.other.clone(),
        created: r.created.clone(),
    }
}

/// Builds the file for a document and its content.
pub(crate) fn to_file<'a>(
    doc: &Document,
    content: Content<'a>,
    text: TextInclusion,
) -> AnnotationFile<'a> {
    let published = doc.published_date();
    let Content {
        annotations,
        orphans,
        relations,
    } = content;
    AnnotationFile {
        format: FORMAT_NAME.to_owned(),
        version: SCHEMA_VERSION,
        offset_unit: OFFSET_UNIT.to_owned(),
        document: DocumentRecord {
            id: doc.id.clone(),
            title: doc.title.clone(),
            published: doc.published.clone(),
            source_url: doc.source_url.clone(),
            text: (text == TextInclusion::WithText).then(|| doc.index.text().to_owned()),
            text_sha256: doc.text_sha256.clone(),
            text_length: doc.index.len_chars(),
        },
        labels: Label::ALL.iter().map(|l| l.as_str().to_owned()).collect(),
        annotations: annotations
            .iter()
            .map(|a| placed_record(a, published, text))
            .collect(),
        orphans: orphans.iter().map(orphan_record).collect(),
        relations: relations.iter().map(relation_record).collect(),
        claims: if text == TextInclusion::Compact {
            Vec::new()
        } else {
            claims_table(content, published)
        },
    }
}

/// Above this many annotations an export is written without indentation: a person does not
/// read such a file by eye, and indenting it costs a third more bytes and time.
pub(crate) const PRETTY_PRINT_LIMIT: usize = 2_000;

pub fn to_json(doc: &Document, content: Content, text: TextInclusion) -> String {
    let file = to_file(doc, content, text);
    let pretty = text != TextInclusion::Compact && content.annotations.len() <= PRETTY_PRINT_LIMIT;
    // About what the file takes: the text, and some 500 bytes per annotation (quote, context,
    // dates, entity) with its claims row; a guess that is off costs one or two copies.
    let records = content.annotations.len() + content.orphans.len() + content.relations.len();
    let text_bytes = file.document.text.as_ref().map_or(0, String::len);
    let capacity = 1024 + text_bytes + 600 * records;
    super::json::always_text_sized(&file, pretty, capacity)
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
        }
    }
}

impl std::error::Error for SchemaError {}

/// What a stored or exported file holds, validated against the open document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub content: Annotations,
    /// The version the file was written in, when it was older than `SCHEMA_VERSION`.
    pub migrated_from: Option<u32>,
}

/// Upgrades an older file, in place, to the current version. Version 1 had no orphans;
/// version 2 reserved `relations` as a list that was always empty, and had no entities or
/// date values (those of version 3 are optional), so its content is valid as version 3.
pub(crate) fn migrate(value: &mut serde_json::Value, from: u32) {
    let Some(object) = value.as_object_mut() else {
        return;
    };
    if from < 2 {
        object
            .entry("orphans")
            .or_insert_with(|| serde_json::Value::Array(Vec::new()));
    }
    if from < 3 {
        object.insert("relations".to_owned(), serde_json::Value::Array(Vec::new()));
    }
    object.insert(
        "version".to_owned(),
        serde_json::Value::from(SCHEMA_VERSION),
    );
}
