//! A generated library of news articles for trying the app at the scale of issue 14
//! (`examples/generate_library.rs` writes it as a workspace file). Each article has 2–5 KB of
//! English news prose, a publication date within one year, and exactly
//! [`ANNOTATIONS_PER_ARTICLE`] annotations: actors (with their entity names; the same people
//! and organisations speak across many articles), claims (linked to their source, often to a
//! date, sometimes to a target) and dates in phrases the date normaliser reads ("Tuesday",
//! "yesterday", "March 3", "3 March 2025", "last week", "March 2025", "last month", "the end of
//! 2024"). The same count and seed always give the same library, byte for byte.

use super::news::{Actor, Topic, ACTORS, COLOUR, FILLER, TOPICS};
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::Annotations;
use crate::model::document::Document;
use crate::model::library::{new_document_id, workspace_to_json, WorkspaceDocument};
use crate::model::span::CharSpan;
use crate::model::text::CharOffset;
use chrono::{Datelike, Days, Months, NaiveDate};

pub const ANNOTATIONS_PER_ARTICLE: usize = 50;

/// The time written as the workspace's `exported`: fixed, so files compare byte for byte.
pub const EXPORTED: &str = "2025-03-01T00:00:00.000Z";

/// The generated documents, and the value each date annotation is meant to normalise to
/// (document id, annotation id, value), for tests that check the normaliser agrees.
pub struct GeneratedLibrary {
    pub documents: Vec<WorkspaceDocument>,
    pub intended_dates: Vec<(String, String, String)>,
}

impl GeneratedLibrary {
    /// The workspace file the app's "Download workspace" writes and its import reads.
    pub fn to_workspace_json(&self) -> String {
        workspace_to_json(&self.documents, EXPORTED)
    }
}

/// SplitMix64: tiny and deterministic on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// `count` articles from `seed`, in order of publication (1 March 2024 to 28 February 2025).
pub fn generate(count: usize, seed: u64) -> GeneratedLibrary {
    let mut rng = Rng(seed);
    let first = NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date");
    let mut days: Vec<u64> = (0..count).map(|_| rng.below(365) as u64).collect();
    days.sort_unstable();
    let mut library = GeneratedLibrary {
        documents: Vec::with_capacity(count),
        intended_dates: Vec::new(),
    };
    for (n, day) in days.into_iter().enumerate() {
        let published = first + Days::new(day);
        article(&mut rng, n + 1, published, &mut library);
    }
    library
}

/// What a marked stretch of a sentence is.
enum Mark {
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
struct Sentence {
    text: String,
    chars: usize,
    marks: Vec<(usize, usize, Mark)>,
}

impl Sentence {
    fn push(&mut self, text: &str) {
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
fn capitalised(text: &str) -> String {
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

fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A date phrase to follow "said" (or stand alone): the words before the annotated part,
/// the annotated part, and the value it means for an article published on `published`.
fn date_phrase(rng: &mut Rng, published: NaiveDate) -> (&'static str, String, String) {
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
fn mention(actor: &'static Actor, seen: &mut Vec<&'static str>) -> &'static str {
    if seen.contains(&actor.entity) {
        actor.mentions[actor.mentions.len() - 1]
    } else {
        seen.push(actor.entity);
        actor.mentions[0]
    }
}

/// Writes one claim sentence: its source, the claim (maybe about a target), maybe a date.
fn claim_sentence(
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
fn background_sentence(
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
            s.push(*rng.pick(&[
                " has not commented on the latest figures.",
                " did not respond to a request for comment.",
                " has been at the centre of the debate for months.",
            ]));
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

/// One article: a topic, a cast of four to seven actors, claim and background sentences
/// holding exactly [`ANNOTATIONS_PER_ARTICLE`] annotations, filler up to its size.
fn article(rng: &mut Rng, n: usize, published: NaiveDate, library: &mut GeneratedLibrary) {
    let topic = rng.pick(TOPICS);
    let mut cast: Vec<&'static Actor> = Vec::new();
    let size = 4 + rng.below(4);
    while cast.len() < size {
        let actor = rng.pick(ACTORS);
        if !cast.iter().any(|a| a.entity == actor.entity) {
            cast.push(actor);
        }
    }
    let mut seen = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut left = ANNOTATIONS_PER_ARTICLE;
    while left > 0 {
        let s = match rng.below(10) {
            0 => background_sentence(rng, &cast, &mut seen, published),
            roll => claim_sentence(rng, topic, &cast, &mut seen, roll > 2, published),
        };
        if s.marks.len() <= left {
            left -= s.marks.len();
            sentences.push(s);
        }
    }
    // Filler, background and colour between them, until the article has its size (2.3–4.8 KB).
    let target_bytes = 2300 + rng.below(2500);
    let mut extra: Vec<String> = FILLER
        .iter()
        .chain(topic.background)
        .map(|s| (*s).to_owned())
        .collect();
    let mut bytes: usize = sentences.iter().map(|s| s.text.len() + 1).sum();
    while bytes < target_bytes {
        let text = if extra.is_empty() || rng.below(3) == 0 {
            let [place, who, what] = COLOUR.map(|words| *rng.pick(words));
            format!("{place}, {who} {what}.")
        } else {
            extra.swap_remove(rng.below(extra.len()))
        };
        let at = rng.below(sentences.len() + 1);
        bytes += text.len() + 1;
        let mut s = Sentence::default();
        s.push(&text);
        sentences.insert(at, s);
    }
    let who = rng.pick(&cast).headline;
    let title = rng.pick(topic.headlines).replace("{who}", who);
    let id = new_document_id(&title, &format!("{n:04}"));
    let names = Names {
        document: &id,
        annotations: &format!("a-{n:04}"),
        title: &title,
    };
    write_article(rng, names, published, sentences, library);
}

/// The ids and title of an article being written.
struct Names<'a> {
    document: &'a str,
    /// What each annotation id starts with (`a-0007`).
    annotations: &'a str,
    title: &'a str,
}

/// Lays the sentences out in paragraphs of one to four, and turns their marks into
/// annotations and links.
fn write_article(
    rng: &mut Rng,
    names: Names,
    published: NaiveDate,
    sentences: Vec<Sentence>,
    library: &mut GeneratedLibrary,
) {
    let mut text = String::new();
    let mut at = 0;
    let mut placed: Vec<(usize, Sentence)> = Vec::new();
    let mut in_paragraph = 0;
    let mut paragraph_size = 2 + rng.below(3);
    for s in sentences {
        if in_paragraph > 0 {
            let gap = if in_paragraph == paragraph_size {
                "\n"
            } else {
                " "
            };
            if gap == "\n" {
                in_paragraph = 0;
                paragraph_size = 1 + rng.below(4);
            }
            text.push_str(gap);
            at += 1;
        }
        text.push_str(&s.text);
        placed.push((at, s));
        at += placed.last().map_or(0, |(_, s)| s.chars);
        in_paragraph += 1;
    }
    let id = names.document;
    let mut document = Document::new(id, names.title, Some(&iso(published)), &text);
    document.source_url = Some(format!("https://news.example/{id}"));
    let now = format!(
        "{}T{:02}:{:02}:00.000Z",
        iso(published),
        8 + rng.below(10),
        rng.below(60)
    );
    let mut content = Annotations::default();
    for (base, s) in &placed {
        let first = content.annotations.len();
        let ids: Vec<String> = (0..s.marks.len())
            .map(|k| format!("{}-{:02}", names.annotations, first + k + 1))
            .collect();
        for (k, (start, end, mark)) in s.marks.iter().enumerate() {
            let span = CharSpan::new(CharOffset(base + start), CharOffset(base + end));
            let label = match mark {
                Mark::Actor(_) => Label::Actor,
                Mark::Claim { .. } => Label::Claim,
                Mark::Date(_) => Label::Date,
            };
            let mut a = Annotation::new(&document.index, ids[k].clone(), label, span, &now);
            match mark {
                Mark::Actor(entity) => a.entity = Some((*entity).to_owned()),
                Mark::Date(value) => {
                    library
                        .intended_dates
                        .push((id.to_owned(), ids[k].clone(), value.clone()))
                }
                Mark::Claim {
                    source,
                    when,
                    target,
                } => {
                    let links = [
                        (Some(*source), Role::Source),
                        (*when, Role::When),
                        (*target, Role::Target),
                    ];
                    for (other, role) in links.into_iter().filter_map(|(o, r)| Some((o?, r))) {
                        content.relations.push(Relation {
                            id: format!("{}-{}", ids[k], role.as_str()),
                            claim: ids[k].clone(),
                            other: ids[other].clone(),
                            role,
                            created: now.clone(),
                        });
                    }
                }
            }
            content.annotations.push(a);
        }
    }
    library
        .documents
        .push(WorkspaceDocument { document, content });
}
