//! The sentences of the generated library ([`super::library`]): claim sentences with their
//! source, maybe a date and a target; background sentences with one actor or date; the date
//! phrases and the values they are written for; the random numbers behind every choice.

use super::news::{Actor, Topic, ACTORS};
use chrono::{Datelike, Days, Months, NaiveDate};

/// SplitMix64: tiny and deterministic on every platform.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    pub(super) fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What a marked stretch of a sentence is.
pub(super) enum Mark {
    Actor(&'static str),
    Claim {
        source: usize,
        when: Option<usize>,
        target: Option<usize>,
    },
    Date(String),
}

/// A sentence being written, with its marks (code-point spans from the sentence's start).
#[derive(Default)]
pub(super) struct Sentence {
    pub(super) text: String,
    pub(super) chars: usize,
    pub(super) marks: Vec<(usize, usize, Mark)>,
}

impl Sentence {
    pub(super) fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.chars += text.chars().count();
    }

    /// Writes `text` and marks it; returns the mark's number.
    fn mark(&mut self, text: &str, mark: Mark) -> usize {
        let start = self.chars;
        self.push(text);
        self.marks.push((start, self.chars, mark));
        self.marks.len() - 1
    }

    fn actor(&mut self, actor: &'static Actor, mention: &str) -> usize {
        self.mark(mention, Mark::Actor(actor.entity))
    }
}

/// The first letter in upper case (a sentence that starts with "the Finance Ministry").
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(super) fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date phrase to follow "said" (or stand alone): the words before the annotated part,
/// the annotated part, and the value it means for an article published on `published`.
pub(super) fn date_phrase(rng: &mut Rng, published: NaiveDate) -> (&'static str, String, String) {
    let back = |days: usize| published - Days::new(days as u64);
    let month_of = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    let month_name = |d: NaiveDate| MONTHS[d.month0() as usize];
    match rng.below(20) {
        0..=4 => {
            let date = back(1 + rng.below(6));
            (
                "on ",
                WEEKDAYS[date.weekday().num_days_from_monday() as usize].to_owned(),
                iso(date),
            )
        }
        5..=6 => ("", "yesterday".to_owned(), iso(back(1))),
        7..=10 => {
            let date = back(rng.below(60));
            (
                "on ",
                format!("{} {}", month_name(date), date.day()),
                iso(date),
            )
        }
        11..=13 => {
            let date = back(rng.below(365));
            let text = format!("{} {}, {}", month_name(date), date.day(), date.year());
            ("on ", text, iso(date))
        }
        14..=15 => {
            let date = back(rng.below(365));
            let text = format!("{} {} {}", date.day(), month_name(date), date.year());
            ("on ", text, iso(date))
        }
        16 => {
            let week = back(7).iso_week();
            (
                "",
                "last week".to_owned(),
                format!("{:04}-W{:02}", week.year(), week.week()),
            )
        }
        17..=18 => {
            let date = published - Months::new(1 + rng.below(11) as u32);
            (
                "in ",
                format!("{} {}", month_name(date), date.year()),
                month_of(date),
            )
        }
        _ => {
            let date = published - Months::new(1);
            ("", "last month".to_owned(), month_of(date))
        }
    }
}

/// How an actor is named: in full at its first mention in the article, then by a shorter form.
pub(super) fn mention(actor: &'static Actor, seen: &mut Vec<&'static str>) -> &'static str {
    if seen.contains(&actor.entity) {
        actor.mentions[actor.mentions.len() - 1]
    } else {
        seen.push(actor.entity);
        actor.mentions[0]
    }
}

/// Writes one claim sentence: its source, the claim (maybe about a target), maybe a date.
pub(super) fn claim_sentence(
    rng: &mut Rng,
    topic: &Topic,
    cast: &[&'static Actor],
    seen: &mut Vec<&'static str>,
    dated: bool,
    published: NaiveDate,
) -> Sentence {
    let source = *rng.pick(cast);
    let claims: Vec<&str> = topic
        .claims
        .iter()
        .copied()
        .filter(|c| !c.contains("{target}"))
        .collect();
    let targeted: Vec<&str> = topic
        .claims
        .iter()
        .copied()
        .filter(|c| c.contains("{target}"))
        .collect();
    let with_target = rng.below(4) == 0;
    let clause = if with_target {
        *rng.pick(&targeted)
    } else {
        *rng.pick(&claims)
    };
    let target = with_target.then(|| loop {
        let other = rng.pick(ACTORS);
        if other.entity != source.entity {
            break other;
        }
    });
    let date = dated.then(|| date_phrase(rng, published));
    let mut s = Sentence::default();
    let write_claim = |s: &mut Sentence, seen: &mut Vec<&'static str>, capital: bool| {
        let start = s.chars;
        let (before, after) = clause.split_once("{target}").unwrap_or((clause, ""));
        let target = target.map(|t| {
            s.push(&if capital {
                capitalised(before)
            } else {
                before.to_owned()
            });
            let name = mention(t, seen);
            let at = if capital && before.is_empty() {
                s.actor(t, &capitalised(name))
            } else {
                s.actor(t, name)
            };
            s.push(after);
            at
        });
        if target.is_none() {
            s.push(&if capital {
                capitalised(clause)
            } else {
                clause.to_owned()
            });
        }
        (start, s.chars, target)
    };
    let write_date = |s: &mut Sentence, date: &Option<(&str, String, String)>| {
        date.as_ref().map(|(words, text, value)| {
            s.push(words);
            s.mark(text, Mark::Date(value.clone()))
        })
    };
    let (claim, source_at, when) = if rng.below(3) == 0 {
        // "The deficit would fall, Keller said on Tuesday."
        let claim = write_claim(&mut s, seen, true);
        s.push(", ");
        let source_at = s.actor(source, mention(source, seen));
        s.push(" said");
        if date.is_some() {
            s.push(" ");
        }
        let when = write_date(&mut s, &date);
        (claim, source_at, when)
    } else {
        // "Keller said on Tuesday that the deficit would fall."
        let source_at = s.actor(source, &capitalised(mention(source, seen)));
        s.push(" said ");
        let when = write_date(&mut s, &date);
        s.push(if when.is_some() { " that " } else { "that " });
        (write_claim(&mut s, seen, false), source_at, when)
    };
    s.push(".");
    let (start, end, target) = claim;
    s.marks.push((
        start,
        end,
        Mark::Claim {
            source: source_at,
            when,
            target,
        },
    ));
    s
}

/// A sentence with one annotation: an actor, or a date (maybe "the end of" last year).
pub(super) fn background_sentence(
    rng: &mut Rng,
    cast: &[&'static Actor],
    seen: &mut Vec<&'static str>,
    published: NaiveDate,
) -> Sentence {
    let mut s = Sentence::default();
    match rng.below(3) {
        0 => {
            let actor = *rng.pick(cast);
            s.actor(actor, &capitalised(mention(actor, seen)));
            const ENDINGS: [&str; 3] = [
                " has not commented on the latest figures.",
                " did not respond to a request for comment.",
                " has been at the centre of the debate for months.",
            ];
            let ending = *rng.pick(&ENDINGS);
            s.push(ending);
        }
        1 => {
            let (words, text, value) = date_phrase(rng, published);
            s.push("The measure was first discussed ");
            s.push(words);
            s.mark(&text, Mark::Date(value));
            s.push(".");
        }
        _ => {
            let year = published.year() - 1;
            s.push("The current rules took effect at ");
            s.mark(
                &format!("the end of {year}"),
                Mark::Date(format!("{year:04}")),
            );
            s.push(".");
        }
    }
    s
}
