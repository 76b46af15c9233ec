//! Normalising date expressions to ISO 8601 / TIMEX3 values ("December 18, 2024" →
//! `2024-12-18`; "January 24" → the year from the document's publication date; "the end of
//! 2024" → `2024` with modifier END). Calendar arithmetic is chrono's (its `NaiveDate`,
//! without time zones: jiff was tried first and cost about 40 KB more, gzipped). An
//! expression that is not understood gets no value: a missing value is visible, a wrong one
//! would not be.

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
    /// True when the value depends on the publication date (no year was written).
    pub anchored: bool,
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

fn date_value(date: Date, anchored: bool) -> DateValue {
    DateValue {
        value: iso(date),
        modifier: None,
        anchored,
    }
}

fn plain(value: String, anchored: bool) -> DateValue {
    DateValue {
        value,
        modifier: None,
        anchored,
    }
}

/// The year for a month and day written without one: the latest such date not after the
/// publication date (news reports the past: "On December 4" in a January article is last
/// December).
fn anchor_year(month: u32, day: u32, published: Date) -> Option<Date> {
    match ymd(published.year(), month, day) {
        Some(d) if d <= published => Some(d),
        _ => ymd(published.year() - 1, month, day),
    }
}

/// Words that introduce or decorate a date without changing it.
const FILLER: &[&str] = &[
    "on", "in", "earlier", "since", "by", "from", "until", "as", "of", "at", "during", "around",
];

fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace([',', '“', '”', '"', '(', ')'], " ")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == '.' || c == ';' || c == ':')
                .to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Normalises `text`, resolving relative expressions against `published` (the document's
/// publication date) when given. `None` when the expression is not understood.
pub fn normalize(text: &str, published: Option<Date>) -> Option<DateValue> {
    let mut words = tokens(text);
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
    if let Some(v) = calendar(&words, published) {
        return Some(v);
    }
    if let Some(v) = part_of_period(&words, published) {
        return Some(v);
    }
    relative(&words, published?)
}

/// 2024-12-18, 18.12.2024, 12/18/2024 (only when unambiguous).
fn numeric(words: &[&str]) -> Option<DateValue> {
    let [word] = words else { return None };
    let parts: Vec<&str> = word.split(['-', '.', '/']).collect();
    let numbers: Vec<i32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = match (parts.as_slice(), numbers.as_slice()) {
        ([a, ..], [y, m, d]) if a.len() == 4 => (*y, *m, *d),
        (_, [a, b, y]) if *y >= 1000 => {
            let separator_is_dot = word.contains('.');
            match (*a > 12, *b > 12) {
                (true, false) => (*y, *b, *a),
                (false, true) => (*y, *a, *b),
                // Dots are written day-first (18.12.2024) in the regions that use them.
                (false, false) if separator_is_dot => (*y, *b, *a),
                // 04/05/2024 could be April 5 or 4 May: no guess.
                _ => return None,
            }
        }
        _ => return None,
    };
    let date = ymd(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)?;
    Some(date_value(date, false))
}

/// Month names with days and years in any usual order, seasons, quarters, years, decades.
fn calendar(words: &[&str], published: Option<Date>) -> Option<DateValue> {
    // Drop a leading weekday ("Monday, December 4, 2024").
    let words = match words {
        [w, rest @ ..] if weekday(w).is_some() && !rest.is_empty() => rest,
        _ => words,
    };
    match *words {
        ["the", decade] if decade.ends_with('s') => {
            let y = decade
                .strip_suffix('s')
                .and_then(year)
                .filter(|y| y % 10 == 0)?;
            Some(plain(format!("{:03}", y / 10), false))
        }
        // December 18 2024 / 18 December 2024
        [a, b, c] => {
            if let (Some(m), Some(d), Some(y)) = (month_number(a), day(b), year(c)) {
                return ymd(y, m, d).map(|d| date_value(d, false));
            }
            if let (Some(d), Some(m), Some(y)) = (day(a), month_number(b), year(c)) {
                return ymd(y, m, d).map(|d| date_value(d, false));
            }
            // "the 4th of December"
            None
        }
        [a, b] => {
            if let (Some(m), Some(y)) = (month_number(a), year(b)) {
                return Some(plain(format!("{y:04}-{m:02}"), false));
            }
            let (month, d) = match (month_number(a), day(b), day(a), month_number(b)) {
                (Some(m), Some(d), ..) => (m, d),
                (_, _, Some(d), Some(m)) => (m, d),
                _ => return season_or_quarter(a, b),
            };
            anchor_year(month, d, published?).map(|date| date_value(date, true))
        }
        [a] => {
            if let Some(y) = year(a) {
                return Some(plain(format!("{y:04}"), false));
            }
            if let Some(decade) = a.strip_suffix('s').and_then(year).filter(|y| y % 10 == 0) {
                return Some(plain(format!("{:03}", decade / 10), false));
            }
            if let Some(m) = month_number(a) {
                // A month alone: the latest such month not after publication.
                let published = published?;
                let y = if m <= published.month() {
                    published.year()
                } else {
                    published.year() - 1
                };
                return Some(plain(format!("{y:04}-{m:02}"), true));
            }
            None
        }
        ["the", a, "of", b] => {
            // "the 4th of December"
            let (d, m) = (day(a)?, month_number(b)?);
            anchor_year(m, d, published?).map(|date| date_value(date, true))
        }
        _ => None,
    }
}

fn season_or_quarter(a: &str, b: &str) -> Option<DateValue> {
    let y = year(b)?;
    let code = match a {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        "q1" => "Q1",
        "q2" => "Q2",
        "q3" => "Q3",
        "q4" => "Q4",
        _ => return None,
    };
    Some(plain(format!("{y:04}-{code}"), false))
}

/// "the end of 2024", "early 2025", "mid-2024", "late November 2022", "the beginning of
/// the year", "the third quarter of 2024".
fn part_of_period(words: &[&str], published: Option<Date>) -> Option<DateValue> {
    let words: Vec<&str> = words
        .iter()
        .flat_map(|w| match w.strip_prefix("mid-") {
            Some(rest) => vec!["mid", rest],
            None => vec![*w],
        })
        .filter(|w| *w != "the")
        .collect();
    let (modifier, rest) = match words.as_slice() {
        ["end", "of", rest @ ..] | ["late", rest @ ..] => (Modifier::End, rest),
        ["beginning", "of", rest @ ..] | ["start", "of", rest @ ..] | ["early", rest @ ..] => {
            (Modifier::Start, rest)
        }
        ["middle", "of", rest @ ..] | ["mid", rest @ ..] => (Modifier::Mid, rest),
        [ordinal, "quarter", "of", y] => {
            let q = match *ordinal {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" | "last" => 4,
                _ => return None,
            };
            return Some(plain(format!("{:04}-Q{q}", year(y)?), false));
        }
        _ => return None,
    };
    let mut inner = match rest {
        ["year"] | ["this", "year"] => plain(format!("{:04}", published?.year()), true),
        ["last", "year"] | ["past", "year"] => plain(format!("{:04}", published?.year() - 1), true),
        _ => {
            let joined = rest.join(" ");
            calendar(
                &tokens(&joined)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
                published,
            )?
        }
    };
    // Only periods have parts: a modifier on a single day makes no sense.
    if inner.value.len() == 10 {
        return None;
    }
    inner.modifier = Some(modifier);
    Some(inner)
}

fn iso_week(date: Date) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// Expressions relative to the publication date.
fn relative(words: &[&str], published: Date) -> Option<DateValue> {
    let month_of = |d: Date| format!("{:04}-{:02}", d.year(), d.month());
    let value = match words {
        ["today"] => iso(published),
        ["yesterday"] => iso(published.pred_opt()?),
        ["tomorrow"] => iso(published.succ_opt()?),
        ["this", "year"] => format!("{:04}", published.year()),
        ["last", "year"] | ["a", "year", "ago"] => format!("{:04}", published.year() - 1),
        ["next", "year"] => format!("{:04}", published.year() + 1),
        ["this", "month"] => month_of(published),
        ["last", "month"] => month_of(published.checked_sub_months(Months::new(1))?),
        ["next", "month"] => month_of(published.checked_add_months(Months::new(1))?),
        ["this", "week"] => iso_week(published),
        ["last", "week"] => iso_week(published.checked_sub_days(Days::new(7))?),
        ["next", "week"] => iso_week(published.checked_add_days(Days::new(7))?),
        // A span of time ending at publication: a TIMEX3 duration.
        ["the", "past", "year"] | ["past", "year"] | ["the", "last", "year"] => "P1Y".to_owned(),
        ["the", "past", "month"] | ["past", "month"] | ["the", "last", "month"] => "P1M".to_owned(),
        ["the", "past", "week"] | ["past", "week"] | ["the", "last", "week"] => "P1W".to_owned(),
        ["the", "past", n, unit] | ["past", n, unit] | ["the", "last", n, unit] => {
            let n: u32 = match *n {
                "two" => 2,
                "three" => 3,
                "four" => 4,
                "five" => 5,
                "six" => 6,
                "ten" => 10,
                other => other.parse().ok()?,
            };
            let code = match unit.trim_end_matches('s') {
                "year" => "Y",
                "month" => "M",
                "week" => "W",
                "day" => "D",
                _ => return None,
            };
            format!("P{n}{code}")
        }
        [day_word] | ["last", day_word] if weekday(day_word).is_some() => {
            // The latest such weekday before publication ("on Monday" in news is past).
            let target = weekday(day_word)?;
            let mut date = published.pred_opt()?;
            while date.weekday() != target {
                date = date.pred_opt()?;
            }
            iso(date)
        }
        _ => return None,
    };
    Some(plain(value, true))
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
