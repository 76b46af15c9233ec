//! Inter-annotator agreement (`model::agreement`): hand-checked cases, and every coefficient
//! against the figures of established implementations (tests/fixtures/agreement/
//! reference.json, written by make_reference.py with the `krippendorff` package, scikit-learn
//! and nltk; αu against Krippendorff's published examples).

use crate::support::{span_of, NOW};
use annotator::model::agreement::{
    agreement_report, alpha_parts, cohen_kappa, krippendorff_alpha, match_spans, relation_counts,
    report_csv, unitizing, unitizing_parts, Layer, MatchMode, TokenUnits, DEFINITIONS,
};
use annotator::model::span::CharSpan;
use annotator::model::{Annotation, Annotations, Document, Label, Relation, Role};
use serde_json::Value;

const EPS: f64 = 1e-9;

fn reference() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/agreement/reference.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("reference.json is there"))
        .expect("reference.json is JSON")
}

/// `expected` is a JSON number, or null for an undefined figure.
fn assert_figure(what: &str, got: Option<f64>, expected: &Value, tolerance: f64) {
    match (got, expected.as_f64()) {
        (None, None) => assert!(expected.is_null(), "{what}: expected {expected}"),
        (Some(g), Some(e)) => assert!(
            (g - e).abs() <= tolerance,
            "{what}: {g} but the reference says {e} (tolerance {tolerance})"
        ),
        (g, _) => panic!("{what}: {g:?} but the reference says {expected}"),
    }
}

/// Reliability data from JSON, each value compared as its JSON text.
fn reliability(data: &Value) -> Vec<Vec<Option<String>>> {
    data.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .map(|v| (!v.is_null()).then(|| v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn alpha_and_kappa_equal_the_reference_implementations() {
    let reference = reference();
    let fixtures = reference["reliability"].as_array().unwrap();
    assert!(fixtures.len() >= 15, "the fixture set was cut down");
    let (mut alphas, mut kappas) = (0, 0);
    for fixture in fixtures {
        let name = fixture["name"].as_str().unwrap();
        let data = reliability(&fixture["data"]);
        assert_figure(
            &format!("{name}: alpha"),
            krippendorff_alpha(&data),
            &fixture["alpha"],
            EPS,
        );
        alphas += 1;
        if let Some(expected) = fixture.get("kappa") {
            let pairs = data[0]
                .iter()
                .zip(&data[1])
                .map(|(a, b)| (a.clone().unwrap(), b.clone().unwrap()));
            assert_figure(&format!("{name}: kappa"), cohen_kappa(pairs), expected, EPS);
            kappas += 1;
        }
    }
    assert!(
        alphas >= 15 && kappas >= 8,
        "{alphas} alphas, {kappas} kappas"
    );
}

#[test]
fn krippendorffs_worked_example_gives_his_published_alpha() {
    let reference = reference();
    let fixture = reference["reliability"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "krippendorff_2011_nominal_missing")
        .unwrap();
    let data = reliability(&fixture["data"]);
    let alpha = krippendorff_alpha(&data).unwrap();
    // The paper prints 0.743; unit 12 has one value only and does not count.
    assert!((alpha - 0.743).abs() < 5e-4, "{alpha}");
    let parts = alpha_parts(&data);
    assert_eq!(parts.pairable_units, 11);
    assert_eq!(parts.pairable, 40);
}

/// The reference text's layers as this app holds them.
fn reference_layers(text: &Value) -> (Document, Vec<(String, Annotations)>) {
    let doc = Document::new(
        "agreement",
        "Agreement",
        None,
        text["text"].as_str().unwrap(),
    );
    let layers = text["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|layer| {
            let annotations = layer["spans"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let label = Label::parse(s[0].as_str().unwrap()).unwrap();
                    let span = CharSpan::at(
                        s[1].as_u64().unwrap() as usize,
                        s[2].as_u64().unwrap() as usize,
                    );
                    Annotation::new(&doc.index, format!("a{n}"), label, span, NOW)
                })
                .collect();
            (
                layer["annotator"].as_str().unwrap().to_owned(),
                Annotations {
                    annotations,
                    ..Annotations::default()
                },
            )
        })
        .collect();
    (doc, layers)
}

#[test]
fn token_units_and_their_figures_equal_the_reference() {
    let reference = reference();
    let text = &reference["text"];
    let (doc, owned) = reference_layers(text);
    let layers: Vec<Layer> = owned.iter().map(|(n, a)| Layer::new(n, a)).collect();

    // The same tokens as the reference's [A-Za-z0-9]+ runs.
    let units = TokenUnits::new(&doc.index, &layers);
    let tokens: Vec<(usize, usize)> = units.tokens.iter().map(|t| (t.start.0, t.end.0)).collect();
    let expected_tokens: Vec<(usize, usize)> = text["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t[0].as_u64().unwrap() as usize,
                t[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(tokens, expected_tokens);

    let report = agreement_report(&doc.index, &layers);
    let mut checked = 0;
    for name in ["actor", "claim", "date", "all"] {
        let figures = &text["figures"][name];
        // The unit values themselves.
        let label = Label::parse(name);
        let values: Vec<Vec<Value>> = if let Some(label) = label {
            units
                .data(Some(label))
                .iter()
                .map(|row| row.iter().map(|v| Value::from(v.unwrap())).collect())
                .collect()
        } else {
            units
                .sets
                .iter()
                .map(|row| row.iter().map(|s| Value::from(s.name())).collect())
                .collect()
        };
        let expected: Vec<Vec<Value>> = figures["units"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row.as_array().unwrap().clone())
            .collect();
        assert_eq!(values, expected, "{name}: units");

        let group = report.group.iter().find(|g| g.label == name).unwrap();
        assert_figure(
            &format!("{name}: group alpha"),
            group.alpha,
            &figures["alpha_all"],
            EPS,
        );
        for pair in figures["pairs"].as_array().unwrap() {
            let row = report
                .pairs
                .iter()
                .find(|p| {
                    p.label == name && p.annotator_a == pair["a"] && p.annotator_b == pair["b"]
                })
                .unwrap();
            assert_figure(
                &format!("{name} {}: kappa", pair["a"]),
                row.kappa,
                &pair["kappa"],
                EPS,
            );
            assert_figure(
                &format!("{name} {}: alpha", pair["a"]),
                row.alpha,
                &pair["alpha"],
                EPS,
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 12);
}

/// One category's units per coder from the fixture, optionally stretched.
fn unitizing_units(fixture: &Value, category: &str, factor: u64) -> Vec<Vec<(u64, u64)>> {
    let coders = fixture["coders"].as_u64().unwrap() as usize;
    let mut units = vec![Vec::new(); coders];
    for u in fixture["units"].as_array().unwrap() {
        if u[1] == category {
            let (b, l) = (
                u[2].as_u64().unwrap() * factor,
                u[3].as_u64().unwrap() * factor,
            );
            units[u[0].as_u64().unwrap() as usize].push((b, b + l));
        }
    }
    units
}

#[test]
fn unitizing_alpha_reproduces_krippendorffs_examples() {
    let reference = reference();
    let fixtures = reference["unitizing"].as_array().unwrap();
    assert_eq!(fixtures.len(), 2);
    let mut checked = 0;
    for fixture in fixtures {
        let name = fixture["name"].as_str().unwrap();
        let tolerance = fixture["tolerance"].as_f64().unwrap();
        let (begin, length) = (
            fixture["begin"].as_u64().unwrap(),
            fixture["length"].as_u64().unwrap(),
        );
        let mut all = Vec::new();
        for (category, expected) in fixture["expected"].as_object().unwrap() {
            let parts = unitizing_parts(begin, length, &unitizing_units(fixture, category, 1));
            all.push(parts);
            assert_figure(
                &format!("{name} {category}: observed"),
                Some(parts.observed),
                &expected["observed"],
                tolerance,
            );
            for (key, got) in [("expected", Some(parts.expected)), ("alpha", parts.alpha())] {
                if let Some(e) = expected.get(key) {
                    assert_figure(&format!("{name} {category}: {key}"), got, e, tolerance);
                }
            }
            checked += 1;
        }
        if let Some(overall) = fixture.get("overall") {
            let sum = annotator::model::agreement::UnitizingParts::sum(all);
            assert_figure(
                &format!("{name}: overall"),
                sum.alpha(),
                &overall["alpha"],
                overall["tolerance"].as_f64().unwrap(),
            );
        }
        if let Some(stretched) = fixture.get("stretched") {
            let factor = stretched["factor"].as_u64().unwrap();
            for (category, expected) in stretched["expected"].as_object().unwrap() {
                let parts = unitizing_parts(
                    begin * factor,
                    length * factor,
                    &unitizing_units(fixture, category, factor),
                );
                assert_figure(
                    &format!("{name} {category} stretched: expected"),
                    Some(parts.expected),
                    &expected["expected"],
                    stretched["tolerance_expected"].as_f64().unwrap(),
                );
                assert_figure(
                    &format!("{name} {category} stretched: alpha"),
                    parts.alpha(),
                    &expected["alpha"],
                    stretched["tolerance_alpha"].as_f64().unwrap(),
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 10);
}

const TEXT: &str = "Maria Zakharova said on Friday that talks with Armenia are difficult, \
and Nikol Pashinyan replied on Monday that Yerevan will decide.";

fn doc() -> Document {
    Document::new("hand", "Hand", None, TEXT)
}

fn ann(doc: &Document, id: &str, label: Label, span: CharSpan) -> Annotation {
    Annotation::new(&doc.index, id.to_owned(), label, span, NOW)
}

/// A layer from `(id, label, text)`, each span the first occurrence of its text.
fn layer(doc: &Document, spans: &[(&str, Label, &str)]) -> Annotations {
    Annotations {
        annotations: spans
            .iter()
            .map(|&(id, label, needle)| ann(doc, id, label, span_of(doc, needle)))
            .collect(),
        ..Annotations::default()
    }
}

fn link(claim: &str, other: &str, role: Role) -> Relation {
    Relation {
        id: format!("{claim}-{other}"),
        claim: claim.to_owned(),
        other: other.to_owned(),
        role,
        created: NOW.to_owned(),
    }
}

fn close(got: Option<f64>, expected: f64) -> bool {
    got.is_some_and(|g| (g - expected).abs() < 1e-12)
}

#[test]
fn perfect_agreement_is_one_everywhere() {
    let doc = doc();
    let spans = [
        ("m", Label::Actor, "Maria Zakharova"),
        ("f", Label::Date, "on Friday"),
        ("c", Label::Claim, "talks with Armenia are difficult"),
        ("a", Label::Actor, "Armenia"),
    ];
    let (a, b) = (layer(&doc, &spans), layer(&doc, &spans));
    let layers = [Layer::new("ann", &a), Layer::new("bob", &b)];
    let report = agreement_report(&doc.index, &layers);
    assert_eq!(report.pairs.len(), 4);
    for row in &report.pairs {
        assert!(close(row.f1, 1.0) && close(row.overlap_f1, 1.0), "{row:?}");
        assert!(
            close(row.precision, 1.0) && close(row.recall, 1.0),
            "{row:?}"
        );
        assert!(close(row.kappa, 1.0) && close(row.alpha, 1.0), "{row:?}");
        assert!(close(row.unitizing_alpha, 1.0), "{row:?}");
        assert_eq!((row.a_only, row.b_only, row.label_conflicts), (0, 0, 0));
    }
    for row in &report.group {
        assert!(
            close(row.alpha, 1.0) && close(row.unitizing_alpha, 1.0),
            "{row:?}"
        );
    }
}

#[test]
fn no_agreement_has_zero_f1_and_the_hand_computed_kappa() {
    let doc = doc();
    let a = layer(&doc, &[("m", Label::Actor, "Maria")]);
    let b = layer(&doc, &[("f", Label::Actor, "Friday")]);
    let layers = [Layer::new("ann", &a), Layer::new("bob", &b)];
    let report = agreement_report(&doc.index, &layers);
    let n = report.tokens as f64;
    let actor = &report.pairs[0];
    assert_eq!(actor.label, "actor");
    assert_eq!((actor.matches, actor.a_only, actor.b_only), (0, 1, 1));
    assert!(close(actor.f1, 0.0) && close(actor.overlap_f1, 0.0));
    assert!(close(actor.precision, 0.0) && close(actor.recall, 0.0));
    // One token each, different ones: agree on n − 2 tokens, each coder has one 1 and n − 1
    // zeros, so κ = (n(n − 2) − (n − 1)² − 1) / (n² − (n − 1)² − 1) = −1 / (n − 1).
    assert!(
        close(actor.kappa, -1.0 / (n - 1.0)),
        "{:?} with {n} tokens",
        actor.kappa
    );
    // α over 2n values: n₁ = 2, n₀ = 2n − 2; two disagreeing units, 2 ordered pairs each:
    // α = 1 − (2n − 1) · 4 / (2 · n₀ · n₁) = 1 − (2n − 1) / (2n − 2).
    let alpha = 1.0 - (2.0 * n - 1.0) / (2.0 * n - 2.0);
    assert!(close(actor.alpha, alpha), "{:?} vs {alpha}", actor.alpha);
    // Unitizing: each unit lies wholly in the other coder's gap.
    assert!(actor.unitizing_alpha.unwrap() < 0.0);
    // Labels nobody used: κ, α and αu undefined, F1 too.
    let claim = &report.pairs[1];
    assert_eq!(claim.label, "claim");
    assert_eq!(
        (claim.kappa, claim.alpha, claim.unitizing_alpha),
        (None, None, None)
    );
    assert_eq!(
        (claim.precision, claim.recall, claim.f1),
        (None, None, None)
    );
}

#[test]
fn chance_level_agreement_has_kappa_zero() {
    // A: 1 1 0 0, B: 1 0 1 0 → pₒ = pₑ = ½.
    let kappa = cohen_kappa([(1, 1), (1, 0), (0, 1), (0, 0)]);
    assert_eq!(kappa, Some(0.0));
    // α: n = 8, n₀ = n₁ = 4, units 2 and 3 disagree: 1 − 7 · 4 / (64 − 32) = 0.125.
    let data = vec![
        vec![Some(1), Some(1), Some(0), Some(0)],
        vec![Some(1), Some(0), Some(1), Some(0)],
    ];
    assert!(close(krippendorff_alpha(&data), 0.125));
    // Undefined: no units, or one value throughout.
    assert_eq!(cohen_kappa(Vec::<(u8, u8)>::new()), None);
    assert_eq!(cohen_kappa([(1, 1), (1, 1)]), None);
    assert_eq!(
        krippendorff_alpha(&[vec![Some(1), Some(1)], vec![Some(1), None]]),
        None
    );
    assert_eq!(krippendorff_alpha::<u8>(&[]), None);
    // Each coder constant, but different values: κ = 0 (pₑ = 0, pₒ = 0).
    assert_eq!(cohen_kappa([(0, 1), (0, 1), (0, 1)]), Some(0.0));
}

#[test]
fn alpha_with_a_coder_missing_units() {
    // Units: {0,0}, {0,0}, {1,1,1}, {1,0}; n₀ = 5, n₁ = 4, n = 9; unit 4 has 2 disagreeing
    // ordered pairs over m − 1 = 1: α = 1 − 8 · 2 / (81 − 25 − 16) = 0.6.
    let mut data = vec![
        vec![Some(0), Some(0), Some(1), Some(1)],
        vec![Some(0), None, Some(1), Some(0)],
        vec![None, Some(0), Some(1)],
    ];
    assert!(close(krippendorff_alpha(&data), 0.6));
    let parts = alpha_parts(&data);
    assert_eq!((parts.pairable, parts.pairable_units), (9, 4));
    // A unit only one coder coded cannot be paired and changes nothing.
    data[0].push(Some(1));
    assert!(close(krippendorff_alpha(&data), 0.6));
    assert_eq!(alpha_parts(&data).pairable_units, 4);
}

#[test]
fn overlap_matching_is_one_to_one_largest_overlap_first_then_reading_order() {
    let doc = doc();
    let s = |x: usize, y: usize| CharSpan::at(x, y);
    // A's X [0, 10) overlaps B's Y [0, 4) by 4 and Z [5, 10) by 5: X takes Z.
    // A's P [20, 24) and Q [24, 28) overlap B's R [22, 26) by 2 each: the earlier, P, takes R.
    let a = [
        ann(&doc, "x", Label::Actor, s(0, 10)),
        ann(&doc, "q", Label::Actor, s(24, 28)),
        ann(&doc, "p", Label::Actor, s(20, 24)),
    ];
    let b = [
        ann(&doc, "y", Label::Actor, s(0, 4)),
        ann(&doc, "z", Label::Actor, s(5, 10)),
        ann(&doc, "r", Label::Actor, s(22, 26)),
    ];
    let m = match_spans(&a, &b, MatchMode::Overlap);
    assert_eq!(m.pairs, vec![(0, 1), (2, 2)]);
    assert_eq!(m.a_only, vec![1]);
    assert_eq!(m.b_only, vec![0]);
    assert_eq!(m.partner_of(2), Some(2));
    let counts = m.counts(&a, &b, None);
    assert_eq!(
        (counts.matches, counts.a_only(), counts.b_only()),
        (2, 1, 1)
    );
    assert!(close(counts.f1(), 4.0 / 6.0));
    // Exact matching finds none of them.
    assert!(match_spans(&a, &b, MatchMode::Exact).pairs.is_empty());
}

#[test]
fn nested_and_overlapping_spans_match_within_their_label() {
    let doc = doc();
    // A: a claim with an actor nested in it; B: the same actor, a claim starting one word
    // later, and an actor overlapping A's only partly.
    let a = layer(
        &doc,
        &[
            ("c", Label::Claim, "talks with Armenia are difficult"),
            ("a", Label::Actor, "Armenia"),
            ("m", Label::Actor, "Maria Zakharova"),
        ],
    );
    let b = layer(
        &doc,
        &[
            ("c", Label::Claim, "with Armenia are difficult"),
            ("a", Label::Actor, "Armenia"),
            ("z", Label::Actor, "Zakharova said"),
        ],
    );
    let (aa, ba) = (&a.annotations, &b.annotations);
    let exact = match_spans(aa, ba, MatchMode::Exact);
    assert_eq!(exact.pairs, vec![(1, 1)]);
    assert!(
        exact.conflicts.is_empty(),
        "a nested actor is no label conflict"
    );
    let overlap = match_spans(aa, ba, MatchMode::Overlap);
    // Reading order: Maria Zakharova (2), the claim (0), Armenia (1).
    assert_eq!(overlap.pairs, vec![(2, 2), (0, 0), (1, 1)]);
    let claim = overlap.counts(aa, ba, Some(Label::Claim));
    assert_eq!((claim.a_total, claim.b_total, claim.matches), (1, 1, 1));
    // Token units: "talks" is claim for A only; the nested "Armenia" is actor+claim for both.
    let layers = [Layer::new("ann", &a), Layer::new("bob", &b)];
    let units = TokenUnits::new(&doc.index, &layers);
    let at = |needle: &str| {
        let span = span_of(&doc, needle);
        units.tokens.iter().position(|t| *t == span).unwrap()
    };
    assert_eq!(units.sets[0][at("Armenia")].name(), "actor+claim");
    assert_eq!(units.sets[1][at("Armenia")].name(), "actor+claim");
    assert_eq!(units.sets[0][at("talks")].name(), "claim");
    assert_eq!(units.sets[1][at("talks")].name(), "");
    assert_eq!(units.sets[1][at("said")].name(), "actor");
}

#[test]
fn empty_layers_leave_figures_undefined_not_perfect() {
    let doc = doc();
    let (a, b) = (Annotations::default(), Annotations::default());
    let layers = [Layer::new("ann", &a), Layer::new("bob", &b)];
    let report = agreement_report(&doc.index, &layers);
    for row in &report.pairs {
        assert_eq!((row.precision, row.recall, row.f1), (None, None, None));
        assert_eq!(
            (row.overlap_precision, row.overlap_recall, row.overlap_f1),
            (None, None, None)
        );
        assert_eq!(
            (row.kappa, row.alpha, row.unitizing_alpha),
            (None, None, None)
        );
    }
    for row in &report.links {
        assert_eq!((row.precision, row.recall, row.f1), (None, None, None));
    }
    // One empty layer: B said nothing (precision undefined), found nothing (recall 0).
    let full = layer(&doc, &[("m", Label::Actor, "Maria Zakharova")]);
    let layers = [Layer::new("ann", &full), Layer::new("bob", &b)];
    let actor = &agreement_report(&doc.index, &layers).pairs[0];
    assert_eq!(actor.precision, None);
    assert_eq!(actor.recall, Some(0.0));
    assert_eq!(actor.f1, Some(0.0));
    assert_eq!((actor.a_only, actor.b_only), (1, 0));
    // A single layer has no pairs, and α of one coder is undefined.
    let one = agreement_report(&doc.index, &layers[..1]);
    assert!(one.pairs.is_empty());
    assert!(one
        .group
        .iter()
        .all(|g| g.alpha.is_none() && g.unitizing_alpha.is_none()));
}

#[test]
fn label_conflicts_are_counted_under_as_label() {
    let doc = doc();
    let a = layer(
        &doc,
        &[
            ("m", Label::Actor, "Maria Zakharova"),
            ("f", Label::Date, "on Friday"),
            ("n", Label::Actor, "Nikol Pashinyan"),
        ],
    );
    let b = layer(
        &doc,
        &[
            ("m", Label::Claim, "Maria Zakharova"),
            ("f", Label::Date, "on Friday"),
            ("n", Label::Actor, "Pashinyan"),
        ],
    );
    let m = match_spans(&a.annotations, &b.annotations, MatchMode::Exact);
    assert_eq!(m.conflicts, vec![(0, 0)]);
    let layers = [Layer::new("ann", &a), Layer::new("bob", &b)];
    let report = agreement_report(&doc.index, &layers);
    let row = |label: &str| report.pairs.iter().find(|p| p.label == label).unwrap();
    assert_eq!(row("actor").label_conflicts, 1);
    assert_eq!(row("claim").label_conflicts, 0);
    assert_eq!(row("all").label_conflicts, 1);
    // The conflict stays in A-only and B-only: it is why those were not matched.
    assert_eq!((row("actor").a_only, row("actor").b_only), (2, 1));
    assert_eq!((row("claim").a_only, row("claim").b_only), (0, 1));
    assert_eq!(
        (row("all").matches, row("all").a_only, row("all").b_only),
        (1, 2, 2)
    );
    // Overlap matching pairs the two Pashinyans, not the actor with the claim.
    assert_eq!(row("actor").overlap_matches, 1);
    assert_eq!(row("all").overlap_matches, 2);
}

#[test]
fn links_agree_when_both_ends_match() {
    let doc = doc();
    let mut a = layer(
        &doc,
        &[
            ("c", Label::Claim, "talks with Armenia are difficult"),
            ("m", Label::Actor, "Maria Zakharova"),
            ("t", Label::Actor, "Armenia"),
            ("f", Label::Date, "on Friday"),
        ],
    );
    a.relations = vec![
        link("c", "m", Role::Source),
        link("c", "t", Role::Target),
        link("c", "f", Role::When),
    ];
    let mut b = layer(
        &doc,
        &[
            ("C", Label::Claim, "with Armenia are difficult"),
            ("M", Label::Actor, "Zakharova"),
            ("T", Label::Actor, "Nikol Pashinyan"),
            ("F", Label::Date, "Friday"),
        ],
    );
    b.relations = vec![
        link("C", "M", Role::Source),
        link("C", "T", Role::Target),
        link("C", "F", Role::When),
        link("C", "gone", Role::Target),
    ];
    let (la, lb) = (Layer::new("ann", &a), Layer::new("bob", &b));
    let overlap = relation_counts(&la, &lb, MatchMode::Overlap);
    // Source and when: both ends overlap. Target: B's target is another actor. The link to a
    // missing annotation does not count.
    assert_eq!(
        (overlap[0].a_total, overlap[0].b_total, overlap[0].matches),
        (1, 1, 1)
    );
    assert_eq!(
        (overlap[1].a_total, overlap[1].b_total, overlap[1].matches),
        (1, 1, 0)
    );
    assert_eq!(
        (overlap[2].a_total, overlap[2].b_total, overlap[2].matches),
        (1, 1, 1)
    );
    // Exactly: no claim matches, so no link does.
    let exact = relation_counts(&la, &lb, MatchMode::Exact);
    assert!(exact.iter().all(|c| c.matches == 0));
    let report = agreement_report(&doc.index, &[la, lb]);
    assert_eq!(report.links.len(), 3);
    assert_eq!(report.links[0].role, "source");
    assert!(close(report.links[0].overlap_f1, 1.0));
    assert!(close(report.links[1].overlap_f1, 0.0));
    assert!(close(report.links[0].f1, 0.0));
}

#[test]
fn unitizing_alpha_by_hand() {
    // L = 10; coder 1: [2, 5), coder 2: [3, 5). Only the two units are at a distance:
    // (2 − 3)² + (5 − 5)² = 1, so Dₒ = 2 · 1 / (2 · 1 · 100) = 0.01. Gaps 2, 5 and 3, 5;
    // N_c = 2: Σ = [1 · 10 + 9 · (3 + 1 + 3)] + [1 · 2 + 4 · (1 + 4 + 2 + 4)] = 119;
    // Dₑ = (2/10) · 119 / (20 · 19 − 6 − 2) = 119 / 1860; α = 1 − 18.6 / 119.
    let parts = unitizing_parts(0, 10, &[vec![(2, 5)], vec![(3, 5)]]);
    assert!((parts.observed - 0.01).abs() < 1e-15);
    assert!((parts.expected - 119.0 / 1860.0).abs() < 1e-15);
    assert!(close(parts.alpha(), 1.0 - 18.6 / 119.0));
    // A coder's overlapping units are merged: [2, 4) and [3, 5) are [2, 5).
    let merged = unitizing_parts(0, 10, &[vec![(3, 5), (2, 4)], vec![(3, 5)]]);
    assert_eq!(merged, parts);
    // A unit wholly inside the other coder's gap: δ² = l².
    let apart = unitizing_parts(0, 10, &[vec![(1, 3)], vec![(6, 9)]]);
    assert!((apart.observed - 2.0 * (4.0 + 9.0) / 200.0).abs() < 1e-15);
    // Nobody marked anything: undefined.
    assert_eq!(unitizing_parts(0, 10, &[vec![], vec![]]).alpha(), None);
    // Through layers, over the text's code points.
    let doc = doc();
    let a = layer(&doc, &[("m", Label::Actor, "Maria Zakharova")]);
    let b = layer(&doc, &[("m", Label::Actor, "Zakharova")]);
    let layers = [Layer::new("ann", &a), Layer::new("bob", &b)];
    let len = doc.index.len_chars();
    let by_hand = unitizing_parts(0, len as u64, &[vec![(0, 15)], vec![(6, 15)]]);
    assert_eq!(unitizing(len, &layers, Some(Label::Actor)), by_hand);
    assert_eq!(unitizing(len, &layers, None).alpha(), by_hand.alpha());
}

#[test]
fn report_serialises_with_definitions_and_writes_rfc_4180_csv() {
    let doc = doc();
    let a = layer(&doc, &[("m", Label::Actor, "Maria Zakharova")]);
    let b = layer(&doc, &[("m", Label::Actor, "Maria Zakharova")]);
    let layers = [Layer::new("Smith, \"J\"", &a), Layer::new("=cmd", &b)];
    let report = agreement_report(&doc.index, &layers);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["definitions"], DEFINITIONS);
    assert!(DEFINITIONS.contains("word token") && DEFINITIONS.contains("undefined"));
    assert_eq!(json["pairs"][0]["annotator_a"], "Smith, \"J\"");
    assert_eq!(json["pairs"][0]["f1"], 1.0);
    // Nobody marked a claim: undefined figures are null.
    assert_eq!(json["pairs"][1]["label"], "claim");
    assert!(json["pairs"][1]["kappa"].is_null() && json["pairs"][1]["precision"].is_null());

    let csv = report_csv(&report);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("section,annotator_a,annotator_b,item,a_count,b_count,matches"));
    // 4 label rows, 3 link rows, 4 all-annotator rows, the definitions (one quoted cell, its
    // lines broken by LF only), and the empty string after the last CRLF.
    assert_eq!(lines.len(), 1 + 4 + 3 + 4 + 1 + 1);
    let definitions = lines[lines.len() - 2];
    assert!(definitions.starts_with("definitions,,,\""), "{definitions}");
    assert!(definitions.contains("word token"), "{definitions}");
    assert_eq!(lines.last(), Some(&""));
    assert!(
        lines[1]
            .starts_with("spans,\"Smith, \"\"J\"\"\",'=cmd,actor,1,1,1,0,0,0,1,1,1,1,0,0,1,1,1,"),
        "{}",
        lines[1]
    );
    // The claim row: counts 0, rates and coefficients empty.
    assert!(
        lines[2].ends_with(",claim,0,0,0,0,0,0,,,,0,0,0,,,,,,"),
        "{}",
        lines[2]
    );
    assert!(lines[5].starts_with("links,"), "{}", lines[5]);
    assert!(
        lines[8].starts_with("all_annotators,,,actor,2,"),
        "{}",
        lines[8]
    );
    assert_eq!(
        lines[1].matches(',').count(),
        lines[0].matches(',').count() + 1
    );
}
