//! The JSON file shared by storage and export: round trip and every rejection path.

use annotator::model::formats::native::{self, SchemaError, TextInclusion, FORMAT_NAME};
use annotator::model::span::CharSpan;
use annotator::model::store::Store;
use annotator::model::{default_document, Label};
use annotator::model::{Content, Document};
use serde_json::{json, Value};

use crate::support::span_of;

fn sample() -> (Document, Store) {
    let doc = default_document();
    let mut store = Store::new();
    store
        .add(
            &doc.index,
            "a1".into(),
            Label::Actor,
            span_of(&doc, "Sergey Lavrov"),
            "2025-01-01T00:00:00.000Z",
        )
        .unwrap();
    store
        .add(
            &doc.index,
            "d1".into(),
            Label::Date,
            span_of(&doc, "January 24"),
            "2025-01-01T00:00:00.000Z",
        )
        .unwrap();
    store
        .add(
            &doc.index,
            "c1".into(),
            Label::Claim,
            span_of(
                &doc,
                "Russian-Armenian relations are experiencing a challenging period",
            ),
            "2025-01-01T00:00:00.000Z",
        )
        .unwrap();
    store
        .set_note(
            "a1",
            "Foreign Minister — “quoted”",
            "2025-01-02T00:00:00.000Z",
        )
        .unwrap();
    (doc, store)
}

fn export(doc: &Document, store: &Store) -> Value {
    serde_json::from_str(&native::to_json(
        doc,
        store.content(),
        TextInclusion::WithText,
    ))
    .unwrap()
}

/// A change that breaks a valid file in one way.
type Breaker = Box<dyn Fn(&mut Value)>;

fn reject(doc: &Document, file: &Value) -> String {
    native::parse(&file.to_string(), doc)
        .unwrap_err()
        .to_string()
}

#[test]
fn export_round_trips_exactly_and_quotes_match_code_point_slices() {
    let (doc, store) = sample();
    let value = export(&doc, &store);
    assert_eq!(value["format"], FORMAT_NAME);
    assert_eq!(value["version"], 3);
    assert_eq!(value["orphans"], json!([]));
    assert_eq!(value["offset_unit"], "codepoint");
    assert_eq!(value["relations"], json!([]));
    assert_eq!(value["document"]["text_sha256"].as_str().unwrap().len(), 64);
    let text: Vec<char> = value["document"]["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    for a in value["annotations"].as_array().unwrap() {
        let (start, end) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[start..end].iter().collect();
        assert_eq!(slice, a["quote"].as_str().unwrap());
    }
    let parsed = native::parse(&value.to_string(), &doc).unwrap();
    assert_eq!(parsed.content.annotations, store.annotations());
    assert_eq!(parsed.migrated_from, None);
    // Storage leaves the text out and still round-trips.
    let stored = native::to_json(&doc, store.content(), TextInclusion::Compact);
    assert!(!stored.contains("Relations between Russia"));
    assert_eq!(
        native::parse(&stored, &doc).unwrap().content.annotations,
        store.annotations()
    );
}

#[test]
fn every_problem_is_rejected_with_where_and_what() {
    let (doc, store) = sample();
    let good = export(&doc, &store);
    let cases: Vec<(Breaker, &str)> = vec![
        (
            Box::new(|v| v["format"] = json!("brat")),
            "not a text-annotator annotation file",
        ),
        (
            Box::new(|v| v["version"] = json!(7)),
            "version 7, newer than this app",
        ),
        (
            Box::new(|v| v["version"] = json!("one")),
            "\"version\" is \"one\"",
        ),
        (
            Box::new(|v| v["offset_unit"] = json!("utf16")),
            "counts offsets in \"\"utf16\"\"",
        ),
        (
            Box::new(|v| v["annotations"] = json!({})),
            "\"annotations\" must be a list",
        ),
        (
            Box::new(|v| v["relations"] = json!(3)),
            "\"relations\" must be a list",
        ),
        (Box::new(|v| v["document"] = json!(null)), "\"document\""),
        (
            Box::new(|v| v["document"]["text"] = json!("Other text")),
            "differs from the open document",
        ),
        (
            Box::new(|v| {
                v["document"].as_object_mut().unwrap().remove("text");
                v["document"]["text_sha256"] = json!("00ff");
            }),
            "different text",
        ),
        (
            Box::new(|v| v["annotations"][1]["label"] = json!("person")),
            "annotation 2: unknown label \"person\"",
        ),
        (
            Box::new(|v| v["annotations"][2]["end"] = json!(99999)),
            "annotation 3: offsets",
        ),
        (
            Box::new(|v| v["annotations"][0]["start"] = v["annotations"][0]["end"].clone()),
            "annotation 1: start",
        ),
        (
            Box::new(|v| v["annotations"][1]["quote"] = json!("January 25")),
            "annotation 2: quote “January 25” does not match the text at",
        ),
        (
            Box::new(|v| v["annotations"][1]["id"] = v["annotations"][0]["id"].clone()),
            "annotation 2: id",
        ),
        (
            Box::new(|v| v["annotations"][2]["id"] = json!("  ")),
            "annotation 3: the id is empty",
        ),
        (
            Box::new(|v| {
                let first = v["annotations"][0].clone();
                let mut copy = first;
                copy["id"] = json!("zz");
                v["annotations"].as_array_mut().unwrap().push(copy);
            }),
            "annotation 4: same",
        ),
        (
            Box::new(|v| {
                v["annotations"][0].as_object_mut().unwrap().remove("end");
            }),
            "annotation 1: missing field `end`",
        ),
    ];
    for (break_it, expected) in cases {
        let mut file = good.clone();
        break_it(&mut file);
        let message = reject(&doc, &file);
        assert!(
            message.contains(expected),
            "expected “{expected}” in “{message}”"
        );
    }
    assert!(matches!(
        native::parse("{\"format\": ", &doc),
        Err(SchemaError::Syntax(_))
    ));
    assert!(native::parse("[1,2]", &doc)
        .unwrap_err()
        .to_string()
        .contains("JSON object"));
}

#[test]
fn an_offset_inside_an_emoji_is_rejected() {
    let doc = Document::new("emoji", "Emoji", None, "Flag 🇦🇲 here");
    let mut store = Store::new();
    store
        .add(
            &doc.index,
            "f".into(),
            Label::Actor,
            CharSpan::at(5, 7),
            "t",
        )
        .unwrap();
    let mut value = export(&doc, &store);
    value["annotations"][0]["end"] = json!(6);
    value["annotations"][0]["quote"] = json!("🇦");
    assert!(reject(&doc, &value).contains("annotation 1: offset 6 splits a character"));
}

#[test]
fn a_version_1_file_from_storage_is_migrated() {
    let doc = default_document();
    let fixture = include_str!("../fixtures/v1-storage.json");
    assert!(
        fixture.contains("\"version\": 1"),
        "the fixture is the old format"
    );
    let parsed = native::parse(fixture, &doc).unwrap();
    assert_eq!(parsed.migrated_from, Some(1));
    assert!(parsed.content.orphans.is_empty());
    let quotes: Vec<&str> = parsed
        .content
        .annotations
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert_eq!(
        quotes,
        [
            "January 24",
            "Sergey Lavrov",
            "Russian-Armenian relations are experiencing a challenging period"
        ]
    );
    let lavrov = parsed
        .content
        .annotations
        .iter()
        .find(|a| a.id == "a-0001")
        .unwrap();
    assert_eq!(lavrov.note, "Foreign Minister of Russia");
    assert_eq!(lavrov.updated, "2025-01-25T10:03:00.000Z");
    // Written back, it is the current version, and reads the same.
    let store = Store::from_parts(parsed.content.clone());
    let rewritten = native::to_json(&doc, store.content(), TextInclusion::Compact);
    assert!(rewritten.contains("\"version\":3"));
    let again = native::parse(&rewritten, &doc).unwrap();
    assert_eq!(again.content.annotations, store.annotations());
    assert_eq!(again.migrated_from, None);
}

#[test]
fn import_against_an_edited_text_reanchors_and_reports() {
    let (doc, store) = sample();
    let file = native::to_json(&doc, store.content(), TextInclusion::WithText);
    // A re-published version: a new first line, and the claim rewritten.
    let edited_text = format!(
        "Update: statement re-published.\n{}",
        doc.index.text().replace(
            "Russian-Armenian relations are experiencing a challenging period",
            "Relations have been reset"
        )
    );
    let edited = Document::new(&doc.id, &doc.title, None, &edited_text);
    let plan = native::parse_for_import(&file, &edited).unwrap();
    assert!(plan.text_changed);
    assert_eq!(
        (
            plan.report.exact,
            plan.report.moved,
            plan.report.fuzzy,
            plan.report.orphaned
        ),
        (0, 2, 0, 1)
    );
    let text: Vec<char> = edited_text.chars().collect();
    for a in &plan.content.annotations {
        assert_eq!(
            text[a.span.start.0..a.span.end.0]
                .iter()
                .collect::<String>(),
            a.quote
        );
    }
    assert_eq!(
        plan.content.orphans[0].quote,
        "Russian-Armenian relations are experiencing a challenging period"
    );
    // Orphans travel in exports and come back as orphans.
    let mut target = Store::new();
    let summary = target.import(
        plan.content.clone(),
        annotator::model::ImportMode::Merge,
        || "fresh".into(),
    );
    assert_eq!((summary.added, summary.orphaned), (2, 1));
    let exported = native::to_json(&edited, target.content(), TextInclusion::WithText);
    let back = native::parse(&exported, &edited).unwrap();
    assert_eq!(back.content.orphans.len(), 1);
    assert_eq!(back.content.orphans[0].quote, plan.content.orphans[0].quote);
    // The same file against its own text is strict and exact.
    let same = native::parse_for_import(&file, &doc).unwrap();
    assert!(!same.text_changed);
    assert_eq!(same.report.exact, 3);
}

#[test]
fn the_compact_storage_form_round_trips_and_fits_a_large_document_in_local_storage() {
    let (doc, store) = sample();
    let compact = native::to_json(&doc, store.content(), TextInclusion::Compact);
    assert!(
        !compact.contains("\"quote\""),
        "placed annotations carry no quote in storage"
    );
    assert_eq!(
        native::parse(&compact, &doc).unwrap().content.annotations,
        store.annotations()
    );
    let other = Document::new(&doc.id, &doc.title, None, "Another text entirely.");
    assert!(matches!(
        native::parse(&compact, &other),
        Err(SchemaError::WrongDocument(_))
    ));

    // Chromium gives a site 5 Mi UTF-16 code units of local storage (measured). A 1 MB
    // article with 10,000 annotations must leave room for other documents.
    let (big, annotations) = annotator::model::synthetic::generate(1_000_000, 10_000);
    let stored = native::to_json(
        &big,
        Content {
            annotations: &annotations,
            orphans: &[],
            relations: &[],
        },
        TextInclusion::Compact,
    );
    let utf16_units = stored.encode_utf16().count() + big.index.len_utf16();
    assert!(
        utf16_units < 5 * 1024 * 1024 / 2,
        "text + annotations take {utf16_units} UTF-16 units"
    );
    assert_eq!(
        native::parse(&stored, &big)
            .unwrap()
            .content
            .annotations
            .len(),
        10_000
    );
}

#[test]
fn the_annotator_is_written_when_known_and_a_file_without_it_reads_as_unknown() {
    let (doc, mut store) = sample();
    store.set_annotator("Ada “the first” Lovelace");
    store
        .add(
            &doc.index,
            "a2".into(),
            Label::Actor,
            span_of(&doc, "Armenia"),
            "2025-01-03T00:00:00.000Z",
        )
        .unwrap();
    let mut value = export(&doc, &store);
    let record = |value: &Value, id: &str| {
        value["annotations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        record(&value, "a2")["annotator"],
        "Ada “the first” Lovelace"
    );
    assert!(
        record(&value, "a1").get("annotator").is_none(),
        "unknown: left out"
    );
    let parsed = native::parse(&value.to_string(), &doc).unwrap();
    assert_eq!(parsed.content.annotations, store.annotations());
    let stored = native::to_json(&doc, store.content(), TextInclusion::Compact);
    let placed = native::parse(&stored, &doc).unwrap().content.annotations;
    assert_eq!(
        placed.iter().find(|a| a.id == "a2").unwrap().annotator,
        "Ada “the first” Lovelace"
    );
    // A file written before annotators existed.
    for a in value["annotations"].as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("annotator");
    }
    let old = native::parse(&value.to_string(), &doc).unwrap();
    assert!(old
        .content
        .annotations
        .iter()
        .all(|a| a.annotator.is_empty()));
    // So is the version 1 fixture.
    let v1 = native::parse(include_str!("../fixtures/v1-storage.json"), &doc).unwrap();
    assert!(v1
        .content
        .annotations
        .iter()
        .all(|a| a.annotator.is_empty()));
}

/// The end-to-end tests import `tests/fixtures/unicode.annotations.json`; it holds the Unicode
/// sample, annotators included.
#[test]
fn the_e2e_fixture_is_the_unicode_sample() {
    let (doc, store) = crate::support::unicode_sample();
    let fixture = include_str!("../fixtures/unicode.annotations.json");
    let parsed = native::parse(fixture, &doc).unwrap();
    assert_eq!(parsed.content.annotations, store.annotations());
    assert_eq!(parsed.content.relations, store.relations());
}
