//! Curation decisions as the page applies them: `apply` → `self_contained` → the JSON format
//! → `Store::exchange`, one undoable step each; the walk's own copy (`apply_locally`) must
//! end where the store does.

use annotator::model::annotation::{Annotation, Relation, Role};
use annotator::model::curation::{self, Choice, Status};
use annotator::model::formats::native::{self, TextInclusion};
use annotator::model::span::CharSpan;
use annotator::model::store::Store;
use annotator::model::{Annotations, Document, Label};

// Zakharova 0-9, said 10-14, Armenia 15-22, left 23-27, the 28-31, bloc 32-36.
const TEXT: &str = "Zakharova said Armenia left the bloc.";

fn ann(doc: &Document, id: &str, label: Label, start: usize, end: usize) -> Annotation {
    Annotation::new(
        &doc.index,
        id.to_owned(),
        label,
        CharSpan::at(start, end),
        "t",
    )
}

fn link(id: &str, claim: &str, other: &str) -> Relation {
    Relation {
        id: id.to_owned(),
        claim: claim.to_owned(),
        other: other.to_owned(),
        role: Role::Source,
        created: "t".to_owned(),
    }
}

/// What the page does with a decision: the change made self-contained, through the JSON
/// format (as the lazily loaded panel hands it over), into the store.
fn decide(doc: &Document, store: &mut Store, walk: &mut Annotations, change: &curation::Change) {
    let file = curation::self_contained(change, store.content());
    let json = native::to_json(doc, file.content(), TextInclusion::Compact);
    let incoming = native::parse_placed(&json, doc).expect("the file the walk writes is valid");
    let remove = change.remove.iter().cloned().collect();
    let mut n = 0;
    store.exchange(&remove, incoming, || {
        n += 1;
        format!("fresh-{n}")
    });
    curation::apply_locally(walk, &change.remove, &file);
}

/// Spans as (label, start, end) and links as (claim start, other start), sorted.
type Shape = (Vec<(Label, usize, usize)>, Vec<(usize, usize)>);

fn shape(content: annotator::model::Content<'_>) -> Shape {
    let at = |id: &str| {
        let a = content.annotations.iter().find(|a| a.id == id).unwrap();
        a.span.start.0
    };
    let mut spans: Vec<_> = content
        .annotations
        .iter()
        .map(|a| (a.label, a.span.start.0, a.span.end.0))
        .collect();
    spans.sort();
    let mut links: Vec<_> = content
        .relations
        .iter()
        .map(|r| (at(&r.claim), at(&r.other)))
        .collect();
    links.sort();
    (spans, links)
}

#[test]
fn taking_a_claim_then_its_speaker_links_them_in_the_gold_and_each_step_undoes() {
    let doc = Document::new("d", "D", None, TEXT);
    // Ana: the claim "Armenia left the bloc" said by "Zakharova". Ben: the same claim, no
    // speaker, and "Armenia" as an actor inside it.
    let ana = Annotations {
        annotations: vec![
            ann(&doc, "c", Label::Claim, 15, 36),
            ann(&doc, "z", Label::Actor, 0, 9),
        ],
        orphans: vec![],
        relations: vec![link("l", "c", "z")],
    };
    let ben = Annotations {
        annotations: vec![
            ann(&doc, "c", Label::Claim, 15, 36),
            ann(&doc, "a", Label::Actor, 15, 22),
        ],
        orphans: vec![],
        relations: vec![],
    };
    let layers = [ana.content(), ben.content()];
    let items = curation::items(&layers);
    let mut store = Store::new();
    let mut walk = Annotations::default();
    let item = |start: usize| {
        items
            .iter()
            .find(|i| i.extent.start.0 == start && !i.agreed)
            .unwrap()
    };

    // The claim first (Ana's: with a link to a speaker the gold does not have yet).
    let claim = items
        .iter()
        .find(|i| i.extent == CharSpan::at(15, 36))
        .unwrap();
    let change = curation::apply(
        claim,
        &Choice::Layer(0),
        &layers,
        store.content(),
        "Cu",
        "t2",
    );
    decide(&doc, &mut store, &mut walk, &change);
    assert_eq!(store.len(), 1);
    assert!(store.relations().is_empty());
    // Then Ana's speaker: the link comes with it, to the claim the gold has.
    let change = curation::apply(
        item(0),
        &Choice::Layer(0),
        &layers,
        store.content(),
        "Cu",
        "t3",
    );
    decide(&doc, &mut store, &mut walk, &change);
    assert_eq!(
        shape(store.content()),
        (
            vec![(Label::Actor, 0, 9), (Label::Claim, 15, 36)],
            vec![(15, 0)]
        )
    );
    assert_eq!(shape(store.content()), shape(walk.content()));
    assert_eq!(
        curation::status(item(0), store.content(), false),
        Status::Taken(vec![0])
    );
    assert!(store.annotations().iter().all(|a| a.annotator == "Cu"));
    // Ben's nested actor: kept; then decided again as dropped, which takes it out.
    let nested = item(15);
    let change = curation::apply(
        nested,
        &Choice::Layer(1),
        &layers,
        store.content(),
        "Cu",
        "t4",
    );
    decide(&doc, &mut store, &mut walk, &change);
    assert_eq!(store.len(), 3);
    let change = curation::apply(nested, &Choice::Drop, &layers, store.content(), "Cu", "t5");
    decide(&doc, &mut store, &mut walk, &change);
    assert_eq!(store.len(), 2);
    assert_eq!(
        curation::status(nested, store.content(), true),
        Status::Taken(vec![0])
    );
    assert_eq!(shape(store.content()), shape(walk.content()));
    // Every decision is one undo step.
    assert!(store.undo());
    assert_eq!(store.len(), 3);
    assert!(store.undo());
    assert!(store.undo());
    assert_eq!(store.len(), 1);
    assert!(store.relations().is_empty());
}

#[test]
fn the_first_gold_holds_what_every_layer_agrees_on_with_links_between_them() {
    let doc = Document::new("d", "D", None, TEXT);
    let one = Annotations {
        annotations: vec![
            ann(&doc, "c", Label::Claim, 15, 36),
            ann(&doc, "z", Label::Actor, 0, 9),
        ],
        orphans: vec![],
        relations: vec![link("l", "c", "z")],
    };
    let two = Annotations {
        annotations: vec![
            ann(&doc, "x", Label::Actor, 0, 9),
            ann(&doc, "y", Label::Claim, 15, 36),
            ann(&doc, "b", Label::Actor, 32, 36),
        ],
        orphans: vec![],
        relations: vec![link("k", "y", "x")],
    };
    let layers = [one.content(), two.content()];
    let items = curation::items(&layers);
    let gold = curation::initial_gold(&items, &layers, true, "Cu", "t");
    let mut store = Store::new();
    let mut walk = Annotations::default();
    decide(
        &doc,
        &mut store,
        &mut walk,
        &curation::Change {
            remove: vec![],
            add: gold,
        },
    );
    // "bloc" (only in the second layer) is left to decide; the claim and its speaker agree.
    assert_eq!(
        shape(store.content()),
        (
            vec![(Label::Actor, 0, 9), (Label::Claim, 15, 36)],
            vec![(15, 0)]
        )
    );
    let summary = curation::summary(&items, store.content(), &Default::default(), 2);
    assert_eq!(
        (summary.disagreements, summary.open, summary.agreed_in_gold),
        (1, 1, 2)
    );
}

/// Naming oneself at the first export: the annotations that name no one come back named,
/// with their links (to named and unnamed ends alike), in one undoable exchange.
#[test]
fn naming_the_unnamed_keeps_ids_and_links_and_undoes_in_one_step() {
    let doc = Document::new("d", "D", None, TEXT);
    let mut store = Store::new();
    let mut walk = Annotations::default();
    let mut named = ann(&doc, "z", Label::Actor, 0, 9);
    named.annotator = "Ana".into();
    let seed = Annotations {
        annotations: vec![
            named,
            ann(&doc, "c", Label::Claim, 15, 36),
            ann(&doc, "a", Label::Actor, 15, 22),
        ],
        orphans: vec![],
        relations: vec![link("l", "c", "z")],
    };
    decide(
        &doc,
        &mut store,
        &mut walk,
        &curation::Change {
            remove: vec![],
            add: seed,
        },
    );
    let change = annotator::model::layers::naming(store.content(), "Bo", "t2");
    assert_eq!(change.remove, ["c", "a"]);
    decide(&doc, &mut store, &mut walk, &change);
    let names: Vec<(String, String)> = store
        .annotations()
        .iter()
        .map(|a| (a.id.clone(), a.annotator.clone()))
        .collect();
    assert_eq!(
        names,
        [
            ("z".into(), "Ana".into()),
            ("c".into(), "Bo".into()),
            ("a".into(), "Bo".into())
        ]
    );
    assert_eq!(shape(store.content()).1, vec![(15, 0)]);
    assert!(store.undo());
    assert!(store
        .annotations()
        .iter()
        .filter(|a| a.id != "z")
        .all(|a| a.annotator.is_empty()));
    assert_eq!(store.relations().len(), 1);
}

/// The walk's statuses in one pass equal asking item by item.
#[test]
fn statuses_in_one_pass_equal_each_status() {
    let doc = Document::new("d", "D", None, TEXT);
    let one = Annotations {
        annotations: vec![
            ann(&doc, "c", Label::Claim, 15, 36),
            ann(&doc, "z", Label::Actor, 0, 9),
        ],
        orphans: vec![],
        relations: vec![link("l", "c", "z")],
    };
    let two = Annotations {
        annotations: vec![
            ann(&doc, "x", Label::Actor, 0, 14),
            ann(&doc, "b", Label::Date, 32, 36),
        ],
        orphans: vec![],
        relations: vec![],
    };
    let layers = [one.content(), two.content()];
    let items = curation::items(&layers);
    let gold = Annotations {
        annotations: vec![ann(&doc, "g", Label::Actor, 0, 9)],
        orphans: vec![],
        relations: vec![],
    };
    let dropped: std::collections::HashSet<String> =
        [items.last().unwrap().key.clone()].into_iter().collect();
    let each: Vec<Status> = items
        .iter()
        .map(|i| curation::status(i, gold.content(), dropped.contains(&i.key)))
        .collect();
    assert_eq!(curation::statuses(&items, gold.content(), &dropped), each);
    assert!(each.contains(&Status::Taken(vec![0])) && each.contains(&Status::Open));
}
