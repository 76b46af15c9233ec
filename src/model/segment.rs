//! Flattening overlapping spans into non-overlapping segments, which is what the article view
//! renders: the DOM never nests highlights, so text positions map back to offsets simply.

use super::sort;
use super::span::CharSpan;
use super::text::CharOffset;

/// A piece of text covered by the same set of spans throughout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub span: CharSpan,
    /// Indices into the input spans that cover this segment, outermost (longest) first, so the
    /// position in this list is the nesting depth and the last one is the innermost.
    pub covering: Vec<usize>,
}

/// Tiles `range` with segments. Spans are clipped to `range`; spans outside it are ignored.
/// Runs in O((n + b) log n + output) by a sweep over the boundaries.
pub fn segments(range: CharSpan, spans: &[CharSpan]) -> Vec<Segment> {
    let clipped: Vec<Option<CharSpan>> = spans
        .iter()
        .map(|s| {
            let start = s.start.max(range.start);
            let end = s.end.min(range.end);
            (start < end).then_some(CharSpan { start, end })
        })
        .collect();
    let mut bounds: Vec<CharOffset> = vec![range.start, range.end];
    for s in clipped.iter().flatten() {
        bounds.push(s.start);
        bounds.push(s.end);
    }
    sort::sort(&mut bounds);
    bounds.dedup();

    let mut by_start: Vec<usize> = (0..spans.len()).filter(|&i| clipped[i].is_some()).collect();
    sort::sort_by_key(&mut by_start, |&i| clipped[i].map(|s| s.start));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(bounds.len());
    for pair in bounds.windows(2) {
        let (lo, hi) = (pair[0], pair[1]);
        active.retain(|&i| clipped[i].is_some_and(|s| s.end > lo));
        while next < by_start.len() && clipped[by_start[next]].is_some_and(|s| s.start <= lo) {
            active.push(by_start[next]);
            next += 1;
        }
        let mut covering = active.clone();
        // Outermost first by the *unclipped* length, so depth is stable across paragraphs.
        sort::sort_by_key(&mut covering, |&i| {
            (std::cmp::Reverse(spans[i].len()), spans[i].start, i)
        });
        out.push(Segment {
            span: CharSpan { start: lo, end: hi },
            covering,
        });
    }
    if out.is_empty() {
        out.push(Segment {
            span: range,
            covering: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize) -> CharSpan {
        CharSpan::at(start, end)
    }

    #[test]
    fn nested_spans_give_depth_ordered_cover() {
        let segs = segments(s(0, 10), &[s(2, 4), s(0, 8)]);
        let covers: Vec<(usize, usize, Vec<usize>)> = segs
            .iter()
            .map(|g| (g.span.start.0, g.span.end.0, g.covering.clone()))
            .collect();
        assert_eq!(
            covers,
            vec![
                (0, 2, vec![1]),
                (2, 4, vec![1, 0]),
                (4, 8, vec![1]),
                (8, 10, vec![]),
            ]
        );
    }
}
