//! Re-anchoring on edited texts: each stage on its own, and orphans instead of wrong places.

use annotator::model::anchor::{place, Anchorer, Placement, Selector};
use annotator::model::span::CharSpan;
use annotator::model::text::TextIndex;
use annotator::model::DEFAULT_ARTICLE_TEXT;

use crate::support::{nth_span_in, quote_at};

/// A selector made the way the app makes one: offsets, quote and 32 code points of context.
fn selector_for<'a>(text: &'a str, quote: &'a str, nth: usize) -> (Selector<'a>, CharSpan) {
    let found = nth_span_in(text, quote, nth);
    let (start, end) = (found.start.0, found.end.0);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map_or(text.len(), |&(b, _)| b);
    let prefix = &text[byte_at(start.saturating_sub(32))..byte_at(start)];
    let suffix = &text[byte_at(end)..byte_at(end + 32)];
    (
        Selector {
            quote,
            prefix,
            suffix,
            start,
            end,
        },
        CharSpan::at(start, end),
    )
}

#[test]
fn unchanged_text_places_exactly() {
    let (selector, span) = selector_for(DEFAULT_ARTICLE_TEXT, "Sergey Lavrov", 0);
    let index = TextIndex::new(DEFAULT_ARTICLE_TEXT);
    assert_eq!(place(&index, &selector), Placement::Exact(span));
}

#[test]
fn insertion_before_the_span_moves_it_by_code_points() {
    let (selector, span) = selector_for(DEFAULT_ARTICLE_TEXT, "Sergey Lavrov", 0);
    let edited = format!("🇦🇲 Update (Հայաստան, 中文): “new lead”.\n{DEFAULT_ARTICLE_TEXT}");
    let index = TextIndex::new(edited.as_str());
    let shift = "🇦🇲 Update (Հայաստան, 中文): “new lead”.\n".chars().count();
    let Placement::Moved(moved) = place(&index, &selector) else {
        panic!("expected a move");
    };
    assert_eq!(
        moved,
        CharSpan::at(span.start.0 + shift, span.end.0 + shift)
    );
    assert_eq!(quote_at(&edited, moved), "Sergey Lavrov");
}

#[test]
fn a_repeated_quote_goes_to_the_occurrence_with_matching_context() {
    let text = DEFAULT_ARTICLE_TEXT;
    // "the CSTO" occurs several times; take the third, then shift the text.
    let (selector, span) = selector_for(text, "the CSTO", 2);
    let edited = format!("Preface. {text}");
    let index = TextIndex::new(edited.as_str());
    let placed = place(&index, &selector).span().unwrap();
    assert_eq!(placed.start, span.start + "Preface. ".chars().count());
    // Without context, nearness to the old position decides among equal hits.
    let bare = Selector {
        prefix: "",
        suffix: "",
        ..selector.clone()
    };
    let placed = place(&index, &bare).span().unwrap();
    assert_eq!(placed.start, span.start + "Preface. ".chars().count());
}

#[test]
fn changed_whitespace_is_found_fuzzily_with_the_new_text_as_quote() {
    let quote = "Relations between Armenia and the CSTO soured back in November 2022";
    let (selector, _) = selector_for(DEFAULT_ARTICLE_TEXT, quote, 0);
    let edited = DEFAULT_ARTICLE_TEXT.replace(
        quote,
        "Relations  between Armenia and\nthe CSTO soured back in November 2022",
    );
    let index = TextIndex::new(edited.as_str());
    let Placement::Fuzzy(span, _) = place(&index, &selector) else {
        panic!("expected a fuzzy placement");
    };
    assert_eq!(
        quote_at(&edited, span),
        "Relations  between Armenia and\nthe CSTO soured back in November 2022"
    );
}

#[test]
fn a_fixed_typo_is_found_fuzzily() {
    let typo = DEFAULT_ARTICLE_TEXT.replace("unsubstantiated promises", "unsubstantiatd promises");
    let quote = "took in the unsubstantiatd promises from Washington and Brussels";
    let (selector, _) = selector_for(&typo, quote, 0);
    let index = TextIndex::new(DEFAULT_ARTICLE_TEXT);
    let Placement::Fuzzy(span, score) = place(&index, &selector) else {
        panic!("expected a fuzzy placement");
    };
    assert!(score >= annotator::model::anchor::FUZZY_THRESHOLD);
    assert_eq!(
        quote_at(DEFAULT_ARTICLE_TEXT, span),
        "took in the unsubstantiated promises from Washington and Brussels"
    );
}

#[test]
fn a_deleted_passage_makes_an_orphan_not_a_wrong_match() {
    let quote = "Kremlin spokesman Dmitry Peskov stated that Armenia has not expressed an intention to leave the CSTO";
    let (selector, _) = selector_for(DEFAULT_ARTICLE_TEXT, quote, 0);
    let line = DEFAULT_ARTICLE_TEXT
        .lines()
        .find(|l| l.contains(quote))
        .unwrap();
    let edited = DEFAULT_ARTICLE_TEXT.replace(line, "");
    let index = TextIndex::new(edited.as_str());
    let anchorer = Anchorer::new(&index);
    assert_eq!(place(&index, &selector), Placement::Orphan);
    // A short quote whose every occurrence is gone is an orphan too.
    let (selector, _) = selector_for(DEFAULT_ARTICLE_TEXT, "Dmitry Peskov", 0);
    assert_eq!(anchorer.place(&selector), Placement::Orphan);
}

#[test]
fn a_rewritten_claim_is_an_orphan() {
    let quote =
        "Moscow has always valued and continues to value its brotherly relations with Yerevan";
    let (selector, _) = selector_for(DEFAULT_ARTICLE_TEXT, quote, 0);
    let edited = DEFAULT_ARTICLE_TEXT.replace(
        quote,
        "Moscow regrets the state of its ties with Yerevan and hopes for change",
    );
    assert_eq!(
        place(&TextIndex::new(edited.as_str()), &selector),
        Placement::Orphan
    );
}
