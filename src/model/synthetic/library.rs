//! A generated library of news articles for trying the app at the scale of issue 14
//! (`examples/generate_library.rs` writes it as a workspace file). Each article has 2–5 KB of
//! English news prose, a publication date within one year, and exactly
//! [`ANNOTATIONS_PER_ARTICLE`] annotations: actors (with their entity names; the same people
//! and organisations speak across many articles), claims (linked to their source, often to a
//! date, sometimes to a target) and dates in phrases the date normaliser reads ("Tuesday",
//! "yesterday", "March 3", "3 March 2025", "last week", "March 2025", "last month", "the end of
//! 2024"). The same count and seed always give the same library, byte for byte.

use super::news::{Actor, ACTORS, COLOUR, FILLER, TOPICS};
use super::sentences::{background_sentence, claim_sentence, iso, Mark, Rng, Sentence};
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::Annotations;
use crate::model::document::Document;
use crate::model::library::{new_document_id, workspace_to_json, WorkspaceDocument};
use crate::model::span::CharSpan;
use crate::model::text::CharOffset;
use chrono::{Days, NaiveDate};

pub const ANNOTATIONS_PER_ARTICLE: usize = 50;

/// The time written as the workspace's `exported`: fixed, so files compare byte for byte.
pub const EXPORTED: &str = "2025-03-01T00:00:00.000Z";

/// The generated documents, and the value each date annotation is meant to normalise to
/// (document id, annotation id, value), for tests that check the normaliser agrees.
pub struct GeneratedLibrary {
    pub documents: Vec<WorkspaceDocument>,
    pub intended_dates: Vec<(String, String, String)>,
}

impl GeneratedLibrary {
    /// The workspace file the app's "Download workspace" writes and its import reads.
    pub fn to_workspace_json(&self) -> String {
        workspace_to_json(&self.documents, EXPORTED)
    }
}

/// `count` articles from `seed`, in order of publication (1 March 2024 to 28 February 2025).
pub fn generate(count: usize, seed: u64) -> GeneratedLibrary {
    let mut rng = Rng(seed);
    let first = NaiveDate::from_ymd_opt(2024, 3, 1).expect("a date");
    let mut days: Vec<u64> = (0..count).map(|_| rng.below(365) as u64).collect();
    days.sort_unstable();
    let mut library = GeneratedLibrary {
        documents: Vec::with_capacity(count),
        intended_dates: Vec::new(),
    };
    for (n, day) in days.into_iter().enumerate() {
        let published = first + Days::new(day);
        article(&mut rng, n + 1, published, &mut library);
    }
    library
}

/// One article: a topic, a cast of four to seven actors, claim and background sentences
/// holding exactly [`ANNOTATIONS_PER_ARTICLE`] annotations, filler up to its size.
fn article(rng: &mut Rng, n: usize, published: NaiveDate, library: &mut GeneratedLibrary) {
    let topic = rng.pick(TOPICS);
    let mut cast: Vec<&'static Actor> = Vec::new();
    let size = 4 + rng.below(4);
    while cast.len() < size {
        let actor = rng.pick(ACTORS);
        if !cast.iter().any(|a| a.entity == actor.entity) {
            cast.push(actor);
        }
    }
    let mut seen = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut left = ANNOTATIONS_PER_ARTICLE;
    while left > 0 {
        let s = match rng.below(10) {
            0 => background_sentence(rng, &cast, &mut seen, published),
            roll => claim_sentence(rng, topic, &cast, &mut seen, roll > 2, published),
        };
        if s.marks.len() <= left {
            left -= s.marks.len();
            sentences.push(s);
        }
    }
    // Filler, background and colour between them, until the article has its size (2.3–4.8 KB).
    let target_bytes = 2300 + rng.below(2500);
    let mut extra: Vec<String> = FILLER
        .iter()
        .chain(topic.background)
        .map(|s| (*s).to_owned())
        .collect();
    let mut bytes: usize = sentences.iter().map(|s| s.text.len() + 1).sum();
    while bytes < target_bytes {
        let text = if extra.is_empty() || rng.below(3) == 0 {
            let [place, who, what] = COLOUR.map(|words| *rng.pick(words));
            format!("{place}, {who} {what}.")
        } else {
            extra.swap_remove(rng.below(extra.len()))
        };
        let at = rng.below(sentences.len() + 1);
        bytes += text.len() + 1;
        let mut s = Sentence::default();
        s.push(&text);
        sentences.insert(at, s);
    }
    let who = rng.pick(&cast).headline;
    let title = rng.pick(topic.headlines).replace("{who}", who);
    let id = new_document_id(&title, &format!("{n:04}"));
    let names = Names {
        document: &id,
        annotations: &format!("a-{n:04}"),
        title: &title,
    };
    write_article(rng, names, published, sentences, library);
}

/// The ids and title of an article being written.
struct Names<'a> {
    document: &'a str,
    /// What each annotation id starts with (`a-0007`).
    annotations: &'a str,
    title: &'a str,
}

/// Lays the sentences out in paragraphs of one to four, and turns their marks into
/// annotations and links.
fn write_article(
    rng: &mut Rng,
    names: Names,
    published: NaiveDate,
    sentences: Vec<Sentence>,
    library: &mut GeneratedLibrary,
) {
    let mut text = String::new();
    let mut at = 0;
    let mut placed: Vec<(usize, Sentence)> = Vec::new();
    let mut in_paragraph = 0;
    let mut paragraph_size = 2 + rng.below(3);
    for s in sentences {
        if in_paragraph > 0 {
            let gap = if in_paragraph == paragraph_size {
                "\n"
            } else {
                " "
            };
            if gap == "\n" {
                in_paragraph = 0;
                paragraph_size = 1 + rng.below(4);
            }
            text.push_str(gap);
            at += 1;
        }
        text.push_str(&s.text);
        placed.push((at, s));
        at += placed.last().map_or(0, |(_, s)| s.chars);
        in_paragraph += 1;
    }
    let id = names.document;
    let mut document = Document::new(id, names.title, Some(&iso(published)), &text);
    document.source_url = Some(format!("https://news.example/{id}"));
    let now = format!(
        "{}T{:02}:{:02}:00.000Z",
        iso(published),
        8 + rng.below(10),
        rng.below(60)
    );
    let mut content = Annotations::default();
    for (base, s) in &placed {
        let first = content.annotations.len();
        let ids: Vec<String> = (0..s.marks.len())
            .map(|k| format!("{}-{:02}", names.annotations, first + k + 1))
            .collect();
        for (k, (start, end, mark)) in s.marks.iter().enumerate() {
            let span = CharSpan::new(CharOffset(base + start), CharOffset(base + end));
            let label = match mark {
                Mark::Actor(_) => Label::Actor,
                Mark::Claim { .. } => Label::Claim,
                Mark::Date(_) => Label::Date,
            };
            let mut a = Annotation::new(&document.index, ids[k].clone(), label, span, &now);
            match mark {
                Mark::Actor(entity) => a.entity = Some((*entity).to_owned()),
                Mark::Date(value) => {
                    library
                        .intended_dates
                        .push((id.to_owned(), ids[k].clone(), value.clone()))
                }
                Mark::Claim {
                    source,
                    when,
                    target,
                } => {
                    let links = [
                        (Some(*source), Role::Source),
                        (*when, Role::When),
                        (*target, Role::Target),
                    ];
                    for (other, role) in links.into_iter().filter_map(|(o, r)| Some((o?, r))) {
                        content.relations.push(Relation {
                            id: format!("{}-{}", ids[k], role.as_str()),
                            claim: ids[k].clone(),
                            other: ids[other].clone(),
                            role,
                            created: now.clone(),
                        });
                    }
                }
            }
            content.annotations.push(a);
        }
    }
    library
        .documents
        .push(WorkspaceDocument { document, content });
}
