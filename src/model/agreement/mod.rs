//! Inter-annotator agreement (issue 16): pure functions over two or more *layers* (one
//! annotator's annotations of the same text). The definitions are in docs/agreement.md and
//! [`DEFINITIONS`]; in short:
//!
//! * [`spans`]: B against A, per label and overall, exact and overlap matching, precision,
//!   recall and F1, label conflicts;
//! * [`coefficients`]: Cohen's κ and Krippendorff's α (nominal, missing values allowed) over
//!   any reliability data;
//! * [`units`]: the units this app computes κ and α over: word token × label;
//! * [`unitizing`]: Krippendorff's αu (1995/2004) over code points, per label;
//! * [`relations`]: agreement on links, per role;
//! * [`report`]: all of it for a set of layers, serialisable, and as CSV.

pub mod coefficients;
pub mod relations;
pub mod report;
pub mod spans;
pub mod unitizing;
pub mod units;

use crate::model::annotation::Label;
use crate::model::content::{Annotations, Content};

pub use coefficients::{alpha_parts, cohen_kappa, krippendorff_alpha, AlphaParts};
pub use relations::relation_counts;
pub use report::{agreement_report, report_csv, AgreementReport, GroupRow, LinkRow, PairRow};
pub use spans::{match_spans, MatchMode, SpanCounts, SpanMatching};
pub use unitizing::{unitizing_parts, UnitizingParts};
pub use units::{LabelSet, TokenUnits};

/// One annotator's annotations of a document. Every layer compared must be of the same text.
#[derive(Clone, Copy, Debug)]
pub struct Layer<'a> {
    pub annotator: &'a str,
    pub content: Content<'a>,
}

impl<'a> Layer<'a> {
    pub fn new(annotator: &'a str, annotations: &'a Annotations) -> Self {
        Layer {
            annotator,
            content: annotations.content(),
        }
    }
}

/// Krippendorff's αu parts of the layers over the text's code points `[0, text_len)`, for
/// one label (`Some`) or all labels together (`None`: uα = 1 − Σ Dₒ / Σ Dₑ over the labels).
pub fn unitizing(text_len: usize, layers: &[Layer<'_>], label: Option<Label>) -> UnitizingParts {
    let one = |label: Label| {
        let units: Vec<Vec<(u64, u64)>> = layers
            .iter()
            .map(|layer| {
                layer
                    .content
                    .annotations
                    .iter()
                    .filter(|a| a.label == label)
                    .map(|a| (a.span.start.0 as u64, a.span.end.0 as u64))
                    .collect()
            })
            .collect();
        unitizing_parts(0, text_len as u64, &units)
    };
    match label {
        Some(label) => one(label),
        None => UnitizingParts::sum(Label::ALL.map(one)),
    }
}

/// The rules behind every figure, in words; the report carries them.
pub const DEFINITIONS: &str = "\
Layers: each annotator's annotations of the same text. Only placed annotations count (orphans are left out). Every layer is taken to cover the whole text.
Span matching (B against A; A is the reference): exact = same label, same start and same end (code points, end exclusive). Overlap = same label and at least one shared code point; pairs are taken one to one, greedily, largest number of shared code points first, ties in reading order (A's start, A's end, B's start, B's end). Precision = matches / B's annotations, recall = matches / A's annotations, F1 = 2 x matches / (A's + B's annotations). Precision is empty (undefined) when B has no annotations, recall when A has none, F1 when both have none. a_only / b_only = annotations without a match. Label conflict = an A and a B annotation left unmatched by exact matching with the same span and different labels (one to one, counted under A's label; they are also in a_only and b_only). The row 'all' sums the labels.
Links: a link of A agrees with a link of B when the roles are equal and both ends are matched to each other by the span matching (exact or overlap). Only links whose ends are placed annotations count.
Units for kappa and alpha: every word token of the text (UAX #29 words; an English clitic such as 's is a token of its own; whitespace and punctuation are not units). Per label, a token's value in a layer is 1 when it shares at least one code point with an annotation of that label, else 0. The row 'all' uses one nominal value per token: the set of labels covering it (e.g. actor+claim). No unit is missing.
Cohen's kappa (two annotators) = (po - pe) / (1 - pe), po = share of tokens with equal values, pe = sum over values of the product of the two annotators' shares. Empty (undefined) when pe = 1 (both gave one and the same value to every token) or there are no tokens.
Krippendorff's alpha (nominal, any number of annotators, missing values allowed) = 1 - Do / De from the coincidence matrix: alpha = 1 - (n - 1) x sum of off-diagonal coincidences / sum over c != k of n_c x n_k. Empty (undefined) when De = 0 (a single value throughout).
Unitizing alpha (Krippendorff 1995/2004 alpha_u): over the text's code points, per label, a layer's overlapping annotations of one label merged; observed and expected disagreement by the squared differences of the units' ends (docs/agreement.md). The row 'all' is 1 - sum of Do / sum of De over the labels. Empty when no annotator marked the label. The 2016 family (|u alpha, cu alpha) is not computed.";
