//! The W3C Web Annotation adapter: export → import round trips, code-point positions,
//! annotations from other tools, and rejections that name the record.

use annotator::model::formats::native::{self, TextInclusion};
use annotator::model::formats::ImportPlan;
use annotator::model::formats::{self, w3c};
use annotator::model::span::CharSpan;
use annotator::model::store::Store;
use annotator::model::{Annotation, Document, Label};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::support::{article_sample, quote_at, span_of, store_of, unicode_sample, LATER, NOW};

fn import(json: &str, doc: &Document) -> Result<ImportPlan, String> {
    let foreign = w3c::parse(json)?;
    assert_eq!(foreign.text, None, "W3C files carry no text");
    formats::plan(foreign, doc)
}

/// Every annotation of an export, from its embedded first page.
fn items(json: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(json).unwrap();
    assert_eq!(value["type"], "AnnotationCollection");
    assert_eq!(value["@context"], "http://www.w3.org/ns/anno.jsonld");
    let items = value["first"]["items"].as_array().unwrap().clone();
    assert_eq!(value["total"], items.len());
    items
}

fn selector<'a>(item: &'a Value, kind: &str) -> Option<&'a Value> {
    item["target"]["selector"]
        .as_array()?
        .iter()
        .find(|s| s["type"] == kind)
}

fn round_trip(doc: &Document, store: &Store) {
    let json = w3c::export(doc, store.content());
    let plan = import(&json, doc).unwrap();
    assert_eq!(plan.report.exact, store.len(), "{}", plan.report);
    assert_eq!(plan.report.orphaned, 0);
    assert_eq!(plan.report.links_dropped, 0);
    let back = store_of(plan);
    assert_eq!(w3c::export(doc, back.content()), json);
    // Everything an annotation holds: span, quote, context, note, times, entity, date value.
    assert_eq!(back.annotations(), store.annotations());
    assert_eq!(back.relations(), store.relations());
    assert!(back.orphans().is_empty());
}

#[test]
fn unicode_sample_round_trips() {
    let (doc, store) = unicode_sample();
    // The sample holds what the format must carry.
    assert!(store.annotations().iter().any(|a| a.note.contains('\n')));
    assert!(store.get("actor-1").unwrap().entity.is_some());
    assert!(store.get("date-4").unwrap().date_value.is_some());
    assert_eq!(store.relations().len(), 12);
    round_trip(&doc, &store);
}

#[test]
fn article_sample_round_trips() {
    let (doc, store) = article_sample();
    assert_eq!(store.relations().len(), 3);
    round_trip(&doc, &store);
}

#[test]
fn bodies_carry_label_entity_date_value_and_note() {
    let (doc, store) = unicode_sample();
    let json = w3c::export(&doc, store.content());
    let items = items(&json);
    let item = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == format!("urn:text-annotator:unicode-sample:annotation:{id}"))
            .unwrap_or_else(|| panic!("no item for {id}"))
    };
    let bodies = |id: &str| item(id)["body"].as_array().unwrap().clone();
    assert_eq!(
        bodies("actor-1"),
        vec![
            json!({"type": "TextualBody", "purpose": "tagging", "value": "actor"}),
            json!({"type": "TextualBody", "purpose": "identifying", "value": "Maria Zakharova"}),
        ]
    );
    assert_eq!(
        bodies("date-4"),
        vec![
            json!({"type": "TextualBody", "purpose": "tagging", "value": "date"}),
            json!({"type": "TextualBody", "purpose": "identifying", "value": "2025-01-27"}),
        ]
    );
    assert_eq!(
        bodies("claim-1")[1],
        json!({"type": "TextualBody", "purpose": "commenting",
               "value": "Paraphrase, not a “direct” quote 🧐"})
    );
    // A date without a hand-set value has no identifying body: the computed one stays computed.
    assert_eq!(bodies("date-1").len(), 1);
    let claim = item("claim-1");
    assert_eq!(claim["type"], "Annotation");
    assert_eq!(claim["motivation"], "tagging");
    assert_eq!(claim["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(claim["created"], NOW);
    assert_eq!(claim["modified"], LATER);
    assert_eq!(
        claim["target"]["source"],
        "urn:text-annotator:unicode-sample"
    );

    let link = items
        .iter()
        .find(|i| i["id"] == "urn:text-annotator:unicode-sample:link:source-1")
        .unwrap();
    assert_eq!(link["motivation"], "linking");
    assert_eq!(
        link["target"],
        "urn:text-annotator:unicode-sample:annotation:claim-1"
    );
    assert_eq!(
        link["body"],
        json!([
            "urn:text-annotator:unicode-sample:annotation:actor-1",
            {"type": "TextualBody", "purpose": "tagging", "value": "source"}
        ])
    );
}

#[test]
fn position_offsets_are_code_points() {
    let (doc, store) = unicode_sample();
    let text = doc.index.text();
    let json = w3c::export(&doc, store.content());
    let mut checked = 0;
    let mut drifted = 0;
    for item in items(&json) {
        let Some(position) = selector(&item, "TextPositionSelector") else {
            continue;
        };
        let start = position["start"].as_u64().unwrap() as usize;
        let end = position["end"].as_u64().unwrap() as usize;
        let exact = selector(&item, "TextQuoteSelector").unwrap()["exact"]
            .as_str()
            .unwrap();
        let by_code_points = quote_at(text, CharSpan::at(start, end));
        assert_eq!(by_code_points, exact, "{}", item["id"]);
        let utf16_start: usize = text.chars().take(start).map(char::len_utf16).sum();
        if utf16_start != start || text.char_indices().nth(start).unwrap().0 != start {
            drifted += 1;
        }
        checked += 1;
    }
    assert_eq!(checked, store.len());
    assert!(
        drifted > 0,
        "the sample must hold spans where the units differ"
    );
}

fn orphan(id: &str) -> Annotation {
    Annotation {
        id: id.to_owned(),
        label: Label::Claim,
        span: CharSpan::at(3, 20),
        quote: "a sentence the editors removed".to_owned(),
        prefix: "Earlier, ".to_owned(),
        suffix: " — since deleted.".to_owned(),
        note: "kept from the first version".to_owned(),
        created: NOW.to_owned(),
        updated: NOW.to_owned(),
        entity: None,
        date_value: None,
        annotator: String::new(),
    }
}

#[test]
fn an_orphan_stays_an_orphan() {
    let (doc, store) = unicode_sample();
    let with_orphan = Store::from_parts(annotator::model::Annotations {
        annotations: store.annotations().to_vec(),
        orphans: vec![orphan("lost-1")],
        relations: store.relations().to_vec(),
    });
    let json = w3c::export(&doc, with_orphan.content());
    let item = items(&json)
        .into_iter()
        .find(|i| i["id"] == "urn:text-annotator:unicode-sample:annotation:lost-1")
        .unwrap();
    assert!(selector(&item, "TextPositionSelector").is_none());
    assert_eq!(
        selector(&item, "TextQuoteSelector").unwrap()["exact"],
        "a sentence the editors removed"
    );

    let plan = import(&json, &doc).unwrap();
    assert_eq!(plan.report.orphaned, 1);
    let back = store_of(plan);
    assert_eq!(back.annotations(), with_orphan.annotations());
    let [found] = back.orphans() else {
        panic!("one orphan expected, got {:?}", back.orphans());
    };
    let expected = orphan("lost-1");
    assert_eq!(found.id, expected.id);
    assert_eq!(found.label, expected.label);
    assert_eq!(
        (&found.quote, &found.prefix, &found.suffix, &found.note),
        (
            &expected.quote,
            &expected.prefix,
            &expected.suffix,
            &expected.note
        )
    );
    assert_eq!(w3c::export(&doc, back.content()), json);
}

#[test]
fn ids_of_any_kind_make_valid_iris_and_come_back() {
    let (doc, _) = unicode_sample();
    let odd = "a b:c/d%é#1";
    let mut store = Store::new();
    store
        .add(
            &doc.index,
            odd.to_owned(),
            Label::Actor,
            span_of(&doc, "外交部发言人毛宁"),
            NOW,
        )
        .unwrap();
    let json = w3c::export(&doc, store.content());
    let id = items(&json)[0]["id"].as_str().unwrap().to_owned();
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~:%".contains(&b)),
        "{id}"
    );
    let back = store_of(import(&json, &doc).unwrap());
    assert_eq!(back.annotations()[0].id, odd);
}

#[test]
fn the_source_url_is_the_target_source_when_it_is_a_uri() {
    let (mut doc, store) = article_sample();
    doc.source_url = Some("https://example.org/news/Армения 1?q=a b".to_owned());
    let json = w3c::export(&doc, store.content());
    assert_eq!(
        items(&json)[0]["target"]["source"],
        "https://example.org/news/%D0%90%D1%80%D0%BC%D0%B5%D0%BD%D0%B8%D1%8F%201?q=a%20b"
    );
    doc.source_url = Some("no scheme here".to_owned());
    let json = w3c::export(&doc, store.content());
    assert_eq!(
        items(&json)[0]["target"]["source"],
        "urn:text-annotator:russia-armenia-2025-01-24"
    );
}

#[test]
fn times_that_are_not_rfc3339_are_left_out() {
    let (doc, store) = article_sample();
    let mut annotations = store.annotations().to_vec();
    annotations[0].created = "yesterday".to_owned();
    annotations[0].updated = String::new();
    let store = Store::from_parts(annotator::model::Annotations {
        annotations,
        orphans: Vec::new(),
        relations: Vec::new(),
    });
    let json = w3c::export(&doc, store.content());
    let items = items(&json);
    let first = items
        .iter()
        .find(|i| {
            i["id"]
                .as_str()
                .unwrap()
                .ends_with(&store.annotations()[0].id)
                && i["motivation"] == "tagging"
        })
        .unwrap();
    assert!(first.get("created").is_none() && first.get("modified").is_none());
    assert!(items.iter().filter(|i| i.get("created").is_some()).count() >= 3);
}

// ----- Annotations from other tools -----

fn foreign(target: Value) -> Value {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://tool.example/anno/1",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "actor", "purpose": "tagging"},
        "target": target,
    })
}

fn placed(json: &Value, doc: &Document) -> ImportPlan {
    import(&json.to_string(), doc).unwrap()
}

#[test]
fn a_quote_alone_is_found_by_quote() {
    let (doc, _) = unicode_sample();
    let plan = placed(
        &foreign(json!({
            "source": "https://news.example/a",
            "selector": {"type": "TextQuoteSelector", "exact": "外交部发言人毛宁"}
        })),
        &doc,
    );
    assert_eq!(
        plan.content.annotations[0].span,
        span_of(&doc, "外交部发言人毛宁")
    );
    assert_eq!(
        plan.content.annotations[0].id,
        "https://tool.example/anno/1"
    );
    assert_eq!(plan.content.annotations[0].label, Label::Actor);
}

#[test]
fn a_position_alone_is_taken_as_code_points() {
    let (doc, _) = unicode_sample();
    let span = span_of(&doc, "Armenia 🇦🇲");
    let plan = placed(
        &foreign(json!([{
            "source": "https://news.example/a",
            "selector": [{"type": "TextPositionSelector", "start": span.start, "end": span.end}]
        }])),
        &doc,
    );
    assert_eq!(plan.content.annotations[0].span, span);
    assert_eq!(plan.content.annotations[0].quote, "Armenia 🇦🇲");
}

#[test]
fn a_wrong_position_with_a_right_quote_moves_to_the_quote() {
    let (doc, _) = unicode_sample();
    let plan = placed(
        &foreign(json!({
            "source": "https://news.example/a",
            "selector": [
                {"type": "TextPositionSelector", "start": 2, "end": 9},
                {"type": "TextQuoteSelector", "exact": "Maria Zakharova"}
            ]
        })),
        &doc,
    );
    assert_eq!(plan.report.moved, 1);
    assert_eq!(
        plan.content.annotations[0].span,
        span_of(&doc, "Maria Zakharova")
    );
}

#[test]
fn a_quote_not_in_the_text_is_an_orphan() {
    let (doc, _) = unicode_sample();
    let plan = placed(
        &foreign(json!({
            "source": "https://news.example/a",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "Sergey Lavrov", "prefix": "Minister "},
                {"type": "TextPositionSelector", "start": 10, "end": 23}
            ]
        })),
        &doc,
    );
    assert!(plan.content.annotations.is_empty());
    assert_eq!(plan.content.orphans.len(), 1);
    assert_eq!(plan.content.orphans[0].quote, "Sergey Lavrov");
    assert_eq!(plan.content.orphans[0].prefix, "Minister ");
}

#[test]
fn other_shapes_are_read() {
    let (doc, _) = unicode_sample();
    let target = |exact: &str| {
        json!(["https://news.example/a", {
            "type": "SpecificResource",
            "source": {"id": "https://news.example/a", "type": "Text"},
            "selector": {"type": "TextQuoteSelector", "exact": exact}
        }])
    };
    let page = json!({
        "type": "AnnotationPage",
        "items": [
            // `bodyValue` with a tagging motivation, and upper case.
            {"id": "urn:x:1", "type": ["Annotation"], "motivation": "tagging",
             "bodyValue": "ACTOR", "target": target("China")},
            // A tagging body without type, a comment, a capitalised label, times.
            {"id": "urn:x:2", "type": "Annotation",
             "body": [{"value": "Claim", "purpose": "tagging"},
                      {"type": "TextualBody", "value": "seen twice", "purpose": "commenting"}],
             "created": "2024-05-01T10:00:00Z", "modified": "2024-05-02T10:00:00Z",
             "target": target("China “supports dialogue” 🤝")},
            // A hand-set date value.
            {"id": "urn:x:3", "type": "Annotation",
             "body": [{"value": "date", "purpose": "tagging"},
                      {"value": "2025-01-26", "purpose": "identifying"}],
             "target": target("26 January")},
            {"id": "urn:x:4", "type": "Annotation", "motivation": "linking",
             "body": ["urn:x:1", {"type": "TextualBody", "value": "Source", "purpose": "tagging"}],
             "target": "urn:x:2"}
        ],
        "next": {
            "type": "AnnotationPage",
            "items": [{"id": "urn:x:5", "type": "Annotation", "motivation": "tagging",
                       "body": "https://vocab.example/tags/person",
                       "bodyValue": "actor", "target": target("Maria Zakharova")}]
        }
    });
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": page.clone()
    });
    let as_array = json!([page["items"][0].clone(), page["items"][1].clone()]);
    for (input, count) in [(&page, 4), (&collection, 4), (&as_array, 2)] {
        assert!(w3c::looks_like(input));
        let plan = placed(input, &doc);
        assert_eq!(plan.content.annotations.len(), count, "{input}");
        let china = plan
            .content
            .annotations
            .iter()
            .find(|a| a.id == "urn:x:1")
            .unwrap();
        assert_eq!(china.label, Label::Actor);
        assert_eq!(china.span, span_of(&doc, "China"));
        let claim = plan
            .content
            .annotations
            .iter()
            .find(|a| a.id == "urn:x:2")
            .unwrap();
        assert_eq!(claim.label, Label::Claim);
        assert_eq!(claim.note, "seen twice");
        assert_eq!(claim.created, "2024-05-01T10:00:00Z");
        assert_eq!(claim.updated, "2024-05-02T10:00:00Z");
        if count == 4 {
            let date = plan
                .content
                .annotations
                .iter()
                .find(|a| a.id == "urn:x:3")
                .unwrap();
            assert_eq!(date.date_value.as_deref(), Some("2025-01-26"));
            assert_eq!(plan.content.relations.len(), 1);
            assert_eq!(
                (
                    plan.content.relations[0].claim.as_str(),
                    plan.content.relations[0].other.as_str()
                ),
                ("urn:x:2", "urn:x:1")
            );
        }
    }
    // A single annotation, on its own.
    let single = placed(&page["items"][0], &doc);
    assert_eq!(single.content.annotations.len(), 1);
}

#[test]
fn looks_like_only_web_annotations() {
    let (doc, store) = article_sample();
    let ours: Value = serde_json::from_str(&w3c::export(&doc, store.content())).unwrap();
    assert!(w3c::looks_like(&ours));
    assert!(w3c::looks_like(&ours["first"]["items"][0]));
    let native: Value = serde_json::from_str(&native::to_json(
        &doc,
        store.content(),
        TextInclusion::WithText,
    ))
    .unwrap();
    assert!(!w3c::looks_like(&native));
    assert!(!w3c::looks_like(&json!([{"text": "x", "label": []}])));
    assert!(!w3c::looks_like(&json!("Annotation")));
}

// ----- Rejections -----

fn rejected(input: &str) -> String {
    let (doc, _) = article_sample();
    match import(input, &doc) {
        Ok(plan) => panic!("accepted: {input}\n{plan:?}"),
        Err(message) => message,
    }
}

fn annotation(id: &str, label: &str, exact: &str) -> Value {
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": id,
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": label}],
        "target": {"source": "https://news.example/a",
                   "selector": {"type": "TextQuoteSelector", "exact": exact}}
    })
}

fn assert_names(message: &str, record: &str, problem: &str) {
    assert!(
        message.contains(record) && message.contains(problem),
        "“{message}” should name “{record}” and say “{problem}”"
    );
}

#[test]
fn malformed_json_is_rejected_with_line_and_column() {
    let message = rejected("{\n  \"type\": \"Annotation\",\n  \"id\": }");
    assert_names(&message, "line 3 column", "not valid JSON");
}

#[test]
fn a_file_without_annotations_is_rejected() {
    for input in [
        json!([]),
        json!({"type": "AnnotationCollection", "total": 0}),
        json!({"type": "AnnotationPage", "items": []}),
    ] {
        assert!(rejected(&input.to_string()).contains("no annotations"));
    }
    let linked = json!({"type": "AnnotationCollection", "first": "https://x.example/page1"});
    assert_names(
        &rejected(&linked.to_string()),
        "https://x.example/page1",
        "not embedded",
    );
}

#[test]
fn an_annotation_without_target_is_rejected() {
    let mut second = annotation("urn:x:2", "actor", "Sergey Lavrov");
    second.as_object_mut().unwrap().remove("target");
    let input = json!([annotation("urn:x:1", "date", "January 24"), second]);
    assert_names(
        &rejected(&input.to_string()),
        "annotation 2 (urn:x:2)",
        "no target",
    );
}

#[test]
fn an_annotation_without_label_is_rejected() {
    let mut second = annotation("urn:x:2", "actor", "Sergey Lavrov");
    second["body"] = json!({"type": "TextualBody", "purpose": "commenting", "value": "hm"});
    let input = json!([annotation("urn:x:1", "date", "January 24"), second]);
    assert_names(
        &rejected(&input.to_string()),
        "annotation 2 (urn:x:2)",
        "no tagging body with actor, claim or date",
    );
}

#[test]
fn an_unknown_label_is_rejected() {
    let input = json!([
        annotation("urn:x:1", "date", "January 24"),
        annotation("urn:x:2", "date", "January 24"),
        annotation("urn:x:3", "person", "Sergey Lavrov"),
    ]);
    assert_names(
        &rejected(&input.to_string()),
        "annotation 3 (urn:x:3)",
        "\"person\"",
    );
    let mut two = annotation("urn:x:1", "actor", "Sergey Lavrov");
    two["body"] = json!([{"purpose": "tagging", "value": "actor"},
                         {"purpose": "tagging", "value": "date"}]);
    assert_names(
        &rejected(&two.to_string()),
        "annotation 1 (urn:x:1)",
        "more than one of actor, claim or date",
    );
}

#[test]
fn start_not_before_end_is_rejected() {
    let mut item = annotation("urn:x:1", "actor", "Sergey Lavrov");
    item["target"]["selector"] = json!({"type": "TextPositionSelector", "start": 7, "end": 7});
    assert_names(
        &rejected(&item.to_string()),
        "annotation 1 (urn:x:1)",
        "start 7 must be smaller than end 7",
    );
    item["target"]["selector"] = json!({"type": "TextPositionSelector", "start": -1, "end": 7});
    assert_names(
        &rejected(&item.to_string()),
        "annotation 1 (urn:x:1)",
        "\"start\" must be a whole number",
    );
}

#[test]
fn a_link_to_a_missing_annotation_is_rejected() {
    let input = json!([
        annotation("urn:x:1", "claim", "Russian-Armenian relations"),
        {"id": "urn:x:2", "type": "Annotation", "motivation": "linking",
         "body": ["urn:x:9", {"type": "TextualBody", "purpose": "tagging", "value": "source"}],
         "target": "urn:x:1"}
    ]);
    assert_names(
        &rejected(&input.to_string()),
        "annotation 2 (urn:x:2)",
        "there is no annotation \"urn:x:9\"",
    );
    let no_role = json!([
        annotation("urn:x:1", "claim", "Russian-Armenian relations"),
        {"id": "urn:x:2", "type": "Annotation", "motivation": "linking",
         "body": ["urn:x:1"], "target": "urn:x:1"}
    ]);
    assert_names(
        &rejected(&no_role.to_string()),
        "annotation 2 (urn:x:2)",
        "source, target or when",
    );
}

#[test]
fn duplicate_ids_are_rejected() {
    let input = json!([
        annotation("urn:x:1", "actor", "Sergey Lavrov"),
        annotation("urn:x:1", "date", "January 24"),
    ]);
    assert_names(
        &rejected(&input.to_string()),
        "annotation 2 (urn:x:1)",
        "already used by annotation 1",
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any cut or changed character of a real export is read or rejected, never a panic.
    #[test]
    fn damaged_files_never_panic(cut in 0usize..4000, at in 0usize..4000, ch in any::<char>()) {
        let (doc, store) = article_sample();
        let json = w3c::export(&doc, store.content());
        let chars: Vec<char> = json.chars().collect();
        let cut_at = cut % (chars.len() + 1);
        let _ = import(&chars[..cut_at].iter().collect::<String>(), &doc);
        let mut changed = chars.clone();
        let i = at % changed.len();
        changed[i] = ch;
        let _ = import(&changed.into_iter().collect::<String>(), &doc);
    }

    #[test]
    fn any_json_value_never_panics(text in "[\\[\\]{}\",:0-9a-zA-Z -]{0,80}") {
        let (doc, _) = article_sample();
        let _ = import(&text, &doc);
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            let _ = w3c::looks_like(&value);
        }
    }
}

#[test]
fn the_creator_is_a_person_when_known_and_left_out_when_not() {
    let (doc, store) = unicode_sample();
    let json = w3c::export(&doc, store.content());
    let items = items(&json);
    let item = |id: &str| {
        items
            .iter()
            .find(|i| {
                i["id"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!(":annotation:{id}"))
            })
            .unwrap()
    };
    assert_eq!(
        item("claim-1")["creator"],
        json!({"type": "Person", "name": "Ana “Ani” Petrova, 🦉"})
    );
    assert!(
        item("claim-4").get("creator").is_none(),
        "unknown: no creator"
    );
    assert!(items
        .iter()
        .filter(|i| i["motivation"] == "linking")
        .all(|i| i.get("creator").is_none()));
    let back = store_of(import(&json, &doc).unwrap());
    assert_eq!(
        back.get("claim-1").unwrap().annotator,
        "Ana “Ani” Petrova, 🦉"
    );
    assert_eq!(back.get("claim-4").unwrap().annotator, "");
}

#[test]
fn creators_of_other_tools_are_read_and_none_is_unknown() {
    let (doc, _) = unicode_sample();
    let with = |creator: Value| {
        let mut item = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:x:1", "type": "Annotation",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": "actor"},
            "target": {"source": "urn:x", "selector":
                {"type": "TextQuoteSelector", "exact": "China"}}
        });
        if !creator.is_null() {
            item["creator"] = creator;
        }
        let plan = placed(&item, &doc);
        plan.content.annotations[0].annotator.clone()
    };
    assert_eq!(with(Value::Null), "", "no creator: unknown");
    assert_eq!(
        with(json!("https://example.org/users/ada")),
        "https://example.org/users/ada"
    );
    assert_eq!(with(json!({"type": "Person", "name": " Ada "})), "Ada");
    assert_eq!(
        with(json!({"id": "acct:ada@example.org", "nickname": "ada"})),
        "ada"
    );
    assert_eq!(
        with(json!({"id": "acct:ada@example.org"})),
        "acct:ada@example.org"
    );
    assert_eq!(
        with(json!([{"type": "Person", "name": "Ada"}, {"name": "Grace"}])),
        "Ada",
        "the first of several"
    );
    assert_eq!(with(json!(42)), "", "not an agent: unknown");
}
