//! Reviewing suggestions (`model::suggest::Review`): stepping in reading order, what accepting
//! builds (new annotations, the links of an accepted claim with the suggestions and
//! annotations they end at), rejecting by label and text, restoring, moving an edge, and the
//! whole run as the import worker does it (`suggest::run`, which learns the document's own
//! actors first).

use crate::support::NOW;
use annotator::model::dates::parse_iso_date;
use annotator::model::formats::native::{self, TextInclusion};
use annotator::model::span::{Direction, Edge};
use annotator::model::suggest::{self, Knowledge, Rejections, Request, Review, Step};
use annotator::model::{Annotation, CharSpan, Document, Label, Role, TextIndex};

const TEXT: &str = "Kremlin spokesman Dmitry Peskov said on Friday that talks would resume. \
Foreign Minister Sergey Lavrov arrived in Minsk.";

fn review_of(text: &str, existing: &[Annotation]) -> (TextIndex, Review) {
    let index = TextIndex::new(text);
    let found = suggest::run(
        &index,
        parse_iso_date("2025-01-24"),
        existing,
        &[],
        Request::default(),
    );
    (index, Review::new(found, Rejections::new()))
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("id{n}")
    }
}

fn key_of(review: &Review, label: Label, quote: &str) -> String {
    review
        .items()
        .iter()
        .find(|s| s.label == label && s.quote == quote)
        .unwrap_or_else(|| panic!("no {label} {quote:?} in {:?}", review.items()))
        .key()
}

#[test]
fn steps_go_through_open_suggestions_in_reading_order_and_stop_at_the_ends() {
    let (_, mut review) = review_of(TEXT, &[]);
    let starts: Vec<usize> = review.items().iter().map(|s| s.span.start.0).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "reading order");
    let mut seen = Vec::new();
    while let Some(s) = review.step(Step::Next) {
        if seen.last() == Some(&s.key()) {
            break;
        }
        seen.push(s.key());
    }
    assert_eq!(
        seen.len(),
        review.items().len(),
        "every one is reached once"
    );
    assert_eq!(
        review.step(Step::Next).map(|s| s.key()),
        seen.last().cloned(),
        "stays at the end"
    );
    let previous = review.step(Step::Previous).map(|s| s.key());
    assert_eq!(previous.as_ref(), seen.get(seen.len() - 2));
}

#[test]
fn accepting_a_claim_brings_its_source_and_date_with_links() {
    let (index, mut review) = review_of(TEXT, &[]);
    let claim = key_of(&review, Label::Claim, "talks would resume");
    review.set_current(Some(claim.clone()));
    let batch = review
        .accept(std::slice::from_ref(&claim), &index, &[], ids(), NOW)
        .expect("something to add");
    let quotes: Vec<(Label, &str)> = batch
        .annotations
        .iter()
        .map(|a| (a.label, a.quote.as_str()))
        .collect();
    assert!(
        quotes.contains(&(Label::Claim, "talks would resume")),
        "{quotes:?}"
    );
    assert!(
        quotes.contains(&(Label::Actor, "Dmitry Peskov")),
        "{quotes:?}"
    );
    assert!(
        quotes.contains(&(Label::Date, "Friday")) || quotes.contains(&(Label::Date, "on Friday")),
        "{quotes:?}"
    );
    let claim_id = &batch
        .annotations
        .iter()
        .find(|a| a.label == Label::Claim)
        .unwrap()
        .id;
    let mut roles: Vec<Role> = batch.relations.iter().map(|r| r.role).collect();
    roles.sort_by_key(|r| r.as_str());
    assert_eq!(roles, vec![Role::Source, Role::When]);
    assert!(batch.relations.iter().all(|r| &r.claim == claim_id));
    for a in &batch.annotations {
        assert_eq!(index.slice(a.span.start, a.span.end), a.quote);
    }
    // They are no longer open, and the review moved on to what follows.
    assert!(review.items().iter().all(|s| s.key() != claim));
    assert!(review.items().iter().all(|s| s.quote != "Dmitry Peskov"));
    let next = review.current().expect("moved on");
    assert!(next.span.start.0 >= TEXT.find("talks").unwrap());
    // The document takes the batch in its own JSON form, as the page does.
    let doc = Document::new("d", "D", Some("2025-01-24"), TEXT);
    let json = native::to_json(&doc, batch.content(), TextInclusion::Compact);
    let placed = native::parse_placed(&json, &doc).expect("the page can read it");
    assert_eq!(placed.annotations.len(), batch.annotations.len());
    assert_eq!(placed.relations.len(), 2);
}

#[test]
fn a_link_to_a_suggestion_accepted_earlier_or_an_annotation_is_sent_as_a_placeholder() {
    let index = TextIndex::new(TEXT);
    let peskov = CharSpan::at(18, 31);
    assert_eq!(index.slice(peskov.start, peskov.end), "Dmitry Peskov");
    let existing = vec![Annotation::new(
        &index,
        "a1".into(),
        Label::Actor,
        peskov,
        NOW,
    )];
    let (index, mut review) = review_of(TEXT, &existing);
    // No actor is proposed where one is; the claim's source is that annotation.
    assert!(review
        .items()
        .iter()
        .all(|s| !(s.label == Label::Actor && s.span == peskov)));
    let claim = key_of(&review, Label::Claim, "talks would resume");
    let batch = review
        .accept(&[claim], &index, &existing, ids(), NOW)
        .unwrap();
    let source = batch
        .relations
        .iter()
        .find(|r| r.role == Role::Source)
        .expect("a source");
    assert_eq!(source.other, "a1");
    assert!(batch
        .annotations
        .iter()
        .any(|a| a.id == "a1" && a.span == peskov));
    // Accepting the same again adds nothing.
    let again = key_of(&review, Label::Actor, "Sergey Lavrov");
    assert!(review
        .accept(std::slice::from_ref(&again), &index, &existing, ids(), NOW)
        .is_some());
    assert!(review
        .accept(&[again], &index, &existing, ids(), NOW)
        .is_none());
}

#[test]
fn rejecting_drops_every_suggestion_of_that_label_and_text_and_remembers_it() {
    let text = "The MFA said talks would resume. The MFA also said that prices would rise.";
    let (_, mut review) = review_of(text, &[]);
    let mfa: Vec<String> = review
        .items()
        .iter()
        .filter(|s| s.quote == "MFA")
        .map(|s| s.key())
        .collect();
    assert_eq!(mfa.len(), 2, "{:?}", review.items());
    review.reject(&mfa[..1], false);
    assert!(review.items().iter().all(|s| s.quote != "MFA"));
    assert!(review.rejections().is_rejected(Label::Actor, "mfa"));
    // Shown when asked: flagged, and restoring opens every one of that text again.
    let (_, mut shown) = review_of(text, &[]);
    shown.reject(&mfa[..1], true);
    let flagged: Vec<bool> = shown
        .items()
        .iter()
        .filter(|s| s.quote == "MFA")
        .map(|s| s.rejected)
        .collect();
    assert_eq!(flagged, vec![true, true]);
    assert_eq!(shown.count(Label::Actor), review.count(Label::Actor));
    shown.restore(&mfa[1]);
    assert!(shown
        .items()
        .iter()
        .filter(|s| s.quote == "MFA")
        .all(|s| !s.rejected));
    assert!(!shown.rejections().is_rejected(Label::Actor, "MFA"));
}

#[test]
fn an_edge_moves_by_a_word_and_its_links_follow() {
    let (index, mut review) = review_of(TEXT, &[]);
    let peskov = key_of(&review, Label::Actor, "Dmitry Peskov");
    review.set_current(Some(peskov.clone()));
    let longer = review
        .nudge(&peskov, &index, Edge::End, Direction::Forward)
        .expect("moves");
    assert_eq!(review.current().unwrap().quote, "Dmitry Peskov said");
    assert_eq!(review.current().unwrap().key(), longer);
    // The claim's proposed source now names the moved suggestion.
    let claim = review
        .items()
        .iter()
        .find(|s| s.label == Label::Claim)
        .unwrap();
    assert!(claim
        .links
        .iter()
        .any(|l| l.role == Role::Source && l.other == suggest::LinkEnd::Suggested(longer.clone())));
    let back = review
        .nudge(&longer, &index, Edge::End, Direction::Backward)
        .unwrap();
    assert_eq!(back, peskov);
    let shorter = review
        .nudge(&peskov, &index, Edge::Start, Direction::Forward)
        .unwrap();
    assert_eq!(review.current().unwrap().quote, "Peskov");
    // A span with no word left to drop stays.
    assert!(review
        .nudge(&shorter, &index, Edge::Start, Direction::Forward)
        .is_none());
}

#[test]
fn a_run_learns_the_documents_own_actors_before_suggesting() {
    // No rule finds this name; annotated once, its other mention is proposed.
    let text = "Zorvath Quellin planted tulips. The prize went to Zorvath Quellin.";
    let index = TextIndex::new(text);
    let first = Annotation::new(&index, "a1".into(), Label::Actor, CharSpan::at(0, 15), NOW);
    let none = suggest::run(&index, None, &[], &[], Request::default());
    assert!(
        none.spans.iter().all(|s| s.quote != "Zorvath Quellin"),
        "{:?}",
        none.spans
    );
    let found = suggest::run(&index, None, &[first], &[], Request::default());
    let again: Vec<usize> = found
        .spans
        .iter()
        .filter(|s| s.quote == "Zorvath Quellin")
        .map(|s| s.span.start.0)
        .collect();
    assert_eq!(again, vec![50]);
    // The request travels as JSON between the page and the worker.
    let mut knowledge = Knowledge::new();
    knowledge.add_name("Zorvath Quellin", Some("Z. Quellin"));
    let request = Request {
        knowledge,
        ..Request::default()
    };
    let json = serde_json::to_string(&request).unwrap();
    let back: Request = serde_json::from_str(&json).unwrap();
    let found = suggest::run(&index, None, &[], &[], back);
    let named: Vec<Option<&str>> = found
        .spans
        .iter()
        .filter(|s| s.quote == "Zorvath Quellin")
        .map(|s| s.entity.as_deref())
        .collect();
    assert_eq!(named, vec![Some("Z. Quellin"), Some("Z. Quellin")]);
}
