//! Re-anchoring: finding an annotation's place again in a text that changed since it was made
//! (a re-published article, changed whitespace, a fixed typo).
//!
//! Stages, each tried only when the one before fails, all in code points:
//! 1. **Position** — the stored offsets still hold the quote.
//! 2. **Exact quote** — the quote occurs elsewhere; occurrences are ranked by how well the
//!    text around them matches the stored prefix and suffix, then by nearness to the old
//!    position.
//! 3. **Whitespace-insensitive quote** — the quote occurs once runs of whitespace are folded.
//! 4. **Fuzzy** — candidate places come from exact hits of the prefix, the suffix and the
//!    quote's head and tail; each is scored by edit-distance similarity of quote and context.
//!    Only a score above [`FUZZY_THRESHOLD`] (with the quote itself above
//!    [`FUZZY_QUOTE_MIN`]) places the annotation. Edit distance costs the product of the
//!    two lengths, so one annotation compares at most [`FUZZY_BUDGET`] pairs of characters
//!    (a quote of some 7,000 characters against one candidate): a longer quote is placed
//!    only by the stages before, and a file cannot stall the page however it is made.
//! 5. Otherwise the annotation is an **orphan**: kept, shown, never attached to wrong text.

use super::sort;
use super::span::CharSpan;
use super::text::{ByteOffset, CharOffset, TextIndex};

/// Weights of the fuzzy score (as in the Hypothesis client: quote 50, prefix 20, suffix 20,
/// position 2), normalised to sum to 1.
pub const WEIGHT_QUOTE: f64 = 50.0 / 92.0;
pub const WEIGHT_PREFIX: f64 = 20.0 / 92.0;
pub const WEIGHT_SUFFIX: f64 = 20.0 / 92.0;
pub const WEIGHT_POSITION: f64 = 2.0 / 92.0;
/// The lowest combined score that still places an annotation fuzzily.
pub const FUZZY_THRESHOLD: f64 = 0.75;
/// The lowest similarity of the quote alone: context cannot rescue a quote that changed a lot.
pub const FUZZY_QUOTE_MIN: f64 = 0.8;
/// How many code points of the quote's head and tail are searched for fuzzy candidates.
const PROBE_CHARS: usize = 12;
/// Occurrences of one probe considered at most (nearest to the old position first).
const MAX_CANDIDATES_PER_PROBE: usize = 64;
/// How much of the stored prefix and suffix (the part next to the quote) is compared with
/// the text around a place, in code points; the app itself stores 32.
const CONTEXT_COMPARED_CHARS: usize = 64;
/// Pairs of characters the fuzzy stage compares at most for one annotation (quote length
/// times candidate length, summed over the candidates scored).
pub const FUZZY_BUDGET: usize = 50_000_000;

/// What the re-anchoring needs to know about an annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector<'a> {
    pub quote: &'a str,
    pub prefix: &'a str,
    pub suffix: &'a str,
    /// The old position (code points); a hint only.
    pub start: usize,
    pub end: usize,
}

/// Where an annotation landed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Same offsets, same quote.
    Exact(CharSpan),
    /// Same quote at other offsets.
    Moved(CharSpan),
    /// Text that differs a little (whitespace, a typo); the score is in 0..=1.
    Fuzzy(CharSpan, f64),
    /// No place good enough.
    Orphan,
}

impl Placement {
    pub fn span(&self) -> Option<CharSpan> {
        match *self {
            Placement::Exact(s) | Placement::Moved(s) | Placement::Fuzzy(s, _) => Some(s),
            Placement::Orphan => None,
        }
    }
}

/// How the annotations of an import found their places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnchorReport {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
    /// Links dropped because one of their ends became an orphan.
    pub links_dropped: usize,
}

impl AnchorReport {
    /// Counts where one annotation landed.
    pub fn count(&mut self, placement: &Placement) {
        match placement {
            Placement::Exact(_) => self.exact += 1,
            Placement::Moved(_) => self.moved += 1,
            Placement::Fuzzy(..) => self.fuzzy += 1,
            Placement::Orphan => self.orphaned += 1,
        }
    }
}

impl std::fmt::Display for AnchorReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} placed exactly, {} moved, {} matched fuzzily, {} orphaned",
            self.exact, self.moved, self.fuzzy, self.orphaned
        )?;
        if self.links_dropped > 0 {
            write!(
                f,
                ", {} links dropped with their orphans",
                self.links_dropped
            )?;
        }
        Ok(())
    }
}

fn on_boundaries(index: &TextIndex, span: CharSpan) -> bool {
    super::span::check_span(index, span.start.0, span.end.0).is_ok()
}

/// Every code-point offset where `needle` occurs in the text.
fn occurrences(index: &TextIndex, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return Vec::new();
    }
    let text = index.text();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(needle) {
        let byte = from + found;
        if let Ok(at) = index.byte_to_char(ByteOffset(byte)) {
            out.push(at.0);
        }
        // Step one character, so overlapping occurrences are found too.
        from = byte + text[byte..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Length of the common ending of two strings, in chars.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    strsim::normalized_levenshtein(a, b)
}

/// The most [`similarity`] can be for strings of these lengths (in chars): the distance is
/// at least the difference of the lengths (computed as strsim does, so the bound holds in
/// floating point too).
fn similarity_bound(a_len: usize, b_len: usize) -> f64 {
    match a_len.max(b_len) {
        0 => 1.0,
        longest => 1.0 - a_len.abs_diff(b_len) as f64 / longest as f64,
    }
}

/// How well the text around `span` matches the stored context (the part of it next to the
/// quote), in 0..=1.
fn context_score(index: &TextIndex, selector: &Selector, span: CharSpan) -> (f64, f64) {
    let prefix = tail(selector.prefix, CONTEXT_COMPARED_CHARS);
    let suffix = head(selector.suffix, CONTEXT_COMPARED_CHARS);
    let before = index.slice(
        span.start.saturating_sub(prefix.chars().count()),
        span.start,
    );
    let after = index.slice(span.end, span.end + suffix.chars().count());
    (similarity(prefix, before), similarity(suffix, after))
}

fn position_score(index: &TextIndex, selector: &Selector, start: usize) -> f64 {
    let len = index.len_chars().max(1) as f64;
    1.0 - (start.abs_diff(selector.start) as f64 / len).min(1.0)
}

/// Places annotations in one target text; whatever is built for the text (the
/// whitespace-folded copy) is built once, on first need, and shared by every annotation.
pub struct Anchorer<'a> {
    index: &'a TextIndex,
    folded: std::cell::OnceCell<(TextIndex, Vec<usize>)>,
}

impl<'a> Anchorer<'a> {
    pub fn new(index: &'a TextIndex) -> Self {
        Anchorer {
            index,
            folded: std::cell::OnceCell::new(),
        }
    }

    pub fn place(&self, selector: &Selector) -> Placement {
        place_with(self.index, selector, || {
            self.folded.get_or_init(|| {
                let (text, origin) = fold_whitespace(self.index.text());
                (TextIndex::new(text), origin)
            })
        })
    }
}

/// Places one annotation in `index` (for many, use an [`Anchorer`]).
pub fn place(index: &TextIndex, selector: &Selector) -> Placement {
    Anchorer::new(index).place(selector)
}

fn place_with<'f>(
    index: &TextIndex,
    selector: &Selector,
    folded: impl FnOnce() -> &'f (TextIndex, Vec<usize>),
) -> Placement {
    let quote_len = selector.quote.chars().count();
    if quote_len == 0 {
        return Placement::Orphan;
    }
    // 1. Position.
    let old = CharSpan {
        start: CharOffset(selector.start),
        end: CharOffset(selector.end),
    };
    if old.end <= CharOffset(index.len_chars())
        && old.start < old.end
        && index.slice(old.start, old.end) == selector.quote
        && on_boundaries(index, old)
    {
        return Placement::Exact(old);
    }

    // 2. Exact quote, best context first, then nearest.
    let best_exact = occurrences(index, selector.quote)
        .into_iter()
        .map(|start| CharSpan {
            start: CharOffset(start),
            end: CharOffset(start + quote_len),
        })
        .filter(|&span| on_boundaries(index, span))
        .max_by_key(|&span| {
            let before = index.slice(
                span.start.saturating_sub(CONTEXT_COMPARED_CHARS),
                span.start,
            );
            let after = index.slice(span.end, span.end + CONTEXT_COMPARED_CHARS);
            let context = common_suffix_chars(before, selector.prefix)
                + common_prefix_chars(after, selector.suffix);
            (
                context,
                std::cmp::Reverse(span.start.0.abs_diff(selector.start)),
            )
        });
    if let Some(span) = best_exact {
        return Placement::Moved(span);
    }

    // 3. Whitespace-insensitive quote.
    if let Some(span) = find_folding_whitespace(index, selector, folded) {
        return Placement::Fuzzy(span, 1.0);
    }

    // 4. Fuzzy.
    fuzzy(index, selector, quote_len)
}

/// Folds runs of whitespace to one space, keeping where each folded char came from.
fn fold_whitespace(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (i, ch) in text.chars().enumerate() {
        if ch.is_whitespace() {
            if !in_space {
                folded.push(' ');
                origin.push(i);
            }
            in_space = true;
        } else {
            folded.push(ch);
            origin.push(i);
            in_space = false;
        }
    }
    (folded, origin)
}

fn find_folding_whitespace<'f>(
    index: &TextIndex,
    selector: &Selector,
    folded: impl FnOnce() -> &'f (TextIndex, Vec<usize>),
) -> Option<CharSpan> {
    let (quote, _) = fold_whitespace(selector.quote.trim());
    if quote.is_empty() {
        return None;
    }
    let (folded_index, origin) = folded();
    let quote_len = quote.chars().count();
    occurrences(folded_index, &quote)
        .into_iter()
        .map(|at| {
            let start = origin[at];
            let end = origin[at + quote_len - 1] + 1;
            CharSpan {
                start: CharOffset(start),
                end: CharOffset(end),
            }
        })
        .filter(|&span| on_boundaries(index, span))
        .min_by_key(|span| span.start.0.abs_diff(selector.start))
}

fn head(text: &str, chars: usize) -> &str {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b);
    &text[..end]
}

fn tail(text: &str, chars: usize) -> &str {
    let count = text.chars().count();
    let start = text
        .char_indices()
        .nth(count.saturating_sub(chars))
        .map_or(0, |(b, _)| b);
    &text[start..]
}

fn nearest(mut hits: Vec<usize>, to: usize) -> Vec<usize> {
    sort::sort_by_key(&mut hits, |&h| h.abs_diff(to));
    hits.truncate(MAX_CANDIDATES_PER_PROBE);
    hits
}

fn fuzzy(index: &TextIndex, selector: &Selector, quote_len: usize) -> Placement {
    let len = index.len_chars();
    let probe_head = head(selector.quote, PROBE_CHARS);
    let probe_tail = tail(selector.quote, PROBE_CHARS);
    let tail_len = probe_tail.chars().count();
    let mut starts: Vec<usize> = nearest(occurrences(index, probe_head), selector.start);
    let mut ends: Vec<usize> = nearest(occurrences(index, probe_tail), selector.end)
        .into_iter()
        .map(|at| at + tail_len)
        .collect();
    if selector.prefix.chars().count() >= 8 {
        let prefix_len = selector.prefix.chars().count();
        starts.extend(
            nearest(occurrences(index, selector.prefix), selector.start)
                .into_iter()
                .map(|at| at + prefix_len),
        );
    }
    if selector.suffix.chars().count() >= 8 {
        ends.extend(nearest(occurrences(index, selector.suffix), selector.end));
    }
    // Pair each start with the ends at a plausible distance, or with start + quote length.
    let mut candidates: Vec<CharSpan> = Vec::new();
    let (min_len, max_len) = (quote_len / 2, quote_len + quote_len / 2 + 1);
    for &start in &starts {
        let mut paired = false;
        for &end in &ends {
            if end > start && (min_len..=max_len).contains(&(end - start)) {
                candidates.push(CharSpan {
                    start: CharOffset(start),
                    end: CharOffset(end),
                });
                paired = true;
            }
        }
        if !paired {
            candidates.push(CharSpan {
                start: CharOffset(start),
                end: CharOffset((start + quote_len).min(len)),
            });
        }
    }
    for &end in &ends {
        candidates.push(CharSpan {
            start: CharOffset(end.saturating_sub(quote_len)),
            end: CharOffset(end),
        });
    }

    let mut best: Option<(f64, CharSpan)> = None;
    let mut scored = std::collections::HashSet::new();
    let mut budget = FUZZY_BUDGET;
    for raw in candidates {
        let span = CharSpan {
            start: index.grapheme_floor(raw.start),
            end: index.grapheme_ceil(raw.end),
        };
        let Some(span) = trim_whitespace(index, span) else {
            continue;
        };
        // The same place from several probes scores the same: once is enough.
        if !scored.insert(span) {
            continue;
        }
        let span_len = span.end - span.start;
        // Lengths too far apart cannot reach the minimum; not worth an edit distance.
        if similarity_bound(quote_len, span_len) < FUZZY_QUOTE_MIN {
            continue;
        }
        let Some(left) = budget.checked_sub(quote_len.saturating_mul(span_len)) else {
            continue;
        };
        budget = left;
        let quote_score = similarity(selector.quote, index.slice(span.start, span.end));
        if quote_score < FUZZY_QUOTE_MIN {
            continue;
        }
        let (prefix_score, suffix_score) = context_score(index, selector, span);
        let score = WEIGHT_QUOTE * quote_score
            + WEIGHT_PREFIX * prefix_score
            + WEIGHT_SUFFIX * suffix_score
            + WEIGHT_POSITION * position_score(index, selector, span.start.0);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, span));
        }
    }
    match best {
        Some((score, span)) if score >= FUZZY_THRESHOLD => Placement::Fuzzy(span, score),
        _ => Placement::Orphan,
    }
}

/// Drops whitespace at either end of a candidate span. White space may begin or end a
/// grapheme (a space carrying a combining mark): such a grapheme is left out whole, never
/// cut, so the span stays on boundaries.
fn trim_whitespace(index: &TextIndex, span: CharSpan) -> Option<CharSpan> {
    let text = index.slice(span.start, span.end);
    let leading = text.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    let trimmed = CharSpan {
        start: index.grapheme_ceil(span.start + leading),
        end: index.grapheme_floor(span.end.saturating_sub(trailing)),
    };
    (trimmed.start < trimmed.end).then_some(trimmed)
}
