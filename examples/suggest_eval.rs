//! How well the suggesters do on the gold of `tests/fixtures/suggest/` (dev: tuned on; test:
//! held out; holdout: written later by someone else, never tuned on, though its error categories
//! informed the second round of rules: docs/suggestions.md; blind: written afterwards by an
//! assistant that read neither the rules nor the other sets, never tuned on), and how long they
//! take on the 1 MB benchmark document and the default article.
//! `cargo run --release --example suggest_eval [-- --show dev|test|holdout|blind] [--only SET]`
//! (`--show` lists what was missed and what was wrong; `--only` scores one set, so tuning on dev
//! prints no figures of the held-out sets). The matching rules are in `tests/support/suggest_eval.rs`.

#[path = "../tests/support/suggest_eval.rs"]
mod suggest_eval;

use annotator::model::dates::parse_iso_date;
use annotator::model::suggest::{suggest, Context, Knowledge, Options, Rejections};
use annotator::model::{Label, TextIndex};
use std::time::Instant;
use suggest_eval::{load, matches, run, score, score_links, Counts};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1).cloned());
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1).cloned());
    for set in ["dev", "test", "holdout", "blind"] {
        if only.as_deref().is_some_and(|o| o != set) {
            continue;
        }
        let articles = load(set);
        let mut exact = [Counts::default(); 3];
        let mut overlap = [Counts::default(); 3];
        let mut links = Counts::default();
        for article in &articles {
            let suggested = run(article);
            for (i, c) in score(article, &suggested, true).into_iter().enumerate() {
                exact[i].add(c);
            }
            for (i, c) in score(article, &suggested, false).into_iter().enumerate() {
                overlap[i].add(c);
            }
            links.add(score_links(article, &suggested));
            if show.as_deref() == Some(set) {
                println!("== {}", article.name);
                let m = matches(&suggested, &article.gold, false);
                let e = matches(&suggested, &article.gold, true);
                for ((s, m), e) in suggested.iter().zip(&m).zip(&e) {
                    let mark = match (m, e) {
                        (_, Some(_)) => "  ok",
                        (Some(g), None) => {
                            println!(
                                "  ~~ {} {:?} (gold {:?})",
                                s.label, s.quote, article.gold[*g].quote
                            );
                            continue;
                        }
                        _ => "  FP",
                    };
                    if mark == "  FP" {
                        println!("{mark} {} {:?} [{}]", s.label, s.quote, s.why.wording());
                    }
                }
                let hit: std::collections::HashSet<usize> = m.iter().flatten().copied().collect();
                for (i, g) in article.gold.iter().enumerate() {
                    if !hit.contains(&i) {
                        println!("  FN {} {:?}", g.label, g.quote);
                    }
                }
            }
        }
        println!(
            "\n{set}: {} articles, {} gold spans",
            articles.len(),
            articles.iter().map(|a| a.gold.len()).sum::<usize>()
        );
        println!("  label    exact P / R / F1        overlap P / R / F1");
        let mut all_exact = Counts::default();
        let mut all_overlap = Counts::default();
        for (i, label) in Label::ALL.iter().enumerate() {
            all_exact.add(exact[i]);
            all_overlap.add(overlap[i]);
            println!(
                "  {:<7} {:.2} / {:.2} / {:.2}      {:.2} / {:.2} / {:.2}   ({} suggested, {} gold)",
                label.as_str(),
                exact[i].precision(),
                exact[i].recall(),
                exact[i].f1(),
                overlap[i].precision(),
                overlap[i].recall(),
                overlap[i].f1(),
                overlap[i].suggested,
                overlap[i].gold
            );
        }
        println!(
            "  {:<7} {:.2} / {:.2} / {:.2}      {:.2} / {:.2} / {:.2}",
            "all",
            all_exact.precision(),
            all_exact.recall(),
            all_exact.f1(),
            all_overlap.precision(),
            all_overlap.recall(),
            all_overlap.f1()
        );
        println!(
            "  links   {:.2} / {:.2} / {:.2}   ({} suggested, {} gold)",
            links.precision(),
            links.recall(),
            links.f1(),
            links.suggested,
            links.gold
        );
    }

    // Timing.
    let (doc, _) = annotator::model::synthetic::generate(1_000_000, 10);
    let published = parse_iso_date("2025-01-24");
    let knowledge = Knowledge::new();
    let rejections = Rejections::new();
    let context = Context {
        published,
        knowledge: &knowledge,
        existing: &[],
        relations: &[],
        rejections: &rejections,
    };
    for (name, index) in [
        ("1 MB benchmark document", &doc.index),
        (
            "default article",
            &TextIndex::new(annotator::model::DEFAULT_ARTICLE_TEXT),
        ),
    ] {
        let runs = if index.len_chars() > 100_000 { 3 } else { 50 };
        let start = Instant::now();
        let mut count = 0;
        for _ in 0..runs {
            count = suggest(index, &context, Options::default()).spans.len();
        }
        let each = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
        println!(
            "\n{name}: {} code points, {count} suggestions, {each:.1} ms per run",
            index.len_chars()
        );
    }
    // Known names: every actor of a 200-article generated library, on the 1 MB document.
    let library = annotator::model::synthetic::library::generate(200, 7);
    let knowledge = Knowledge::from_annotations(
        library
            .documents
            .iter()
            .flat_map(|d| d.content.annotations.iter()),
    );
    let context = Context {
        knowledge: &knowledge,
        ..context
    };
    let start = Instant::now();
    let count = suggest(&doc.index, &context, Options::default())
        .spans
        .len();
    println!(
        "1 MB benchmark document with {} known names: {count} suggestions, {:.1} ms",
        knowledge.names().len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
}
