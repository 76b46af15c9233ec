//! The annotation store: adding, overlap rules, editing and undo/redo of every change.

use annotator::model::span::{CharSpan, SpanError};
use annotator::model::store::{ImportMode, Store, StoreError};
use annotator::model::text::TextIndex;
use annotator::model::Label;

use crate::support::span_in;

const TEXT: &str = "Pashinyan declared that Armenia considers itself outside the CSTO 🇦🇲.";

fn ids(store: &Store) -> Vec<(String, Label, String)> {
    store
        .annotations()
        .iter()
        .map(|a| (a.id.clone(), a.label, a.quote.clone()))
        .collect()
}

#[test]
fn nested_and_overlapping_spans_are_kept_in_document_order() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    store
        .add(
            &index,
            "a".into(),
            Label::Actor,
            span_in(TEXT, "Pashinyan"),
            "t1",
        )
        .unwrap();
    store
        .add(
            &index,
            "c".into(),
            Label::Claim,
            span_in(
                TEXT,
                "Pashinyan declared that Armenia considers itself outside the CSTO",
            ),
            "t1",
        )
        .unwrap();
    store
        .add(
            &index,
            "b".into(),
            Label::Actor,
            span_in(TEXT, "Armenia"),
            "t1",
        )
        .unwrap();
    let order: Vec<&str> = store.annotations().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        order,
        ["c", "a", "b"],
        "outer claim first, then inner spans by start"
    );
    let covering: Vec<&str> = store
        .covering(span_in(TEXT, "Pashinyan").start)
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(covering, ["a", "c"], "a click picks the shortest first");
}

#[test]
fn identical_span_with_same_label_is_refused_other_label_allowed() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let cs = span_in(TEXT, "CSTO");
    store
        .add(&index, "1".into(), Label::Actor, cs, "t")
        .unwrap();
    let err = store
        .add(&index, "2".into(), Label::Actor, cs, "t")
        .unwrap_err();
    assert_eq!(
        err,
        StoreError::Duplicate {
            label: Label::Actor,
            quote: "CSTO".into()
        }
    );
    assert!(err.to_string().contains("already labelled actor"));
    store
        .add(&index, "3".into(), Label::Claim, cs, "t")
        .unwrap();
    assert_eq!(store.len(), 2);
    // Relabelling into a duplicate is refused too.
    assert!(matches!(
        store.relabel("3", Label::Actor, "t"),
        Err(StoreError::Duplicate { .. })
    ));
}

#[test]
fn bad_spans_are_refused_with_reasons() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let flag = span_in(TEXT, "🇦🇲");
    let inside = CharSpan::at(flag.start.0, flag.start.0 + 1);
    assert_eq!(
        store.add(&index, "x".into(), Label::Actor, inside, "t"),
        Err(StoreError::Span(SpanError::SplitsGrapheme {
            at: flag.start.0 + 1
        }))
    );
    let past = CharSpan::at(3, index.len_chars() + 1);
    assert!(matches!(
        store.add(&index, "x".into(), Label::Actor, past, "t"),
        Err(StoreError::Span(SpanError::OutOfRange { .. }))
    ));
    assert_eq!(
        store.add(&index, "x".into(), Label::Actor, CharSpan::at(4, 4), "t"),
        Err(StoreError::EmptySpan)
    );
    assert!(store.is_empty());
    assert!(!store.can_undo(), "refused changes leave no history");
}

#[test]
fn undo_and_redo_walk_every_kind_of_change() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let mut snapshots = vec![ids(&store)];
    store
        .add(
            &index,
            "a".into(),
            Label::Actor,
            span_in(TEXT, "Pashinyan"),
            "t1",
        )
        .unwrap();
    snapshots.push(ids(&store));
    store
        .add(&index, "d".into(), Label::Date, span_in(TEXT, "CSTO"), "t1")
        .unwrap();
    snapshots.push(ids(&store));
    store.relabel("d", Label::Actor, "t2").unwrap();
    snapshots.push(ids(&store));
    store
        .set_note("a", "Prime Minister of Armenia", "t3")
        .unwrap();
    assert_eq!(store.get("a").unwrap().note, "Prime Minister of Armenia");
    assert_eq!(store.get("a").unwrap().updated, "t3");
    store
        .set_span(&index, "a", span_in(TEXT, "Pashinyan declared"), "t4")
        .unwrap();
    assert_eq!(store.get("a").unwrap().quote, "Pashinyan declared");
    store.remove("d").unwrap();
    let full_state = store.annotations().to_vec();
    assert_eq!(store.clear(), 1);
    assert!(store.is_empty());

    // Undo everything, checking the states we recorded on the way back.
    for _ in 0..4 {
        assert!(store.undo());
    }
    assert_eq!(ids(&store), snapshots[3]);
    assert_eq!(store.get("a").unwrap().note, "");
    assert!(store.undo());
    assert_eq!(ids(&store), snapshots[2]);
    assert!(store.undo());
    assert!(store.undo());
    assert_eq!(ids(&store), snapshots[0]);
    assert!(!store.undo());
    // Redo everything: back to the empty state after clear, through the exact same states.
    for _ in 0..6 {
        assert!(store.redo());
    }
    assert_eq!(store.annotations(), full_state.as_slice());
    assert!(store.redo());
    assert!(store.is_empty());
    assert!(!store.redo());
    // A new change after undo drops the redo branch.
    store.undo();
    store
        .add(
            &index,
            "n".into(),
            Label::Claim,
            span_in(TEXT, "outside"),
            "t5",
        )
        .unwrap();
    assert!(!store.can_redo());
}

#[test]
fn merge_import_skips_duplicates_and_renames_taken_ids_and_undoes_as_one() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    store
        .add(
            &index,
            "a".into(),
            Label::Actor,
            span_in(TEXT, "Pashinyan"),
            "t",
        )
        .unwrap();
    let mut other = Store::new();
    other
        .add(
            &index,
            "a".into(),
            Label::Actor,
            span_in(TEXT, "Armenia"),
            "t",
        )
        .unwrap();
    other
        .add(
            &index,
            "b".into(),
            Label::Actor,
            span_in(TEXT, "Pashinyan"),
            "t",
        )
        .unwrap();
    let incoming = other.annotations().to_vec();
    let mut fresh = vec!["z".to_string()].into_iter();
    let summary = store.import(
        annotator::model::Annotations {
            annotations: incoming.clone(),
            orphans: Vec::new(),
            relations: Vec::new(),
        },
        ImportMode::Merge,
        || fresh.next().unwrap(),
    );
    assert_eq!(
        (
            summary.added,
            summary.skipped_duplicates,
            summary.renamed_ids
        ),
        (1, 1, 1)
    );
    assert_eq!(store.get("z").unwrap().quote, "Armenia");
    assert!(store.undo());
    assert_eq!(store.len(), 1);
    let summary = store.import(
        annotator::model::Annotations {
            annotations: incoming,
            orphans: Vec::new(),
            relations: Vec::new(),
        },
        ImportMode::Replace,
        String::new,
    );
    assert_eq!((summary.added, summary.removed), (2, 1));
    assert!(store.undo());
    assert_eq!(store.annotations()[0].id, "a");
    assert_eq!(store.annotations()[0].quote, "Pashinyan");
}

#[test]
fn orphans_are_kept_reattached_and_deleted_undoably() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let mut orphan = annotator::model::Annotation::new(
        &index,
        "o1".into(),
        Label::Actor,
        span_in(TEXT, "Pashinyan"),
        "t",
    );
    orphan.quote = "Nikol Pashinyan".into(); // the old text, no longer found
    store.import(
        annotator::model::Annotations {
            annotations: Vec::new(),
            orphans: vec![orphan.clone()],
            relations: Vec::new(),
        },
        ImportMode::Merge,
        String::new,
    );
    assert_eq!(store.orphans().len(), 1);
    assert!(matches!(
        store.add(
            &index,
            "o1".into(),
            Label::Claim,
            span_in(TEXT, "CSTO"),
            "t"
        ),
        Err(StoreError::IdTaken(_))
    ));
    let placed = store
        .reattach(&index, "o1", span_in(TEXT, "Pashinyan"), "t2")
        .unwrap();
    assert_eq!(placed.quote, "Pashinyan");
    assert!(store.orphans().is_empty());
    assert!(store.undo());
    assert_eq!(store.orphans(), &[orphan.clone()]);
    assert!(store.is_empty());
    store.remove_orphan("o1").unwrap();
    assert!(store.orphans().is_empty());
    assert!(store.undo());
    assert_eq!(store.orphans().len(), 1);
    assert_eq!(store.clear(), 1);
    assert!(store.orphans().is_empty());
}

/// A large import goes in as one batch (added and sorted once, removed in one pass on undo):
/// the result must be exactly what adding the annotations one by one gives, in document
/// order, and undo and redo must give back each state.
#[test]
fn a_large_import_equals_adding_one_by_one_and_undoes_and_redoes_exactly() {
    let (doc, _) = annotator::model::synthetic::generate(20_000, 600);
    let index = &doc.index;
    let (_, spans) = annotator::model::synthetic::generate(20_000, 600);
    let mut existing = Store::new();
    for a in spans.iter().step_by(7) {
        existing
            .add(index, a.id.clone(), a.label, a.span, "t")
            .unwrap();
    }
    let before = existing.clone();
    let mut one_by_one = existing.clone();
    for a in &spans {
        let _ = one_by_one.add(index, a.id.clone(), a.label, a.span, "t");
    }
    let summary = existing.import(
        annotator::model::Annotations {
            annotations: spans.clone(),
            orphans: Vec::new(),
            relations: Vec::new(),
        },
        ImportMode::Merge,
        || unreachable!("no id is taken by another span"),
    );
    assert!(summary.added > 500, "{summary:?}");
    assert_eq!(ids(&existing), ids(&one_by_one));
    let sorted = existing
        .annotations()
        .windows(2)
        .all(|w| w[0].order_key() < w[1].order_key());
    assert!(sorted, "kept in document order");
    let after = existing.clone();
    // Undo and redo move the annotations between the store and the history: each round
    // trip must give back every field, not only the ids.
    for _ in 0..2 {
        assert!(existing.undo());
        assert_eq!(existing.annotations(), before.annotations());
        assert!(existing.redo());
        assert_eq!(existing.annotations(), after.annotations());
    }
}

#[test]
fn the_store_names_what_each_change_touched_until_it_no_longer_knows() {
    use annotator::model::store::Touch;
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let start = store.revision();
    store
        .add(
            &index,
            "a".into(),
            Label::Actor,
            span_in(TEXT, "Pashinyan"),
            "t",
        )
        .unwrap();
    store
        .add(
            &index,
            "b".into(),
            Label::Actor,
            span_in(TEXT, "Armenia"),
            "t",
        )
        .unwrap();
    let after_adds = store.revision();
    store.set_note("a", "n", "t").unwrap();
    store.set_note("a", "no", "t").unwrap(); // the same undo step, edited in place
    let mut touched = store.touched_since(after_adds).unwrap();
    touched.dedup();
    assert_eq!(touched, vec![Touch::Annotation("a".into())]);
    let mut all = store.touched_since(start).unwrap();
    all.sort();
    all.dedup();
    assert_eq!(
        all,
        vec![Touch::Annotation("a".into()), Touch::Annotation("b".into())]
    );
    assert_eq!(store.touched_since(store.revision()), Some(Vec::new()));
    // Undo and redo touch what they change back.
    let before_undo = store.revision();
    assert!(store.undo());
    assert_eq!(
        store.touched_since(before_undo),
        Some(vec![Touch::Annotation("a".into())])
    );
    // A revision this store never had, or content replaced whole: it cannot say.
    assert_eq!(store.touched_since(store.revision() + 1), None);
    let content = store.content().owned();
    let before_replace = store.revision();
    store.replace_all(content);
    assert_eq!(store.touched_since(before_replace), None);
    assert_eq!(store.touched_since(store.revision()), Some(Vec::new()));
}

#[test]
fn the_annotator_is_stamped_on_what_is_added_and_imported_without_one() {
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let add = |store: &mut Store, id: &str, needle: &str| {
        store
            .add(&index, id.into(), Label::Actor, span_in(TEXT, needle), "t")
            .unwrap()
            .annotator
            .clone()
    };
    assert_eq!(
        add(&mut store, "unknown", "Pashinyan"),
        "",
        "no name: unknown"
    );
    let revision = store.revision();
    store.set_annotator("  Ada Lovelace ");
    assert_eq!(store.revision(), revision, "not an edit");
    assert_eq!(store.annotator(), "Ada Lovelace");
    assert_eq!(add(&mut store, "ada", "Armenia"), "Ada Lovelace");
    assert_eq!(
        store.get("unknown").unwrap().annotator,
        "",
        "kept as it was"
    );
    // Edits keep who made the annotation.
    store.set_annotator("Grace Hopper");
    store.set_note("ada", "edited by Grace", "t2").unwrap();
    assert_eq!(store.get("ada").unwrap().annotator, "Ada Lovelace");
    // An import: a named annotation keeps its name, one without stays unknown (a colleague's
    // unattributed file is not credited to the person importing it).
    let mut other = Store::new();
    other.set_annotator("Someone Else");
    add(&mut other, "named", "CSTO");
    add(&mut other, "nameless", "outside");
    let mut incoming = other.content().owned();
    incoming
        .annotations
        .iter_mut()
        .find(|a| a.id == "nameless")
        .unwrap()
        .annotator
        .clear();
    let mut orphan = incoming.annotations[0].clone();
    orphan.id = "lost".into();
    orphan.annotator.clear();
    incoming.orphans.push(orphan);
    store.import(incoming, ImportMode::Merge, String::new);
    assert_eq!(store.get("named").unwrap().annotator, "Someone Else");
    assert_eq!(store.get("nameless").unwrap().annotator, "");
    assert_eq!(store.get_orphan("lost").unwrap().annotator, "");
    // Taking in another tab's state keeps the person at work.
    store.replace_all(store.content().owned());
    store.absorb(other.content().owned());
    assert_eq!(store.annotator(), "Grace Hopper");
    assert_eq!(add(&mut store, "later", "considers"), "Grace Hopper");
}

/// A curation decision: what the gold had in one place goes (with its links) and one layer's
/// version comes in, linked to an annotation that stays through a copy of it; one undo step.
#[test]
fn an_exchange_replaces_annotations_keeps_links_to_what_stays_and_undoes_in_one_step() {
    use annotator::model::annotation::{Annotation, Relation, Role};
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    let claim = span_in(TEXT, "Armenia considers itself outside the CSTO");
    store
        .add(
            &index,
            "s".into(),
            Label::Actor,
            span_in(TEXT, "Pashinyan"),
            "t",
        )
        .unwrap();
    store
        .add(&index, "c".into(), Label::Claim, claim, "t")
        .unwrap();
    store
        .add(
            &index,
            "wrong".into(),
            Label::Date,
            span_in(TEXT, "CSTO"),
            "t",
        )
        .unwrap();
    store
        .link("l1".into(), "c", "s", Role::Source, "t")
        .unwrap();
    let before = ids(&store);
    // The layer's claim is shorter; it is linked to the speaker that stays (a copy of it).
    let shorter = span_in(TEXT, "Armenia considers itself outside");
    let new_claim = Annotation::new(&index, "s".into(), Label::Claim, shorter, "t2");
    let speaker_copy = Annotation::new(
        &index,
        "anchor".into(),
        Label::Actor,
        span_in(TEXT, "Pashinyan"),
        "t2",
    );
    let incoming = annotator::model::Annotations {
        annotations: vec![speaker_copy, new_claim],
        orphans: Vec::new(),
        relations: vec![Relation {
            id: "l1".into(),
            claim: "s".into(),
            other: "anchor".into(),
            role: Role::Source,
            created: "t2".into(),
        }],
    };
    let remove = ["c".to_owned(), "wrong".to_owned()].into_iter().collect();
    let mut fresh = ["n1".to_owned(), "n2".to_owned()].into_iter();
    let summary = store.exchange(&remove, incoming, || fresh.next().unwrap());
    assert_eq!((summary.added, summary.removed), (1, 2));
    assert_eq!(
        ids(&store),
        vec![
            ("s".into(), Label::Actor, "Pashinyan".into()),
            (
                "n1".into(),
                Label::Claim,
                "Armenia considers itself outside".into()
            ),
        ]
    );
    let links: Vec<_> = store
        .relations()
        .iter()
        .map(|r| (r.claim.clone(), r.other.clone(), r.role))
        .collect();
    assert_eq!(links, vec![("n1".to_owned(), "s".to_owned(), Role::Source)]);
    assert!(store.undo());
    assert_eq!(ids(&store), before);
    assert_eq!(store.relations().len(), 1);
    assert_eq!(store.relations()[0].claim, "c");
    assert!(store.redo());
    assert_eq!(store.len(), 2);
}

#[test]
fn delete_all_of_thousands_and_its_undo_and_redo_keep_the_list_and_what_was_touched() {
    let (_, annotations) = annotator::model::synthetic::generate(200_000, 5_000);
    let mut store = Store::new();
    let mut n = 0;
    store.import(
        annotator::model::Annotations {
            annotations,
            ..Default::default()
        },
        ImportMode::Merge,
        || {
            n += 1;
            format!("fresh-{n}")
        },
    );
    let full = store.annotations().to_vec();
    let before = store.revision();
    assert_eq!(store.clear(), 5_000);
    assert!(store.is_empty());
    // More than the store remembers: asked what changed since, it says it does not know, so
    // the saver and the article compare everything once.
    assert_eq!(store.touched_since(before), None);
    assert_eq!(store.touched_since(store.revision()), Some(Vec::new()));
    assert!(store.undo());
    assert_eq!(store.annotations(), &full[..]);
    assert!(store.redo());
    assert!(store.is_empty());
    assert!(store.undo());
    assert_eq!(store.annotations(), &full[..]);
    // A deletion of a few after that is remembered one by one again.
    let after_undo = store.revision();
    let id = full[10].id.clone();
    store.remove(&id).unwrap();
    assert_eq!(store.len(), 4_999);
    let touched = store
        .touched_since(after_undo)
        .expect("a small change is remembered");
    assert!(touched
        .iter()
        .any(|t| matches!(t, annotator::model::store::Touch::Annotation(a) if *a == id)));
}

/// *Delete all* moves the three lists into its undo step instead of copying them: undo must
/// still put back every annotation, link and orphan in its place, and redo take them again.
#[test]
fn delete_all_puts_back_annotations_links_and_orphans_in_their_order() {
    use annotator::model::annotation::Role;
    let index = TextIndex::new(TEXT);
    let mut store = Store::new();
    for (id, label, quote) in [
        ("a1", Label::Actor, "Pashinyan"),
        ("a2", Label::Actor, "Armenia"),
        ("a3", Label::Actor, "CSTO"),
        (
            "c1",
            Label::Claim,
            "Armenia considers itself outside the CSTO",
        ),
        ("c2", Label::Claim, "considers itself"),
    ] {
        store
            .add(&index, id.into(), label, span_in(TEXT, quote), "t")
            .unwrap();
    }
    for (id, claim, other, role) in [
        ("r1", "c1", "a1", Role::Source),
        ("r2", "c1", "a3", Role::Target),
        ("r3", "c2", "a1", Role::Source),
        ("r4", "c1", "a2", Role::Target),
    ] {
        store.link(id.into(), claim, other, role, "t").unwrap();
    }
    let orphans: Vec<_> = ["o1", "o2", "o3"]
        .iter()
        .map(|id| {
            let mut orphan = annotator::model::Annotation::new(
                &index,
                (*id).into(),
                Label::Actor,
                span_in(TEXT, "Pashinyan"),
                "t",
            );
            orphan.quote = format!("an old text of {id}");
            orphan
        })
        .collect();
    store.import(
        annotator::model::Annotations {
            annotations: Vec::new(),
            orphans,
            relations: Vec::new(),
        },
        ImportMode::Merge,
        String::new,
    );
    let (annotations, relations, orphans) = (
        store.annotations().to_vec(),
        store.relations().to_vec(),
        store.orphans().to_vec(),
    );
    assert_eq!(
        (annotations.len(), relations.len(), orphans.len()),
        (5, 4, 3)
    );
    let before = store.revision();

    assert_eq!(store.clear(), 8);
    assert!(store.is_empty() && store.relations().is_empty() && store.orphans().is_empty());
    assert_eq!(store.revision(), before + 1);
    for _ in 0..2 {
        assert!(store.undo());
        assert_eq!(store.annotations(), &annotations[..]);
        assert_eq!(store.relations(), &relations[..]);
        assert_eq!(store.orphans(), &orphans[..]);
        assert!(store.redo());
        assert!(store.is_empty() && store.relations().is_empty() && store.orphans().is_empty());
    }
    assert!(store.undo());
    // Put back where they were: a link removed afterwards is the same one as before.
    store.remove("a3").unwrap();
    assert_eq!(
        store
            .relations()
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["r1", "r3", "r4"]
    );
}
