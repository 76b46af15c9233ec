//! Date normalisation on real phrasings, every date of the default article among them.

use annotator::model::dates::{normalize, parse_iso_date, Modifier};

/// (phrase, expected value, expected modifier). The publication date is 2025-01-24 (a
/// Friday), the default article's.
const CASES: &[(&str, Option<&str>, Option<Modifier>)] = &[
    // Every date expression in the default article.
    ("January 24", Some("2025-01-24"), None),
    ("2024", Some("2024"), None),
    ("the past year", Some("P1Y"), None),
    ("in the past year", Some("P1Y"), None),
    ("the end of 2024", Some("2024"), Some(Modifier::End)),
    ("at the end of 2024", Some("2024"), Some(Modifier::End)),
    ("On January 23", Some("2025-01-23"), None),
    ("December 18, 2024", Some("2024-12-18"), None),
    ("Earlier, on December 18, 2024", Some("2024-12-18"), None),
    ("On December 4", Some("2024-12-04"), None),
    ("December 4", Some("2024-12-04"), None),
    ("November 2022", Some("2022-11"), None),
    ("in November 2022", Some("2022-11"), None),
    // Other common phrasings.
    ("18 December 2024", Some("2024-12-18"), None),
    ("Dec. 18, 2024", Some("2024-12-18"), None),
    ("Wednesday, December 18, 2024", Some("2024-12-18"), None),
    ("2024-12-18", Some("2024-12-18"), None),
    ("18.12.2024", Some("2024-12-18"), None),
    ("12/18/2024", Some("2024-12-18"), None),
    ("the 4th of December", Some("2024-12-04"), None),
    ("December", Some("2024-12"), None),
    ("March", Some("2024-03"), None),
    ("today", Some("2025-01-24"), None),
    ("yesterday", Some("2025-01-23"), None),
    ("tomorrow", Some("2025-01-25"), None),
    ("last year", Some("2024"), None),
    ("this year", Some("2025"), None),
    ("next year", Some("2026"), None),
    ("last month", Some("2024-12"), None),
    ("last week", Some("2025-W03"), None),
    ("on Monday", Some("2025-01-20"), None),
    ("early 2025", Some("2025"), Some(Modifier::Start)),
    ("mid-2024", Some("2024"), Some(Modifier::Mid)),
    ("late November 2022", Some("2022-11"), Some(Modifier::End)),
    (
        "the beginning of the year",
        Some("2025"),
        Some(Modifier::Start),
    ),
    ("the third quarter of 2024", Some("2024-Q3"), None),
    ("Q3 2024", Some("2024-Q3"), None),
    ("summer 2024", Some("2024-SU"), None),
    ("the 1990s", Some("199"), None),
    ("the past two years", Some("P2Y"), None),
    // Not understood, or ambiguous: no value rather than a guess.
    ("04/05/2024", None, None),
    ("February 30, 2024", None, None),
    ("sometime soon", None, None),
    ("the Ministry", None, None),
];

#[test]
fn every_phrasing_gets_its_value_or_none() {
    let published = parse_iso_date("2025-01-24");
    assert!(CASES.len() >= 30);
    let mut wrong = Vec::new();
    for &(phrase, value, modifier) in CASES {
        let got = normalize(phrase, published);
        let got_pair = got.as_ref().map(|v| (v.value.as_str(), v.modifier));
        let expected = value.map(|v| (v, modifier));
        if got_pair != expected {
            wrong.push(format!(
                "{phrase:?}: expected {expected:?}, got {got_pair:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn dates_without_a_year_need_the_publication_date() {
    assert_eq!(normalize("January 24", None), None);
    assert_eq!(normalize("yesterday", None), None);
    let full = normalize("December 18, 2024", None).unwrap();
    assert_eq!(full.value, "2024-12-18");
    assert!(!full.anchored);
    assert!(
        normalize("January 24", parse_iso_date("2025-01-24"))
            .unwrap()
            .anchored
    );
    // Another anchor, another year: the latest such day not after publication.
    assert_eq!(
        normalize("December 4", parse_iso_date("2024-12-10"))
            .unwrap()
            .value,
        "2024-12-04"
    );
    assert_eq!(
        normalize("December 14", parse_iso_date("2024-12-10"))
            .unwrap()
            .value,
        "2023-12-14"
    );
    // Leap days exist only in leap years: the latest February 29 not after publication.
    assert_eq!(
        normalize("February 29", parse_iso_date("2025-03-01"))
            .unwrap()
            .value,
        "2024-02-29"
    );
    assert_eq!(
        normalize("February 29", parse_iso_date("2024-02-28")).map(|v| v.value),
        None
    );
}
