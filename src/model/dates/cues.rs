//! Whether a date's sentence speaks of the future: the cue words read around the date, nearest
//! first, that decide between the next such day and the latest one.

use crate::model::case::lowercase;

/// Words that put a sentence in the future ("will be held", "is scheduled for", "plans to").
pub(super) const FUTURE_CUES: &[&[&str]] = &[
    &["will"],
    &["'ll"],
    &["won't"],
    &["shall"],
    &["next"],
    &["upcoming"],
    &["forthcoming"],
    &["scheduled"],
    &["planned"],
    &["plans", "to"],
    &["plan", "to"],
    &["planning", "to"],
    &["intends", "to"],
    &["is", "due"],
    &["are", "due"],
    &["to", "be"],
    &["going", "to"],
    &["set", "to"],
    &["expected", "to"],
    &["is", "to"],
    &["are", "to"],
];

/// Words that put a sentence in the past; nearer the date than a future cue, they win ("said
/// on Friday that talks will resume" speaks of a past Friday).
pub(super) const PAST_CUES: &[&[&str]] = &[
    &["was"],
    &["were"],
    &["had"],
    &["has"],
    &["have"],
    &["did"],
    &["said"],
    &["ago"],
    &["last"],
    &["earlier"],
    &["previously"],
    &["already"],
];

/// The words of a stretch of text, lower case, contractions kept whole ("won't"), and the
/// contracted "will" as a word of its own ("it'll" → "it", "'ll").
pub(super) fn context_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in lowercase(text)
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
    {
        match word.strip_suffix("'ll") {
            Some(head) => words.extend([head.to_owned(), "'ll".to_owned()]),
            None => words.push(word.to_owned()),
        }
    }
    words
}

/// Whether the sentence around a date speaks of the future, and the cue that says so. The
/// words of the sentence before the date are read nearest first, then those after it; the
/// first future or past cue decides. Only the sentence that holds the date counts: the
/// context is cut at the last sentence end before the date and the first one after it.
pub fn future_cue(before: &str, after: &str) -> Option<String> {
    const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', ';', '\n'];
    let before = before.rsplit(SENTENCE_ENDS).next().unwrap_or("");
    let after = after.split(SENTENCE_ENDS).next().unwrap_or("");
    let (before, after) = (context_words(before), context_words(after));
    let cue_at = |words: &[String], i: usize| -> Option<(bool, String)> {
        let matches = |cue: &&&[&str]| {
            words.len() >= i + cue.len() && cue.iter().zip(&words[i..]).all(|(c, w)| c == w)
        };
        if let Some(cue) = FUTURE_CUES.iter().find(matches) {
            return Some((true, cue.join(" ")));
        }
        PAST_CUES
            .iter()
            .find(matches)
            .map(|_| (false, String::new()))
    };
    let nearest = (0..before.len())
        .rev()
        .find_map(|i| cue_at(&before, i))
        .or_else(|| (0..after.len()).find_map(|i| cue_at(&after, i)));
    match nearest {
        Some((true, cue)) => Some(cue),
        _ => None,
    }
}
