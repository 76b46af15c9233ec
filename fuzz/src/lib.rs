//! What each fuzz target does with its input, and the invariants it asserts.
//!
//! Every import parser gets arbitrary bytes (as UTF-8 where it takes text; other inputs are
//! skipped, as the app itself rejects them before parsing) and, when it reads annotations,
//! the result goes through placement. A parser may answer anything with an error, but it
//! must never panic, hang or blow up memory, and what it accepts must hold the model's
//! promises: every placed annotation has `start < end`, lies inside the text, starts and
//! ends on grapheme boundaries and quotes exactly the text it covers; ids are unique; links
//! join a claim to an annotation of the right kind, both placed.
//!
//! Placement runs against two documents: the built-in article (plain text) and the
//! Unicode fixture (emoji, flags, combining marks, right-to-left scripts), where grapheme
//! boundaries and code-point offsets actually matter. The `anchor` target re-anchors into
//! a text of its own, so the text itself is fuzzed too.
//!
//! `tests/properties/fuzz_regressions.rs` includes this file, so `cargo test` runs the checked-in
//! seeds and the minimised crashes through the very same code.

use annotator::model::anchor::{self, Placement, Selector};
use annotator::model::formats::dispatch::{read_files, Incoming, InputFile};
use annotator::model::formats::native;
use annotator::model::formats::ImportPlan;
use annotator::model::formats::{self, brat as brat_format, csv as csv_format, w3c as w3c_format};
use annotator::model::formats::{jsonl as jsonl_format, zip as zip_format};
use annotator::model::library::{self, WorkspaceDocument};
use annotator::model::{default_document, Annotation, Document, Label, Relation, TextIndex};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The text of the Unicode fixture (`tests/fixtures/unicode.txt`).
const UNICODE_TEXT: &str = include_str!("../../tests/fixtures/unicode.txt");

/// The documents imports are placed in: built once, shared by every run.
pub fn documents() -> &'static [Document; 2] {
    static DOCUMENTS: OnceLock<[Document; 2]> = OnceLock::new();
    DOCUMENTS.get_or_init(|| {
        [
            default_document(),
            Document::new(
                "unicode-sample",
                "Unicode sample",
                Some("2025-01-28"),
                UNICODE_TEXT,
            ),
        ]
    })
}

/// The extensions the `files` target names its one file with, chosen by the first byte.
pub const FILE_EXTENSIONS: [&str; 6] = ["json", "jsonl", "csv", "ann", "zip", "txt"];

// ---------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------

/// This app's own format: strict parsing and import (re-anchoring when the text differs).
pub fn schema(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for doc in documents() {
        let imported = native::parse_for_import(text, doc);
        if let Ok(plan) = &imported {
            check_plan(plan, doc);
        }
        match native::parse(text, doc) {
            Ok(parsed) => {
                check_placed(
                    &parsed.content.annotations,
                    &parsed.content.orphans,
                    &parsed.content.relations,
                    doc,
                );
                // A file that parses strictly is imported as it is.
                let plan = imported.expect("a file that parses strictly also imports");
                assert_eq!(plan.content.annotations, parsed.content.annotations);
                assert_eq!(plan.content.orphans, parsed.content.orphans);
                assert_eq!(plan.content.relations, parsed.content.relations);
                assert!(!plan.text_changed);
            }
            Err(e) => assert_message(&e.to_string()),
        }
    }
}

/// A workspace: several documents, each with its own text and annotations.
pub fn workspace(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_workspace(library::parse_workspace(text).map_err(|e| e.to_string()));
}

/// W3C Web Annotation (JSON-LD), then placement.
pub fn w3c(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let foreign = w3c_format::parse(text);
    for doc in documents() {
        check_planned(foreign.clone().and_then(|f| formats::plan(f, doc)), doc);
    }
}

/// brat standoff: the input is the `.ann`, then (after the first NUL or 0xFF byte, if any)
/// the `.txt` it was made for; then placement.
pub fn brat(data: &[u8]) {
    let (ann, txt) = match data.iter().position(|&b| b == 0 || b == 0xFF) {
        Some(at) => (&data[..at], Some(&data[at + 1..])),
        None => (data, None),
    };
    let Ok(ann) = std::str::from_utf8(ann) else {
        return;
    };
    let txt = match txt.map(std::str::from_utf8) {
        Some(Ok(txt)) => Some(txt),
        Some(Err(_)) => return,
        None => None,
    };
    let foreign = brat_format::parse(ann, txt);
    if let Ok(foreign) = &foreign {
        assert_eq!(foreign.text.as_deref(), txt);
    }
    for doc in documents() {
        check_planned(foreign.clone().and_then(|f| formats::plan(f, doc)), doc);
    }
}

/// spaCy/Prodigy and doccano JSONL (the line is chosen by the open text), then placement.
pub fn jsonl(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for doc in documents() {
        check_planned(
            jsonl_format::parse(text, doc).and_then(|f| formats::plan(f, doc)),
            doc,
        );
    }
}

/// CSV, a row per annotation, then placement.
pub fn csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let foreign = csv_format::parse(text);
    for doc in documents() {
        check_planned(foreign.clone().and_then(|f| formats::plan(f, doc)), doc);
    }
}

/// Stored zips: what is read must be written back and read again unchanged.
pub fn zip(data: &[u8]) {
    match zip_format::read(data) {
        Ok(entries) => {
            for (name, bytes) in &entries {
                assert!(!name.ends_with('/'), "folder entry {name:?} was read");
                assert!(bytes.len() <= data.len());
            }
            let again = zip_format::read(&zip_format::write_stored(&entries))
                .expect("a zip this app wrote reads back");
            assert_eq!(again, entries);
        }
        Err(e) => assert_message(&e),
    }
}

/// Re-anchoring into an arbitrary text (the other targets place into two fixed texts).
/// The first four bytes are the old start and the old length in code points (two bytes
/// each, little-endian); the rest, split at NUL bytes, is the text, the quote, the prefix
/// and the suffix.
pub fn anchor(data: &[u8]) {
    let [s0, s1, l0, l1, rest @ ..] = data else {
        return;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let mut parts = rest.split('\0');
    let text = parts.next().unwrap_or_default();
    let quote = parts.next().unwrap_or_default();
    let prefix = parts.next().unwrap_or_default();
    let suffix = parts.next().unwrap_or_default();
    let start = usize::from(u16::from_le_bytes([*s0, *s1]));
    let selector = Selector {
        quote,
        prefix,
        suffix,
        start,
        end: start + usize::from(u16::from_le_bytes([*l0, *l1])),
    };
    let index = TextIndex::new(text);
    let placement = anchor::place(&index, &selector);
    let Some(span) = placement.span() else {
        return;
    };
    let doc = Document::new("fuzz", "Fuzz", None, text);
    let placed = Annotation::new(&doc.index, "fuzz".to_owned(), Label::Actor, span, "");
    check_annotation(&placed, &doc);
    match placement {
        Placement::Exact(_) => {
            assert_eq!((span.start.0, span.end.0), (selector.start, selector.end));
            assert_eq!(placed.quote, quote);
        }
        Placement::Moved(_) => assert_eq!(placed.quote, quote),
        Placement::Fuzzy(_, score) => assert!(
            (anchor::FUZZY_THRESHOLD..=1.0).contains(&score),
            "fuzzy score {score} out of range"
        ),
        Placement::Orphan => unreachable!("an orphan has no span"),
    }
}

/// What the user chose, by file name: the dispatcher that picks the adapter. The first byte
/// picks the extension, the rest is the file.
pub fn files(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let name = format!(
        "fuzz.{}",
        FILE_EXTENSIONS[usize::from(choice) % FILE_EXTENSIONS.len()]
    );
    let mut workspace_checked = false;
    for doc in documents() {
        let input = vec![InputFile {
            name: name.clone(),
            bytes: bytes.to_vec(),
        }];
        match read_files(input, doc) {
            Ok(Incoming::Annotations { plan, .. }) => check_plan(&plan, doc),
            Ok(Incoming::Workspace(text)) => {
                if !workspace_checked {
                    workspace_checked = true;
                    check_workspace(library::parse_workspace(&text).map_err(|e| e.to_string()));
                }
            }
            Ok(Incoming::NewDocument { text, .. }) => {
                let decoded = std::str::from_utf8(bytes).expect("a new document is UTF-8");
                assert_eq!(decoded.strip_prefix('\u{feff}').unwrap_or(decoded), text);
            }
            Err(e) => assert_message(&e),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------

fn assert_message(message: &str) {
    assert!(!message.trim().is_empty(), "an error without a message");
}

/// A format adapter's result after placement: an error with a message, or a valid plan.
pub fn check_planned(result: Result<ImportPlan, String>, doc: &Document) {
    match result {
        Ok(plan) => check_plan(&plan, doc),
        Err(e) => assert_message(&e),
    }
}

/// An import plan: placed annotations valid in the document, the report counting them.
pub fn check_plan(plan: &ImportPlan, doc: &Document) {
    check_placed(
        &plan.content.annotations,
        &plan.content.orphans,
        &plan.content.relations,
        doc,
    );
    let report = plan.report;
    assert_eq!(
        report.exact + report.moved + report.fuzzy,
        plan.content.annotations.len(),
        "the report does not count the placed annotations: {report:?}"
    );
    assert_eq!(
        report.orphaned,
        plan.content.orphans.len(),
        "the report does not count the orphans: {report:?}"
    );
}

/// Placed annotations, orphans and links as the model promises them.
pub fn check_placed(
    annotations: &[Annotation],
    orphans: &[Annotation],
    relations: &[Relation],
    doc: &Document,
) {
    for annotation in annotations {
        check_annotation(annotation, doc);
    }
    for orphan in orphans {
        assert!(
            orphan.span.start < orphan.span.end,
            "orphan {:?} has an empty or inverted span {:?}",
            orphan.id,
            orphan.span
        );
    }
    let mut ids = HashSet::new();
    for annotation in annotations.iter().chain(orphans) {
        assert!(
            ids.insert(annotation.id.as_str()),
            "id {:?} is used twice",
            annotation.id
        );
    }
    let placed: HashMap<&str, Label> = annotations
        .iter()
        .map(|a| (a.id.as_str(), a.label))
        .collect();
    let mut relation_ids = HashSet::new();
    for relation in relations {
        assert!(
            relation_ids.insert(relation.id.as_str()),
            "link id {:?} is used twice",
            relation.id
        );
        assert_eq!(
            placed.get(relation.claim.as_str()),
            Some(&Label::Claim),
            "link {:?} does not start at a placed claim",
            relation.id
        );
        assert_eq!(
            placed.get(relation.other.as_str()),
            Some(&relation.role.label()),
            "link {:?} ({}) does not end at a placed {}",
            relation.id,
            relation.role.as_str(),
            relation.role.label()
        );
    }
}

/// One placed annotation: a non-empty span inside the text, on grapheme boundaries, whose
/// quote is the text it covers.
pub fn check_annotation(annotation: &Annotation, doc: &Document) {
    let span = annotation.span;
    let index = &doc.index;
    assert!(
        span.start < span.end,
        "{:?}: empty or inverted span {span:?}",
        annotation.id
    );
    assert!(
        span.end.0 <= index.len_chars(),
        "{:?}: span {span:?} is outside the text (length {})",
        annotation.id,
        index.len_chars()
    );
    for edge in [span.start, span.end] {
        assert!(
            index.is_grapheme_boundary(edge),
            "{:?}: offset {edge} of {span:?} splits a grapheme cluster",
            annotation.id
        );
    }
    assert_eq!(
        annotation.quote,
        index.slice(span.start, span.end),
        "{:?}: the quote is not the text at {span:?}",
        annotation.id
    );
}

/// A parsed workspace: ids unique, every document's annotations valid in its own text.
pub fn check_workspace(result: Result<Vec<WorkspaceDocument>, String>) {
    match result {
        Ok(documents) => {
            let mut ids = HashSet::new();
            for document in &documents {
                assert!(
                    ids.insert(document.document.id.as_str()),
                    "document id {:?} is used twice",
                    document.document.id
                );
                check_placed(
                    &document.content.annotations,
                    &document.content.orphans,
                    &document.content.relations,
                    &document.document,
                );
            }
        }
        Err(e) => assert_message(&e),
    }
}
