//! Scoring the suggesters against the gold of `tests/fixtures/suggest/` (shared by
//! `examples/suggest_eval.rs` and the floor test in `tests/model/suggest.rs`).
//!
//! Matching: a suggestion and a gold annotation match when they have the same label and
//! **exact**: the same span; **overlap**: spans that share at least one code point. Matching is
//! one to one, in reading order: each gold annotation is matched by at most one suggestion and
//! each suggestion matches at most one gold annotation (the first unmatched one it overlaps).
//! Links: a suggested link counts as right when its claim matches (overlap) a gold claim that
//! has a gold link of the same role whose other end the suggested end overlaps.
#![allow(dead_code)]

use annotator::model::dates::parse_iso_date;
use annotator::model::suggest::{
    suggest, Context, Knowledge, LinkEnd, Options, Rejections, Suggestion,
};
use annotator::model::{CharSpan, Label, TextIndex};
use std::path::{Path, PathBuf};

pub struct GoldSpan {
    pub id: String,
    pub label: Label,
    pub span: CharSpan,
    pub quote: String,
}

pub struct GoldLink {
    pub claim: String,
    pub role: String,
    pub other: String,
}

pub struct Article {
    pub name: String,
    pub text: String,
    pub published: Option<String>,
    pub gold: Vec<GoldSpan>,
    pub links: Vec<GoldLink>,
}

pub fn fixtures(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/suggest")
        .join(set)
}

/// Every article of a set (`dev`, `test`, `holdout` or `blind`), by name.
pub fn load(set: &str) -> Vec<Article> {
    let dir = fixtures(set);
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let json: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let text = std::fs::read_to_string(dir.join(json["text"].as_str().unwrap())).unwrap();
            let gold = json["annotations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| GoldSpan {
                    id: a["id"].as_str().unwrap().to_owned(),
                    label: Label::parse(a["label"].as_str().unwrap()).unwrap(),
                    span: CharSpan::at(
                        a["start"].as_u64().unwrap() as usize,
                        a["end"].as_u64().unwrap() as usize,
                    ),
                    quote: a["quote"].as_str().unwrap().to_owned(),
                })
                .collect();
            let links = json["relations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| GoldLink {
                    claim: r["claim"].as_str().unwrap().to_owned(),
                    role: r["role"].as_str().unwrap().to_owned(),
                    other: r["other"].as_str().unwrap().to_owned(),
                })
                .collect();
            Article {
                name: path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .trim_end_matches(".gold.json")
                    .to_owned(),
                text,
                published: json["published"].as_str().map(str::to_owned),
                gold,
                links,
            }
        })
        .collect()
}

/// The suggestions for an article with nothing known, annotated or rejected.
pub fn run(article: &Article) -> Vec<Suggestion> {
    let index = TextIndex::new(article.text.as_str());
    let knowledge = Knowledge::new();
    let rejections = Rejections::new();
    let context = Context {
        published: article.published.as_deref().and_then(parse_iso_date),
        knowledge: &knowledge,
        existing: &[],
        relations: &[],
        rejections: &rejections,
    };
    suggest(&index, &context, Options::default()).spans
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub suggested: usize,
    pub gold: usize,
    pub right: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.suggested += other.suggested;
        self.gold += other.gold;
        self.right += other.right;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.suggested)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// For each suggestion, the index of the gold annotation it matches.
pub fn matches(suggested: &[Suggestion], gold: &[GoldSpan], exact: bool) -> Vec<Option<usize>> {
    let mut taken = vec![false; gold.len()];
    suggested
        .iter()
        .map(|s| {
            let found = gold.iter().enumerate().position(|(i, g)| {
                !taken[i]
                    && g.label == s.label
                    && if exact {
                        g.span == s.span
                    } else {
                        g.span.overlaps(&s.span)
                    }
            });
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        })
        .collect()
}

/// Counts per label (Actor, Claim, Date order) for one article.
pub fn score(article: &Article, suggested: &[Suggestion], exact: bool) -> [Counts; 3] {
    let matched = matches(suggested, &article.gold, exact);
    let mut counts = [Counts::default(); 3];
    for (label_index, label) in Label::ALL.iter().enumerate() {
        let c = &mut counts[label_index];
        c.gold = article.gold.iter().filter(|g| g.label == *label).count();
        for (s, m) in suggested.iter().zip(&matched) {
            if s.label == *label {
                c.suggested += 1;
                c.right += usize::from(m.is_some());
            }
        }
    }
    counts
}

/// Link counts for one article (overlap matching of claims and ends).
pub fn score_links(article: &Article, suggested: &[Suggestion]) -> Counts {
    let matched = matches(suggested, &article.gold, false);
    let by_key: std::collections::HashMap<String, &Suggestion> =
        suggested.iter().map(|s| (s.key(), s)).collect();
    let mut counts = Counts {
        gold: article.links.len(),
        ..Counts::default()
    };
    for (s, m) in suggested.iter().zip(&matched) {
        for link in &s.links {
            counts.suggested += 1;
            let LinkEnd::Suggested(key) = &link.other else {
                continue;
            };
            let (Some(g), Some(other)) = (m, by_key.get(key)) else {
                continue;
            };
            let claim_id = &article.gold[*g].id;
            let right = article.links.iter().any(|l| {
                &l.claim == claim_id
                    && l.role == link.role.as_str()
                    && article
                        .gold
                        .iter()
                        .any(|g| g.id == l.other && g.span.overlaps(&other.span))
            });
            counts.right += usize::from(right);
        }
    }
    counts
}
