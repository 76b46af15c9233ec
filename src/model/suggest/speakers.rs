//! Speakers: who a reporting verb attributes to ("Lavrov said", "said Lavrov", "the
//! ministry, in a statement, said") and the X of "according to X". Claims (`claims.rs`) take
//! their source from here, and so do the actors found as speakers (`actors.rs`).

use super::claims::{inside_quote, negated};
use super::reading::{not_actors, Reading};
use super::runs::{is_auxiliary, is_reporting_verb, Kind, Runs};
use crate::model::span::CharSpan;

/// The speakers of every reporting verb outside quotations (before it, or after it when it
/// comes first: "said X") and the X of every "according to X".
pub(super) fn speakers(reading: &Reading, runs: &Runs) -> Vec<CharSpan> {
    let mut out = Vec::new();
    for v in 0..reading.len() {
        if is_reporting_verb(reading, v) && !inside_quote(reading, v) && !negated(reading, v) {
            let before = speaker_before(reading, runs, v);
            let after_quote = reading.gap_before(v).contains(['”', '"', '»']);
            let after = (before.is_none() && (after_quote || reading.starts_sentence(v)))
                .then(|| speaker_after(reading, runs, v))
                .flatten();
            out.extend(before.or(after));
        }
        if matches!(reading.word(v), "According" | "according")
            && v + 2 < reading.len()
            && reading.word(v + 1) == "to"
        {
            let (_, e) = reading.sentence(v);
            let mut t = v + 2;
            while t < e {
                if let Some(name) = name_of(reading, runs, t) {
                    out.push(name);
                    break;
                }
                if reading.gap(t).contains(',') {
                    break;
                }
                t += 1;
            }
        }
    }
    out
}

/// The name of the run that ends at token `i`, if it is a name.
fn name_ending_at(reading: &Reading, runs: &Runs, i: usize) -> Option<CharSpan> {
    let run = runs.at(i)?;
    if run.last != i {
        return None;
    }
    name_of(reading, runs, run.first)
}

/// The name in the run that holds token `i`: the person after a role, or the organisation,
/// acronym or other capitalised name. A lone capitalised word at the start of a sentence
/// needs evidence that it is a name: it appears capitalised elsewhere too.
pub(super) fn name_of(reading: &Reading, runs: &Runs, i: usize) -> Option<CharSpan> {
    let run = runs.at(i)?;
    let (a, b) = run.name?;
    if a == b && run.kind == Kind::Other {
        let word = reading.word(a);
        if reading.starts_sentence(a) && !reading.proper.contains(word) {
            return None;
        }
    }
    if super::runs::in_compound(reading, a, b) {
        return None;
    }
    Some(reading.span(a, b))
}

/// The speaker written before the verb at `v`: the name ending right before it (auxiliaries
/// between allowed); after an apposition ("Yuki Tanabe, a senior economist at …, said") the
/// first name of the clause followed by a comma or a parenthesis.
pub(super) fn speaker_before(reading: &Reading, runs: &Runs, v: usize) -> Option<CharSpan> {
    let (s, _) = reading.sentence(v);
    let mut k = v;
    while k > s && reading.gap_before(k) == " " && is_auxiliary(reading.word(k - 1)) {
        k -= 1;
    }
    if k == s {
        return None;
    }
    let gap = reading.gap_before(k);
    if gap == " " {
        let run = runs.at(k - 1)?;
        // "Diplomats in Hanoi said": the subject is before the preposition.
        if run.first > s
            && reading.gap_before(run.first) == " "
            && matches!(
                reading.word(run.first - 1),
                "in" | "at" | "from" | "of" | "for" | "with" | "near" | "across" | "to" | "on"
            )
        {
            return None;
        }
        return name_ending_at(reading, runs, k - 1).or_else(|| lone_subject(reading, runs, k - 1));
    }
    if gap.trim() == "," {
        // The clause starts at the sentence or after its last dash or semicolon.
        let mut start = s;
        for t in s..k {
            if reading.gap(t).contains(['—', ';']) {
                start = t + 1;
            }
        }
        let mut t = start;
        while t < k - 1 {
            if let Some(run) = runs.at(t) {
                if run.name.is_some() {
                    let after = reading.gap(run.last);
                    if after.starts_with(',') || after.starts_with(" (") {
                        return name_of(reading, runs, t);
                    }
                    // "Marta Kowalczyk-Nowak of the Polish Academy of Sciences, who …, said":
                    // the clause's subject, not the organisation after "of".
                    let subject = run.first == start
                        || (run.first == start + 1 && not_actors().contains(reading.word(start)));
                    if subject
                        && after == " "
                        && run.last + 1 < k
                        && matches!(reading.word(run.last + 1), "of" | "at" | "from")
                    {
                        return name_of(reading, runs, t);
                    }
                }
                t = run.last + 1;
            } else {
                t += 1;
            }
        }
    }
    None
}

/// A single capitalised word that starts its sentence right before a reporting verb, with no
/// other evidence that it is a name ("Warsaw says", but not "Analysts said" or "Police
/// said"): a name unless it looks like a plural or a common noun.
fn lone_subject(reading: &Reading, runs: &Runs, i: usize) -> Option<CharSpan> {
    let run = runs.at(i)?;
    let (a, b) = run.name?;
    let word = reading.word(a);
    let common = word.ends_with('s')
        || matches!(
            word,
            "Police"
                | "Everyone"
                | "Nobody"
                | "Someone"
                | "Management"
                | "Staff"
                | "Government"
                | "Industry"
                | "Research"
                | "Data"
                | "Evidence"
                | "Science"
                | "History"
                | "Media"
                | "Security"
                | "Intelligence"
                | "Prosecution"
                | "Defence"
                | "Defense"
                | "Nothing"
                | "Everybody"
                | "Somebody"
                | "Each"
                | "One"
                | "Another"
                | "Neither"
                | "Either"
                | "Few"
        );
    let lone = a == b && b == i && run.kind == Kind::Other && reading.starts_sentence(a);
    (lone && !common && !not_actors().contains(word) && !reading.is_acronym(a))
        .then(|| reading.span(a, b))
}

/// The speaker written after the verb at `v` ("said João Batista Moura").
pub(super) fn speaker_after(reading: &Reading, runs: &Runs, v: usize) -> Option<CharSpan> {
    let next = v + 1;
    if next >= reading.len() || reading.gap(v) != " " {
        return None;
    }
    let run = runs.at(next)?;
    (run.first == next)
        .then(|| name_of(reading, runs, next))
        .flatten()
}
