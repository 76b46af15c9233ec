//! A date's value reads the same wherever it is shown: a value set by hand wins, and the
//! editor says where the value comes from.

use crate::support::{nth_span_of, span_of, NOW};
use annotator::model::dates::parse_iso_date;
use annotator::model::{default_document, Annotation, Document, Label};
use annotator::ui::components::date_value::{
    computed_date_value, date_value_sentence, shown_date_value, DateValueOrigin,
};

fn date(needle: &str) -> (Annotation, Option<String>) {
    let doc = default_document();
    let annotation = Annotation::new(
        &doc.index,
        "d".into(),
        Label::Date,
        span_of(&doc, needle),
        NOW,
    );
    (annotation, doc.published.clone())
}

#[test]
fn a_date_without_a_year_takes_it_from_the_publication_date() {
    let (annotation, published) = date("January 24");
    let published = published.as_deref();
    let (value, origin) =
        shown_date_value(&annotation, published.and_then(parse_iso_date)).expect("understood");
    assert_eq!(
        (value.value.as_str(), origin),
        ("2025-01-24", DateValueOrigin::FromPublication)
    );
    assert_eq!(
        date_value_sentence(&annotation, published),
        "Date value: 2025-01-24 (the latest January 24 not after the publication date, \
         2025-01-24)"
    );
}

/// Issue 13: "will be held on April 3" in a March article was put in the year before, with
/// the explanation "the year from the publication date".
#[test]
fn a_date_in_a_sentence_about_the_future_is_the_next_such_day() {
    let doc = Document::new(
        "hearing",
        "Hearing",
        Some("2025-03-14"),
        "The ministry said a public hearing will be held on April 3. It was last held on \
         April 3.",
    );
    let future = Annotation::new(
        &doc.index,
        "d1".into(),
        Label::Date,
        span_of(&doc, "April 3"),
        NOW,
    );
    let published = doc.published.as_deref();
    assert_eq!(
        date_value_sentence(&future, published),
        "Date value: 2025-04-03 (the next April 3 not before the publication date, 2025-03-14; \
         the sentence speaks of the future: “will”)"
    );
    assert_eq!(computed_date_value(&future, published), "2025-04-03");
    let past = Annotation::new(
        &doc.index,
        "d2".into(),
        Label::Date,
        nth_span_of(&doc, "April 3", 1),
        NOW,
    );
    assert_eq!(computed_date_value(&past, published), "2024-04-03");
}

#[test]
fn a_value_set_by_hand_wins_everywhere_but_the_placeholder() {
    let (mut annotation, published) = date("January 24");
    annotation.date_value = Some("2025-01-23".into());
    let published = published.as_deref();
    let (value, origin) =
        shown_date_value(&annotation, published.and_then(parse_iso_date)).unwrap();
    assert_eq!(
        (value.value.as_str(), origin),
        ("2025-01-23", DateValueOrigin::SetByHand)
    );
    assert_eq!(
        date_value_sentence(&annotation, published),
        "Date value: 2025-01-23 (set by hand)"
    );
    assert_eq!(
        computed_date_value(&annotation, published),
        "2025-01-24",
        "the empty field falls back to this"
    );
}

#[test]
fn a_phrase_not_understood_has_no_value_and_says_so() {
    let (annotation, published) = date("Sergey Lavrov");
    let published = published.as_deref();
    assert_eq!(
        shown_date_value(&annotation, published.and_then(parse_iso_date)),
        None
    );
    assert_eq!(
        date_value_sentence(&annotation, published),
        "Date value: none — this phrase was not understood (no guess is made)"
    );
    assert_eq!(computed_date_value(&annotation, published), "");
}
