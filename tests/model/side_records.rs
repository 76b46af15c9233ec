//! A document's side records in the workspace file (`model::side_records`,
//! `library::workspace_entry_with`, `WorkspaceFile::document_with_side_records`): colleagues'
//! layers, rejections and the curation travel with their document without revisions, come back
//! as they went, follow a document that is added as a copy under a new id, are replaced (or,
//! for rejections, joined) over the local ones, and one that cannot be read is named while the
//! rest is kept. Older files without them still open.

use crate::support::NOW;
use annotator::model::layers::Layer;
use annotator::model::library::{
    parse_workspace, workspace_entry, workspace_entry_with, workspace_head, WorkspaceDocument,
    WorkspaceFile, WORKSPACE_SEPARATOR, WORKSPACE_TAIL,
};
use annotator::model::side_records::{incoming, kind_of, record_text, write_over, SideKind};
use annotator::model::suggest::Rejections;
use annotator::model::{Annotation, Annotations, CharSpan, Document, Label};
use serde_json::{json, Value};

const TEXT: &str = "Peskov said on Friday that talks would resume.";

fn doc(id: &str) -> Document {
    Document::new(id, "Talks", Some("2025-01-24"), TEXT)
}

fn layer_content(doc: &Document) -> Annotations {
    let actor = Annotation::new(
        &doc.index,
        "a1".into(),
        Label::Actor,
        CharSpan::at(0, 6),
        NOW,
    );
    Annotations {
        annotations: vec![actor],
        ..Default::default()
    }
}

fn rejected(quotes: &[&str]) -> Value {
    let mut rejections = Rejections::new();
    for quote in quotes {
        rejections.reject(Label::Actor, quote);
    }
    serde_json::to_value(rejections).unwrap()
}

/// The side records of `doc` as the database holds them: with revisions.
fn stored(doc: &Document) -> Vec<Value> {
    let layer = Layer::new("Ana Lima", "ana.json", NOW, layer_content(doc));
    let mut layer: Value = serde_json::from_str(&layer.to_record(doc)).unwrap();
    layer["_rev"] = "2-abc".into();
    vec![
        layer,
        json!({"_id": format!("suggest:{}", doc.id), "_rev": "1-def", "type": "suggestions",
               "doc": doc.id, "v": 4, "rejected": rejected(&["Friday"])}),
        json!({"_id": format!("curation:{}", doc.id), "_rev": "5-0a", "type": "curation",
               "doc": doc.id, "v": 4, "decisions": [{"span": [0, 6], "keep": "ana-lima"}]}),
    ]
}

/// A record as a workspace carries it, read back.
fn carried(record: &Value) -> Value {
    serde_json::from_str(&record_text(record, None)).unwrap()
}

fn workspace(entries: &[String]) -> String {
    format!(
        "{}{}{WORKSPACE_TAIL}",
        workspace_head(NOW),
        entries.join(WORKSPACE_SEPARATOR)
    )
}

fn bare(doc: Document) -> WorkspaceDocument {
    WorkspaceDocument {
        document: doc,
        content: Annotations::default(),
    }
}

#[test]
fn side_records_round_trip_through_a_workspace_without_revisions() {
    let d1 = doc("d1");
    let stored = stored(&d1);
    let with = workspace_entry_with(&bare(doc("d1")), &stored);
    // A document without side records is written as before.
    let plain = bare(Document::new("d2", "Other", None, "Nothing here."));
    assert_eq!(workspace_entry_with(&plain, &[]), workspace_entry(&plain));
    let json = workspace(&[with, workspace_entry(&plain)]);

    let value: Value = serde_json::from_str(&json).unwrap();
    let side = value["documents"][0]["side_records"].as_array().unwrap();
    assert_eq!(side.len(), 3);
    assert_eq!(side[0]["_id"], "layer:d1:ana-lima");
    assert!(side.iter().all(|r| r.get("_rev").is_none()), "{side:?}");
    assert!(value["documents"][1].get("side_records").is_none());
    // Still a workspace an older reader takes: the documents parse as before.
    assert_eq!(parse_workspace(&json).unwrap().len(), 2);

    let file = WorkspaceFile::open(&json).unwrap();
    let (document, records) = file.document_with_side_records(0).unwrap();
    assert_eq!(document.document.id, "d1");
    let without_revisions: Vec<Value> = stored.iter().map(carried).collect();
    assert_eq!(records, without_revisions);
    for record in &records {
        let ready = incoming(record, "d1", &document.document).unwrap();
        assert_eq!(&ready, record);
        // Nothing here yet: written as it is, with no revision.
        assert_eq!(
            carried(&serde_json::from_str(&write_over(ready, None)).unwrap()),
            *record
        );
    }
    let layer = incoming(&records[0], "d1", &document.document).unwrap();
    let layer = Layer::from_record(&layer, &document.document).unwrap();
    assert_eq!(layer.annotator, "Ana Lima");
    assert_eq!(layer.content.annotations[0].quote, "Peskov");
    assert!(file.document_with_side_records(1).unwrap().1.is_empty());
}

#[test]
fn side_records_follow_a_document_added_as_a_copy_under_a_new_id() {
    let d1 = doc("d1");
    let copy = Document::new(
        "talks-imported-copy-0a1b2c3d",
        "Talks (imported copy)",
        None,
        TEXT,
    );
    let records: Vec<Value> = stored(&d1).iter().map(carried).collect();
    let moved: Vec<Value> = records
        .iter()
        .map(|r| incoming(r, "d1", &copy).unwrap())
        .collect();
    let ids: Vec<&str> = moved.iter().map(|r| r["_id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "layer:talks-imported-copy-0a1b2c3d:ana-lima",
            "suggest:talks-imported-copy-0a1b2c3d",
            "curation:talks-imported-copy-0a1b2c3d",
        ]
    );
    for (before, after) in records.iter().zip(&moved) {
        assert_eq!(after["doc"], copy.id.as_str());
        // Nothing else changes: a layer's annotations are keyed by the text alone.
        let rest = |r: &Value| {
            let mut r = r.clone();
            let fields = r.as_object_mut().unwrap();
            fields.remove("_id");
            fields.remove("doc");
            r
        };
        assert_eq!(rest(before), rest(after));
    }
    let layer = Layer::from_record(&moved[0], &copy).unwrap();
    assert_eq!(layer.id, "ana-lima");
    assert_eq!(kind_of(ids[1], &copy.id), Some(SideKind::Rejections));
}

#[test]
fn an_older_workspace_without_side_records_still_opens() {
    // As version 1 files were written before side records: no "side_records" anywhere.
    let json = workspace(&[workspace_entry(&bare(doc("d1")))]);
    assert!(!json.contains("side_records"));
    let file = WorkspaceFile::open(&json).unwrap();
    let (document, records) = file.document_with_side_records(0).unwrap();
    assert_eq!(document.document.index.text(), TEXT);
    assert!(records.is_empty());

    // A "side_records" that is not a list is a broken file, named by its document.
    let broken = json.replacen(
        "\"document\":",
        "\"side_records\":{\"_id\":\"suggest:d1\"},\"document\":",
        1,
    );
    let message = WorkspaceFile::open(&broken)
        .unwrap()
        .document(0)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("document 1: \"side_records\" must be a list"),
        "{message}"
    );
}

#[test]
fn a_side_record_that_cannot_be_read_is_named_and_the_others_are_kept() {
    let d1 = doc("d1");
    let good: Vec<Value> = stored(&d1).iter().map(carried).collect();
    let mut out_of_range = good[0].clone();
    out_of_range["_id"] = "layer:d1:ben".into();
    out_of_range["file"]["annotations"][0]["end"] = 999.into();
    let mut wrong_text = good[0].clone();
    wrong_text["_id"] = "layer:d1:cy".into();
    wrong_text["file"]["document"]["text_sha256"] = "0123".into();
    let mut bad_rejections = good[1].clone();
    bad_rejections["rejected"] = json!("all of them");
    let mut no_version = good[2].clone();
    no_version.as_object_mut().unwrap().remove("v");
    let mut wrong_doc = good[1].clone();
    wrong_doc["doc"] = "d2".into();
    let cases = [
        (out_of_range, "layer:d1:ben: "),
        (
            wrong_text,
            "layer:d1:cy: the file was made for a different text",
        ),
        (
            bad_rejections,
            "suggest:d1: the rejected suggestions could not be read",
        ),
        (no_version, "curation:d1: it has no \"type\" or no \"v\""),
        (
            wrong_doc,
            "suggest:d1: its \"doc\" does not name this document",
        ),
        (
            json!({"_id": "layer:d2:ana-lima", "doc": "d2"}),
            "layer:d2:ana-lima: not a side record",
        ),
        (
            json!({"_id": "ann:d1:a1", "doc": "d1"}),
            "ann:d1:a1: not a side record",
        ),
        (
            json!({"_id": "layer:d1:", "doc": "d1"}),
            "layer:d1:: not a side record",
        ),
        (json!(["not", "a", "record"]), "not a JSON object"),
    ];
    for (record, expected) in cases {
        let why = incoming(&record, "d1", &d1).unwrap_err();
        assert!(why.contains(expected), "{why} (expected {expected})");
    }
    // The good ones are read all the same.
    assert!(good.iter().all(|r| incoming(r, "d1", &d1).is_ok()));
}

#[test]
fn layers_and_the_curation_replace_the_local_ones_and_rejections_are_joined() {
    let d1 = doc("d1");
    let records: Vec<Value> = stored(&d1).iter().map(carried).collect();
    // Here already, with other contents.
    let empty_layer = Layer::new("Ana Lima", "old.json", NOW, Annotations::default());
    let mut local_layer: Value = serde_json::from_str(&empty_layer.to_record(&d1)).unwrap();
    local_layer["_rev"] = "7-aa".into();
    let written: Value =
        serde_json::from_str(&write_over(records[0].clone(), Some(&local_layer))).unwrap();
    assert_eq!(written["_rev"], "7-aa");
    assert_eq!(written["source"], "ana.json");
    assert_eq!(written["file"], records[0]["file"]);

    let local_rejections = json!({"_id": "suggest:d1", "_rev": "3-bb", "type": "suggestions",
        "doc": "d1", "v": 4, "rejected": rejected(&["Peskov", "friday"])});
    let written: Value =
        serde_json::from_str(&write_over(records[1].clone(), Some(&local_rejections))).unwrap();
    assert_eq!(written["_rev"], "3-bb");
    assert_eq!(written["rejected"], rejected(&["Friday", "Peskov"]));

    let local_curation = json!({"_id": "curation:d1", "_rev": "1-cc", "type": "curation",
        "doc": "d1", "v": 4, "decisions": []});
    let written: Value =
        serde_json::from_str(&write_over(records[2].clone(), Some(&local_curation))).unwrap();
    assert_eq!(written["_rev"], "1-cc");
    assert_eq!(written["decisions"], records[2]["decisions"]);
}

#[test]
fn the_database_own_fields_are_left_out_of_the_workspace_and_of_writes() {
    let record = json!({"_id": "suggest:d1", "_rev": "9-x", "_conflicts": ["8-y"],
        "type": "suggestions", "doc": "d1", "v": 4, "rejected": []});
    let plain =
        json!({"_id": "suggest:d1", "type": "suggestions", "doc": "d1", "v": 4, "rejected": []});
    assert_eq!(carried(&record), plain);
    // A file's record that still has a revision is written over the local one's.
    let local = json!({"_id": "suggest:d1", "_rev": "2-z", "doc": "d1", "rejected": []});
    let written: Value = serde_json::from_str(&write_over(record, Some(&local))).unwrap();
    let mut expected = plain;
    expected["_rev"] = "2-z".into();
    assert_eq!(written, expected);
}
