//! The document library and the workspace file: normalisation, ids, merge rules, round trip.

use annotator::model::library::{
    fold_for_search, group_thousands, is_workspace, merge_by_id, new_document_id, normalize_text,
    parse_workspace, sort_documents, workspace_to_json, DocumentMeta, DocumentSearch, DocumentSort,
    Library, WorkspaceDocument,
};
use annotator::model::store::Store;
use annotator::model::Document;
use annotator::model::{default_document, Annotation, Label};

use crate::support::span_in;

const MIXED: &str = "Պաշտոնական հայտարարություն 🇦🇲👨🏻‍🚒\nقال المتحدث إن العلاقات جيدة.\nSergey Lavrov spoke on January 24.";

#[test]
fn line_endings_are_normalised_once_and_nothing_else_changes() {
    assert_eq!(normalize_text("\u{feff}a\r\nb\rc\n🇦🇲 Հ"), "a\nb\nc\n🇦🇲 Հ");
    assert_eq!(normalize_text(MIXED), MIXED);
}

#[test]
fn a_leading_byte_order_mark_goes_and_offsets_start_after_it() {
    let doc = Document::new("d", "D", None, &normalize_text("\u{feff}Sergey Lavrov\n"));
    assert_eq!(span_in(doc.index.text(), "Sergey").start.0, 0);
    // Only the leading one: the text is otherwise kept as it came.
    assert_eq!(normalize_text("a\n\u{feff}b"), "a\n\u{feff}b");
}

#[test]
fn new_ids_are_readable_slugs_with_a_random_suffix() {
    assert_eq!(
        new_document_id("Aliyev: Armenia will leave the CSTO!", "1a2b"),
        "aliyev-armenia-will-leave-the-csto-1a2b"
    );
    assert_eq!(new_document_id("Հայաստան 🇦🇲", "ff00"), "doc-ff00");
}

#[test]
fn merge_keeps_both_sides_and_the_later_edit() {
    let doc = default_document();
    let make = |id: &str, note: &str, updated: &str| {
        let mut a = Annotation::new(
            &doc.index,
            id.into(),
            Label::Actor,
            span_in(doc.index.text(), "Sergey Lavrov"),
            "2025-01-01T00:00:00.000Z",
        );
        a.note = note.into();
        a.updated = updated.into();
        a
    };
    let ours = vec![
        make("a", "ours, newer", "2025-02-02T00:00:00.000Z"),
        make("b", "only ours", "2025-01-01T00:00:00.000Z"),
    ];
    let theirs = vec![
        make("a", "theirs, older", "2025-01-05T00:00:00.000Z"),
        make("c", "only theirs", "2025-01-01T00:00:00.000Z"),
    ];
    let (merged, summary) = merge_by_id(&ours, &theirs);
    let notes: Vec<(&str, &str)> = merged
        .iter()
        .map(|a| (a.id.as_str(), a.note.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            ("a", "ours, newer"),
            ("b", "only ours"),
            ("c", "only theirs")
        ]
    );
    assert_eq!(
        (summary.added, summary.updated, summary.unchanged),
        (1, 0, 1)
    );
    let (merged, summary) = merge_by_id(&theirs, &ours);
    assert_eq!(
        merged.iter().find(|a| a.id == "a").unwrap().note,
        "ours, newer"
    );
    assert_eq!(summary.updated, 1);
}

#[test]
fn a_workspace_round_trips_every_document_exactly() {
    let default = default_document();
    let mixed = Document::new("mixed-1", "Mixed scripts 🇦🇲", Some("2025-02-01"), MIXED);
    let mut stores = Vec::new();
    for (doc, needles) in [
        (&default, ["Sergey Lavrov", "January 24"]),
        (&mixed, ["Sergey Lavrov", "January 24"]),
    ] {
        let mut store = Store::new();
        for (i, needle) in needles.iter().enumerate() {
            let label = if i == 0 { Label::Actor } else { Label::Date };
            store
                .add(
                    &doc.index,
                    format!("{}-{i}", doc.id),
                    label,
                    span_in(doc.index.text(), needle),
                    "2025-01-01T00:00:00.000Z",
                )
                .unwrap();
        }
        stores.push(store);
    }
    let mut arabic = Store::new();
    arabic
        .add(
            &mixed.index,
            "ar".into(),
            Label::Actor,
            span_in(MIXED, "المتحدث"),
            "t",
        )
        .unwrap();
    let documents = vec![
        WorkspaceDocument {
            document: default_document(),
            content: annotator::model::Annotations {
                annotations: stores[0].annotations().to_vec(),
                ..Default::default()
            },
        },
        WorkspaceDocument {
            document: Document::new("mixed-1", "Mixed scripts 🇦🇲", Some("2025-02-01"), MIXED),
            content: annotator::model::Annotations {
                annotations: [stores[1].annotations(), arabic.annotations()].concat(),
                ..Default::default()
            },
        },
    ];
    let json = workspace_to_json(&documents, "2025-03-01T00:00:00.000Z");
    assert!(is_workspace(&json));
    let back = parse_workspace(&json).unwrap();
    assert_eq!(back.len(), 2);
    for (a, b) in documents.iter().zip(&back) {
        assert_eq!(a.document.index.text(), b.document.index.text());
        assert_eq!(a.document.title, b.document.title);
        let mut expected = a.content.annotations.clone();
        expected.sort_by(|x, y| x.order_key().cmp(&y.order_key()));
        let mut got = b.content.annotations.clone();
        got.sort_by(|x, y| x.order_key().cmp(&y.order_key()));
        assert_eq!(got, expected);
    }
    // Exported twice, identical.
    assert_eq!(workspace_to_json(&back, "2025-03-01T00:00:00.000Z"), json);
}

#[test]
fn a_broken_workspace_is_rejected_naming_the_document() {
    let doc = default_document();
    let mut store = Store::new();
    store
        .add(
            &doc.index,
            "a".into(),
            Label::Actor,
            span_in(doc.index.text(), "Sergey Lavrov"),
            "t",
        )
        .unwrap();
    let json = workspace_to_json(
        &[WorkspaceDocument {
            document: default_document(),
            content: annotator::model::Annotations {
                annotations: store.annotations().to_vec(),
                ..Default::default()
            },
        }],
        "t",
    );
    let broken = json.replace("\"quote\":\"Sergey Lavrov\"", "\"quote\":\"Sergei Lavrov\"");
    assert_ne!(broken, json, "the fixture holds the quote");
    let message = parse_workspace(&broken).unwrap_err().to_string();
    assert!(
        message.starts_with("document 1: (“Russian MFA"),
        "{message}"
    );
    assert!(
        message.contains("annotation 1: quote “Sergei Lavrov” does not match"),
        "{message}"
    );
    let no_text = json.replacen("\"text\":", "\"text_removed\":", 1);
    assert!(parse_workspace(&no_text)
        .unwrap_err()
        .to_string()
        .contains("document 1: the document has no \"text\""));
    assert!(parse_workspace(
        "{\"format\": \"text-annotator-workspace\", \"version\": 9, \"documents\": []}"
    )
    .unwrap_err()
    .to_string()
    .contains("newer"));
}

#[test]
fn a_workspace_file_is_split_first_and_each_document_built_when_asked() {
    use annotator::model::library::WorkspaceFile;
    // Each document as the app writes it, cut out of a workspace of one.
    let doc = |id: &str, text: &str| {
        let one = workspace_to_json(
            &[annotator::model::library::WorkspaceDocument {
                document: annotator::model::Document::new(id, &format!("T {id}"), None, text),
                content: Default::default(),
            }],
            "t",
        );
        let value: serde_json::Value = serde_json::from_str(&one).unwrap();
        value["documents"][0].to_string()
    };
    let workspace = |docs: &[String]| {
        format!(
            r#"{{"format": "text-annotator-workspace", "version": 1, "documents": [{}]}}"#,
            docs.join(",")
        )
    };
    let good = workspace(&[doc("a", "One."), doc("b", "Two.")]);
    let file = WorkspaceFile::open(&good).unwrap();
    assert_eq!(file.len(), 2);
    assert_eq!(file.document(1).unwrap().document.index.text(), "Two.");
    assert_eq!(parse_workspace(&good).unwrap().len(), 2);

    // Two documents with one id: refused when the file is opened, before any is built.
    let twice = workspace(&[doc("a", "One."), doc("b", "Two."), doc("a", "Three.")]);
    let message = WorkspaceFile::open(&twice).err().unwrap().to_string();
    assert!(
        message.contains("document 3: id \"a\" is already used by document 1"),
        "{message}"
    );

    // Broken JSON in the last document fails the whole file at once.
    let broken = good.replacen("Two.\"", "Two.", 1);
    assert!(WorkspaceFile::open(&broken).is_err());

    // A document that does not hold together is named by its number when it is built.
    let no_text = workspace(&[
        doc("a", "One."),
        doc("b", "Two.").replace("\"text\"", "\"txt\""),
    ]);
    let file = WorkspaceFile::open(&no_text).unwrap();
    assert!(file.document(0).is_ok());
    let message = file.document(1).err().unwrap().to_string();
    assert!(
        message.starts_with("document 2: the document has no \"text\""),
        "{message}"
    );

    // Not a list of documents.
    let not_list = r#"{"format": "text-annotator-workspace", "version": 1, "documents": {}}"#;
    let message = WorkspaceFile::open(not_list).err().unwrap().to_string();
    assert!(
        message.contains("\"documents\" must be a list"),
        "{message}"
    );
}

#[test]
fn the_library_index_round_trips_and_upserts() {
    let doc = default_document();
    let mut library = Library::default();
    library.upsert(DocumentMeta::of(&doc, "t0", true));
    let mut meta = DocumentMeta::of(&Document::new("x", "X", None, MIXED), "t1", false);
    library.upsert(meta.clone());
    meta.title = "Renamed".into();
    library.upsert(meta);
    let back = Library::parse(&library.to_json()).unwrap();
    assert_eq!(back, library);
    assert_eq!(back.documents.len(), 2);
    assert_eq!(back.get("x").unwrap().title, "Renamed");
    assert!(Library::parse(
        "{\"format\":\"text-annotator-library\",\"version\":5,\"documents\":[]}"
    )
    .is_err());
}

#[test]
fn a_document_above_the_size_limit_is_refused_with_the_limit_named() {
    use annotator::model::library::{check_document_size, MAX_DOCUMENT_CHARS};
    assert!(check_document_size(&"é".repeat(MAX_DOCUMENT_CHARS)).is_ok());
    let err = check_document_size(&"é".repeat(MAX_DOCUMENT_CHARS + 1)).unwrap_err();
    assert!(err.contains("2000001 characters"), "{err}");
    assert!(err.contains(&MAX_DOCUMENT_CHARS.to_string()), "{err}");
}

fn entry(
    id: &str,
    title: &str,
    published: Option<&str>,
    updated: &str,
    counts: [usize; 3],
) -> DocumentMeta {
    let mut meta = DocumentMeta::of(
        &Document::new(id, title, published, "Text."),
        updated,
        false,
    );
    meta.counts = counts;
    meta
}

#[test]
fn the_document_list_sorts_four_ways_with_stable_ties() {
    let mut list = vec![
        entry(
            "a",
            "Élection à Erevan",
            Some("2024-05-01"),
            "2025-01-03",
            [1, 0, 0],
        ),
        entry("b", "budget talks", None, "2025-01-01", [10, 5, 2]),
        entry(
            "c",
            "Armenia and Azerbaijan",
            Some("2025-02-01"),
            "2025-01-02",
            [1, 0, 0],
        ),
        entry(
            "d",
            "Ceasefire",
            Some("2024-05-01"),
            "2025-01-04",
            [0, 0, 0],
        ),
    ];
    let ids = |list: &[DocumentMeta]| list.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    sort_documents(&mut list, DocumentSort::Published);
    // Newest first, equal dates by title (folded: "ceasefire" < "election"), no date last.
    assert_eq!(ids(&list), ["c", "d", "a", "b"]);
    sort_documents(&mut list, DocumentSort::Title);
    assert_eq!(ids(&list), ["c", "b", "d", "a"]);
    sort_documents(&mut list, DocumentSort::Edited);
    assert_eq!(ids(&list), ["d", "a", "c", "b"]);
    sort_documents(&mut list, DocumentSort::Annotations);
    // 17, then the two with 1 by title, then 0.
    assert_eq!(ids(&list), ["b", "c", "a", "d"]);
    for sort in DocumentSort::ALL {
        assert_eq!(DocumentSort::parse(sort.as_str()), Some(sort));
    }
    assert_eq!(DocumentSort::parse("nonsense"), None);
}

#[test]
fn a_search_needs_every_word_in_the_title_or_the_text_ignoring_case_and_accents() {
    let text =
        fold_for_search("The Ministry of Foreign Affairs said on Tuesday that talks will resume.");
    let search = DocumentSearch::new("  MINIST  élection ");
    assert!(!search.is_empty());
    let title = |t: &str| fold_for_search(t);
    assert!(search.matches_title(&title("Election day at the Ministry")));
    assert!(!search.matches_title(&title("Election day")));
    assert!(search.matches(&title("Election day"), &text));
    assert!(!search.matches(&title("Budget"), &text));
    assert!(DocumentSearch::new("   ").is_empty());
    assert!(DocumentSearch::new("").matches("anything", ""));
}

#[test]
fn counts_are_grouped_by_thousands() {
    assert_eq!(group_thousands(0), "0");
    assert_eq!(group_thousands(999), "999");
    assert_eq!(group_thousands(1000), "1,000");
    assert_eq!(group_thousands(1234567), "1,234,567");
}
