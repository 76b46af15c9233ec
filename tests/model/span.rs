//! Snapping a rough selection to what the reader meant.

use annotator::model::span::{nudge, snap, CharSpan, Direction, Edge, SnapMode};
use annotator::model::text::TextIndex;
use annotator::model::DEFAULT_ARTICLE_TEXT;

use crate::support::{quote_at, span_in};

fn snapped(text: &str, start: usize, end: usize, mode: SnapMode) -> Option<String> {
    let index = TextIndex::new(text);
    snap(&index, CharSpan::at(start, end), mode).map(|s| quote_at(text, s))
}

#[test]
fn partial_words_extend_to_whole_words() {
    let text = "Foreign Minister Sergey Lavrov summarizing";
    // "eign Minister Serg" → "Foreign Minister Sergey"
    assert_eq!(
        snapped(text, 3, 21, SnapMode::Words).as_deref(),
        Some("Foreign Minister Sergey")
    );
}

#[test]
fn edge_whitespace_and_punctuation_are_trimmed() {
    let text = "the Russian Ministry of Foreign Affairs (MFA) on January 24 in";
    let s = span_in(text, " (MFA) ");
    assert_eq!(
        snapped(text, s.start.0, s.end.0, SnapMode::Words).as_deref(),
        Some("MFA")
    );
    let s = span_in(text, "January 24 ");
    assert_eq!(
        snapped(text, s.start.0, s.end.0, SnapMode::Words).as_deref(),
        Some("January 24")
    );
}

#[test]
fn a_quoted_sentence_loses_its_outer_quotes_and_period() {
    let text = DEFAULT_ARTICLE_TEXT;
    let s = span_in(
        text,
        "“Moscow has always valued and continues to value its brotherly relations with Yerevan.",
    );
    assert_eq!(
        snapped(text, s.start.0, s.end.0, SnapMode::Words).as_deref(),
        Some(
            "Moscow has always valued and continues to value its brotherly relations with Yerevan"
        )
    );
}

/// Snaps `[start of first, end of last)` where `first` and `last` are the first and the last
/// characters a person dragged over, found in `text` (`last` after `first`).
fn dragged(text: &str, first: &str, last: &str) -> Option<String> {
    let first_byte = text.find(first).unwrap();
    let last_byte = first_byte + text[first_byte..].find(last).unwrap();
    let from = text[..first_byte].chars().count();
    let to = text[..last_byte].chars().count() + last.chars().count();
    snapped(text, from, to, SnapMode::Words)
}

#[test]
fn a_selection_ending_before_a_possessive_keeps_that_end() {
    for text in [
        "to Nikol Pashinyan’s office",
        "to Nikol Pashinyan's office",
        "to NIKOL PASHINYAN’S office",
    ] {
        let upper = text.contains("NIKOL");
        let (first, last, name) = if upper {
            ("NIK", "YAN", "NIKOL PASHINYAN")
        } else {
            ("Nik", "yan", "Nikol Pashinyan")
        };
        assert_eq!(dragged(text, first, last).as_deref(), Some(name), "{text}");
        // Ending inside the name snaps to the name's end, not past the suffix.
        let inside = if upper { "SHIN" } else { "shin" };
        assert_eq!(
            dragged(text, first, inside).as_deref(),
            Some(name),
            "{text}"
        );
    }
}

#[test]
fn a_selection_that_reaches_into_the_suffix_keeps_it() {
    let text = "to Nikol Pashinyan’s office";
    assert_eq!(
        dragged(text, "Nik", "’").as_deref(),
        Some("Nikol Pashinyan’s")
    );
    assert_eq!(
        dragged(text, "Nik", "’s").as_deref(),
        Some("Nikol Pashinyan’s")
    );
    assert_eq!(
        dragged(text, "shin", "off").as_deref(),
        Some("Pashinyan’s office")
    );
}

#[test]
fn every_clitic_with_either_apostrophe_is_split_off() {
    for (text, first, last, want) in [
        ("they don’t agree", "do", "o", "do"),
        ("they don't agree", "th", "o", "they do"),
        ("they don't agree", "th", "'", "they don't"),
        ("Russia’ll answer", "Rus", "ia", "Russia"),
        ("Russia'll answer", "Rus", "ssi", "Russia"),
        ("Armenians’re told", "Arm", "ians", "Armenians"),
        ("we've said", "w", "e", "we"),
        ("they’ve said", "the", "y", "they"),
        ("Lavrov’d say", "Lav", "rov", "Lavrov"),
        ("Lavrov'd say", "La", "ro", "Lavrov"),
        ("I’m here", "I", "I", "I"),
        (
            "Russian diplomacy’s 2024 results",
            "plo",
            "macy",
            "diplomacy",
        ),
    ] {
        assert_eq!(dragged(text, first, last).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_selection_starting_in_the_suffix_takes_the_word_it_belongs_to() {
    let text = "Pashinyan’s office said";
    let suffix = span_in(text, "’s");
    let end = span_in(text, "office").end.0;
    for start in [3, suffix.start.0, suffix.start.0 + 1] {
        assert_eq!(
            snapped(text, start, end, SnapMode::Words).as_deref(),
            Some("Pashinyan’s office"),
            "from {start}"
        );
    }
    // Only the suffix selected: the whole word.
    assert_eq!(
        snapped(text, suffix.start.0, suffix.end.0, SnapMode::Words).as_deref(),
        Some("Pashinyan’s")
    );
}

#[test]
fn words_that_only_look_like_clitics_stay_whole() {
    // "’s" alone, a word ending in "s" after a letter, and names with inner apostrophes.
    for (text, first, last, want) in [
        ("O’Brien said", "O", "Bri", "O’Brien"),
        ("d’Artagnan rode", "Art", "agn", "d’Artagnan"),
        ("rock ’n’ roll", "ro", "oc", "rock"),
        ("Lavrov says", "Lav", "sa", "Lavrov says"),
    ] {
        assert_eq!(dragged(text, first, last).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn whitespace_or_punctuation_only_selections_do_nothing() {
    let text = "one ,  — two";
    assert_eq!(snapped(text, 3, 8, SnapMode::Words), None);
    assert_eq!(snapped(text, 3, 4, SnapMode::Exact), None);
    assert_eq!(snapped(text, 2, 2, SnapMode::Words), None);
}

#[test]
fn exact_mode_keeps_characters_but_never_splits_graphemes() {
    let text = "Flag 🇦🇲 and firefighter 👨🏻‍🚒 here";
    // Start in the middle of "Flag", end between the two regional indicators.
    let got = snapped(text, 2, 6, SnapMode::Exact).unwrap();
    assert_eq!(got, "ag 🇦🇲");
    let s = span_in(text, "👨🏻‍🚒");
    // End inside the ZWJ sequence: widened to the whole cluster.
    assert_eq!(
        snapped(text, s.start.0, s.start.0 + 2, SnapMode::Exact).as_deref(),
        Some("👨🏻‍🚒")
    );
    // Word mode on the emoji alone: an emoji is not a word, so nothing remains.
    assert_eq!(snapped(text, s.start.0, s.end.0, SnapMode::Words), None);
}

#[test]
fn combining_marks_and_non_latin_words_snap_whole() {
    let text = "Cafe\u{301} Հայաստան 中文 text";
    assert_eq!(
        snapped(text, 1, 4, SnapMode::Words).as_deref(),
        Some("Cafe\u{301}")
    );
    assert_eq!(
        snapped(text, 7, 9, SnapMode::Words).as_deref(),
        Some("Հայաստան")
    );
}

#[test]
fn nudging_moves_one_word_and_keeps_spans_non_empty() {
    let text = "Foreign Minister Sergey Lavrov summarizing";
    let index = TextIndex::new(text);
    let lavrov = span_in(text, "Sergey Lavrov");
    let wider = nudge(&index, lavrov, Edge::Start, Direction::Backward).unwrap();
    assert_eq!(
        index.slice(wider.start, wider.end),
        "Minister Sergey Lavrov"
    );
    let longer = nudge(&index, lavrov, Edge::End, Direction::Forward).unwrap();
    assert_eq!(
        index.slice(longer.start, longer.end),
        "Sergey Lavrov summarizing"
    );
    let shorter = nudge(&index, lavrov, Edge::End, Direction::Backward).unwrap();
    assert_eq!(index.slice(shorter.start, shorter.end), "Sergey");
    let later = nudge(&index, lavrov, Edge::Start, Direction::Forward).unwrap();
    assert_eq!(index.slice(later.start, later.end), "Lavrov");
    let one = span_in(text, "Sergey");
    assert_eq!(nudge(&index, one, Edge::End, Direction::Backward), None);
    assert_eq!(nudge(&index, one, Edge::Start, Direction::Forward), None);
}

mod properties {
    use super::*;
    use annotator::model::text::CharOffset;
    use proptest::prelude::*;

    /// Text drawn from pieces that stress boundaries: words, spaces, punctuation, emoji
    /// sequences, combining marks, CJK and Armenian.
    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "word",
            "Lavrov",
            " ",
            "  ",
            ", ",
            ".",
            "“",
            "”",
            "’s",
            "🇦🇲",
            "👨🏻‍🚒",
            "e\u{301}",
            "中文",
            "Հայաստան",
            "\n",
            "-",
            "(",
            ")",
            "2024",
        ]);
        prop::collection::vec(pieces, 1..30).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn snapped_spans_are_trimmed_in_range_and_never_split_graphemes(
            text in text_strategy(), a in 0usize..200, b in 0usize..200, exact in any::<bool>()
        ) {
            let index = TextIndex::new(text.as_str());
            let len = index.len_chars();
            let raw = CharSpan::new(CharOffset(a.min(len)), CharOffset(b.min(len)));
            let mode = if exact { SnapMode::Exact } else { SnapMode::Words };
            if let Some(span) = snap(&index, raw, mode) {
                prop_assert!(span.start < span.end && span.end <= CharOffset(len));
                prop_assert!(index.is_grapheme_boundary(span.start));
                prop_assert!(index.is_grapheme_boundary(span.end));
                let quote = index.slice(span.start, span.end);
                prop_assert!(!quote.starts_with(char::is_whitespace));
                prop_assert!(!quote.ends_with(char::is_whitespace));
                if mode == SnapMode::Words {
                    // Word mode: starts with a letter or digit, ends with one (or its mark), and
                    // does not cut a word at either edge.
                    prop_assert!(quote.chars().next().is_some_and(char::is_alphanumeric));
                    let last = quote.trim_end_matches(|c: char| !c.is_alphanumeric());
                    let trailing_bytes = quote.len() - last.len();
                    let combining_acute_bytes = 2;
                    prop_assert!(trailing_bytes <= combining_acute_bytes);
                    for edge in [span.start, span.end] {
                        if let Some((seg_start, seg_end, true)) = index.word_segment_at(edge) {
                            prop_assert!(seg_start == edge || seg_end == edge);
                        }
                    }
                } else {
                    // Exact mode stays inside the selection widened to whole graphemes.
                    prop_assert!(span.start >= index.grapheme_floor(raw.start));
                    prop_assert!(span.end <= index.grapheme_ceil(raw.end));
                }
            } else if mode == SnapMode::Exact && !raw.is_empty() {
                let selected = index.slice(raw.start, raw.end);
                prop_assert!(selected.trim().is_empty() || index.grapheme_floor(raw.start) == index.grapheme_ceil(raw.end));
            }
        }
    }
}

/// One check for offsets from outside, with the words every format and the store use.
#[test]
fn check_span_names_what_is_wrong() {
    use annotator::model::span::{check_span, SpanError};
    let index = TextIndex::new("a 🇦🇲 b");
    assert_eq!(check_span(&index, 0, 1).unwrap(), CharSpan::at(0, 1));
    assert_eq!(
        check_span(&index, 2, 4).unwrap(),
        CharSpan::at(2, 4),
        "the whole flag"
    );
    let cases = [
        (
            (3, 3),
            SpanError::NotOrdered { start: 3, end: 3 },
            "start 3 must be smaller than end 3 (end is exclusive)",
        ),
        (
            (5, 9),
            SpanError::OutOfRange {
                start: 5,
                end: 9,
                len: 6,
            },
            "offsets 5–9 are outside the text (length 6)",
        ),
        (
            (2, 3),
            SpanError::SplitsGrapheme { at: 3 },
            "offset 3 splits a character (grapheme cluster)",
        ),
    ];
    for ((start, end), error, words) in cases {
        assert_eq!(check_span(&index, start, end), Err(error));
        assert_eq!(error.to_string(), words);
    }
}
