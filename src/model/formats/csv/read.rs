//! Reading a CSV file (RFC 4180) into a [`Foreign`]: columns by name, this app's own files and
//! any with at least `label,start,end,quote`.

use super::*;
use crate::model::case::lowercase;
use crate::model::formats::plan::check_import_count;
use std::collections::HashMap;

/// True when the first line is this format's header.
pub fn looks_like(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split('\n').next().unwrap_or("");
    first.starts_with(&HEADER[..5].join(","))
}

/// One record of the file and the line it starts on (from 1).
struct Record {
    line: usize,
    fields: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Just after the closing quote of a quoted field.
    Closed,
}

/// Splits RFC 4180 text into records: fields separated by commas, records by CRLF, LF or
/// CR; a field in double quotes may hold commas, line breaks and doubled quotes. A quote
/// inside an unquoted field is kept as it is (as spreadsheets do). Empty lines are skipped.
fn records(text: &str) -> Result<Vec<Record>, String> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut state = State::FieldStart;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (state, c) {
            (State::Quoted, '"') => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    state = State::Closed;
                }
            }
            (State::Quoted, '\r') => {
                field.push('\r');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                    field.push('\n');
                }
                line += 1;
            }
            (State::Quoted, '\n') => {
                field.push('\n');
                line += 1;
            }
            (State::Quoted, _) => field.push(c),
            (_, ',') => {
                fields.push(std::mem::take(&mut field));
                state = State::FieldStart;
            }
            (_, '\r' | '\n') => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                let blank = fields.is_empty() && field.is_empty() && state == State::FieldStart;
                if !blank {
                    fields.push(std::mem::take(&mut field));
                    out.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                line += 1;
                record_line = line;
                state = State::FieldStart;
            }
            (State::FieldStart, '"') => {
                state = State::Quoted;
                quote_line = line;
            }
            (State::Closed, _) => {
                return Err(format!(
                    "line {line}: “{c}” after the closing quote of a field (a quote inside a \
                     quoted field must be doubled: \"\")"
                ))
            }
            (State::FieldStart | State::Unquoted, _) => {
                field.push(c);
                state = State::Unquoted;
            }
        }
    }
    match state {
        State::Quoted => {
            return Err(format!(
                "line {quote_line}: the quoted field that starts here is never closed"
            ))
        }
        State::FieldStart if fields.is_empty() && field.is_empty() => {}
        _ => {
            fields.push(field);
            out.push(Record {
                line: record_line,
                fields,
            });
        }
    }
    Ok(out)
}

/// The header's columns by name (trimmed, lower case).
fn columns(header: &Record) -> Result<HashMap<String, usize>, String> {
    let mut columns = HashMap::new();
    for (i, name) in header.fields.iter().enumerate() {
        let name = lowercase(name.trim());
        if name.is_empty() {
            continue;
        }
        if columns.insert(name.clone(), i).is_some() {
            return Err(format!(
                "line {}: the header names the column \"{name}\" twice",
                header.line
            ));
        }
    }
    for name in REQUIRED {
        if !columns.contains_key(name) {
            return Err(format!(
                "line {}: the header has no \"{name}\" column (needed: {})",
                header.line,
                REQUIRED.join(", ")
            ));
        }
    }
    Ok(columns)
}

/// Reads the rows back. Columns are found by name, in any order; `label`, `start`, `end` and
/// `quote` are required. Each row's place in messages is the line it starts on, as a text
/// editor counts. All rows must belong to one document (`document_id`, when present).
pub fn parse(text: &str) -> Result<Foreign, String> {
    parse_records(records(text.strip_prefix('\u{feff}').unwrap_or(text))?)
}

/// Reads a file from [`export_for_spreadsheets`]: every cell loses the `'` that was put in
/// front of it, so its quotes equal the text again.
pub fn parse_spreadsheet(text: &str) -> Result<Foreign, String> {
    let mut all = records(text.strip_prefix('\u{feff}').unwrap_or(text))?;
    for record in &mut all {
        for cell in &mut record.fields {
            let restored = restore(cell);
            if restored.len() != cell.len() {
                *cell = restored.to_owned();
            }
        }
    }
    parse_records(all)
}

fn parse_records(all: Vec<Record>) -> Result<Foreign, String> {
    let Some((header, rows)) = all.split_first() else {
        return Err("the file is empty (expected a header row)".to_owned());
    };
    let columns = columns(header)?;
    let width = header.fields.len();
    let mut drafts = Vec::with_capacity(rows.len());
    let mut relations = Vec::new();
    let mut document: Option<(&str, usize)> = None;
    for (i, row) in rows.iter().enumerate() {
        let place = format!("line {}", row.line);
        let fail = |problem: String| format!("{place}: {problem}");
        if row.fields.len() != width {
            return Err(fail(format!(
                "{} field{}, but the header has {width}",
                row.fields.len(),
                if row.fields.len() == 1 { "" } else { "s" }
            )));
        }
        let cell = |name: &str| -> &str {
            columns
                .get(name)
                .and_then(|&i| row.fields.get(i))
                .map_or("", String::as_str)
        };
        let non_empty = |name: &str| Some(cell(name)).filter(|v| !v.is_empty());
        if let Some(id) = non_empty("document_id") {
            match document {
                Some((first, line)) if first != id => {
                    return Err(fail(format!(
                        "document_id \"{id}\" differs from \"{first}\" on line {line}; \
                         import one document's rows at a time"
                    )))
                }
                Some(_) => {}
                None => document = Some((id, row.line)),
            }
        }
        let label_name = cell("label");
        let label = Label::parse(&lowercase(label_name.trim())).ok_or_else(|| {
            fail(format!(
                "unknown label \"{label_name}\" (expected actor, claim or date)"
            ))
        })?;
        let offset = |name: &str| -> Result<Option<usize>, String> {
            let value = cell(name).trim();
            if value.is_empty() {
                return Ok(None);
            }
            value.parse().map(Some).map_err(|_| {
                fail(format!(
                    "{name} \"{value}\" is not a whole number (code points from 0)"
                ))
            })
        };
        let (start, end) = (offset("start")?, offset("end")?);
        let id = non_empty("annotation_id")
            .map(str::to_owned)
            .unwrap_or_else(|| format!("row-{}", i + 1));
        for (column, role) in [
            ("source_ids", Role::Source),
            ("target_ids", Role::Target),
            ("when_ids", Role::When),
        ] {
            for other in cell(column).split_whitespace() {
                relations.push(DraftRelation {
                    id: format!("relation-{}", relations.len() + 1),
                    claim: id.clone(),
                    other: other.to_owned(),
                    role,
                    created: String::new(),
                    place: place.clone(),
                });
            }
        }
        check_import_count(drafts.len()).map_err(fail)?;
        drafts.push(Draft {
            id,
            label: Some(label),
            start,
            end,
            // An empty quote says nothing: the offsets alone then place the row.
            quote: non_empty("quote").map(str::to_owned),
            prefix: None,
            suffix: None,
            note: cell("note").to_owned(),
            created: String::new(),
            updated: String::new(),
            entity: non_empty("entity").map(str::to_owned),
            date_value: non_empty("date_value").map(str::to_owned),
            // Absent from files written before the column existed: unknown.
            annotator: cell("annotator").to_owned(),
            orphan: false,
            place,
        });
    }
    Ok(Foreign {
        text: None,
        drafts,
        relations,
    })
}
