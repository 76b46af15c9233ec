//! The local library of documents and the whole-workspace file.

use super::annotation::{Annotation, Label};
use super::content::Annotations;
use super::document::Document;
use super::formats::native::{self, SchemaError, TextInclusion};
use crate::model::case::lowercase_each;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const LIBRARY_FORMAT: &str = "text-annotator-library";
pub const WORKSPACE_FORMAT: &str = "text-annotator-workspace";
pub const LIBRARY_VERSION: u32 = 1;
pub const WORKSPACE_VERSION: u32 = 1;

/// What the document list shows about a document, kept in a small index so listing never
/// reads every text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    pub created: String,
    /// Last edited (text added or annotations changed).
    pub updated: String,
    pub text_sha256: String,
    pub text_length: usize,
    /// Annotations per label, in [`Label::ALL`] order.
    #[serde(default)]
    pub counts: [usize; 3],
    /// The built-in article: always listed, never deleted.
    #[serde(default)]
    pub builtin: bool,
    /// When it was moved to the trash; it keeps its text and annotations there until
    /// restored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<String>,
}

impl DocumentMeta {
    pub fn of(doc: &Document, created: &str, builtin: bool) -> Self {
        DocumentMeta {
            id: doc.id.clone(),
            title: doc.title.clone(),
            published: doc.published.clone(),
            source_url: doc.source_url.clone(),
            created: created.to_owned(),
            updated: created.to_owned(),
            text_sha256: doc.text_sha256.clone(),
            text_length: doc.index.len_chars(),
            counts: [0; 3],
            builtin,
            deleted: None,
        }
    }

    pub fn count_labels(annotations: &[Annotation]) -> [usize; 3] {
        Label::ALL.map(|l| annotations.iter().filter(|a| a.label == l).count())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Library {
    pub documents: Vec<DocumentMeta>,
}

#[derive(Serialize, Deserialize)]
struct LibraryFile {
    format: String,
    version: u32,
    documents: Vec<DocumentMeta>,
}

impl Library {
    pub fn to_json(&self) -> String {
        crate::model::formats::json::always_text(
            &LibraryFile {
                format: LIBRARY_FORMAT.to_owned(),
                version: LIBRARY_VERSION,
                documents: self.documents.clone(),
            },
            false,
        )
    }

    pub fn parse(json: &str) -> Result<Library, String> {
        // Through a `Value`, like every stored file: one deserializer for the page to carry.
        let unreadable = |e: serde_json::Error| format!("the document index is unreadable: {e}");
        let value: serde_json::Value = serde_json::from_str(json).map_err(unreadable)?;
        let file = LibraryFile::deserialize(&value).map_err(unreadable)?;
        if file.format != LIBRARY_FORMAT {
            return Err(format!("the document index has format \"{}\"", file.format));
        }
        if file.version > LIBRARY_VERSION {
            return Err(format!(
                "the document index is version {}, newer than this app understands",
                file.version
            ));
        }
        Ok(Library {
            documents: file.documents,
        })
    }

    pub fn get(&self, id: &str) -> Option<&DocumentMeta> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Adds or replaces the entry with the same id.
    pub fn upsert(&mut self, meta: DocumentMeta) {
        match self.documents.iter_mut().find(|d| d.id == meta.id) {
            Some(existing) => *existing = meta,
            None => self.documents.push(meta),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<DocumentMeta> {
        let at = self.documents.iter().position(|d| d.id == id)?;
        Some(self.documents.remove(at))
    }
}

/// The orders the Documents dialog offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocumentSort {
    /// Newest publication first; documents without a date last.
    #[default]
    Published,
    /// A to Z, ignoring case and accents.
    Title,
    /// Most recently edited first.
    Edited,
    /// Most annotations first.
    Annotations,
}

impl DocumentSort {
    pub const ALL: [DocumentSort; 4] = [
        DocumentSort::Published,
        DocumentSort::Title,
        DocumentSort::Edited,
        DocumentSort::Annotations,
    ];

    /// The stored name (settings).
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentSort::Published => "published",
            DocumentSort::Title => "title",
            DocumentSort::Edited => "edited",
            DocumentSort::Annotations => "annotations",
        }
    }

    pub fn parse(value: &str) -> Option<DocumentSort> {
        DocumentSort::ALL
            .into_iter()
            .find(|s| s.as_str() == value.trim())
    }

    /// What the sort menu shows.
    pub fn title(self) -> &'static str {
        match self {
            DocumentSort::Published => "Publication date, newest first",
            DocumentSort::Title => "Title, A to Z",
            DocumentSort::Edited => "Last edited, latest first",
            DocumentSort::Annotations => "Annotation count, most first",
        }
    }
}

/// Sorts list entries in `order`; ties go by title, then id, so the order is always the same.
/// Titles are compared folded (lower case, no accents), computed once per entry.
pub fn sort_documents(documents: &mut [DocumentMeta], order: DocumentSort) {
    let mut keyed: Vec<(String, DocumentMeta)> = documents
        .iter()
        .map(|d| (crate::model::store::fold(&d.title), d.clone()))
        .collect();
    keyed.sort_by(|(ta, a), (tb, b)| {
        let first = match order {
            DocumentSort::Published => match (&a.published, &b.published) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
            DocumentSort::Title => std::cmp::Ordering::Equal,
            DocumentSort::Edited => b.updated.cmp(&a.updated),
            DocumentSort::Annotations => b.counts.iter().sum::<usize>().cmp(&a.counts.iter().sum()),
        };
        first.then_with(|| ta.cmp(tb)).then_with(|| a.id.cmp(&b.id))
    });
    for (slot, (_, meta)) in documents.iter_mut().zip(keyed) {
        *slot = meta;
    }
}

/// A search of the document list: the words of the query, folded (lower case, no accents).
/// A document matches when every word is in its title or its text (as part of a word too:
/// "minist" finds "Ministry").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentSearch {
    words: Vec<String>,
}

impl DocumentSearch {
    pub fn new(query: &str) -> DocumentSearch {
        DocumentSearch {
            words: crate::model::store::fold(query)
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word is in the title; `folded_title` is put through [`fold_for_search`].
    pub fn matches_title(&self, folded_title: &str) -> bool {
        self.words.iter().all(|w| folded_title.contains(w.as_str()))
    }

    /// Whether every word is in the title or in the text, both put through
    /// [`fold_for_search`].
    pub fn matches(&self, folded_title: &str, folded_text: &str) -> bool {
        self.words
            .iter()
            .all(|w| folded_title.contains(w.as_str()) || folded_text.contains(w.as_str()))
    }
}

/// A text as searches compare it: lower case, without accents.
pub fn fold_for_search(text: &str) -> String {
    crate::model::store::fold(text)
}

/// A count with thousands separated by commas: 1000 → "1,000".
pub fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The longest document the app takes, in code points. Measured here (scripts/bench.sh): a
/// 1 M code-point article with 10,000 spans shows its first screen in about 1 s and a 2 M one
/// in 1.3 s (a label key then takes 20 ms); and local storage holds 5 M UTF-16 units per site,
/// which a 2 M text leaves room beside for its annotations and other documents.
pub const MAX_DOCUMENT_CHARS: usize = 2_000_000;

/// Refuses a text longer than [`MAX_DOCUMENT_CHARS`], saying the limit.
pub fn check_document_size(text: &str) -> Result<(), String> {
    let length = text.chars().count();
    if length > MAX_DOCUMENT_CHARS {
        return Err(format!(
            "the text has {length} characters, more than the {MAX_DOCUMENT_CHARS} this app \
             takes in one document; split it into parts"
        ));
    }
    Ok(())
}

/// Text as users paste or open it, made ready to annotate: line endings become `\n` (once,
/// before any annotation exists) and a leading byte-order mark goes, so offsets count from
/// the first character a reader sees. Nothing else changes.
pub fn normalize_text(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// An id for a new document: a readable slug of the title and a random suffix.
pub fn new_document_id(title: &str, random_hex: &str) -> String {
    let mut slug = String::new();
    for ch in lowercase_each(title).chars() {
        if ch.is_alphanumeric() && ch.is_ascii() {
            slug.push(ch);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("doc-{random_hex}")
    } else {
        format!("{slug}-{random_hex}")
    }
}

/// Merges another copy of a document's annotations into ours: by id, the later `updated`
/// wins; ids only one side has are kept. Nothing is deleted.
pub fn merge_by_id(ours: &[Annotation], theirs: &[Annotation]) -> (Vec<Annotation>, MergeSummary) {
    let mut summary = MergeSummary::default();
    let mut merged: Vec<Annotation> = ours.to_vec();
    let position: HashMap<String, usize> = merged
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    for incoming in theirs {
        match position.get(&incoming.id) {
            Some(&i) if incoming.updated > merged[i].updated => {
                merged[i] = incoming.clone();
                summary.updated += 1;
            }
            Some(_) => summary.unchanged += 1,
            None => {
                merged.push(incoming.clone());
                summary.added += 1;
            }
        }
    }
    (merged, summary)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// One document of a workspace, validated against its own text.
#[derive(Debug)]
pub struct WorkspaceDocument {
    pub document: Document,
    pub content: Annotations,
}

/// All documents with their annotations, each in the single-document export format.
pub fn workspace_to_json(documents: &[WorkspaceDocument], exported: &str) -> String {
    let entries: Vec<String> = documents.iter().map(workspace_entry).collect();
    format!(
        "{}{}{WORKSPACE_TAIL}",
        workspace_head(exported),
        entries.join(WORKSPACE_SEPARATOR)
    )
}

/// A workspace file is written in pieces, so that a big library never has to be built whole:
/// this head, then each document's entry ([`workspace_entry`]) with [`WORKSPACE_SEPARATOR`]
/// between them, then [`WORKSPACE_TAIL`]. One document per line: a file of a thousand
/// documents stays readable and compares line by line.
pub fn workspace_head(exported: &str) -> String {
    format!(
        "{{\"format\":\"{WORKSPACE_FORMAT}\",\"version\":{WORKSPACE_VERSION},\"exported\":{},\"documents\":[\n",
        serde_json::Value::from(exported)
    )
}

/// One document of a workspace: this app's JSON file of it, text included, on one line.
pub fn workspace_entry(document: &WorkspaceDocument) -> String {
    let file = native::to_file(
        &document.document,
        document.content.content(),
        TextInclusion::WithText,
    );
    crate::model::formats::json::always_text(&file, false)
}

/// Where a workspace entry carries its document's side records ([`crate::model::side_records`]):
/// a list of records as the database holds them, without their revisions. Left out when the
/// document has none; older files have none, and older versions of the app ignore it.
pub const SIDE_RECORDS: &str = "side_records";

/// [`workspace_entry`] with the document's side records (as the database holds them: their
/// revisions are left out, [`crate::model::side_records::record_text`]).
pub fn workspace_entry_with(
    document: &WorkspaceDocument,
    side_records: &[serde_json::Value],
) -> String {
    let entry = workspace_entry(document);
    if side_records.is_empty() {
        return entry;
    }
    format!(
        "{}{}",
        &entry[..entry.len() - 1],
        side_records_end(side_records)
    )
}

/// What takes the place of an entry's closing brace to give it these side records (never
/// empty): the workspace export adds them to the entries the import worker writes this way.
pub fn side_records_end(side_records: &[serde_json::Value]) -> String {
    let records: Vec<String> = side_records
        .iter()
        .map(|r| crate::model::side_records::record_text(r, None))
        .collect();
    format!(",\"{SIDE_RECORDS}\":[{}]}}", records.join(","))
}

pub const WORKSPACE_SEPARATOR: &str = ",\n";
pub const WORKSPACE_TAIL: &str = "\n]}\n";

/// Whether a JSON text claims to be a workspace file (checked before full parsing, to pick
/// the right importer).
pub fn is_workspace(json: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| {
            v.get("format")
                .and_then(|f| f.as_str())
                .map(|f| f == WORKSPACE_FORMAT)
        })
        .unwrap_or(false)
}

/// Parses a workspace file: every document must carry its text, and every annotation must
/// match it. Any problem rejects the whole file, naming the document.
pub fn parse_workspace(json: &str) -> Result<Vec<WorkspaceDocument>, SchemaError> {
    let file = WorkspaceFile::open(json)?;
    (0..file.len()).map(|i| file.document(i)).collect()
}

/// A workspace file split into its documents without building them: each document's JSON stays
/// a slice of the file's text until it is asked for. A big workspace is then checked and
/// written one document at a time, so memory holds the file's text and one document, not a
/// tree of the whole file and every document built at once.
pub struct WorkspaceFile<'a> {
    documents: Vec<&'a serde_json::value::RawValue>,
}

impl<'a> WorkspaceFile<'a> {
    /// Reads the file's format, version and list of documents; fails on anything else than a
    /// workspace this app understands, or on broken JSON anywhere in the file.
    pub fn open(json: &'a str) -> Result<WorkspaceFile<'a>, SchemaError> {
        #[derive(serde::Deserialize)]
        struct Head<'a> {
            format: Option<serde_json::Value>,
            version: Option<serde_json::Value>,
            #[serde(borrow)]
            documents: Option<&'a serde_json::value::RawValue>,
        }
        let head: Head<'a> =
            serde_json::from_str(json).map_err(|e| SchemaError::Syntax(e.to_string()))?;
        if head.format.as_ref().and_then(|f| f.as_str()) != Some(WORKSPACE_FORMAT) {
            return Err(SchemaError::Structure(format!(
                "this is not a {WORKSPACE_FORMAT} file"
            )));
        }
        match head.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(WORKSPACE_VERSION) => {}
            Some(v) if v > u64::from(WORKSPACE_VERSION) => {
                return Err(SchemaError::Structure(format!(
                    "the workspace is version {v}, newer than this app understands"
                )))
            }
            _ => {
                return Err(SchemaError::Structure(
                    "the workspace has no valid \"version\"".to_owned(),
                ))
            }
        }
        let documents = head
            .documents
            .and_then(|d| {
                serde_json::from_str::<Vec<&'a serde_json::value::RawValue>>(d.get()).ok()
            })
            .ok_or_else(|| SchemaError::Structure("\"documents\" must be a list".to_owned()))?;
        let file = WorkspaceFile { documents };
        file.check_ids()?;
        Ok(file)
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// No two documents share an id (read from each document's record alone).
    fn check_ids(&self) -> Result<(), SchemaError> {
        #[derive(serde::Deserialize)]
        struct Ids<'a> {
            #[serde(borrow)]
            document: Option<Id<'a>>,
        }
        #[derive(serde::Deserialize)]
        struct Id<'a> {
            #[serde(borrow)]
            id: Option<std::borrow::Cow<'a, str>>,
        }
        let mut seen = HashMap::new();
        for (i, raw) in self.documents.iter().enumerate() {
            let number = i + 1;
            let id = serde_json::from_str::<Ids>(raw.get())
                .ok()
                .and_then(|d| d.document)
                .and_then(|d| d.id)
                .unwrap_or_default();
            if id.trim().is_empty() {
                continue; // said by `document`, with the rest of that document's checks
            }
            if let Some(first) = seen.insert(id.clone(), number) {
                return Err(SchemaError::Structure(format!(
                    "document {number}: id \"{id}\" is already used by document {first}"
                )));
            }
        }
        Ok(())
    }

    /// The `i`-th document, built and checked against its text.
    pub fn document(&self, i: usize) -> Result<WorkspaceDocument, SchemaError> {
        self.document_with_side_records(i)
            .map(|(document, _)| document)
    }

    /// The `i`-th document, built and checked against its text, with its side records as the
    /// file holds them (none in files written before they were carried); each is checked
    /// only when it is written ([`crate::model::side_records::incoming`]), so one that
    /// cannot be read does not stop the rest. Fails when `side_records` is not a list.
    pub fn document_with_side_records(
        &self,
        i: usize,
    ) -> Result<(WorkspaceDocument, Vec<serde_json::Value>), SchemaError> {
        let number = i + 1;
        let fail = |e: String| SchemaError::Structure(format!("document {number}: {e}"));
        let mut file: serde_json::Value = serde_json::from_str(self.documents[i].get())
            .map_err(|e| SchemaError::Syntax(e.to_string()))?;
        // Taken out of the entry by value (the field stays, as null, which the document's
        // reader ignores like any field it does not know).
        let side_records = match file.get_mut(SIDE_RECORDS).map(serde_json::Value::take) {
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(serde_json::Value::Array(records)) => records,
            Some(_) => return Err(fail(format!("\"{SIDE_RECORDS}\" must be a list"))),
        };
        let record = file.get("document").cloned().unwrap_or_default();
        let id = record
            .get("id")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let title = record
            .get("title")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let Some(text) = record.get("text").and_then(|v| v.as_str()) else {
            return Err(fail("the document has no \"text\"".to_owned()));
        };
        check_document_size(text).map_err(fail)?;
        if id.trim().is_empty() {
            return Err(fail("the document has no id".to_owned()));
        }
        let mut document = Document::new(
            id,
            title,
            record.get("published").and_then(|v| v.as_str()),
            text,
        );
        document.source_url = record
            .get("source_url")
            .and_then(|v| v.as_str())
            .map(str::to_owned);
        let parsed =
            native::parse_value(file, &document).map_err(|e| fail(format!("(“{title}”) {e}")))?;
        Ok((
            WorkspaceDocument {
                document,
                content: parsed.content,
            },
            side_records,
        ))
    }
}
