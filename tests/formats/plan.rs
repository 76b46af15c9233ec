//! The one placement function every foreign format goes through.

use annotator::model::formats::{plan, Draft, Foreign};
use annotator::model::{default_document, Label};

use crate::support;

fn draft(id: &str, quote: Option<&str>, at: Option<(usize, usize)>) -> Draft {
    Draft {
        id: id.to_owned(),
        label: Some(Label::Actor),
        start: at.map(|(s, _)| s),
        end: at.map(|(_, e)| e),
        quote: quote.map(str::to_owned),
        place: format!("record {id}"),
        ..Draft::default()
    }
}

#[test]
fn a_quote_without_offsets_is_found_in_the_files_own_text() {
    let doc = default_document();
    let foreign = Foreign {
        text: Some(doc.index.text().to_owned()),
        drafts: vec![draft("a", Some("Sergey Lavrov"), None)],
        relations: vec![],
    };
    let placed = plan(foreign, &doc).unwrap();
    assert_eq!(
        placed.content.annotations[0].span,
        support::span_of(&doc, "Sergey Lavrov")
    );
    assert_eq!(placed.content.annotations[0].quote, "Sergey Lavrov");
}

#[test]
fn offsets_in_the_same_text_must_hold_exactly_and_the_record_is_named() {
    let doc = default_document();
    let lavrov = support::span_of(&doc, "Sergey Lavrov");
    let foreign = |quote: &str, at: (usize, usize)| Foreign {
        text: Some(doc.index.text().to_owned()),
        drafts: vec![draft("x", Some(quote), Some(at))],
        relations: vec![],
    };
    let ok = plan(
        foreign("Sergey Lavrov", (lavrov.start.0, lavrov.end.0)),
        &doc,
    )
    .unwrap();
    assert_eq!(ok.report.exact, 1);
    assert!(!ok.text_changed);
    let err = plan(
        foreign("Sergey Lavrov", (lavrov.start.0 + 1, lavrov.end.0 + 1)),
        &doc,
    )
    .unwrap_err();
    assert!(
        err.starts_with("record x: quote “Sergey Lavrov” does not match"),
        "{err}"
    );
    let err = plan(foreign("x", (5, 999_999)), &doc).unwrap_err();
    assert!(err.contains("outside the text"), "{err}");
}

#[test]
fn without_a_text_a_wrong_position_is_moved_to_the_quote_and_a_missing_quote_is_an_orphan() {
    let doc = default_document();
    let lavrov = support::span_of(&doc, "Sergey Lavrov");
    let foreign = Foreign {
        text: None,
        drafts: vec![
            draft("moved", Some("Sergey Lavrov"), Some((0, 13))),
            draft("gone", Some("Boris Johnson"), Some((0, 13))),
            draft(
                "empty-quote",
                Some(""),
                Some((lavrov.start.0, lavrov.end.0)),
            ),
        ],
        relations: vec![],
    };
    let placed = plan(foreign, &doc).unwrap();
    assert_eq!(placed.content.annotations.len(), 2);
    assert!(placed
        .content
        .annotations
        .iter()
        .all(|a| a.span == lavrov && a.quote == "Sergey Lavrov"));
    assert_eq!(placed.content.orphans[0].quote, "Boris Johnson");
    assert_eq!((placed.report.moved, placed.report.orphaned), (1, 1));
    assert!(placed.text_changed);
}
