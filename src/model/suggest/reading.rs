//! One reading of the text that every suggester shares: its words (as [`TextIndex`] segments
//! them, so every span edge is a word boundary), its sentences, its quotations and the word
//! lists of this folder.
//!
//! **Sentences** end at a line break, or at `.`, `!` or `?` (with any closing quotation marks
//! or brackets after them) followed by a space and a word that starts with a capital letter or
//! a digit, or by an opening quotation mark. A period after an abbreviation of
//! `abbreviations.txt` ("Mr.", "Dec."), after a single capital letter (an initial) or after a
//! word with a period inside ("U.S.") does not end a sentence.
//!
//! **Quotations** are “…”, «…», „…“ and "…" (a straight mark opens after a space, a bracket, a
//! dash or at the start of a line, and closes otherwise), within one line.

use super::super::span::CharSpan;
use super::super::text::{CharOffset, TextIndex};
use std::collections::HashSet;
use std::sync::OnceLock;

fn list(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub(super) fn $name() -> &'static HashSet<&'static str> {
            static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| list(include_str!($file)))
        }
    };
}

word_list!(
    /// Titles and roles before a name, lower case.
    roles,
    "roles.txt"
);
word_list!(
    /// Reporting verbs in every written form, lower case.
    reporting_verbs,
    "reporting_verbs.txt"
);
word_list!(
    /// Verbs that take a quoted fragment as what was said ("called … “…”"), lower case.
    quote_verbs,
    "quote_verbs.txt"
);
word_list!(
    /// Head words of organisations' names, as written.
    org_heads,
    "org_heads.txt"
);
word_list!(
    /// Abbreviations written with a period that does not end a sentence, as written.
    abbreviations,
    "abbreviations.txt"
);
word_list!(
    /// Capitalised words that are never actors on their own, as written.
    not_actors,
    "not_actors.txt"
);
word_list!(
    /// Lower-case particles inside persons' names.
    name_particles,
    "name_particles.txt"
);
word_list!(
    /// Last words of companies', clubs' and newspapers' names of two words or more, as written.
    name_ends,
    "name_ends.txt"
);
word_list!(
    /// First words of clubs' names of two words or more, as written.
    name_starts,
    "name_starts.txt"
);
word_list!(
    /// Nouns that say the name next to them is an organisation's, lower case.
    org_nouns,
    "org_nouns.txt"
);

/// Whether `word` is in a lower-case list, ignoring ASCII case.
pub(super) fn in_lower(set: &HashSet<&'static str>, word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        set.contains(word.to_ascii_lowercase().as_str())
    } else {
        set.contains(word)
    }
}

/// A quotation: where its marks are and what it holds (trimmed of spaces and punctuation at
/// its edges, so on word boundaries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Quote {
    /// The opening mark.
    pub open: CharOffset,
    /// The closing mark.
    pub close: CharOffset,
    /// The words inside, from the first to the last; `None` when there are none.
    pub content: Option<CharSpan>,
}

pub(super) struct Reading<'a> {
    pub index: &'a TextIndex,
    /// Every word, in order.
    pub tokens: Vec<CharSpan>,
    /// Token ranges `[first, end)` of the sentences, in order; every token is in one.
    pub sentences: Vec<(usize, usize)>,
    /// The sentence of each token.
    pub sentence_of: Vec<u32>,
    pub quotes: Vec<Quote>,
    /// Capitalised words seen somewhere other than at the start of a sentence: evidence that a
    /// word is a name even where it starts a sentence.
    pub proper: HashSet<&'a str>,
}

impl<'a> Reading<'a> {
    pub fn new(index: &'a TextIndex) -> Self {
        let tokens = index.word_spans();
        let mut reading = Reading {
            index,
            tokens,
            sentences: Vec::new(),
            sentence_of: Vec::new(),
            quotes: Vec::new(),
            proper: HashSet::new(),
        };
        reading.split_sentences();
        reading.find_quotes();
        for i in 0..reading.tokens.len() {
            if !reading.starts_sentence(i) && reading.is_capitalised(i) {
                let word = reading.word(i);
                reading.proper.insert(word);
            }
        }
        reading
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.index.slice(self.tokens[i].start, self.tokens[i].end)
    }

    /// The text between token `i` and the next one (to the end of the text after the last).
    pub fn gap(&self, i: usize) -> &'a str {
        let end = self
            .tokens
            .get(i + 1)
            .map_or(CharOffset(self.index.len_chars()), |t| t.start);
        self.index.slice(self.tokens[i].end, end)
    }

    /// The text before token `i` back to the previous token (or the start of the text).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 {
            CharOffset(0)
        } else {
            self.tokens[i - 1].end
        };
        self.index.slice(start, self.tokens[i].start)
    }

    pub fn starts_sentence(&self, i: usize) -> bool {
        i == 0 || self.sentence_of[i - 1] != self.sentence_of[i]
    }

    pub fn sentence(&self, i: usize) -> (usize, usize) {
        self.sentences[self.sentence_of[i] as usize]
    }

    /// The word starts with a capital letter (an all-capital acronym counts), after any marks
    /// of transliteration ("ʿAbd").
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.word(i)
            .chars()
            .find(|c| !matches!(c, 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' | '\'' | '’'))
            .is_some_and(char::is_uppercase)
    }

    /// A word of two to eight capital letters ("MFA", "CSTO"), digits allowed after the first.
    pub fn is_acronym(&self, i: usize) -> bool {
        let word = self.word(i);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        (2..=8).contains(&word.chars().count())
            && letters >= 2
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// The first token that starts at or after `at`.
    pub fn first_token_from(&self, at: CharOffset) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// The span from token `first` to token `last`, both included.
    pub fn span(&self, first: usize, last: usize) -> CharSpan {
        CharSpan {
            start: self.tokens[first].start,
            end: self.tokens[last].end,
        }
    }

    /// The words between two offsets as a span from the first to the last word, or `None`.
    pub fn words_within(&self, start: CharOffset, end: CharOffset) -> Option<CharSpan> {
        let first = self.first_token_from(start);
        let after = self.tokens.partition_point(|t| t.end <= end);
        (first < after).then(|| self.span(first, after - 1))
    }

    /// The quotation whose marks enclose `at`, if any.
    pub fn quote_around(&self, at: CharOffset) -> Option<&Quote> {
        let i = self.quotes.partition_point(|q| q.open < at);
        i.checked_sub(1)
            .map(|i| &self.quotes[i])
            .filter(|q| at < q.close)
    }

    fn ends_sentence_after(&self, i: usize) -> bool {
        let gap = self.gap(i);
        if gap.contains('\n') {
            return true;
        }
        let Some(next) = self.tokens.get(i + 1) else {
            return true;
        };
        let Some(stop) = gap.find(['.', '!', '?']) else {
            return false;
        };
        // Only closing marks between the stop and the space.
        let after_stop = &gap[stop + 1..];
        let rest =
            after_stop.trim_start_matches(['.', '!', '?', '”', '’', '"', '»', ')', ']', '\'']);
        if !rest.starts_with(char::is_whitespace) {
            return false;
        }
        let opener = rest.trim_start();
        let next_starts = opener.is_empty()
            && self
                .index
                .char_at(next.start)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let opens_quote = opener.starts_with(['“', '"', '«', '„', '‘', '(']);
        if !(next_starts || opens_quote) {
            return false;
        }
        if stop == 0 && gap.starts_with('.') {
            let word = self.word(i);
            let mut chars = word.chars();
            let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
            if initial || word.contains('.') || abbreviations().contains(word) {
                return false;
            }
        }
        true
    }

    fn split_sentences(&mut self) {
        let n = self.tokens.len();
        self.sentence_of = Vec::with_capacity(n);
        let mut first = 0;
        for i in 0..n {
            self.sentence_of.push(self.sentences.len() as u32);
            if self.ends_sentence_after(i) {
                self.sentences.push((first, i + 1));
                first = i + 1;
            }
        }
        if first < n {
            self.sentences.push((first, n));
        }
    }

    fn find_quotes(&mut self) {
        let text = self.index.text();
        let mut open: Option<(CharOffset, char)> = None;
        let mut previous: Option<char> = None;
        for (at, c) in text.chars().enumerate() {
            let at = CharOffset(at);
            match (open, c) {
                (_, '\n') => open = None,
                (None, '“' | '«' | '„') => open = Some((at, c)),
                (Some((start, '“')), '”')
                | (Some((start, '«')), '»')
                | (Some((start, '„')), '“') => {
                    self.push_quote(start, at);
                    open = None;
                }
                (Some((start, '"')), '"') => {
                    self.push_quote(start, at);
                    open = None;
                }
                (None, '"')
                    if previous.is_none_or(|p| {
                        p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-')
                    }) =>
                {
                    open = Some((at, c));
                }
                _ => {}
            }
            previous = Some(c);
        }
    }

    fn push_quote(&mut self, open: CharOffset, close: CharOffset) {
        let content = self.words_within(open + 1, close);
        self.quotes.push(Quote {
            open,
            close,
            content,
        });
    }
}
