//! The keyboard caret moves by user-perceived characters, words and paragraphs.

use annotator::model::caret::{move_caret, selection_span, Move};
use annotator::model::{CharOffset, TextIndex};
use proptest::prelude::*;

fn walk(text: &str, from: usize, mv: Move, times: usize) -> usize {
    let index = TextIndex::new(text);
    let mut at = CharOffset(from);
    for _ in 0..times {
        at = move_caret(&index, at, mv);
    }
    at.0
}

#[test]
fn a_character_step_crosses_a_whole_grapheme() {
    // 👩🏽‍💼 is four code points, 🇦🇲 two, é (e + combining acute) two.
    let text = "a👩🏽‍💼b🇦🇲e\u{301}!";
    assert_eq!(walk(text, 0, Move::CharForward, 1), 1);
    assert_eq!(walk(text, 0, Move::CharForward, 2), 5);
    assert_eq!(walk(text, 0, Move::CharForward, 4), 8);
    assert_eq!(walk(text, 0, Move::CharForward, 5), 10);
    assert_eq!(walk(text, 10, Move::CharBack, 1), 8);
    assert_eq!(walk(text, 10, Move::CharBack, 9), 0);
    assert_eq!(walk(text, 11, Move::CharForward, 3), 11);
}

#[test]
fn word_steps_land_on_word_edges() {
    let text = "Sergey Lavrov said: “relations”.";
    assert_eq!(walk(text, 0, Move::WordForward, 1), 6);
    assert_eq!(walk(text, 0, Move::WordForward, 2), 13);
    assert_eq!(walk(text, 6, Move::WordForward, 3), 30);
    assert_eq!(walk(text, 13, Move::WordBack, 1), 7);
    assert_eq!(walk(text, 9, Move::WordBack, 1), 7);
    assert_eq!(walk(text, 3, Move::WordBack, 2), 0);
    assert_eq!(walk(text, 30, Move::WordForward, 1), 32);
}

#[test]
fn word_steps_stop_before_a_clitic_and_then_after_it() {
    // "Nikol Pashinyan’s office": Pashinyan ends at 15, "’s" at 17.
    for text in ["Nikol Pashinyan’s office", "Nikol Pashinyan's office"] {
        assert_eq!(walk(text, 0, Move::WordForward, 2), 15, "{text}");
        assert_eq!(walk(text, 0, Move::WordForward, 3), 17, "{text}");
        assert_eq!(walk(text, 17, Move::WordBack, 1), 15, "{text}");
        assert_eq!(walk(text, 17, Move::WordBack, 2), 6, "{text}");
    }
    // "don’t": "do" then "n’t".
    assert_eq!(walk("we don’t", 0, Move::WordForward, 2), 5);
    assert_eq!(walk("we don’t", 0, Move::WordForward, 3), 8);
}

#[test]
fn paragraph_moves_stay_on_the_line() {
    let text = "First line.\nSecond line here.\n\nFourth.";
    assert_eq!(walk(text, 15, Move::ParagraphStart, 1), 12);
    assert_eq!(walk(text, 15, Move::ParagraphEnd, 1), 29);
    assert_eq!(walk(text, 3, Move::ParagraphEnd, 1), 11);
    assert_eq!(walk(text, 30, Move::ParagraphEnd, 1), 30);
    assert_eq!(walk(text, 15, Move::TextEnd, 1), 38);
    assert_eq!(walk(text, 15, Move::TextStart, 1), 0);
}

#[test]
fn arrows_read_backwards_in_right_to_left_paragraphs() {
    assert_eq!(Move::for_arrow(true, false, false), Move::CharBack);
    assert_eq!(Move::for_arrow(true, false, true), Move::CharForward);
    assert_eq!(Move::for_arrow(false, true, true), Move::WordBack);
    assert_eq!(Move::for_arrow(false, true, false), Move::WordForward);
}

#[test]
fn a_selection_runs_from_the_smaller_end() {
    assert_eq!(selection_span(CharOffset(5), CharOffset(5)), None);
    let span = selection_span(CharOffset(9), CharOffset(2)).unwrap();
    assert_eq!((span.start.0, span.end.0), (2, 9));
}

proptest! {
    #[test]
    fn every_move_lands_on_a_grapheme_boundary(
        text in "(\\PC|👩🏽‍💼|🇦🇲|e\u{301}|\n| ){0,40}",
        from in 0usize..60,
        moves in proptest::collection::vec(0usize..8, 1..12),
    ) {
        let index = TextIndex::new(text.as_str());
        let all = [Move::CharBack, Move::CharForward, Move::WordBack, Move::WordForward,
            Move::ParagraphStart, Move::ParagraphEnd, Move::TextStart, Move::TextEnd];
        let mut at = CharOffset(from.min(index.len_chars()));
        for m in moves {
            at = move_caret(&index, at, all[m]);
            prop_assert!(at.0 <= index.len_chars());
            prop_assert!(index.is_grapheme_boundary(at), "{:?} after {:?}", at, all[m]);
        }
    }
}
