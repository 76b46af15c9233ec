//! Dates: every phrase the date normaliser (`model::dates`) understands, found in running text.
//!
//! There is no second grammar here. Within each sentence, from each word that can start a
//! phrase of the normaliser's grammar (`dates::may_start_phrase`) and is not a word the
//! normaliser skips ("on", "in", "since": `dates::is_filler`, so spans leave prepositions
//! out), windows of up to six words are tried, longest first, and the first one
//! [`normalize_in_context`] accepts is the date; the scan goes on after it. Windows cross only
//! spaces, commas, periods, hyphens and slashes.
//!
//! Only windows that end on a word a phrase can end with (`dates::may_end_phrase`) are read.
//! Phrases that the grammar knows as dates relative to another date of the text ("a year
//! earlier", "the previous year", "last season": `dates::is_date_without_value`) are
//! suggested without a value.
//!
//! The value is computed as the accepted annotation's will be: from its quote and the
//! [`CONTEXT_CHARS`] code points around it (only the sentence that holds it counts for the
//! future cue), so what the suggestion shows is what the annotation will show.
//!
//! False positives avoided: a month or weekday name in lower case ("may", "march"); "May",
//! "March", "June" and "August" alone unless a date word comes before them ("in", "since",
//! "early", "last", …); bare numbers other than four-digit years (the normaliser reads no
//! other number alone).

use super::reading::Reading;
use crate::model::annotation::CONTEXT_CHARS;
use crate::model::case::lowercase;
use crate::model::dates::{
    is_date_without_value, is_filler, may_end_phrase, may_start_phrase, normalize_in_context,
    DateValue,
};
use crate::model::span::CharSpan;
use chrono::NaiveDate;

const LONGEST: usize = 7;

/// Months that are also verbs or names.
const AMBIGUOUS: [&str; 4] = ["May", "March", "June", "August"];

/// Words before a lone month that show it is the month.
const MONTH_CUES: [&str; 21] = [
    "in", "since", "by", "until", "till", "from", "between", "and", "of", "during", "early",
    "late", "mid", "last", "next", "this", "through", "before", "after", "to", "until",
];

pub(super) fn find(
    reading: &Reading,
    published: Option<NaiveDate>,
) -> Vec<(CharSpan, Option<DateValue>)> {
    let mut found = Vec::new();
    let index = reading.index;
    for &(s, e) in &reading.sentences {
        let mut i = s;
        while i < e {
            let word = lowercase(reading.word(i));
            // "earlier this year": "earlier" belongs to the phrase, though it is skipped
            // before others ("earlier, on December 18").
            let modifies = word == "earlier"
                && i + 1 < e
                && reading.gap(i) == " "
                && reading.word(i + 1) == "this";
            if !may_start_phrase(&word) || (is_filler(&word) && !modifies) {
                i += 1;
                continue;
            }
            let mut longest = i;
            while longest + 1 < e.min(i + LONGEST) && crosses_plainly(reading.gap(longest)) {
                longest += 1;
            }
            let mut matched = None;
            for j in (i..=longest).rev() {
                if !may_end_phrase(&lowercase(reading.word(j))) || !plausible(reading, i, j) {
                    continue;
                }
                let span = reading.span(i, j);
                let quote = index.slice(span.start, span.end);
                // Whether the grammar reads the words does not depend on the context, which
                // only decides between the latest and the next such day: read it once found.
                if normalize_in_context(quote, "", "", published).is_none() {
                    if is_date_without_value(quote) {
                        matched = Some((span, None, j));
                        break;
                    }
                    continue;
                }
                let before = index.slice(span.start.saturating_sub(CONTEXT_CHARS), span.start);
                let after = index.slice(span.end, span.end + CONTEXT_CHARS);
                if let Some(value) = normalize_in_context(quote, before, after, published) {
                    matched = Some((span, Some(value), j));
                    break;
                }
            }
            match matched {
                Some((span, value, j)) => {
                    found.push((span, value));
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    found
}

fn crosses_plainly(gap: &str) -> bool {
    !gap.is_empty()
        && gap.chars().count() <= 3
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | ',' | '.' | '-' | '/' | '–'))
        && !gap.contains(". ")
        || gap == ". "
}

/// Checks a window against the false positives the grammar cannot see.
fn plausible(reading: &Reading, i: usize, j: usize) -> bool {
    for t in i..=j {
        let word = reading.word(t);
        let lower = lowercase(word);
        let is_name = lower != word
            || !(word.chars().next().is_some_and(char::is_alphabetic)
                && is_month_or_weekday(&lower));
        if !is_name {
            return false;
        }
        // ". " is crossed only after an abbreviated month ("Dec. 18").
        if t < j && reading.gap(t) == ". " && !(word.len() <= 4 && lower != word) {
            return false;
        }
    }
    if i == j && AMBIGUOUS.contains(&reading.word(i)) {
        let cue = i > 0
            && reading.sentence_of[i - 1] == reading.sentence_of[i]
            && (MONTH_CUES.contains(&reading.word(i - 1)) || reading.gap_before(i).ends_with('-'));
        return cue;
    }
    true
}

fn is_month_or_weekday(lower: &str) -> bool {
    crate::model::dates::is_month_or_weekday_name(lower)
}
