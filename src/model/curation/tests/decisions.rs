//! Decisions: what each choice changes in the gold, its status afterwards, links, ids,
//! the first gold and the summary.

use super::*;

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
