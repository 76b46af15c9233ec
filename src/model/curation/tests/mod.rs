//! The curation model's tests: what there is to decide (`items.rs`) and what decisions do
//! to the gold (`decisions.rs`), on the small texts and layer builders below.

use super::*;
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::{Annotations, Content};
use crate::model::span::CharSpan;
use crate::model::text::TextIndex;
use std::collections::HashSet;

// Zakharova 0-9, said 10-14, Armenia 15-22, left 23-27, the 28-31, bloc 32-36, on 37-39,
// Monday 40-46.
const TEXT: &str = "Zakharova said Armenia left the bloc on Monday.";
// one 0-3, two 4-7, three 8-13, four 14-18, five 19-23, six 24-27, seven 28-33, eight 34-39,
// nine 40-44, ten 45-48.
const WORDS: &str = "one two three four five six seven eight nine ten";
const THEN: &str = "2025-01-01T00:00:00Z";
const NOW: &str = "2025-02-01T10:00:00Z";
const CURATOR: &str = "Curator";

fn ann_in(text: &str, id: &str, label: Label, start: usize, end: usize) -> Annotation {
    let index = TextIndex::new(text);
    let mut a = Annotation::new(&index, id.to_owned(), label, CharSpan::at(start, end), THEN);
    a.annotator = "someone".to_owned();
    a
}

fn ann(id: &str, label: Label, start: usize, end: usize) -> Annotation {
    ann_in(TEXT, id, label, start, end)
}

fn word(id: &str, label: Label, start: usize, end: usize) -> Annotation {
    ann_in(WORDS, id, label, start, end)
}

fn link(id: &str, claim: &str, other: &str, role: Role) -> Relation {
    Relation {
        id: id.to_owned(),
        claim: claim.to_owned(),
        other: other.to_owned(),
        role,
        created: THEN.to_owned(),
    }
}

fn layer(annotations: Vec<Annotation>, relations: Vec<Relation>) -> Annotations {
    Annotations {
        annotations,
        orphans: Vec::new(),
        relations,
    }
}

fn contents(layers: &[Annotations]) -> Vec<Content<'_>> {
    layers.iter().map(Annotations::content).collect()
}

fn span(start: usize, end: usize) -> CharSpan {
    CharSpan::at(start, end)
}

fn keys(items: &[Item]) -> Vec<&str> {
    items.iter().map(|item| item.key.as_str()).collect()
}

fn item<'a>(items: &'a [Item], key: &str) -> &'a Item {
    items
        .iter()
        .find(|item| item.key == key)
        .unwrap_or_else(|| panic!("no item {key} among {:?}", keys(items)))
}

/// What the store does with a change: removes the annotations and the links touching them,
/// then adds. Fails when an id would be taken twice or a link names a missing annotation.
fn commit(gold: &mut Annotations, change: Change) {
    let gone: HashSet<String> = change.remove.into_iter().collect();
    gold.annotations.retain(|a| !gone.contains(&a.id));
    gold.relations
        .retain(|r| !gone.contains(&r.claim) && !gone.contains(&r.other));
    assert!(change.add.orphans.is_empty());
    for a in change.add.annotations {
        assert!(
            gold.annotations.iter().all(|g| g.id != a.id),
            "id {} is taken",
            a.id
        );
        gold.annotations.push(a);
    }
    for r in change.add.relations {
        assert!(
            gold.relations.iter().all(|g| g.id != r.id),
            "link id {}",
            r.id
        );
        for end in [&r.claim, &r.other] {
            assert!(
                gold.annotations.iter().any(|a| &a.id == end),
                "link {} names {end}, which is not in the gold",
                r.id
            );
        }
        gold.relations.push(r);
    }
}

/// Decides `key` with `choice` and commits the change to `gold`.
fn decide(
    items: &[Item],
    layers: &[Annotations],
    gold: &mut Annotations,
    key: &str,
    choice: Choice,
) {
    let change = apply(
        item(items, key),
        &choice,
        &contents(layers),
        gold.content(),
        CURATOR,
        NOW,
    );
    commit(gold, change);
}

fn status_of(items: &[Item], gold: &Annotations, key: &str, dropped: bool) -> Status {
    status(item(items, key), gold.content(), dropped)
}

/// The gold's (label, span, link count as claim) triples, sorted.
fn spans_of(gold: &Annotations) -> Vec<(Label, CharSpan)> {
    let mut spans: Vec<_> = gold.annotations.iter().map(|a| (a.label, a.span)).collect();
    spans.sort();
    spans
}

/// The gold's links as (claim span, role, other span), sorted.
fn links_of(gold: &Annotations) -> Vec<(CharSpan, Role, CharSpan)> {
    let find = |id: &str| {
        gold.annotations
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.span)
            .expect("link ends are in the gold")
    };
    let mut links: Vec<_> = gold
        .relations
        .iter()
        .map(|r| (find(&r.claim), r.role, find(&r.other)))
        .collect();
    links.sort();
    links
}

/// Two layers of TEXT: Zakharova (actor) is the source of the claim "Armenia left the bloc",
/// which holds the actor Armenia; both with their own ids.
fn agreeing_layers() -> Vec<Annotations> {
    ["a", "b"]
        .into_iter()
        .map(|p| {
            layer(
                vec![
                    ann(&format!("{p}1"), Label::Actor, 0, 9),
                    ann(&format!("{p}2"), Label::Claim, 15, 36),
                    ann(&format!("{p}3"), Label::Actor, 15, 22),
                ],
                vec![link(
                    &format!("{p}r"),
                    &format!("{p}2"),
                    &format!("{p}1"),
                    Role::Source,
                )],
            )
        })
        .collect()
}

mod decisions;
mod items;
