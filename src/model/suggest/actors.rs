//! Actors by rule: runs of capitalised words read as persons (after a role or title),
//! organisations (with a head word such as "Ministry" or "Organization"), acronyms (defined in
//! parentheses or written in capitals), and every later use of a name found so. Speakers of
//! reporting verbs come from `claims.rs`, known names from `knowledge.rs`.
//!
//! How runs are read is in `runs.rs`.
//!
//! **The role stays outside the span**: in "Foreign Minister Sergey Lavrov" the actor is
//! "Sergey Lavrov" (the words after the last role word of `roles.txt`); what comes before the
//! first role word is an organisation when it is one ("ECB President Christine Lagarde").

use super::reading::{in_lower, name_ends, org_nouns, roles, Reading};
use super::runs::{in_compound, is_head, is_reporting_verb, Kind, Runs};
use super::Why;
use crate::model::span::CharSpan;

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
