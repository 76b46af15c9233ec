//! Every figure for a set of layers in one serialisable value, and the same as CSV.

use super::coefficients::{cohen_kappa, krippendorff_alpha};
use super::relations::{relation_counts, ROLES};
use super::spans::{match_spans, MatchMode, SpanCounts};
use super::units::TokenUnits;
use super::{unitizing, Layer, DEFINITIONS};
use crate::model::annotation::Label;
use crate::model::formats::csv::{neutralise, write};
use crate::model::text::TextIndex;
use serde::Serialize;

/// The agreement of a set of layers of one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgreementReport {
    /// The unit and matching rules in words ([`DEFINITIONS`]).
    pub definitions: &'static str,
    pub annotators: Vec<String>,
    /// The text's length in code points (αu's continuum).
    pub text_length: usize,
    /// Word tokens: the units of κ and α.
    pub tokens: usize,
    /// Per pair of layers (A before B in the order given) and per label, then "all".
    pub pairs: Vec<PairRow>,
    /// Per pair of layers and per role.
    pub links: Vec<LinkRow>,
    /// All layers together, per label, then "all".
    pub group: Vec<GroupRow>,
}

/// One pair of layers, one label (or "all"). `None` is an undefined figure (JSON null, an
/// empty CSV cell).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairRow {
    pub annotator_a: String,
    pub annotator_b: String,
    /// "actor", "claim", "date" or "all".
    pub label: String,
    pub a_spans: usize,
    pub b_spans: usize,
    /// Exact matching.
    pub matches: usize,
    pub a_only: usize,
    pub b_only: usize,
    pub label_conflicts: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// Overlap matching.
    pub overlap_matches: usize,
    pub overlap_a_only: usize,
    pub overlap_b_only: usize,
    pub overlap_precision: Option<f64>,
    pub overlap_recall: Option<f64>,
    pub overlap_f1: Option<f64>,
    /// Over word tokens (per label binary; "all": the set of labels).
    pub kappa: Option<f64>,
    pub alpha: Option<f64>,
    /// Krippendorff's αu over code points.
    pub unitizing_alpha: Option<f64>,
}

/// One pair of layers, one role of links.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkRow {
    pub annotator_a: String,
    pub annotator_b: String,
    /// "source", "target" or "when".
    pub role: String,
    pub a_links: usize,
    pub b_links: usize,
    /// Both ends matched by exact matching.
    pub matches: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// Both ends matched by overlap matching.
    pub overlap_matches: usize,
    pub overlap_precision: Option<f64>,
    pub overlap_recall: Option<f64>,
    pub overlap_f1: Option<f64>,
}

/// All layers together, one label (or "all").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    /// "actor", "claim", "date" or "all".
    pub label: String,
    pub annotators: usize,
    /// Annotations of the label over all layers.
    pub spans: usize,
    pub alpha: Option<f64>,
    pub unitizing_alpha: Option<f64>,
}

fn label_name(label: Option<Label>) -> String {
    label.map_or("all", Label::as_str).to_owned()
}

const LABELS_AND_ALL: [Option<Label>; 4] = [
    Some(Label::Actor),
    Some(Label::Claim),
    Some(Label::Date),
    None,
];

/// Every figure for `layers` (all of the text `index`): each pair `(i, j)` with `i < j`
/// compares B = `layers[j]` against A = `layers[i]`.
pub fn agreement_report(index: &TextIndex, layers: &[Layer<'_>]) -> AgreementReport {
    let units = TokenUnits::new(index, layers);
    let text_length = index.len_chars();
    let mut pairs = Vec::new();
    let mut links = Vec::new();
    for i in 0..layers.len() {
        for j in i + 1..layers.len() {
            let (a, b) = (&layers[i], &layers[j]);
            let (aa, ba) = (a.content.annotations, b.content.annotations);
            let exact = match_spans(aa, ba, MatchMode::Exact);
            let overlap = match_spans(aa, ba, MatchMode::Overlap);
            for label in LABELS_AND_ALL {
                let e = exact.counts(aa, ba, label);
                let o = overlap.counts(aa, ba, label);
                pairs.push(PairRow {
                    annotator_a: a.annotator.to_owned(),
                    annotator_b: b.annotator.to_owned(),
                    label: label_name(label),
                    a_spans: e.a_total,
                    b_spans: e.b_total,
                    matches: e.matches,
                    a_only: e.a_only(),
                    b_only: e.b_only(),
                    label_conflicts: e.label_conflicts,
                    precision: e.precision(),
                    recall: e.recall(),
                    f1: e.f1(),
                    overlap_matches: o.matches,
                    overlap_a_only: o.a_only(),
                    overlap_b_only: o.b_only(),
                    overlap_precision: o.precision(),
                    overlap_recall: o.recall(),
                    overlap_f1: o.f1(),
                    kappa: cohen_kappa(units.pairs(i, j, label)),
                    alpha: krippendorff_alpha(&units.data_of(&[i, j], label)),
                    unitizing_alpha: unitizing(text_length, &[*a, *b], label).alpha(),
                });
            }
            let exact_links = relation_counts(a, b, MatchMode::Exact);
            let overlap_links = relation_counts(a, b, MatchMode::Overlap);
            for (r, role) in ROLES.into_iter().enumerate() {
                let (e, o): (SpanCounts, SpanCounts) = (exact_links[r], overlap_links[r]);
                links.push(LinkRow {
                    annotator_a: a.annotator.to_owned(),
                    annotator_b: b.annotator.to_owned(),
                    role: role.as_str().to_owned(),
                    a_links: e.a_total,
                    b_links: e.b_total,
                    matches: e.matches,
                    precision: e.precision(),
                    recall: e.recall(),
                    f1: e.f1(),
                    overlap_matches: o.matches,
                    overlap_precision: o.precision(),
                    overlap_recall: o.recall(),
                    overlap_f1: o.f1(),
                });
            }
        }
    }
    let group = LABELS_AND_ALL
        .into_iter()
        .map(|label| GroupRow {
            label: label_name(label),
            annotators: layers.len(),
            spans: layers
                .iter()
                .flat_map(|l| l.content.annotations)
                .filter(|a| label.is_none_or(|l| a.label == l))
                .count(),
            alpha: krippendorff_alpha(&units.data(label)),
            unitizing_alpha: unitizing(text_length, layers, label).alpha(),
        })
        .collect();
    AgreementReport {
        definitions: DEFINITIONS,
        annotators: layers.iter().map(|l| l.annotator.to_owned()).collect(),
        text_length,
        tokens: units.tokens.len(),
        pairs,
        links,
        group,
    }
}

/// The CSV columns of [`report_csv`].
pub const CSV_HEADER: [&str; 22] = [
    "section",
    "annotator_a",
    "annotator_b",
    "item",
    "a_count",
    "b_count",
    "matches",
    "a_only",
    "b_only",
    "label_conflicts",
    "precision",
    "recall",
    "f1",
    "overlap_matches",
    "overlap_a_only",
    "overlap_b_only",
    "overlap_precision",
    "overlap_recall",
    "overlap_f1",
    "kappa",
    "alpha",
    "unitizing_alpha",
];

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The report as one RFC 4180 table (CRLF line ends; a cell with a comma, quote or line
/// break quoted, quotes doubled): `section` is "spans" (one row per pair and label, `item`
/// the label or "all"), "links" (per pair and role; `a_count`/`b_count` are links) or
/// "all_annotators" (every layer together: `a_count` is the annotations of the label, the
/// annotator columns empty). An undefined figure is an empty cell; a figure that does not
/// apply to the section is empty too. Annotator names that a spreadsheet would read as a
/// formula get a leading `'`. The last row, section "definitions", holds the definitions
/// (as in the JSON report and docs/agreement.md) in its `item` cell.
pub fn report_csv(report: &AgreementReport) -> String {
    let name = |s: &str| neutralise(s);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for p in &report.pairs {
        rows.push(vec![
            "spans".into(),
            name(&p.annotator_a),
            name(&p.annotator_b),
            p.label.clone(),
            p.a_spans.to_string(),
            p.b_spans.to_string(),
            p.matches.to_string(),
            p.a_only.to_string(),
            p.b_only.to_string(),
            p.label_conflicts.to_string(),
            number(p.precision),
            number(p.recall),
            number(p.f1),
            p.overlap_matches.to_string(),
            p.overlap_a_only.to_string(),
            p.overlap_b_only.to_string(),
            number(p.overlap_precision),
            number(p.overlap_recall),
            number(p.overlap_f1),
            number(p.kappa),
            number(p.alpha),
            number(p.unitizing_alpha),
        ]);
    }
    for l in &report.links {
        rows.push(vec![
            "links".into(),
            name(&l.annotator_a),
            name(&l.annotator_b),
            l.role.clone(),
            l.a_links.to_string(),
            l.b_links.to_string(),
            l.matches.to_string(),
            (l.a_links - l.matches).to_string(),
            (l.b_links - l.matches).to_string(),
            String::new(),
            number(l.precision),
            number(l.recall),
            number(l.f1),
            l.overlap_matches.to_string(),
            (l.a_links - l.overlap_matches).to_string(),
            (l.b_links - l.overlap_matches).to_string(),
            number(l.overlap_precision),
            number(l.overlap_recall),
            number(l.overlap_f1),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for g in &report.group {
        let mut row = vec![String::new(); CSV_HEADER.len()];
        row[0] = "all_annotators".into();
        row[3] = g.label.clone();
        row[4] = g.spans.to_string();
        row[20] = number(g.alpha);
        row[21] = number(g.unitizing_alpha);
        rows.push(row);
    }
    // The definitions travel with the figures: one last row, its text in the label column.
    let mut row = vec![String::new(); CSV_HEADER.len()];
    row[0] = "definitions".into();
    row[3] = report.definitions.to_string();
    rows.push(row);
    write(&CSV_HEADER, &rows, |cell| cell.to_owned())
}
