//! This app's own JSON (`text-annotator`, versioned): what local storage and the JSON export
//! share.
//!
//! Reading checks the file's top level (format, version, offset unit, document) and each
//! record's shape here, then hands the records to [`super::plan`] like every other format:
//! a file for this very text must match it exactly, a file for another text is re-anchored.
//! A file is taken whole or rejected whole, with a message that says what and where.

use super::plan::{plan, Draft, DraftRelation, Foreign, ImportPlan};
use crate::model::annotation::{entity_id, Annotation, Label, Role};
use crate::model::claims::{claims_table, ClaimRecord};
use crate::model::content::{Annotations, Content};
use crate::model::dates::CalendarDate;
use crate::model::document::Document;
use crate::model::text::shorten;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

pub const FORMAT_NAME: &str = "text-annotator";
/// Version 2 added `orphans` and `document.source_url`; version 3 typed `relations`, actor
/// `entity` and date `date` values, and the derived `claims` table of exports. Older files
/// are migrated on read.
pub const SCHEMA_VERSION: u32 = 3;
/// The oldest version this app still reads.
pub const OLDEST_READABLE_VERSION: u32 = 1;
pub const OFFSET_UNIT: &str = "codepoint";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationRecord {
    pub id: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// Empty only in local storage's compact form (see [`TextInclusion::Compact`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
    /// Actors: the entity this mention refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityRecord>,
    /// Dates: the normalised value (exports always; storage only when set by hand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub id: String,
    pub name: String,
    /// True when no entity was set and the mention's own text stands in as its name (exports
    /// only, so every actor carries an entity id and name).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    /// ISO 8601 / TIMEX3 value; empty when the phrase was not understood.
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// True when a person set the value; false when it was computed from the text.
    #[serde(default)]
    pub manual: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRecord {
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationFile {
    pub format: String,
    pub version: u32,
    pub offset_unit: String,
    pub document: DocumentRecord,
    pub labels: Vec<String>,
    pub annotations: Vec<AnnotationRecord>,
    /// Annotations whose text was not found when they were imported against a changed text.
    /// Their `start`/`end` are where they used to be, and their quote is the old text.
    #[serde(default)]
    pub orphans: Vec<AnnotationRecord>,
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

fn record_of(a: &Annotation) -> AnnotationRecord {
    AnnotationRecord {
        entity: a.entity.as_ref().map(|name| EntityRecord {
            id: entity_id(name),
            name: name.clone(),
            inferred: false,
        }),
        date: None,
        id: a.id.clone(),
        label: a.label.as_str().to_owned(),
        start: a.span.start.0,
        end: a.span.end.0,
        quote: a.quote.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        note: a.note.clone(),
        created: a.created.clone(),
        updated: a.updated.clone(),
    }
}

/// Builds the file for a document and its content.
pub fn to_file(doc: &Document, content: Content, text: TextInclusion) -> AnnotationFile {
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
            .map(|a| {
                let mut record = record_of(a);
                record.date = date_record(a, published, text);
                if a.label == Label::Actor
                    && record.entity.is_none()
                    && text != TextInclusion::Compact
                {
                    record.entity = Some(EntityRecord {
                        id: entity_id(&a.quote),
                        name: a.quote.clone(),
                        inferred: true,
                    });
                }
                if text == TextInclusion::Compact {
                    record.quote.clear();
                    record.prefix.clear();
                    record.suffix.clear();
                }
                record
            })
            .collect(),
        orphans: orphans.iter().map(record_of).collect(),
        relations: relations
            .iter()
            .map(|r| RelationRecord {
                id: r.id.clone(),
                claim: r.claim.clone(),
                role: r.role.as_str().to_owned(),
                annotation: r.other.clone(),
                created: r.created.clone(),
            })
            .collect(),
        claims: if text == TextInclusion::Compact {
            Vec::new()
        } else {
            claims_table(content, published)
        },
    }
}

/// Above this many annotations an export is written without indentation: a person does not
/// read such a file by eye, and indenting it costs a third more bytes and time.
pub const PRETTY_PRINT_LIMIT: usize = 2_000;

pub fn to_json(doc: &Document, content: Content, text: TextInclusion) -> String {
    let file = to_file(doc, content, text);
    if text == TextInclusion::Compact || content.annotations.len() > PRETTY_PRINT_LIMIT {
        serde_json::to_string(&file)
    } else {
        serde_json::to_string_pretty(&file)
    }
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

fn describe(value: Option<&serde_json::Value>) -> String {
    match value {
        None => "missing".to_owned(),
        Some(v) => {
            let shown = v.to_string();
            crate::model::text::shorten(&shown, 40)
        }
    }
}

/// What a stored or exported file holds, validated against the open document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub content: Annotations,
    /// The version the file was written in, when it was older than [`SCHEMA_VERSION`].
    pub migrated_from: Option<u32>,
}

/// Upgrades an older file, in place, to the current version. Version 1 had no orphans;
/// version 2 reserved `relations` as a list that was always empty, and had no entities or
/// date values (those of version 3 are optional), so its content is valid as version 3.
pub fn migrate(value: &mut serde_json::Value, from: u32) {
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

/// A file's checked top level, with its records read into drafts for [`plan`].
struct Read {
    document: DocumentRecord,
    foreign: Foreign,
    migrated_from: Option<u32>,
}

fn read(json: &str) -> Result<Read, SchemaError> {
    let mut value: serde_json::Value =
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
    let version = match object.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(SchemaError::FutureVersion(
                u32::try_from(v).unwrap_or(u32::MAX),
            ))
        }
        Some(v) if v >= u64::from(OLDEST_READABLE_VERSION) => v as u32,
        _ => return Err(SchemaError::BadVersion(describe(object.get("version")))),
    };
    match object.get("offset_unit").and_then(|u| u.as_str()) {
        Some(OFFSET_UNIT) => {}
        _ => return Err(SchemaError::WrongUnit(describe(object.get("offset_unit")))),
    }
    let migrated_from = (version < SCHEMA_VERSION).then_some(version);
    migrate(&mut value, version);
    let object = value.as_object().expect("checked above");
    let document: DocumentRecord = serde_json::from_value(
        object
            .get("document")
            .cloned()
            .unwrap_or(serde_json::Value::Null),
    )
    .map_err(|e| SchemaError::Structure(format!("\"document\": {e}")))?;
    let list = |name: &str| -> Result<&[serde_json::Value], SchemaError> {
        match object.get(name) {
            Some(serde_json::Value::Array(items)) => Ok(items),
            None if name != "annotations" => Ok(&[]),
            _ => Err(SchemaError::Structure(format!("\"{name}\" must be a list"))),
        }
    };
    let numbered = |name: &'static str, place: &'static str| {
        list(name).map(move |items| {
            items
                .iter()
                .enumerate()
                .map(move |(i, raw)| (format!("{place} {}", i + 1), raw))
        })
    };
    let mut drafts = Vec::new();
    for (place, raw) in numbered("annotations", "annotation")? {
        drafts.push(draft_of(raw, place, false)?);
    }
    for (place, raw) in numbered("orphans", "orphan")? {
        drafts.push(draft_of(raw, place, true)?);
    }
    let relations = numbered("relations", "relation")?
        .map(|(place, raw)| relation_of(raw, place))
        .collect::<Result<_, _>>()?;
    Ok(Read {
        document,
        foreign: Foreign {
            text: None,
            drafts,
            relations,
        },
        migrated_from,
    })
}

/// A record's shape: the fields and a known label. Offsets and quotes are [`plan`]'s.
fn draft_of(raw: &serde_json::Value, place: String, orphan: bool) -> Result<Draft, SchemaError> {
    let fail = |problem: String| SchemaError::Structure(format!("{place}: {problem}"));
    let record: AnnotationRecord =
        serde_json::from_value(raw.clone()).map_err(|e| fail(e.to_string()))?;
    let label = Label::parse(&record.label).ok_or_else(|| {
        fail(format!(
            "unknown label \"{}\" (expected actor, claim or date)",
            record.label
        ))
    })?;
    let given = |text: String| Some(text).filter(|t| !t.is_empty());
    Ok(Draft {
        id: record.id,
        label: Some(label),
        start: Some(record.start),
        end: Some(record.end),
        // Empty in storage's compact form: the text, verified by its hash, gives it back.
        quote: given(record.quote),
        prefix: given(record.prefix),
        suffix: given(record.suffix),
        note: record.note,
        created: record.created,
        updated: record.updated,
        entity: record.entity.filter(|e| !e.inferred).map(|e| e.name),
        date_value: record.date.filter(|d| d.manual).map(|d| d.value),
        orphan,
        place,
    })
}

fn relation_of(raw: &serde_json::Value, place: String) -> Result<DraftRelation, SchemaError> {
    let fail = |problem: String| SchemaError::Structure(format!("{place}: {problem}"));
    let record: RelationRecord =
        serde_json::from_value(raw.clone()).map_err(|e| fail(e.to_string()))?;
    let role = Role::parse(&record.role).ok_or_else(|| {
        fail(format!(
            "unknown role \"{}\" (expected source, target or when)",
            record.role
        ))
    })?;
    Ok(DraftRelation {
        id: record.id,
        claim: record.claim,
        other: record.annotation,
        role,
        created: record.created,
        place,
    })
}

/// Parses and fully validates a file made for the open document's text (what local storage
/// holds). On success every annotation's offsets are in range, on grapheme boundaries and
/// match its quote; ids are unique and no two annotations are identical. Older versions are
/// migrated.
pub fn parse(json: &str, doc: &Document) -> Result<Parsed, SchemaError> {
    let mut read = read(json)?;
    check_document(&read.document, doc)?;
    let places: HashMap<String, String> = read
        .foreign
        .drafts
        .iter()
        .map(|d| (d.id.clone(), d.place.clone()))
        .collect();
    read.foreign.text = Some(doc.index.text().to_owned());
    let planned = plan(read.foreign, doc).map_err(SchemaError::Structure)?;
    // The same label twice on one span is one annotation too many; storage never writes it.
    let mut seen: HashMap<(Label, usize, usize), &str> = HashMap::new();
    for a in &planned.content.annotations {
        let place = places.get(&a.id).map_or("?", String::as_str);
        if let Some(first) = seen.insert((a.label, a.span.start.0, a.span.end.0), place) {
            return Err(SchemaError::Structure(format!(
                "{place}: same {} span {}–{} as {first}",
                a.label, a.span.start, a.span.end
            )));
        }
    }
    Ok(Parsed {
        content: planned.content,
        migrated_from: read.migrated_from,
    })
}

/// Parses a file for import into the open document. A file made for this very text is
/// validated strictly (see [`parse`]); a file made for a different text is re-anchored by
/// [`plan`], its orphans included.
pub fn parse_for_import(json: &str, doc: &Document) -> Result<ImportPlan, SchemaError> {
    let mut read = read(json)?;
    if check_document(&read.document, doc).is_ok() {
        let parsed = parse(json, doc)?;
        return Ok(ImportPlan {
            report: crate::model::anchor::AnchorReport {
                exact: parsed.content.annotations.len(),
                orphaned: parsed.content.orphans.len(),
                ..Default::default()
            },
            content: parsed.content,
            text_changed: false,
        });
    }
    read.foreign.text = read.document.text;
    plan(read.foreign, doc).map_err(SchemaError::Structure)
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
            shorten(&record.text_sha256, 12),
            doc.title
        )));
    }
    Ok(())
}
