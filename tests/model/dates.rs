//! Date normalisation on real phrasings, every date of the default article among them.

use annotator::model::dates::{
    future_cue, is_date_without_value, normalize, normalize_in_context, parse_iso_date, Basis,
    Modifier, Period,
};

/// (phrase, expected value, expected modifier). The publication date is 2025-01-24 (a
/// Friday), the default article's.
const CASES: &[(&str, Option<&str>, Option<Modifier>)] = &[
    // Every date expression in the default article.
    ("January 24", Some("2025-01-24"), None),
    ("2024", Some("2024"), None),
    ("the past year", Some("P1Y"), None),
    ("in the past year", Some("P1Y"), None),
    ("the end of 2024", Some("2024"), Some(Modifier::End)),
    ("early next year", Some("2026"), Some(Modifier::Start)),
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
    // Quarters, seasons and halves without a year, parts of a year, "earlier this year".
    ("the third quarter", Some("2024-Q3"), None),
    ("the first quarter", Some("2025-Q1"), None),
    ("next quarter", Some("2025-Q2"), None),
    ("last quarter", Some("2024-Q4"), None),
    ("the same quarter last year", Some("2024"), None),
    ("the same period a year earlier", Some("2024"), None),
    ("the second half of 2026", Some("2026-H2"), None),
    ("the first half of this year", Some("2025-H1"), None),
    ("the first nine months of this year", Some("2025"), None),
    ("the first six months of 2024", Some("2024-H1"), None),
    ("the last three months of 2024", Some("2024-Q4"), None),
    ("the autumn", Some("2024-FA"), None),
    ("the winter", Some("2024-WI"), None),
    ("this summer", Some("2025-SU"), None),
    ("last summer", Some("2024-SU"), None),
    ("next spring", Some("2025-SP"), None),
    ("this winter", Some("2024-WI"), None),
    ("the spring of 2027", Some("2027-SP"), None),
    ("earlier this year", Some("2025"), None),
    ("later this month", Some("2025-01"), None),
    ("Oct. 8 last year", Some("2024-10-08"), None),
    // Not understood, or ambiguous: no value rather than a guess.
    ("summer", None, None),
    ("the fall", None, None),
    ("a year earlier", None, None),
    ("last season", None, None),
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
    assert!(!full.anchored());
    assert!(normalize("January 24", parse_iso_date("2025-01-24"))
        .unwrap()
        .anchored());
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

/// (text before, date phrase, text after, expected value, expected modifier). The
/// publication date is 2025-03-14, a Friday. A date without its year or week is the next one
/// when its sentence speaks of the future, else the latest one.
const IN_CONTEXT: &[(&str, &str, &str, &str, Option<Modifier>)] = &[
    // The future: the next such day, month or weekday.
    (
        "a public hearing will be held on ",
        "April 3",
        ".",
        "2025-04-03",
        None,
    ),
    (
        "The vote is scheduled for ",
        "April 3",
        ".",
        "2025-04-03",
        None,
    ),
    (
        "The report is due to be published in ",
        "May",
        ".",
        "2025-05",
        None,
    ),
    (
        "The ministry plans to open the bridge on ",
        "April 3",
        ".",
        "2025-04-03",
        None,
    ),
    (
        "The upcoming summit on ",
        "March 20",
        " in Baku",
        "2025-03-20",
        None,
    ),
    (
        "The summit on ",
        "March 20",
        " will decide it.",
        "2025-03-20",
        None,
    ),
    ("Talks will resume on ", "Friday", ".", "2025-03-21", None),
    ("They’ll meet on ", "Monday", ".", "2025-03-17", None),
    (
        "The treaty is to be signed ",
        "on March 14",
        ".",
        "2025-03-14",
        None,
    ),
    (
        "The work will be done by ",
        "the end of February",
        ".",
        "2026-02",
        Some(Modifier::End),
    ),
    (
        "The hearing will take place ",
        "February 29",
        ".",
        "2028-02-29",
        None,
    ),
    ("", "next Friday", "", "2025-03-21", None),
    ("Talks resume ", "next week", ".", "2025-W12", None),
    // The past (or nothing said): the latest such day up to publication.
    (
        "The hearing was held on ",
        "April 3",
        ".",
        "2024-04-03",
        None,
    ),
    ("Sales fell in ", "May", ".", "2024-05", None),
    (
        "The minister said on ",
        "Friday",
        " that talks will resume.",
        "2025-03-07",
        None,
    ),
    (
        "It will rain. Voters met on ",
        "March 20",
        ".",
        "2024-03-20",
        None,
    ),
    (
        "Prices will rise, the bank said on ",
        "March 20",
        ".",
        "2024-03-20",
        None,
    ),
    (
        "He arrived ",
        "last Friday",
        " and will stay.",
        "2025-03-07",
        None,
    ),
    ("", "March 14", "", "2025-03-14", None),
    // Quarters and seasons without a year: the latest begun, or the next not over.
    ("Sales fell in ", "the fourth quarter", ".", "2024-Q4", None),
    (
        "Sales will rise in ",
        "the fourth quarter",
        ".",
        "2025-Q4",
        None,
    ),
    (
        "Sales will rise in ",
        "the first quarter",
        ".",
        "2025-Q1",
        None,
    ),
    (
        "The work will finish in ",
        "the autumn",
        ".",
        "2025-FA",
        None,
    ),
    ("The work finished in ", "the autumn", ".", "2024-FA", None),
    ("The ice will form in ", "the winter", ".", "2025-WI", None),
];

#[test]
fn the_sentence_decides_between_the_next_and_the_latest_such_day() {
    let published = parse_iso_date("2025-03-14");
    let mut wrong = Vec::new();
    for &(before, phrase, after, value, modifier) in IN_CONTEXT {
        let got = normalize_in_context(phrase, before, after, published);
        let got_pair = got.as_ref().map(|v| (v.value.as_str(), v.modifier));
        if got_pair != Some((value, modifier)) {
            wrong.push(format!(
                "{before}[{phrase}]{after}: expected {value} {modifier:?}, got {got_pair:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_value_says_which_rule_gave_it() {
    let published = parse_iso_date("2025-03-14").unwrap();
    let explain = |before: &str, phrase: &str, after: &str| {
        normalize_in_context(phrase, before, after, Some(published))
            .and_then(|v| v.basis)
            .map(|b| b.explanation(published))
    };
    assert_eq!(
        explain("a public hearing will be held on ", "April 3", "."),
        Some(
            "the next April 3 not before the publication date, 2025-03-14; \
             the sentence speaks of the future: “will”"
                .to_owned()
        )
    );
    assert_eq!(
        explain("The hearing was held on ", "April 3", "."),
        Some("the latest April 3 not after the publication date, 2025-03-14".to_owned())
    );
    assert_eq!(
        explain("Talks were held on ", "Friday", "."),
        Some("the latest Friday before the publication date, 2025-03-14".to_owned())
    );
    assert_eq!(
        explain("", "yesterday", ""),
        Some("counted from the publication date, 2025-03-14".to_owned())
    );
    assert_eq!(explain("It will happen on ", "April 3, 2025", ""), None);
    assert_eq!(
        normalize_in_context("May", "It is scheduled for ", "", Some(published))
            .unwrap()
            .basis,
        Some(Basis::Next {
            period: Period::Month("May".to_owned()),
            cue: "scheduled".to_owned()
        })
    );
}

#[test]
fn future_cues_are_read_in_the_date_s_own_sentence_nearest_first() {
    assert_eq!(
        future_cue("it will be held on ", ""),
        Some("will".to_owned())
    );
    assert_eq!(
        future_cue("They plans to meet on ", ""),
        Some("plans to".to_owned())
    );
    assert_eq!(
        future_cue("We won’t meet before ", ""),
        Some("won't".to_owned())
    );
    assert_eq!(
        future_cue("", " is when it is due to start"),
        Some("is due".to_owned())
    );
    assert_eq!(future_cue("The talks will fail. They met on ", ""), None);
    assert_eq!(future_cue("It said on ", " that it will"), None);
    assert_eq!(future_cue("Held on ", ". It will rain."), None);
    assert_eq!(future_cue("", ""), None);
}

#[test]
fn cues_and_date_words_are_found_in_capitals_among_letters_beyond_ascii() {
    assert_eq!(
        future_cue("Пашинян’s talks with Ереван WILL be held on ", ""),
        Some("will".to_owned())
    );
    assert_eq!(
        future_cue("ÉLYSÉE AIDES SAID on ", " that Пашинян will come"),
        None
    );
    assert_eq!(
        future_cue("Пашинян’LL meet them on ", ""),
        Some("'ll".to_owned())
    );
    let published = parse_iso_date("2025-03-12");
    let friday = normalize_in_context("on FRIDAY", "Пашинян WILL meet Алиев ", "", published);
    assert_eq!(friday.map(|v| v.value), Some("2025-03-14".to_owned()));
    let friday = normalize_in_context("on FRIDAY", "Пашинян met Алиев ", "", published);
    assert_eq!(friday.map(|v| v.value), Some("2025-03-07".to_owned()));
    assert_eq!(
        normalize("3\u{a0}MARCH\u{a0}2025", None).map(|v| v.value),
        Some("2025-03-03".to_owned())
    );
}

#[test]
fn dates_relative_to_another_date_of_the_text_are_read_without_a_value() {
    for phrase in [
        "a year earlier",
        "two years later",
        "a month before",
        "the previous year",
        "the year before",
        "last season",
        "this season",
        "a few weeks later",
    ] {
        assert!(is_date_without_value(phrase), "{phrase}");
        assert_eq!(
            normalize(phrase, parse_iso_date("2025-01-24")),
            None,
            "{phrase}"
        );
    }
    for phrase in [
        "a year",
        "the season",
        "earlier",
        "a decade earlier",
        "last",
    ] {
        assert!(!is_date_without_value(phrase), "{phrase}");
    }
}

#[test]
fn quarters_and_seasons_say_which_rule_gave_them() {
    let published = parse_iso_date("2025-03-14").unwrap();
    let value =
        normalize_in_context("the third quarter", "Sales fell in ", ".", Some(published)).unwrap();
    assert_eq!(value.value, "2024-Q3");
    assert_eq!(
        value.basis.unwrap().explanation(published),
        "the latest third quarter not after the publication date, 2025-03-14"
    );
}
