//! Items: which spans are compared as one place, their versions, keys and agreement.

use super::*;

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
