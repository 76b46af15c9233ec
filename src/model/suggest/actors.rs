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
    in_lower, name_ends, name_particles, name_starts, not_actors, org_heads, org_nouns,
    reporting_verbs, roles, Reading,
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

fn is_head(reading: &Reading, i: usize) -> bool {
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

/// An actor found by rule: tokens `first..=last`, and why.
#[derive(Clone, Debug)]
pub(super) struct FoundActor {
    pub span: CharSpan,
    pub why: Why,
}

/// A name whose other uses are looked for.
struct NameUse {
    text: String,
    why: Why,
    /// Only where it stands alone, not inside a longer run of capitalised words (surnames,
    /// speakers' names, short forms).
    alone: bool,
    /// Known only as a speaker: maybe a place ("Hanoi says"), which is an actor only where it
    /// speaks, so not after a preposition or as a modifier ("in Hanoi", "the Lisbon daily").
    speaker_only: bool,
}

/// Lower-case words before a place's name that show it is not acting ("talks in Hanoi",
/// "between Hanoi and Ankara").
fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "to"
            | "from"
            | "between"
            | "with"
            | "at"
            | "into"
            | "across"
            | "near"
            | "via"
            | "through"
            | "throughout"
            | "for"
            | "on"
            | "of"
            | "against"
            | "toward"
            | "towards"
            | "around"
            | "outside"
            | "inside"
            | "within"
            | "over"
            | "under"
            | "visited"
            | "visit"
            | "the"
    )
}

/// Whether the name at tokens `first..` follows a preposition, over coordinated names ("with
/// Ankara and Riyadh", "between Hanoi and Ankara"), or "the" ("the Lisbon daily"); "according
/// to X" is a speaker.
fn after_preposition(reading: &Reading, first: usize) -> bool {
    let mut t = first;
    loop {
        if t == 0 || reading.gap_before(t) != " " {
            return false;
        }
        let before = reading.word(t - 1);
        if matches!(before, "and" | "or") {
            // Back over the coordinated name before "and".
            let mut k = t - 1;
            while k > 0 && reading.gap_before(k) == " " && reading.is_capitalised(k - 1) {
                k -= 1;
            }
            if k == t - 1 {
                return false;
            }
            t = k;
            continue;
        }
        return is_preposition(before)
            && !(before == "to" && t >= 2 && matches!(reading.word(t - 2), "according"));
    }
}

/// "Foundem, a British price comparison site,": an apposition with "a" or "an", closed by a
/// comma (a single word that starts a sentence needs it to be read as a name).
fn indefinite_apposition(reading: &Reading, b: usize) -> bool {
    let (_, e) = reading.sentence(b);
    b + 1 < e
        && reading.gap(b) == ", "
        && matches!(reading.word(b + 1), "a" | "an")
        && (b + 2..(b + 9).min(e)).any(|t| reading.gap(t).starts_with(','))
}

/// Where names are written as places ("in Hanoi", "from Riyadh", "between Hanoi and Ankara")
/// and where as organisations with their people ("a Google spokesperson"): the first words of
/// the former, the last words of the latter, in one pass over the text.
struct Places<'a> {
    locative: std::collections::HashSet<&'a str>,
    with_people: std::collections::HashSet<&'a str>,
}

impl<'a> Places<'a> {
    fn new(reading: &Reading<'a>) -> Self {
        let mut places = Places {
            locative: Default::default(),
            with_people: Default::default(),
        };
        for t in 1..reading.len() {
            if !reading.is_capitalised(t) || reading.gap_before(t) != " " {
                continue;
            }
            if t + 1 < reading.len()
                && reading.gap(t) == " "
                && !reading.is_capitalised(t + 1)
                && in_lower(roles(), reading.word(t + 1))
            {
                places.with_people.insert(reading.word(t));
            }
            if reading.is_capitalised(t - 1) {
                continue;
            }
            // Back over coordinated names to the word before them.
            let mut k = t;
            while k >= 2
                && reading.gap_before(k) == " "
                && matches!(reading.word(k - 1), "and" | "or")
                && reading.is_capitalised(k - 2)
            {
                k -= 2;
                while k > 0 && reading.gap_before(k) == " " && reading.is_capitalised(k - 1) {
                    k -= 1;
                }
            }
            if k > 0 && reading.gap_before(k) == " " {
                let before = reading.word(k - 1);
                let locative =
                    matches!(
                        before,
                        "in" | "from" | "between" | "near" | "across" | "via" | "throughout" | "to"
                    ) && !(before == "to" && k >= 2 && reading.word(k - 2) == "according");
                if locative {
                    places.locative.insert(reading.word(t));
                }
            }
        }
        places
    }

    fn place_like(&self, name: &str) -> bool {
        let first = name.split([' ', '-']).next().unwrap_or(name);
        let last = name.rsplit(' ').next().unwrap_or(name);
        self.locative.contains(first) && !self.with_people.contains(last)
    }
}

/// What the words around a run of capitalised words (with no role or head word) say of it:
/// an organisation's noun right before it ("chipmaker Intel", "the Lisbon daily Diário
/// Desportivo") or after it ("the Dagens Næringsliv newspaper"), an apposition with a role or
/// such a noun ("Foundem, a British price comparison site,"), an age ("Araújo, 24,"), a
/// relative "who" ("Łukasz Wróbel, who …"), or a role before "at"/"of" ("analyst at Nordea").
fn told_by_context(reading: &Reading, a: usize, b: usize) -> bool {
    let n = reading.len();
    let lower = |t: usize| {
        let w = reading.word(t);
        !reading.is_capitalised(t) && !w.starts_with(|c: char| c.is_ascii_digit())
    };
    // A noun right before.
    if a > 0
        && reading.gap_before(a) == " "
        && lower(a - 1)
        && org_nouns().contains(reading.word(a - 1))
    {
        return true;
    }
    // "the X newspaper on …"
    if a > 0
        && reading.word(a - 1).eq_ignore_ascii_case("the")
        && b + 1 < n
        && reading.gap(b) == " "
        && org_nouns().contains(reading.word(b + 1))
        && (b + 2 >= n || reading.gap(b + 1) != " " || !reading.is_capitalised(b + 2))
    {
        return true;
    }
    // "a role at X", "a role of the X".
    if a >= 2 && reading.gap_before(a) == " " {
        let mut p = a - 1;
        if reading.word(p) == "the" && p >= 2 {
            p -= 1;
        }
        if matches!(reading.word(p), "at" | "of" | "for" | "with")
            && p >= 1
            && lower(p - 1)
            && in_lower(roles(), reading.word(p - 1))
        {
            return true;
        }
    }
    if b + 1 >= n || reading.gap(b) != ", " || reading.sentence_of[b] != reading.sentence_of[b + 1]
    {
        return false;
    }
    let next = reading.word(b + 1);
    if next == "who" {
        return true;
    }
    // An age: "Araújo, 24, scored".
    if next.len() <= 3
        && next.chars().all(|c| c.is_ascii_digit())
        && reading.gap(b + 1).starts_with(',')
    {
        return true;
    }
    // An apposition up to the next comma: "a British price comparison site,", "Google's parent
    // company,", "an energy analyst at Nordea:".
    let opens = matches!(next, "a" | "an" | "the")
        || (reading.is_capitalised(b + 1)
            && b + 2 < n
            && matches!(reading.word(b + 2), "s" | "'s" | "’s"));
    if !opens {
        return false;
    }
    // It ends at a comma, colon or the sentence's end, and holds no verb of saying ("…, the
    // company said").
    let (_, e) = reading.sentence(b);
    let mut described = false;
    for t in b + 2..(b + 9).min(e) {
        let w = reading.word(t);
        if is_reporting_verb(reading, t) {
            return false;
        }
        described |= lower(t) && (org_nouns().contains(w) || in_lower(roles(), w));
        let gap = reading.gap(t);
        if gap.contains([',', ':']) || t + 1 == e {
            return described;
        }
        if !matches!(gap, " " | "" | "-") {
            return false;
        }
    }
    false
}

/// Persons after a role, organisations, acronyms (all their uses), the speakers found by
/// `claims::speakers`, and every use of a person's full name and surname, an organisation's
/// name and a speaker's name found so. What is written in parentheses right after one of
/// these names ("(MFA)", "(李文)") is one too; after a name that is none of them ("Digital
/// Markets Act (DMA)") it is not an actor anywhere. Runs that are none of these are names when
/// the words around them say so ([`told_by_context`]), or when their last word is used alone
/// as a speaker ("Łukasz Wróbel" … "Wróbel said"). The first word of a company's or club's
/// name of two words is its short form where it is used with a possessive somewhere
/// ("Northwind's") or speaks.
pub(super) fn find(reading: &Reading, runs: &Runs, speakers: &[CharSpan]) -> Vec<FoundActor> {
    let mut found: Vec<FoundActor> = Vec::new();
    let mut names: Vec<NameUse> = Vec::new();
    let mut not_names: Vec<&str> = Vec::new();
    let name = |text: &str, why: Why, alone: bool| NameUse {
        text: text.to_owned(),
        why,
        alone,
        speaker_only: false,
    };
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
    let speaker_texts: Vec<&str> = speakers
        .iter()
        .map(|s| reading.index.slice(s.start, s.end))
        .collect();
    // Words used with a possessive clitic ("Northwind's").
    let possessive = |word: &str| {
        (0..reading.len().saturating_sub(1)).any(|t| {
            reading.word(t) == word
                && reading.gap(t).is_empty()
                && matches!(reading.word(t + 1), "s" | "'s" | "’s")
        })
    };
    for run in &runs.runs {
        if let Some((a, b, kind)) = run.before_role {
            push(&mut found, a, b, kind);
        }
        let Some((a, b)) = run.name else { continue };
        let mut kind = run.kind;
        if kind == Kind::Other && !in_compound(reading, a, b) {
            let text = reading
                .index
                .slice(reading.tokens[a].start, reading.tokens[b].end);
            let later_alone = b > a
                && speaker_texts.iter().any(|s| {
                    s.len() < text.len()
                        && text.ends_with(s)
                        && !text[..text.len() - s.len()].ends_with(|c: char| c.is_alphanumeric())
                });
            if later_alone {
                found.push(FoundActor {
                    span: reading.span(a, b),
                    why: Why::FullName,
                });
                names.push(name(text, Why::Repeat, false));
            } else if (!(a == b && reading.starts_sentence(a)) || indefinite_apposition(reading, b))
                && told_by_context(reading, a, b)
            {
                found.push(FoundActor {
                    span: reading.span(a, b),
                    why: Why::Context,
                });
                names.push(name(text, Why::Repeat, false));
                kind = Kind::Organisation;
            }
        }
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
                let name_span = reading.span(a, b);
                if kind == Kind::Other && !speakers.contains(&name_span) {
                    not_names.push(inner_text);
                } else {
                    found.push(FoundActor {
                        span: inner_span,
                        why: Why::Acronym,
                    });
                    names.push(name(inner_text, Why::Acronym, false));
                }
            }
        }
        if run.kind == Kind::Person || run.kind == Kind::Organisation {
            let span = reading.span(a, b);
            let text = reading.index.slice(span.start, span.end);
            names.push(name(text, Why::Repeat, false));
            if run.kind == Kind::Person && b > a {
                names.push(name(reading.word(b), Why::Surname, true));
            }
            // A company's or club's short form: "Northwind" of "Northwind Freight".
            if run.kind == Kind::Organisation
                && b == a + 1
                && name_ends().contains(reading.word(b))
                && !is_head(reading, b)
            {
                let short = reading.word(a);
                if possessive(short) || speaker_texts.contains(&short) {
                    names.push(name(short, Why::Repeat, true));
                }
            }
        }
    }
    for &span in speakers {
        found.push(FoundActor {
            span,
            why: Why::Speaker,
        });
        let text = reading.index.slice(span.start, span.end);
        if !names.iter().any(|n| n.text == text) {
            names.push(NameUse {
                text: text.to_owned(),
                why: Why::Repeat,
                alone: true,
                speaker_only: true,
            });
        }
    }
    found.extend(repeats(reading, &names));
    found.retain(|a| {
        let text = reading.index.slice(a.span.start, a.span.end);
        !not_names.contains(&text)
    });
    found
}

/// Every use of the given names in the text.
fn repeats(reading: &Reading, names: &[NameUse]) -> Vec<FoundActor> {
    let mut knowledge = super::Knowledge::new();
    for n in names {
        knowledge.add_name(&n.text, None);
    }
    let places = names
        .iter()
        .any(|n| n.speaker_only)
        .then(|| Places::new(reading));
    let mut out = Vec::new();
    for (span, i) in knowledge.find(reading) {
        let text = &knowledge.name(i).text;
        let Some(use_) = names.iter().find(|n| &n.text == text) else {
            continue;
        };
        let t = reading.first_token_from(span.start);
        if use_.alone {
            let last = reading.first_token_from(span.end) - 1;
            let alone = (t == 0 || reading.gap_before(t) != " " || !reading.is_capitalised(t - 1))
                && (last + 1 >= reading.len()
                    || reading.gap(last) != " "
                    || !reading.is_capitalised(last + 1));
            if !alone {
                continue;
            }
        }
        if use_.speaker_only
            && after_preposition(reading, t)
            && places.as_ref().is_some_and(|p| p.place_like(&use_.text))
        {
            continue;
        }
        out.push(FoundActor {
            span,
            why: use_.why,
        });
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
