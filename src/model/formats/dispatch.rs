//! Which adapter reads a set of user files, and which writes an export: the one place that
//! knows every format by name.

use super::native::{self, TextInclusion};
use super::plan::{plan_with, Progress};
use super::{brat, csv, jsonl, w3c, zip, Carries, ImportPlan};
use crate::model::case::lowercase;
use crate::model::content::Content;
use crate::model::document::Document;
use crate::model::library;

/// Every format the app exports, in menu order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Native,
    W3c,
    Brat,
    Spacy,
    Doccano,
    Csv,
    /// The same CSV with formula-like cells neutralised, for opening in a spreadsheet.
    SpreadsheetCsv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Native,
        ExportFormat::W3c,
        ExportFormat::Brat,
        ExportFormat::Spacy,
        ExportFormat::Doccano,
        ExportFormat::Csv,
        ExportFormat::SpreadsheetCsv,
    ];

    /// What the format holds besides labels and offsets.
    pub fn carries(self) -> Carries {
        match self {
            ExportFormat::Native => Carries {
                annotators: true,
                notes: true,
                links: true,
                entities: true,
                date_values: true,
                orphans: true,
            },
            ExportFormat::W3c => w3c::CARRIES,
            ExportFormat::Brat => brat::CARRIES,
            ExportFormat::Spacy => jsonl::SPACY_CARRIES,
            ExportFormat::Doccano => jsonl::DOCCANO_CARRIES,
            ExportFormat::Csv | ExportFormat::SpreadsheetCsv => csv::CARRIES,
        }
    }

    /// The MIME type of its file.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Native => "application/json",
            ExportFormat::W3c => "application/ld+json",
            ExportFormat::Brat => "application/zip",
            ExportFormat::Spacy | ExportFormat::Doccano => "application/jsonl",
            ExportFormat::Csv | ExportFormat::SpreadsheetCsv => "text/csv",
        }
    }

    /// The format's name between the page and the import worker ("brat").
    pub fn key(self) -> &'static str {
        match self {
            ExportFormat::Native => "json",
            ExportFormat::W3c => "w3c",
            ExportFormat::Brat => "brat",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Doccano => "doccano",
            ExportFormat::Csv => "csv",
            ExportFormat::SpreadsheetCsv => "spreadsheet-csv",
        }
    }

    /// The format a [`key`](Self::key) names.
    pub fn from_key(key: &str) -> Option<ExportFormat> {
        Self::ALL.into_iter().find(|format| format.key() == key)
    }

    /// How this format is named in messages ("brat standoff").
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Native => "JSON",
            ExportFormat::W3c => "W3C Web Annotation",
            ExportFormat::Brat => "brat standoff",
            ExportFormat::Spacy => "spaCy/Prodigy JSONL",
            ExportFormat::Doccano => "doccano JSONL",
            ExportFormat::Csv => "CSV",
            ExportFormat::SpreadsheetCsv => "CSV for spreadsheets",
        }
    }
}

/// How the spreadsheet CSV's file name ends; import recognises it by this name and takes off
/// the `'` its export put before formula-like cells.
const SPREADSHEET_CSV_SUFFIX: &str = "spreadsheet.csv";

/// A file ready to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// What the format could not hold ("2 notes"), for the user to see.
    pub losses: Vec<String>,
    /// What the file holds changed ("1 quote", "1 note": cells that got a `'` in front so a
    /// spreadsheet does not run them), for the user to see. Empty for every other format.
    pub altered: Vec<String>,
}

impl ExportFile {
    /// What the page says once the file is downloaded: its name, what the format could not
    /// hold, so nobody believes it is all there, and what it changed to keep a spreadsheet
    /// from running it. Written where the file is (the import worker), not on the page.
    pub fn notice(&self, format: ExportFormat) -> String {
        let mut message = format!("Downloaded {}.", self.name);
        if !self.losses.is_empty() {
            message.push_str(&format!(
                " {} cannot hold {}; they are not in the file (the JSON export keeps \
                 everything).",
                format.name(),
                self.losses.join(", ")
            ));
        }
        if !self.altered.is_empty() {
            message.push_str(&format!(
                " Cells that start with =, +, -, @, a tab or a line break got a ' in front \
                 ({}), so no spreadsheet runs them as formulas; such quotes no longer \
                 equal the text (the plain CSV keeps every cell exact).",
                self.altered.join(", ")
            ));
        }
        message
    }
}

pub fn export(format: ExportFormat, doc: &Document, content: Content) -> ExportFile {
    let mut altered = Vec::new();
    let stem = super::file_stem(doc);
    let (name, bytes) = match format {
        ExportFormat::Native => return export_native(doc, content),
        ExportFormat::W3c => (
            format!("{stem}.w3c.jsonld"),
            w3c::export(doc, content).into_bytes(),
        ),
        ExportFormat::Brat => (format!("{stem}.brat.zip"), brat::export_zip(doc, content)),
        ExportFormat::Spacy => (
            format!("{stem}.spacy.jsonl"),
            jsonl::export_spacy(doc, content).into_bytes(),
        ),
        ExportFormat::Doccano => (
            format!("{stem}.doccano.jsonl"),
            jsonl::export_doccano(doc, content).into_bytes(),
        ),
        ExportFormat::Csv => (
            format!("{stem}.annotations.csv"),
            csv::export(doc, content).into_bytes(),
        ),
        ExportFormat::SpreadsheetCsv => (format!("{stem}.{SPREADSHEET_CSV_SUFFIX}"), {
            let (text, changed) = csv::spreadsheet_file(doc, content);
            altered = changed;
            text.into_bytes()
        }),
    };
    ExportFile {
        name,
        mime: format.mime(),
        bytes,
        losses: super::losses(content, format.carries()),
        altered,
    }
}

/// The JSON export alone ([`export`] of [`ExportFormat::Native`]): the page writes it itself,
/// with the code local storage needs anyway, and leaves the other formats to the import
/// worker.
pub fn export_native(doc: &Document, content: Content) -> ExportFile {
    ExportFile {
        name: format!("{}.annotations.json", super::file_stem(doc)),
        mime: ExportFormat::Native.mime(),
        bytes: native::to_json(doc, content, TextInclusion::WithText).into_bytes(),
        // This app's JSON holds everything.
        losses: Vec::new(),
        altered: Vec::new(),
    }
}

/// A file the user chose or dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What a set of files turned out to be.
#[derive(Debug, PartialEq)]
pub enum Incoming {
    /// Annotations for the open document, placed and ready to merge or replace.
    Annotations {
        plan: ImportPlan,
        format: ExportFormat,
    },
    /// A whole workspace (several documents): the JSON, for the library to take in.
    Workspace(String),
    /// A plain text to add as a new document.
    NewDocument { title: String, text: String },
}

const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "markdown", "text"];

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| lowercase(ext))
        .unwrap_or_default()
}

fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

fn decode(file: &InputFile) -> Result<String, String> {
    let text = std::str::from_utf8(&file.bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at position {}); save it as UTF-8 and try again",
            file.name,
            e.valid_up_to()
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

fn is_zip(file: &InputFile) -> bool {
    extension(&file.name) == "zip" || file.bytes.starts_with(b"PK\x03\x04")
}

/// Reads what the user chose: our JSON, a workspace, W3C annotations, a brat `.ann` (with
/// its `.txt`, or both in a zip), JSONL (spaCy/Prodigy or doccano), CSV, or a plain text.
/// Any problem rejects everything, with a message naming the file and the record.
pub fn read_files(files: Vec<InputFile>, doc: &Document) -> Result<Incoming, String> {
    read_files_with(files, doc, &mut |_| {})
}

/// [`read_files`], telling `progress` how far placing the annotations has come. A file of
/// more than [`MAX_IMPORT_ANNOTATIONS`](super::plan::MAX_IMPORT_ANNOTATIONS) annotations is
/// rejected while it is read, before anything is placed.
pub fn read_files_with(
    files: Vec<InputFile>,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<Incoming, String> {
    let mut expanded = Vec::with_capacity(files.len());
    for file in files {
        if is_zip(&file) {
            let entries = zip::read(&file.bytes).map_err(|e| format!("{}: {e}", file.name))?;
            expanded.extend(entries.into_iter().map(|(name, bytes)| InputFile {
                name: format!("{}/{name}", file.name),
                bytes,
            }));
        } else {
            expanded.push(file);
        }
    }
    let anns: Vec<&InputFile> = expanded
        .iter()
        .filter(|f| extension(&f.name) == "ann")
        .collect();
    match anns.as_slice() {
        [] => {}
        [ann] => return read_brat(ann, &expanded, doc, progress),
        _ => {
            return Err(format!(
                "{} .ann files were given; import one document's .ann (with its .txt) at a time",
                anns.len()
            ))
        }
    }
    let [file] = expanded.as_slice() else {
        return Err(if expanded.is_empty() {
            "the zip holds no files this app reads".to_owned()
        } else {
            format!(
                "{} files were given; choose one file, or a brat .ann with its .txt",
                expanded.len()
            )
        });
    };
    let text = decode(file)?;
    let name = file.name.as_str();
    let ext = extension(name);
    if TEXT_EXTENSIONS.contains(&ext.as_str()) {
        return Ok(Incoming::NewDocument {
            title: stem(name).replace(['-', '_'], " "),
            text,
        });
    }
    let annotations = |format: ExportFormat, result: Result<ImportPlan, String>| {
        result
            .map(|plan| Incoming::Annotations { plan, format })
            .map_err(|e| format!("{e} (read as {})", format.name()))
    };
    if lowercase(name).ends_with(SPREADSHEET_CSV_SUFFIX) {
        let format = ExportFormat::SpreadsheetCsv;
        return annotations(
            format,
            csv::parse_spreadsheet(&text).and_then(|f| plan_with(f, doc, progress)),
        );
    }
    if ext == "csv" || csv::looks_like(&text) {
        let format = ExportFormat::Csv;
        let result = csv::parse(&text).and_then(|f| plan_with(f, doc, progress));
        return annotations(format, result);
    }
    let value = match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) => value,
        Err(_) if jsonl::looks_like(&text) || matches!(ext.as_str(), "jsonl" | "ndjson") => {
            let format = jsonl_format(&text);
            let result = jsonl::parse(&text, doc).and_then(|f| plan_with(f, doc, progress));
            return annotations(format, result);
        }
        Err(e) => return Err(format!("the file is not valid JSON: {e}")),
    };
    if library::is_workspace(&text) {
        return Ok(Incoming::Workspace(text));
    }
    if value.get("format").and_then(|f| f.as_str()) == Some(native::FORMAT_NAME) {
        let result = native::parse_for_import_with(&text, doc, progress).map_err(|e| e.to_string());
        return annotations(ExportFormat::Native, result);
    }
    if w3c::looks_like(&value) {
        return annotations(
            ExportFormat::W3c,
            w3c::parse(&text).and_then(|f| plan_with(f, doc, progress)),
        );
    }
    if jsonl::looks_like(&text) {
        let format = jsonl_format(&text);
        let result = jsonl::parse(&text, doc).and_then(|f| plan_with(f, doc, progress));
        return annotations(format, result);
    }
    Err(String::from(
        "the file is JSON, but none of the formats this app reads: expected this app's \
         annotation or workspace file, W3C Web Annotation (\"@context\" and \"type\": \
         \"Annotation\"), or a spaCy/Prodigy/doccano record with \"text\"",
    ))
}

/// spaCy/Prodigy or doccano, from the first record's keys (only for naming the format).
fn jsonl_format(text: &str) -> ExportFormat {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    match serde_json::from_str::<serde_json::Value>(first) {
        Ok(v) if v.get("spans").is_some() => ExportFormat::Spacy,
        _ => ExportFormat::Doccano,
    }
}

fn read_brat(
    ann: &InputFile,
    files: &[InputFile],
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<Incoming, String> {
    let texts: Vec<&InputFile> = files
        .iter()
        .filter(|f| extension(&f.name) == "txt")
        .collect();
    let txt = texts
        .iter()
        .find(|f| stem(&f.name) == stem(&ann.name))
        .or(match texts.as_slice() {
            [only] => Some(only),
            _ => None,
        });
    if let Some(other) = files.iter().find(|f| {
        let ext = extension(&f.name);
        !["ann", "txt", "conf"].contains(&ext.as_str()) && !std::ptr::eq(*f, ann)
    }) {
        return Err(format!(
            "{} is not part of a brat document; choose the .ann and its .txt",
            other.name
        ));
    }
    if txt.is_none() && !texts.is_empty() {
        return Err(format!(
            "none of the .txt files is named like {}; choose the .ann and its own .txt",
            ann.name
        ));
    }
    let ann_text = decode(ann)?;
    // The .txt is read as it is: brat's offsets count its characters, line ends included
    // (a CRLF text that was normalised when it became a document is re-anchored instead).
    let txt_text = txt.map(|f| decode(f)).transpose()?;
    brat::parse(&ann_text, txt_text.as_deref())
        .and_then(|f| plan_with(f, doc, progress))
        .map(|plan| Incoming::Annotations {
            plan,
            format: ExportFormat::Brat,
        })
        .map_err(|e| format!("{e} (read as brat standoff)"))
}
