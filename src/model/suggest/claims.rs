//! Claims: the reported content of attributions, with the speaker and the verb that attribute
//! it (the relations suggester reads both).
//!
//! Patterns, strongest first (where two overlap, the first wins):
//! 1. **Quotation** in “…”, "…", «…» attributed right after its closing mark (“…,” X said;
//!    “…,” said X; “…” she told …) or right before its opening mark (X said: “…”; called the
//!    figures “…”; urged … to "…"). The claim is what is inside, from its first word to its
//!    last. A quotation right after "that" is left to pattern 2; one with no attribution next
//!    to it (scare quotes, "white list") is not a claim.
//! 2. **X said that CLAIM** (any reporting verb, "that" within eight words of it, no comma
//!    between: "told reporters in Seoul that"), and **X said CLAIM** without "that" for
//!    said/says. The claim runs to the end of the sentence; "…, but that B" and "… and that B"
//!    start a second claim, ", adding that B" a second one with the same speaker, ",
//!    according to" ends it.
//! 3. **According to X, CLAIM** (at the start of a sentence) and **CLAIM, according to X**.
//! 4. **CLAIM, X said [on Friday].** at the end of a sentence.
//! 5. **This was reported by X**: the sentence before is the claim.
//!
//! A claim ends at its last word: the sentence's final punctuation, the comma or period before
//! a closing quotation mark and the mark itself stay outside (the annotation guideline in
//! docs/suggestions.md). After a dateline ("SEOUL, March 14 —") a claim starts after the dash.

use super::reading::{in_lower, not_actors, quote_verbs, Reading};
use super::runs::{is_auxiliary, is_reporting_verb, Runs};
use super::speakers::{name_of, speaker_after, speaker_before};
use super::Why;
use crate::model::span::CharSpan;

/// A claim found by rule.
#[derive(Clone, Debug)]
pub(super) struct FoundClaim {
    pub span: CharSpan,
    pub why: Why,
    /// The speaker's name, when the attribution names one.
    pub speaker: Option<CharSpan>,
    /// The attribution's verb (or "according"): its sentence is where the claim's date is
    /// looked for.
    pub verb: usize,
}

fn priority(why: Why) -> u8 {
    match why {
        Why::Quotation => 0,
        Why::SaidThat => 1,
        Why::AccordingTo => 2,
        Why::ClaimSaid => 3,
        _ => 4,
    }
}

pub(super) fn find(reading: &Reading, runs: &Runs) -> Vec<FoundClaim> {
    let mut found = Vec::new();
    quotations(reading, runs, &mut found);
    for (s, e) in reading.sentences.iter().copied() {
        said_that(reading, runs, s, e, &mut found);
        according_to(reading, runs, s, e, &mut found);
        claim_said(reading, runs, s, e, &mut found);
        reported_by(reading, runs, s, e, &mut found);
    }
    // Strongest first, then longer; drop what overlaps a claim already kept.
    found.sort_by(|a, b| {
        priority(a.why)
            .cmp(&priority(b.why))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut taken = super::Taken::default();
    let mut kept: Vec<FoundClaim> = Vec::new();
    for claim in found {
        if taken.take(claim.span) {
            kept.push(claim);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Where a claim that starts a sentence starts: after a dateline's dash, if there is one.
fn content_start(reading: &Reading, s: usize, before: usize) -> usize {
    let mut start = s;
    for t in s..before {
        if reading.gap(t).contains(['—', '–']) && t + 1 < before {
            start = t + 1;
        }
    }
    start
}

fn push(
    reading: &Reading,
    found: &mut Vec<FoundClaim>,
    first: usize,
    last: usize,
    why: Why,
    speaker: Option<CharSpan>,
    verb: usize,
) {
    if last < first || last - first < 2 {
        return;
    }
    found.push(FoundClaim {
        span: reading.span(first, last),
        why,
        speaker,
        verb,
    });
}

fn quotations(reading: &Reading, runs: &Runs, found: &mut Vec<FoundClaim>) {
    let n = reading.len();
    // The attribution of the latest quotation that had one, and the sentence it ended in.
    let mut previous: Option<(usize, (usize, Option<CharSpan>))> = None;
    for quote in &reading.quotes {
        let Some(content) = quote.content else {
            continue;
        };
        let first_inside = reading.first_token_from(content.start);
        // The word before the opening mark, and what lies between.
        let before = reading.first_token_from(quote.open).checked_sub(1);
        if before.is_some_and(|p| reading.word(p) == "that") {
            continue;
        }
        let mut attribution: Option<(usize, Option<CharSpan>)> = None;
        // After: “…,” X said / “…,” said X.
        let after = reading.first_token_from(quote.close + 1);
        if after < n {
            let between = reading
                .index
                .slice(quote.close + 1, reading.tokens[after].start);
            if between.chars().all(|c| c == ',' || c == ' ') {
                if is_reporting_verb(reading, after) || in_lower(quote_verbs(), reading.word(after))
                {
                    attribution = Some((after, speaker_after(reading, runs, after)));
                } else {
                    let mut k = after;
                    while k < n && k < after + 9 {
                        if is_reporting_verb(reading, k) {
                            let speaker = speaker_before(reading, runs, k).or_else(|| {
                                (after..k).find_map(|t| {
                                    runs.at(t)
                                        .filter(|r| r.name.is_some())
                                        .and_then(|_| name_of(reading, runs, t))
                                })
                            });
                            attribution = Some((k, speaker));
                            break;
                        }
                        let gap = reading.gap(k);
                        let simple = matches!(gap, " " | "-" | "")
                            || (gap == ". " && reading.word(k).len() <= 4);
                        if !simple {
                            break;
                        }
                        k += 1;
                    }
                }
            }
        }
        // Before: X said: “…” / called the figures “…”.
        if attribution.is_none() {
            if let Some(p) = before {
                let (s, _) = reading.sentence(p);
                let between = reading.index.slice(reading.tokens[p].end, quote.open);
                if between.contains([':', ',']) {
                    if let Some(v) = (s..=p).rev().find(|&t| is_reporting_verb(reading, t)) {
                        let speaker = speaker_before(reading, runs, v)
                            .or_else(|| speaker_after(reading, runs, v));
                        attribution = Some((v, speaker));
                    }
                } else if between.trim().is_empty() {
                    let from = p.saturating_sub(3).max(s);
                    // A quote verb a few words before ("called the figures “…”"); a reporting
                    // verb only right before ("said “…”"): in "said it was “choppy”" the
                    // claim is the whole clause (pattern 2).
                    if let Some(v) = (from..=p).rev().find(|&t| {
                        (is_reporting_verb(reading, t) && t == p)
                            || in_lower(quote_verbs(), reading.word(t))
                    }) {
                        let plain = (v..p).all(|t| reading.gap(t) == " ")
                            && (v + 1..=p).all(|t| reading.word(t) != "that");
                        if plain {
                            attribution = Some((v, speaker_before(reading, runs, v)));
                        }
                    }
                }
            }
        }
        let last = reading.first_token_from(content.end) - 1;
        let sentence = reading.sentence_of[last] as usize;
        // A quotation that is a whole sentence right after an attributed one ("“…,” she
        // said. “…”") is the same speaker's.
        if attribution.is_none() {
            let (s, e) = reading.sentences[reading.sentence_of[first_inside] as usize];
            let whole =
                first_inside == s && last + 1 == e && reading.first_token_from(quote.close) == e;
            if let Some((at, earlier)) = previous {
                if whole && at + 1 == reading.sentence_of[first_inside] as usize {
                    attribution = Some(earlier);
                }
            }
        }
        if let Some(attributed) = attribution {
            previous = Some((sentence, attributed));
        }
        if let Some((verb, speaker)) = attribution {
            if last >= first_inside {
                found.push(FoundClaim {
                    span: reading.span(first_inside, last),
                    why: Why::Quotation,
                    speaker,
                    verb,
                });
            }
        }
    }
}

/// Where a claim that starts at `first` ends, and where the next one of the same attribution
/// starts ("…, but that B", "… and that B", ", adding that B"): (last token, next start).
fn claim_end(reading: &Reading, first: usize, e: usize) -> (usize, Option<usize>) {
    for k in first + 1..e {
        let word = reading.word(k);
        let comma = reading.gap_before(k).contains(',');
        let next_is_that = k + 1 < e && reading.word(k + 1) == "that";
        if (word == "but" || word == "and") && next_is_that {
            return (k - 1, Some(k + 2));
        }
        if comma && (word == "but" || word == "and") && k + 1 < e && reading.is_capitalised(k + 1) {
            return (k - 1, None);
        }
        if comma && word.ends_with("ing") && is_reporting_verb(reading, k) && next_is_that {
            return (k - 1, Some(k + 2));
        }
        // ", saying it would …": a second claim without "that".
        if comma
            && k + 1 < e
            && reading.gap(k) == " "
            && (word == "saying"
                || (matches!(word, "adding" | "arguing" | "insisting" | "warning")
                    && matches!(
                        reading.word(k + 1),
                        "it" | "he" | "she" | "they" | "we" | "I" | "there" | "this"
                    )))
            && !ends_said(reading.word(k + 1))
        {
            return (k - 1, Some(k + 1));
        }
        if comma
            && (word == "according" || word == "According")
            && k + 1 < e
            && reading.word(k + 1) == "to"
        {
            return (k - 1, None);
        }
    }
    (e - 1, None)
}

/// "has not said", "did not say": no claim follows.
pub(super) fn negated(reading: &Reading, v: usize) -> bool {
    let (s, _) = reading.sentence(v);
    let mut k = v;
    while k > s && is_auxiliary(reading.word(k - 1)) {
        k -= 1;
    }
    k > s && matches!(reading.word(k - 1), "not" | "n't" | "never")
}

pub(super) fn inside_quote(reading: &Reading, t: usize) -> bool {
    reading.quote_around(reading.tokens[t].start).is_some()
}

/// Words that, right after "said", show that no claim follows ("she said when asked").
fn ends_said(word: &str) -> bool {
    matches!(
        word,
        "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "in"
            | "at"
            | "on"
            | "during"
            | "to"
            | "of"
            | "by"
            | "with"
            | "through"
            | "and"
            | "but"
            | "last"
            | "earlier"
            | "yesterday"
            | "today"
            | "this"
            | "so"
            | "how"
            | "whether"
            | "why"
            | "what"
            | "where"
            | "who"
            | "which"
            | "if"
    )
}

/// Verbs by which a study or report states something ("the study found that …", "…, the
/// study found."): attributions only right before "that" or at the end of a sentence.
fn is_finding_verb(word: &str) -> bool {
    matches!(
        word,
        "found"
            | "finds"
            | "showed"
            | "shows"
            | "suggests"
            | "suggested"
            | "indicated"
            | "indicates"
    )
}

/// The last token of a time phrase that starts at `from` ("late on Thursday", "on Friday",
/// "last week"), read by the date grammar, if there is one.
fn time_phrase_end(reading: &Reading, from: usize, e: usize) -> Option<usize> {
    let mut first = from;
    while first < e && matches!(reading.word(first), "late" | "early" | "earlier" | "later") {
        first += 1;
    }
    let anchor = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
    let mut best = None;
    for j in first..(first + 4).min(e) {
        if j > first && reading.gap(j - 1) != " " {
            break;
        }
        let span = reading.span(first, j);
        let quote = reading.index.slice(span.start, span.end);
        if crate::model::dates::normalize(quote, anchor).is_some() {
            best = Some(j);
        }
    }
    best
}

fn said_that(reading: &Reading, runs: &Runs, s: usize, e: usize, found: &mut Vec<FoundClaim>) {
    let mut last_speaker: Option<CharSpan> = None;
    for v in s..e {
        let finding = is_finding_verb(reading.word(v))
            && v + 1 < e
            && reading.word(v + 1) == "that"
            && reading.gap(v) == " ";
        if !(is_reporting_verb(reading, v) || finding) || inside_quote(reading, v) {
            continue;
        }
        if negated(reading, v) {
            continue;
        }
        let participle = reading.word(v).ends_with("ing");
        let before = if participle {
            None
        } else {
            speaker_before(reading, runs, v)
        };
        let speaker = if participle {
            // ", arguing that …": the speaker of the sentence's verb, or its subject.
            last_speaker.or_else(|| {
                (v > s && reading.gap_before(v).contains(','))
                    .then(|| sentence_subject(reading, runs, s, v))
                    .flatten()
            })
        } else {
            before.or_else(|| speaker_after(reading, runs, v))
        };
        if !participle {
            last_speaker = speaker;
        }
        // "that" within eight words, no punctuation between.
        let mut that = None;
        for t in v + 1..(v + 9).min(e) {
            if !matches!(reading.gap_before(t), " ") {
                break;
            }
            if reading.word(t) == "that" {
                that = Some(t);
                break;
            }
            if is_reporting_verb(reading, t) {
                break;
            }
        }
        let mut start = match that {
            Some(t) => t + 1,
            None => {
                let word = reading.word(v);
                let said = matches!(word, "said" | "says" | "say" | "saying");
                let after_quote = reading.gap_before(v).contains(['”', '"', '»']);
                if !said || after_quote || v + 1 >= e || reading.gap(v) != " " {
                    continue;
                }
                // "said late on Thursday." is when, not what; "said on Friday it would …"
                // says what after when.
                let mut next = v + 1;
                if let Some(j) = time_phrase_end(reading, next, e) {
                    if j + 1 >= e || reading.gap(j) != " " {
                        continue;
                    }
                    next = j + 1;
                }
                if ends_said(reading.word(next))
                    || (before.is_none() && speaker_after(reading, runs, v).is_some())
                {
                    continue;
                }
                next
            }
        };
        while start < e {
            let (last, next) = claim_end(reading, start, e);
            push(reading, found, start, last, Why::SaidThat, speaker, v);
            match next {
                Some(n) => start = n,
                None => break,
            }
        }
    }
}

/// The name that starts the sentence (after "The"), when it is the subject of the sentence's
/// first verb: a run followed by a lower-case word.
fn sentence_subject(reading: &Reading, runs: &Runs, s: usize, before: usize) -> Option<CharSpan> {
    let mut t = s;
    if t < before
        && not_actors().contains(reading.word(t))
        && runs.at(t).is_none_or(|r| r.last == t)
    {
        t += 1;
    }
    let run = runs.at(t)?;
    if run.last + 1 >= before || reading.gap(run.last) != " " {
        return None;
    }
    let (a, _) = run.name?;
    (a == t || run.first == s)
        .then(|| name_of(reading, runs, a))
        .flatten()
}

fn according_to(reading: &Reading, runs: &Runs, s: usize, e: usize, found: &mut Vec<FoundClaim>) {
    for a in s..e.saturating_sub(2) {
        if !matches!(reading.word(a), "According" | "according") || reading.word(a + 1) != "to" {
            continue;
        }
        // X runs to the next comma or the end of the sentence.
        let mut x_end = a + 2;
        while x_end + 1 < e && !reading.gap(x_end).contains(',') {
            x_end += 1;
        }
        let speaker = (a + 2..=x_end).find_map(|t| {
            runs.at(t)
                .filter(|r| r.name.is_some())
                .and_then(|_| name_of(reading, runs, t))
        });
        let at_start = a == s || (a == s + 1 && reading.gap(s).contains(','));
        if at_start {
            let mut first = x_end + 1;
            // An apposition after X ("Thomas Vinje, a competition lawyer in Brussels,").
            if first < e && matches!(reading.word(first), "a" | "an") {
                if let Some(comma) =
                    (first..e.saturating_sub(4)).find(|&t| reading.gap(t).contains(','))
                {
                    first = comma + 1;
                }
            }
            if first < e {
                let (last, _) = claim_end(reading, first, e);
                push(reading, found, first, last, Why::AccordingTo, speaker, a);
            }
        } else if a > s && reading.gap_before(a).contains(',') {
            let first = content_start(reading, s, a);
            push(reading, found, first, a - 1, Why::AccordingTo, speaker, a);
        }
    }
}

fn claim_said(reading: &Reading, runs: &Runs, s: usize, e: usize, found: &mut Vec<FoundClaim>) {
    for v in s + 1..e {
        if !matches!(
            reading.word(v),
            "said"
                | "says"
                | "stated"
                | "reported"
                | "added"
                | "noted"
                | "announced"
                | "confirmed"
                | "found"
                | "suggests"
                | "suggested"
                | "showed"
                | "shows"
                | "warned"
                | "wrote"
                | "argued"
                | "concluded"
                | "estimated"
        ) || inside_quote(reading, v)
        {
            continue;
        }
        // After the verb: a few words to a comma or the end, no "that".
        let mut t = v;
        while t + 1 < e && !reading.gap(t).contains(',') && t < v + 6 {
            t += 1;
            if reading.word(t) == "that" {
                break;
            }
        }
        if reading.word(t) == "that" || (t + 1 < e && !reading.gap(t).contains(',')) {
            continue;
        }
        // Before it: the subject back to a comma, at most eleven words ("Vietnam’s Ministry
        // of Industry and Trade said").
        let mut k = v;
        while k > s && v - k < 12 {
            let gap = reading.gap_before(k);
            if gap.contains(',') {
                break;
            }
            let joined = matches!(gap, "-" | "‑" | "–")
                || (gap.is_empty() && matches!(reading.word(k), "s" | "'s" | "’s"));
            if gap != " " && !joined {
                k = s;
                break;
            }
            k -= 1;
        }
        if k <= s || k == v || !reading.gap_before(k).contains(',') {
            continue;
        }
        let gap = reading.gap_before(k);
        if gap.contains(['”', '"', '»']) {
            continue;
        }
        let first = content_start(reading, s, k - 1);
        let speaker = speaker_before(reading, runs, v);
        push(reading, found, first, k - 1, Why::ClaimSaid, speaker, v);
    }
}

fn reported_by(reading: &Reading, runs: &Runs, s: usize, e: usize, found: &mut Vec<FoundClaim>) {
    if s == 0 || e < s + 5 || reading.word(s) != "This" {
        return;
    }
    if !matches!(reading.word(s + 1), "was" | "is") || !is_reporting_verb(reading, s + 2) {
        return;
    }
    if reading.word(s + 3) != "by" || reading.gap_before(s).contains('\n') {
        return;
    }
    let (ps, pe) = reading.sentence(s - 1);
    let Some(speaker) = (s + 4..(s + 7).min(e)).find_map(|t| name_of(reading, runs, t)) else {
        return;
    };
    push(
        reading,
        found,
        ps,
        pe - 1,
        Why::ReportedBy,
        Some(speaker),
        s + 2,
    );
}
