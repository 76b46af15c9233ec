//! Half-open code-point spans and the snapping that turns a rough mouse selection into a span
//! a reader would have meant.

use super::text::{CharOffset, TextIndex};

/// A half-open range `[start, end)` in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharSpan {
    pub start: CharOffset,
    pub end: CharOffset,
}

impl CharSpan {
    /// The span between two offsets, whichever comes first.
    pub fn new(start: CharOffset, end: CharOffset) -> Self {
        CharSpan {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// The span between two code-point numbers as files and tests write them.
    pub fn at(start: usize, end: usize) -> Self {
        Self::new(CharOffset(start), CharOffset(end))
    }

    /// Length in code points.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, at: CharOffset) -> bool {
        self.start <= at && at < self.end
    }

    pub fn overlaps(&self, other: &CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Why a pair of offsets is not a span of a text. Every check of offsets from outside (files,
/// storage, a re-attached orphan) goes through [`check_span`], so they all say the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanError {
    /// `start` is not before `end`.
    NotOrdered { start: usize, end: usize },
    OutOfRange {
        start: usize,
        end: usize,
        len: usize,
    },
    /// An edge would cut a grapheme cluster (an emoji sequence, a letter with its accent).
    SplitsGrapheme { at: usize },
}

impl std::fmt::Display for SpanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpanError::NotOrdered { start, end } => write!(
                f,
                "start {start} must be smaller than end {end} (end is exclusive)"
            ),
            SpanError::OutOfRange { start, end, len } => {
                write!(
                    f,
                    "offsets {start}–{end} are outside the text (length {len})"
                )
            }
            SpanError::SplitsGrapheme { at } => {
                write!(f, "offset {at} splits a character (grapheme cluster)")
            }
        }
    }
}

impl std::error::Error for SpanError {}

/// Checks that `[start, end)` is a non-empty span inside the text whose edges fall between
/// grapheme clusters.
pub fn check_span(index: &TextIndex, start: usize, end: usize) -> Result<CharSpan, SpanError> {
    if start >= end {
        return Err(SpanError::NotOrdered { start, end });
    }
    let len = index.len_chars();
    if end > len {
        return Err(SpanError::OutOfRange { start, end, len });
    }
    for edge in [start, end] {
        if !index.is_grapheme_boundary(CharOffset(edge)) {
            return Err(SpanError::SplitsGrapheme { at: edge });
        }
    }
    Ok(CharSpan::at(start, end))
}

/// How a raw selection is adjusted before it becomes a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapMode {
    /// Extend partial words to whole words and trim whitespace and punctuation at the edges.
    /// Words are [`TextIndex`]'s: an English clitic ("’s", "n’t", "’ll", …) is a word of its
    /// own, so a selection ending in or just before "Pashinyan" of "Pashinyan’s" stops before
    /// the "’s", and one that reaches into the "’s" keeps it; one starting in the "’s" starts
    /// at "Pashinyan".
    Words,
    /// Keep the selected characters (held Alt; every keyboard selection), only moving edges
    /// out of a grapheme cluster and trimming edge whitespace.
    Exact,
}

/// Adjusts a raw selection. Returns `None` when nothing meaningful is left (empty,
/// whitespace-only, or punctuation-only in word mode).
pub fn snap(index: &TextIndex, raw: CharSpan, mode: SnapMode) -> Option<CharSpan> {
    if raw.is_empty() {
        return None;
    }
    let len = index.len_chars();
    let mut start = raw.start.min(CharOffset(len));
    let mut end = raw.end.min(CharOffset(len));
    // Never split a grapheme: widen to the enclosing clusters.
    start = index.grapheme_floor(start);
    end = index.grapheme_ceil(end);

    if mode == SnapMode::Words {
        if let Some((word_start, _, true)) = index.word_segment_at(start) {
            start = word_start;
            // A start in "’s" takes the word it belongs to: a span never starts with a clitic.
            if index.clitic_starts_at(word_start) {
                if let Some((host_start, _, _)) = index.word_segment_at(word_start - 1) {
                    start = host_start;
                }
            }
        }
        if end.0 > 0 {
            if let Some((_, word_end, true)) = index.word_segment_at(CharOffset(end.0 - 1)) {
                end = word_end;
            }
        }
        // Drop whole segments at the edges that are whitespace or punctuation only.
        while start < end {
            match index.word_segment_at(start) {
                Some((_, seg_end, false)) => start = seg_end.min(end),
                _ => break,
            }
        }
        while start < end {
            match index.word_segment_at(CharOffset(end.0 - 1)) {
                Some((seg_start, _, false)) => end = seg_start.max(start),
                _ => break,
            }
        }
    } else {
        while start < end && index.char_at(start).is_some_and(char::is_whitespace) {
            start = index.grapheme_ceil(CharOffset(start.0 + 1));
        }
        while start < end
            && index
                .char_at(CharOffset(end.0 - 1))
                .is_some_and(char::is_whitespace)
        {
            end = index.grapheme_floor(CharOffset(end.0 - 1));
        }
    }
    if start >= end {
        return None;
    }
    Some(CharSpan::new(start, end))
}

/// Which edge of a span a boundary adjustment moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// Which way an edge moves, by one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Backward,
    Forward,
}

/// Moves one edge of a span by a word, keeping the span non-empty. `None` when it cannot move.
pub fn nudge(index: &TextIndex, span: CharSpan, edge: Edge, dir: Direction) -> Option<CharSpan> {
    let moved = match (edge, dir) {
        (Edge::Start, Direction::Backward) => CharSpan {
            start: index.prev_word_start(span.start)?,
            end: span.end,
        },
        (Edge::Start, Direction::Forward) => CharSpan {
            start: index.next_word_start(span.start)?,
            end: span.end,
        },
        (Edge::End, Direction::Forward) => CharSpan {
            start: span.start,
            end: index.next_word_end(span.end)?,
        },
        (Edge::End, Direction::Backward) => CharSpan {
            start: span.start,
            end: index.prev_word_end(span.end)?,
        },
    };
    (moved.start < moved.end).then_some(moved)
}
