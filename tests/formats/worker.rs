//! What the import worker relies on: the limit on annotations per import (checked while a
//! file is read), progress while placing, the open document and placed imports sent between
//! the page and the worker in storage's compact form, and the formats named by key.

use annotator::model::formats::dispatch::{
    export, export_native, read_files, read_files_with, ExportFormat, Incoming, InputFile,
};
use annotator::model::formats::native::{self, TextInclusion};
use annotator::model::formats::plan::{
    check_import_count, plan_with, Draft, Foreign, Progress, MAX_IMPORT_ANNOTATIONS,
};
use annotator::model::{default_document, Annotations, Label};

use crate::support;

fn file(name: &str, text: String) -> InputFile {
    InputFile {
        name: name.to_owned(),
        bytes: text.into_bytes(),
    }
}

const LIMIT_WORDS: &str = "more than 200,000 annotations";

#[test]
fn the_limit_is_200_000_annotations_and_named_in_the_message() {
    assert_eq!(MAX_IMPORT_ANNOTATIONS, 200_000);
    assert!(check_import_count(0).is_ok());
    assert!(check_import_count(MAX_IMPORT_ANNOTATIONS - 1).is_ok());
    let error = check_import_count(MAX_IMPORT_ANNOTATIONS).unwrap_err();
    assert!(error.contains(LIMIT_WORDS), "{error}");
}

/// One file per format with 200,001 annotations: each is refused while it is read, naming
/// the limit (and, where the format has lines, the line of the first one too many).
#[test]
fn every_format_refuses_a_file_over_the_limit_before_placing_anything() {
    let doc = default_document();
    let n = MAX_IMPORT_ANNOTATIONS + 1;
    let csv = {
        let mut text = String::from("annotation_id,label,start,end,quote\n");
        for i in 0..n {
            text.push_str(&format!("a{i},actor,0,3,\n"));
        }
        text
    };
    let jsonl = {
        let spans: Vec<String> = (0..n)
            .map(|_| r#"{"start":0,"end":3,"label":"ACTOR"}"#.to_owned())
            .collect();
        format!(
            "{{\"text\":{},\"spans\":[{}]}}\n",
            serde_json::to_string(doc.index.text()).unwrap(),
            spans.join(",")
        )
    };
    let brat = (0..n)
        .map(|i| format!("T{}\tActor 0 3\t{}\n", i + 1, &doc.index.text()[..3]))
        .collect::<String>();
    let w3c = {
        let items: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"type":"Annotation","id":"urn:a{i}","body":{{"type":"TextualBody","purpose":"tagging","value":"actor"}},"target":{{"selector":{{"type":"TextPositionSelector","start":0,"end":3}}}}}}"#
                )
            })
            .collect();
        format!(
            r#"{{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationPage","items":[{}]}}"#,
            items.join(",")
        )
    };
    let json = {
        let empty = Annotations::default();
        let mut value: serde_json::Value = serde_json::from_str(&native::to_json(
            &doc,
            empty.content(),
            TextInclusion::WithText,
        ))
        .unwrap();
        let record = serde_json::json!({"id": "x", "label": "actor", "start": 0, "end": 3});
        value["annotations"] = serde_json::Value::Array(vec![record; n]);
        value.to_string()
    };
    let ann_txt = vec![
        file("big.ann", brat),
        file("big.txt", doc.index.text().to_owned()),
    ];
    for (name, files) in [
        ("csv", vec![file("big.csv", csv)]),
        ("jsonl", vec![file("big.jsonl", jsonl)]),
        ("brat", ann_txt),
        ("w3c", vec![file("big.jsonld", w3c)]),
        ("json", vec![file("big.json", json)]),
    ] {
        let mut placed = 0;
        let result = read_files_with(files, &doc, &mut |p: Progress| placed = p.done);
        let error = match result {
            Err(error) => error,
            Ok(_) => panic!("{name}: a file over the limit was read"),
        };
        assert!(error.contains(LIMIT_WORDS), "{name}: {error}");
        assert_eq!(placed, 0, "{name}: nothing is placed");
    }
}

#[test]
fn placing_reports_its_progress_from_zero_to_the_end() {
    let doc = default_document();
    let total = 2_500;
    let drafts = (0..total)
        .map(|i| Draft {
            id: format!("d{i}"),
            label: Some(Label::Actor),
            start: Some(0),
            end: Some(3),
            place: format!("record {i}"),
            ..Draft::default()
        })
        .collect();
    let foreign = Foreign {
        text: Some(doc.index.text().to_owned()),
        drafts,
        relations: Vec::new(),
    };
    let mut seen = Vec::new();
    let plan = plan_with(foreign, &doc, &mut |p| seen.push(p)).unwrap();
    assert_eq!(plan.content.annotations.len(), total);
    let done: Vec<usize> = seen.iter().map(|p| p.done).collect();
    assert_eq!(done, [0, 1_000, 2_000, total]);
    assert!(seen.iter().all(|p| p.total == total));
}

/// The page sends the open document to the worker, and the worker sends placed annotations
/// back, in storage's compact JSON: both sides rebuild exactly what was sent.
#[test]
fn the_compact_form_carries_a_document_and_its_annotations_both_ways() {
    for (doc, store) in [support::unicode_sample(), support::article_sample()] {
        let mut doc = doc;
        doc.source_url = Some("https://example.org/a?b=c".to_owned());
        let json = native::to_json(&doc, store.content(), TextInclusion::Compact);
        let rebuilt = native::document_of(&json, doc.index.text()).unwrap();
        assert_eq!(rebuilt, doc);
        let content = native::parse_placed(&json, &rebuilt).unwrap();
        assert_eq!(content, store.content().owned());
        // So every export the worker writes from it is the page's export, byte for byte.
        for format in ExportFormat::ALL {
            assert_eq!(
                export(format, &rebuilt, content.content()),
                export(format, &doc, store.content()),
                "{format:?}"
            );
        }
    }
}

/// An import may hold the same label twice on one span (the store merges them); reading the
/// placed annotations back must not refuse what storage's own reader would.
#[test]
fn placed_annotations_are_read_back_even_with_the_same_span_twice() {
    let doc = default_document();
    let csv = "annotation_id,label,start,end,quote\na,actor,0,9,Relations\nb,actor,0,9,Relations\n"
        .to_owned();
    let plan = match read_files(vec![file("x.csv", csv)], &doc) {
        Ok(Incoming::Annotations { plan, .. }) => plan,
        other => panic!("the CSV is read: {other:?}"),
    };
    let json = native::to_json(&doc, plan.content.content(), TextInclusion::Compact);
    assert!(native::parse(&json, &doc).is_err(), "storage refuses it");
    assert_eq!(native::parse_placed(&json, &doc).unwrap(), plan.content);
}

#[test]
fn formats_are_named_by_key_both_ways_and_json_is_written_on_the_page_alike() {
    for format in ExportFormat::ALL {
        assert_eq!(ExportFormat::from_key(format.key()), Some(format));
    }
    assert_eq!(ExportFormat::from_key("docx"), None);
    let (doc, store) = support::unicode_sample();
    assert_eq!(
        export_native(&doc, store.content()),
        export(ExportFormat::Native, &doc, store.content())
    );
}

/// Messages quote a wrong value as compact JSON, exactly as `serde_json` writes it.
#[test]
fn a_wrong_value_is_quoted_as_json_writes_it() {
    let doc = support::small_document();
    for version in [
        serde_json::json!([1.5, -2, 1e100, "a\"b\\\n\u{1}é", {"k": null, "a": [true, false]}]),
        serde_json::json!("3"),
        serde_json::json!({"z": 0.1, "b": {}}),
    ] {
        let json = serde_json::json!({"format": "text-annotator", "version": version});
        let error = native::parse(&json.to_string(), &doc)
            .unwrap_err()
            .to_string();
        let shown = annotator::model::text::shorten(&version.to_string(), 40);
        assert!(
            error.contains(&format!("\"version\" is {shown},")),
            "{error}"
        );
    }
}
