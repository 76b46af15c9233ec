//! brat standoff (`.ann` + `.txt`) export and import, and the stored zip the export comes in.

use annotator::model::formats::dispatch::ExportFormat;
use annotator::model::formats::ImportPlan;
use annotator::model::formats::{self, brat, zip, Foreign};
use annotator::model::span::CharSpan;
use annotator::model::store::Store;
use annotator::model::{default_document, Document, Label, Role};
use proptest::prelude::*;

use crate::support::{
    annotate, article_sample, quote_at, span_of, store_of, unicode_sample, Sample, NOW,
};

/// What brat can carry of a store: label, span, note (one line) and annotator of every
/// annotation, and the links by the spans they join; in a stable order.
type Carried = (
    Vec<(Label, usize, usize, String, String)>,
    Vec<((usize, usize), Role, (usize, usize))>,
);

fn carried(store: &Store) -> Carried {
    let mut annotations: Vec<_> = store
        .annotations()
        .iter()
        .map(|a| {
            (
                a.label,
                a.span.start.0,
                a.span.end.0,
                a.note.replace(['\n', '\t'], " "),
                a.annotator.clone(),
            )
        })
        .collect();
    annotations.sort();
    let span = |id: &str| {
        let a = store.get(id).expect("a link's end exists");
        (a.span.start.0, a.span.end.0)
    };
    let mut links: Vec<_> = store
        .relations()
        .iter()
        .map(|r| (span(&r.claim), r.role, span(&r.other)))
        .collect();
    links.sort();
    (annotations, links)
}

fn import(ann: &str, txt: Option<&str>, doc: &Document) -> Result<ImportPlan, String> {
    formats::plan(brat::parse(ann, txt)?, doc)
}

/// Export, read back with the text, place in the same document, export again.
fn round_trip(doc: &Document, store: &Store) {
    let files = brat::export(doc, store.content());
    assert_eq!(files.txt, doc.index.text());
    let plan = import(&files.ann, Some(&files.txt), doc).unwrap();
    assert_eq!(plan.report.exact, store.annotations().len());
    assert!(plan.content.orphans.is_empty());
    assert!(!plan.text_changed);
    let back = store_of(plan);
    assert_eq!(brat::export(doc, back.content()).ann, files.ann);
    assert_eq!(carried(&back), carried(store));
    // The documented losses: entity names and hand-set date values.
    assert!(back.annotations().iter().all(|a| a.entity.is_none()));
    assert!(back.annotations().iter().all(|a| a.date_value.is_none()));
}

#[test]
fn the_unicode_sample_round_trips() {
    let (doc, store) = unicode_sample();
    assert_eq!(store.relations().len(), 12);
    round_trip(&doc, &store);
}

#[test]
fn the_article_sample_round_trips() {
    let (doc, store) = article_sample();
    round_trip(&doc, &store);
}

#[test]
fn what_brat_cannot_hold_is_listed_as_lost() {
    let (doc, store) = unicode_sample();
    assert_eq!(
        formats::losses(store.content(), ExportFormat::Brat.carries()),
        ["1 entity name", "1 hand-set date value"]
    );
    // A line break inside a note becomes a space.
    let ann = brat::export(&doc, store.content()).ann;
    assert!(ann.contains("\tAnnotatorNotes T15\tSpelling checked against Le Monde\n"));
}

#[test]
fn the_article_exports_exactly_this_ann() {
    let (doc, store) = article_sample();
    assert_eq!(span_of(&doc, "Sergey Lavrov"), CharSpan::at(291, 304));
    let ann = brat::export(&doc, store.content()).ann;
    assert_eq!(
        ann,
        "T1\tDate 201 211\tJanuary 24\n\
         T2\tActor 291 304\tSergey Lavrov\n\
         T3\tClaim 352 416\tRussian-Armenian relations are experiencing a challenging period\n\
         T4\tActor 352 368\tRussian-Armenian\n\
         R1\tSource Arg1:T3 Arg2:T2\n\
         R2\tTarget Arg1:T3 Arg2:T4\n\
         R3\tWhen Arg1:T3 Arg2:T1\n\
         #1\tAnnotatorNotes T2\tForeign Minister — “quoted”, twice\n\
         #2\tAnnotator T1\tAda Lovelace\n\
         #3\tAnnotator T2\tAda Lovelace\n\
         #4\tAnnotator T3\tAda Lovelace\n\
         #5\tAnnotator T4\tAda Lovelace\n"
    );
}

#[test]
fn an_annotator_comment_names_who_made_it_and_is_no_note() {
    let doc = default_document();
    let ann = "T1\tActor 291 304\tSergey Lavrov\n\
               T2\tDate 201 211\tJanuary 24\n\
               #1\tAnnotatorNotes T1\tannotator: not a name\n\
               #2\tAnnotator T1\t Grace Hopper \n\
               #3\tAnnotator T1\tsomeone later\n";
    let back = store_of(import(ann, Some(doc.index.text()), &doc).unwrap());
    let actor = back.get("T1").unwrap();
    assert_eq!(
        actor.annotator, "Grace Hopper",
        "trimmed; the first name given"
    );
    assert_eq!(actor.note, "annotator: not a name");
    // A file without the comment (every brat file before it existed): unknown.
    assert_eq!(back.get("T2").unwrap().annotator, "");
    // A name with a line break or a tab is written on one line.
    let mut store = Store::new();
    store.set_annotator("Ada\tLovelace\nof London");
    store
        .add(
            &doc.index,
            "a".into(),
            Label::Actor,
            span_of(&doc, "Sergey Lavrov"),
            NOW,
        )
        .unwrap();
    let ann = brat::export(&doc, store.content()).ann;
    assert!(
        ann.ends_with("#1\tAnnotator T1\tAda Lovelace of London\n"),
        "{ann}"
    );
}

/// (fragments, text column) of every T line.
fn text_bound_lines(ann: &str) -> Vec<(Vec<(usize, usize)>, String)> {
    ann.lines()
        .filter(|line| line.starts_with('T'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            let (_, offsets) = fields[1].split_once(' ').unwrap();
            let fragments = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    (s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            (fragments, fields[2].to_owned())
        })
        .collect()
}

#[test]
fn offsets_count_code_points_of_the_txt() {
    let (doc, store) = unicode_sample();
    let files = brat::export(&doc, store.content());
    let lines = text_bound_lines(&files.ann);
    assert_eq!(lines.len(), store.annotations().len());
    for (fragments, text) in lines {
        let expected: Vec<String> = fragments
            .iter()
            .map(|&(start, end)| quote_at(&files.txt, CharSpan::at(start, end)))
            .collect();
        assert_eq!(expected.join(" "), text);
    }
    // Not bytes, not UTF-16: the emoji before Maria Zakharova counts 5 code points.
    assert!(files
        .ann
        .contains("T1\tActor 22 42\t👩🏽\u{200d}💼 Maria Zakharova\n"));
}

/// A store with one claim over `needle` (which crosses a line break).
fn claim_over(doc: &Document, needle: &str) -> Store {
    let mut store = Store::new();
    store
        .add(
            &doc.index,
            "c".into(),
            Label::Claim,
            span_of(doc, needle),
            NOW,
        )
        .unwrap();
    store
}

#[test]
fn a_span_across_a_paragraph_break_is_written_as_fragments_and_read_as_one_span() {
    let doc = default_document();
    let needle = "2024 results.\n“Russian-Armenian relations";
    let store = claim_over(&doc, needle);
    let span = span_of(&doc, needle);
    let files = brat::export(&doc, store.content());
    let break_at = span.start + "2024 results.".chars().count();
    assert_eq!(
        files.ann,
        format!(
            "T1\tClaim {} {break_at};{} {}\t2024 results. “Russian-Armenian relations\n",
            span.start,
            break_at + 1,
            span.end
        )
    );
    let back = store_of(import(&files.ann, Some(&files.txt), &doc).unwrap());
    assert_eq!(back.annotations()[0].span, span);
    // Without the .txt the offsets count in the open text.
    let back = store_of(import(&files.ann, None, &doc).unwrap());
    assert_eq!(back.annotations()[0].span, span);
}

#[test]
fn fragments_leave_out_blank_lines_and_spaces_beside_the_break() {
    let doc = Document::new("d", "D", None, "One two.  \n\n \tThree four.");
    let store = claim_over(&doc, "two.  \n\n \tThree");
    let files = brat::export(&doc, store.content());
    assert_eq!(files.ann, "T1\tClaim 4 8;14 19\ttwo. Three\n");
    let back = store_of(import(&files.ann, Some(&files.txt), &doc).unwrap());
    assert_eq!(back.annotations()[0].span, CharSpan::at(4, 19));
}

#[test]
fn unicode_paragraph_breaks_split_claims_too() {
    let (doc, _) = unicode_sample();
    let needle = "challenging period”.\n\nՀայաստանի";
    let store = claim_over(&doc, needle);
    let files = brat::export(&doc, store.content());
    let lines = text_bound_lines(&files.ann);
    assert_eq!(lines[0].0.len(), 2);
    assert_eq!(lines[0].1, "challenging period”. Հայաստանի");
    let back = store_of(import(&files.ann, Some(&files.txt), &doc).unwrap());
    assert_eq!(back.annotations()[0].span, span_of(&doc, needle));
}

#[test]
fn an_ann_made_for_a_changed_text_is_re_anchored() {
    let (doc, store) = article_sample();
    let changed = Document::new(
        "changed",
        "Changed",
        None,
        &format!("A sentence added at the top. {}", doc.index.text()),
    );
    let moved_store = annotate(
        &changed,
        &[Sample {
            actor: "Sergey Lavrov",
            date: "January 24",
            claim: "Russian-Armenian relations are experiencing a challenging period",
            inner_actor: "Russian-Armenian",
        }],
    );
    let files = brat::export(&changed, moved_store.content());
    let plan = import(&files.ann, Some(&files.txt), &doc).unwrap();
    assert!(plan.text_changed);
    assert_eq!(plan.report.moved, 4, "{}", plan.report);
    assert!(plan.content.orphans.is_empty());
    assert_eq!(plan.content.relations.len(), 3);
    let back = store_of(plan);
    let (spans, links) = carried(&back);
    let (expected_spans, expected_links) = carried(&store);
    let without_notes = |v: Vec<(Label, usize, usize, String, String)>| {
        v.into_iter()
            .map(|(l, s, e, ..)| (l, s, e))
            .collect::<Vec<_>>()
    };
    assert_eq!(without_notes(spans), without_notes(expected_spans));
    assert_eq!(links, expected_links);
}

#[test]
fn an_ann_without_its_txt_is_placed_in_the_open_document() {
    let (doc, store) = unicode_sample();
    let files = brat::export(&doc, store.content());
    let foreign = brat::parse(&files.ann, None).unwrap();
    assert_eq!(foreign.text, None);
    let plan = formats::plan(foreign, &doc).unwrap();
    assert_eq!(plan.report.exact, store.annotations().len());
    assert_eq!(carried(&store_of(plan)), carried(&store));

    // The same file against a text that moved everything: found by quote and context.
    let changed = Document::new(
        "changed",
        "Changed",
        None,
        &format!("Preface.\n\n{}", doc.index.text()),
    );
    let plan = import(&files.ann, None, &changed).unwrap();
    assert_eq!(
        plan.report.moved,
        store.annotations().len(),
        "{}",
        plan.report
    );
    assert_eq!(plan.content.relations.len(), store.relations().len());
}

#[test]
fn ids_come_from_the_file() {
    let (doc, store) = article_sample();
    let files = brat::export(&doc, store.content());
    let foreign = brat::parse(&files.ann, Some(&files.txt)).unwrap();
    let ids: Vec<&str> = foreign.drafts.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["T1", "T2", "T3", "T4"]);
    let relations: Vec<(&str, &str, &str, Role)> = foreign
        .relations
        .iter()
        .map(|r| (r.id.as_str(), r.claim.as_str(), r.other.as_str(), r.role))
        .collect();
    assert_eq!(
        relations,
        [
            ("R1", "T3", "T2", Role::Source),
            ("R2", "T3", "T4", Role::Target),
            ("R3", "T3", "T1", Role::When)
        ]
    );
    assert_eq!(foreign.drafts[1].place, "line 2");
    assert_eq!(foreign.drafts[1].quote.as_deref(), Some("Sergey Lavrov"));
    assert_eq!(foreign.drafts[1].note, "Foreign Minister — “quoted”, twice");
    assert_eq!(foreign.text.as_deref(), Some(doc.index.text()));
}

const TXT: &str = "Lavrov said on Monday that relations are hard.\nNext line.";

fn parse_err(ann: &str) -> String {
    brat::parse(ann, Some(TXT)).unwrap_err()
}

fn plan_err(ann: &str) -> String {
    let doc = Document::new("d", "D", None, TXT);
    import(ann, Some(TXT), &doc).unwrap_err()
}

#[test]
fn the_test_text_reads_as_intended() {
    let doc = Document::new("d", "D", None, TXT);
    let plan = import(
        "T1\tActor 0 6\tLavrov\nT2\tClaim 27 46\trelations are hard.\nT3\tDate 15 21\tMonday\n\
         R1\tSource Arg1:T2 Arg2:T1\nR2\tWhen Arg1:T2 Arg2:T3\n",
        Some(TXT),
        &doc,
    )
    .unwrap();
    assert_eq!(plan.content.annotations.len(), 3);
    assert_eq!(plan.content.relations.len(), 2);
}

#[test]
fn an_unknown_type_is_rejected_naming_the_line() {
    assert_eq!(
        parse_err("T1\tActor 0 6\tLavrov\n\n\n\n\n\nT2\tPerson 0 6\tLavrov\n"),
        "line 7: unknown type \"Person\" (expected Actor, Claim or Date)"
    );
}

#[test]
fn offsets_outside_the_text_are_rejected_by_placing() {
    let err = plan_err("T1\tActor 0 6\tLavrov\nT2\tActor 50 70\tsomething\n");
    assert!(
        err.starts_with("line 2: offsets 50–70 are outside the text"),
        "{err}"
    );
    // Fragments too.
    let err = plan_err("T1\tClaim 40 47;48 70\thard. Next\n");
    assert!(
        err.starts_with("line 1: offsets 40–70 are outside the text"),
        "{err}"
    );
}

#[test]
fn malformed_lines_are_rejected_naming_the_line() {
    let cases = [
        ("T1\tActor 6 0\tLavrov", "line 1: end 0 is not after start 6"),
        ("T1\tActor 3 3\tLavrov", "line 1: end 3 is not after start 3"),
        ("T1\tActor zero 6\tLavrov", "line 1: offset \"zero\" is not a number"),
        ("T1\tActor -1 6\tLavrov", "line 1: offset \"-1\" is not a number"),
        ("T1\tActor 0 6 Lavrov", "line 1: offsets \"0 6 Lavrov\" should be"),
        ("T1\tActor\tLavrov", "line 1: \"Actor\" has a type but no offsets"),
        ("T1 Actor 0 6 Lavrov", "line 1: no tab after the id"),
        (
            "T1\tActor 0 6\tLavrov\nT1\tDate 15 21\tMonday",
            "line 2: id \"T1\" is already used on line 1",
        ),
        (
            "T1\tActor 0 6\tLavrov\n#1\tAnnotatorNotes T2\tnote",
            "line 2: the note is on \"T2\", which is not in the file",
        ),
        (
            "T1\tActor 0 6\tLavrov\nT2\tClaim 27 46\trelations are hard.\nR1\tLocated Arg1:T2 Arg2:T1",
            "line 3: unknown relation type \"Located\" (expected Source, Target or When)",
        ),
        (
            "T1\tActor 0 6\tLavrov\nT2\tClaim 27 46\trelations are hard.\nR1\tSource Arg1:T2",
            "line 3: a relation needs both arguments",
        ),
        (
            "T1\tActor 0 6\tLavrov\nR1\tSource Arg1:T2 T1",
            "line 2: \"T1\" is not an argument",
        ),
        ("X1\tActor 0 6\tLavrov", "line 1: unknown record \"X1\""),
        (
            "T1\tActor 0 6\tLavrov\nT2\tClaim 20 30;25 40\tx",
            "line 2: fragments 20–30 and 25–40 overlap",
        ),
        (
            "T1\tClaim 0 6;15 21\tLavrov Monday",
            "line 1: the fragments of T1 have text between them",
        ),
        (
            "T1\tActor 0 6\tLavrow",
            "line 1: text “Lavrow” does not match the .txt at 0 6 (“Lavrov”)",
        ),
        (
            "T1\tClaim 41 46;47 51\thard.\nNext",
            "line 1: text “hard.” does not match the .txt at 41 46;47 51 (“hard. Next”)",
        ),
    ];
    for (ann, expected) in cases {
        let err = parse_err(ann);
        assert!(
            err.starts_with(expected),
            "{ann:?}\n  gave {err:?}\n  not {expected:?}"
        );
    }
}

#[test]
fn links_to_unknown_or_wrong_annotations_are_rejected_naming_the_line() {
    let err = plan_err(
        "T1\tActor 0 6\tLavrov\nT2\tClaim 27 46\trelations are hard.\nR1\tSource Arg1:T2 Arg2:T9\n",
    );
    assert_eq!(err, "line 3: there is no annotation \"T9\"");
    let err = plan_err(
        "T1\tActor 0 6\tLavrov\nT2\tClaim 27 46\trelations are hard.\nR1\tWhen Arg1:T2 Arg2:T1\n",
    );
    assert!(err.starts_with("line 3: a when link needs date"), "{err}");
}

#[test]
fn brat_files_from_elsewhere_are_read_leniently() {
    let ann = "\u{feff}T1\tactor 0 6\tLavrov\r\n\r\n\
               T2\tCLAIM 27 46\trelations are hard.\r\n\
               T3\tDate 15 21\tMonday\r\n\
               E1\tSay:T2 Agent:T1\r\n\
               A1\tNegated E1\r\n\
               M2\tConfidence E1 High\r\n\
               N1\tReference T1 Wikipedia:534366\tLavrov\r\n\
               *\tEquiv T1 T3\r\n\
               R1\tsource Arg1:T1 Arg2:T2\r\n\
               R2\tWhen Arg2:T3 Arg1:T2\r\n\
               #1\tAnnotatorNotes T1\tfirst\r\n\
               #2\tAnnotatorNotes T1\tsecond\r\n\
               #3\tAnnotatorNotes R1\ton a link\r\n\
               #4\tAnnotatorNotes T2\t\r\n";
    let (foreign, skipped) = brat::parse_counted(ann, Some(TXT)).unwrap();
    assert_eq!(
        skipped,
        brat::Skipped {
            events: 1,
            attributes: 2,
            normalizations: 1,
            equivalences: 1,
            comments: 1,
        }
    );
    assert_eq!(
        skipped.describe(),
        "1 event, 2 attributes, 1 normalisation, 1 equivalence, 1 other comment"
    );
    let labels: Vec<_> = foreign.drafts.iter().map(|d| d.label).collect();
    assert_eq!(
        labels,
        [Some(Label::Actor), Some(Label::Claim), Some(Label::Date)]
    );
    assert_eq!(foreign.drafts[0].note, "first\nsecond");
    assert_eq!(foreign.drafts[1].note, "");
    // Arg1 was the actor and Arg2 the claim: turned round.
    assert_eq!(
        (
            foreign.relations[0].claim.as_str(),
            foreign.relations[0].other.as_str()
        ),
        ("T2", "T1")
    );
    assert_eq!(foreign.relations[1].claim, "T2");
    assert_eq!(foreign.relations[1].other, "T3");
    let doc = Document::new("d", "D", None, TXT);
    let plan = formats::plan(foreign, &doc).unwrap();
    assert_eq!(plan.content.annotations.len(), 3);
    assert_eq!(plan.content.relations.len(), 2);
}

#[test]
fn a_text_column_may_be_missing_or_followed_by_more() {
    let (foreign, _) = brat::parse_counted("T1\tActor 0 6\n", Some(TXT)).unwrap();
    assert_eq!(foreign.drafts[0].quote.as_deref(), Some("Lavrov"));
    let (foreign, _) = brat::parse_counted("T1\tActor 0 6\tLavrov  extra\n", Some(TXT)).unwrap();
    assert_eq!(foreign.drafts[0].quote.as_deref(), Some("Lavrov"));
    let (foreign, _) = brat::parse_counted("T1\tActor 0 6\n", None).unwrap();
    assert_eq!(foreign.drafts[0].quote, None);
    let (foreign, _) =
        brat::parse_counted("T1\tClaim 41 46;47 51\thard. Next\n", Some(TXT)).unwrap();
    assert_eq!(foreign.drafts[0].quote.as_deref(), Some("hard.\nNext"));
    let (foreign, _) = brat::parse_counted("T1\tClaim 41 46;47 51\thard. Next\n", None).unwrap();
    assert_eq!(foreign.drafts[0].quote, None);
    assert_eq!(
        (foreign.drafts[0].start, foreign.drafts[0].end),
        (Some(41), Some(51))
    );
}

#[test]
fn an_empty_ann_gives_nothing() {
    assert_eq!(
        brat::parse("", None).unwrap(),
        Foreign {
            text: None,
            drafts: Vec::new(),
            relations: Vec::new()
        }
    );
    assert!(brat::parse("\n\r\n  \n", Some("x"))
        .unwrap()
        .drafts
        .is_empty());
}

#[test]
fn the_configuration_declares_labels_links_and_overlaps() {
    let (doc, store) = article_sample();
    let files = brat::export(&doc, store.content());
    let conf: Vec<&str> = files.annotation_conf.lines().collect();
    let section = |name: &str| {
        let at = conf.iter().position(|l| *l == name).unwrap();
        conf[at + 1..]
            .iter()
            .take_while(|l| !l.starts_with('['))
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .copied()
            .collect::<Vec<_>>()
    };
    assert_eq!(section("[entities]"), ["Actor", "Claim", "Date"]);
    assert_eq!(
        section("[relations]"),
        [
            "Source Arg1:Claim, Arg2:Actor",
            "Target Arg1:Claim, Arg2:Actor",
            "When Arg1:Claim, Arg2:Date",
            "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        ]
    );
    assert!(section("[events]").is_empty());
    assert!(section("[attributes]").is_empty());
    for label in ["Actor", "Claim", "Date"] {
        assert!(files
            .visual_conf
            .lines()
            .any(|l| l.starts_with(&format!("{label}\tbgColor:#"))));
    }
    assert!(files.visual_conf.starts_with("[labels]\n"));
    assert!(files.visual_conf.contains("\n[drawing]\n"));
}

// ---- zip ----

fn sample_files() -> Vec<(String, Vec<u8>)> {
    vec![
        (
            "folder/a.txt".to_owned(),
            "Hello, “world” 👋\n".as_bytes().to_vec(),
        ),
        ("folder/empty.ann".to_owned(), Vec::new()),
        ("Ünïcode név/b.bin".to_owned(), (0..=255u8).collect()),
    ]
}

#[test]
fn crc32_is_the_zip_one() {
    assert_eq!(zip::crc32(b""), 0);
    assert_eq!(zip::crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(
        zip::crc32(b"The quick brown fox jumps over the lazy dog"),
        0x414F_A339
    );
}

#[test]
fn a_written_zip_reads_back_the_same_files() {
    let files = sample_files();
    let bytes = zip::write_stored(&files);
    assert_eq!(zip::read(&bytes).unwrap(), files);
    // Deterministic: no clock in it.
    assert_eq!(zip::write_stored(&files), bytes);
    assert_eq!(zip::read(&zip::write_stored(&[])).unwrap(), Vec::new());
    // Local header: stored, UTF-8 names, 1980-01-01.
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([bytes[6], bytes[7]]), 1 << 11);
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 0);
    assert_eq!(u16::from_le_bytes([bytes[12], bytes[13]]), 0x21);
}

#[test]
fn a_zip_comment_and_folder_entries_are_read_past() {
    let mut files = sample_files();
    files.insert(0, ("folder/".to_owned(), Vec::new()));
    let mut bytes = zip::write_stored(&files);
    let comment = b"made by hand; PK\x05\x06 inside a comment";
    let len = bytes.len();
    bytes[len - 2..].copy_from_slice(&(comment.len() as u16).to_le_bytes());
    bytes.extend_from_slice(comment);
    assert_eq!(zip::read(&bytes).unwrap(), sample_files());
}

/// Offsets of the local and central headers of the first entry.
fn first_headers(bytes: &[u8]) -> (usize, usize) {
    let end = bytes.len() - 22;
    let central = u32::from_le_bytes(bytes[end + 16..end + 20].try_into().unwrap()) as usize;
    (0, central)
}

#[test]
fn a_compressed_zip_asks_to_be_unzipped() {
    let mut bytes = zip::write_stored(&sample_files());
    let (local, central) = first_headers(&bytes);
    bytes[local + 8] = 8;
    bytes[central + 10] = 8;
    let err = zip::read(&bytes).unwrap_err();
    assert!(err.contains("compressed"), "{err}");
    assert!(err.contains("deflate"), "{err}");
    assert!(
        err.contains("unzip it and pick the .ann and .txt files"),
        "{err}"
    );
}

#[test]
fn encrypted_zip64_and_damaged_zips_are_refused_clearly() {
    let good = zip::write_stored(&sample_files());
    let (_, central) = first_headers(&good);

    let mut encrypted = good.clone();
    encrypted[central + 8] |= 1;
    assert!(zip::read(&encrypted).unwrap_err().contains("encrypted"));

    let mut zip64 = good.clone();
    let end = zip64.len() - 22;
    zip64[end + 8..end + 12].copy_from_slice(&[0xFF; 4]);
    assert!(zip::read(&zip64).unwrap_err().contains("zip64"));

    let mut damaged = good.clone();
    damaged[50] ^= 0x20; // inside the first file's data (its header and name take 42 bytes)
    assert!(zip::read(&damaged).unwrap_err().contains("checksum"));

    assert!(zip::read(b"").is_err());
    assert!(zip::read(b"not a zip at all, just some text that is long enough").is_err());
    for cut in 0..good.len() {
        assert!(zip::read(&good[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn the_brat_zip_holds_a_folder_named_after_the_document() {
    let (doc, store) = article_sample();
    let files = brat::export(&doc, store.content());
    let entries = zip::read(&brat::export_zip(&doc, store.content())).unwrap();
    let stem = formats::file_stem(&doc);
    assert_eq!(stem, "russia-armenia-2025-01-24");
    let expected = [
        (format!("{stem}/{stem}.txt"), files.txt),
        (format!("{stem}/{stem}.ann"), files.ann),
        (format!("{stem}/annotation.conf"), files.annotation_conf),
        (format!("{stem}/visual.conf"), files.visual_conf),
    ];
    let expected: Vec<(String, Vec<u8>)> = expected
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    assert_eq!(entries, expected);
}

/// Other tools open the zip: Info-ZIP's `unzip -t` and Python's `zipfile`, when installed.
#[test]
fn unzip_and_python_open_the_zip() {
    use std::process::Command;
    let (doc, store) = unicode_sample();
    let bytes = brat::export_zip(&doc, store.content());
    let dir = std::env::temp_dir().join(format!("brat-zip-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("export.zip");
    std::fs::write(&path, &bytes).unwrap();

    match Command::new("unzip").arg("-t").arg(&path).output() {
        Ok(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "unzip -t failed:\n{stdout}");
            assert!(stdout.contains("No errors detected"), "{stdout}");
        }
        Err(_) => println!("note: unzip is not installed; skipped its check"),
    }

    let script = "import sys, zipfile\n\
                  z = zipfile.ZipFile(sys.argv[1])\n\
                  assert z.testzip() is None\n\
                  for i in z.infolist():\n\
                  \x20   assert i.compress_type == zipfile.ZIP_STORED\n\
                  \x20   print(i.filename, len(z.read(i)), i.date_time)\n";
    match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
    {
        Ok(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "python zipfile failed:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let txt_len = doc.index.text().len();
            assert!(
                stdout.contains(&format!(
                    "unicode-sample/unicode-sample.txt {txt_len} (1980, 1, 1, 0, 0, 0)"
                )),
                "{stdout}"
            );
            assert_eq!(stdout.lines().count(), 4, "{stdout}");
        }
        Err(_) => println!("note: python3 is not installed; skipped its check"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

proptest! {
    #[test]
    fn any_ann_is_read_without_panicking(ann in "(([TRE#AN*X][0-9]?)?[\t ]?[A-Za-z]{0,6}[ \t;:0-9A-Za-z]{0,12}\t?[ \\PC]{0,8}\r?\n){0,6}", txt in proptest::option::of("[ -~\n🇦🇲é]{0,20}")) {
        let _ = brat::parse(&ann, txt.as_deref());
    }

    #[test]
    fn any_bytes_are_read_as_a_zip_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = zip::read(&bytes);
    }

    #[test]
    fn a_damaged_zip_gives_an_error_or_the_files_never_a_panic(at in 0usize..400, byte in any::<u8>()) {
        let mut bytes = zip::write_stored(&sample_files());
        let at = at % bytes.len();
        bytes[at] = byte;
        let _ = zip::read(&bytes);
    }
}
