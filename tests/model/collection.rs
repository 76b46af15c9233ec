//! Claims across the collection (`model::collection`): rows from every document's claims
//! table, the actor, role, date-range and word filters, sorting, and the CSV and JSON files.

use annotator::model::claims::claims_table;
use annotator::model::collection::{
    collect, of_workspace, period_of, to_csv, to_json, ActorMatch, ActorRole, ClaimFilter,
    Collection, DateRange, SortBy,
};
use annotator::model::formats::csv::claims_csv;
use annotator::model::library::WorkspaceDocument;
use annotator::model::{Annotation, Annotations, Document, Label, Relation, Role};
use chrono::NaiveDate;
use serde_json::Value;

use crate::support::span_in;

const T: &str = "2025-02-01T10:00:00.000Z";

/// A document with annotations `(id, label, text, entity)` and links `(claim, other, role)`.
fn document(
    (id, title, published): (&str, &str, Option<&str>),
    text: &str,
    marks: &[(&str, Label, &str, Option<&str>)],
    links: &[(&str, &str, Role)],
) -> WorkspaceDocument {
    let document = Document::new(id, title, published, text);
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
            id: format!("{claim}-{other}"),
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

/// Three documents: Keller's budget claims (a day, a month, no date), Côté's (the end of a
/// year, a day, a duration; emoji and a line break in the text), Lavrov's (no date at all).
fn library() -> Vec<WorkspaceDocument> {
    use Label::{Actor, Claim, Date};
    vec![
        document(
            ("budget-row", "Budget row", Some("2025-01-24")),
            "Finance Minister Maria Keller said on January 20 that the deficit would fall, \"sharply\", within a year.\nThe IMF said in December 2024 that growth was slowing.\nKeller said that nothing had changed.",
            &[
                ("k1", Actor, "Finance Minister Maria Keller", Some("Maria Keller")),
                ("d1", Date, "January 20", None),
                ("c1", Claim, "the deficit would fall, \"sharply\", within a year", None),
                ("imf", Actor, "The IMF", Some("International Monetary Fund")),
                ("d2", Date, "December 2024", None),
                ("c2", Claim, "growth was slowing", None),
                ("k2", Actor, "Keller said", Some("Maria Keller")),
                ("c3", Claim, "nothing had changed", None),
            ],
            &[
                ("c1", "k1", Role::Source),
                ("c1", "d1", Role::When),
                ("c2", "imf", Role::Source),
                ("c2", "d2", Role::When),
                ("c2", "k1", Role::Target),
                ("c3", "k2", Role::Source),
            ],
        ),
        document(
            ("cote", "Côté interview 🇫🇷", Some("2024-06-30")),
            "Economist Renée Côté 👩🏽‍💼 said at the end of 2023 that prices\nwould stabilise. Côté added on June 3 that the Bank erred. Côté said over the past year that rents rose.",
            &[
                ("rc", Actor, "Economist Renée Côté", Some("Renée Côté")),
                ("e1", Date, "the end of 2023", None),
                ("ca", Claim, "prices\nwould stabilise", None),
                ("c2", Actor, "Côté added", None),
                ("j3", Date, "June 3", None),
                ("cb", Claim, "the Bank erred", None),
                ("bank", Actor, "the Bank", None),
                ("c3", Actor, "Côté said", None),
                ("py", Date, "the past year", None),
                ("cc", Claim, "rents rose", None),
            ],
            &[
                ("ca", "rc", Role::Source),
                ("ca", "e1", Role::When),
                ("cb", "c2", Role::Source),
                ("cb", "j3", Role::When),
                ("cb", "bank", Role::Target),
                ("cc", "c3", Role::Source),
                ("cc", "py", Role::When),
            ],
        ),
        document(
            ("lavrov", "No date", None),
            "Lavrov said that talks failed.",
            &[
                ("l", Actor, "Lavrov", None),
                ("t", Claim, "talks failed", None),
            ],
            &[("t", "l", Role::Source)],
        ),
    ]
}

/// The claims of the rows, as `document/claim`, separated by spaces.
fn ids(collection: &Collection, rows: &[usize]) -> String {
    let ids: Vec<String> = rows
        .iter()
        .map(|&i| {
            let c = &collection.claims()[i];
            format!("{}/{}", c.document_id, c.record.claim)
        })
        .collect();
    ids.join(" ")
}

fn query(filter: ClaimFilter) -> String {
    let collection = Collection::new(of_workspace(&library()));
    ids(&collection, &collection.select(&filter))
}

fn in_range(from: &str, to: &str) -> String {
    query(ClaimFilter {
        range: DateRange::parse(from, to).unwrap(),
        ..ClaimFilter::default()
    })
}

#[test]
fn every_claim_comes_with_its_document_and_its_claims_table_row() {
    let docs = library();
    let claims = of_workspace(&docs);
    assert_eq!(claims.len(), 7);
    let first = &claims[0];
    assert_eq!(
        (first.document_id.as_str(), first.document_title.as_str()),
        ("budget-row", "Budget row")
    );
    assert_eq!(first.published.as_deref(), Some("2025-01-24"));
    assert_eq!(first.record.sources, ["Maria Keller"]);
    assert_eq!(first.record.dates, ["2025-01-20"]);
    // The rows are the claims tables', document by document: one function names them all.
    for doc in &docs {
        let table = claims_table(doc.content.content(), doc.document.published_date());
        let rows: Vec<_> = claims
            .iter()
            .filter(|c| c.document_id == doc.document.id)
            .map(|c| c.record.clone())
            .collect();
        assert_eq!(rows, table);
    }
    let cote = &claims[3];
    assert_eq!(
        (
            cote.record.dates.clone(),
            cote.record.date_modifiers.clone()
        ),
        (vec!["2023".to_owned()], vec![Some("END".to_owned())])
    );
    // The same from (document, content) pairs.
    let pairs = collect(docs.iter().map(|d| (&d.document, d.content.content())));
    assert_eq!(pairs, claims);
}

#[test]
fn the_actor_filter_matches_names_ignoring_case_and_accents_in_the_chosen_role() {
    let contains = |text: &str, role| {
        query(ClaimFilter {
            actor: Some(ActorMatch::Contains(text.into())),
            role,
            ..ClaimFilter::default()
        })
    };
    assert_eq!(
        contains("KELLER", ActorRole::Any),
        "budget-row/c1 budget-row/c2 budget-row/c3"
    );
    assert_eq!(
        contains("keller", ActorRole::Source),
        "budget-row/c1 budget-row/c3"
    );
    assert_eq!(contains("keller", ActorRole::Target), "budget-row/c2");
    // "Côté" (entity) and "Côté added", "Côté said" (no entity: their text).
    assert_eq!(
        contains("cote", ActorRole::Source),
        "cote/ca cote/cb cote/cc"
    );
    assert_eq!(contains("bank", ActorRole::Any), "cote/cb");
    assert_eq!(contains("nobody", ActorRole::Any), "");
    let exact = |name: &str| {
        query(ClaimFilter {
            actor: Some(ActorMatch::Exact(name.into())),
            ..ClaimFilter::default()
        })
    };
    assert_eq!(exact("Renée Côté"), "cote/ca");
    assert_eq!(exact("renée côté") + &exact("Côté"), "");
}

#[test]
fn the_word_filter_needs_every_word_of_the_claim_ignoring_case_and_accents() {
    let words = |w: &str| {
        query(ClaimFilter {
            words: w.into(),
            ..ClaimFilter::default()
        })
    };
    assert_eq!(words("DEFICIT sharply"), "budget-row/c1");
    assert_eq!(words("  "), in_range("", ""));
    assert_eq!(words("deficit rents"), "");
    // Words of the claim only, not of its actors.
    assert_eq!(words("keller"), "");
}

#[test]
fn a_date_is_in_a_range_when_its_whole_period_is() {
    assert_eq!(in_range("2025-01-20", "2025-01-20"), "budget-row/c1");
    assert_eq!(in_range("2024-12-01", "2024-12-31"), "budget-row/c2");
    // December 2024 is not known to fall after the 15th.
    assert_eq!(in_range("2024-12-15", "2025-01-31"), "budget-row/c1");
    // Partial bounds: from the first day of their period to the last.
    assert_eq!(in_range("2024", "2024"), "budget-row/c2 cote/cb");
    assert_eq!(in_range("2024-06", "2024-06"), "cote/cb");
    // "The end of 2023" is 2023 (END): the modifier does not narrow it.
    assert_eq!(in_range("", "2023-12"), "cote/ca");
    assert_eq!(in_range("2023-06", "2023-12-31"), "");
    // Open ends; claims without a date or with a duration (the past year) are left out.
    assert_eq!(
        in_range("2023", ""),
        "budget-row/c1 budget-row/c2 cote/ca cote/cb"
    );
    // Weeks and quarters as bounds.
    assert_eq!(in_range("2025-W04", "2025-W04"), "budget-row/c1");
    assert_eq!(in_range("2024-Q4", "2024-Q4"), "budget-row/c2");
    // No range: everything, dated or not.
    assert_eq!(in_range(" ", "").split(' ').count(), 7);
}

#[test]
fn bad_bounds_are_refused_with_what_to_write() {
    let e = DateRange::parse("2024-13-01", "").unwrap_err();
    assert!(
        e.contains("“2024-13-01”") && e.contains("“from”") && e.contains("YYYY-MM-DD"),
        "{e}"
    );
    assert!(DateRange::parse("", "soon").unwrap_err().contains("“to”"));
    let e = DateRange::parse("2025", "2024-06").unwrap_err();
    assert!(e.contains("before it starts"), "{e}");
    assert!(!DateRange::parse("", "").unwrap().is_set());
}

#[test]
fn periods_of_every_kind_of_value() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let cases = [
        ("2024-12-18", "2024-12-18", "2024-12-18"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2024-12", "2024-12-01", "2024-12-31"),
        ("2024", "2024-01-01", "2024-12-31"),
        ("2025-W01", "2024-12-30", "2025-01-05"),
        ("2024-Q3", "2024-07-01", "2024-09-30"),
        ("2024-SU", "2024-06-01", "2024-08-31"),
        ("2024-WI", "2024-12-01", "2025-02-28"),
        ("199", "1990-01-01", "1999-12-31"),
        ("20", "2000-01-01", "2099-12-31"),
    ];
    for (value, first, last) in cases {
        assert_eq!(period_of(value), Some((d(first), d(last))), "{value}");
    }
    for value in [
        "P1Y",
        "",
        "2025-02-30",
        "2024-13",
        "2024-W54",
        "2024-Q5",
        "24-01-01",
        "2024-1-5",
        "abcd",
        "-2024",
    ] {
        assert_eq!(period_of(value), None, "{value:?}");
    }
}

#[test]
fn sorting_by_date_source_and_document_keeps_claims_without_the_key_last() {
    let collection = Collection::new(of_workspace(&library()));
    let sorted = |by, descending| {
        let mut rows = collection.select(&ClaimFilter::default());
        collection.sort(&mut rows, by, descending);
        ids(&collection, &rows)
    };
    let undated = "budget-row/c3 cote/cc lavrov/t";
    let ascending = "cote/ca cote/cb budget-row/c2 budget-row/c1";
    assert_eq!(
        sorted(SortBy::Date, false),
        format!("{ascending} {undated}")
    );
    let descending = "budget-row/c1 budget-row/c2 cote/cb cote/ca";
    assert_eq!(
        sorted(SortBy::Date, true),
        format!("{descending} {undated}")
    );
    // "Côté added"/"Côté said" < International Monetary Fund < Lavrov < Maria Keller < Renée Côté.
    assert_eq!(
        sorted(SortBy::Source, false),
        "cote/cb cote/cc budget-row/c2 lavrov/t budget-row/c1 budget-row/c3 cote/ca"
    );
    assert_eq!(
        sorted(SortBy::Document, false),
        "budget-row/c1 budget-row/c2 budget-row/c3 cote/ca cote/cb cote/cc lavrov/t"
    );
    assert_eq!(
        sorted(SortBy::Document, true),
        "lavrov/t cote/cc cote/cb cote/ca budget-row/c3 budget-row/c2 budget-row/c1"
    );
}

#[test]
fn counts_documents_and_lists_actor_names() {
    let collection = Collection::new(of_workspace(&library()));
    let rows = collection.select(&ClaimFilter {
        words: "a".into(),
        ..ClaimFilter::default()
    });
    // Every claim but “rents rose”.
    assert_eq!(rows.len(), 6);
    assert_eq!(collection.documents_in(&rows), 3);
    assert_eq!(collection.documents_in(&rows[..2]), 1);
    assert_eq!(
        collection.actor_names(),
        [
            "Côté added",
            "Côté said",
            "International Monetary Fund",
            "Lavrov",
            "Maria Keller",
            "Renée Côté",
            "the Bank"
        ]
    );
}

#[test]
fn the_csv_is_rfc_4180_with_document_columns_before_the_claims_csv_columns() {
    let docs = library();
    let claims = of_workspace(&docs);
    let csv = to_csv(&claims);
    assert!(csv.ends_with("\r\n"));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "document_id,document_title,published,claim_id,claim,sources,targets,dates,date_modifiers,start,end"
    );
    let text = docs[0].document.index.text();
    let start = text.find("the deficit").unwrap();
    assert_eq!(
        lines[1],
        format!(
            "budget-row,Budget row,2025-01-24,c1,\"the deficit would fall, \"\"sharply\"\", within a year\",Maria Keller,,2025-01-20,,{start},{}",
            start + 48
        )
    );
    // Code points, not bytes: the Côté document has accents and emoji before its claims.
    let cote = docs[1].document.index.text();
    let at = cote.find("the Bank erred").unwrap();
    let chars = cote[..at].chars().count();
    assert!(chars < at);
    assert!(
        lines[5].ends_with(&format!(",{chars},{}", chars + 14)),
        "{}",
        lines[5]
    );
    // A line break stays inside its quoted cell; no date is an empty cell, and an unknown
    // publication date too.
    assert!(lines[4].starts_with(
        "cote,Côté interview 🇫🇷,2024-06-30,ca,\"prices\nwould stabilise\",Renée Côté,,2023,END,"
    ));
    assert!(lines[7].starts_with("lavrov,No date,,t,talks failed,Lavrov,,,,"));
    // The claim columns are the claims CSV's, cell for cell.
    for (i, doc) in docs.iter().enumerate() {
        let own = claims_csv(&claims_table(
            doc.content.content(),
            doc.document.published_date(),
        ));
        let own: Vec<&str> = own
            .split("\r\n")
            .skip(1)
            .filter(|l| !l.is_empty())
            .collect();
        let ours: Vec<&str> = lines[1..lines.len() - 1]
            .iter()
            .copied()
            .filter(|l| l.starts_with(&format!("{},", doc.document.id)))
            .collect();
        assert_eq!(own.len(), ours.len(), "document {i}");
        for (own, ours) in own.iter().zip(&ours) {
            assert!(ours.ends_with(own), "{ours} / {own}");
        }
    }
}

#[test]
fn the_json_holds_the_rows_with_their_documents() {
    let claims = of_workspace(&library());
    let json: Value = serde_json::from_str(&to_json(&claims[3..])).unwrap();
    assert_eq!(json["format"], "text-annotator-library-claims");
    assert_eq!(json["version"], 1);
    let rows = json["claims"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["document_id"], "cote");
    assert_eq!(rows[0]["document_title"], "Côté interview 🇫🇷");
    assert_eq!(rows[0]["claim"], "ca");
    assert_eq!(rows[0]["quote"], "prices\nwould stabilise");
    assert_eq!(rows[0]["dates"], serde_json::json!(["2023"]));
    assert_eq!(rows[0]["date_modifiers"], serde_json::json!(["END"]));
    assert_eq!(rows[2]["dates"], serde_json::json!(["P1Y"]));
    assert_eq!(rows[3]["published"], Value::Null);
    assert_eq!(rows[1]["targets"], serde_json::json!(["the Bank"]));
}
