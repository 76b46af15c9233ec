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
    // Where each span (clipped to the range) opens and closes, in the order of the text.
    let mut events: Vec<(CharOffset, usize, bool)> = Vec::new();
    let mut present = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        let start = s.start.max(range.start);
        let end = s.end.min(range.end);
        if start < end {
            events.push((start, i, true));
            events.push((end, i, false));
            present.push(i);
        }
    }
    sort::sort_by_key(&mut events, |e| e.0);
    // Depth order, outermost first by the *unclipped* length, so depth is stable across
    // paragraphs; a span's rank in it is what the active set is ordered by.
    sort::sort_by_key(&mut present, |&i| {
        (std::cmp::Reverse(spans[i].len()), spans[i].start, i)
    });
    let mut rank = vec![0; spans.len()];
    for (r, &i) in present.iter().enumerate() {
        rank[i] = r;
    }

    let mut active = RankCounts::new(present.len());
    let mut out = Vec::new();
    let mut next = 0;
    let mut lo = range.start;
    loop {
        let mut starts = false;
        while let Some(&(at, i, opens)) = events.get(next).filter(|e| e.0 <= lo) {
            starts |= opens && spans[i].start == at;
            active.add(rank[i], if opens { 1 } else { -1 });
            next += 1;
        }
        if lo >= range.end {
            break;
        }
        let hi = events.get(next).map_or(range.end, |e| e.0);
        let ends = events[next..]
            .iter()
            .take_while(|e| e.0 == hi)
            .any(|&(_, i, opens)| !opens && spans[i].end == hi);
        let depth = active.total;
        let covering = (depth - depth.min(at_most)..depth)
            .map(|nth| present[active.nth(nth)])
            .collect();
        out.push(Segment {
            span: CharSpan { start: lo, end: hi },
            covering,
            depth,
            starts,
            ends,
        });
        lo = hi;
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
/// the n-th active rank each take O(log n). (A `BTreeSet` would do, at 2.1 KB more of the
/// page's gzipped download, measured.)
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
