//! Actors by rule: runs of capitalised words read as persons (after a role or title),
//! organisations (with a head word such as "Ministry" or "Organization"), acronyms (defined in
//! parentheses or written in capitals), and every later use of a name found so. Speakers of
//! reporting verbs come from `claims.rs`, known names from `knowledge.rs`.
//!
//! **A run** is a sequence of capitalised words in one sentence, joined by single spaces, by a
//! hyphen ("Park Ji-won") or by ". " after an abbreviation ("Dr. Awa Cissé", "U.S. Federal
//! Reserve"). Lower-case particles of names ("da", "von") may sit inside it; "of", "for",
//! "the" and "on" only once the run has an organisation's head word or a role ("Court of
//! Justice of the European Union"); "and" and a comma only after an "of" ("Ministry of
//! Economy, Trade and Industry"). Month and weekday names end a run; words of
//! `not_actors.txt` ("The", "However") are dropped from its start.
//!
//! **The role stays outside the span**: in "Foreign Minister Sergey Lavrov" the actor is
//! "Sergey Lavrov" (the words after the last role word of `roles.txt`); what comes before the
//! first role word is an organisation when it is one ("ECB President Christine Lagarde").

use super::reading::{
    in_lower, name_particles, not_actors, org_heads, reporting_verbs, roles, Reading,
};
use super::Why;
use crate::model::span::CharSpan;

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

fn is_month_or_weekday(word: &str) -> bool {
    const NAMES: [&str; 19] = [
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
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    NAMES.contains(&word)
}

fn starts_run(reading: &Reading, i: usize) -> bool {
    reading.is_capitalised(i)
        && !is_month_or_weekday(reading.word(i))
        && !(reading.starts_sentence(i) && is_reporting_verb(reading, i))
}

fn is_head(reading: &Reading, i: usize) -> bool {
    org_heads().contains(reading.word(i))
}

/// The last token of the run that starts at `first`.
fn run_end(reading: &Reading, first: usize) -> usize {
    let (_, sentence_end) = reading.sentence(first);
    let mut last = first;
    let mut has_head = is_head(reading, first);
    let mut has_role = in_lower(roles(), reading.word(first));
    let mut has_of = false;
    let joins = |j: usize, next: usize| -> bool {
        next < sentence_end
            && reading.gap(j) == " "
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
                    let org_word =
                        matches!(connector, "of" | "for" | "the" | "on") && (has_head || has_role);
                    let and = connector == "and" && has_of;
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
            "-" | "‑" => Some(next),
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
            has_role |= in_lower(roles(), w);
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
    run.kind = if has_head(start, last) {
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
    let hyphen = |gap: &str| matches!(gap, "-" | "‑");
    (first > 0 && hyphen(reading.gap_before(first)))
        || (last + 1 < reading.len() && hyphen(reading.gap(last)))
}

/// An actor found by rule: tokens `first..=last`, and why.
#[derive(Clone, Debug)]
pub(super) struct FoundActor {
    pub span: CharSpan,
    pub why: Why,
}

/// Persons after a role, organisations, acronyms (all their uses), the speakers found by
/// `claims::speakers`, and every use of a person's full name and surname, an organisation's
/// name and a speaker's name found so. What is written in parentheses right after one of
/// these names ("(MFA)", "(李文)") is one too; after a name that is none of them ("Digital
/// Markets Act (DMA)") it is not an actor anywhere.
pub(super) fn find(reading: &Reading, runs: &Runs, speakers: &[CharSpan]) -> Vec<FoundActor> {
    let mut found: Vec<FoundActor> = Vec::new();
    let mut names: Vec<(String, Why, bool)> = Vec::new();
    let mut not_names: Vec<&str> = Vec::new();
    let push = |found: &mut Vec<FoundActor>, a: usize, b: usize, kind: Kind| {
        if in_compound(reading, a, b) {
            return;
        }
        let why = match kind {
            Kind::Person => Why::RoleName,
            Kind::Organisation => Why::Organisation,
            Kind::Acronym => Why::Acronym,
            Kind::Other => return,
        };
        let span = reading.span(a, b);
        found.push(FoundActor { span, why });
    };
    for run in &runs.runs {
        if let Some((a, b, kind)) = run.before_role {
            push(&mut found, a, b, kind);
        }
        let Some((a, b)) = run.name else { continue };
        push(&mut found, a, b, run.kind);
        // An acronym or a name in another script in parentheses right after the name.
        let after = reading.gap(b);
        if after.trim() == "(" && b + 1 < reading.len() {
            // Ideographs are words of one character each: "李文" is two.
            let inner = b + 1;
            let mut inner_end = inner;
            while inner_end + 1 < reading.len() && reading.gap(inner_end).is_empty() {
                inner_end += 1;
            }
            let inner_span = reading.span(inner, inner_end);
            let inner_text = reading.index.slice(inner_span.start, inner_span.end);
            let closes = reading.gap(inner_end).starts_with(')');
            let no_lower = !inner_text.chars().any(char::is_lowercase);
            if closes && no_lower {
                let name = reading.span(a, b);
                if run.kind == Kind::Other && !speakers.contains(&name) {
                    not_names.push(inner_text);
                } else {
                    found.push(FoundActor {
                        span: inner_span,
                        why: Why::Acronym,
                    });
                    names.push((inner_text.to_owned(), Why::Acronym, false));
                }
            }
        }
        if run.kind == Kind::Person || run.kind == Kind::Organisation {
            let span = reading.span(a, b);
            let text = reading.index.slice(span.start, span.end).to_owned();
            names.push((text, Why::Repeat, false));
            if run.kind == Kind::Person && b > a {
                names.push((reading.word(b).to_owned(), Why::Surname, true));
            }
        }
    }
    for &span in speakers {
        found.push(FoundActor {
            span,
            why: Why::Speaker,
        });
        let text = reading.index.slice(span.start, span.end);
        if !names.iter().any(|(n, _, _)| n == text) {
            names.push((text.to_owned(), Why::Repeat, true));
        }
    }
    found.extend(repeats(reading, &names));
    found.retain(|a| {
        let text = reading.index.slice(a.span.start, a.span.end);
        !not_names.contains(&text)
    });
    found
}

/// Every use of the given names in the text: (name, why, whether only where it stands alone,
/// not inside a longer run of capitalised words: surnames and speakers' names).
fn repeats(reading: &Reading, names: &[(String, Why, bool)]) -> Vec<FoundActor> {
    let mut knowledge = super::Knowledge::new();
    for (name, _, _) in names {
        knowledge.add_name(name, None);
    }
    let why_of = |text: &str| {
        names
            .iter()
            .find(|(n, _, _)| n == text)
            .map_or((Why::Repeat, false), |(_, why, alone)| (*why, *alone))
    };
    let mut out = Vec::new();
    for (span, i) in knowledge.find(reading) {
        let text = &knowledge.name(i).text;
        let (why, only_alone) = why_of(text);
        if only_alone {
            let t = reading.first_token_from(span.start);
            let alone = (t == 0 || reading.gap_before(t) != " " || !reading.is_capitalised(t - 1))
                && (t + 1 >= reading.len()
                    || reading.gap(t) != " "
                    || !reading.is_capitalised(t + 1));
            if !alone {
                continue;
            }
        }
        out.push(FoundActor { span, why });
    }
    out
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
