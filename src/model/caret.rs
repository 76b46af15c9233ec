//! The keyboard caret: where each movement key takes it, in code points, never inside a
//! grapheme cluster. Line moves (up/down) depend on layout and are done by the bridge.

use super::span::CharSpan;
use super::text::{CharOffset, TextIndex};

/// A caret movement in logical (reading) order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// One user-perceived character back or forward.
    CharBack,
    CharForward,
    /// To the start of this or the previous word / the end of this or the next word.
    WordBack,
    WordForward,
    /// To the start / end of the paragraph.
    ParagraphStart,
    ParagraphEnd,
    /// To the start / end of the text.
    TextStart,
    TextEnd,
}

impl Move {
    /// The logical move for a horizontal arrow key: in a right-to-left paragraph, the left
    /// arrow reads forward.
    pub fn for_arrow(left: bool, by_word: bool, right_to_left: bool) -> Move {
        let back = left != right_to_left;
        match (back, by_word) {
            (true, false) => Move::CharBack,
            (false, false) => Move::CharForward,
            (true, true) => Move::WordBack,
            (false, true) => Move::WordForward,
        }
    }
}

/// Where `mv` takes a caret at `at`. Paragraph moves stop before the line break, so the
/// caret stays on its line.
pub fn move_caret(index: &TextIndex, at: CharOffset, mv: Move) -> CharOffset {
    let len = index.len_chars();
    let at = index.grapheme_floor(CharOffset(at.0.min(len)));
    match mv {
        Move::CharBack if at.0 == 0 => at,
        Move::CharBack => index.grapheme_floor(CharOffset(at.0 - 1)),
        Move::CharForward if at.0 >= len => at,
        Move::CharForward => index.grapheme_ceil(CharOffset(at.0 + 1)),
        Move::WordBack => index.prev_word_start(at).unwrap_or(CharOffset(0)),
        Move::WordForward => index.next_word_end(at).unwrap_or(CharOffset(len)),
        Move::ParagraphStart => index.paragraphs()[index.paragraph_of(at)].start,
        Move::ParagraphEnd => {
            let p = index.paragraphs()[index.paragraph_of(at)];
            let text = index.slice(p.start, p.end);
            let breaks = text
                .chars()
                .rev()
                .take_while(|c| matches!(c, '\n' | '\r'))
                .count();
            CharOffset(p.end.0 - breaks)
        }
        Move::TextStart => CharOffset(0),
        Move::TextEnd => CharOffset(len),
    }
}

/// The span between a keyboard selection's anchor and its caret (`None` when they meet).
pub fn selection_span(anchor: CharOffset, caret: CharOffset) -> Option<CharSpan> {
    (anchor != caret).then(|| CharSpan::new(anchor.min(caret), anchor.max(caret)))
}
