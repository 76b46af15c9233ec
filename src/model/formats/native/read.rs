//! Import: a file's top level and record shapes checked, its records handed to [`plan`].

use super::{
    migrate, AnnotationRecord, DocumentRecord, Parsed, RelationRecord, SchemaError, FORMAT_NAME,
    OFFSET_UNIT, OLDEST_READABLE_VERSION, SCHEMA_VERSION,
};
use crate::model::annotation::{Label, Role};
use crate::model::content::Annotations;
use crate::model::document::Document;
use crate::model::formats::plan::{
    check_import_count, plan_same_text, plan_with, Draft, DraftRelation, Foreign, ImportPlan,
    Progress,
};
use crate::model::text::shorten;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

const NULL: serde_json::Value = serde_json::Value::Null;

fn describe(value: Option<&serde_json::Value>) -> String {
    match value {
        None => "missing".to_owned(),
        Some(v) => {
            let mut shown = String::new();
            crate::model::formats::json::write_compact(v, &mut shown);
            crate::model::text::shorten(&shown, 40)
        }
    }
}

/// A file's checked top level, with its records read into drafts for [`plan`].
struct Read {
    document: DocumentRecord,
    foreign: Foreign,
    migrated_from: Option<u32>,
}

/// Reads a file's top level and records; an import (`limited`) stops at the first record past
/// [`MAX_IMPORT_ANNOTATIONS`](crate::model::formats::plan::MAX_IMPORT_ANNOTATIONS).
fn read(mut value: serde_json::Value, limited: bool) -> Result<Read, SchemaError> {
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
    // Records are read from the `Value` in place (`&Value`'s deserializer, the one the page
    // carries; no copies).
    let document = DocumentRecord::deserialize(object.get("document").unwrap_or(&NULL))
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
    let records = numbered("annotations", "annotation")?
        .map(|(place, raw)| (place, raw, false))
        .chain(numbered("orphans", "orphan")?.map(|(place, raw)| (place, raw, true)));
    for (place, raw, orphan) in records {
        if limited {
            check_import_count(drafts.len()).map_err(SchemaError::Structure)?;
        }
        drafts.push(draft_of(raw, place, orphan)?);
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
    let record = AnnotationRecord::deserialize(raw).map_err(|e| fail(e.to_string()))?;
    let label = Label::parse(&record.label).ok_or_else(|| {
        fail(format!(
            "unknown label \"{}\" (expected actor, claim or date)",
            record.label
        ))
    })?;
    let given = |text: Cow<str>| Some(text.into_owned()).filter(|t| !t.is_empty());
    Ok(Draft {
        id: record.id.into_owned(),
        label: Some(label),
        start: Some(record.start),
        end: Some(record.end),
        // Empty in storage's compact form: the text, verified by its hash, gives it back.
        quote: given(record.quote),
        prefix: given(record.prefix),
        suffix: given(record.suffix),
        note: record.note.into_owned(),
        created: record.created.into_owned(),
        updated: record.updated.into_owned(),
        annotator: record.annotator.into_owned(),
        entity: record
            .entity
            .filter(|e| !e.inferred)
            .map(|e| e.name.into_owned()),
        date_value: record.date.filter(|d| d.manual).map(|d| d.value),
        orphan,
        place,
    })
}

fn relation_of(raw: &serde_json::Value, place: String) -> Result<DraftRelation, SchemaError> {
    let fail = |problem: String| SchemaError::Structure(format!("{place}: {problem}"));
    let record = RelationRecord::deserialize(raw).map_err(|e| fail(e.to_string()))?;
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

fn json_value(json: &str) -> Result<serde_json::Value, SchemaError> {
    serde_json::from_str(json).map_err(|e| SchemaError::Syntax(e.to_string()))
}

/// Parses and fully validates a file made for the open document's text (what local storage
/// holds). On success every annotation's offsets are in range, on grapheme boundaries and
/// match its quote; ids are unique and no two annotations are identical. Older versions are
/// migrated.
pub fn parse(json: &str, doc: &Document) -> Result<Parsed, SchemaError> {
    parse_value(json_value(json)?, doc)
}

/// [`parse`] of a file that is a JSON value already (one document of a workspace).
pub fn parse_value(value: serde_json::Value, doc: &Document) -> Result<Parsed, SchemaError> {
    parse_with(value, doc, false, &mut |_| {})
}

fn parse_with(
    value: serde_json::Value,
    doc: &Document,
    limited: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Parsed, SchemaError> {
    let read = read_checked(value, doc, limited)?;
    Ok(Parsed {
        content: place_exactly(read.foreign, doc, progress)?,
        migrated_from: read.migrated_from,
    })
}

/// Reads the records of one document as the local database holds them (one record per
/// annotation, orphan and relation, each with the export's fields) and validates them as
/// strictly as [`parse`] does a stored file. `place` names each record in messages.
pub fn parse_records<'a>(
    annotations: impl IntoIterator<Item = (String, &'a serde_json::Value, bool)>,
    relations: impl IntoIterator<Item = (String, &'a serde_json::Value)>,
    doc: &Document,
) -> Result<Annotations, SchemaError> {
    let drafts = annotations
        .into_iter()
        .map(|(place, raw, orphan)| draft_of(raw, place, orphan))
        .collect::<Result<_, _>>()?;
    let relations = relations
        .into_iter()
        .map(|(place, raw)| relation_of(raw, place))
        .collect::<Result<_, _>>()?;
    let foreign = Foreign {
        text: Some(doc.index.text().to_owned()),
        drafts,
        relations,
    };
    place_exactly(foreign, doc, &mut |_| {})
}

/// One relation record, on its own (its ends are checked when it joins a store).
pub fn parse_relation_record(
    raw: &serde_json::Value,
    place: String,
) -> Result<crate::model::Relation, SchemaError> {
    let draft = relation_of(raw, place)?;
    Ok(crate::model::Relation {
        id: draft.id,
        claim: draft.claim,
        other: draft.other,
        role: draft.role,
        created: draft.created,
    })
}

/// Places records written for this very text: every offset must match its quote, and the
/// same label twice on one span is refused (storage never writes it).
fn place_exactly(
    foreign: Foreign,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<Annotations, SchemaError> {
    let places: HashMap<String, String> = foreign
        .drafts
        .iter()
        .map(|d| (d.id.clone(), d.place.clone()))
        .collect();
    let planned = plan_same_text(foreign, doc, progress).map_err(SchemaError::Structure)?;
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
    Ok(planned.content)
}

/// Reads a file made for the open document's very text, its text set to the document's.
fn read_checked(
    value: serde_json::Value,
    doc: &Document,
    limited: bool,
) -> Result<Read, SchemaError> {
    let mut read = read(value, limited)?;
    check_document(&read.document, doc)?;
    read.foreign.text = Some(doc.index.text().to_owned());
    Ok(read)
}

/// Reads back annotations that were placed in this very text already (an import that the
/// import worker placed, sent in storage's compact form): every check of [`parse`] but the
/// one against the same label twice on one span, which an import may hold and
/// [`Store::import`](crate::model::store::Store::import) resolves.
pub fn parse_placed(json: &str, doc: &Document) -> Result<Annotations, SchemaError> {
    let read = read_checked(json_value(json)?, doc, false)?;
    plan_same_text(read.foreign, doc, &mut |_| {})
        .map(|planned| planned.content)
        .map_err(SchemaError::Structure)
}

/// The document a file names, with `text` as its text (which the file may leave out, as
/// storage's compact form does): id, title, publication date and source URL. The import
/// worker rebuilds the open document from it.
pub fn document_of(json: &str, text: &str) -> Result<Document, SchemaError> {
    // Only the document record is read; the records are skipped without being built.
    #[derive(serde::Deserialize)]
    struct Head {
        document: DocumentRecord,
    }
    let record = serde_json::from_str::<Head>(json)
        .map_err(|e| SchemaError::Structure(format!("\"document\": {e}")))?
        .document;
    let mut doc = Document::new(&record.id, &record.title, record.published.as_deref(), text);
    doc.source_url = record.source_url;
    Ok(doc)
}

/// Parses a file for import into the open document. A file made for this very text is
/// validated strictly (see [`parse`]); a file made for a different text is re-anchored by
/// [`plan`](crate::model::formats::plan()), its orphans included.
pub fn parse_for_import(json: &str, doc: &Document) -> Result<ImportPlan, SchemaError> {
    parse_for_import_with(json, doc, &mut |_| {})
}

/// [`parse_for_import`], telling `progress` how far placing has come. Stops at the first
/// record past [`MAX_IMPORT_ANNOTATIONS`](crate::model::formats::plan::MAX_IMPORT_ANNOTATIONS).
pub fn parse_for_import_with(
    json: &str,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportPlan, SchemaError> {
    let value = json_value(json)?;
    let mut read = read(value.clone(), true)?;
    if check_document(&read.document, doc).is_ok() {
        let parsed = parse_with(value, doc, true, progress)?;
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
    plan_with(read.foreign, doc, progress).map_err(SchemaError::Structure)
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
