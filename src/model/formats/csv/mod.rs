//! CSV, one row per annotation (RFC 4180, UTF-8), in two flavours: [`export`] for programs
//! (every cell exact) and [`export_for_spreadsheets`] (formula-like cells neutralised).
//!
//! Columns: `document_id, annotation_id, label, start, end, quote, note, entity, date_value,
//! date_normalized, date_modifier, source_ids, sources, target_ids, targets, when_ids, when,
//! annotator`.
//! Offsets are code points, end-exclusive (Python's `text[start:end] == quote`). A claim's
//! row lists the ids of its linked actors and dates (`source_ids`, `target_ids`, `when_ids`,
//! joined with a space) and, for reading, their names (`sources`, `targets`: the actor's
//! entity name, else its text; `when`: the date's plain value, else its text; joined with
//! "; ").
//!
//! Decisions:
//! - **Date values.** `date_value` is the value a person set by hand, the only one read back
//!   on import. `date_normalized` is the value the app uses — the hand-set one, else the one
//!   computed from the text, its sentence and the publication date — as a plain ISO 8601 /
//!   TIMEX3 value a program can parse (`2025-01-24`, `2024`), with its TIMEX3 modifier
//!   apart in `date_modifier` (`END` for "the end of 2024"; empty for none). Import ignores
//!   both, so a computed value never turns into a hand-set one, and reads files written
//!   before `date_modifier` existed.
//! - **No byte order mark.** Python's `csv` module, pandas and R read the file as it is,
//!   and a BOM would end up inside the first header name (`\ufeffdocument_id`) for readers
//!   that do not expect it. Excel, opened by double-click, guesses a legacy code page for a
//!   file without a BOM and garbles non-Latin text: Excel users should import it with
//!   Data → From Text/CSV and choose UTF-8. Reading, a BOM is accepted and skipped.
//! - **Formula injection.** A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//!   return can be taken for a formula by a spreadsheet (and a crafted one, such as
//!   `=HYPERLINK(…)` in a note, can leak data or run commands when the file is opened).
//!   [`export`] writes values untouched all the same: prefixing them would break
//!   `text[start:end] == quote` and change notes on a round trip. [`export_for_spreadsheets`]
//!   puts a `'` in front of such cells (OWASP's advice; also in front of a cell that already
//!   starts with `'`s and then such a character, so the change can be undone), and
//!   [`parse_spreadsheet`] — chosen by import for a file named `*.spreadsheet.csv` — takes
//!   exactly that `'` off again, so both flavours import back the same annotations.
//! - **Annotator.** The last column (so that readers counting columns from the left are not
//!   moved), empty when unknown; a file without it (written before it existed) reads as
//!   unknown.
//! - **Ids** in the `*_ids` columns are separated by spaces, so an id that itself holds a
//!   space (possible in files from other tools) cannot be written there unambiguously.
//! - Not carried: orphans (no place in the text), relation ids and times, annotation times.
//!
//! The file holds no text: reading gives a [`Foreign`] without one, and [`super::plan()`] places
//! each row by its offsets and quote (a row whose quote is not at its offsets is looked for
//! elsewhere, or becomes an orphan), never rejecting offsets outside the open text.
use super::{Carries, Draft, DraftRelation, Foreign};
use crate::model::annotation::{Annotation, Label, Role};
use crate::model::claims::{self, ClaimRecord};
use crate::model::content::Content;
use crate::model::document::Document;

mod read;
pub use read::{looks_like, parse, parse_spreadsheet};

pub(crate) const CARRIES: Carries = Carries {
    annotators: true,
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: false,
};

pub(crate) const HEADER: [&str; 18] = [
    "document_id",
    "annotation_id",
    "label",
    "start",
    "end",
    "quote",
    "note",
    "entity",
    "date_value",
    "date_normalized",
    "date_modifier",
    "source_ids",
    "sources",
    "target_ids",
    "targets",
    "when_ids",
    "when",
    "annotator",
];

/// The columns a file must have to be read.
const REQUIRED: [&str; 4] = ["label", "start", "end", "quote"];

/// One row per placed annotation in document order, CRLF line ends, fields quoted by
/// `field`. Every cell is written as it is, so `text[start:end] == quote` holds: the file for
/// programs. See the module documentation for the columns and the choices made.
pub fn export(doc: &Document, content: Content) -> String {
    write(&HEADER, &rows(doc, content), |cell| cell.to_owned())
}

/// The same rows for opening in a spreadsheet: a cell that a spreadsheet would take for a
/// formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'` in
/// front ([`neutralise`]), as OWASP advises against CSV injection. Such quotes then differ
/// from the text; [`parse_spreadsheet`] takes the `'` off again.
pub fn export_for_spreadsheets(doc: &Document, content: Content) -> String {
    spreadsheet_file(doc, content).0
}

/// What [`export_for_spreadsheets`] alters, by column ("2 quotes", "1 note"), for the
/// message after the download. Empty when no cell needed a `'`.
pub fn spreadsheet_alterations(doc: &Document, content: Content) -> Vec<String> {
    spreadsheet_file(doc, content).1
}

/// The spreadsheet file and what it altered, from one pass over the rows (each date's value is
/// worked out once).
pub(crate) fn spreadsheet_file(doc: &Document, content: Content) -> (String, Vec<String>) {
    let rows = rows(doc, content);
    let text = write(&HEADER, &rows, neutralise);
    (text, alterations(&rows))
}

fn alterations(rows: &[Vec<String>]) -> Vec<String> {
    let named = [
        (5, "quote", "quotes"),
        (6, "note", "notes"),
        (7, "entity name", "entity names"),
    ];
    let count = |column: usize| {
        rows.iter()
            .filter(|row| neutralise(&row[column]) != row[column])
            .count()
    };
    let others: usize = (0..HEADER.len())
        .filter(|c| named.iter().all(|(n, ..)| n != c))
        .map(count)
        .sum();
    named
        .iter()
        .map(|&(column, one, many)| (count(column), one, many))
        .chain([(others, "other cell", "other cells")])
        .filter(|&(n, ..)| n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect()
}

/// The cells of every row, unquoted, in [`HEADER`] order.
fn rows(doc: &Document, content: Content) -> Vec<Vec<String>> {
    let published = doc.published_date();
    let by_id = claims::by_id(content.annotations);
    let mut out = Vec::with_capacity(content.annotations.len());
    for a in content.annotations {
        let links = if a.label == Label::Claim {
            claims::links_of(content.relations, &a.id, |id| by_id.get(id).copied())
        } else {
            Vec::new()
        };
        let of_role = |role: Role| -> (String, String) {
            let ends: Vec<&Annotation> = links
                .iter()
                .filter(|(r, _)| r.role == role)
                .map(|(_, other)| *other)
                .collect();
            let ids: Vec<&str> = ends.iter().map(|other| other.id.as_str()).collect();
            let names: Vec<String> = ends
                .iter()
                .map(|other| claims::linked_name(other, role, published))
                .collect();
            (ids.join(" "), names.join("; "))
        };
        let (source_ids, sources) = of_role(Role::Source);
        let (target_ids, targets) = of_role(Role::Target);
        let (when_ids, when) = of_role(Role::When);
        let is_date = a.label == Label::Date;
        let date_value = a.date_value.as_deref().filter(|_| is_date).unwrap_or("");
        let normalized = is_date.then(|| a.date_value(published)).flatten();
        let (date_normalized, date_modifier) = match normalized {
            Some(v) => (v.value, v.modifier.map_or("", |m| m.as_str())),
            None => (String::new(), ""),
        };
        let entity = a
            .entity
            .as_deref()
            .filter(|_| a.label == Label::Actor)
            .unwrap_or("");
        out.push(vec![
            doc.id.clone(),
            a.id.clone(),
            a.label.as_str().to_owned(),
            a.span.start.to_string(),
            a.span.end.to_string(),
            a.quote.clone(),
            a.note.clone(),
            entity.to_owned(),
            date_value.to_owned(),
            date_normalized,
            date_modifier.to_owned(),
            source_ids,
            sources,
            target_ids,
            targets,
            when_ids,
            when,
            a.annotator.clone(),
        ]);
    }
    out
}

/// The header and rows as RFC 4180 text, each cell passed through `cell` before quoting.
pub(crate) fn write(
    header: &[&str],
    rows: &[Vec<String>],
    cell: impl Fn(&str) -> String,
) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|value| field(&cell(value))).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// True when a cell would read as a formula, or is one already neutralised (`'=…`, `''=…`):
/// those get one more `'`, so that [`restore`] can always take exactly one off.
fn needs_neutralising(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell a spreadsheet shows as text: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`.
pub fn neutralise(cell: &str) -> String {
    if needs_neutralising(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The cell [`neutralise`] was given.
fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => cell,
    }
}

/// The claims table as CSV (same RFC 4180 rules as [`export`]). Several actors or dates in
/// one cell are joined with "; "; `date_modifiers` holds each date's TIMEX3 modifier in the
/// same order as `dates`, empty where a date has none ("; END").
pub fn claims_csv(rows: &[ClaimRecord]) -> String {
    let rows: Vec<Vec<String>> = rows.iter().map(claim_cells).collect();
    write(&CLAIMS_HEADER, &rows, |cell| cell.to_owned())
}

/// The claims CSV's columns; the library's claims CSV puts its document columns before them.
pub(crate) const CLAIMS_HEADER: [&str; 8] = [
    "claim_id",
    "claim",
    "sources",
    "targets",
    "dates",
    "date_modifiers",
    "start",
    "end",
];

/// One claim's cells under [`CLAIMS_HEADER`]: several actors or dates joined with "; ", the
/// modifiers in the order of the dates (empty where a date has none), code-point offsets.
pub(crate) fn claim_cells(row: &ClaimRecord) -> Vec<String> {
    vec![
        row.claim.clone(),
        row.quote.clone(),
        row.sources.join("; "),
        row.targets.join("; "),
        row.dates.join("; "),
        row.date_modifiers
            .iter()
            .map(|m| m.as_deref().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("; "),
        row.start.to_string(),
        row.end.to_string(),
    ]
}

/// One field of an RFC 4180 record: quoted when it holds a comma, quote or line break.
pub(crate) fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}
