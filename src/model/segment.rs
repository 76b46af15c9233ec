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
    /// position in this list is the nesting depth and the last one is the innermost. Only the
    /// innermost `at_most` are listed (see [`segments`]).
    pub covering: Vec<usize>,
    /// How many spans cover this segment, listed or not.
    pub depth: usize,
    /// Whether a span covering this segment starts where it starts (its unclipped start).
    pub starts: bool,
    /// Whether a span covering this segment ends where it ends (its unclipped end).
    pub ends: bool,
}

/// Tiles `range` with segments. Spans are clipped to `range`; spans outside it are ignored.
///
/// Each segment lists at most `at_most` covering spans, the innermost ones: a text stacked
/// with thousands of long spans (an import of 100,000 random ones) would otherwise give lists
/// whose total length grows with the product of spans and segments, and a view that draws
/// every one of them freezes the page. Runs in O((n + b) log n + b · at_most) by a sweep over
/// the boundaries, keeping the covering spans in their depth order.
pub fn segments(range: CharSpan, spans: &[CharSpan], at_most: usize) -> Vec<Segment> {
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

    let present: Vec<usize> = (0..spans.len()).filter(|&i| clipped[i].is_some()).collect();
    // Depth order, outermost first by the *unclipped* length, so depth is stable across
    // paragraphs; a span's rank in it is what the active set is ordered by.
    let mut by_depth = present.clone();
    sort::sort_by_key(&mut by_depth, |&i| {
        (std::cmp::Reverse(spans[i].len()), spans[i].start, i)
    });
    let mut rank = vec![0; spans.len()];
    for (r, &i) in by_depth.iter().enumerate() {
        rank[i] = r;
    }
    let mut by_start = present.clone();
    sort::sort_by_key(&mut by_start, |&i| clipped[i].map(|s| s.start));
    let mut by_end = present;
    sort::sort_by_key(&mut by_end, |&i| clipped[i].map(|s| s.end));
    let clipped_start = |i: usize| clipped[i].map_or(range.end, |s| s.start);
    let clipped_end = |i: usize| clipped[i].map_or(range.end, |s| s.end);

    let (mut next_start, mut next_end) = (0, 0);
    let mut active = RankCounts::new(by_depth.len());
    let mut out = Vec::with_capacity(bounds.len());
    for pair in bounds.windows(2) {
        let (lo, hi) = (pair[0], pair[1]);
        while next_end < by_end.len() && clipped_end(by_end[next_end]) <= lo {
            active.add(rank[by_end[next_end]], -1);
            next_end += 1;
        }
        let mut starts = false;
        while next_start < by_start.len() && clipped_start(by_start[next_start]) <= lo {
            let i = by_start[next_start];
            starts |= spans[i].start == lo;
            active.add(rank[i], 1);
            next_start += 1;
        }
        let ends = by_end[next_end..]
            .iter()
            .take_while(|&&i| clipped_end(i) == hi)
            .any(|&i| spans[i].end == hi);
        let depth = active.total;
        let covering: Vec<usize> = (depth - depth.min(at_most)..depth)
            .map(|nth| by_depth[active.nth(nth)])
            .collect();
        out.push(Segment {
            span: CharSpan { start: lo, end: hi },
            covering,
            depth,
            starts,
            ends,
        });
    }
    if out.is_empty() {
        out.push(Segment {
            span: range,
            covering: Vec::new(),
            depth: 0,
            starts: false,
            ends: false,
        });
    }
    out
}

/// Which ranks are active, as counts in a Fenwick tree: adding or removing one and finding
/// the n-th active rank each take O(log n). (A `BTreeSet` would do, at some 3 KB more of the
/// download.)
struct RankCounts {
    tree: Vec<i32>,
    total: usize,
}

impl RankCounts {
    fn new(len: usize) -> Self {
        RankCounts {
            tree: vec![0; len + 1],
            total: 0,
        }
    }

    fn add(&mut self, rank: usize, delta: i32) {
        self.total = self.total.wrapping_add_signed(delta as isize);
        let mut i = rank + 1;
        while i < self.tree.len() {
            self.tree[i] += delta;
            i += i & i.wrapping_neg();
        }
    }

    /// The active rank with `nth` active ranks below it (`nth < total`).
    fn nth(&self, nth: usize) -> usize {
        let mut at = 0;
        let mut left = nth as i32;
        let mut step = self.tree.len().next_power_of_two();
        while step > 0 {
            let next = at + step;
            if next < self.tree.len() && self.tree[next] <= left {
                at = next;
                left -= self.tree[next];
            }
            step /= 2;
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize) -> CharSpan {
        CharSpan::at(start, end)
    }

    #[test]
    fn nested_spans_give_depth_ordered_cover() {
        let segs = segments(s(0, 10), &[s(2, 4), s(0, 8)], usize::MAX);
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
