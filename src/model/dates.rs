//! Normalising date expressions to ISO 8601 / TIMEX3 values ("December 18, 2024" →
//! `2024-12-18`; "January 24" → the year from the document's publication date; "the end of
//! 2024" → `2024` with modifier END). A date without a year (or week) is the latest such day
//! up to publication, unless the sentence around it speaks of the future ("will be held on
//! April 3"): then it is the next one ([`normalize_in_context`]). Calendar arithmetic is chrono's (its `NaiveDate`,
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
            Period::DayOfYear(name) | Period::Month(name) => (name, true),
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

/// What resolving a phrase needs besides its words: the publication date and whether the
/// sentence speaks of the future.
struct Anchor {
    published: Option<Date>,
    /// The word that says the sentence speaks of the future ("will"), if one does.
    future_cue: Option<String>,
}

impl Anchor {
    fn basis(&self, period: Period) -> Basis {
        match &self.future_cue {
            Some(cue) => Basis::Next {
                period,
                cue: cue.clone(),
            },
            None => Basis::Latest { period },
        }
    }
}

/// The year for a month and day written without one: the latest such date not after the
/// publication date (news mostly reports the past: "On December 4" in a January article is
/// last December), or the next one not before it when the sentence speaks of the future
/// ("a hearing will be held on April 3" in March is this April).
fn anchor_year(month: u32, day: u32, anchor: &Anchor) -> Option<DateValue> {
    let published = anchor.published?;
    let this_year = ymd(published.year(), month, day);
    let date = if anchor.future_cue.is_some() {
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
    Some(plain(iso(date), Some(anchor.basis(period))))
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
        future_cue: future_cue(before, after),
    };
    if let Some(v) = calendar(&words, &anchor) {
        return Some(v);
    }
    if let Some(v) = part_of_period(&words, &anchor) {
        return Some(v);
    }
    relative(&words, &anchor)
}

/// Words that put a sentence in the future ("will be held", "is scheduled for", "plans to").
const FUTURE_CUES: &[&[&str]] = &[
    &["will"],
    &["'ll"],
    &["won't"],
    &["shall"],
    &["next"],
    &["upcoming"],
    &["forthcoming"],
    &["scheduled"],
    &["planned"],
    &["plans", "to"],
    &["plan", "to"],
    &["planning", "to"],
    &["intends", "to"],
    &["is", "due"],
    &["are", "due"],
    &["to", "be"],
    &["going", "to"],
    &["set", "to"],
    &["expected", "to"],
    &["is", "to"],
    &["are", "to"],
];

/// Words that put a sentence in the past; nearer the date than a future cue, they win ("said
/// on Friday that talks will resume" speaks of a past Friday).
const PAST_CUES: &[&[&str]] = &[
    &["was"],
    &["were"],
    &["had"],
    &["has"],
    &["have"],
    &["did"],
    &["said"],
    &["ago"],
    &["last"],
    &["earlier"],
    &["previously"],
    &["already"],
];

/// The words of a stretch of text, lower case, contractions kept whole ("won't"), and the
/// contracted "will" as a word of its own ("it'll" → "it", "'ll").
fn context_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in text
        .to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
    {
        match word.strip_suffix("'ll") {
            Some(head) => words.extend([head.to_owned(), "'ll".to_owned()]),
            None => words.push(word.to_owned()),
        }
    }
    words
}

/// Whether the sentence around a date speaks of the future, and the cue that says so. The
/// words of the sentence before the date are read nearest first, then those after it; the
/// first future or past cue decides. Only the sentence that holds the date counts: the
/// context is cut at the last sentence end before the date and the first one after it.
pub fn future_cue(before: &str, after: &str) -> Option<String> {
    const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', ';', '\n'];
    let before = before.rsplit(SENTENCE_ENDS).next().unwrap_or("");
    let after = after.split(SENTENCE_ENDS).next().unwrap_or("");
    let (before, after) = (context_words(before), context_words(after));
    let cue_at = |words: &[String], i: usize| -> Option<(bool, String)> {
        let matches = |cue: &&&[&str]| {
            words.len() >= i + cue.len() && cue.iter().zip(&words[i..]).all(|(c, w)| c == w)
        };
        if let Some(cue) = FUTURE_CUES.iter().find(matches) {
            return Some((true, cue.join(" ")));
        }
        PAST_CUES
            .iter()
            .find(matches)
            .map(|_| (false, String::new()))
    };
    let nearest = (0..before.len())
        .rev()
        .find_map(|i| cue_at(&before, i))
        .or_else(|| (0..after.len()).find_map(|i| cue_at(&after, i)));
    match nearest {
        Some((true, cue)) => Some(cue),
        _ => None,
    }
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
    Some(date_value(date))
}

/// Month names with days and years in any usual order, seasons, quarters, years, decades.
fn calendar(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
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
            Some(plain(format!("{:03}", y / 10), None))
        }
        // December 18 2024 / 18 December 2024
        [a, b, c] => {
            if let (Some(m), Some(d), Some(y)) = (month_number(a), day(b), year(c)) {
                return ymd(y, m, d).map(date_value);
            }
            if let (Some(d), Some(m), Some(y)) = (day(a), month_number(b), year(c)) {
                return ymd(y, m, d).map(date_value);
            }
            // "the 4th of December"
            None
        }
        [a, b] => {
            if let (Some(m), Some(y)) = (month_number(a), year(b)) {
                return Some(plain(format!("{y:04}-{m:02}"), None));
            }
            let (month, d) = match (month_number(a), day(b), day(a), month_number(b)) {
                (Some(m), Some(d), ..) => (m, d),
                (_, _, Some(d), Some(m)) => (m, d),
                _ => return season_or_quarter(a, b),
            };
            anchor_year(month, d, anchor)
        }
        [a] => {
            if let Some(y) = year(a) {
                return Some(plain(format!("{y:04}"), None));
            }
            if let Some(decade) = a.strip_suffix('s').and_then(year).filter(|y| y % 10 == 0) {
                return Some(plain(format!("{:03}", decade / 10), None));
            }
            if let Some(m) = month_number(a) {
                // A month alone: the latest such month up to publication, or the next one
                // from it when the sentence speaks of the future.
                let published = anchor.published?;
                let y = match (anchor.future_cue.is_some(), m >= published.month()) {
                    (false, _) if m <= published.month() => published.year(),
                    (false, _) => published.year() - 1,
                    (true, true) => published.year(),
                    (true, false) => published.year() + 1,
                };
                let basis = anchor.basis(Period::Month(month_name(m)));
                return Some(plain(format!("{y:04}-{m:02}"), Some(basis)));
            }
            None
        }
        ["the", a, "of", b] => {
            // "the 4th of December"
            let (d, m) = (day(a)?, month_number(b)?);
            anchor_year(m, d, anchor)
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
    Some(plain(format!("{y:04}-{code}"), None))
}

/// "the end of 2024", "early 2025", "mid-2024", "late November 2022", "the beginning of
/// the year", "the third quarter of 2024".
fn part_of_period(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
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
            return Some(plain(format!("{:04}-Q{q}", year(y)?), None));
        }
        _ => return None,
    };
    let mut inner = match rest {
        ["year"] | ["this", "year"] => plain(
            format!("{:04}", anchor.published?.year()),
            Some(Basis::Counted),
        ),
        ["last", "year"] | ["past", "year"] => plain(
            format!("{:04}", anchor.published?.year() - 1),
            Some(Basis::Counted),
        ),
        _ => {
            let joined = rest.join(" ");
            calendar(
                &tokens(&joined)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
                anchor,
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
fn relative(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
    let published = anchor.published?;
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
        ["next", day_word] if weekday(day_word).is_some() => {
            let basis = Basis::Next {
                period: Period::Weekday(capitalised(day_word)),
                cue: "next".to_owned(),
            };
            return weekday_from(weekday(day_word)?, published, true)
                .map(|date| plain(iso(date), Some(basis)));
        }
        [day_word] | ["last", day_word] if weekday(day_word).is_some() => {
            // The latest such weekday before publication ("on Monday" in news is past),
            // unless the sentence speaks of the future ("talks will resume on Friday").
            let future = words.len() == 1 && anchor.future_cue.is_some();
            let period = Period::Weekday(capitalised(day_word));
            let basis = if future {
                anchor.basis(period)
            } else {
                Basis::Latest { period }
            };
            return weekday_from(weekday(day_word)?, published, future)
                .map(|date| plain(iso(date), Some(basis)));
        }
        _ => return None,
    };
    Some(plain(value, Some(Basis::Counted)))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The nearest `target` weekday strictly after (`forward`) or before `published`.
fn weekday_from(target: Weekday, published: Date, forward: bool) -> Option<Date> {
    let step = |d: Date| if forward { d.succ_opt() } else { d.pred_opt() };
    let mut date = step(published)?;
    while date.weekday() != target {
        date = step(date)?;
    }
    Some(date)
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
