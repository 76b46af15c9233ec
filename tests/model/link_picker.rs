//! The link picker's model: what it offers in either direction and in what order, how its
//! filter matches, which link a choice makes, and what a relabel would take with it.

use crate::support::{mfa_sample, span_of, NOW};
use annotator::model::store::{
    claim_candidates, filtered_candidates, link_between, link_candidates, links_touching,
    matches_filter, picker_candidates, Store,
};
use annotator::model::{default_document, Label, Role};

fn ids<'a>(annotations: &[&'a annotator::model::Annotation]) -> Vec<&'a str> {
    annotations.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn a_claim_is_offered_every_actor_and_date_of_the_document() {
    let (doc, store) = mfa_sample();
    let actors_and_dates = store
        .annotations()
        .iter()
        .filter(|a| a.label != Label::Claim)
        .count();
    assert!(actors_and_dates > 9, "more than the digit keys");
    for claim in ["mfa-1", "mfa-5", "aliyev-claim"] {
        let offered = picker_candidates(&store, &doc.index, claim);
        assert_eq!(offered.len(), actors_and_dates, "{claim}");
        assert!(ids(&offered).contains(&"jan24"), "{claim}");
    }
}

#[test]
fn the_date_of_the_report_is_far_down_the_list_of_a_later_claim_but_a_filter_finds_it() {
    let (doc, store) = mfa_sample();
    let offered = ids(&link_candidates(&store, &doc.index, "mfa-5"));
    let at = offered.iter().position(|&id| id == "jan24").unwrap();
    assert!(at >= 9, "beyond the digit keys: {offered:?}");
    let found = filtered_candidates(&store, &doc.index, "mfa-5", "january");
    assert_eq!(ids(&found), ["jan23", "jan24"], "nearest first");
    let found = filtered_candidates(&store, &doc.index, "mfa-5", "Jan 24");
    assert_eq!(ids(&found), ["jan24"], "every word must match");
}

#[test]
fn an_actor_or_a_date_is_offered_every_claim_its_own_sentence_first() {
    let (doc, store) = mfa_sample();
    let claims = store.count(Label::Claim);
    let for_peskov = ids(&claim_candidates(&store, &doc.index, "peskov"));
    assert_eq!(for_peskov.len(), claims);
    assert_eq!(for_peskov[0], "peskov-claim");
    let for_dec18 = ids(&picker_candidates(&store, &doc.index, "dec18"));
    assert_eq!(for_dec18[0], "aliyev-claim");
    assert_eq!(for_dec18.len(), claims);
    // A reporting clause after the quote (“… allies,” the MFA concluded.) is in the sentence
    // after the claim's: its paragraph's claim comes before a nearer one of the next.
    assert_eq!(
        ids(&claim_candidates(&store, &doc.index, "the-mfa-3"))[0],
        "mfa-6"
    );
    assert!(
        claim_candidates(&store, &doc.index, "mfa-1").is_empty(),
        "a claim is not linked to a claim"
    );
}

#[test]
fn the_filter_ignores_case_and_accents_and_reads_entity_names() {
    let (doc, mut store) = mfa_sample();
    store
        .set_entity("ministry-2", Some("Ministère des Affaires étrangères"), NOW)
        .unwrap();
    let get = |id: &str| store.get(id).unwrap().clone();
    assert!(matches_filter(&get("lavrov"), "LAVROV"));
    assert!(matches_filter(&get("lavrov"), "  sergey   lav "));
    assert!(!matches_filter(&get("lavrov"), "peskov"));
    assert!(matches_filter(&get("ministry"), "ministry affairs"));
    assert!(matches_filter(&get("ministry-2"), "ministere"), "accent");
    assert!(matches_filter(&get("ministry-2"), "ÉTRANGÈRES"));
    assert!(matches_filter(&get("ministry-2"), "ministry"), "quote");
    assert!(matches_filter(&get("dec18"), "2024"));
    assert!(matches_filter(&get("lavrov"), ""), "empty matches all");
    // Decomposed accents (a letter and a combining mark) match too.
    assert!(matches_filter(&get("ministry-2"), "ministe\u{300}re"));
    let dates_of_2024 = filtered_candidates(&store, &doc.index, "mfa-1", " 2024");
    assert_eq!(
        ids(&dates_of_2024).len(),
        3,
        "2024, the end of 2024, December 18, 2024"
    );
}

#[test]
fn a_choice_makes_the_link_its_labels_allow() {
    let (_, store) = mfa_sample();
    let get = |id: &str| store.get(id).unwrap();
    let link = |a: &str, b: &str, as_target: bool| {
        link_between(get(a), get(b), as_target).map(|(c, o, r)| (c.id.clone(), o.id.clone(), r))
    };
    let both = |c: &str, o: &str, r: Role| Some((c.to_owned(), o.to_owned(), r));
    assert_eq!(
        link("mfa-1", "lavrov", false),
        both("mfa-1", "lavrov", Role::Source)
    );
    assert_eq!(
        link("mfa-1", "lavrov", true),
        both("mfa-1", "lavrov", Role::Target)
    );
    assert_eq!(
        link("mfa-1", "jan24", true),
        both("mfa-1", "jan24", Role::When)
    );
    // From the other side: the same links.
    assert_eq!(
        link("lavrov", "mfa-1", true),
        both("mfa-1", "lavrov", Role::Target)
    );
    assert_eq!(
        link("jan24", "mfa-5", false),
        both("mfa-5", "jan24", Role::When)
    );
    assert_eq!(link("lavrov", "peskov", false), None);
    assert_eq!(link("mfa-1", "mfa-2", false), None);
}

#[test]
fn links_touching_an_annotation_from_either_end() {
    let doc = default_document();
    let mut store = Store::new();
    for (id, label, needle) in [
        (
            "claim",
            Label::Claim,
            "Russian-Armenian relations are experiencing",
        ),
        ("actor", Label::Actor, "Sergey Lavrov"),
        ("date", Label::Date, "January 24"),
    ] {
        store
            .add(&doc.index, id.into(), label, span_of(&doc, needle), NOW)
            .unwrap();
    }
    store
        .link("r1".into(), "claim", "actor", Role::Source, NOW)
        .unwrap();
    store
        .link("r2".into(), "claim", "date", Role::When, NOW)
        .unwrap();
    let roles = |id: &str| -> Vec<(Role, String, String)> {
        links_touching(&store, id)
            .into_iter()
            .map(|(r, c, o)| (r, c.id.clone(), o.id.clone()))
            .collect()
    };
    assert_eq!(
        roles("actor"),
        [(Role::Source, "claim".into(), "actor".into())]
    );
    assert_eq!(roles("claim").len(), 2);
    assert_eq!(roles("claim")[0].0, Role::Source, "by role");
}
