//! Import: a JSONL file's line for the open document, in any of the variants, read into a
//! [`Foreign`].

use crate::model::annotation::{Label, Role};
use crate::model::case::lowercase;
use crate::model::document::Document;
use crate::model::formats::plan::check_import_count;
use crate::model::formats::{json, Draft, DraftRelation, Foreign};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The keys that hold a line's spans, in the order they are looked for.
const SPAN_KEYS: [&str; 4] = ["spans", "entities", "label", "labels"];

/// The non-empty lines of a JSONL text, numbered from 1, without a byte order mark or CR.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim().is_empty())
}

/// True when the text's first record looks like one of the JSONL variants.
pub fn looks_like(text: &str) -> bool {
    let Some((_, first)) = lines(text).next() else {
        return false;
    };
    match serde_json::from_str::<Value>(first) {
        Ok(Value::Object(object)) => {
            matches!(object.get("text"), Some(Value::String(_)))
                && SPAN_KEYS.iter().any(|key| object.contains_key(*key))
        }
        _ => false,
    }
}

/// Reads any of the variants; with several lines, the one whose text is the open document's.
///
/// Every line must be a JSON object with a string `"text"`. The line whose text equals the
/// open document's is read; a file of one line is read whatever its text (its offsets then
/// count in the line's own text, and [`plan`](crate::model::formats::plan::plan)
/// re-anchors them); several lines of which none (or more than one) holds the open text are
/// an error. Only the chosen line's spans and relations are interpreted.
pub fn parse(text: &str, doc: &Document) -> Result<Foreign, String> {
    let mut documents: Vec<(usize, Map<String, Value>)> = Vec::new();
    for (number, line) in lines(text) {
        let value: Value = serde_json::from_str(line).map_err(|e| {
            // serde counts lines within the one line it was given: keep only the column.
            let full = e.to_string();
            let at = format!(" at line {} column {}", e.line(), e.column());
            let problem = full.strip_suffix(&at).unwrap_or(&full);
            format!(
                "line {number}: not valid JSON ({problem}, at column {})",
                e.column()
            )
        })?;
        let Value::Object(object) = value else {
            return Err(format!(
                "line {number}: expected a JSON object with \"text\" and its spans, found {}",
                json::kind(&value)
            ));
        };
        if !matches!(object.get("text"), Some(Value::String(_))) {
            return Err(format!(
                "line {number}: no \"text\" string (each line must hold a document's text)"
            ));
        }
        documents.push((number, object));
    }
    let open_text = doc.index.text();
    let has_open_text =
        |object: &Map<String, Value>| object.get("text").and_then(Value::as_str) == Some(open_text);
    let matching: Vec<usize> = documents
        .iter()
        .enumerate()
        .filter(|(_, (_, object))| has_open_text(object))
        .map(|(i, _)| i)
        .collect();
    let chosen = match (matching.as_slice(), documents.len()) {
        ([one], _) => *one,
        ([], 0) => return Err("the file holds no JSON lines".to_owned()),
        ([], 1) => 0,
        ([], n) => {
            return Err(format!(
                "the file has {n} documents (one per line), and none has the text of the open \
                 document “{}”; open the matching document first",
                doc.title
            ))
        }
        (several, _) => {
            let numbers: Vec<String> = several
                .iter()
                .map(|&i| documents[i].0.to_string())
                .collect();
            return Err(format!(
                "lines {} all hold the open document's text; keep only one of them",
                numbers.join(", ")
            ));
        }
    };
    let (number, object) = &documents[chosen];
    read_document(*number, object)
}

/// An id as files write it: a string, or a number (doccano).
fn id_of(value: Option<&Value>) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(format!(
            "\"id\" must be a string or a number, not {}",
            json::kind(other)
        )),
    }
}

fn label_of(value: Option<&Value>) -> Result<Label, String> {
    match value {
        Some(Value::String(name)) => Label::parse(&lowercase(name.trim()))
            .ok_or_else(|| format!("unknown label \"{name}\" (expected actor, claim or date)")),
        None | Some(Value::Null) => Err("no label (expected actor, claim or date)".to_owned()),
        Some(other) => Err(format!(
            "the label must be a string, not {}",
            json::kind(other)
        )),
    }
}

/// A span as read, with the file's id when it gave one.
struct ReadSpan {
    id: Option<String>,
    draft: Draft,
}

/// One span record: `[start, end, label]` (doccano, spaCy's training tuples) or an object
/// with `start`/`start_offset`, `end`/`end_offset`, `label` and optional `text`, `id`,
/// `note`, `entity`, `date_value`, `annotator` (other keys, such as Prodigy's token indices,
/// are ignored).
fn read_span(item: &Value, place: String) -> Result<ReadSpan, String> {
    let fail = |problem: String| format!("{place}: {problem}");
    let mut draft = Draft {
        place: place.clone(),
        ..Draft::default()
    };
    let id = match item {
        Value::Array(triple) => {
            let [start, end, label] = triple.as_slice() else {
                return Err(fail(format!(
                    "expected [start, end, label], found a list of {}",
                    triple.len()
                )));
            };
            draft.start = json::offset(Some(start), "start").map_err(fail)?;
            draft.end = json::offset(Some(end), "end").map_err(fail)?;
            draft.label = Some(label_of(Some(label)).map_err(fail)?);
            None
        }
        Value::Object(object) => {
            let get = |a: &str, b: &str| object.get(a).or_else(|| object.get(b));
            draft.start = json::offset(get("start", "start_offset"), "start").map_err(fail)?;
            draft.end = json::offset(get("end", "end_offset"), "end").map_err(fail)?;
            draft.label = Some(label_of(object.get("label")).map_err(fail)?);
            draft.quote = json::string(object.get("text"), "text").map_err(fail)?;
            draft.note = json::string(object.get("note"), "note")
                .map_err(fail)?
                .unwrap_or_default();
            draft.entity = json::string(object.get("entity"), "entity").map_err(fail)?;
            draft.date_value =
                json::string(object.get("date_value"), "date_value").map_err(fail)?;
            draft.annotator = json::string(object.get("annotator"), "annotator")
                .map_err(fail)?
                .unwrap_or_default();
            id_of(object.get("id")).map_err(fail)?
        }
        other => {
            return Err(fail(format!(
                "expected [start, end, label] or an object with start, end and label, found {}",
                json::kind(other)
            )))
        }
    };
    Ok(ReadSpan { id, draft })
}

/// Gives every record without an id `{stem}-{n}` (its position), never one the file uses.
fn fill_ids(ids: &mut [Option<String>], stem: &str) -> Vec<String> {
    let mut used: HashSet<String> = ids.iter().flatten().cloned().collect();
    ids.iter_mut()
        .enumerate()
        .map(|(i, id)| match id.take() {
            Some(id) => id,
            None => {
                let mut fresh = format!("{stem}-{}", i + 1);
                let mut extra = 1;
                while used.contains(&fresh) {
                    extra += 1;
                    fresh = format!("{stem}-{}-{extra}", i + 1);
                }
                used.insert(fresh.clone());
                fresh
            }
        })
        .collect()
}

fn read_document(number: usize, object: &Map<String, Value>) -> Result<Foreign, String> {
    let text = object
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let items: &[Value] = match SPAN_KEYS
        .iter()
        .find_map(|key| object.get(*key).filter(|v| !v.is_null()).map(|v| (key, v)))
    {
        None => &[],
        Some((_, Value::Array(items))) => items,
        Some((key, other)) => {
            return Err(format!(
                "line {number}: \"{key}\" must be a list, not {}",
                json::kind(other)
            ))
        }
    };
    check_import_count(items.len().saturating_sub(1))?;
    let mut spans = items
        .iter()
        .enumerate()
        .map(|(i, item)| read_span(item, format!("line {number}, span {}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    // doccano's triples cannot hold a name: `annotators` lists them in the same order.
    if let Some(Value::Array(names)) = object.get("annotators") {
        if names.len() == spans.len() {
            for (span, name) in spans.iter_mut().zip(names) {
                if let (Value::String(name), true) = (name, span.draft.annotator.is_empty()) {
                    span.draft.annotator = name.clone();
                }
            }
        }
    }
    let mut ids: Vec<Option<String>> = spans.iter_mut().map(|s| s.id.take()).collect();
    let drafts: Vec<Draft> = spans
        .into_iter()
        .zip(fill_ids(&mut ids, "span"))
        .map(|(span, id)| Draft { id, ..span.draft })
        .collect();
    let relations = match object.get("relations") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => read_relations(number, items, &drafts)?,
        Some(other) => {
            return Err(format!(
                "line {number}: \"relations\" must be a list, not {}",
                json::kind(other)
            ))
        }
    };
    Ok(Foreign {
        text: Some(text),
        drafts,
        relations,
    })
}

/// The id of the draft a relation end names: by its `id` when it has one, else by start,
/// end and label (Prodigy's `head_span`/`child_span`).
fn span_end(value: Option<&Value>, name: &str, drafts: &[Draft]) -> Result<String, String> {
    let Some(Value::Object(end)) = value else {
        return Err(format!(
            "\"{name}\" must be an object with start, end and label"
        ));
    };
    if let Some(id) = id_of(end.get("id")).map_err(|e| format!("\"{name}\": {e}"))? {
        return Ok(id);
    }
    let start = json::offset(end.get("start"), "start").map_err(|e| format!("\"{name}\": {e}"))?;
    let stop = json::offset(end.get("end"), "end").map_err(|e| format!("\"{name}\": {e}"))?;
    let (Some(start), Some(stop)) = (start, stop) else {
        return Err(format!(
            "\"{name}\" needs \"start\" and \"end\" (or an \"id\")"
        ));
    };
    let label = match end.get("label") {
        None | Some(Value::Null) => None,
        some => Some(label_of(some).map_err(|e| format!("\"{name}\": {e}"))?),
    };
    let found: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.start == Some(start) && d.end == Some(stop))
        .filter(|d| label.is_none() || d.label == label)
        .collect();
    let what = match label {
        Some(label) => format!("{label} span at {start}–{stop}"),
        None => format!("span at {start}–{stop}"),
    };
    match found.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(format!("\"{name}\": there is no {what} among the spans")),
        _ => Err(format!(
            "\"{name}\": several spans are the {what}; give the spans ids to tell them apart"
        )),
    }
}

/// Relations in Prodigy's form (`head_span`, `child_span`, `label`) or doccano's (`from_id`,
/// `to_id`, `type`). The claim may be at either end.
fn read_relations(
    number: usize,
    items: &[Value],
    drafts: &[Draft],
) -> Result<Vec<DraftRelation>, String> {
    let labels: HashMap<&str, Option<Label>> =
        drafts.iter().map(|d| (d.id.as_str(), d.label)).collect();
    let mut read = Vec::with_capacity(items.len());
    let mut ids = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let place = format!("line {number}, relation {}", i + 1);
        let fail = |problem: String| format!("{place}: {problem}");
        let Value::Object(relation) = item else {
            return Err(fail(format!(
                "expected an object with head_span, child_span and label (or from_id, to_id \
                 and type), found {}",
                json::kind(item)
            )));
        };
        let role = match relation.get("label").or_else(|| relation.get("type")) {
            Some(Value::String(name)) => Role::parse(&lowercase(name.trim())).ok_or_else(|| {
                fail(format!(
                    "unknown relation \"{name}\" (expected source, target or when)"
                ))
            })?,
            _ => {
                return Err(fail(
                    "no relation label (expected source, target or when)".to_owned(),
                ))
            }
        };
        let (head, child) =
            if relation.contains_key("head_span") || relation.contains_key("child_span") {
                (
                    span_end(relation.get("head_span"), "head_span", drafts).map_err(fail)?,
                    span_end(relation.get("child_span"), "child_span", drafts).map_err(fail)?,
                )
            } else if relation.contains_key("from_id") || relation.contains_key("to_id") {
                let end = |name: &str| {
                    id_of(relation.get(name))
                        .map_err(|e| format!("\"{name}\": {e}"))?
                        .ok_or_else(|| format!("no \"{name}\""))
                };
                (end("from_id").map_err(fail)?, end("to_id").map_err(fail)?)
            } else {
                return Err(fail(
                    "no ends: expected head_span and child_span (Prodigy) or from_id and to_id \
                 (doccano); token indices alone cannot be matched to spans"
                        .to_owned(),
                ));
            };
        let label = |id: &str| labels.get(id).copied().flatten();
        let (claim, other) =
            if label(&head) != Some(Label::Claim) && label(&child) == Some(Label::Claim) {
                (child, head)
            } else {
                (head, child)
            };
        ids.push(id_of(relation.get("id")).map_err(fail)?);
        read.push(DraftRelation {
            id: String::new(),
            claim,
            other,
            role,
            created: String::new(),
            place,
        });
    }
    Ok(read
        .into_iter()
        .zip(fill_ids(&mut ids, "relation"))
        .map(|(relation, id)| DraftRelation { id, ..relation })
        .collect())
}
