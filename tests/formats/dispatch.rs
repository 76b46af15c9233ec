//! Which adapter reads what the user chose, and what the export menu writes.

use annotator::model::formats::dispatch::{export, read_files, ExportFormat, Incoming, InputFile};
use annotator::model::formats::{self, zip, Carries};

use crate::support;

fn file(name: &str, bytes: impl Into<Vec<u8>>) -> InputFile {
    InputFile {
        name: name.to_owned(),
        bytes: bytes.into(),
    }
}

/// How many annotations and links an import placed, and the format it was read as.
fn read_counts(incoming: Result<Incoming, String>) -> (usize, usize, ExportFormat) {
    match incoming {
        Ok(Incoming::Annotations { plan, format }) => (
            plan.content.annotations.len(),
            plan.content.relations.len(),
            format,
        ),
        other => panic!("expected annotations, got {other:?}"),
    }
}

#[test]
fn every_export_is_read_back_by_the_right_adapter() {
    let (doc, store) = support::unicode_sample();
    for format in ExportFormat::ALL {
        let exported = export(format, &doc, store.content());
        let (placed, links, read_as) =
            read_counts(read_files(vec![file(&exported.name, exported.bytes)], &doc));
        assert_eq!(read_as, format, "{}", exported.name);
        assert_eq!(placed, store.len(), "{}", exported.name);
        let expected_links = if format.carries().links {
            store.relations().len()
        } else {
            0
        };
        assert_eq!(links, expected_links, "{}", exported.name);
    }
}

#[test]
fn formats_are_recognised_by_content_when_the_extension_says_nothing() {
    let (doc, store) = support::unicode_sample();
    for format in [
        ExportFormat::Native,
        ExportFormat::W3c,
        ExportFormat::Spacy,
        ExportFormat::Csv,
    ] {
        let exported = export(format, &doc, store.content());
        let (_, _, read_as) = read_counts(read_files(vec![file("download", exported.bytes)], &doc));
        assert_eq!(read_as, format);
    }
}

#[test]
fn losses_name_what_a_format_cannot_hold() {
    let (doc, store) = support::unicode_sample();
    let content = store.content();
    assert!(export(ExportFormat::Native, &doc, content)
        .losses
        .is_empty());
    assert_eq!(
        export(ExportFormat::Doccano, &doc, content).losses,
        vec![
            "2 notes",
            "12 links",
            "1 entity name",
            "1 hand-set date value"
        ]
    );
    assert_eq!(
        export(ExportFormat::Brat, &doc, content).losses,
        vec!["1 entity name", "1 hand-set date value"]
    );
}

/// The notice the worker writes with an export, which the page shows once it is downloaded.
#[test]
fn an_export_notice_names_the_file_and_what_the_format_left_out() {
    let (doc, store) = support::unicode_sample();
    let content = store.content();
    let native = export(ExportFormat::Native, &doc, content);
    assert_eq!(
        native.notice(ExportFormat::Native),
        format!("Downloaded {}.", native.name)
    );
    let brat = export(ExportFormat::Brat, &doc, content);
    assert_eq!(
        brat.notice(ExportFormat::Brat),
        format!(
            "Downloaded {}. brat standoff cannot hold 1 entity name, 1 hand-set date value; \
             they are not in the file (the JSON export keeps everything).",
            brat.name
        )
    );
}

#[test]
fn a_brat_pair_is_read_from_two_files_or_from_a_zip() {
    let (doc, store) = support::article_sample();
    let zipped = export(ExportFormat::Brat, &doc, store.content()).bytes;
    let entries = zip::read(&zipped).unwrap();
    let get = |ext: &str| {
        entries
            .iter()
            .find(|(name, _)| name.ends_with(ext))
            .map(|(_, bytes)| bytes.clone())
            .unwrap()
    };
    let (placed, links, _) = read_counts(read_files(
        vec![file("a.ann", get(".ann")), file("a.txt", get(".txt"))],
        &doc,
    ));
    assert_eq!((placed, links), (store.len(), store.relations().len()));
    // The .ann alone is read against the open document.
    let (placed, _, _) = read_counts(read_files(vec![file("a.ann", get(".ann"))], &doc));
    assert_eq!(placed, store.len());
    let (placed, _, _) = read_counts(read_files(vec![file("x.zip", zipped)], &doc));
    assert_eq!(placed, store.len());
}

#[test]
fn unclear_choices_are_refused_with_the_reason() {
    let doc = support::unicode_document();
    let err = |files: Vec<InputFile>| read_files(files, &doc).unwrap_err();
    assert!(err(vec![file("a.ann", ""), file("b.ann", "")]).contains("2 .ann files"));
    assert!(err(vec![file("a.json", "{}"), file("b.csv", "")]).contains("2 files were given"));
    assert!(err(vec![
        file("a.ann", ""),
        file("b.txt", ""),
        file("c.txt", "")
    ])
    .contains("none of the .txt files"));
    assert!(err(vec![file("x.json", vec![0xff, 0xfe, 0x00])]).contains("not UTF-8"));
    assert!(err(vec![file("x.json", "{\"a\": 1}")]).contains("none of the formats"));
    assert!(err(vec![file("x.json", "{oops")]).contains("not valid JSON"));
}

#[test]
fn a_text_file_becomes_a_new_document_and_a_workspace_is_handed_on() {
    let doc = support::unicode_document();
    match read_files(vec![file("talks_2025-03.txt", "\u{feff}Some text")], &doc) {
        Ok(Incoming::NewDocument { title, text }) => {
            assert_eq!(title, "talks 2025 03");
            assert_eq!(text, "Some text");
        }
        other => panic!("{other:?}"),
    }
    let workspace = r#"{"format": "text-annotator-workspace", "version": 1, "documents": []}"#;
    assert!(matches!(
        read_files(vec![file("w.json", workspace)], &doc),
        Ok(Incoming::Workspace(_))
    ));
}

#[test]
fn a_hypothesis_style_annotation_with_a_range_selector_and_a_markdown_comment_is_read() {
    let doc = annotator::model::default_document();
    let hypothesis = r#"{
      "@context": "http://www.w3.org/ns/anno.jsonld",
      "type": "Annotation",
      "id": "https://hypothes.is/a/9kX2fA3pEe-abc",
      "created": "2025-01-25T10:00:00.000000+00:00",
      "modified": "2025-01-25T10:05:00.000000+00:00",
      "body": [
        {"type": "TextualBody", "value": "Lavrov **himself**", "format": "text/markdown"},
        {"type": "TextualBody", "purpose": "tagging", "value": "Actor"}
      ],
      "target": [{
        "source": "https://mid.ru/en/press_service/articles/1993431/",
        "selector": [
          {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[1]"}, "endSelector": {"type": "XPathSelector", "value": "/p[1]"}, "startOffset": 12, "endOffset": 25},
          {"type": "TextPositionSelector", "start": 290, "end": 303},
          {"type": "TextQuoteSelector", "exact": "Sergey Lavrov", "prefix": "Foreign Minister ", "suffix": " summarizing"}
        ]
      }]
    }"#;
    match read_files(vec![file("hypothesis.json", hypothesis)], &doc) {
        Ok(Incoming::Annotations { plan, format }) => {
            assert_eq!(format, ExportFormat::W3c);
            let a = &plan.content.annotations[0];
            // Its position was one off (another text version); the quote moved it right.
            assert_eq!(a.span, support::span_of(&doc, "Sergey Lavrov"));
            assert_eq!(a.note, "Lavrov **himself**");
            assert_eq!(plan.report.moved, 1);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_format_carries_the_annotator_and_losses_would_name_it() {
    let (doc, store) = support::unicode_sample();
    for format in ExportFormat::ALL {
        assert!(format.carries().annotators, "{format:?}");
        let exported = export(format, &doc, store.content());
        assert!(
            !exported.losses.iter().any(|l| l.contains("annotator")),
            "{format:?}: {:?}",
            exported.losses
        );
        let Ok(Incoming::Annotations { plan, .. }) =
            read_files(vec![file(&exported.name, exported.bytes)], &doc)
        else {
            panic!("{format:?} is read back");
        };
        let mut back: Vec<_> = plan
            .content
            .annotations
            .iter()
            .map(|a| (a.span, a.label, a.annotator.clone()))
            .collect();
        let mut made: Vec<_> = store
            .annotations()
            .iter()
            .map(|a| (a.span, a.label, a.annotator.clone()))
            .collect();
        back.sort_by_key(|(span, label, _)| (span.start, span.end, *label));
        made.sort_by_key(|(span, label, _)| (span.start, span.end, *label));
        assert_eq!(back, made, "{format:?}");
    }
    // A format that could not hold them would say how many names it leaves out.
    let without = Carries {
        annotators: false,
        ..ExportFormat::Native.carries()
    };
    assert_eq!(
        formats::losses(store.content(), without),
        ["11 annotator names"]
    );
}
