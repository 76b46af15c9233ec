//! Who claimed what, when: links between claims, actors and dates; entities; date values;
//! the claims table and its CSV; the schema's version-3 round trip and migration.

use annotator::model::claims::claims_table;
use annotator::model::formats::csv::claims_csv;
use annotator::model::formats::native::{self, TextInclusion};
use annotator::model::store::{Store, StoreError};
use annotator::model::{default_document, Document, Label, Role};
use serde_json::{json, Value};

use crate::support::{nth_span_of, span_of};

/// Aliyev's claim, annotated and linked.
fn aliyev() -> (Document, Store) {
    let doc = default_document();
    let mut store = Store::new();
    let t = "2025-02-01T10:00:00.000Z";
    store
        .add(
            &doc.index,
            "actor".into(),
            Label::Actor,
            span_of(&doc, "Ilham Aliyev"),
            t,
        )
        .unwrap();
    store
        .add(
            &doc.index,
            "date".into(),
            Label::Date,
            span_of(&doc, "December 18, 2024"),
            t,
        )
        .unwrap();
    store
        .add(&doc.index, "claim".into(), Label::Claim, span_of(&doc, "Armenia would leave the CSTO as soon as it received the green light from Washington"), t)
        .unwrap();
    store
        .add(
            &doc.index,
            "target".into(),
            Label::Actor,
            span_of(&doc, "Washington"),
            t,
        )
        .unwrap();
    store
        .link("r1".into(), "claim", "actor", Role::Source, t)
        .unwrap();
    store
        .link("r2".into(), "claim", "date", Role::When, t)
        .unwrap();
    store
        .link("r3".into(), "claim", "target", Role::Target, t)
        .unwrap();
    store
        .set_entity("actor", Some("Ilham Aliyev, President of Azerbaijan"), t)
        .unwrap();
    (doc, store)
}

#[test]
fn links_need_a_claim_and_the_right_label() {
    let (doc, mut store) = aliyev();
    let t = "t";
    assert_eq!(
        store.link("x".into(), "actor", "date", Role::When, t),
        Err(StoreError::WrongLabel {
            role: Role::When,
            expected: Label::Claim,
            found: Label::Actor
        })
    );
    assert_eq!(
        store.link("x".into(), "claim", "date", Role::Source, t),
        Err(StoreError::WrongLabel {
            role: Role::Source,
            expected: Label::Actor,
            found: Label::Date
        })
    );
    assert_eq!(
        store.link("x".into(), "claim", "actor", Role::Source, t),
        Err(StoreError::AlreadyLinked)
    );
    assert!(matches!(
        store.link("x".into(), "claim", "nope", Role::Source, t),
        Err(StoreError::NotFound(_))
    ));
    let links: Vec<(Role, &str)> = store
        .links_of("claim")
        .iter()
        .map(|(r, a)| (r.role, a.quote.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (Role::Source, "Ilham Aliyev"),
            (Role::Target, "Washington"),
            (Role::When, "December 18, 2024")
        ]
    );
    let _ = doc;
}

#[test]
fn deleting_a_span_deletes_its_links_and_undo_restores_both() {
    let (_, mut store) = aliyev();
    assert_eq!(store.relations().len(), 3);
    store.remove("actor").unwrap();
    assert_eq!(store.relations().len(), 2);
    assert!(store.relations().iter().all(|r| r.other != "actor"));
    store.remove("claim").unwrap();
    assert!(store.relations().is_empty());
    assert!(store.undo());
    assert_eq!(store.relations().len(), 2);
    assert!(store.undo());
    assert_eq!(store.relations().len(), 3);
    assert_eq!(
        store.get("actor").unwrap().entity.as_deref(),
        Some("Ilham Aliyev, President of Azerbaijan")
    );
    // Relabelling an end that no longer fits drops its links, undoably.
    store.relabel("date", Label::Actor, "t2").unwrap();
    assert_eq!(store.relations().len(), 2);
    assert!(store.undo());
    assert_eq!(store.relations().len(), 3);
    // Delete all takes the links too, and gives them back.
    store.clear();
    assert!(store.relations().is_empty());
    assert!(store.undo());
    assert_eq!(store.relations().len(), 3);
}

#[test]
fn entities_are_offered_to_new_mentions_with_the_same_text() {
    let doc = default_document();
    let mut store = Store::new();
    store
        .add(
            &doc.index,
            "m1".into(),
            Label::Actor,
            span_of(&doc, "MFA"),
            "t",
        )
        .unwrap();
    store
        .set_entity("m1", Some("Russian Ministry of Foreign Affairs"), "t")
        .unwrap();
    // A later "MFA" (the text occurs several times).
    let second = nth_span_of(&doc, "MFA", 1);
    store
        .add(&doc.index, "m2".into(), Label::Actor, second, "t")
        .unwrap();
    assert_eq!(
        store.suggested_entity("m2").as_deref(),
        Some("Russian Ministry of Foreign Affairs")
    );
    store
        .set_entity("m2", Some("Russian Ministry of Foreign Affairs"), "t")
        .unwrap();
    assert_eq!(
        store.entities(),
        [("Russian Ministry of Foreign Affairs".to_owned(), 2)]
    );
    store.set_entity("m2", Some("  "), "t").unwrap();
    assert_eq!(store.get("m2").unwrap().entity, None);
}

#[test]
fn the_export_carries_links_entities_dates_and_the_claims_table() {
    let (doc, mut store) = aliyev();
    let json = native::to_json(&doc, store.content(), TextInclusion::WithText);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["version"], 3);
    let actor = value["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "actor")
        .unwrap();
    assert_eq!(
        actor["entity"],
        json!({"id": "ilham-aliyev-president-of-azerbaijan", "name": "Ilham Aliyev, President of Azerbaijan"})
    );
    let date = value["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "date")
        .unwrap();
    assert_eq!(
        date["date"],
        json!({"value": "2024-12-18", "manual": false})
    );
    assert_eq!(
        value["relations"][0],
        json!({"id": "r1", "claim": "claim", "role": "source", "annotation": "actor", "created": "2025-02-01T10:00:00.000Z"})
    );
    assert_eq!(
        value["claims"],
        json!([{
            "claim": "claim",
            "quote": "Armenia would leave the CSTO as soon as it received the green light from Washington",
            "start": span_of(&doc, "Armenia would leave the CSTO as soon as it received the green light from Washington").start,
            "end": span_of(&doc, "Armenia would leave the CSTO as soon as it received the green light from Washington").end,
            "sources": ["Ilham Aliyev, President of Azerbaijan"],
            "targets": ["Washington"],
            "dates": ["2024-12-18"],
            "date_modifiers": [null],
        }])
    );
    // Round trip, from the export and from the compact storage form.
    for form in [TextInclusion::WithText, TextInclusion::Compact] {
        let parsed = native::parse(&native::to_json(&doc, store.content(), form), &doc).unwrap();
        assert_eq!(parsed.content.annotations, store.annotations());
        assert_eq!(parsed.content.relations, store.relations());
    }
    // A date value set by hand survives, and replaces the computed one.
    store
        .set_date_value("date", Some("2024-12-18T12:00"), "t3")
        .unwrap();
    let parsed = native::parse(
        &native::to_json(&doc, store.content(), TextInclusion::Compact),
        &doc,
    )
    .unwrap();
    assert_eq!(
        parsed
            .content
            .annotations
            .iter()
            .find(|a| a.id == "date")
            .unwrap()
            .date_value
            .as_deref(),
        Some("2024-12-18T12:00")
    );
    let rows = claims_table(
        store.content(),
        doc.published
            .as_deref()
            .and_then(annotator::model::dates::parse_iso_date),
    );
    assert_eq!(rows[0].dates, ["2024-12-18T12:00"]);
}

/// Issue 13: the claims table, its CSV and the annotation CSV wrote "2024 (END)", which no
/// program parses as a date. Every machine-readable field is a plain value now, the modifier
/// apart; only people see "2024 (END)".
#[test]
fn machine_readable_dates_are_plain_values_with_the_modifier_apart() {
    let doc = default_document();
    let mut store = Store::new();
    let t = "2025-02-01T10:00:00.000Z";
    let date = span_of(&doc, "the end of 2024");
    store
        .add(&doc.index, "date".into(), Label::Date, date, t)
        .unwrap();
    let claim = span_of(&doc, "Armenia would leave the CSTO");
    store
        .add(&doc.index, "claim".into(), Label::Claim, claim, t)
        .unwrap();
    store
        .link("r1".into(), "claim", "date", Role::When, t)
        .unwrap();
    let published = doc.published_date();
    let rows = claims_table(store.content(), published);
    assert_eq!(rows[0].dates, ["2024"]);
    assert_eq!(rows[0].date_modifiers, [Some("END".to_owned())]);
    assert_eq!(rows[0].dates_shown(), ["2024 (END)"]);
    let lines: Vec<String> = claims_csv(&rows).split("\r\n").map(str::to_owned).collect();
    assert_eq!(
        lines[1],
        format!(
            "claim,Armenia would leave the CSTO,,,2024,END,{},{}",
            claim.start, claim.end
        )
    );
    let value: Value = serde_json::from_str(&native::to_json(
        &doc,
        store.content(),
        TextInclusion::WithText,
    ))
    .unwrap();
    assert_eq!(value["claims"][0]["dates"], json!(["2024"]));
    assert_eq!(value["claims"][0]["date_modifiers"], json!(["END"]));
    let date_record = value["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "date")
        .unwrap();
    assert_eq!(
        date_record["date"],
        json!({"value": "2024", "modifier": "END", "manual": false})
    );
    let csv = annotator::model::formats::csv::export(&doc, store.content());
    assert!(
        csv.contains(&format!(
            ",date,date,{},{},the end of 2024,,,,2024,END,,,,,,,\r\n",
            date.start, date.end
        )),
        "{csv}"
    );
    assert!(csv.contains(",,date,2024,\r\n"), "the claim's when: {csv}");
}

#[test]
fn the_claims_csv_is_rfc_4180() {
    let (doc, mut store) = aliyev();
    store
        .set_entity("actor", Some("Aliyev, \"Ilham\""), "t")
        .unwrap();
    let rows = claims_table(
        store.content(),
        annotator::model::dates::parse_iso_date("2025-01-24"),
    );
    let csv = claims_csv(&rows);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "claim_id,claim,sources,targets,dates,date_modifiers,start,end"
    );
    let claim = span_of(
        &doc,
        "Armenia would leave the CSTO as soon as it received the green light from Washington",
    );
    assert_eq!(
        lines[1],
        format!("claim,Armenia would leave the CSTO as soon as it received the green light from Washington,\"Aliyev, \"\"Ilham\"\"\",Washington,2024-12-18,,{},{}", claim.start, claim.end)
    );
    assert_eq!(lines[2], "", "every record ends with CRLF");
    assert_eq!(lines.len(), 3);
}

#[test]
fn a_stored_version_2_file_is_migrated() {
    let doc = default_document();
    let fixture = include_str!("../fixtures/v2-storage.json");
    assert!(fixture.contains("\"version\":2"));
    let parsed = native::parse(fixture, &doc).unwrap();
    assert_eq!(parsed.migrated_from, Some(2));
    assert_eq!(parsed.content.annotations.len(), 3);
    assert_eq!(parsed.content.orphans.len(), 1);
    assert!(parsed.content.relations.is_empty());
    let quotes: Vec<&str> = parsed
        .content
        .annotations
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert!(quotes.contains(&"December 18, 2024"));
}

#[test]
fn broken_links_reject_the_file_naming_the_relation() {
    let (doc, store) = aliyev();
    let good: Value = serde_json::from_str(&native::to_json(
        &doc,
        store.content(),
        TextInclusion::WithText,
    ))
    .unwrap();
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"id": "r9", "claim": "claim", "role": "speaker", "annotation": "actor"}),
            "relation 4: unknown role \"speaker\"",
        ),
        (
            json!({"id": "r9", "claim": "actor", "role": "source", "annotation": "actor"}),
            "relation 4: \"actor\" is actor, not a claim",
        ),
        (
            json!({"id": "r9", "claim": "claim", "role": "when", "annotation": "actor"}),
            "relation 4: a when link needs date, but \"actor\" is actor",
        ),
        (
            json!({"id": "r9", "claim": "claim", "role": "source", "annotation": "ghost"}),
            "relation 4: there is no annotation \"ghost\"",
        ),
        (
            json!({"id": "r1", "claim": "claim", "role": "source", "annotation": "target"}),
            "relation 4: id \"r1\" is already used by relation 1",
        ),
        (
            json!({"id": "r9", "claim": "claim", "role": "source", "annotation": "actor"}),
            "relation 4: the same link is listed twice",
        ),
    ];
    for (extra, expected) in cases {
        let mut file = good.clone();
        file["relations"].as_array_mut().unwrap().push(extra);
        let message = native::parse(&file.to_string(), &doc)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains(expected),
            "expected “{expected}” in “{message}”"
        );
    }
}

#[test]
fn link_candidates_put_the_claims_own_sentence_first() {
    let doc = default_document();
    let mut store = Store::new();
    let t = "t";
    for (id, label, needle) in [
        ("lavrov", Label::Actor, "Sergey Lavrov"),
        ("peskov", Label::Actor, "Dmitry Peskov"),
        ("dec18", Label::Date, "December 18, 2024"),
        ("aliyev", Label::Actor, "Ilham Aliyev"),
        ("dec4", Label::Date, "December 4"),
        ("pashinyan", Label::Actor, "Pashinyan declared"),
    ] {
        store
            .add(&doc.index, id.into(), label, span_of(&doc, needle), t)
            .unwrap();
    }
    store
        .add(
            &doc.index,
            "claim".into(),
            Label::Claim,
            span_of(&doc, "Armenia would leave the CSTO"),
            t,
        )
        .unwrap();
    let order: Vec<&str> = annotator::model::store::link_candidates(&store, &doc.index, "claim")
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    // Same sentence (Aliyev, December 18) first, nearest first; then the next sentence's.
    assert_eq!(&order[..2], ["aliyev", "dec18"]);
    assert_eq!(
        order.last(),
        Some(&"lavrov"),
        "far away comes last: {order:?}"
    );
}

/// Two sources starting at the same character ("Sergey Lavrov" and "Sergey" inside it): the
/// editor, the claims table, the claims CSV and the annotation CSV list them in one order,
/// document order (the longer, outer span first), whatever order they were linked in.
#[test]
fn every_view_of_a_claim_lists_tied_links_in_document_order() {
    let doc = default_document();
    let mut store = Store::new();
    let t = "2025-02-01T10:00:00.000Z";
    let claim = span_of(&doc, "Sergey Lavrov summarizing");
    let full = span_of(&doc, "Sergey Lavrov");
    let first_name = annotator::model::CharSpan::new(full.start, span_of(&doc, "Sergey").end);
    assert_eq!(first_name.start, full.start, "both start at one character");
    store
        .add(&doc.index, "claim".into(), Label::Claim, claim, t)
        .unwrap();
    store
        .add(&doc.index, "short".into(), Label::Actor, first_name, t)
        .unwrap();
    store
        .add(&doc.index, "long".into(), Label::Actor, full, t)
        .unwrap();
    // Linked shorter first: the order of the links must not decide the order shown.
    store
        .link("r1".into(), "claim", "short", Role::Source, t)
        .unwrap();
    store
        .link("r2".into(), "claim", "long", Role::Source, t)
        .unwrap();

    let editor: Vec<&str> = store
        .links_of("claim")
        .iter()
        .map(|(_, a)| a.quote.as_str())
        .collect();
    assert_eq!(editor, ["Sergey Lavrov", "Sergey"]);
    let table = claims_table(store.content(), None);
    assert_eq!(table[0].sources, ["Sergey Lavrov", "Sergey"]);
    assert!(claims_csv(&table).contains(",Sergey Lavrov; Sergey,"));
    let csv = annotator::model::formats::csv::export(&doc, store.content());
    let claim_row = csv.lines().find(|l| l.contains(",claim,")).unwrap();
    assert!(
        claim_row.contains(",long short,Sergey Lavrov; Sergey,"),
        "{claim_row}"
    );
}

/// The offer ignores case, in ASCII and beyond it, and only mentions that have an entity
/// count; the mention itself is never its own suggestion.
#[test]
fn an_entity_is_offered_whatever_the_case_of_the_text() {
    use annotator::model::text::TextIndex;
    const TEXT: &str =
        "Sergey Lavrov met Çelik. SERGEY LAVROV and ÇELIK spoke; sergey lavrov left.";
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let add = |store: &mut Store, id: &str, quote: &str, n: usize| {
        let span = crate::support::nth_span_in(TEXT, quote, n);
        store
            .add(&index, id.into(), Label::Actor, span, "t")
            .unwrap();
    };
    add(&mut store, "l1", "Sergey Lavrov", 0);
    add(&mut store, "l2", "SERGEY LAVROV", 0);
    add(&mut store, "l3", "sergey lavrov", 0);
    add(&mut store, "c1", "Çelik", 0);
    add(&mut store, "c2", "ÇELIK", 0);
    assert_eq!(
        store.suggested_entity("l2"),
        None,
        "no mention has an entity yet"
    );
    store.set_entity("l2", Some("Sergey Lavrov"), "t").unwrap();
    assert_eq!(
        store.suggested_entity("l1").as_deref(),
        Some("Sergey Lavrov")
    );
    assert_eq!(
        store.suggested_entity("l3").as_deref(),
        Some("Sergey Lavrov")
    );
    assert_eq!(store.suggested_entity("c1"), None);
    store.set_entity("c1", Some("Çelik"), "t").unwrap();
    assert_eq!(store.suggested_entity("c2").as_deref(), Some("Çelik"));
    assert_eq!(store.suggested_entity("c1"), None, "not its own suggestion");
}
