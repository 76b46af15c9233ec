//! Property tests: segments tile the range and every span is exactly the union of the
//! segments that list it; a bounded list keeps the innermost spans and counts the rest.

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
        let segs = segments(range, &spans, usize::MAX);
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
            prop_assert_eq!(seg.depth, seg.covering.len());
            // Starts and ends: whether a covering span (unclipped) begins or stops here.
            let starts = seg.covering.iter().any(|&i| spans[i].start == seg.span.start);
            let ends = seg.covering.iter().any(|&i| spans[i].end == seg.span.end);
            prop_assert_eq!((seg.starts, seg.ends), (starts, ends));
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

proptest! {
    #[test]
    fn a_bounded_list_keeps_the_innermost_and_counts_all(
        (len, spans) in spans_strategy(),
        lo in 0usize..50,
        at_most in 0usize..5,
    ) {
        let range = CharSpan::at(lo.min(len), len);
        let full = segments(range, &spans, usize::MAX);
        let bounded = segments(range, &spans, at_most);
        prop_assert_eq!(full.len(), bounded.len());
        for (f, b) in full.iter().zip(&bounded) {
            prop_assert_eq!(f.span, b.span);
            prop_assert_eq!((f.depth, f.starts, f.ends), (b.depth, b.starts, b.ends));
            let kept = f.covering.len().min(at_most);
            prop_assert_eq!(&b.covering[..], &f.covering[f.covering.len() - kept..]);
        }
    }
}

/// The case that froze the page: 100,000 spans of any length over an article of 3,500 code
/// points cover each segment thousands deep. The lists stay as short as asked, and the depth
/// still counts every span (checked against a count from the boundaries).
#[test]
fn a_text_stacked_with_long_spans_gives_short_lists() {
    let len = 3_500;
    let mut seed = 7u64;
    let mut next = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % len
    };
    let mut spans = Vec::new();
    while spans.len() < 100_000 {
        let (a, b) = (next(), next());
        if a != b {
            spans.push(CharSpan::at(a.min(b), a.max(b)));
        }
    }
    let segs = segments(CharSpan::at(0, len), &spans, 8);
    let mut opened = vec![0i64; len + 1];
    for s in &spans {
        opened[s.start.0] += 1;
        opened[s.end.0] -= 1;
    }
    let mut depth_at = Vec::with_capacity(len);
    let mut running = 0;
    for delta in &opened[..len] {
        running += delta;
        depth_at.push(running as usize);
    }
    for seg in &segs {
        assert!(seg.covering.len() <= 8);
        assert_eq!(seg.depth, depth_at[seg.span.start.0]);
    }
    assert!(segs.iter().map(|s| s.depth).max().unwrap() > 20_000);
}
