//! The versioned JSON that local storage and the JSON export share.
//!
//! Parsing validates everything against the open document before anything is accepted:
//! a file is taken whole or rejected whole, with a message that says what and where.

use super::anchor::{Anchorer, Placement, Selector};
use super::annotation::{entity_id, Annotation, Label, Relation, Role};
use super::dates::{self, DateValue};
use super::span::CharSpan;
use super::text::{CharOffset, TextIndex};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
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

/// The open document: its identity and its indexed text.
#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// Publication date (ISO 8601), when known.
    pub published: Option<String>,
    /// Where the text came from, when known.
    pub source_url: Option<String>,
    pub index: TextIndex,
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

/// One row of the claims table: who claimed what, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub claim: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// Names of the source actors (their entity's name, else their text).
    pub sources: Vec<String>,
    pub targets: Vec<String>,
    /// Date values (their text where none could be computed).
    pub dates: Vec<String>,
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

/// What a file holds besides the document.
#[derive(Clone, Copy, Debug)]
pub struct Content<'a> {
    pub annotations: &'a [Annotation],
    pub orphans: &'a [Annotation],
    pub relations: &'a [Relation],
}

impl<'a> Content<'a> {
    pub fn of(store: &'a crate::model::store::Store) -> Self {
        Content {
            annotations: store.annotations(),
            orphans: store.orphans(),
            relations: store.relations(),
        }
    }
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

/// A date annotation's value: the one set by hand, else the one computed from its text.
pub fn date_value_of(
    a: &Annotation,
    published: Option<crate::model::dates::CalendarDate>,
) -> Option<DateValue> {
    match &a.date_value {
        Some(value) => Some(DateValue {
            value: value.clone(),
            modifier: None,
            anchored: false,
        }),
        None => dates::normalize(&a.quote, published),
    }
}

fn date_record(
    a: &Annotation,
    published: Option<crate::model::dates::CalendarDate>,
    text: TextInclusion,
) -> Option<DateRecord> {
    if a.label != Label::Date {
        return None;
    }
    if text == TextInclusion::Compact && a.date_value.is_none() {
        return None;
    }
    let value = date_value_of(a, published);
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
        start: a.span.start,
        end: a.span.end,
        quote: a.quote.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
        note: a.note.clone(),
        created: a.created.clone(),
        updated: a.updated.clone(),
    }
}

/// The claims table: every claim with the names of its actors and its date values.
pub fn claims_table(
    content: Content,
    published: Option<crate::model::dates::CalendarDate>,
) -> Vec<ClaimRecord> {
    let by_id: HashMap<&str, &Annotation> = content
        .annotations
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    content
        .annotations
        .iter()
        .filter(|a| a.label == Label::Claim)
        .map(|claim| {
            let mut linked: Vec<(&Relation, &Annotation)> = content
                .relations
                .iter()
                .filter(|r| r.claim == claim.id)
                .filter_map(|r| by_id.get(r.other.as_str()).map(|a| (r, *a)))
                .collect();
            linked.sort_by_key(|(r, a)| (r.role, a.span.start));
            let names = |role: Role| -> Vec<String> {
                linked
                    .iter()
                    .filter(|(r, _)| r.role == role)
                    .map(|(_, a)| match role {
                        Role::When => date_value_of(a, published)
                            .map(|v| v.to_string())
                            .unwrap_or_else(|| a.quote.clone()),
                        _ => a.entity.clone().unwrap_or_else(|| a.quote.clone()),
                    })
                    .collect()
            };
            ClaimRecord {
                claim: claim.id.clone(),
                quote: claim.quote.clone(),
                start: claim.span.start,
                end: claim.span.end,
                sources: names(Role::Source),
                targets: names(Role::Target),
                dates: names(Role::When),
            }
        })
        .collect()
}

/// The claims table as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas,
/// quotes or line breaks in double quotes, quotes doubled). Several actors or dates in one
/// cell are joined with "; ".
pub fn claims_csv(rows: &[ClaimRecord]) -> String {
    use super::formats::csv_field as field;
    let mut out = String::from("claim_id,claim,sources,targets,dates,start,end\r\n");
    for row in rows {
        let cells = [
            field(&row.claim),
            field(&row.quote),
            field(&row.sources.join("; ")),
            field(&row.targets.join("; ")),
            field(&row.dates.join("; ")),
            row.start.to_string(),
            row.end.to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Builds the file for a document and its content.
pub fn to_file(doc: &Document, content: Content, text: TextInclusion) -> AnnotationFile {
    let published = doc.published.as_deref().and_then(dates::parse_iso_date);
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

/// What a stored or exported file holds, validated against the open document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Annotation>,
    pub relations: Vec<Relation>,
    /// The version the file was written in, when it was older than [`SCHEMA_VERSION`].
    pub migrated_from: Option<u32>,
}

/// How the annotations of an import found their places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnchorReport {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
    /// Links dropped because one of their ends became an orphan.
    pub links_dropped: usize,
}

impl AnchorReport {
    /// Counts where one annotation landed.
    pub fn count(&mut self, placement: &Placement) {
        match placement {
            Placement::Exact(_) => self.exact += 1,
            Placement::Moved(_) => self.moved += 1,
            Placement::Fuzzy(..) => self.fuzzy += 1,
            Placement::Orphan => self.orphaned += 1,
        }
    }
}

impl fmt::Display for AnchorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} placed exactly, {} moved, {} matched fuzzily, {} orphaned",
            self.exact, self.moved, self.fuzzy, self.orphaned
        )?;
        if self.links_dropped > 0 {
            write!(
                f,
                ", {} links dropped with their orphans",
                self.links_dropped
            )?;
        }
        Ok(())
    }
}

/// An import ready to apply: annotations placed in the open text, orphans, and the report.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub annotations: Vec<Annotation>,
    pub orphans: Vec<Annotation>,
    pub relations: Vec<Relation>,
    pub report: AnchorReport,
    /// True when the file was made for a different text and was re-anchored.
    pub text_changed: bool,
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

/// The checked top level of a file.
struct Header {
    document: DocumentRecord,
    records: Vec<serde_json::Value>,
    orphan_records: Vec<serde_json::Value>,
    relation_records: Vec<serde_json::Value>,
    migrated_from: Option<u32>,
}

fn read_header(json: &str) -> Result<Header, SchemaError> {
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
    let list = |name: &str| -> Result<Vec<serde_json::Value>, SchemaError> {
        match object.get(name) {
            Some(serde_json::Value::Array(items)) => Ok(items.clone()),
            None if name != "annotations" => Ok(Vec::new()),
            _ => Err(SchemaError::Structure(format!("\"{name}\" must be a list"))),
        }
    };
    let records = list("annotations")?;
    let orphan_records = list("orphans")?;
    let relation_records = list("relations")?;
    Ok(Header {
        document,
        records,
        orphan_records,
        relation_records,
        migrated_from,
    })
}

/// A record checked for what holds whatever the text: known label, ordered offsets, an id.
fn check_structure(
    raw: &serde_json::Value,
    seen_ids: &mut HashMap<String, String>,
    place: &str,
) -> Result<(AnnotationRecord, Label), String> {
    let record: AnnotationRecord =
        serde_json::from_value(raw.clone()).map_err(|e| e.to_string())?;
    let label = Label::parse(&record.label).ok_or_else(|| {
        format!(
            "unknown label \"{}\" (expected actor, claim or date)",
            record.label
        )
    })?;
    if record.start >= record.end {
        return Err(format!(
            "start {} must be smaller than end {} (end is exclusive)",
            record.start, record.end
        ));
    }
    if record.id.trim().is_empty() {
        return Err("the id is empty".to_owned());
    }
    if let Some(first) = seen_ids.insert(record.id.clone(), place.to_owned()) {
        return Err(format!("id \"{}\" is already used by {first}", record.id));
    }
    Ok((record, label))
}

/// An orphan keeps its old offsets and quote as they were.
fn orphan_from(record: AnnotationRecord, label: Label) -> Annotation {
    Annotation {
        id: record.id,
        label,
        span: CharSpan {
            start: record.start,
            end: record.end,
        },
        quote: record.quote,
        prefix: record.prefix,
        suffix: record.suffix,
        note: record.note,
        created: record.created,
        updated: record.updated,
        entity: record.entity.filter(|e| !e.inferred).map(|e| e.name),
        date_value: record.date.filter(|d| d.manual).map(|d| d.value),
    }
}

fn placed_from(
    doc: &Document,
    record: AnnotationRecord,
    label: Label,
    span: CharSpan,
) -> Annotation {
    let mut annotation = Annotation::new(&doc.index, record.id, label, span, &record.created);
    annotation.note = record.note;
    annotation.updated = record.updated;
    annotation.entity = record.entity.filter(|e| !e.inferred).map(|e| e.name);
    annotation.date_value = record.date.filter(|d| d.manual).map(|d| d.value);
    annotation
}

fn parse_orphans(
    header: &Header,
    seen_ids: &mut HashMap<String, String>,
) -> Result<Vec<Annotation>, SchemaError> {
    header
        .orphan_records
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let (record, label) = check_structure(raw, seen_ids, &format!("orphan {}", i + 1))
                .map_err(|problem| {
                    SchemaError::Structure(format!("orphan {}: {problem}", i + 1))
                })?;
            Ok(orphan_from(record, label))
        })
        .collect()
}

/// Parses and fully validates a file against the open document. On success every
/// annotation's offsets are in range, on grapheme boundaries and match its quote; ids are
/// unique and no two annotations are identical. Older versions are migrated.
pub fn parse(json: &str, doc: &Document) -> Result<Parsed, SchemaError> {
    let header = read_header(json)?;
    check_document(&header.document, doc)?;
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut seen_spans: HashMap<(Label, CharSpan), usize> = HashMap::new();
    let mut annotations = Vec::with_capacity(header.records.len());
    for (i, raw) in header.records.iter().enumerate() {
        let number = i + 1;
        let fail = |problem: String| SchemaError::Annotation { number, problem };
        let (record, label) =
            check_structure(raw, &mut seen_ids, &format!("annotation {number}")).map_err(fail)?;
        let annotation = check_record(record, label, doc).map_err(fail)?;
        if let Some(first) = seen_spans.insert((annotation.label, annotation.span), number) {
            return Err(fail(format!(
                "same {} span {}–{} as annotation {first}",
                annotation.label, annotation.span.start, annotation.span.end
            )));
        }
        annotations.push(annotation);
    }
    let orphans = parse_orphans(&header, &mut seen_ids)?;
    let relations = parse_relations(&header, &annotations)?;
    Ok(Parsed {
        annotations,
        orphans,
        relations,
        migrated_from: header.migrated_from,
    })
}

/// Relations must join a claim to an actor (source, target) or a date (when), both among
/// the file's placed annotations; ids are unique, and no link is listed twice.
fn parse_relations(
    header: &Header,
    annotations: &[Annotation],
) -> Result<Vec<Relation>, SchemaError> {
    let labels: HashMap<&str, Label> = annotations
        .iter()
        .map(|a| (a.id.as_str(), a.label))
        .collect();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut links = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(header.relation_records.len());
    for (i, raw) in header.relation_records.iter().enumerate() {
        let number = i + 1;
        let fail =
            |problem: String| SchemaError::Structure(format!("relation {number}: {problem}"));
        let record: RelationRecord =
            serde_json::from_value(raw.clone()).map_err(|e| fail(e.to_string()))?;
        let role = Role::parse(&record.role).ok_or_else(|| {
            fail(format!(
                "unknown role \"{}\" (expected source, target or when)",
                record.role
            ))
        })?;
        match labels.get(record.claim.as_str()) {
            Some(Label::Claim) => {}
            Some(other) => {
                return Err(fail(format!(
                    "\"{}\" is {other}, not a claim",
                    record.claim
                )))
            }
            None => return Err(fail(format!("there is no annotation \"{}\"", record.claim))),
        }
        match labels.get(record.annotation.as_str()) {
            Some(label) if *label == role.label() => {}
            Some(label) => {
                return Err(fail(format!(
                    "a {} link needs {}, but \"{}\" is {label}",
                    role.as_str(),
                    role.label(),
                    record.annotation
                )))
            }
            None => {
                return Err(fail(format!(
                    "there is no annotation \"{}\"",
                    record.annotation
                )))
            }
        }
        if let Some(first) = ids.insert(record.id.clone(), number) {
            return Err(fail(format!(
                "id \"{}\" is already used by relation {first}",
                record.id
            )));
        }
        if !links.insert((record.claim.clone(), record.annotation.clone(), role)) {
            return Err(fail("the same link is listed twice".to_owned()));
        }
        out.push(Relation {
            id: record.id,
            claim: record.claim,
            other: record.annotation,
            role,
            created: record.created,
        });
    }
    Ok(out)
}

/// Parses a file for import into the open document. A file made for this very text is
/// validated strictly (see [`parse`]); a file made for a different text is re-anchored:
/// every annotation is placed by position, quote, context or fuzzy match, or becomes an
/// orphan. Orphans in the file get the same chance to be placed again.
pub fn parse_for_import(json: &str, doc: &Document) -> Result<ImportPlan, SchemaError> {
    let header = read_header(json)?;
    if check_document(&header.document, doc).is_ok() {
        let parsed = parse(json, doc)?;
        let report = AnchorReport {
            exact: parsed.annotations.len(),
            orphaned: parsed.orphans.len(),
            ..AnchorReport::default()
        };
        return Ok(ImportPlan {
            annotations: parsed.annotations,
            orphans: parsed.orphans,
            relations: parsed.relations,
            report,
            text_changed: false,
        });
    }
    let anchorer = Anchorer::new(&doc.index);
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    let mut plan = ImportPlan {
        annotations: Vec::new(),
        orphans: Vec::new(),
        relations: Vec::new(),
        report: AnchorReport::default(),
        text_changed: true,
    };
    let all = header
        .records
        .iter()
        .enumerate()
        .map(|(i, raw)| (format!("annotation {}", i + 1), raw))
        .chain(
            header
                .orphan_records
                .iter()
                .enumerate()
                .map(|(i, raw)| (format!("orphan {}", i + 1), raw)),
        );
    for (place_name, raw) in all {
        let (record, label) = check_structure(raw, &mut seen_ids, &place_name)
            .map_err(|problem| SchemaError::Structure(format!("{place_name}: {problem}")))?;
        let selector = Selector {
            quote: &record.quote,
            prefix: &record.prefix,
            suffix: &record.suffix,
            start: record.start,
            end: record.end,
        };
        let placement = anchorer.place(&selector);
        plan.report.count(&placement);
        match placement.span() {
            Some(span) => plan.annotations.push(placed_from(doc, record, label, span)),
            None => plan.orphans.push(orphan_from(record, label)),
        }
    }
    // Links keep their structure checks; those whose ends did not both find a place go.
    let placed: Vec<Annotation> = plan.annotations.clone();
    let placed_ids: std::collections::HashSet<&str> =
        placed.iter().map(|a| a.id.as_str()).collect();
    let with_orphans: Vec<Annotation> = placed.iter().chain(&plan.orphans).cloned().collect();
    for relation in parse_relations(&header, &with_orphans)? {
        if placed_ids.contains(relation.claim.as_str())
            && placed_ids.contains(relation.other.as_str())
        {
            plan.relations.push(relation);
        } else {
            plan.report.links_dropped += 1;
        }
    }
    Ok(plan)
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

fn check_record(
    record: AnnotationRecord,
    label: Label,
    doc: &Document,
) -> Result<Annotation, String> {
    let len = doc.index.len_chars();
    let (start, end) = (record.start, record.end);
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
    // A missing quote is the compact storage form: the text was verified by its hash.
    if !record.quote.is_empty() && actual != record.quote {
        return Err(format!(
            "quote “{}” does not match the text at {start}–{end} (“{}”)",
            crate::model::store::shorten(&record.quote, 40),
            crate::model::store::shorten(actual, 40)
        ));
    }
    Ok(placed_from(doc, record, label, CharSpan { start, end }))
}
