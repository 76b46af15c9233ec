//! Property tests: segments tile the range and every span is exactly the union of the
//! segments that list it.

use annotator::model::segment::segments;
use annotator::model::span::CharSpan;
use proptest::prelude::*;

fn spans_strategy() -> impl Strategy<Value = (usize, Vec<CharSpan>)> {
    (1usize..200).prop_flat_map(|len| {
        let span = (0..len)
            .prop_flat_map(move |start| (Just(start), start + 1..=len))
            .prop_map(|(start, end)| CharSpan::at(start, end));
        (Just(len), prop::collection::vec(span, 0..40))
    })
}

proptest! {
    #[test]
    fn segments_tile_and_cover_exactly((len, spans) in spans_strategy(), lo in 0usize..50) {
        let lo = lo.min(len);
        let range = CharSpan::at(lo, len);
        let segs = segments(range, &spans);
        // Tiling: contiguous, non-empty (unless the range is empty), from start to end.
        prop_assert_eq!(segs.first().unwrap().span.start, range.start);
        prop_assert_eq!(segs.last().unwrap().span.end, range.end);
        for pair in segs.windows(2) {
            prop_assert_eq!(pair[0].span.end, pair[1].span.start);
        }
        if !range.is_empty() {
            prop_assert!(segs.iter().all(|s| !s.span.is_empty()));
        }
        // Cover: a segment lists a span exactly when the span covers it, outermost first.
        for seg in &segs {
            for (i, span) in spans.iter().enumerate() {
                let covers = span.start <= seg.span.start && seg.span.end <= span.end;
                prop_assert_eq!(seg.covering.contains(&i), covers && !seg.span.is_empty());
            }
            let lens: Vec<usize> = seg.covering.iter().map(|&i| spans[i].len()).collect();
            prop_assert!(lens.windows(2).all(|w| w[0] >= w[1]));
        }
        // Union: each span (clipped) is the union of the segments listing it.
        for (i, span) in spans.iter().enumerate() {
            let listed: Vec<&CharSpan> = segs.iter().filter(|s| s.covering.contains(&i)).map(|s| &s.span).collect();
            let clipped = (span.start.max(range.start), span.end.min(range.end));
            if clipped.0 >= clipped.1 {
                prop_assert!(listed.is_empty());
            } else {
                prop_assert_eq!(listed.first().unwrap().start, clipped.0);
                prop_assert_eq!(listed.last().unwrap().end, clipped.1);
                prop_assert!(listed.windows(2).all(|w| w[0].end == w[1].start));
            }
        }
    }
}
