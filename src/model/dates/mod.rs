//! Normalising date expressions to ISO 8601 / TIMEX3 values ("December 18, 2024" →
//! `2024-12-18`; "January 24" → the year from the document's publication date; "the end of
//! 2024" → `2024` with modifier END). A date without a year (or week) is the latest such day
//! up to publication, unless the sentence around it speaks of the future ("will be held on
//! April 3"): then it is the next one ([`normalize_in_context`]). Calendar arithmetic is chrono's (its `NaiveDate`,
//! without time zones: jiff was tried first and cost about 40 KB more, gzipped). An
//! expression that is not understood gets no value: a missing value is visible, a wrong one
//! would not be.

mod cues;
mod phrases;

use crate::model::case::lowercase;
pub use cues::future_cue;
pub use phrases::is_date_without_value;
use phrases::*;
pub(crate) use phrases::{may_end_phrase, may_start_phrase};

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::fmt;

/// A calendar date without time or zone.
pub type CalendarDate = NaiveDate;
type Date = NaiveDate;

fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// TIMEX3's `mod` for a part of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    Start,
    Mid,
    End,
}

impl Modifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
        }
    }
}

/// A normalised date expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateValue {
    /// TIMEX3 value: `2024-12-18`, `2024-12`, `2024`, `2024-W03`, `2024-Q3`, `2024-SU`, `199`
    /// (the 1990s), or a duration such as `P1Y`.
    pub value: String,
    pub modifier: Option<Modifier>,
    /// How the publication date gave the value; `None` when the phrase alone gives it.
    pub basis: Option<Basis>,
}

impl DateValue {
    /// True when the value depends on the publication date (no year was written, or the
    /// phrase counts from it).
    pub fn anchored(&self) -> bool {
        self.basis.is_some()
    }
}

/// How a value that depends on the publication date was found, so the editor can say which
/// rule was used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Counted from the publication date: "yesterday", "last week", "next year".
    Counted,
    /// No year (or week) written, nothing in the sentence speaks of the future: the latest
    /// such day, month or weekday up to publication.
    Latest { period: Period },
    /// No year (or week) written and the sentence speaks of the future (`cue`: "will",
    /// "scheduled", …): the next such day, month or weekday from publication.
    Next { period: Period, cue: String },
}

/// The day, month or weekday a phrase names without its year or week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Period {
    /// "April 3": the same day counts (published on April 3, "April 3" is that day).
    DayOfYear(String),
    /// "March": the month of publication counts.
    Month(String),
    /// "Friday": a weekday is never the day of publication itself ("on Friday" in a Friday
    /// paper is last week's, or next week's).
    Weekday(String),
    /// "the third quarter", "the autumn": the quarter or season of publication counts.
    Part(String),
}

impl Basis {
    /// The rule in words, for the editor: "the latest April 3 not after the publication
    /// date, 2025-03-14".
    pub fn explanation(&self, published: CalendarDate) -> String {
        let published = iso(published);
        match self {
            Basis::Counted => format!("counted from the publication date, {published}"),
            Basis::Latest { period } => {
                let (name, inclusive) = period.name();
                let relation = if inclusive { "not after" } else { "before" };
                format!("the latest {name} {relation} the publication date, {published}")
            }
            Basis::Next { period, cue } => {
                let (name, inclusive) = period.name();
                let relation = if inclusive { "not before" } else { "after" };
                format!(
                    "the next {name} {relation} the publication date, {published}; \
                     the sentence speaks of the future: “{cue}”"
                )
            }
        }
    }
}

impl Period {
    /// Its name and whether the day of publication itself can be it.
    fn name(&self) -> (&str, bool) {
        match self {
            Period::DayOfYear(name) | Period::Month(name) | Period::Part(name) => (name, true),
            Period::Weekday(name) => (name, false),
        }
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)?;
        if let Some(m) = self.modifier {
            write!(f, " ({})", m.as_str())?;
        }
        Ok(())
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// True for a month's or a weekday's full name in lower case ("march", "friday"; a full stop
/// after it allowed): the suggesters' test of a word the grammar reads as a date.
pub(crate) fn is_month_or_weekday_name(lower: &str) -> bool {
    let word = lower.trim_end_matches('.');
    MONTHS.contains(&word) || weekday(word).is_some()
}

fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    let index = MONTHS
        .iter()
        .position(|m| *m == word)
        .or_else(|| match word {
            "sept" => Some(8),
            _ if word.len() == 3 => MONTHS.iter().position(|m| m.starts_with(word)),
            _ => None,
        })?;
    Some(index as u32 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn year(word: &str) -> Option<i32> {
    let word = word.trim_end_matches("'s").trim_end_matches('’');
    (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

fn day(word: &str) -> Option<u32> {
    let digits = word
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    (!digits.is_empty() && digits.len() <= 2 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn date_value(date: Date) -> DateValue {
    plain(iso(date), None)
}

fn plain(value: String, basis: Option<Basis>) -> DateValue {
    DateValue {
        value,
        modifier: None,
        basis,
    }
}

fn month_name(month: u32) -> String {
    capitalised(MONTHS[month as usize - 1])
}

/// What resolving a phrase needs besides its words: the publication date and the text around
/// the phrase. The text is read for a future cue only by a phrase whose value depends on it (a
/// day or month without its year, a weekday, a season or quarter): most phrases do not need
/// it, and reading it for every date was a third of writing an export (docs/performance.md).
struct Anchor<'a> {
    published: Option<Date>,
    before: &'a str,
    after: &'a str,
}

impl Anchor<'_> {
    /// The word that says the sentence speaks of the future ("will"), if one does.
    fn future_cue(&self) -> Option<String> {
        future_cue(self.before, self.after)
    }
}

/// How a phrase without its year or week was resolved: the next such `period` when the
/// sentence speaks of the future (`cue`), else the latest one.
fn basis(cue: Option<String>, period: Period) -> Basis {
    match cue {
        Some(cue) => Basis::Next { period, cue },
        None => Basis::Latest { period },
    }
}

/// The year for a month and day written without one: the latest such date not after the
/// publication date (news mostly reports the past: "On December 4" in a January article is
/// last December), or the next one not before it when the sentence speaks of the future
/// ("a hearing will be held on April 3" in March is this April).
fn anchor_year(month: u32, day: u32, anchor: &Anchor) -> Option<DateValue> {
    let published = anchor.published?;
    let this_year = ymd(published.year(), month, day);
    let cue = anchor.future_cue();
    let date = if cue.is_some() {
        match this_year {
            Some(d) if d >= published => Some(d),
            // February 29: the next leap year may be up to eight years away.
            _ => (1..=8).find_map(|n| ymd(published.year() + n, month, day)),
        }
    } else {
        match this_year {
            Some(d) if d <= published => Some(d),
            _ => ymd(published.year() - 1, month, day),
        }
    }?;
    let period = Period::DayOfYear(format!("{} {day}", month_name(month)));
    Some(plain(iso(date), Some(basis(cue, period))))
}

/// Words that introduce or decorate a date without changing it.
const FILLER: &[&str] = &[
    "on", "in", "earlier", "since", "by", "from", "until", "as", "of", "at", "during", "around",
];

/// Whether `word` (lower case) introduces a date without being part of it ("on", "in",
/// "since", …): the normaliser skips such words, and a suggested date span leaves them out.
pub(crate) fn is_filler(word: &str) -> bool {
    FILLER.contains(&word)
}

fn tokens(text: &str) -> Vec<String> {
    lowercase(text)
        .replace([',', '“', '”', '"', '(', ')'], " ")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == ';' || c == ':')
                .to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Normalises `text` alone, resolving relative expressions against `published` (the
/// document's publication date) when given; a date without a year is taken to be in the past.
/// `None` when the expression is not understood.
pub fn normalize(text: &str, published: Option<Date>) -> Option<DateValue> {
    normalize_in_context(text, "", "", published)
}

/// Normalises the date phrase `quote`, written between `before` and `after` (the text around
/// it; only the sentence that holds it is read). A day, month or weekday without its year or
/// week is the latest such one up to `published`, or the next one from it when the sentence
/// speaks of the future ([`future_cue`]). `None` when the phrase is not understood.
pub fn normalize_in_context(
    quote: &str,
    before: &str,
    after: &str,
    published: Option<Date>,
) -> Option<DateValue> {
    let mut words = tokens(quote);
    while words.first().is_some_and(|w| FILLER.contains(&w.as_str())) {
        words.remove(0);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.is_empty() {
        return None;
    }
    if let Some(v) = numeric(&words) {
        return Some(v);
    }
    let anchor = Anchor {
        published,
        before,
        after,
    };
    if let Some(v) = calendar(&words, &anchor) {
        return Some(v);
    }
    if let Some(v) = part_of_period(&words, &anchor) {
        return Some(v);
    }
    if let Some(v) = quarter_season_half(&words, &anchor) {
        return Some(v);
    }
    relative(&words, &anchor)
}

/// Parses an ISO date (`YYYY-MM-DD`) such as a document's publication date.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}
