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

#[test]
fn perfect_agreement_leaves_nothing_to_curate() {
    let layers = agreeing_layers();
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["0-9:actor", "15-22:actor", "15-36:claim"]);
    assert!(items.iter().all(|item| item.agreed));
    let claim = item(&items, "15-36:claim");
    assert_eq!(
        claim.versions[0].links,
        [(span(15, 36), Role::Source, Label::Actor, span(0, 9))]
    );
    assert_eq!(claim.members, [vec![1], vec![1]]);

    let gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    assert_eq!(
        spans_of(&gold),
        [
            (Label::Actor, span(0, 9)),
            (Label::Actor, span(15, 22)),
            (Label::Claim, span(15, 36)),
        ]
    );
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Source, span(0, 9))]);
    // Copies of the first layer's annotations, made by the curator now.
    assert_eq!(gold.annotations[0].id, "a1");
    assert_eq!(gold.annotations[0].quote, "Zakharova");
    assert!(gold
        .annotations
        .iter()
        .all(|a| a.annotator == CURATOR && a.created == NOW && a.updated == NOW));
    assert_eq!(gold.relations[0].created, NOW);
    assert_eq!(
        (
            gold.relations[0].claim.as_str(),
            gold.relations[0].other.as_str()
        ),
        ("a2", "a1")
    );

    let summary = summary(&items, gold.content(), &HashSet::new(), 2);
    assert_eq!(
        summary,
        Summary {
            disagreements: 0,
            open: 0,
            taken: 0,
            taken_by_layer: vec![0, 0],
            both: 0,
            dropped: 0,
            edited: 0,
            agreed: 3,
            agreed_in_gold: 3,
        }
    );
    for it in &items {
        assert_eq!(status(it, gold.content(), false), Status::Taken(vec![0, 1]));
    }

    // Without taking the agreed items, the gold starts empty and holds none of them.
    let empty = initial_gold(&items, &contents(&layers), false, CURATOR, NOW);
    assert!(empty.is_empty());
    let summary = super::summary(&items, empty.content(), &HashSet::new(), 2);
    assert_eq!((summary.agreed, summary.agreed_in_gold), (3, 0));
}

#[test]
fn a_span_one_layer_lacks_is_a_disagreement() {
    let layers = vec![
        layer(
            vec![
                ann("a1", Label::Actor, 0, 9),
                ann("a2", Label::Date, 40, 46),
            ],
            vec![],
        ),
        layer(vec![ann("b1", Label::Actor, 0, 9)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["0-9:actor", "40-46:date"]);
    assert!(items[0].agreed);
    let date = &items[1];
    assert!(!date.agreed);
    assert_eq!(date.versions[0].spans, [(Label::Date, span(40, 46))]);
    assert!(date.versions[1].is_empty());
    assert_eq!(date.members, [vec![1], vec![]]);

    let gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    assert_eq!(spans_of(&gold), [(Label::Actor, span(0, 9))]);
    let summary = summary(&items, gold.content(), &HashSet::new(), 2);
    assert_eq!((summary.disagreements, summary.open), (1, 1));
}

#[test]
fn different_boundaries_of_one_label_are_one_item() {
    let layers = vec![
        layer(vec![ann("a1", Label::Actor, 0, 9)], vec![]),
        layer(vec![ann("b1", Label::Actor, 0, 14)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["0-14:actor"]);
    assert_eq!(items[0].extent, span(0, 14));
    assert!(!items[0].agreed);
    assert_eq!(items[0].versions[0].spans, [(Label::Actor, span(0, 9))]);
    assert_eq!(items[0].versions[1].spans, [(Label::Actor, span(0, 14))]);

    // Overlap joins transitively, across layers; touching spans do not share a code point.
    let layers = vec![
        layer(vec![ann("a1", Label::Actor, 0, 9)], vec![]),
        layer(
            vec![
                ann("b1", Label::Actor, 5, 20),
                ann("b2", Label::Actor, 23, 27),
            ],
            vec![],
        ),
        layer(
            vec![
                ann("c1", Label::Actor, 15, 22),
                ann("c2", Label::Actor, 22, 27),
            ],
            vec![],
        ),
    ];
    let items = super::items(&contents(&layers));
    assert_eq!(keys(&items), ["0-22:actor", "22-27:actor"]);
    assert_eq!(items[0].members, [vec![0], vec![0], vec![0]]);
    assert_eq!(items[1].members, [vec![], vec![1], vec![1]]);
}

#[test]
fn a_label_conflict_on_one_span_is_one_item() {
    let layers = vec![
        layer(vec![ann("a1", Label::Actor, 15, 22)], vec![]),
        layer(vec![ann("b1", Label::Date, 15, 22)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["15-22:actor+date"]);
    assert!(!items[0].agreed);
    assert_eq!(items[0].versions[0].spans, [(Label::Actor, span(15, 22))]);
    assert_eq!(items[0].versions[1].spans, [(Label::Date, span(15, 22))]);
}

#[test]
fn an_actor_nested_in_a_claim_is_an_item_of_its_own() {
    let layers = vec![
        layer(
            vec![
                ann("a1", Label::Claim, 15, 36),
                ann("a2", Label::Actor, 15, 22),
            ],
            vec![],
        ),
        layer(vec![ann("b1", Label::Claim, 15, 36)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["15-22:actor", "15-36:claim"]);
    assert!(!items[0].agreed);
    assert!(items[1].agreed);
    assert_eq!(items[0].members, [vec![1], vec![]]);
}

#[test]
fn three_layers_with_a_majority() {
    let layers = vec![
        layer(vec![ann("a1", Label::Actor, 0, 9)], vec![]),
        layer(vec![ann("b1", Label::Actor, 0, 14)], vec![]),
        layer(vec![ann("c1", Label::Actor, 0, 9)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(items.len(), 1);
    assert!(!items[0].agreed);
    let key = items[0].key.clone();
    let mut gold = Annotations::default();

    decide(&items, &layers, &mut gold, &key, Choice::Layer(1));
    assert_eq!(
        status_of(&items, &gold, &key, false),
        Status::Taken(vec![1])
    );
    decide(&items, &layers, &mut gold, &key, Choice::Layer(0));
    assert_eq!(
        status_of(&items, &gold, &key, false),
        Status::Taken(vec![0, 2])
    );
    let summary = summary(&items, gold.content(), &HashSet::new(), 3);
    assert_eq!(summary.taken, 1);
    assert_eq!(summary.taken_by_layer, [1, 0, 1]);
}

#[test]
fn a_different_link_on_the_same_claim_is_a_disagreement() {
    let mut layers = agreeing_layers();
    layers[1].relations[0].role = Role::Target;
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["0-9:actor", "15-22:actor", "15-36:claim"]);
    let claim = item(&items, "15-36:claim");
    assert!(!claim.agreed);
    assert_eq!(claim.versions[0].spans, claim.versions[1].spans);
    assert_eq!(
        claim.versions[1].links,
        [(span(15, 36), Role::Target, Label::Actor, span(0, 9))]
    );
    // The link belongs to its claim's item, not to the actor's.
    assert!(item(&items, "0-9:actor").agreed);

    // Agreed items are taken; the claim is left to decide, then its link follows.
    let mut gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    assert_eq!(spans_of(&gold).len(), 2);
    assert!(gold.relations.is_empty());
    decide(&items, &layers, &mut gold, "15-36:claim", Choice::Layer(1));
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Target, span(0, 9))]);
    assert_eq!(
        status_of(&items, &gold, "15-36:claim", false),
        Status::Taken(vec![1])
    );
    decide(&items, &layers, &mut gold, "15-36:claim", Choice::Both);
    assert_eq!(
        links_of(&gold),
        [
            (span(15, 36), Role::Source, span(0, 9)),
            (span(15, 36), Role::Target, span(0, 9)),
        ]
    );
    assert_eq!(status_of(&items, &gold, "15-36:claim", false), Status::Both);
}

#[test]
fn each_choice_then_status() {
    let mut first = ann("a1", Label::Actor, 0, 9);
    first.note = "the spokeswoman".to_owned();
    first.entity = Some("Maria Zakharova".to_owned());
    let layers = vec![
        layer(vec![first, ann("a2", Label::Date, 40, 46)], vec![]),
        layer(vec![ann("b1", Label::Actor, 0, 14)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["0-14:actor", "40-46:date"]);
    let key = "0-14:actor";
    let mut gold = Annotations::default();
    assert_eq!(status_of(&items, &gold, key, false), Status::Open);

    let change = apply(
        &items[0],
        &Choice::Layer(0),
        &contents(&layers),
        gold.content(),
        CURATOR,
        NOW,
    );
    assert!(change.remove.is_empty());
    assert_eq!(change.add.annotations.len(), 1);
    let copy = &change.add.annotations[0];
    assert_eq!(copy.id, "a1");
    assert_eq!(copy.span, span(0, 9));
    assert_eq!(copy.quote, "Zakharova");
    assert_eq!(copy.suffix, layers[0].annotations[0].suffix);
    assert_eq!(copy.note, "the spokeswoman");
    assert_eq!(copy.entity.as_deref(), Some("Maria Zakharova"));
    assert_eq!(
        (
            copy.annotator.as_str(),
            copy.created.as_str(),
            copy.updated.as_str()
        ),
        (CURATOR, NOW, NOW)
    );
    commit(&mut gold, change);
    assert_eq!(status_of(&items, &gold, key, false), Status::Taken(vec![0]));

    decide(&items, &layers, &mut gold, key, Choice::Layer(1));
    assert_eq!(status_of(&items, &gold, key, false), Status::Taken(vec![1]));
    assert_eq!(spans_of(&gold), [(Label::Actor, span(0, 14))]);

    decide(&items, &layers, &mut gold, key, Choice::Both);
    assert_eq!(status_of(&items, &gold, key, false), Status::Both);
    assert_eq!(
        spans_of(&gold),
        [(Label::Actor, span(0, 9)), (Label::Actor, span(0, 14))]
    );

    let change = apply(
        &items[0],
        &Choice::Drop,
        &contents(&layers),
        gold.content(),
        CURATOR,
        NOW,
    );
    assert_eq!(change.remove.len(), 2);
    assert!(change.add.is_empty());
    commit(&mut gold, change);
    assert!(gold.annotations.is_empty());
    assert_eq!(status_of(&items, &gold, key, true), Status::Dropped);
    assert_eq!(status_of(&items, &gold, key, false), Status::Open);

    // Dropping what one layer left out takes that layer.
    decide(&items, &layers, &mut gold, "40-46:date", Choice::Drop);
    assert_eq!(
        status_of(&items, &gold, "40-46:date", true),
        Status::Taken(vec![1])
    );

    // A gold the curator changed by hand is neither.
    gold.annotations.push(ann("g1", Label::Actor, 0, 22));
    assert_eq!(status_of(&items, &gold, key, false), Status::Edited);
    // Taking a layer again replaces the hand-made span too: it belongs to the item.
    decide(&items, &layers, &mut gold, key, Choice::Layer(0));
    assert_eq!(spans_of(&gold), [(Label::Actor, span(0, 9))]);
}

#[test]
fn deciding_again_replaces_rather_than_duplicates() {
    let mut layers = agreeing_layers();
    // Layer 1 marks "Zakharova said": the actor item is a disagreement, and its link too.
    layers[1].annotations[0] = ann("b1", Label::Actor, 0, 14);
    let items = items(&contents(&layers));
    let mut gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    assert_eq!(
        spans_of(&gold),
        [(Label::Actor, span(15, 22))],
        "only the nested actor is agreed"
    );
    for _ in 0..2 {
        decide(&items, &layers, &mut gold, "15-36:claim", Choice::Layer(0));
        decide(&items, &layers, &mut gold, "0-14:actor", Choice::Layer(0));
    }
    assert_eq!(gold.annotations.len(), 3);
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Source, span(0, 9))]);
    // The ids of what a decision removes are free for what it adds: the layer's own ids.
    let mut ids: Vec<&str> = gold.annotations.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["a1", "a2", "a3"]);
    assert_eq!(gold.relations[0].id, "ar");
    for _ in 0..2 {
        decide(&items, &layers, &mut gold, "0-14:actor", Choice::Layer(1));
    }
    assert_eq!(
        spans_of(&gold),
        [
            (Label::Actor, span(0, 14)),
            (Label::Actor, span(15, 22)),
            (Label::Claim, span(15, 36)),
        ]
    );
    // Layer 1's link, onto its own actor, came with it; layer 0's went with the old actor.
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Source, span(0, 14))]);
    decide(&items, &layers, &mut gold, "0-14:actor", Choice::Both);
    decide(&items, &layers, &mut gold, "0-14:actor", Choice::Both);
    assert_eq!(gold.annotations.len(), 4);
    assert_eq!(
        links_of(&gold),
        [
            (span(15, 36), Role::Source, span(0, 9)),
            (span(15, 36), Role::Source, span(0, 14)),
        ]
    );
}

#[test]
fn links_come_only_when_both_ends_are_in_the_gold() {
    // The claim differs ("Armenia left" in layer 1) and so does the actor.
    let layers = vec![
        layer(
            vec![
                ann("a1", Label::Actor, 0, 9),
                ann("a2", Label::Claim, 15, 36),
            ],
            vec![link("ar", "a2", "a1", Role::Source)],
        ),
        layer(
            vec![
                ann("b1", Label::Actor, 0, 14),
                ann("b2", Label::Claim, 15, 27),
            ],
            vec![],
        ),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["0-14:actor", "15-36:claim"]);

    // The claim first: its actor is not in the gold, so no link yet.
    let mut gold = Annotations::default();
    decide(&items, &layers, &mut gold, "15-36:claim", Choice::Layer(0));
    assert!(gold.relations.is_empty());
    assert_eq!(
        status_of(&items, &gold, "15-36:claim", false),
        Status::Taken(vec![0]),
        "a link whose other end is undecided is not counted against the claim"
    );
    // Taking the other layer's actor does not bring layer 0's link.
    decide(&items, &layers, &mut gold, "0-14:actor", Choice::Layer(1));
    assert!(gold.relations.is_empty());
    // Taking layer 0's actor does: it names the claim already in the gold.
    let change = apply(
        item(&items, "0-14:actor"),
        &Choice::Layer(0),
        &contents(&layers),
        gold.content(),
        CURATOR,
        NOW,
    );
    let claim_id = gold.annotations[0].id.clone();
    assert_eq!(change.add.relations.len(), 1);
    assert_eq!(change.add.relations[0].claim, claim_id);
    assert_eq!(change.add.relations[0].other, change.add.annotations[0].id);
    assert_eq!(change.add.relations[0].created, NOW);
    commit(&mut gold, change);
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Source, span(0, 9))]);
    assert_eq!(
        status_of(&items, &gold, "15-36:claim", false),
        Status::Taken(vec![0])
    );

    // The other way round: the actor first, then the claim brings the link.
    let mut gold = Annotations::default();
    decide(&items, &layers, &mut gold, "0-14:actor", Choice::Layer(0));
    assert!(gold.relations.is_empty());
    decide(&items, &layers, &mut gold, "15-36:claim", Choice::Layer(0));
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Source, span(0, 9))]);
    // Dropping the actor takes the link with it (the store's part); the claim stays.
    decide(&items, &layers, &mut gold, "0-14:actor", Choice::Drop);
    assert!(gold.relations.is_empty());
    assert_eq!(spans_of(&gold), [(Label::Claim, span(15, 36))]);
}

#[test]
fn a_decision_brings_no_link_that_does_not_touch_its_item() {
    // Layer 0 links the claim to Zakharova and marks Monday; layer 1 has neither.
    let mut layers = agreeing_layers();
    layers[0].annotations.push(ann("a4", Label::Date, 40, 46));
    layers[1].relations.clear();
    let items = items(&contents(&layers));
    let mut gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    decide(&items, &layers, &mut gold, "15-36:claim", Choice::Layer(1));
    assert!(gold.relations.is_empty());
    decide(&items, &layers, &mut gold, "40-46:date", Choice::Layer(0));
    assert_eq!(gold.annotations.len(), 4);
    assert!(
        gold.relations.is_empty(),
        "the claim's link is the claim item's decision, not the date's"
    );
    assert_eq!(
        status_of(&items, &gold, "15-36:claim", false),
        Status::Taken(vec![1])
    );
}

#[test]
fn gold_annotations_belong_by_label_and_overlap_or_by_the_same_span() {
    let layers = vec![
        layer(vec![ann("a1", Label::Actor, 10, 14)], vec![]),
        layer(vec![ann("b1", Label::Actor, 10, 22)], vec![]),
    ];
    let items = items(&contents(&layers));
    assert_eq!(keys(&items), ["10-22:actor"]);
    let gold = layer(
        vec![
            ann("touches-before", Label::Actor, 0, 10),
            ann("shares-one", Label::Actor, 0, 11),
            ann("other-label", Label::Claim, 12, 20),
            ann("same-span", Label::Date, 10, 14),
            ann("shares-last", Label::Actor, 21, 30),
            ann("touches-after", Label::Actor, 22, 30),
        ],
        vec![],
    );
    assert_eq!(status(&items[0], gold.content(), false), Status::Edited);
    let change = apply(
        &items[0],
        &Choice::Layer(0),
        &contents(&layers),
        gold.content(),
        CURATOR,
        NOW,
    );
    assert_eq!(change.remove, ["shares-one", "same-span", "shares-last"]);
    let mut gold = gold;
    commit(&mut gold, change);
    assert_eq!(
        status_of(&items, &gold, "10-22:actor", false),
        Status::Taken(vec![0])
    );
}

#[test]
fn initial_gold_keeps_only_links_between_agreed_items() {
    // The claim and its link agree; the actor's item does not (layer 1 has a second actor
    // overlapping it).
    let mut layers = agreeing_layers();
    layers[1].annotations.push(ann("b4", Label::Actor, 5, 14));
    let items = items(&contents(&layers));
    assert!(item(&items, "15-36:claim").agreed);
    assert!(!item(&items, "0-14:actor").agreed);
    let mut gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    assert_eq!(
        spans_of(&gold),
        [(Label::Actor, span(15, 22)), (Label::Claim, span(15, 36))]
    );
    assert!(gold.relations.is_empty());
    decide(&items, &layers, &mut gold, "0-14:actor", Choice::Layer(0));
    assert_eq!(links_of(&gold), [(span(15, 36), Role::Source, span(0, 9))]);
    let summary = summary(&items, gold.content(), &HashSet::new(), 2);
    assert_eq!((summary.agreed, summary.agreed_in_gold), (2, 2));
    assert_eq!(summary.taken_by_layer, [1, 0]);
}

#[test]
fn copies_never_share_an_id_with_what_stays() {
    // The gold already holds "a1" (a date decided earlier); layer 0's actor is "a1" too.
    let layers = vec![
        layer(
            vec![
                ann("a1", Label::Actor, 0, 9),
                ann("a2", Label::Claim, 15, 36),
            ],
            vec![link("r", "a2", "a1", Role::Source)],
        ),
        layer(
            vec![
                ann("a1", Label::Actor, 0, 14),
                ann("a2", Label::Claim, 15, 36),
            ],
            vec![link("r", "a2", "a1", Role::Source)],
        ),
    ];
    let items = items(&contents(&layers));
    let mut gold = layer(
        vec![
            ann("a1", Label::Date, 40, 46),
            ann("c", Label::Claim, 15, 36),
        ],
        vec![link("r", "c", "a1", Role::When)],
    );
    let change = apply(
        item(&items, "0-14:actor"),
        &Choice::Both,
        &contents(&layers),
        gold.content(),
        CURATOR,
        NOW,
    );
    let ids: Vec<&str> = change
        .add
        .annotations
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a1-2", "a1-3"]);
    let links: Vec<(&str, &str, &str)> = change
        .add
        .relations
        .iter()
        .map(|r| (r.id.as_str(), r.claim.as_str(), r.other.as_str()))
        .collect();
    assert_eq!(links, [("r-2", "c", "a1-2"), ("r-3", "c", "a1-3")]);
    commit(&mut gold, change);
    assert_eq!(gold.annotations.len(), 4);
    assert_eq!(gold.relations.len(), 3);
}

#[test]
fn summary_counts_every_kind_of_decision() {
    let layers = vec![
        layer(
            vec![
                word("a-one", Label::Actor, 0, 3),
                word("a-two", Label::Actor, 4, 7),
                word("a-three", Label::Actor, 8, 13),
                word("a-five", Label::Date, 19, 23),
                word("a-seven", Label::Actor, 28, 33),
                word("a-ten", Label::Actor, 45, 48),
            ],
            vec![],
        ),
        layer(
            vec![
                word("b-one", Label::Actor, 0, 3),
                word("b-three", Label::Actor, 8, 18),
                word("b-five", Label::Actor, 19, 23),
                word("b-six", Label::Actor, 24, 27),
                word("b-seven", Label::Actor, 28, 39),
                word("b-nine", Label::Actor, 40, 44),
                word("b-ten", Label::Actor, 45, 48),
            ],
            vec![],
        ),
    ];
    let items = items(&contents(&layers));
    assert_eq!(
        keys(&items),
        [
            "0-3:actor",
            "4-7:actor",
            "8-18:actor",
            "19-23:actor+date",
            "24-27:actor",
            "28-39:actor",
            "40-44:actor",
            "45-48:actor",
        ]
    );
    let mut gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    let mut dropped = HashSet::new();
    decide(&items, &layers, &mut gold, "4-7:actor", Choice::Layer(0));
    decide(&items, &layers, &mut gold, "8-18:actor", Choice::Both);
    decide(&items, &layers, &mut gold, "19-23:actor+date", Choice::Drop);
    dropped.insert("19-23:actor+date".to_owned());
    // 24-27 stays open; 28-39 is edited by hand.
    gold.annotations.push(word("g-seven", Label::Actor, 28, 31));
    decide(&items, &layers, &mut gold, "40-44:actor", Choice::Drop);
    dropped.insert("40-44:actor".to_owned());
    decide(&items, &layers, &mut gold, "45-48:actor", Choice::Drop);
    dropped.insert("45-48:actor".to_owned());

    let summary = summary(&items, gold.content(), &dropped, 2);
    assert_eq!(
        summary,
        Summary {
            disagreements: 6,
            open: 1,
            taken: 2,
            taken_by_layer: vec![2, 0],
            both: 1,
            dropped: 1,
            edited: 1,
            agreed: 2,
            agreed_in_gold: 1,
        }
    );
    assert_eq!(
        summary.open + summary.taken + summary.both + summary.dropped + summary.edited,
        summary.disagreements
    );
}

#[test]
fn orphans_and_links_to_them_are_not_curated() {
    let mut layers = agreeing_layers();
    layers[0].orphans.push(ann("o1", Label::Date, 40, 46));
    layers[0].relations.push(link("ro", "a2", "o1", Role::When));
    // A link repeated under another id counts once.
    layers[0]
        .relations
        .push(link("ar2", "a2", "a1", Role::Source));
    let items = items(&contents(&layers));
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|item| item.agreed));
}

#[test]
fn the_same_layers_give_the_same_items() {
    let layers = vec![
        layer(
            vec![
                ann("a2", Label::Claim, 15, 36),
                ann("a1", Label::Actor, 0, 9),
                ann("a1", Label::Actor, 0, 9),
            ],
            vec![],
        ),
        layer(vec![ann("b1", Label::Date, 0, 9)], vec![]),
    ];
    let first = items(&contents(&layers));
    assert_eq!(first, items(&contents(&layers)));
    assert_eq!(keys(&first), ["0-9:actor+date", "15-36:claim"]);
    // A repeated span counts once in the version but both annotations are members.
    assert_eq!(first[0].versions[0].spans, [(Label::Actor, span(0, 9))]);
    assert_eq!(first[0].members[0], [1, 2]);
    // Each label and span is copied once, from the first layer that has it.
    let apply_on = |choice: Choice| {
        apply(
            &first[0],
            &choice,
            &contents(&layers),
            Annotations::default().content(),
            CURATOR,
            NOW,
        )
        .add
        .annotations
        .into_iter()
        .map(|a| (a.id, a.label))
        .collect::<Vec<_>>()
    };
    assert_eq!(
        apply_on(Choice::Layer(0)),
        [("a1".to_owned(), Label::Actor)]
    );
    assert_eq!(
        apply_on(Choice::Both),
        [
            ("a1".to_owned(), Label::Actor),
            ("b1".to_owned(), Label::Date)
        ]
    );
    // Choosing a layer the items do not have changes nothing but the removal.
    let change = apply(
        &first[0],
        &Choice::Layer(7),
        &contents(&layers),
        Annotations::default().content(),
        CURATOR,
        NOW,
    );
    assert!(change.remove.is_empty() && change.add.is_empty());
    assert!(items(&[]).is_empty());
}

#[test]
fn thirty_thousand_annotations() {
    // 10,000 places, 10 code points apart, marked [10k, 10k + 4) in every layer, except:
    // layer 1 marks [10k, 10k + 6) at every 7th (boundary), layer 2 leaves out every 11th and
    // calls every 13th a date (label conflict). Every 100th place also has a claim
    // [10k, 10k + 9) around the actor in every layer, with a link to it.
    const PLACES: usize = 10_000;
    let text = "x".repeat(PLACES * 10);
    let index = TextIndex::new(text.as_str());
    let make = |id: String, label: Label, start: usize, end: usize| {
        Annotation::new(&index, id, label, span(start, end), THEN)
    };
    let layers: Vec<Annotations> = (0..3)
        .map(|l| {
            let mut out = Annotations::default();
            for k in 0..PLACES {
                let start = k * 10;
                if l == 2 && k.is_multiple_of(11) {
                    continue;
                }
                let end = if l == 1 && k.is_multiple_of(7) {
                    start + 6
                } else {
                    start + 4
                };
                let label = if l == 2 && k.is_multiple_of(13) {
                    Label::Date
                } else {
                    Label::Actor
                };
                out.annotations
                    .push(make(format!("{l}-{k}"), label, start, end));
                if k.is_multiple_of(100) {
                    out.annotations
                        .push(make(format!("{l}-c{k}"), Label::Claim, start, start + 9));
                    out.relations.push(link(
                        &format!("{l}-r{k}"),
                        &format!("{l}-c{k}"),
                        &format!("{l}-{k}"),
                        Role::Source,
                    ));
                }
            }
            // Reverse so the input is not already in reading order.
            out.annotations.reverse();
            out
        })
        .collect();
    let items = items(&contents(&layers));
    assert_eq!(items.len(), PLACES + PLACES / 100);
    let disagrees = |k: usize| k.is_multiple_of(7) || k.is_multiple_of(11) || k.is_multiple_of(13);
    let mut at = items.iter();
    for k in 0..PLACES {
        let start = k * 10;
        let actor = at.next().expect("an item per place");
        let end = if k.is_multiple_of(7) {
            start + 6
        } else {
            start + 4
        };
        let labels = if k.is_multiple_of(13) && !k.is_multiple_of(11) {
            "actor+date"
        } else {
            "actor"
        };
        assert_eq!(actor.key, format!("{start}-{end}:{labels}"));
        assert_eq!(actor.agreed, !disagrees(k), "place {k}");
        if k.is_multiple_of(100) {
            let claim = at.next().expect("a claim item");
            assert_eq!(claim.key, format!("{start}-{}:claim", start + 9));
            // The link's other end differs where the actor does.
            assert_eq!(claim.agreed, !disagrees(k), "claim at {k}");
            assert_eq!(claim.versions[0].links.len(), 1);
        }
    }
    let gold = initial_gold(&items, &contents(&layers), true, CURATOR, NOW);
    let summary = summary(&items, gold.content(), &HashSet::new(), 3);
    let agreed_places = (0..PLACES).filter(|&k| !disagrees(k)).count();
    let agreed_claims = (0..PLACES).step_by(100).filter(|&k| !disagrees(k)).count();
    assert_eq!(summary.agreed, agreed_places + agreed_claims);
    assert_eq!(summary.agreed_in_gold, summary.agreed);
    assert_eq!(summary.open, summary.disagreements);
    assert_eq!(gold.relations.len(), agreed_claims);
}

#[test]
fn two_items_with_the_same_extent_and_labels_get_distinct_keys() {
    // Two clusters over 0-12 with all three labels that share no code point label by label
    // and no span: the first (in layer order) keeps the plain key.
    let spans = [
        (Label::Actor, 0, 3),
        (Label::Claim, 0, 3),
        (Label::Claim, 2, 6),
        (Label::Claim, 5, 8),
        (Label::Date, 5, 8),
        (Label::Date, 7, 12),
        (Label::Date, 0, 4),
        (Label::Date, 3, 5),
        (Label::Actor, 3, 5),
        (Label::Actor, 4, 10),
        (Label::Actor, 9, 12),
        (Label::Claim, 9, 12),
    ];
    let annotations = spans
        .iter()
        .enumerate()
        .map(|(i, &(label, start, end))| ann(&format!("a{i}"), label, start, end))
        .collect();
    let layers = vec![layer(annotations, vec![])];
    let items = items(&contents(&layers));
    assert_eq!(
        keys(&items),
        ["0-12:actor+claim+date", "0-12:actor+claim+date#2"]
    );
    assert_eq!(items[0].members, [vec![0, 1, 2, 3, 4, 5]]);
    assert_eq!(items[1].members, [vec![6, 7, 8, 9, 10, 11]]);
}
