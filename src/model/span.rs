//! Half-open code-point spans and the snapping that turns a rough mouse selection into a span
//! a reader would have meant.

use super::text::{CharOffset, TextIndex};
use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CharSpan {
    pub start: usize,
    pub end: usize,
}

impl CharSpan {
    pub fn new(start: CharOffset, end: CharOffset) -> Self {
        CharSpan {
            start: start.0.min(end.0),
            end: start.0.max(end.0),
        }
    }

    pub fn start(&self) -> CharOffset {
        CharOffset(self.start)
    }

    pub fn end(&self) -> CharOffset {
        CharOffset(self.end)
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, at: CharOffset) -> bool {
        self.start <= at.0 && at.0 < self.end
    }

    pub fn overlaps(&self, other: &CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How a raw selection is adjusted before it becomes a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapMode {
    /// Extend partial words to whole words and trim whitespace and punctuation at the edges.
    Words,
    /// Keep the selected characters (held Alt), only moving edges out of a grapheme cluster
    /// and trimming edge whitespace.
    Exact,
}

/// Adjusts a raw selection. Returns `None` when nothing meaningful is left (empty,
/// whitespace-only, or punctuation-only in word mode).
pub fn snap(index: &TextIndex, raw: CharSpan, mode: SnapMode) -> Option<CharSpan> {
    if raw.is_empty() {
        return None;
    }
    let len = index.len_chars();
    let mut start = CharOffset(raw.start.min(len));
    let mut end = CharOffset(raw.end.min(len));
    // Never split a grapheme: widen to the enclosing clusters.
    start = index.grapheme_floor(start);
    end = index.grapheme_ceil(end);

    if mode == SnapMode::Words {
        if let Some((word_start, _, true)) = index.word_segment_at(start) {
            start = word_start;
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
            start: index.prev_word_start(span.start())?.0,
            end: span.end,
        },
        (Edge::Start, Direction::Forward) => CharSpan {
            start: index.next_word_start(span.start())?.0,
            end: span.end,
        },
        (Edge::End, Direction::Forward) => CharSpan {
            start: span.start,
            end: index.next_word_end(span.end())?.0,
        },
        (Edge::End, Direction::Backward) => CharSpan {
            start: span.start,
            end: index.prev_word_end(span.end())?.0,
        },
    };
    (moved.start < moved.end).then_some(moved)
}
