//! The document text and its offset index.
//!
//! Three units meet here: Unicode code points (what we store and export, what Python's `str`
//! and the W3C `TextPositionSelector` count), UTF-16 code units (what the DOM's `Range`
//! reports) and UTF-8 bytes (what Rust slices). Each has its own newtype so that mixing them
//! fails to compile; every conversion goes through [`TextIndex`], which is built once per text.

use std::fmt;
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

pub use super::offset::{ByteOffset, CharOffset, Utf16Offset};

/// Why an offset from outside could not be turned into a code-point position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OffsetError {
    /// The offset lies beyond the end of the text.
    OutOfRange { offset: usize, len: usize },
    /// A UTF-16 offset between the two halves of a surrogate pair (inside an emoji, say).
    InsideSurrogatePair(Utf16Offset),
    /// A byte offset inside the UTF-8 encoding of one character.
    InsideCharacter(ByteOffset),
}

impl fmt::Display for OffsetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OffsetError::OutOfRange { offset, len } => {
                write!(f, "offset {offset} is beyond the end of the text ({len})")
            }
            OffsetError::InsideSurrogatePair(at) => {
                write!(f, "UTF-16 offset {at} falls inside a surrogate pair")
            }
            OffsetError::InsideCharacter(at) => {
                write!(f, "byte offset {at} falls inside a UTF-8 character")
            }
        }
    }
}

impl std::error::Error for OffsetError {}

/// Shortens text for messages and lists, cutting on a char boundary and adding an ellipsis.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// One line of the document as rendered: a paragraph, without its line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: CharOffset,
    pub end: CharOffset,
}

/// English clitics that UAX #29 keeps inside the word before them ("Pashinyan’s", "don’t",
/// "we’ll"), written with `'`; the text may use `'` or `’`, in either case.
const CLITIC_SUFFIXES: [&str; 7] = ["'s", "n't", "'ll", "'re", "'ve", "'d", "'m"];

/// The length in code points of the clitic that ends `word`, when something is left before
/// it: "Pashinyan’s" → 2, "don't" → 3, "’s" → `None`.
fn clitic_suffix_chars(word: &str) -> Option<usize> {
    if !word.contains(['\'', '’']) {
        return None;
    }
    let last: Vec<char> = word.chars().rev().take(3).collect();
    CLITIC_SUFFIXES.iter().find_map(|suffix| {
        let wanted = suffix.chars().rev();
        let length = suffix.len();
        let matches = last.len() >= length
            && last.iter().zip(wanted).all(|(&have, want)| {
                let have = if have == '’' { '\'' } else { have };
                have.eq_ignore_ascii_case(&want)
            });
        (matches && word.chars().count() > length).then_some(length)
    })
}

/// A word-boundary segment of the text: UAX #29, except that an English clitic ("’s", "n’t",
/// "’ll", …) is a segment of its own, so that snapping and word moves can stop before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordSegment {
    start: CharOffset,
    /// True when the segment holds a letter or digit, i.e. it is a word rather than
    /// whitespace or punctuation.
    is_word: bool,
    /// A clitic split off the word before it.
    is_clitic: bool,
}

/// The text with precomputed tables for every offset conversion and boundary query.
///
/// Memory is a few `u32`s per code point; a 1 MB article costs a few MB, paid once.
#[derive(Debug)]
pub struct TextIndex {
    text: String,
    /// `byte_at[i]` is the UTF-8 byte offset of code point `i`; one extra entry for the end.
    byte_at: Vec<u32>,
    /// `utf16_at[i]` is the UTF-16 offset of code point `i`; one extra entry for the end.
    utf16_at: Vec<u32>,
    /// Code-point offsets of every extended grapheme cluster boundary, ascending, including
    /// 0 and the end.
    grapheme_bounds: Vec<u32>,
    /// Built on first use ([`TextIndex::words`]): the import worker writes and reads files
    /// without ever asking for a word, and UAX #29's word rules were the biggest part of
    /// building the index of a long text (docs/performance.md); the page asks for them once
    /// it has drawn the text ([`TextIndex::prepare_words`]).
    words: OnceLock<Vec<WordSegment>>,
    paragraphs: Vec<Paragraph>,
}

/// Everything in an index follows from its text.
impl PartialEq for TextIndex {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for TextIndex {}

/// Calls `each` with the byte offset where each grapheme cluster of `text` starts, in order:
/// what `grapheme_indices(true)` gives, with the segmenter run only where it is needed. A
/// boundary between two ASCII characters is always there (no rule of UAX #29 joins them
/// but "\r\n") and nothing before it changes what follows it, so a run of ASCII is read
/// byte by byte, and the segmenter reads what lies between such boundaries. On the 1 MB
/// benchmark text the segmenter alone took 40 % of building the index (docs/performance.md).
fn grapheme_starts(text: &str, mut each: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    // Whether a cluster surely starts at `at`, and the segmenter may start afresh there.
    let plain_boundary = |at: usize| {
        at == 0
            || at == bytes.len()
            || (bytes[at - 1].is_ascii()
                && bytes[at].is_ascii()
                && (bytes[at - 1], bytes[at]) != (b'\r', b'\n'))
    };
    let mut start = 0;
    while start < bytes.len() {
        let mut end = start + 1;
        while !plain_boundary(end) {
            end += 1;
        }
        if end == start + 1 {
            each(start);
        } else {
            for (byte, _) in text[start..end].grapheme_indices(true) {
                each(start + byte);
            }
        }
        start = end;
    }
}

impl TextIndex {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut byte_at = Vec::with_capacity(text.len() + 1);
        let mut utf16_at = Vec::with_capacity(text.len() + 1);
        let mut utf16 = 0u32;
        for (byte, ch) in text.char_indices() {
            byte_at.push(byte as u32);
            utf16_at.push(utf16);
            utf16 += ch.len_utf16() as u32;
        }
        byte_at.push(text.len() as u32);
        utf16_at.push(utf16);

        let mut to_char = ByteToChar {
            byte_at: &byte_at,
            cursor: 0,
        };
        let mut grapheme_bounds = Vec::with_capacity(byte_at.len());
        grapheme_starts(&text, |byte| grapheme_bounds.push(to_char.at(byte)));
        grapheme_bounds.push((byte_at.len() - 1) as u32);

        let mut paragraphs = Vec::new();
        let mut line_start = 0usize;
        let mut chars_seen = 0usize;
        for ch in text.chars() {
            if ch == '\n' {
                paragraphs.push(Paragraph {
                    start: CharOffset(line_start),
                    end: CharOffset(chars_seen),
                });
                line_start = chars_seen + 1;
            }
            chars_seen += 1;
        }
        paragraphs.push(Paragraph {
            start: CharOffset(line_start),
            end: CharOffset(chars_seen),
        });

        TextIndex {
            text,
            byte_at,
            utf16_at,
            grapheme_bounds,
            words: OnceLock::new(),
            paragraphs,
        }
    }

    fn words(&self) -> &[WordSegment] {
        self.words
            .get_or_init(|| word_segments(&self.text, &self.byte_at, &self.grapheme_bounds))
    }

    /// Builds the word segments now, if they are not built yet: a long text's take tens of
    /// milliseconds, better spent once the page has drawn it than on the first selection.
    pub fn prepare_words(&self) {
        self.words();
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len_chars(&self) -> usize {
        self.byte_at.len() - 1
    }

    pub fn len_utf16(&self) -> usize {
        *self.utf16_at.last().unwrap_or(&0) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The lines of the text; a trailing line break yields a final empty paragraph.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The index of the paragraph holding `at` (a line break belongs to the line it ends).
    pub fn paragraph_of(&self, at: CharOffset) -> usize {
        match self.paragraphs.binary_search_by(|p| p.start.cmp(&at)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    fn check(&self, at: CharOffset) -> Result<(), OffsetError> {
        if at.0 > self.len_chars() {
            Err(OffsetError::OutOfRange {
                offset: at.0,
                len: self.len_chars(),
            })
        } else {
            Ok(())
        }
    }

    pub fn char_to_utf16(&self, at: CharOffset) -> Result<Utf16Offset, OffsetError> {
        self.check(at)?;
        Ok(Utf16Offset(self.utf16_at[at.0] as usize))
    }

    pub fn char_to_byte(&self, at: CharOffset) -> Result<ByteOffset, OffsetError> {
        self.check(at)?;
        Ok(ByteOffset(self.byte_at[at.0] as usize))
    }

    /// The one conversion from DOM offsets. An offset between the halves of a surrogate pair
    /// is an error, never silently rounded: the caller decides which way to snap.
    pub fn utf16_to_char(&self, at: Utf16Offset) -> Result<CharOffset, OffsetError> {
        match self.utf16_at.binary_search(&(at.0 as u32)) {
            Ok(i) => Ok(CharOffset(i)),
            Err(i) if i < self.utf16_at.len() => Err(OffsetError::InsideSurrogatePair(at)),
            Err(_) => Err(OffsetError::OutOfRange {
                offset: at.0,
                len: self.len_utf16(),
            }),
        }
    }

    pub fn byte_to_char(&self, at: ByteOffset) -> Result<CharOffset, OffsetError> {
        match self.byte_at.binary_search(&(at.0 as u32)) {
            Ok(i) => Ok(CharOffset(i)),
            Err(i) if i < self.byte_at.len() => Err(OffsetError::InsideCharacter(at)),
            Err(_) => Err(OffsetError::OutOfRange {
                offset: at.0,
                len: self.text.len(),
            }),
        }
    }

    /// The text between two code-point offsets. Offsets are clamped to the text, and an
    /// inverted range gives "".
    pub fn slice(&self, start: CharOffset, end: CharOffset) -> &str {
        let end = end.0.min(self.len_chars());
        let start = start.0.min(end);
        &self.text[self.byte_at[start] as usize..self.byte_at[end] as usize]
    }

    /// The character at a code-point offset, if any.
    pub fn char_at(&self, at: CharOffset) -> Option<char> {
        self.slice(at, CharOffset(at.0 + 1)).chars().next()
    }

    pub fn is_grapheme_boundary(&self, at: CharOffset) -> bool {
        self.grapheme_bounds.binary_search(&(at.0 as u32)).is_ok()
    }

    /// The nearest grapheme boundary at or before `at`.
    pub fn grapheme_floor(&self, at: CharOffset) -> CharOffset {
        let at = at.0.min(self.len_chars()) as u32;
        match self.grapheme_bounds.binary_search(&at) {
            Ok(_) => CharOffset(at as usize),
            Err(i) => CharOffset(self.grapheme_bounds[i.saturating_sub(1)] as usize),
        }
    }

    /// The nearest grapheme boundary at or after `at`.
    pub fn grapheme_ceil(&self, at: CharOffset) -> CharOffset {
        let at = at.0.min(self.len_chars()) as u32;
        match self.grapheme_bounds.binary_search(&at) {
            Ok(_) => CharOffset(at as usize),
            Err(i) => CharOffset(
                *self
                    .grapheme_bounds
                    .get(i)
                    .unwrap_or(&(self.len_chars() as u32)) as usize,
            ),
        }
    }

    fn word_segment_index(&self, at: CharOffset) -> usize {
        match self.words().binary_search_by(|w| w.start.cmp(&at)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    fn word_segment_end(&self, i: usize) -> CharOffset {
        self.words()
            .get(i + 1)
            .map_or(CharOffset(self.len_chars()), |w| w.start)
    }

    /// The word-boundary segment containing `at`: (start, end, is_word).
    pub fn word_segment_at(&self, at: CharOffset) -> Option<(CharOffset, CharOffset, bool)> {
        if at.0 >= self.len_chars() {
            return None;
        }
        let i = self.word_segment_index(at);
        let w = self.words().get(i)?;
        Some((w.start, self.word_segment_end(i), w.is_word))
    }

    /// Every word (letters or digits) of the text as a span, in order: UAX #29 words, with an
    /// English clitic ("’s") a word of its own, as snapping sees them. Whitespace and
    /// punctuation segments are left out.
    pub fn word_spans(&self) -> Vec<super::span::CharSpan> {
        let words = self.words();
        (0..words.len())
            .filter(|&i| words[i].is_word)
            .map(|i| super::span::CharSpan {
                start: words[i].start,
                end: self.word_segment_end(i),
            })
            .collect()
    }

    /// Whether a clitic split off the word before it ("’s" of "Pashinyan’s") starts at `at`.
    pub fn clitic_starts_at(&self, at: CharOffset) -> bool {
        let words = self.words();
        words
            .binary_search_by(|w| w.start.cmp(&at))
            .is_ok_and(|i| words[i].is_clitic)
    }

    /// The start of the next word (letters or digits) strictly after `at`, if any.
    pub fn next_word_start(&self, at: CharOffset) -> Option<CharOffset> {
        let i = self.word_segment_index(at);
        self.words()[i..]
            .iter()
            .find(|w| w.is_word && w.start > at)
            .map(|w| w.start)
    }

    /// The end of the previous word strictly before `at`, if any.
    pub fn prev_word_end(&self, at: CharOffset) -> Option<CharOffset> {
        let i = self.word_segment_index(at.0.saturating_sub(1).into());
        let words = self.words();
        (0..=i)
            .rev()
            .filter(|&j| words[j].is_word)
            .map(|j| self.word_segment_end(j))
            .find(|&end| end < at)
    }

    /// The end of the word that follows `at` (skipping spaces and punctuation), if any.
    pub fn next_word_end(&self, at: CharOffset) -> Option<CharOffset> {
        let i = self.word_segment_index(at);
        let words = self.words();
        (i..words.len())
            .filter(|&j| words[j].is_word)
            .map(|j| self.word_segment_end(j))
            .find(|&end| end > at)
    }

    /// The start of the word that precedes `at`, if any.
    pub fn prev_word_start(&self, at: CharOffset) -> Option<CharOffset> {
        if at.0 == 0 {
            return None;
        }
        let i = self.word_segment_index(CharOffset(at.0 - 1));
        let words = self.words();
        (0..=i)
            .rev()
            .filter(|&j| words[j].is_word)
            .map(|j| words[j].start)
            .find(|&start| start < at)
    }
}

/// UAX #29 word-boundary segments of `text`, with an English clitic a segment of its own
/// where a grapheme boundary allows it.
fn word_segments(text: &str, byte_at: &[u32], grapheme_bounds: &[u32]) -> Vec<WordSegment> {
    let mut to_char = ByteToChar { byte_at, cursor: 0 };
    let mut words = Vec::new();
    for (byte, piece) in text.split_word_bound_indices() {
        let start = CharOffset(to_char.at(byte) as usize);
        let is_word = piece.chars().any(char::is_alphanumeric);
        words.push(WordSegment {
            start,
            is_word,
            is_clitic: false,
        });
        if let Some(suffix_chars) = clitic_suffix_chars(piece) {
            let suffix_start = start.0 + piece.chars().count() - suffix_chars;
            if grapheme_bounds
                .binary_search(&(suffix_start as u32))
                .is_ok()
            {
                words.push(WordSegment {
                    start: CharOffset(suffix_start),
                    is_word: true,
                    is_clitic: true,
                });
            }
        }
    }
    words
}

/// Turns ascending byte offsets into code-point offsets with one forward cursor; a binary
/// search per boundary cost about 100 ms on a 1 MB text.
struct ByteToChar<'a> {
    byte_at: &'a [u32],
    cursor: usize,
}

impl ByteToChar<'_> {
    fn at(&mut self, byte: usize) -> u32 {
        while (self.byte_at[self.cursor] as usize) < byte {
            self.cursor += 1;
        }
        self.cursor as u32
    }
}

impl From<usize> for CharOffset {
    fn from(value: usize) -> Self {
        CharOffset(value)
    }
}

/// Whether a paragraph reads right to left: its first strongly directional character is
/// Hebrew, Arabic, Syriac, Thaana, N'Ko or another right-to-left script (the rule of HTML's
/// `dir="auto"`, decided once here instead of by the browser on every render). U+FEFF, the
/// byte-order mark, ends the Arabic presentation forms block but has no direction.
pub fn starts_right_to_left(text: &str) -> bool {
    let is_rtl = |c: char| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF);
    text.chars()
        .find(|&c| is_rtl(c) || c.is_alphabetic())
        .is_some_and(is_rtl)
}

/// Invisible characters that change how the text around them is shown: bidi embeddings,
/// overrides and isolates (U+202E makes "evil" read "live"), and zero-width spaces and joiners
/// that hide inside words. The view shows them as marks instead of applying them. Joiners
/// that shape text (ZWJ in emoji, ZWNJ in Persian) and the bidi marks of real Arabic or
/// Hebrew text (LRM, RLM, ALM) are left alone.
pub fn hidden_control_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}' => "LRE",
        '\u{202B}' => "RLE",
        '\u{202C}' => "PDF",
        '\u{202D}' => "LRO",
        '\u{202E}' => "RLO",
        '\u{2066}' => "LRI",
        '\u{2067}' => "RLI",
        '\u{2068}' => "FSI",
        '\u{2069}' => "PDI",
        '\u{200B}' => "ZWSP",
        '\u{2060}' => "WJ",
        '\u{FEFF}' => "BOM",
        _ => return None,
    })
}

/// A run of a segment's text: ordinary text, or one hidden control (with its short name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub control: Option<&'static str>,
}

/// Splits `text`, which starts at code point `base`, into ordinary runs and hidden controls.
pub fn split_hidden_controls(text: &str, base: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run_start = base;
    for (i, c) in text.chars().enumerate() {
        if let Some(name) = hidden_control_name(c) {
            let at = base + i;
            if at > run_start {
                runs.push(Run {
                    start: run_start,
                    end: at,
                    control: None,
                });
            }
            runs.push(Run {
                start: at,
                end: at + 1,
                control: Some(name),
            });
            run_start = at + 1;
        }
    }
    let end = base + text.chars().count();
    if end > run_start {
        runs.push(Run {
            start: run_start,
            end,
            control: None,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_follow_lines() {
        let index = TextIndex::new("ab\ncd\n");
        assert_eq!(
            index.paragraphs(),
            &[
                Paragraph {
                    start: CharOffset(0),
                    end: CharOffset(2)
                },
                Paragraph {
                    start: CharOffset(3),
                    end: CharOffset(5)
                },
                Paragraph {
                    start: CharOffset(6),
                    end: CharOffset(6)
                },
            ]
        );
        assert_eq!(index.paragraph_of(CharOffset(2)), 0);
        assert_eq!(index.paragraph_of(CharOffset(3)), 1);
    }
}
