//! JSONL for NLP: spaCy/Prodigy and doccano lines, exported, read back and placed.

use annotator::model::formats::ImportPlan;
use annotator::model::formats::{self, jsonl, Foreign};
use annotator::model::{CharSpan, Document, Label, Role, Store};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::support::{
    annotations, article_sample, quote_at, small_document, span_of, store_of, unicode_sample,
    SMALL_TEXT,
};

fn plan_of(text: &str, doc: &Document) -> Result<ImportPlan, String> {
    formats::plan(jsonl::parse(text, doc)?, doc)
}

fn relations(store: &Store) -> Vec<(String, String, String, Role)> {
    store
        .relations()
        .iter()
        .map(|r| (r.id.clone(), r.claim.clone(), r.other.clone(), r.role))
        .collect()
}

fn spans(store: &Store) -> Vec<(Label, usize, usize)> {
    store
        .annotations()
        .iter()
        .map(|a| (a.label, a.span.start.0, a.span.end.0))
        .collect()
}

/// Each span with who made it (doccano keeps no ids).
fn annotators(store: &Store) -> Vec<(Label, usize, usize, String)> {
    store
        .annotations()
        .iter()
        .map(|a| (a.label, a.span.start.0, a.span.end.0, a.annotator.clone()))
        .collect()
}

fn samples() -> Vec<(Document, Store)> {
    vec![unicode_sample(), article_sample()]
}

#[test]
fn spacy_round_trip_is_lossless_for_what_it_carries() {
    for (doc, store) in samples() {
        let first = jsonl::export_spacy(&doc, store.content());
        assert!(first.ends_with('\n'));
        assert_eq!(first.lines().count(), 1, "one line per document");
        let plan = plan_of(&first, &doc).unwrap();
        assert!(!plan.text_changed);
        assert_eq!(plan.report.exact, store.len());
        let back = store_of(plan);
        assert_eq!(annotations(&back), annotations(&store), "{}", doc.id);
        assert_eq!(relations(&back), relations(&store), "{}", doc.id);
        assert!(!store.relations().is_empty());
        let second = jsonl::export_spacy(&doc, back.content());
        assert_eq!(second, first, "{}", doc.id);
    }
}

#[test]
fn spacy_line_has_the_documented_shape() {
    let (doc, store) = unicode_sample();
    let line: Value = serde_json::from_str(&jsonl::export_spacy(&doc, store.content())).unwrap();
    assert_eq!(line["text"], doc.index.text());
    assert_eq!(line["meta"]["id"], "unicode-sample");
    assert_eq!(line["meta"]["title"], "Unicode sample");
    assert_eq!(line["meta"]["published"], "2025-01-28");
    assert!(line["meta"].get("source_url").is_none());
    let spans = line["spans"].as_array().unwrap();
    assert_eq!(spans.len(), store.len());
    let labels: Vec<&str> = spans.iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert!(labels
        .iter()
        .all(|l| ["ACTOR", "CLAIM", "DATE"].contains(l)));
    let starts: Vec<u64> = spans.iter().map(|s| s["start"].as_u64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "document order");
    let claim = spans.iter().find(|s| s["id"] == "claim-1").unwrap();
    assert_eq!(claim["note"], "Paraphrase, not a “direct” quote 🧐");
    assert!(claim.get("token_start").is_none());
    let actor = spans.iter().find(|s| s["id"] == "actor-1").unwrap();
    assert_eq!(actor["entity"], "Maria Zakharova");
    let actor2 = spans.iter().find(|s| s["id"] == "actor-2").unwrap();
    assert!(actor2.get("entity").is_none() && actor2.get("note").is_none());
    let date = spans.iter().find(|s| s["id"] == "date-4").unwrap();
    assert_eq!(date["date_value"], "2025-01-27");
    let relation = line["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "source-1")
        .unwrap();
    assert_eq!(relation["label"], "SOURCE");
    assert_eq!(relation["head_span"]["label"], "CLAIM");
    assert_eq!(relation["head_span"]["id"], "claim-1");
    assert_eq!(relation["child_span"]["label"], "ACTOR");
    assert_eq!(relation["child_span"]["id"], "actor-1");
    assert_eq!(relation["child_span"]["start"], actor["start"]);
    assert_eq!(relation["child_span"]["end"], actor["end"]);
}

#[test]
fn doccano_round_trip_keeps_labels_and_offsets() {
    for (doc, store) in samples() {
        let first = jsonl::export_doccano(&doc, store.content());
        let line: Value = serde_json::from_str(&first).unwrap();
        assert_eq!(
            line.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["annotators", "label", "text"]
        );
        assert!(first.starts_with("{\"text\":"), "text first: {first:.20}");
        let back = store_of(plan_of(&first, &doc).unwrap());
        assert_eq!(annotators(&back), annotators(&store), "{}", doc.id);
        assert!(back.relations().is_empty());
        assert_eq!(jsonl::export_doccano(&doc, back.content()), first);
        let labels: Vec<&str> = line["label"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t[2].as_str().unwrap())
            .collect();
        assert!(labels
            .iter()
            .all(|l| ["actor", "claim", "date"].contains(l)));
    }
}

#[test]
fn offsets_are_code_points() {
    let (doc, store) = unicode_sample();
    let text = doc.index.text();
    let line: Value = serde_json::from_str(&jsonl::export_spacy(&doc, store.content())).unwrap();
    let mut differs_from_bytes = false;
    for span in line["spans"].as_array().unwrap() {
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            quote_at(text, CharSpan::at(start, end)),
            span["text"].as_str().unwrap()
        );
        let bytes = text.char_indices().nth(start).unwrap().0;
        let utf16: usize = text.chars().take(start).map(char::len_utf16).sum();
        differs_from_bytes |= bytes != start && utf16 != start;
    }
    assert!(differs_from_bytes, "the sample must tell the units apart");
    let doccano: Value =
        serde_json::from_str(&jsonl::export_doccano(&doc, store.content())).unwrap();
    for (triple, a) in doccano["label"]
        .as_array()
        .unwrap()
        .iter()
        .zip(store.annotations())
    {
        let (start, end) = (
            triple[0].as_u64().unwrap() as usize,
            triple[1].as_u64().unwrap() as usize,
        );
        assert_eq!(quote_at(text, CharSpan::at(start, end)), a.quote);
    }
}

#[test]
fn reads_a_hand_written_prodigy_line() {
    let doc = small_document();
    // Prodigy's own form: token indices, spans without ids, relations by token and span;
    // the first relation points from the actor to the claim, the other way round.
    let line = r#"{"text": "👩🏽‍💼 Maria Zakharova said on Friday that talks with Armenia 🇦🇲 are difficult.", "_input_hash": 1, "tokens": [], "spans": [{"start": 0, "end": 20, "token_start": 0, "token_end": 2, "label": "ACTOR"}, {"start": 29, "end": 35, "token_start": 5, "token_end": 5, "label": "date", "text": "Friday"}, {"start": 41, "end": 76, "token_start": 7, "token_end": 13, "label": "Claim"}], "relations": [{"head": 0, "child": 7, "head_span": {"start": 0, "end": 20, "token_start": 0, "token_end": 2, "label": "ACTOR"}, "child_span": {"start": 41, "end": 76, "token_start": 7, "token_end": 13, "label": "CLAIM"}, "label": "SOURCE"}, {"head": 7, "child": 5, "head_span": {"start": 41, "end": 76, "label": "CLAIM"}, "child_span": {"start": 29, "end": 35, "label": "DATE"}, "label": "when"}], "answer": "accept"}"#;
    assert!(jsonl::looks_like(line));
    let foreign = jsonl::parse(line, &doc).unwrap();
    assert_eq!(foreign.text.as_deref(), Some(SMALL_TEXT));
    let ids: Vec<&str> = foreign.drafts.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["span-1", "span-2", "span-3"]);
    assert_eq!(foreign.drafts[2].place, "line 1, span 3");
    let plan = formats::plan(foreign, &doc).unwrap();
    assert!(!plan.text_changed);
    let store = store_of(plan);
    assert_eq!(
        spans(&store),
        [
            (Label::Actor, 0, 20),
            (Label::Date, 29, 35),
            (Label::Claim, 41, 76)
        ]
    );
    assert_eq!(store.get("span-1").unwrap().quote, "👩🏽‍💼 Maria Zakharova");
    assert_eq!(
        store.get("span-3").unwrap().span,
        span_of(&doc, "talks with Armenia 🇦🇲 are difficult")
    );
    assert_eq!(
        relations(&store),
        [
            (
                "relation-1".into(),
                "span-3".into(),
                "span-1".into(),
                Role::Source
            ),
            (
                "relation-2".into(),
                "span-3".into(),
                "span-2".into(),
                Role::When
            ),
        ]
    );
}

#[test]
fn reads_a_doccano_label_line() {
    let doc = small_document();
    let line = r#"{"id": 7, "text": "👩🏽‍💼 Maria Zakharova said on Friday that talks with Armenia 🇦🇲 are difficult.", "label": [[52, 62, "Actor"], [0, 20, "ACTOR"], [41, 76, "claim"]], "Comments": []}"#;
    assert!(jsonl::looks_like(line));
    let store = store_of(plan_of(line, &doc).unwrap());
    assert_eq!(
        spans(&store),
        [
            (Label::Actor, 0, 20),
            (Label::Claim, 41, 76),
            (Label::Actor, 52, 62)
        ]
    );
    assert_eq!(store.get("span-1").unwrap().quote, "Armenia 🇦🇲");
}

#[test]
fn reads_doccano_entities_and_relations() {
    let doc = small_document();
    let line = r#"{"id": 3, "text": "👩🏽‍💼 Maria Zakharova said on Friday that talks with Armenia 🇦🇲 are difficult.", "entities": [{"id": 10, "label": "ACTOR", "start_offset": 0, "end_offset": 20}, {"id": 11, "label": "CLAIM", "start_offset": 41, "end_offset": 76}, {"id": 12, "label": "actor", "start_offset": 52, "end_offset": 62}, {"id": 13, "label": "DATE", "start_offset": 29, "end_offset": 35}], "relations": [{"id": 1, "from_id": 10, "to_id": 11, "type": "source"}, {"id": 2, "from_id": 11, "to_id": 12, "type": "Target"}, {"id": 5, "from_id": 11, "to_id": 13, "type": "WHEN"}]}"#;
    assert!(jsonl::looks_like(line));
    let store = store_of(plan_of(line, &doc).unwrap());
    assert_eq!(store.get("10").unwrap().quote, "👩🏽‍💼 Maria Zakharova");
    assert_eq!(store.get("12").unwrap().quote, "Armenia 🇦🇲");
    assert_eq!(store.get("13").unwrap().quote, "Friday");
    assert_eq!(store.get("11").unwrap().label, Label::Claim);
    assert_eq!(
        relations(&store),
        [
            ("1".into(), "11".into(), "10".into(), Role::Source),
            ("2".into(), "11".into(), "12".into(), Role::Target),
            ("5".into(), "11".into(), "13".into(), Role::When),
        ]
    );
}

#[test]
fn picks_the_line_with_the_open_text() {
    let (doc, store) = article_sample();
    let other = jsonl::export_doccano(&small_document(), Store::new().content());
    let ours = jsonl::export_spacy(&doc, store.content());
    let file = format!("{other}\n{ours}");
    let foreign = jsonl::parse(&file, &doc).unwrap();
    assert_eq!(foreign.text.as_deref(), Some(doc.index.text()));
    assert_eq!(foreign.drafts.len(), store.len());
    assert_eq!(
        foreign.drafts[0].place, "line 3, span 1",
        "blank lines count"
    );
    let plan = formats::plan(foreign, &doc).unwrap();
    assert!(!plan.text_changed);
    assert_eq!(annotations(&store_of(plan)), annotations(&store));
}

#[test]
fn a_single_line_for_another_text_is_re_anchored() {
    let doc = small_document();
    // The same sentence with a word inserted before the spans: offsets move by 4.
    let line = r#"{"text": "Ms. 👩🏽‍💼 Maria Zakharova said on Friday that talks with Armenia 🇦🇲 are difficult.", "spans": [{"start": 4, "end": 24, "label": "ACTOR", "text": "👩🏽‍💼 Maria Zakharova"}, {"start": 33, "end": 39, "label": "DATE"}]}"#;
    let foreign = jsonl::parse(line, &doc).unwrap();
    assert_ne!(foreign.text.as_deref(), Some(SMALL_TEXT));
    let plan = formats::plan(foreign, &doc).unwrap();
    assert!(plan.text_changed);
    assert_eq!(plan.report.moved, 2);
    assert_eq!(
        spans(&store_of(plan)),
        [(Label::Actor, 0, 20), (Label::Date, 29, 35)]
    );
}

#[test]
fn looks_like_only_the_jsonl_variants() {
    let (doc, store) = article_sample();
    assert!(jsonl::looks_like(&jsonl::export_spacy(
        &doc,
        store.content()
    )));
    assert!(jsonl::looks_like(&format!(
        "\u{feff}\n{}",
        jsonl::export_doccano(&doc, store.content())
    )));
    assert!(jsonl::looks_like(r#"{"text": "a", "labels": []}"#));
    assert!(!jsonl::looks_like(r#"{"text": "a"}"#));
    assert!(!jsonl::looks_like(r#"{"text": 3, "spans": []}"#));
    assert!(!jsonl::looks_like(
        "{\n  \"text\": \"a\",\n  \"spans\": []\n}"
    ));
    assert!(!jsonl::looks_like(
        "document_id,annotation_id,label,start,end\r\n"
    ));
    assert!(!jsonl::looks_like(""));
}

fn error_of(text: &str, doc: &Document) -> String {
    plan_of(text, doc).expect_err("must be rejected")
}

#[test]
fn rejects_a_line_that_is_not_json() {
    let doc = small_document();
    let file = format!(
        "{}{{\"text\": \"unfinished\n",
        jsonl::export_doccano(&doc, Store::new().content())
    );
    let message = error_of(&file, &doc);
    assert_eq!(
        message,
        "line 2: not valid JSON (EOF while parsing a string, at column 20)"
    );
    let message = error_of("{\"text\": \"a\", \"spans\": []}\n[1, 2]\n", &doc);
    assert!(
        message.starts_with("line 2: expected a JSON object"),
        "{message}"
    );
    let message = error_of("{\"spans\": []}\n", &doc);
    assert!(message.starts_with("line 1: no \"text\""), "{message}");
}

#[test]
fn rejects_an_unknown_label_naming_line_and_span() {
    let doc = small_document();
    let line = format!(
        r#"{{"text": "{SMALL_TEXT}", "spans": [{{"start": 0, "end": 20, "label": "ACTOR"}}, {{"start": 29, "end": 35, "label": "DATE"}}, {{"start": 41, "end": 76, "label": "CLAIM"}}, {{"start": 5, "end": 20, "label": "PERSON"}}]}}"#
    );
    assert_eq!(
        error_of(&line, &doc),
        "line 1, span 4: unknown label \"PERSON\" (expected actor, claim or date)"
    );
    let doccano = format!(r#"{{"text": "{SMALL_TEXT}", "label": [[0, 20, "ORG"]]}}"#);
    assert!(error_of(&doccano, &doc).starts_with("line 1, span 1: unknown label \"ORG\""));
}

#[test]
fn rejects_malformed_spans_naming_them() {
    let doc = small_document();
    for (spans, expected) in [
        (
            r#"[[0, 20]]"#,
            "line 1, span 1: expected [start, end, label]",
        ),
        (
            r#"[[-1, 20, "actor"]]"#,
            "line 1, span 1: \"start\" must be a whole number",
        ),
        (
            r#"[{"start": 0, "end": "20", "label": "actor"}]"#,
            "line 1, span 1: \"end\" must be",
        ),
        (
            r#"[0, {"start": 0, "end": 20, "label": "actor"}]"#,
            "line 1, span 1: expected",
        ),
        (
            r#"[{"start": 0, "end": 20, "label": "actor", "note": 3}]"#,
            "line 1, span 1: \"note\"",
        ),
        (r#"{"start": 0}"#, "line 1: \"spans\" must be a list"),
    ] {
        let line = format!(r#"{{"text": "{SMALL_TEXT}", "spans": {spans}}}"#);
        let message = error_of(&line, &doc);
        assert!(message.starts_with(expected), "{spans}: {message}");
    }
}

#[test]
fn rejects_start_after_end_through_plan() {
    let doc = small_document();
    let line = format!(
        r#"{{"text": "{SMALL_TEXT}", "spans": [{{"start": 0, "end": 20, "label": "actor"}}, {{"start": 35, "end": 29, "label": "date"}}]}}"#
    );
    assert!(
        jsonl::parse(&line, &doc).is_ok(),
        "parse leaves offsets to plan"
    );
    let message = error_of(&line, &doc);
    assert!(
        message.starts_with("line 1, span 2: start 35 must be smaller than end 29"),
        "{message}"
    );
}

#[test]
fn rejects_offsets_outside_the_text_through_plan() {
    let doc = small_document();
    let line =
        format!(r#"{{"text": "{SMALL_TEXT}", "label": [[0, 20, "actor"], [41, 78, "claim"]]}}"#);
    let message = error_of(&line, &doc);
    assert!(
        message.starts_with("line 1, span 2: offsets 41–78 are outside the text (length 77)"),
        "{message}"
    );
    // Counted in bytes, the flag would be cut in two: that is caught too.
    let line = format!(r#"{{"text": "{SMALL_TEXT}", "label": [[52, 61, "actor"]]}}"#);
    let message = error_of(&line, &doc);
    assert!(
        message.starts_with("line 1, span 1: offset 61 splits"),
        "{message}"
    );
}

#[test]
fn rejects_a_span_text_that_is_not_at_its_offsets() {
    let doc = small_document();
    // The span states a text its own line does not hold at those offsets: parse takes the
    // file as written, plan compares and names the span.
    let line = format!(
        r#"{{"text": "{SMALL_TEXT}", "spans": [{{"start": 29, "end": 35, "label": "DATE", "text": "Monday"}}]}}"#
    );
    let foreign = jsonl::parse(&line, &doc).unwrap();
    assert_eq!(foreign.drafts[0].quote.as_deref(), Some("Monday"));
    let message = formats::plan(foreign, &doc).unwrap_err();
    assert!(
        message.starts_with(
            "line 1, span 1: quote “Monday” does not match the text at 29–35 (“Friday”)"
        ),
        "{message}"
    );
    // Also when the line is for another text: checked against the line's own text.
    let line = r#"{"text": "On Friday.", "spans": [{"start": 3, "end": 9, "label": "DATE", "text": "Monday"}]}"#;
    let message = error_of(line, &doc);
    assert!(
        message.starts_with("line 1, span 1: quote “Monday”"),
        "{message}"
    );
}

#[test]
fn rejects_several_documents_none_of_them_open() {
    let doc = small_document();
    let file = "{\"text\": \"One.\", \"label\": []}\n{\"text\": \"Two.\", \"label\": []}\n\n{\"text\": \"Three.\", \"label\": []}\n";
    let message = error_of(file, &doc);
    assert!(
        message.starts_with("the file has 3 documents (one per line), and none has the text of the open document “Small”"),
        "{message}"
    );
    let same = jsonl::export_doccano(&doc, Store::new().content());
    let message = error_of(&format!("{same}{same}"), &doc);
    assert!(
        message.starts_with("lines 1, 2 all hold the open document's text"),
        "{message}"
    );
    assert!(error_of("\n\n", &doc).contains("no JSON lines"));
}

#[test]
fn rejects_bad_relations_naming_them() {
    let doc = small_document();
    let spans = r#"[{"id": 1, "label": "actor", "start_offset": 0, "end_offset": 20}, {"id": 2, "label": "claim", "start_offset": 41, "end_offset": 76}]"#;
    for (relations, expected) in [
        (
            r#"[{"id": 1, "from_id": 1, "to_id": 2, "type": "said"}]"#,
            "line 1, relation 1: unknown relation \"said\" (expected source, target or when)",
        ),
        (
            r#"[{"from_id": 2, "to_id": 1, "type": "source"}, {"head": 1, "child": 2, "label": "target"}]"#,
            "line 1, relation 2: no ends",
        ),
        (
            r#"[{"head_span": {"start": 41, "end": 76, "label": "CLAIM"}, "child_span": {"start": 0, "end": 19, "label": "ACTOR"}, "label": "SOURCE"}]"#,
            "line 1, relation 1: \"child_span\": there is no actor span at 0–19",
        ),
        (
            r#"[{"from_id": 2, "to_id": 9, "type": "source"}]"#,
            "line 1, relation 1: there is no annotation \"9\"",
        ),
        (
            r#"[{"from_id": 2, "to_id": 1, "type": "when"}]"#,
            "line 1, relation 1: a when link needs date, but \"1\" is actor",
        ),
    ] {
        let line =
            format!(r#"{{"text": "{SMALL_TEXT}", "entities": {spans}, "relations": {relations}}}"#);
        let message = error_of(&line, &doc);
        assert!(message.starts_with(expected), "{relations}: {message}");
    }
}

fn any_parse(text: &str, doc: &Document) -> Option<Foreign> {
    let foreign = jsonl::parse(text, doc).ok()?;
    let _ = formats::plan(foreign.clone(), doc);
    Some(foreign)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_any_text(text in ".{0,200}") {
        let doc = small_document();
        let _ = jsonl::looks_like(&text);
        let _ = any_parse(&text, &doc);
    }

    #[test]
    fn never_panics_on_damaged_exports(cut in 0usize..4000, insert in "[\\[\\]{}\",:0-9a-z -]{0,3}") {
        let (doc, store) = unicode_sample();
        let line = jsonl::export_spacy(&doc, store.content());
        let mut at = cut.min(line.len());
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        let damaged = format!("{}{insert}{}", &line[..at], &line[at..]);
        let _ = jsonl::looks_like(&damaged);
        let _ = any_parse(&damaged, &doc);
        let doccano = jsonl::export_doccano(&doc, store.content());
        let at = cut.min(doccano.len());
        if doccano.is_char_boundary(at) {
            let _ = any_parse(&format!("{}{insert}{}", &doccano[..at], &doccano[at..]), &doc);
        }
    }

    #[test]
    fn never_panics_on_odd_numbers(start in any::<i64>(), end in any::<f64>()) {
        let doc = small_document();
        let line = format!(r#"{{"text": "{SMALL_TEXT}", "label": [[{start}, {end}, "actor"]], "relations": [{{"from_id": {start}, "to_id": {end}, "type": "source"}}]}}"#);
        let _ = any_parse(&line, &doc);
    }
}

#[test]
fn the_annotator_travels_in_spacy_spans_and_doccano_annotators() {
    let (doc, store) = unicode_sample();
    let line: Value = serde_json::from_str(&jsonl::export_spacy(&doc, store.content())).unwrap();
    let span = |id: &str| {
        line["spans"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(span("claim-1")["annotator"], "Ana “Ani” Petrova, 🦉");
    assert!(
        span("claim-4").get("annotator").is_none(),
        "unknown: left out"
    );
    let doccano: Value =
        serde_json::from_str(&jsonl::export_doccano(&doc, store.content())).unwrap();
    let names: Vec<&str> = doccano["annotators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let expected: Vec<&str> = store
        .annotations()
        .iter()
        .map(|a| a.annotator.as_str())
        .collect();
    assert_eq!(names, expected, "one per triple, in the same order");
    // No annotator known: no list.
    let mut unknown = store.content().owned();
    for a in &mut unknown.annotations {
        a.annotator.clear();
    }
    let unknown = Store::from_parts(unknown);
    let doccano: Value =
        serde_json::from_str(&jsonl::export_doccano(&doc, unknown.content())).unwrap();
    assert!(doccano.get("annotators").is_none(), "{doccano}");
}

#[test]
fn lines_without_annotators_read_as_unknown() {
    let doc = small_document();
    let read = |line: Value| -> Vec<String> {
        let plan = plan_of(&line.to_string(), &doc).unwrap();
        let mut names: Vec<(usize, String)> = plan
            .content
            .annotations
            .iter()
            .map(|a| (a.span.start.0, a.annotator.clone()))
            .collect();
        names.sort();
        names.into_iter().map(|(_, n)| n).collect()
    };
    let actor = span_of(&doc, "Maria Zakharova");
    let date = span_of(&doc, "Friday");
    let (a, d) = ((actor.start.0, actor.end.0), (date.start.0, date.end.0));
    // Prodigy's own spans, and one of ours.
    assert_eq!(
        read(json!({"text": SMALL_TEXT, "spans": [
            {"start": a.0, "end": a.1, "label": "ACTOR"},
            {"start": d.0, "end": d.1, "label": "DATE", "annotator": "Ada"}
        ]})),
        ["", "Ada"]
    );
    // doccano without the list, with it, and with one that does not fit the labels.
    let triples = json!([[a.0, a.1, "actor"], [d.0, d.1, "date"]]);
    assert_eq!(
        read(json!({"text": SMALL_TEXT, "label": triples})),
        ["", ""]
    );
    assert_eq!(
        read(json!({"text": SMALL_TEXT, "label": triples, "annotators": ["Ada", ""]})),
        ["Ada", ""]
    );
    assert_eq!(
        read(json!({"text": SMALL_TEXT, "label": triples, "annotators": ["Ada"]})),
        ["", ""],
        "a list of another length is not guessed at"
    );
}
