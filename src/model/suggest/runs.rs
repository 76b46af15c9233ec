//! Runs of capitalised words, the material of every name the suggesters find (actors here
//! and in `actors.rs`, speakers in `speakers.rs`, known names in `knowledge.rs`).
//!
//! **A run** is a sequence of capitalised words in one sentence, joined by single spaces, by a
//! hyphen ("Park Ji-won") or by ". " after an abbreviation ("Dr. Awa Cissé", "U.S. Federal
//! Reserve"). Lower-case particles of names ("da", "von") may sit inside it; "of", "for",
//! "the" and "on" only once the run has an organisation's head word or a role ("Court of
//! Justice of the European Union"); "and" and a comma only after an "of" ("Ministry of
//! Economy, Trade and Industry"). Month and weekday names end a run; words of
//! `not_actors.txt` ("The", "However") are dropped from its start.
//!
//! The reporting verbs and auxiliaries between a speaker and the verb are read here too: a
//! reporting verb ends a run ("Lavrov said").

use super::reading::{
    in_lower, name_ends, name_particles, name_starts, not_actors, org_heads, reporting_verbs,
    roles, Reading,
};

/// What a run of capitalised words names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// After a role or title.
    Person,
    Organisation,
    Acronym,
    /// Capitalised words that are none of these by themselves (maybe a speaker's name).
    Other,
}

/// A run and the name in it: tokens `first..=last`, the name `name.0..=name.1`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Run {
    pub first: usize,
    pub last: usize,
    /// The name: the run without leading words of `not_actors.txt` and, after a role word,
    /// only what follows it. `None` when nothing is left.
    pub name: Option<(usize, usize)>,
    pub kind: Kind,
    /// An organisation or acronym before the role ("ECB" of "ECB President Christine Lagarde").
    pub before_role: Option<(usize, usize, Kind)>,
}

/// The runs of a text, and which run each token is in.
pub(super) struct Runs {
    pub runs: Vec<Run>,
    of_token: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Runs {
    pub fn new(reading: &Reading) -> Self {
        let n = reading.len();
        let mut runs = Vec::new();
        let mut of_token = vec![NONE; n];
        let mut i = 0;
        while i < n {
            if !starts_run(reading, i) {
                i += 1;
                continue;
            }
            let last = run_end(reading, i);
            for t in of_token.iter_mut().take(last + 1).skip(i) {
                *t = runs.len() as u32;
            }
            runs.push(classify(reading, i, last));
            i = last + 1;
        }
        Runs { runs, of_token }
    }

    pub fn at(&self, token: usize) -> Option<&Run> {
        match self.of_token.get(token) {
            Some(&i) if i != NONE => Some(&self.runs[i as usize]),
            _ => None,
        }
    }
}

/// A capitalised month or weekday ("May", "Friday"): a date, not the start of a name.
fn is_month_or_weekday(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && crate::model::dates::is_month_or_weekday_name(&crate::model::case::lowercase(word))
}

fn starts_run(reading: &Reading, i: usize) -> bool {
    (reading.is_capitalised(i) || arabic_article(reading, i))
        && !is_month_or_weekday(reading.word(i))
        && !(reading.starts_sentence(i) && is_reporting_verb(reading, i))
}

/// "al-" or "el-" before a capitalised word ("al-Mansouri"): part of the name.
fn arabic_article(reading: &Reading, i: usize) -> bool {
    matches!(reading.word(i), "al" | "el")
        && is_hyphen(reading.gap(i))
        && i + 1 < reading.len()
        && reading.is_capitalised(i + 1)
}

fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "‑")
}

/// Lower-case words after a hyphen that make a name a modifier ("Doha-based Qamar
/// Logistics"): the run ends before the hyphen.
fn modifier_suffix(word: &str) -> bool {
    matches!(
        word,
        "based"
            | "born"
            | "owned"
            | "backed"
            | "led"
            | "run"
            | "listed"
            | "registered"
            | "headquartered"
            | "funded"
            | "controlled"
            | "made"
            | "linked"
            | "affiliated"
            | "allied"
            | "aligned"
            | "style"
            | "bound"
            | "focused"
    )
}

/// Whether the capitalised words from `from` (joined by single spaces) reach a head word of
/// an organisation's name ("… and Environment Committee").
fn head_follows(reading: &Reading, from: usize, end: usize) -> bool {
    let mut t = from;
    while t < end && starts_run(reading, t) {
        if is_head(reading, t) {
            return true;
        }
        if reading.gap(t) != " " {
            return false;
        }
        t += 1;
    }
    false
}

pub(super) fn is_head(reading: &Reading, i: usize) -> bool {
    org_heads().contains(reading.word(i))
}

/// The last token of the run that starts at `first`.
fn run_end(reading: &Reading, first: usize) -> usize {
    let (_, sentence_end) = reading.sentence(first);
    let mut last = first;
    let mut has_head = is_head(reading, first);
    let mut has_of = false;
    let joins = |j: usize, next: usize| -> bool {
        next < sentence_end
            && (reading.gap(j) == " "
                || (is_hyphen(reading.gap(j)) && name_particles().contains(reading.word(j))))
            && starts_run(reading, next)
            && !not_actors().contains(reading.word(next))
    };
    loop {
        let next = last + 1;
        if next >= sentence_end {
            break;
        }
        let gap = reading.gap(last);
        let word = reading.word(last);
        let take = match gap {
            " " => {
                if starts_run(reading, next) {
                    Some(next)
                } else {
                    let connector = reading.word(next);
                    let particle = name_particles().contains(connector);
                    // "of" after an organisation's head word or right after a role ("Minister
                    // of Foreign Affairs"), not after a person's name ("Dr. Helen Okafor of
                    // Westbrook University" is two names).
                    let org_word = matches!(connector, "of" | "for" | "the" | "on")
                        && (has_head || in_lower(roles(), word));
                    // "and" inside a name: after an "of", or before words that reach a head
                    // word ("Planning and Environment Committee").
                    let and = connector == "and"
                        && (has_of
                            || (!has_head
                                && reading.gap(next) == " "
                                && head_follows(reading, next + 1, sentence_end)));
                    if particle || org_word || and {
                        // One or two lower-case connectors ("of the"), then a capital.
                        if joins(next, next + 1) {
                            Some(next + 1)
                        } else if next + 2 < sentence_end
                            && matches!(reading.word(next + 1), "the")
                            && reading.gap(next) == " "
                            && joins(next + 1, next + 2)
                        {
                            Some(next + 2)
                        } else {
                            None
                        }
                    } else {
                        None
                    }
                }
            }
            "-" | "‑" if modifier_suffix(reading.word(next)) => None,
            "-" | "‑" => Some(next),
            // "Gulf–Asia Policy Centre"
            "–" if starts_run(reading, next) => Some(next),
            // "Residents’ Association": a plural possessive before a head word.
            "’ " | "' "
                if word.ends_with('s')
                    && (is_head(reading, next) || name_ends().contains(reading.word(next))) =>
            {
                Some(next)
            }
            ". " if word.contains('.') || super::reading::abbreviations().contains(word) => {
                starts_run(reading, next).then_some(next)
            }
            ", " if has_of && comma_list_follows(reading, next, sentence_end) => Some(next),
            _ => None,
        };
        let Some(to) = take else { break };
        for t in next..=to {
            let w = reading.word(t);
            has_of |= w == "of";
            has_head |= is_head(reading, t);
        }
        last = to;
    }
    last
}

/// After "Ministry of Economy,": capitalised words up to an "and" and a capitalised word, with
/// only spaces or commas between.
fn comma_list_follows(reading: &Reading, from: usize, end: usize) -> bool {
    let mut i = from;
    while i + 1 < end && starts_run(reading, i) {
        match reading.gap(i) {
            " " | ", " if reading.word(i + 1) == "and" => {
                return i + 2 < end && reading.gap(i + 1) == " " && starts_run(reading, i + 2);
            }
            " " | ", " => i += 1,
            _ => return false,
        }
    }
    false
}

fn classify(reading: &Reading, first: usize, last: usize) -> Run {
    let mut start = first;
    while start <= last && not_actors().contains(reading.word(start)) {
        start += 1;
    }
    let mut run = Run {
        first,
        last,
        name: None,
        kind: Kind::Other,
        before_role: None,
    };
    if start > last {
        return run;
    }
    let roles_at: Vec<usize> = (start..=last)
        .filter(|&t| in_lower(roles(), reading.word(t)))
        .collect();
    let has_head = |a: usize, b: usize| (a..=b).any(|t| is_head(reading, t));
    if let (Some(&first_role), Some(&last_role)) = (roles_at.first(), roles_at.last()) {
        if last_role < last && !has_head(last_role + 1, last) {
            // Trailing particles are not part of a name.
            run.name = Some((last_role + 1, last));
            run.kind = Kind::Person;
            if first_role > start {
                let before = (start, first_role - 1);
                if has_head(before.0, before.1) {
                    run.before_role = Some((before.0, before.1, Kind::Organisation));
                } else if before.0 == before.1 && reading.is_acronym(before.0) {
                    run.before_role = Some((before.0, before.1, Kind::Acronym));
                }
            }
            return run;
        }
        if last_role == last && !has_head(start, last) {
            // A role with no name after it ("Foreign Minister").
            return run;
        }
    }
    run.name = Some((start, last));
    let company = last > start
        && (name_ends().contains(reading.word(last))
            || name_starts().contains(reading.word(start)));
    run.kind = if has_head(start, last) || company {
        Kind::Organisation
    } else if start == last && reading.is_acronym(start) && !is_dateline(reading, start) {
        Kind::Acronym
    } else if start > 0
        && reading.gap_before(start) == " "
        && in_lower(roles(), reading.word(start - 1))
    {
        Kind::Person
    } else {
        Kind::Other
    };
    run
}

/// "SEOUL, March 14 —": a place in capitals at the start of a line, before a comma.
fn is_dateline(reading: &Reading, i: usize) -> bool {
    let line_start = i == 0 || reading.gap_before(i).contains('\n');
    let dash = (i..(i + 6).min(reading.len())).any(|t| reading.gap(t).contains(['—', '–']));
    line_start && reading.gap(i).starts_with(',') && dash
}

/// Whether tokens `first..=last` are part of a hyphenated compound ("Russian-Armenian",
/// "Fed-dependent"): names inside one are not mentions.
pub(super) fn in_compound(reading: &Reading, first: usize, last: usize) -> bool {
    let hyphen = |gap: &str| matches!(gap, "-" | "‑" | "–");
    (first > 0 && hyphen(reading.gap_before(first)))
        || (last + 1 < reading.len() && hyphen(reading.gap(last)))
}

/// Auxiliaries and adverbs that may stand between a speaker and a reporting verb ("has
/// said", "also noted").
pub(super) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has"
            | "have"
            | "had"
            | "also"
            | "previously"
            | "again"
            | "already"
            | "repeatedly"
            | "later"
            | "then"
            | "once"
    )
}

/// Whether token `i` is a reporting verb (any form, lower case in the text).
/// Not inside a hyphenated compound ("state-owned").
pub(super) fn is_reporting_verb(reading: &Reading, i: usize) -> bool {
    in_lower(reporting_verbs(), reading.word(i)) && !in_compound(reading, i, i)
}
