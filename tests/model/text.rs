//! The offset index: code points ⇄ UTF-16 units ⇄ UTF-8 bytes on hard text.

use annotator::model::text::{ByteOffset, CharOffset, OffsetError, TextIndex, Utf16Offset};

/// Curly quotes, a flag, a ZWJ sequence with a skin tone, a combining accent, CJK, Armenian.
const HARD: &str = "“Hi” 🇦🇲 👨🏻‍🚒 Cafe\u{301} 中文 Հայաստան’s";

#[test]
fn round_trips_every_code_point_in_all_units() {
    let index = TextIndex::new(HARD);
    assert_eq!(index.len_chars(), HARD.chars().count());
    assert_eq!(index.len_utf16(), HARD.encode_utf16().count());
    let mut utf16 = 0;
    for (char_pos, (byte, ch)) in HARD.char_indices().enumerate() {
        let at = CharOffset(char_pos);
        assert_eq!(index.char_to_byte(at), Ok(ByteOffset(byte)));
        assert_eq!(index.char_to_utf16(at), Ok(Utf16Offset(utf16)));
        assert_eq!(index.utf16_to_char(Utf16Offset(utf16)), Ok(at));
        assert_eq!(index.byte_to_char(ByteOffset(byte)), Ok(at));
        utf16 += ch.len_utf16();
    }
    let end = CharOffset(index.len_chars());
    assert_eq!(index.char_to_utf16(end), Ok(Utf16Offset(index.len_utf16())));
    assert_eq!(index.char_to_byte(end), Ok(ByteOffset(HARD.len())));
}

#[test]
fn known_positions_after_emoji_and_armenian() {
    let index = TextIndex::new(HARD);
    // “Hi” = 4 code points, space, then 🇦🇲 (2 code points, 4 UTF-16 units, 8 bytes).
    assert_eq!(index.slice(CharOffset(5), CharOffset(7)), "🇦🇲");
    assert_eq!(index.char_to_utf16(CharOffset(7)), Ok(Utf16Offset(9)));
    assert_eq!(
        index.char_to_byte(CharOffset(7)),
        Ok(ByteOffset(3 + 2 + 3 + 1 + 8))
    );
    // 👨🏻‍🚒 is 4 code points, 7 UTF-16 units, 15 bytes.
    let firefighter_start = CharOffset(8);
    assert_eq!(index.slice(firefighter_start, CharOffset(12)), "👨🏻‍🚒");
    let u16_start = index.char_to_utf16(firefighter_start).unwrap();
    let u16_end = index.char_to_utf16(CharOffset(12)).unwrap();
    assert_eq!(u16_end.0 - u16_start.0, 7);
    let armenian = HARD.find("Հայաստան").unwrap();
    let at = index.byte_to_char(ByteOffset(armenian)).unwrap();
    assert_eq!(index.slice(at, CharOffset(at.0 + 8)), "Հայաստան");
    assert_eq!(
        HARD.chars().skip(at.0).take(8).collect::<String>(),
        "Հայաստան"
    );
}

#[test]
fn positions_inside_a_surrogate_pair_or_utf8_sequence_are_rejected() {
    let index = TextIndex::new(HARD);
    let flag = index.char_to_utf16(CharOffset(5)).unwrap();
    assert_eq!(
        index.utf16_to_char(Utf16Offset(flag.0 + 1)),
        Err(OffsetError::InsideSurrogatePair(Utf16Offset(flag.0 + 1)))
    );
    let byte = index.char_to_byte(CharOffset(0)).unwrap();
    assert!(matches!(
        index.byte_to_char(ByteOffset(byte.0 + 1)),
        Err(OffsetError::InsideCharacter(_))
    ));
    assert!(matches!(
        index.utf16_to_char(Utf16Offset(index.len_utf16() + 1)),
        Err(OffsetError::OutOfRange { .. })
    ));
    assert!(matches!(
        index.char_to_utf16(CharOffset(index.len_chars() + 1)),
        Err(OffsetError::OutOfRange { .. })
    ));
}

#[test]
fn grapheme_boundaries_never_split_clusters() {
    let index = TextIndex::new(HARD);
    // Inside the flag (between the two regional indicators) is not a boundary.
    assert!(!index.is_grapheme_boundary(CharOffset(6)));
    assert_eq!(index.grapheme_floor(CharOffset(6)), CharOffset(5));
    assert_eq!(index.grapheme_ceil(CharOffset(6)), CharOffset(7));
    // Inside the ZWJ sequence.
    for inside in 9..12 {
        assert!(!index.is_grapheme_boundary(CharOffset(inside)), "{inside}");
        assert_eq!(index.grapheme_ceil(CharOffset(inside)), CharOffset(12));
    }
    // Between e and its combining acute accent.
    let e = HARD.chars().position(|c| c == '\u{301}').unwrap();
    assert!(!index.is_grapheme_boundary(CharOffset(e)));
    assert_eq!(index.grapheme_floor(CharOffset(e)), CharOffset(e - 1));
}

#[test]
fn default_article_offsets_differ_between_units() {
    let text = annotator::model::DEFAULT_ARTICLE_TEXT;
    let index = TextIndex::new(text);
    let byte = text.find("Sergey Lavrov").unwrap();
    let at = index.byte_to_char(ByteOffset(byte)).unwrap();
    assert_eq!(index.slice(at, CharOffset(at.0 + 13)), "Sergey Lavrov");
    let later = text.find("Izvestiya").unwrap();
    let at = index.byte_to_char(ByteOffset(later)).unwrap();
    assert!(
        at.0 < later,
        "curly quotes make bytes run ahead of code points"
    );
}

#[test]
fn paragraph_direction_follows_the_first_strong_character() {
    use annotator::model::text::starts_right_to_left;
    assert!(starts_right_to_left(
        "وقال الوزير إن المحادثات كانت بناءة 👨🏻‍🚒."
    ));
    assert!(starts_right_to_left("« 2025 » שלום עולם"));
    assert!(!starts_right_to_left("2025: Armenia, then قال"));
    assert!(!starts_right_to_left("Հայաստան"));
    assert!(!starts_right_to_left("🇦🇲 123 —"));
}

#[test]
fn a_byte_order_mark_gives_a_paragraph_no_direction() {
    use annotator::model::text::starts_right_to_left;
    assert!(!starts_right_to_left("\u{feff}Sergey Lavrov said"));
    assert!(!starts_right_to_left("\u{feff}"));
    assert!(starts_right_to_left("\u{feff}قال الوزير"));
    // The presentation forms just below it still read right to left.
    assert!(starts_right_to_left("\u{fefc} and then Latin"));
}

#[test]
fn hidden_controls_are_split_out_and_joiners_that_shape_text_are_not() {
    use annotator::model::text::{split_hidden_controls, Run};
    let runs = split_hidden_controls("ab\u{202E}evil\u{202C} 👨‍👩‍👧 zero\u{200B}w", 10);
    let controls: Vec<(usize, &str)> = runs
        .iter()
        .filter_map(|r| r.control.map(|c| (r.start, c)))
        .collect();
    assert_eq!(controls, vec![(12, "RLO"), (17, "PDF"), (29, "ZWSP")]);
    // The runs tile the text; the family emoji (with its ZWJs) stays inside one run.
    assert_eq!(runs.first().map(|r| r.start), Some(10));
    assert_eq!(runs.last().map(|r| r.end), Some(31));
    assert!(runs.windows(2).all(|w| w[0].end == w[1].start));
    assert!(runs.contains(&Run {
        start: 18,
        end: 29,
        control: None
    }));
    assert_eq!(split_hidden_controls("plain", 0).len(), 1);
    assert!(split_hidden_controls("", 0).is_empty());
}
