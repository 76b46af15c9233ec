//! The calendar period a date value names, for date ranges: `2024-12-18` is one day,
//! `2024-12` the month, `2024` the year, `2024-W03` an ISO week (Monday to Sunday),
//! `2024-Q3` a quarter, `2024-SU` a season, `199` the 1990s and `20` the 20xx century.

use chrono::{NaiveDate, Weekday};

/// The first and the last day of a period, both inclusive.
pub type Period = (NaiveDate, NaiveDate);

/// The period a TIMEX3 date value (as the date normaliser writes it, or a date-range bound
/// typed by hand) names; `None` for durations (`P1Y`), values that are not understood and
/// dates that do not exist (`2025-02-30`).
///
/// Seasons are the meteorological ones, each in the year written: spring (`SP`) March to
/// May, summer (`SU`) June to August, autumn (`FA`) September to November, and winter (`WI`)
/// the one that begins in December of that year and ends in February of the next.
pub fn period_of(value: &str) -> Option<Period> {
    let value = value.trim();
    let (year, rest) = match value.split_once('-') {
        Some((year, rest)) => (year, Some(rest)),
        None => (value, None),
    };
    if year.is_empty() || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i32 = year.parse().ok()?;
    match (year.len(), rest) {
        (2, None) => years(number * 100, 100),
        (3, None) => years(number * 10, 10),
        (4, None) => years(number, 1),
        (4, Some(rest)) => within_year(number, rest),
        _ => None,
    }
}

/// `count` whole years from `first`.
fn years(first: i32, count: i32) -> Option<Period> {
    Some((
        NaiveDate::from_ymd_opt(first, 1, 1)?,
        NaiveDate::from_ymd_opt(first + count - 1, 12, 31)?,
    ))
}

/// The months `first..=last` (`last` may run into the next year: 14 is February).
fn months(year: i32, first: u32, last: u32) -> Option<Period> {
    let start = NaiveDate::from_ymd_opt(year, first, 1)?;
    let (end_year, end_month) = (year + (last as i32) / 12, last % 12 + 1);
    let end = NaiveDate::from_ymd_opt(end_year, end_month, 1)?.pred_opt()?;
    Some((start, end))
}

fn two_digits(text: &str) -> Option<u32> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// The part after `YYYY-`: a month, a day, a week, a quarter or a season.
fn within_year(year: i32, rest: &str) -> Option<Period> {
    match rest {
        "SP" => return months(year, 3, 5),
        "SU" => return months(year, 6, 8),
        "FA" => return months(year, 9, 11),
        "WI" => return months(year, 12, 14),
        _ => {}
    }
    if let Some(quarter) = rest.strip_prefix('Q') {
        let q: u32 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
        return months(year, q * 3 - 2, q * 3);
    }
    if let Some(week) = rest.strip_prefix('W') {
        let week = two_digits(week)?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        let sunday = NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?;
        return Some((monday, sunday));
    }
    match rest.split_once('-') {
        None => {
            let month = two_digits(rest).filter(|m| (1..=12).contains(m))?;
            months(year, month, month)
        }
        Some((month, day)) => {
            let date = NaiveDate::from_ymd_opt(year, two_digits(month)?, two_digits(day)?)?;
            Some((date, date))
        }
    }
}
