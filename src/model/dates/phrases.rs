//! The phrase grammar: numeric dates, calendar dates, seasons and quarters, parts of a period,
//! and relative phrases, each read from the date's words against the anchor (publication date
//! and tense).

use super::*;

/// Whether a phrase this grammar reads can start with `word` (lower case, without a trailing
/// period): a month or weekday name, a number, or the first word of a season, quarter, part
/// of a period or relative phrase. The suggester (`suggest::dates`) tries word windows only
/// from such words, so the grammar stays the only judge of what a date is; keep this in step
/// with the functions below.
pub(crate) fn may_start_phrase(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    month_number(word).is_some()
        || weekday(word).is_some()
        || word.starts_with(|c: char| c.is_ascii_digit())
        || word.starts_with("mid-")
        || matches!(
            word,
            "the"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "this"
                | "last"
                | "next"
                | "past"
                | "a"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "later"
                | "earlier"
                | "same"
                | "previous"
                | "current"
                | "coming"
        )
}

/// Whether a phrase this grammar reads (or [`is_date_without_value`] knows) can end with
/// `word` (lower case, without a trailing period). The suggester tries only windows that end
/// on such a word; keep this in step with the functions below.
pub(crate) fn may_end_phrase(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    month_number(word).is_some()
        || weekday(word).is_some()
        || word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word,
            "today"
                | "yesterday"
                | "tomorrow"
                | "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "day"
                | "days"
                | "ago"
                | "quarter"
                | "period"
                | "season"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "q1"
                | "q2"
                | "q3"
                | "q4"
                | "earlier"
                | "before"
                | "later"
        )
}

/// Phrases that place something relative to another date of the text ("a year earlier", "the
/// previous year", "last season"): dates by the annotation guideline, which this grammar
/// reads but cannot give a value without knowing that other date (or, for a sports season,
/// which months it spans). `normalize` gives them no value, as a missing value is visible and a
/// guessed one would not be.
pub fn is_date_without_value(text: &str) -> bool {
    let words = tokens(text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let unit = |w: &str| {
        matches!(
            w,
            "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days" | "quarter"
        )
    };
    let count = |w: &str| {
        matches!(
            w,
            "a" | "one" | "two" | "three" | "four" | "five" | "six" | "ten" | "several" | "few"
        ) || w.parse::<u32>().is_ok()
    };
    match words.as_slice() {
        ["the", "previous" | "following", u] | ["the", u, "before"] => unit(u) || *u == "season",
        [n, u, "earlier" | "later" | "before"] => count(n) && unit(u),
        ["a", "few", u, "earlier" | "later"] => unit(u),
        ["last" | "this" | "next", "season"] | ["the", "same", "period"] => true,
        _ => false,
    }
}

/// 2024-12-18, 18.12.2024, 12/18/2024 (only when unambiguous).
pub(super) fn numeric(words: &[&str]) -> Option<DateValue> {
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
pub(super) fn calendar(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
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
        // "spring of 2027"
        [a, "of", c] => season_or_quarter(a, c),
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
                let cue = anchor.future_cue();
                let y = match (cue.is_some(), m >= published.month()) {
                    (false, _) if m <= published.month() => published.year(),
                    (false, _) => published.year() - 1,
                    (true, true) => published.year(),
                    (true, false) => published.year() + 1,
                };
                let basis = basis(cue, Period::Month(month_name(m)));
                return Some(plain(format!("{y:04}-{m:02}"), Some(basis)));
            }
            None
        }
        ["the", a, "of", b] => {
            // "the spring of 2027"
            if let Some(v) = season_or_quarter(a, b) {
                return Some(v);
            }
            // "the 4th of December"
            let (d, m) = (day(a)?, month_number(b)?);
            anchor_year(m, d, anchor)
        }
        // "Oct. 8 last year", "8 October this year"
        [a, b, which @ ("last" | "this" | "next"), "year"] => {
            let (m, d) = match (month_number(a), day(b), day(a), month_number(b)) {
                (Some(m), Some(d), ..) => (m, d),
                (_, _, Some(d), Some(m)) => (m, d),
                _ => return None,
            };
            let y = anchor.published?.year()
                + match which {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            ymd(y, m, d).map(|date| plain(iso(date), Some(Basis::Counted)))
        }
        _ => None,
    }
}

pub(super) fn season_or_quarter(a: &str, b: &str) -> Option<DateValue> {
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
pub(super) fn part_of_period(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
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
        ["next", "year"] => plain(
            format!("{:04}", anchor.published?.year() + 1),
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

/// Quarters and seasons without a year ("the third quarter", "next quarter", "the autumn",
/// "last summer"), halves of a year ("the second half of 2026": `2026-H2`), the first or last
/// months of a year ("the first nine months of this year": `2026`; three months are a quarter,
/// six a half), "the same quarter last year" (last year: which quarter is the text's), and
/// "earlier/later this year" (this year).
pub(super) fn quarter_season_half(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
    let had_the = words.first() == Some(&"the");
    let words: Vec<&str> = match words {
        ["the", rest @ ..] => rest.to_vec(),
        _ => words.to_vec(),
    };
    let published = anchor.published;
    // A year given by its words: "2026", "this year", "the year", "last year", "next year".
    let year_of = |rest: &[&str]| -> Option<(i32, Option<Basis>)> {
        match rest {
            [y] => year(y).map(|y| (y, None)),
            ["the" | "this", "year"] => Some((published?.year(), Some(Basis::Counted))),
            ["last", "year"] => Some((published?.year() - 1, Some(Basis::Counted))),
            ["next", "year"] => Some((published?.year() + 1, Some(Basis::Counted))),
            _ => None,
        }
    };
    let ordinal = |w: &str| match w {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        _ => None,
    };
    match words.as_slice() {
        [half @ ("first" | "second"), "half", "of", rest @ ..] => {
            let (y, basis) = year_of(rest)?;
            let h = if *half == "first" { 1 } else { 2 };
            return Some(plain(format!("{y:04}-H{h}"), basis));
        }
        [edge @ ("first" | "last"), n, "months", "of", rest @ ..] => {
            let (y, basis) = year_of(rest)?;
            let n: u32 = match *n {
                "three" => 3,
                "six" => 6,
                "nine" => 9,
                "twelve" => 12,
                other => other.parse().ok()?,
            };
            let value = match (n, *edge) {
                (3, "first") => format!("{y:04}-Q1"),
                (3, _) => format!("{y:04}-Q4"),
                (6, "first") => format!("{y:04}-H1"),
                (6, _) => format!("{y:04}-H2"),
                (1..=12, _) => format!("{y:04}"),
                _ => return None,
            };
            return Some(plain(value, basis));
        }
        ["same", "quarter" | "period" | "month" | "week", "last" | "a", "year", ..]
            if words.len() <= 5 =>
        {
            return Some(plain(
                format!("{:04}", published?.year() - 1),
                Some(Basis::Counted),
            ))
        }
        ["earlier" | "later", "this", unit @ ("year" | "month" | "week")] => {
            return relative(&["this", unit], anchor);
        }
        _ => {}
    }
    let published = published?;
    let (y, m) = (published.year(), published.month());
    // Quarters.
    let current_quarter = (m - 1) / 3 + 1;
    let quarter_value = |y: i32, q: u32| format!("{y:04}-Q{q}");
    match words.as_slice() {
        [which @ ("this" | "current" | "last" | "previous" | "next" | "coming"), "quarter"] => {
            let index = y * 4 + current_quarter as i32 - 1
                + match *which {
                    "last" | "previous" => -1,
                    "next" | "coming" => 1,
                    _ => 0,
                };
            let value = quarter_value(index.div_euclid(4), index.rem_euclid(4) as u32 + 1);
            return Some(plain(value, Some(Basis::Counted)));
        }
        [ord, "quarter"] => {
            let q = ordinal(ord)?;
            // The latest such quarter that has begun by publication, or the next one not
            // yet over when the sentence speaks of the future.
            let cue = anchor.future_cue();
            let year = match cue {
                Some(_) if q < current_quarter => y + 1,
                None if q > current_quarter => y - 1,
                _ => y,
            };
            let basis = basis(cue, Period::Part(format!("{ord} quarter")));
            return Some(plain(quarter_value(year, q), Some(basis)));
        }
        _ => {}
    }
    // Seasons: spring from March, summer from June, autumn from September, winter from
    // December (to February).
    let (which, season) = match words.as_slice() {
        // "the autumn", not "summer" alone ("a summer budget") nor "the fall" ("the fall of").
        [season] if had_the && *season != "fall" => (None, *season),
        [which @ ("this" | "last" | "next" | "coming"), season] => (Some(*which), *season),
        _ => return None,
    };
    let (start, code) = match season {
        "spring" => (3, "SP"),
        "summer" => (6, "SU"),
        "autumn" | "fall" => (9, "FA"),
        "winter" => (12, "WI"),
        _ => return None,
    };
    // The latest such season that has begun by publication, and whether it is still on.
    let latest = if start <= m { y } else { y - 1 };
    let ongoing = (m + 12 - start) % 12 < 3;
    let (year, basis) = match which {
        None => {
            let cue = anchor.future_cue();
            let year = if cue.is_some() && !ongoing {
                latest + 1
            } else {
                latest
            };
            (year, basis(cue, Period::Part(capitalised(season))))
        }
        Some("this") => {
            let year = if start == 12 && m <= 2 { y - 1 } else { y };
            (year, Basis::Counted)
        }
        Some("last") => (if ongoing { latest - 1 } else { latest }, Basis::Counted),
        _ => (latest + 1, Basis::Counted),
    };
    Some(plain(format!("{year:04}-{code}"), Some(basis)))
}

pub(super) fn iso_week(date: Date) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// Expressions relative to the publication date.
pub(super) fn relative(words: &[&str], anchor: &Anchor) -> Option<DateValue> {
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
            let cue = (words.len() == 1).then(|| anchor.future_cue()).flatten();
            let future = cue.is_some();
            let basis = basis(cue, Period::Weekday(capitalised(day_word)));
            return weekday_from(weekday(day_word)?, published, future)
                .map(|date| plain(iso(date), Some(basis)));
        }
        _ => return None,
    };
    Some(plain(value, Some(Basis::Counted)))
}

/// An English month or day name with its first letter in capitals (the words are ASCII, so
/// no Unicode case table is needed).
pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| {
            std::iter::once(first.to_ascii_uppercase())
                .chain(chars)
                .collect()
        })
        .unwrap_or_default()
}

/// The nearest `target` weekday strictly after (`forward`) or before `published`.
pub(super) fn weekday_from(target: Weekday, published: Date, forward: bool) -> Option<Date> {
    let step = |d: Date| if forward { d.succ_opt() } else { d.pred_opt() };
    let mut date = step(published)?;
    while date.weekday() != target {
        date = step(date)?;
    }
    Some(date)
}
