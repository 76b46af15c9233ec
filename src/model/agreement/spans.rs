//! Span matching, annotator B against annotator A: which annotations of the two layers are
//! the same one, and the precision, recall and F1 that follow.
//!
//! * **Exact**: same label, same start and same end.
//! * **Overlap**: same label and at least one shared code point. Pairs are taken one-to-one,
//!   greedily: every overlapping pair of the same label is a candidate; candidates are taken
//!   by the number of shared code points, largest first, ties in reading order (A's start,
//!   A's end, then B's start, B's end, then the order in each layer); a candidate is taken
//!   when neither of its annotations is taken yet. So an annotation is matched at most once.
//!
//! Exact matching is one-to-one too (two identical annotations in one layer match two in the
//! other, not one twice). A **label conflict** is an A annotation and a B annotation left
//! unmatched by exact matching that cover exactly the same code points with different labels
//! (taken one-to-one in reading order). They are counted once per pair, under A's label, and
//! they stay in A-only and B-only too: the conflict says *why* those spans were not matched.
//! Overlap matching has no label conflicts: an actor inside a claim overlaps it by design.
//!
//! Only placed annotations count; orphans (whose text was not found on import) have no place
//! and are left out.

use crate::model::annotation::{Annotation, Label};
use serde::Serialize;

/// How two annotations are found to be the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// Same label, same start and end.
    Exact,
    /// Same label, at least one shared code point; one-to-one, largest overlap first.
    Overlap,
}

/// The matching of two layers' annotations (indices into each layer's `annotations`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanMatching {
    /// Matched pairs `(a, b)`, in A's reading order.
    pub pairs: Vec<(usize, usize)>,
    /// Exact matching only: unmatched pairs with the same span and different labels.
    pub conflicts: Vec<(usize, usize)>,
    /// A's annotations without a match, in reading order.
    pub a_only: Vec<usize>,
    /// B's annotations without a match, in reading order.
    pub b_only: Vec<usize>,
}

impl SpanMatching {
    /// The counts for one label (`Some`) or every label together (`None`).
    pub fn counts(&self, a: &[Annotation], b: &[Annotation], label: Option<Label>) -> SpanCounts {
        let is = |ann: &Annotation| label.is_none_or(|l| ann.label == l);
        SpanCounts {
            a_total: a.iter().filter(|x| is(x)).count(),
            b_total: b.iter().filter(|x| is(x)).count(),
            matches: self.pairs.iter().filter(|&&(i, _)| is(&a[i])).count(),
            label_conflicts: self.conflicts.iter().filter(|&&(i, _)| is(&a[i])).count(),
        }
    }

    /// The B annotation matched to A's annotation `a`, if any.
    pub fn partner_of(&self, a: usize) -> Option<usize> {
        self.pairs.iter().find(|&&(i, _)| i == a).map(|&(_, j)| j)
    }
}

/// Counts of one matching, for one label or all; the rates follow from them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SpanCounts {
    /// A's annotations (the reference).
    pub a_total: usize,
    /// B's annotations (compared with A).
    pub b_total: usize,
    pub matches: usize,
    /// Exact-span label conflicts (see the module documentation); 0 for overlap matching.
    pub label_conflicts: usize,
}

impl SpanCounts {
    /// A's annotations with no match in B (label conflicts included).
    pub fn a_only(&self) -> usize {
        self.a_total - self.matches
    }

    /// B's annotations with no match in A (label conflicts included).
    pub fn b_only(&self) -> usize {
        self.b_total - self.matches
    }

    /// matches / B's annotations; `None` when B has none (nothing B said can be right or
    /// wrong).
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matches, self.b_total)
    }

    /// matches / A's annotations; `None` when A has none.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.matches, self.a_total)
    }

    /// F1 = 2 · matches / (A's + B's annotations), which equals 2PR / (P + R) whenever both
    /// are defined and not both 0. When only one layer is empty it is 0 (they share nothing);
    /// when both are empty it is `None`: there is nothing to agree on, and 1.0 would claim an
    /// agreement no one showed.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.matches, self.a_total + self.b_total)
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Matches B's annotations against A's (see the module documentation for the rules).
pub fn match_spans(a: &[Annotation], b: &[Annotation], mode: MatchMode) -> SpanMatching {
    let mut candidates = candidates(a, b, mode);
    // Largest overlap first (all equal for exact matching), then reading order.
    candidates.sort_by_key(|&(i, j, shared)| {
        (
            std::cmp::Reverse(shared),
            a[i].span.start,
            a[i].span.end,
            b[j].span.start,
            b[j].span.end,
            i,
            j,
        )
    });
    let mut a_taken = vec![false; a.len()];
    let mut b_taken = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (i, j, _) in candidates {
        if !a_taken[i] && !b_taken[j] {
            a_taken[i] = true;
            b_taken[j] = true;
            pairs.push((i, j));
        }
    }
    let mut conflicts = Vec::new();
    if mode == MatchMode::Exact {
        let free_b: Vec<usize> = reading_order(b)
            .into_iter()
            .filter(|&j| !b_taken[j])
            .collect();
        let mut conflict_taken = vec![false; b.len()];
        for i in reading_order(a).into_iter().filter(|&i| !a_taken[i]) {
            let found = free_b.iter().copied().find(|&j| {
                !conflict_taken[j] && b[j].span == a[i].span && b[j].label != a[i].label
            });
            if let Some(j) = found {
                conflict_taken[j] = true;
                conflicts.push((i, j));
            }
        }
    }
    let a_order = reading_order(a);
    let rank_a = rank(&a_order);
    pairs.sort_by_key(|&(i, _)| rank_a[i]);
    SpanMatching {
        pairs,
        conflicts,
        a_only: a_order.into_iter().filter(|&i| !a_taken[i]).collect(),
        b_only: reading_order(b)
            .into_iter()
            .filter(|&j| !b_taken[j])
            .collect(),
    }
}

/// Indices in reading order: start, longer first, label, then position in the layer.
fn reading_order(anns: &[Annotation]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..anns.len()).collect();
    order.sort_by_key(|&i| {
        (
            anns[i].span.start,
            std::cmp::Reverse(anns[i].span.end),
            anns[i].label,
            i,
        )
    });
    order
}

fn rank(order: &[usize]) -> Vec<usize> {
    let mut rank = vec![0; order.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// Every pair that may match: `(a index, b index, shared code points)`.
fn candidates(a: &[Annotation], b: &[Annotation], mode: MatchMode) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for label in Label::ALL {
        let mut bs: Vec<usize> = (0..b.len()).filter(|&j| b[j].label == label).collect();
        bs.sort_by_key(|&j| (b[j].span.start, b[j].span.end, j));
        // The largest end among bs[..=k], so a scan backwards can stop once nothing earlier
        // reaches the A span.
        let mut reach = Vec::with_capacity(bs.len());
        let mut max_end = 0;
        for &j in &bs {
            max_end = max_end.max(b[j].span.end.0);
            reach.push(max_end);
        }
        for (i, ann) in a.iter().enumerate().filter(|(_, x)| x.label == label) {
            let span = ann.span;
            match mode {
                MatchMode::Exact => {
                    let from = bs.partition_point(|&j| b[j].span.start < span.start);
                    for &j in &bs[from..] {
                        if b[j].span.start != span.start {
                            break;
                        }
                        if b[j].span.end == span.end {
                            out.push((i, j, span.len()));
                        }
                    }
                }
                MatchMode::Overlap => {
                    // B spans starting before A's end, scanned back while any can still reach.
                    let upto = bs.partition_point(|&j| b[j].span.start < span.end);
                    for k in (0..upto).rev() {
                        if reach[k] <= span.start.0 {
                            break;
                        }
                        let other = b[bs[k]].span;
                        let shared = span.end.min(other.end).0 as isize
                            - span.start.max(other.start).0 as isize;
                        if shared > 0 {
                            out.push((i, bs[k], shared as usize));
                        }
                    }
                }
            }
        }
    }
    out
}
