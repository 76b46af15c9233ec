//! The generated library (`examples/generate_library.rs`): the app's own workspace reader
//! takes it back with every count, quote and link intact, the date normaliser gives each
//! date the value it was written for, and the same seed gives the same bytes.

use annotator::model::library::parse_workspace;
use annotator::model::synthetic::library::{generate, ANNOTATIONS_PER_ARTICLE};
use annotator::model::{Label, Role};
use std::collections::{HashMap, HashSet};

#[test]
fn twenty_articles_read_back_through_the_apps_workspace_reader() {
    let library = generate(20, 7);
    let json = library.to_workspace_json();
    let read = parse_workspace(&json).expect("the app reads the generated workspace");
    assert_eq!(read.len(), 20);
    let mut published = Vec::new();
    for (doc, original) in read.iter().zip(&library.documents) {
        let text = doc.document.index.text();
        assert_eq!(doc.document.id, original.document.id);
        assert_eq!(text, original.document.index.text());
        assert!(
            (2_000..=5_000).contains(&text.len()),
            "{}: {} bytes",
            doc.document.id,
            text.len()
        );
        published.push(doc.document.published.clone().expect("a publication date"));
        let annotations = &doc.content.annotations;
        assert_eq!(annotations.len(), ANNOTATIONS_PER_ARTICLE);
        assert_eq!(annotations, &original.content.annotations);
        assert_eq!(doc.content.relations, original.content.relations);
        assert!(doc.content.orphans.is_empty());
        // Every quote is the text at its offsets, counted in code points.
        let chars: Vec<char> = text.chars().collect();
        for a in annotations {
            let at: String = chars[a.span.start.0..a.span.end.0].iter().collect();
            assert_eq!(at, a.quote, "{} {}", doc.document.id, a.id);
        }
        // Every claim has its source; actors have entity names; links join what they should.
        let by_id: HashMap<&str, _> = annotations.iter().map(|a| (a.id.as_str(), a)).collect();
        for claim in annotations.iter().filter(|a| a.label == Label::Claim) {
            let sources = doc
                .content
                .relations
                .iter()
                .filter(|r| r.claim == claim.id && r.role == Role::Source)
                .count();
            assert_eq!(sources, 1, "{}", claim.id);
        }
        for r in &doc.content.relations {
            assert_eq!(by_id[r.claim.as_str()].label, Label::Claim);
            assert_eq!(by_id[r.other.as_str()].label, r.role.label());
        }
        for actor in annotations.iter().filter(|a| a.label == Label::Actor) {
            assert!(actor.entity.is_some(), "{}", actor.id);
        }
    }
    let mut sorted = published.clone();
    sorted.sort();
    assert_eq!(published, sorted, "documents come in order of publication");
    assert!(published.first() >= Some(&"2024-03-01".to_owned()));
    assert!(published.last() <= Some(&"2025-02-28".to_owned()));
}

#[test]
fn every_date_normalises_to_the_value_it_was_written_for() {
    let library = generate(60, 3);
    let intended: HashMap<(&str, &str), &str> = library
        .intended_dates
        .iter()
        .map(|(d, a, v)| ((d.as_str(), a.as_str()), v.as_str()))
        .collect();
    let mut forms = HashSet::new();
    for doc in &library.documents {
        let published = doc.document.published_date();
        for date in doc
            .content
            .annotations
            .iter()
            .filter(|a| a.label == Label::Date)
        {
            let value = date.date_value(published).expect("the normaliser reads it");
            assert_eq!(
                value.value,
                intended[&(doc.document.id.as_str(), date.id.as_str())],
                "“{}” in {}",
                date.quote,
                doc.document.id
            );
            let form: String = date
                .quote
                .chars()
                .map(|c| if c.is_ascii_digit() { '9' } else { c })
                .collect();
            forms.insert(if form.contains('9') { form.len() } else { 0 });
        }
    }
    assert!(forms.len() > 4, "the phrases vary: {forms:?}");
}

#[test]
fn entities_are_shared_across_articles_and_titles_and_dates_vary() {
    let library = generate(40, 11);
    let mut documents_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for doc in &library.documents {
        for a in &doc.content.annotations {
            if let Some(entity) = &a.entity {
                documents_of
                    .entry(entity)
                    .or_default()
                    .insert(&doc.document.id);
            }
        }
    }
    let widest = documents_of.values().map(HashSet::len).max().unwrap();
    assert!(widest >= 8, "an entity appears in {widest} of 40 documents");
    assert!(documents_of.len() >= 20);
    let titles: HashSet<&str> = library
        .documents
        .iter()
        .map(|d| d.document.title.as_str())
        .collect();
    assert!(titles.len() >= 25, "{} different titles", titles.len());
    let ids: HashSet<&str> = library
        .documents
        .iter()
        .map(|d| d.document.id.as_str())
        .collect();
    assert_eq!(ids.len(), 40);
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_another_library() {
    let a = generate(12, 42).to_workspace_json();
    assert_eq!(a, generate(12, 42).to_workspace_json());
    assert_ne!(a, generate(12, 43).to_workspace_json());
}
