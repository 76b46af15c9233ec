//! Entities across the library (`model::entities`): grouping actor mentions by entity (set or
//! inferred from the text), their documents and claims, the name filter and the orders, and
//! the merge plan with its application to a document's annotations and records.

use annotator::model::entities::{
    apply_merge, entity_key, merge_plan, EntityIndex, EntitySort, MergePlan,
};
use annotator::model::library::WorkspaceDocument;
use annotator::model::records::Stored;
use annotator::model::{Annotation, Annotations, Document, Label, Relation, Role};

use crate::support::{nth_span_in, span_in};

const T: &str = "2025-02-01T10:00:00.000Z";
const LATER: &str = "2025-03-01T09:00:00.000Z";

/// A document with annotations `(id, label, text, entity)` and links `(claim, other, role)`.
fn document(
    (id, title): (&str, &str),
    text: &str,
    marks: &[(&str, Label, &str, Option<&str>)],
    links: &[(&str, &str, Role)],
) -> WorkspaceDocument {
    let document = Document::new(id, title, Some("2025-01-24"), text);
    let annotations = marks
        .iter()
        .map(|&(id, label, needle, entity)| {
            let span = span_in(text, needle);
            let mut a = Annotation::new(&document.index, id.into(), label, span, T);
            a.entity = entity.map(str::to_owned);
            a
        })
        .collect();
    let relations = links
        .iter()
        .map(|&(claim, other, role)| Relation {
            id: format!("{claim}-{other}-{}", role.as_str()),
            claim: claim.into(),
            other: other.into(),
            role,
            created: T.into(),
        })
        .collect();
    WorkspaceDocument {
        document,
        content: Annotations {
            annotations,
            orphans: vec![],
            relations,
        },
    }
}

/// Three documents. Peskov is named by hand in the first ("Dmitry Peskov", twice) and only by
/// his text in the second; "the Kremlin" and "The Kremlin" are one inferred entity; Côté has
/// an accented name; the third document mentions "Peskov" alone (a different entity until
/// merged) and has an orphan that names him too.
fn library() -> Vec<WorkspaceDocument> {
    use Label::{Actor, Claim};
    let mut docs = vec![
        document(
            ("one", "Kremlin briefing"),
            "Spokesman Dmitry Peskov said talks stalled. Peskov added that the Kremlin was calm. Economist Renée Côté said Peskov was wrong.",
            &[
                ("p1", Actor, "Spokesman Dmitry Peskov", Some("Dmitry Peskov")),
                ("c1", Claim, "talks stalled", None),
                ("p2", Actor, "Peskov added", Some("Dmitry Peskov")),
                ("k1", Actor, "the Kremlin", None),
                ("c2", Claim, "the Kremlin was calm", None),
                ("rc", Actor, "Economist Renée Côté", Some("Renée Côté")),
                ("c3", Claim, "Peskov was wrong", None),
                ("p3", Actor, "Peskov was", Some("Dmitry Peskov")),
            ],
            &[
                ("c1", "p1", Role::Source),
                ("c2", "p2", Role::Source),
                ("c2", "k1", Role::Target),
                ("c3", "rc", Role::Source),
                // Two mentions of Peskov as targets of one claim count once.
                ("c3", "p3", Role::Target),
                ("c3", "p2", Role::Target),
            ],
        ),
        document(
            ("two", "Moscow daily"),
            "Dmitry Peskov said The Kremlin would wait. Dmitry Peskov said nothing else.",
            &[
                ("q1", Actor, "Dmitry Peskov", None),
                ("d1", Claim, "The Kremlin would wait", None),
                ("k2", Actor, "The Kremlin", None),
                ("q2", Actor, "Dmitry Peskov said nothing", Some("dmitry  PESKOV")),
            ],
            &[("d1", "q1", Role::Source), ("d1", "k2", Role::Source)],
        ),
        document(
            ("three", "Wire"),
            "Peskov said the Kremlin and Peskov agreed.",
            &[
                ("s1", Actor, "Peskov", None),
                ("e1", Claim, "the Kremlin and Peskov agreed", None),
                ("s2", Actor, "Peskov", None),
            ],
            &[("e1", "s1", Role::Source)],
        ),
    ];
    // The second "Peskov" of the third document, and an orphan that names him.
    let three = &mut docs[2];
    let span = nth_span_in(three.document.index.text(), "Peskov", 1);
    three.content.annotations[2].set_span(&three.document.index, span);
    let mut orphan = docs[2].content.annotations[0].clone();
    orphan.id = "lost".into();
    docs[2].content.orphans.push(orphan);
    docs
}

fn index() -> EntityIndex {
    EntityIndex::of_workspace(&library())
}

fn mentions_of(index: &EntityIndex, id: &str) -> String {
    let entity = index.get(id).unwrap_or_else(|| panic!("no entity {id}"));
    entity
        .mentions
        .iter()
        .map(|m| format!("{}/{}", m.document_id, m.annotation))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn mentions_are_grouped_by_entity_set_or_inferred() {
    let index = index();
    let ids: Vec<&str> = index.entities().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["dmitry-peskov", "the-kremlin", "renée-côté", "peskov"]
    );
    // A set name, an actor whose text is that name, and the name in other case and spacing.
    assert_eq!(
        mentions_of(&index, "dmitry-peskov"),
        "one/p1 one/p2 one/p3 two/q1 two/q2"
    );
    assert_eq!(mentions_of(&index, "the-kremlin"), "one/k1 two/k2");
    // Orphans are not mentions (they have no place in the text).
    assert_eq!(mentions_of(&index, "peskov"), "three/s1 three/s2");
    assert_eq!(index.mentions(), 10);
}

#[test]
fn an_entity_is_shown_by_its_most_used_name() {
    let index = index();
    let peskov = index.get("dmitry-peskov").unwrap();
    assert_eq!(peskov.name, "Dmitry Peskov");
    assert!(!peskov.inferred);
    let kremlin = index.get("the-kremlin").unwrap();
    // No entity name: its texts, "The Kremlin" sorting before "the Kremlin" at one each.
    assert_eq!(kremlin.name, "The Kremlin");
    assert!(kremlin.inferred);
    assert_eq!(index.of_name("renee cote"), None);
    assert_eq!(index.of_name("Renée  Côté").unwrap().name, "Renée Côté");
    let m = &peskov.mentions[3];
    assert_eq!((m.quote.as_str(), m.start, m.end), ("Dmitry Peskov", 0, 13));
    assert_eq!(m.entity, None);
    assert_eq!(m.document_title, "Moscow daily");
}

#[test]
fn documents_and_claims_are_counted_per_entity() {
    let index = index();
    let count = |id: &str| {
        let e = index.get(id).unwrap();
        (e.mentions.len(), e.documents, e.as_source, e.as_target)
    };
    assert_eq!(count("dmitry-peskov"), (5, 2, 3, 1));
    assert_eq!(count("the-kremlin"), (2, 2, 1, 1));
    assert_eq!(count("renée-côté"), (1, 1, 1, 0));
    assert_eq!(count("peskov"), (2, 1, 1, 0));
    let claims: Vec<String> = index
        .get("dmitry-peskov")
        .unwrap()
        .claims
        .iter()
        .map(|c| format!("{}/{}:{}", c.document_id, c.claim, c.role.as_str()))
        .collect();
    assert_eq!(
        claims,
        [
            "one/c1:source",
            "one/c2:source",
            "one/c3:target",
            "two/d1:source"
        ]
    );
    let c3 = &index.get("dmitry-peskov").unwrap().claims[2];
    assert_eq!(
        (c3.quote.as_str(), c3.document_title.as_str()),
        ("Peskov was wrong", "Kremlin briefing")
    );
}

#[test]
fn the_filter_ignores_case_and_accents_and_needs_every_word() {
    let index = index();
    let names = |filter: &str| -> Vec<String> {
        index
            .select(filter)
            .into_iter()
            .map(|i| index.entities()[i].name.clone())
            .collect()
    };
    assert_eq!(names("cote"), ["Renée Côté"]);
    assert_eq!(names("RENÉE"), ["Renée Côté"]);
    assert_eq!(names("peskov"), ["Dmitry Peskov", "Peskov"]);
    assert_eq!(names("peskov dmitry"), ["Dmitry Peskov"]);
    assert_eq!(names("  "), names(""));
    assert_eq!(names("").len(), 4);
    assert!(names("putin").is_empty());
}

#[test]
fn entities_sort_by_mentions_documents_or_name() {
    let index = index();
    let order = |by: EntitySort, descending: bool| -> Vec<String> {
        let mut rows = index.select("");
        index.sort(&mut rows, by, descending);
        rows.into_iter()
            .map(|i| index.entities()[i].name.clone())
            .collect()
    };
    // Most mentions first; the Kremlin and Peskov tie at two and go by name.
    assert_eq!(
        order(EntitySort::Mentions, false),
        ["Dmitry Peskov", "Peskov", "The Kremlin", "Renée Côté"]
    );
    assert_eq!(
        order(EntitySort::Mentions, true),
        ["Renée Côté", "Peskov", "The Kremlin", "Dmitry Peskov"]
    );
    assert_eq!(
        order(EntitySort::Documents, false),
        ["Dmitry Peskov", "The Kremlin", "Peskov", "Renée Côté"]
    );
    assert_eq!(
        order(EntitySort::Name, false),
        ["Dmitry Peskov", "Peskov", "Renée Côté", "The Kremlin"]
    );
    assert_eq!(
        order(EntitySort::Name, true),
        ["The Kremlin", "Renée Côté", "Peskov", "Dmitry Peskov"]
    );
}

fn plan_of(from: &str, into: &str) -> Result<MergePlan, String> {
    let docs = library();
    merge_plan(
        &EntityIndex::of_workspace(&docs),
        docs.iter().map(|d| (&d.document, d.content.content())),
        from,
        into,
    )
}

#[test]
fn a_merge_plan_lists_every_actor_naming_the_entity_per_document() {
    let plan = plan_of("peskov", "dmitry-peskov").unwrap();
    assert_eq!(
        (plan.from_name.as_str(), plan.into_name.as_str()),
        ("Peskov", "Dmitry Peskov")
    );
    assert_eq!(plan.documents.len(), 1);
    let three = &plan.documents[0];
    assert_eq!(
        (three.document_id.as_str(), three.document_title.as_str()),
        ("three", "Wire")
    );
    let edits: Vec<(&str, bool)> = three
        .edits
        .iter()
        .map(|e| (e.annotation.as_str(), e.orphan))
        .collect();
    // The orphan names Peskov by its text too.
    assert_eq!(edits, [("s1", false), ("s2", false), ("lost", true)]);
    assert_eq!(plan.mentions(), 3);
    assert_eq!(plan.describe(), "3 mentions in 1 document");

    // The other way round: set names and inferred ones, in two documents.
    let back = plan_of("dmitry-peskov", "peskov").unwrap();
    assert_eq!(back.describe(), "5 mentions in 2 documents");
    assert_eq!(back.into_name, "Peskov");
}

#[test]
fn a_merge_needs_two_different_known_entities() {
    assert_eq!(
        plan_of("peskov", "peskov").unwrap_err(),
        "an entity cannot be merged into itself"
    );
    assert!(plan_of("putin", "peskov").unwrap_err().contains("“putin”"));
    assert!(plan_of("peskov", "putin").is_err());
}

#[test]
fn applying_a_merge_renames_only_the_planned_actors_still_naming_it() {
    let plan = plan_of("the-kremlin", "dmitry-peskov").unwrap();
    assert_eq!(plan.describe(), "2 mentions in 2 documents");
    let mut docs = library();
    // Meanwhile, the Kremlin of the second document was given another entity elsewhere.
    docs[1].content.annotations[2].entity = Some("Presidential Administration".into());
    let before: Vec<Annotations> = docs.iter().map(|d| d.content.clone()).collect();
    let mut changed = 0;
    for edits in &plan.documents {
        let doc = docs
            .iter_mut()
            .find(|d| d.document.id == edits.document_id)
            .unwrap();
        changed += apply_merge(&mut doc.content, &plan, edits, LATER);
    }
    assert_eq!(changed, 1);
    let k1 = docs[0]
        .content
        .annotations
        .iter()
        .find(|a| a.id == "k1")
        .unwrap();
    assert_eq!(k1.entity.as_deref(), Some("Dmitry Peskov"));
    assert_eq!(k1.updated, LATER);
    assert_eq!(k1.quote, "the Kremlin");
    let k2 = &docs[1].content.annotations[2];
    assert_eq!(k2.entity.as_deref(), Some("Presidential Administration"));
    // Nothing else moved: every other annotation, orphan and link is as it was.
    for (after, before) in docs.iter().zip(&before) {
        assert_eq!(after.content.relations, before.relations);
        assert_eq!(after.content.orphans, before.orphans);
        for (a, b) in after.content.annotations.iter().zip(&before.annotations) {
            if a.id != "k1" {
                assert_eq!(a, b);
            }
        }
    }
}

#[test]
fn after_a_merge_the_index_has_one_entity_with_both_mentions_and_claims() {
    let plan = plan_of("peskov", "dmitry-peskov").unwrap();
    let mut docs = library();
    for edits in &plan.documents {
        let doc = docs
            .iter_mut()
            .find(|d| d.document.id == edits.document_id)
            .unwrap();
        assert_eq!(apply_merge(&mut doc.content, &plan, edits, LATER), 3);
    }
    assert!(docs[2]
        .content
        .orphans
        .iter()
        .all(|o| o.entity.as_deref() == Some("Dmitry Peskov")));
    let index = EntityIndex::of_workspace(&docs);
    assert!(index.get("peskov").is_none());
    let peskov = index.get("dmitry-peskov").unwrap();
    assert_eq!(
        (
            peskov.mentions.len(),
            peskov.documents,
            peskov.as_source,
            peskov.as_target
        ),
        (7, 3, 4, 1)
    );
    assert_eq!(entity_key(&peskov.name), "dmitry-peskov");
    // Applied twice, the merge changes nothing more.
    let edits = &plan.documents[0];
    assert_eq!(apply_merge(&mut docs[2].content, &plan, edits, LATER), 0);
}

#[test]
fn a_merged_document_writes_only_the_changed_annotations() {
    let docs = library();
    let two = &docs[1];
    // As stored: every record, and a link whose claim is gone (the store would drop it).
    let mut content = two.content.clone();
    content.relations.push(Relation {
        id: "dangling".into(),
        claim: "gone".into(),
        other: "q1".into(),
        role: Role::Source,
        created: T.into(),
    });
    let records: Vec<serde_json::Value> = Stored::empty("two")
        .changes(&two.document, content.content())
        .iter()
        .map(|w| {
            let mut v: serde_json::Value = serde_json::from_str(&w.to_json()).unwrap();
            v["_rev"] = "1-a".into();
            v
        })
        .collect();
    let (stored, mut loaded, unreadable) = Stored::load(&two.document, &records);
    assert!(unreadable.reasons.is_empty());
    let plan = plan_of("dmitry-peskov", "peskov").unwrap();
    let edits = plan
        .documents
        .iter()
        .find(|d| d.document_id == "two")
        .unwrap();
    assert_eq!(apply_merge(&mut loaded, &plan, edits, LATER), 2);
    let writes = stored.changes(&two.document, loaded.content());
    let ids: Vec<(&str, Option<&str>)> = writes
        .iter()
        .map(|w| (w.id.as_str(), w.rev.as_deref()))
        .collect();
    assert_eq!(
        ids,
        [("ann:two:q1", Some("1-a")), ("ann:two:q2", Some("1-a"))]
    );
    let body: serde_json::Value = serde_json::from_str(writes[0].body.as_ref().unwrap()).unwrap();
    assert_eq!(body["entity"]["name"], "Peskov");
    assert_eq!(body["entity"]["id"], "peskov");
    assert!(body["entity"].get("inferred").is_none());
}
