//! Colleagues' layers (`model::layers`): a layer's record round-trips with its annotations and
//! links, is named after its annotator (the same colleague's file replaces it), and a record of
//! another document or with annotations that do not fit the text is refused.

use crate::support::NOW;
use annotator::model::layers::{layer_id, layer_prefix, Layer};
use annotator::model::{Annotation, Annotations, CharSpan, Document, Label, Relation, Role};
use serde_json::Value;

fn doc() -> Document {
    Document::new(
        "d1",
        "Talks",
        Some("2025-01-24"),
        "Peskov said on Friday that talks would resume.",
    )
}

fn content(doc: &Document) -> Annotations {
    let index = &doc.index;
    let actor = Annotation::new(index, "a1".into(), Label::Actor, CharSpan::at(0, 6), NOW);
    let claim = Annotation::new(index, "c1".into(), Label::Claim, CharSpan::at(27, 45), NOW);
    Annotations {
        annotations: vec![actor, claim],
        orphans: Vec::new(),
        relations: vec![Relation {
            id: "r1".into(),
            claim: "c1".into(),
            other: "a1".into(),
            role: Role::Source,
            created: NOW.into(),
        }],
    }
}

#[test]
fn a_layer_record_round_trips() {
    let doc = doc();
    let layer = Layer::new("Ana Lima", "ana.json", NOW, content(&doc));
    assert_eq!(layer.id, "ana-lima");
    let record: Value = serde_json::from_str(&layer.to_record(&doc)).unwrap();
    assert_eq!(record["_id"], "layer:d1:ana-lima");
    assert_eq!(record["type"], "layer");
    assert_eq!(record["annotator"], "Ana Lima");
    let back = Layer::from_record(&record, &doc).unwrap();
    assert_eq!(back.annotator, "Ana Lima");
    assert_eq!(back.source, "ana.json");
    let quotes: Vec<&str> = back
        .content
        .annotations
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert_eq!(quotes, vec!["Peskov", "talks would resume"]);
    assert_eq!(back.content.relations.len(), 1);
    assert_eq!(back.content.relations[0].role, Role::Source);
}

#[test]
fn layers_are_named_after_their_annotator_and_found_by_prefix() {
    assert_eq!(layer_id("Ana Lima"), layer_id("  ana   LIMA "));
    assert_eq!(layer_id(""), "unknown");
    assert_eq!(
        Layer::new("", "x.json", NOW, Annotations::default()).annotator,
        "unknown"
    );
    let doc = doc();
    assert!(Layer::new("B", "b", NOW, Annotations::default())
        .record_id(&doc.id)
        .starts_with(&layer_prefix("d1")));
}

#[test]
fn a_record_of_another_document_or_text_is_refused() {
    let doc = doc();
    let layer = Layer::new("Ana Lima", "ana.json", NOW, content(&doc));
    let record: Value = serde_json::from_str(&layer.to_record(&doc)).unwrap();
    let other = Document::new(
        "d2",
        "Other",
        None,
        "A different text altogether, longer than before.",
    );
    assert!(Layer::from_record(&record, &other).is_err());
    // The same id, but the text changed under it: the quotes no longer fit.
    let changed = Document::new(
        "d1",
        "Talks",
        None,
        "Putin said on Monday that talks would stop.",
    );
    assert!(Layer::from_record(&record, &changed).is_err());
    let mut empty = record.clone();
    empty.as_object_mut().unwrap().remove("file");
    assert!(Layer::from_record(&empty, &doc).is_err());
}
