//! The suggesters (`model::suggest`): dates, actors, claims and links on hand-checked cases
//! (Unicode among them: offsets are code points), filtering by existing annotations and
//! rejections, what the library knows, spans on grapheme and word boundaries across the
//! generated library, and a floor under the quality measured on the held-out test set.

#[path = "../support/suggest_eval.rs"]
mod suggest_eval;

use crate::support::{nth_span_in, span_in, NOW};
use annotator::model::dates::parse_iso_date;
use annotator::model::suggest::{
    suggest, Context, Knowledge, LinkEnd, Options, Rejections, Suggestion, Suggestions, Which, Why,
};
use annotator::model::{Annotation, CharSpan, Label, Relation, Role, TextIndex};

fn run_with(
    text: &str,
    published: &str,
    knowledge: &Knowledge,
    existing: &[Annotation],
    relations: &[Relation],
    rejections: &Rejections,
    options: Options,
) -> Suggestions {
    let index = TextIndex::new(text);
    let context = Context {
        published: parse_iso_date(published),
        knowledge,
        existing,
        relations,
        rejections,
    };
    let out = suggest(&index, &context, options);
    for s in &out.spans {
        assert_eq!(index.slice(s.span.start, s.span.end), s.quote, "{s:?}");
    }
    out
}

fn run(text: &str, published: &str) -> Vec<Suggestion> {
    run_with(
        text,
        published,
        &Knowledge::new(),
        &[],
        &[],
        &Rejections::new(),
        Options::default(),
    )
    .spans
}

fn quotes(suggestions: &[Suggestion], label: Label) -> Vec<&str> {
    suggestions
        .iter()
        .filter(|s| s.label == label)
        .map(|s| s.quote.as_str())
        .collect()
}

fn find<'a>(suggestions: &'a [Suggestion], label: Label, quote: &str) -> &'a Suggestion {
    suggestions
        .iter()
        .find(|s| s.label == label && s.quote == quote)
        .unwrap_or_else(|| panic!("no {label} “{quote}” in {:#?}", quotes(suggestions, label)))
}

const ARTICLE: &str = annotator::model::DEFAULT_ARTICLE_TEXT;

#[test]
fn dates_of_the_default_article_with_their_values() {
    let s = run(ARTICLE, "2025-01-24");
    assert_eq!(
        quotes(&s, Label::Date),
        [
            "January 24",
            "2024",
            "the past year",
            "the end of 2024",
            "January 23",
            "December 18, 2024",
            "December 4",
            "November 2022"
        ]
    );
    let value = |q: &str| {
        let d = find(&s, Label::Date, q);
        (d.date_value.clone().unwrap(), d.date_modifier.clone())
    };
    assert_eq!(value("January 24"), ("2025-01-24".into(), None));
    assert_eq!(value("the past year"), ("P1Y".into(), None));
    assert_eq!(
        value("the end of 2024"),
        ("2024".into(), Some("END".into()))
    );
    assert_eq!(value("December 4"), ("2024-12-04".into(), None));
    assert_eq!(find(&s, Label::Date, "January 24").why, Why::DatePhrase);
}

#[test]
fn relative_dates_resolve_against_publication_and_the_sentence_tense() {
    // 2025-03-14 is a Friday.
    let text = "Officials met on Tuesday and yesterday. Talks will resume on April 3, and \
                prices rose last year. Trade fell in the past two years.";
    let s = run(text, "2025-03-14");
    let value = |q: &str| find(&s, Label::Date, q).date_value.clone().unwrap();
    assert_eq!(value("Tuesday"), "2025-03-11");
    assert_eq!(value("yesterday"), "2025-03-13");
    assert_eq!(value("April 3"), "2025-04-03");
    assert_eq!(value("last year"), "2024");
    assert_eq!(value("the past two years"), "P2Y");
    // Without a publication date, relative phrases have no value and are not suggested.
    assert!(!quotes(&run(text, "none"), Label::Date).contains(&"yesterday"));
}

#[test]
fn dates_avoid_months_that_are_verbs_or_names_and_bare_numbers() {
    let text = "Theresa May said prices may rise. Protesters march in the capital. March was \
                cold, and 18 people and 4,315 tonnes were counted in March. Schools reopen \
                in May.";
    let s = run(text, "2025-06-01");
    assert_eq!(quotes(&s, Label::Date), ["March", "May"]);
    assert_eq!(
        find(&s, Label::Date, "March").span,
        nth_span_in(text, "March", 1)
    );
}

#[test]
fn actors_by_role_organisation_acronym_and_later_use() {
    let s = run(ARTICLE, "2025-01-24");
    let actors = quotes(&s, Label::Actor);
    for name in [
        "Russian Ministry of Foreign Affairs",
        "MFA",
        "Sergey Lavrov",
        "Collective Security Treaty Organization",
        "CSTO",
        "Eurasian Economic Union",
        "EAEU",
        "Dmitry Peskov",
        "Nikol Pashinyan",
        "Vladimir Putin",
        "Ilham Aliyev",
        "Pashinyan",
    ] {
        assert!(actors.contains(&name), "{name} in {actors:?}");
    }
    // The role stays outside the span; no name inside a hyphenated compound.
    assert!(!actors
        .iter()
        .any(|a| a.contains("Minister") || a.contains("Russian-")));
    assert_eq!(find(&s, Label::Actor, "Sergey Lavrov").why, Why::RoleName);
    // Every use of the acronym, the one in parentheses included.
    let mfa = s
        .iter()
        .filter(|x| x.label == Label::Actor && x.quote == "MFA")
        .count();
    assert!(mfa >= 4, "{mfa}");
}

#[test]
fn speakers_of_reporting_verbs_before_and_after_the_verb() {
    let text = "Gasgrid Finland, the state operator, said the pipeline works. \
                “Supply is fine,” said Dr. Awa Cissé. The operator Elering has said that flows resumed. \
                Analysts said prices could fall. Norway has said that it agrees.";
    let s = run(text, "2024-11-28");
    let actors = quotes(&s, Label::Actor);
    assert_eq!(
        actors,
        ["Gasgrid Finland", "Awa Cissé", "Elering", "Norway"]
    );
    assert_eq!(find(&s, Label::Actor, "Elering").why, Why::Speaker);
    // "Analysts" and "Norway" start their sentences and appear nowhere else; "Analysts" looks
    // like a plural noun, so it is no name, while a single word that speaks is one ("Norway
    // has said": a country that speaks is an actor by the guideline).
}

#[test]
fn claims_of_each_pattern_without_marks_or_attribution() {
    let text = "“We regard the republic as a partner,” the MFA concluded.\n\
                Peskov stated that Armenia has not expressed an intention to leave, but that talks go on.\n\
                According to Izvestiya, the issue was not discussed.\n\
                Prices will rise next month, officials said on Friday.\n\
                The envoy called the plan \"a dead end.\" Its \"white list\" was not discussed.\n\
                « Nous manquons de sel », said Dr. Awa Cissé.";
    let s = run(text, "2025-01-24");
    assert_eq!(
        quotes(&s, Label::Claim),
        [
            "We regard the republic as a partner",
            "Armenia has not expressed an intention to leave",
            "talks go on",
            "the issue was not discussed",
            "Prices will rise next month",
            "a dead end",
            "Nous manquons de sel",
        ]
    );
    assert_eq!(find(&s, Label::Claim, "a dead end").why, Why::Quotation);
    assert_eq!(
        find(&s, Label::Claim, "the issue was not discussed").why,
        Why::AccordingTo
    );
    assert_eq!(
        find(&s, Label::Claim, "Prices will rise next month").why,
        Why::ClaimSaid
    );
}

#[test]
fn offsets_are_code_points_across_emoji_accents_and_cjk() {
    // Flags, a ZWJ sequence, a decomposed accent (e + U+0301) and CJK before and inside spans.
    let text = "🇦🇲👩🏽‍💻 On Friday, Health Minister Zoe\u{301} Ndiaye said that the café \
                reopened. Li Wen (李文), an engineer, said: “The pipes leak 🚰.” 李文 left on \
                December 4.";
    let s = run(text, "2025-01-24");
    let index = TextIndex::new(text);
    for x in &s {
        assert!(index.is_grapheme_boundary(x.span.start) && index.is_grapheme_boundary(x.span.end));
        let by_code_points: String = text
            .chars()
            .skip(x.span.start.0)
            .take(x.span.len())
            .collect();
        assert_eq!(by_code_points, x.quote, "{x:?}");
    }
    assert_eq!(
        find(&s, Label::Actor, "Zoe\u{301} Ndiaye").span,
        span_in(text, "Zoe\u{301} Ndiaye")
    );
    find(&s, Label::Actor, "Li Wen");
    let cjk: Vec<_> = s
        .iter()
        .filter(|x| x.label == Label::Actor && x.quote == "李文")
        .collect();
    assert_eq!(cjk.len(), 2, "the name in parentheses and its later use");
    find(&s, Label::Claim, "The pipes leak");
    find(&s, Label::Claim, "the café reopened");
    assert_eq!(
        find(&s, Label::Date, "Friday").date_value.as_deref(),
        Some("2025-01-17")
    );
    assert_eq!(
        find(&s, Label::Date, "December 4").span,
        span_in(text, "December 4")
    );
}

fn annotation(text: &TextIndex, id: &str, label: Label, span: CharSpan) -> Annotation {
    Annotation::new(text, id.to_owned(), label, span, NOW)
}

#[test]
fn nothing_is_suggested_where_an_annotation_of_the_label_is() {
    let index = TextIndex::new(ARTICLE);
    let lavrov = span_in(ARTICLE, "Foreign Minister Sergey Lavrov");
    let date = span_in(ARTICLE, "January 24");
    let existing = [
        annotation(&index, "a1", Label::Actor, lavrov),
        annotation(&index, "d1", Label::Date, date),
    ];
    let out = run_with(
        ARTICLE,
        "2025-01-24",
        &Knowledge::new(),
        &existing,
        &[],
        &Rejections::new(),
        Options::default(),
    );
    for s in &out.spans {
        for a in &existing {
            assert!(!(s.label == a.label && s.span.overlaps(&a.span)), "{s:?}");
        }
    }
    assert!(!quotes(&out.spans, Label::Actor).contains(&"Sergey Lavrov"));
    // Without the existing annotations both are suggested.
    let plain = run(ARTICLE, "2025-01-24");
    assert!(quotes(&plain, Label::Actor).contains(&"Sergey Lavrov"));
    assert!(quotes(&plain, Label::Date).contains(&"January 24"));
}

#[test]
fn rejected_suggestions_come_back_only_when_asked_and_flagged() {
    let mut rejections = Rejections::new();
    rejections.reject(Label::Actor, "sergey  LAVROV");
    assert!(rejections.is_rejected(Label::Actor, "Sergey Lavrov"));
    assert!(!rejections.is_rejected(Label::Claim, "Sergey Lavrov"));
    let json = serde_json::to_string(&rejections).unwrap();
    assert_eq!(json, r#"[{"l":"actor","q":"sergey lavrov"}]"#);
    let back: Rejections = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rejections);

    let k = Knowledge::new();
    let hidden = run_with(
        ARTICLE,
        "2025-01-24",
        &k,
        &[],
        &[],
        &rejections,
        Options::default(),
    );
    assert!(!quotes(&hidden.spans, Label::Actor).contains(&"Sergey Lavrov"));
    let shown = run_with(
        ARTICLE,
        "2025-01-24",
        &k,
        &[],
        &[],
        &rejections,
        Options {
            show_rejected: true,
            ..Options::default()
        },
    );
    let lavrov = find(&shown.spans, Label::Actor, "Sergey Lavrov");
    assert!(lavrov.rejected);
    assert!(shown.spans.iter().filter(|s| s.rejected).count() == 1);
    // A restored rejection is suggested again.
    let mut restored = rejections.clone();
    assert!(restored.restore(Label::Actor, "Sergey Lavrov"));
    assert!(restored.is_empty());
}

#[test]
fn knowledge_finds_known_names_longest_first_with_their_entity_and_learns() {
    let text =
        "Izvestiya ran a story about the Russian MFA. The MFA and the Kremlin agreed; izvestiya.";
    let index = TextIndex::new(text);
    let mut knowledge = Knowledge::new();
    let mut mfa = annotation(&index, "x", Label::Actor, span_in(text, "MFA"));
    mfa.entity = Some("Russian Ministry of Foreign Affairs".into());
    knowledge.learn(&mfa);
    knowledge.add_name("Russian MFA", Some("Russian Ministry of Foreign Affairs"));
    let before = run_with(
        text,
        "2025-01-24",
        &knowledge,
        &[],
        &[],
        &Rejections::new(),
        Options::default(),
    );
    assert!(!quotes(&before.spans, Label::Actor).contains(&"Izvestiya"));
    // One more accepted annotation, learned incrementally.
    let mut izvestiya = annotation(&index, "y", Label::Actor, span_in(text, "Izvestiya"));
    izvestiya.entity = Some("Izvestiya".into());
    knowledge.learn(&izvestiya);
    // A claim is not an actor name.
    knowledge.learn(&annotation(
        &index,
        "z",
        Label::Claim,
        span_in(text, "The MFA and"),
    ));
    let after = run_with(
        text,
        "2025-01-24",
        &knowledge,
        &[],
        &[],
        &Rejections::new(),
        Options::default(),
    );
    let known: Vec<(&str, Option<&str>)> = after
        .spans
        .iter()
        .filter(|s| s.why == Why::Known)
        .map(|s| (s.quote.as_str(), s.entity.as_deref()))
        .collect();
    assert_eq!(
        known,
        [
            ("Izvestiya", Some("Izvestiya")),
            ("Russian MFA", Some("Russian Ministry of Foreign Affairs")),
            ("MFA", Some("Russian Ministry of Foreign Affairs")),
        ],
        "case-sensitive, whole words, longest first, no overlap"
    );
    // What the worker receives reads back to the same knowledge.
    let json = serde_json::to_string(&knowledge).unwrap();
    let back: Knowledge = serde_json::from_str(&json).unwrap();
    assert_eq!(back, knowledge);
    assert_eq!(
        back.entity_of("MFA"),
        Some("Russian Ministry of Foreign Affairs")
    );
}

#[test]
fn links_from_suggested_claims_to_their_source_and_date() {
    let s = run(ARTICLE, "2025-01-24");
    let by_key = |key: &str| s.iter().find(|x| x.key() == key).unwrap();
    let claim = find(
        &s,
        Label::Claim,
        "Armenia has not expressed an intention to leave the CSTO",
    );
    let ends: Vec<(Role, &str)> = claim
        .links
        .iter()
        .map(|l| match &l.other {
            LinkEnd::Suggested(key) => (l.role, by_key(key).quote.as_str()),
            LinkEnd::Existing(id) => panic!("no existing annotation {id}"),
        })
        .collect();
    assert_eq!(
        ends,
        [(Role::Source, "Dmitry Peskov"), (Role::When, "January 23")]
    );
    // A date inside a quotation is what it speaks of, not when it was said.
    let quoted = find(&s, Label::Claim, "Moscow has always valued and continues to value its brotherly relations with Yerevan. We regard the republic as one of our natural strategic partners and allies");
    assert!(quoted.links.iter().all(|l| l.role == Role::Source));
}

#[test]
fn links_to_and_from_existing_annotations() {
    let index = TextIndex::new(ARTICLE);
    let claim_span = span_in(
        ARTICLE,
        "Armenia has not expressed an intention to leave the CSTO",
    );
    let existing = [
        annotation(&index, "c1", Label::Claim, claim_span),
        annotation(&index, "d1", Label::Date, span_in(ARTICLE, "January 23")),
        annotation(&index, "a1", Label::Actor, span_in(ARTICLE, "Ilham Aliyev")),
    ];
    let out = run_with(
        ARTICLE,
        "2025-01-24",
        &Knowledge::new(),
        &existing,
        &[],
        &Rejections::new(),
        Options::default(),
    );
    let peskov = find(&out.spans, Label::Actor, "Dmitry Peskov").key();
    let links: Vec<(&str, Role, &LinkEnd)> = out
        .links
        .iter()
        .filter(|l| l.claim == "c1")
        .map(|l| (l.claim.as_str(), l.role, &l.other))
        .collect();
    assert_eq!(
        links,
        [
            ("c1", Role::Source, &LinkEnd::Suggested(peskov)),
            ("c1", Role::When, &LinkEnd::Existing("d1".into())),
        ]
    );
    // A suggested claim whose speaker is annotated links to that annotation.
    let aliyev = find(
        &out.spans,
        Label::Claim,
        "Armenia would leave the CSTO as soon as it received the green light from Washington",
    );
    assert!(aliyev
        .links
        .iter()
        .any(|l| l.role == Role::Source && l.other == LinkEnd::Existing("a1".into())));
    // A role the claim already has is not suggested again.
    let relations = [Relation {
        id: "r1".into(),
        claim: "c1".into(),
        other: "d1".into(),
        role: Role::When,
        created: NOW.into(),
    }];
    let out = run_with(
        ARTICLE,
        "2025-01-24",
        &Knowledge::new(),
        &existing,
        &relations,
        &Rejections::new(),
        Options::default(),
    );
    assert!(out
        .links
        .iter()
        .all(|l| !(l.claim == "c1" && l.role == Role::When)));
    // With relations off, no links at all.
    let off = Options {
        which: Which {
            relations: false,
            ..Which::default()
        },
        ..Options::default()
    };
    let out = run_with(
        ARTICLE,
        "2025-01-24",
        &Knowledge::new(),
        &existing,
        &[],
        &Rejections::new(),
        off,
    );
    assert!(out.links.is_empty() && out.spans.iter().all(|s| s.links.is_empty()));
}

#[test]
fn which_suggesters_run_and_reading_order() {
    let only_dates = Options {
        which: Which {
            actors: false,
            claims: false,
            ..Which::default()
        },
        ..Options::default()
    };
    let k = Knowledge::new();
    let out = run_with(
        ARTICLE,
        "2025-01-24",
        &k,
        &[],
        &[],
        &Rejections::new(),
        only_dates,
    );
    assert!(!out.spans.is_empty() && out.spans.iter().all(|s| s.label == Label::Date));
    let all = run(ARTICLE, "2025-01-24");
    for pair in all.windows(2) {
        let key = |s: &Suggestion| (s.span.start, std::cmp::Reverse(s.span.end), s.label);
        assert!(key(&pair[0]) <= key(&pair[1]));
    }
    // Missing option fields read as on; suggestions travel as compact JSON and back.
    let which: Which = serde_json::from_str("{}").unwrap();
    assert_eq!(which, Which::default());
    let json = serde_json::to_string(&all[0]).unwrap();
    assert!(json.starts_with(r#"{"p":["#), "{json}");
    let back: Suggestion = serde_json::from_str(&json).unwrap();
    assert_eq!(back, all[0]);
    assert_eq!(
        all[0].key(),
        format!("{}:{}:{}", all[0].label, all[0].span.start, all[0].span.end)
    );
}

#[test]
fn every_suggestion_on_the_generated_library_sits_on_word_and_grapheme_bounds() {
    let library = annotator::model::synthetic::library::generate(20, 7);
    let knowledge = Knowledge::from_annotations(
        library
            .documents
            .iter()
            .flat_map(|d| d.content.annotations.iter()),
    );
    let mut known = 0;
    for doc in &library.documents {
        let index = &doc.document.index;
        let context = Context {
            published: doc.document.published.as_deref().and_then(parse_iso_date),
            knowledge: &knowledge,
            existing: &[],
            relations: &[],
            rejections: &Rejections::new(),
        };
        let out = suggest(index, &context, Options::default());
        assert!(!out.spans.is_empty());
        for s in &out.spans {
            assert_eq!(index.slice(s.span.start, s.span.end), s.quote);
            assert!(
                index.is_grapheme_boundary(s.span.start) && index.is_grapheme_boundary(s.span.end)
            );
            let (word_start, _, is_word) = index.word_segment_at(s.span.start).unwrap();
            assert!(is_word && word_start == s.span.start, "{s:?}");
            let (_, word_end, is_word) = index.word_segment_at(s.span.end - 1).unwrap();
            assert!(is_word && word_end == s.span.end, "{s:?}");
            assert_eq!(s.quote.trim(), s.quote);
            known += usize::from(s.why == Why::Known);
        }
        for label in Label::ALL {
            let spans: Vec<_> = out.spans.iter().filter(|s| s.label == label).collect();
            for pair in spans.windows(2) {
                assert!(!pair[0].span.overlaps(&pair[1].span), "{:?}", pair);
            }
        }
        // Every link names a returned suggestion.
        for s in &out.spans {
            for l in &s.links {
                let LinkEnd::Suggested(key) = &l.other else {
                    panic!()
                };
                assert!(out.spans.iter().any(|x| &x.key() == key));
            }
        }
    }
    assert!(known > 100, "the library's names are found again: {known}");
}

#[test]
fn a_long_text_with_many_known_names_is_read_once() {
    // Not timed (the example suggest_eval measures); this runs the 1 MB path end to end.
    let (doc, _) = annotator::model::synthetic::generate(300_000, 10);
    let library = annotator::model::synthetic::library::generate(50, 3);
    let knowledge = Knowledge::from_annotations(
        library
            .documents
            .iter()
            .flat_map(|d| d.content.annotations.iter()),
    );
    let context = Context {
        published: parse_iso_date("2025-01-24"),
        knowledge: &knowledge,
        existing: &[],
        relations: &[],
        rejections: &Rejections::new(),
    };
    let out = suggest(&doc.index, &context, Options::default());
    let copies = doc.index.text().matches("Sergey Lavrov").count();
    assert_eq!(
        out.spans
            .iter()
            .filter(|s| s.label == Label::Actor && s.quote == "Sergey Lavrov")
            .count(),
        copies
    );
}

#[test]
fn gold_fixtures_hold_their_quotes_at_their_code_points() {
    for set in ["dev", "test", "holdout", "blind"] {
        for article in suggest_eval::load(set) {
            let index = TextIndex::new(article.text.as_str());
            for g in &article.gold {
                assert_eq!(
                    index.slice(g.span.start, g.span.end),
                    g.quote,
                    "{}",
                    article.name
                );
            }
            assert!(parse_iso_date(article.published.as_deref().unwrap()).is_some());
        }
    }
}

/// Floors a little under what the held-out test set measured when they were set (overlap F1
/// actor 0.93, claim 0.95, date 0.95; docs/suggestions.md): a change that makes the suggesters
/// worse on text they were not tuned on fails here.
#[test]
fn quality_on_the_held_out_test_set_stays_above_its_floor() {
    const FLOOR: [(Label, f64); 3] = [
        (Label::Actor, 0.88),
        (Label::Claim, 0.90),
        (Label::Date, 0.90),
    ];
    let mut counts = [suggest_eval::Counts::default(); 3];
    for article in suggest_eval::load("test") {
        let suggested = suggest_eval::run(&article);
        for (i, c) in suggest_eval::score(&article, &suggested, false)
            .into_iter()
            .enumerate()
        {
            counts[i].add(c);
        }
    }
    for (i, (label, floor)) in FLOOR.iter().enumerate() {
        let f1 = counts[i].f1();
        assert!(f1 >= *floor, "{label}: overlap F1 {f1:.3} under {floor}");
    }
}

/// Category 9 of the holdout's error analysis: quarters, seasons, halves and parts of a year,
/// "earlier this year", and dates relative to another date of the text (without a value).
#[test]
fn dates_of_quarters_seasons_halves_and_relative_to_the_text() {
    let text = "Revenue in the third quarter fell from the same quarter last year and from 520 \
                million a year earlier. Revenue for the first nine months of this year was flat; \
                the second half of 2026 looks better, with a recovery next quarter. The club \
                finished ninth last season, spent heavily this summer, and building work will run \
                into the autumn. The ministry said earlier this year that prices would fall by 10 \
                percent.";
    let s = run(text, "2026-10-30");
    assert_eq!(
        quotes(&s, Label::Date),
        [
            "the third quarter",
            "the same quarter last year",
            "a year earlier",
            "the first nine months of this year",
            "the second half of 2026",
            "next quarter",
            "last season",
            "this summer",
            "the autumn",
            "earlier this year",
        ]
    );
    let value = |q: &str| find(&s, Label::Date, q).date_value.clone();
    assert_eq!(value("the third quarter").as_deref(), Some("2026-Q3"));
    assert_eq!(value("next quarter").as_deref(), Some("2027-Q1"));
    assert_eq!(value("the second half of 2026").as_deref(), Some("2026-H2"));
    assert_eq!(value("the autumn").as_deref(), Some("2026-FA"));
    assert_eq!(value("earlier this year").as_deref(), Some("2026"));
    assert_eq!(value("a year earlier"), None);
    assert_eq!(value("last season"), None);
}

// The categories of error an error analysis of the holdout set found (docs/suggestions.md);
// each test below fails on the suggesters before they were fixed.

/// Category 1: clubs, companies and newspapers without an organisation head word, possessive
/// short forms, persons introduced without a title.
#[test]
fn names_without_a_head_word_or_a_role() {
    let text =
        "Riverside United beat Kelso Athletic on Saturday. Riverside's owners were pleased. \
                Doha-based Qamar Logistics cut orders. The Lisbon daily Diário Desportivo covered \
                it. Foundem, a British price comparison site, complained. Łukasz Wróbel, who \
                represented the EU, watched. Tomás Araújo, 24, scored twice. Araújo's teammate \
                Rui Costa-Pereira moved to chipmaker Intel.";
    let s = run(text, "2026-07-17");
    assert_eq!(
        quotes(&s, Label::Actor),
        [
            "Riverside United",
            "Kelso Athletic",
            "Riverside",
            "Qamar Logistics",
            "Diário Desportivo",
            "Foundem",
            "Łukasz Wróbel",
            "EU",
            "Tomás Araújo",
            "Rui Costa-Pereira",
            "Intel",
        ]
    );
}

/// Category 2: names with "and", "of", an en dash or a plural possessive inside.
#[test]
fn organisation_names_across_connectors() {
    let text =
        "The Planning and Environment Committee met the Joint Economic and Trade Committee. \
                The Journal of Geriatric Sleep Medicine, the Gulf–Asia Policy Centre and the \
                Quayside Residents’ Association agreed. Japan and South Korea will resume talks.";
    let s = run(text, "2026-07-17");
    assert_eq!(
        quotes(&s, Label::Actor),
        [
            "Planning and Environment Committee",
            "Joint Economic and Trade Committee",
            "Journal of Geriatric Sleep Medicine",
            "Gulf–Asia Policy Centre",
            "Quayside Residents’ Association",
        ]
    );
}

/// Category 3: titles, "of" an organisation and "X-based" stay outside a person's span.
#[test]
fn roles_and_affiliations_stay_outside_person_names() {
    let text = "Chief Financial Officer Jane Doe spoke first. Dr. Helen Okafor of Westbrook \
                University led the study. Analyst Henrik Dahl of Fjord Securities agreed. \
                Doha-based Qamar Logistics cut orders. Councillor Jamal Okoye chairs it.";
    let s = run(text, "2026-07-17");
    assert_eq!(
        quotes(&s, Label::Actor),
        [
            "Jane Doe",
            "Helen Okafor",
            "Westbrook University",
            "Henrik Dahl",
            "Fjord Securities",
            "Qamar Logistics",
            "Jamal Okoye",
        ]
    );
}

/// Category 4: letters with diacritics, Arabic particles ("bin", "ibn", "al-") and ʿ marks;
/// a full name is found when its last word speaks later.
#[test]
fn names_with_diacritics_and_particles() {
    let text = "Turkish negotiator Mehmet Ağaoğlu and Saudi official Khalid bin Saeed al-Mansouri \
                met Łukasz Wróbel and Deputy Minister Trương Thị Phương. Its director, ʿAbd \
                al-Raḥmān ibn Yūsuf, wrote that costs fell sharply. Wróbel said talks went well. \
                Al-Mansouri said the kingdom would pay.";
    let s = run(text, "2026-11-12");
    assert_eq!(
        quotes(&s, Label::Actor),
        [
            "Mehmet Ağaoğlu",
            "Khalid bin Saeed al-Mansouri",
            "Łukasz Wróbel",
            "Trương Thị Phương",
            "ʿAbd al-Raḥmān ibn Yūsuf",
            "Wróbel",
            "Al-Mansouri",
        ]
    );
    assert_eq!(
        find(&s, Label::Claim, "costs fell sharply").links.len(),
        1,
        "its source is the director"
    );
}

/// Category 5: a city that speaks is an actor there, not where it is a place or a modifier.
#[test]
fn places_are_actors_only_where_they_speak() {
    let text = "Hanoi says the talks made progress. Officials met in Hanoi and flew to Ankara. \
                Talks between Hanoi and Ankara stalled, the Hanoi daily Tuoi reported. Diplomats \
                in Hanoi said the question divided them. Ankara has said it wants more.";
    let s = run(text, "2026-11-12");
    let actors: Vec<(&str, usize)> = s
        .iter()
        .filter(|x| x.label == Label::Actor)
        .map(|x| (x.quote.as_str(), x.span.start.0))
        .collect();
    let at = |s: &str| text[..text.rfind(s).unwrap()].chars().count();
    assert_eq!(
        actors,
        [
            ("Hanoi", 0),
            ("Tuoi", at("Tuoi")),
            ("Ankara", at("Ankara has"))
        ]
    );
}

/// Category 6: a time phrase after "said" at the end of a sentence is when, not what.
#[test]
fn time_phrases_after_said_are_not_claims() {
    let text = "Northwind lowered its forecast, the company said late on Thursday. The authority \
                said on Wednesday it expected to rule soon.";
    let s = run(text, "2026-10-30");
    assert_eq!(
        quotes(&s, Label::Claim),
        ["Northwind lowered its forecast", "it expected to rule soon"]
    );
    assert_eq!(quotes(&s, Label::Date), ["Thursday", "Wednesday"]);
}

/// Category 7: a quoted word inside a reported clause does not shrink the claim to it; a
/// quoted fragment right after "called" is the claim.
#[test]
fn quoted_fragments_inside_a_reported_clause() {
    let text = "He said the quarter had been \"choppy\". She said it was \"choppy\" too. \
                Analysts called the figures \"a clear reset\".";
    let s = run(text, "2026-10-30");
    assert_eq!(
        quotes(&s, Label::Claim),
        [
            "the quarter had been \"choppy",
            "it was \"choppy\" too",
            "a clear reset"
        ]
    );
}

/// Category 8: follow-on quotations, "arguing that A and that B", "saying …", "X, who …,
/// said", "the study found", a headline's "…, study suggests", a long subject before "said".
#[test]
fn more_claim_patterns() {
    let text = "Short naps may protect memory, study suggests\n\
                \"We have moved forward,\" Phương told reporters. \"The next round will be about money.\" \
                The association objected, arguing that parking overwhelms streets and that work \
                would run late. Harbour Lane Capital promised more, saying it would spend on the \
                squad. Kelso Athletic, who had also bid, said they had pulled out. Nappers declined \
                more slowly, the study found. It also found that long naps were linked to decline. \
                Vietnam and Türkiye agreed to set up a group, Vietnam’s Ministry of Industry and \
                Trade said on Thursday.";
    let s = run(text, "2026-11-12");
    assert_eq!(
        quotes(&s, Label::Claim),
        [
            "Short naps may protect memory",
            "We have moved forward",
            "The next round will be about money",
            "parking overwhelms streets",
            "work would run late",
            "it would spend on the squad",
            "they had pulled out",
            "Nappers declined more slowly",
            "long naps were linked to decline",
            "Vietnam and Türkiye agreed to set up a group",
        ]
    );
    let follow_on = find(&s, Label::Claim, "The next round will be about money");
    let source = follow_on.links.iter().find(|l| l.role == Role::Source);
    assert_eq!(
        source.map(|l| &l.other),
        Some(&LinkEnd::Suggested(find(&s, Label::Actor, "Phương").key()))
    );
    let lead = find(
        &s,
        Label::Claim,
        "Vietnam and Türkiye agreed to set up a group",
    );
    assert_eq!(lead.links.len(), 2, "source and when");
}
