//! W3C Web Annotation Data Model (JSON-LD).
//!
//! Export writes an `AnnotationCollection` whose embedded first page holds every annotation,
//! each a complete Web Annotation (with its own `@context`, so it stands alone):
//!
//! - `id`: `urn:text-annotator:<document id>:annotation:<annotation id>`, both ids
//!   percent-encoded (everything but `A-Z a-z 0-9 - . _ ~`), so any id gives a valid URI and
//!   reading the IRI back gives the original id.
//! - `motivation: "tagging"`, `created` and `modified` (only when they are RFC 3339 times).
//! - `body`: the label as a `TextualBody` with `purpose: "tagging"` (`actor`, `claim`,
//!   `date`); an actor's entity name, or a date's hand-set value (ISO 8601 / TIMEX3), as a
//!   `TextualBody` with `purpose: "identifying"` — what the mention refers to, read by the
//!   label; the note as a `TextualBody` with `purpose: "commenting"`.
//! - `target`: a `SpecificResource` on the document (its source URL, else
//!   `urn:text-annotator:<document id>`) with a `TextQuoteSelector` (exact, prefix, suffix)
//!   and a `TextPositionSelector` (code points, end-exclusive). Orphans have the quote
//!   selector only: their old offsets point at text that no longer holds them.
//!
//! Each link is an annotation of its own, `urn:text-annotator:<document id>:link:<id>`, with
//! `motivation: "linking"`, the claim's IRI as target, and as bodies the linked annotation's
//! IRI and a `TextualBody` with `purpose: "tagging"` naming the role (`source`, `target`,
//! `when`).
//!
//! Import reads that, and Web Annotations from other tools: a collection with embedded pages,
//! a page, one annotation or a list of them; targets and selectors as one object or a list;
//! bodies as one object, a list or `bodyValue`; labels and roles in any case.
use super::{json, Carries, Draft, DraftRelation, Foreign};
use crate::model::annotation::{Annotation, Label, Relation, Role};
use crate::model::content::Content;
use crate::model::document::Document;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use serde_json::{Map, Value};

pub const CARRIES: Carries = Carries {
    notes: true,
    links: true,
    entities: true,
    date_values: true,
    orphans: true,
};

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const IRI_PREFIX: &str = "urn:text-annotator:";
const ANNOTATION_KIND: &str = "annotation";
const LINK_KIND: &str = "link";

// ---------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    body: Vec<Body>,
    target: Target,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body {
    Iri(String),
    Text(TextualBody),
}

#[derive(Serialize)]
struct TextualBody {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
}

impl Body {
    fn text(purpose: &'static str, value: &str) -> Body {
        Body::Text(TextualBody {
            kind: "TextualBody",
            purpose,
            value: value.to_owned(),
        })
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum Target {
    Iri(String),
    Specific(SpecificTarget),
}

#[derive(Serialize)]
struct SpecificTarget {
    #[serde(rename = "type")]
    kind: &'static str,
    source: String,
    selector: Vec<SelectorOut>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum SelectorOut {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        prefix: String,
        #[serde(skip_serializing_if = "String::is_empty")]
        suffix: String,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}

/// An `AnnotationCollection` with its first page embedding every annotation.
pub fn export(doc: &Document, content: Content) -> String {
    let doc_iri = document_iri(&doc.id);
    let source = doc
        .source_url
        .as_deref()
        .and_then(usable_uri)
        .unwrap_or_else(|| doc_iri.clone());
    let mut items: Vec<Item> = Vec::new();
    for a in content.annotations {
        items.push(annotation_item(&doc.id, &source, a, true));
    }
    for a in content.orphans {
        items.push(annotation_item(&doc.id, &source, a, false));
    }
    for r in content.relations {
        items.push(link_item(&doc.id, r));
    }
    let collection = Collection {
        context: CONTEXT,
        id: format!("{doc_iri}:annotations"),
        kind: "AnnotationCollection",
        label: &doc.title,
        total: items.len(),
        first: Page {
            id: format!("{doc_iri}:annotations:page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    serde_json::to_string_pretty(&collection).expect("W3C annotation collections always serialise")
}

fn annotation_item(doc_id: &str, source: &str, a: &Annotation, placed: bool) -> Item {
    let mut body = vec![Body::text("tagging", a.label.as_str())];
    let identity = match a.label {
        Label::Actor => a.entity.as_deref(),
        Label::Date => a.date_value.as_deref(),
        Label::Claim => None,
    };
    if let Some(value) = identity {
        body.push(Body::text("identifying", value));
    }
    if !a.note.is_empty() {
        body.push(Body::text("commenting", &a.note));
    }
    let mut selector = vec![SelectorOut::Quote {
        kind: "TextQuoteSelector",
        exact: a.quote.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
    }];
    if placed {
        selector.push(SelectorOut::Position {
            kind: "TextPositionSelector",
            start: a.span.start.0,
            end: a.span.end.0,
        });
    }
    Item {
        context: CONTEXT,
        id: item_iri(doc_id, ANNOTATION_KIND, &a.id),
        kind: "Annotation",
        motivation: "tagging",
        created: date_time(&a.created),
        modified: date_time(&a.updated),
        body,
        target: Target::Specific(SpecificTarget {
            kind: "SpecificResource",
            source: source.to_owned(),
            selector,
        }),
    }
}

fn link_item(doc_id: &str, r: &Relation) -> Item {
    Item {
        context: CONTEXT,
        id: item_iri(doc_id, LINK_KIND, &r.id),
        kind: "Annotation",
        motivation: "linking",
        created: date_time(&r.created),
        modified: None,
        body: vec![
            Body::Iri(item_iri(doc_id, ANNOTATION_KIND, &r.other)),
            Body::text("tagging", r.role.as_str()),
        ],
        target: Target::Iri(item_iri(doc_id, ANNOTATION_KIND, &r.claim)),
    }
}

/// The time when it is an RFC 3339 date-time (what the schemas' `date-time` format takes);
/// anything else is left out rather than written as an invalid annotation.
fn date_time(value: &str) -> Option<String> {
    let parsed = chrono::DateTime::parse_from_rfc3339(value).ok()?;
    // chrono reads a leap second ":60" anywhere; JSON Schema only at 23:59:60 UTC.
    (parsed.timestamp_subsec_nanos() < 1_000_000_000).then(|| value.to_owned())
}

fn document_iri(doc_id: &str) -> String {
    format!("{IRI_PREFIX}{}", percent_encode(doc_id))
}

fn item_iri(doc_id: &str, kind: &str, id: &str) -> String {
    format!("{}:{kind}:{}", document_iri(doc_id), percent_encode(id))
}

/// The id an IRI stands for: ours give back the id they were made from (whatever document
/// they were made for), any other IRI is its own id.
fn local_id(iri: &str, kind: &str) -> String {
    let ours = iri.strip_prefix(IRI_PREFIX).and_then(|rest| {
        let mut parts = rest.split(':');
        let (_doc, found_kind, id) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || found_kind != kind {
            return None;
        }
        percent_decode(id)
    });
    ours.unwrap_or_else(|| iri.to_owned())
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// What an id may hold unescaped in our IRIs: RFC 3986's unreserved characters.
const ID_ESCAPES: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn percent_encode(text: &str) -> String {
    utf8_percent_encode(text, ID_ESCAPES).to_string()
}

fn percent_decode(text: &str) -> Option<String> {
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

/// The document's source URL as a URI the schemas accept: as given when it is one, with
/// characters a URI cannot hold (spaces, non-ASCII) percent-encoded otherwise, and `None`
/// when even that is no absolute URI.
fn usable_uri(url: &str) -> Option<String> {
    let url = url.trim();
    if is_uri(url) {
        return Some(url.to_owned());
    }
    let mut encoded = String::with_capacity(url.len());
    let bytes = url.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        let escape = byte == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        if is_unreserved(byte) || is_sub_delim(byte) || b":/?#@".contains(&byte) || escape {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    is_uri(&encoded).then_some(encoded)
}

fn is_sub_delim(byte: u8) -> bool {
    b"!$&'()*+,;=".contains(&byte)
}

/// Characters, escapes included, all of which `allowed` accepts.
fn all_chars(text: &str, allowed: impl Fn(u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex_ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !hex_ok {
                return false;
            }
            i += 3;
        } else if allowed(byte) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

fn is_pchar(byte: u8) -> bool {
    is_unreserved(byte) || is_sub_delim(byte) || byte == b':' || byte == b'@'
}

/// An absolute URI by RFC 3986 with a non-empty hierarchical part (IP-literal hosts are not
/// accepted): a subset of what JSON Schema's `uri` format takes.
fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.bytes();
    let scheme_ok = scheme_chars.next().is_some_and(|b| b.is_ascii_alphabetic())
        && scheme_chars.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    if !scheme_ok {
        return false;
    }
    let (rest, fragment) = match rest.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (rest, None),
    };
    let (hier, query) = match rest.split_once('?') {
        Some((hier, query)) => (hier, Some(query)),
        None => (rest, None),
    };
    let tail_ok = |part: Option<&str>| {
        part.is_none_or(|p| all_chars(p, |b| is_pchar(b) || b == b'/' || b == b'?'))
    };
    if !tail_ok(query) || !tail_ok(fragment) || hier.is_empty() {
        return false;
    }
    let path_ok = |path: &str| all_chars(path, |b| is_pchar(b) || b == b'/');
    let Some(after) = hier.strip_prefix("//") else {
        // path-absolute ("/a/b") or path-rootless ("a:b/c"): both start with a segment.
        return path_ok(hier);
    };
    let (authority, path) = match after.find('/') {
        Some(at) => after.split_at(at),
        None => (after, ""),
    };
    let host_port = match authority.rsplit_once('@') {
        Some((user, host_port)) => {
            if !all_chars(user, |b| is_unreserved(b) || is_sub_delim(b) || b == b':') {
                return false;
            }
            host_port
        }
        None => authority,
    };
    let (host, port) = host_port.rsplit_once(':').unwrap_or((host_port, ""));
    all_chars(host, |b| is_unreserved(b) || is_sub_delim(b))
        && port.bytes().all(|b| b.is_ascii_digit())
        && path_ok(path)
}

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

/// True when a parsed JSON value looks like W3C annotations (so the importer picks this adapter).
pub fn looks_like(value: &serde_json::Value) -> bool {
    match value {
        Value::Object(object) => {
            let context = match object.get("@context") {
                Some(Value::String(c)) => c.contains("w3.org/ns/anno.jsonld"),
                Some(Value::Array(list)) => list.iter().any(|c| {
                    c.as_str()
                        .is_some_and(|c| c.contains("w3.org/ns/anno.jsonld"))
                }),
                _ => false,
            };
            context
                || ["Annotation", "AnnotationPage", "AnnotationCollection"]
                    .iter()
                    .any(|kind| has_type(object, kind))
        }
        Value::Array(list) => list
            .first()
            .is_some_and(|first| first.as_object().is_some_and(|o| has_type(o, "Annotation"))),
        _ => false,
    }
}

pub fn parse(json: &str) -> Result<Foreign, String> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| format!("the file is not valid JSON: {e}"))?;
    let items = items_of(&value)?;
    if items.is_empty() {
        return Err("the file holds no annotations".to_owned());
    }
    let mut foreign = Foreign::default();
    for (i, item) in items.into_iter().enumerate() {
        let number = i + 1;
        let Some(object) = item.as_object() else {
            return Err(format!("annotation {number}: is not a JSON object"));
        };
        let iri = match object.get("id").map(single) {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(id.as_str()),
            Some(other) => {
                return Err(format!(
                    "annotation {number}: its id must be a string, not {}",
                    shown(other)
                ))
            }
        };
        let place = match iri {
            Some(iri) => format!("annotation {number} ({iri})"),
            None => format!("annotation {number} (no id)"),
        };
        if !has_type(object, "Annotation") && object.contains_key("type") {
            return Err(format!(
                "{place}: its type is {}, not Annotation",
                shown(object.get("type").unwrap_or(&Value::Null))
            ));
        }
        let record = Record {
            object,
            number,
            iri,
            place,
        };
        if strings_of(object.get("motivation"))
            .iter()
            .any(|m| m == "linking")
        {
            foreign.relations.push(record.relation()?);
        } else {
            foreign.drafts.push(record.draft()?);
        }
    }
    Ok(foreign)
}

/// The annotations of a file, in order: from a collection's embedded pages, a page, a single
/// annotation or a list of annotations.
fn items_of(value: &Value) -> Result<Vec<&Value>, String> {
    let object = match value {
        Value::Array(list) => return Ok(list.iter().collect()),
        Value::Object(object) => object,
        _ => {
            return Err(
                "expected a W3C Annotation, AnnotationPage or AnnotationCollection (a JSON \
                 object) or a list of Annotations"
                    .to_owned(),
            )
        }
    };
    let first_page = if has_type(object, "AnnotationCollection") {
        match object.get("first") {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(Value::Object(page)) => page,
            Some(Value::String(url)) => {
                return Err(format!(
                    "the collection's first page is only linked ({url}), not embedded; \
                     export the annotations with their pages embedded"
                ))
            }
            Some(other) => {
                return Err(format!(
                    "the collection's \"first\" must be a page, not {}",
                    shown(other)
                ))
            }
        }
    } else if has_type(object, "AnnotationPage") {
        object
    } else if has_type(object, "Annotation") || object.contains_key("target") {
        return Ok(vec![value]);
    } else {
        return Err(
            "not W3C Web Annotations: expected an Annotation, AnnotationPage or \
             AnnotationCollection"
                .to_owned(),
        );
    };
    let mut items = Vec::new();
    let mut page = first_page;
    let mut page_number = 1;
    loop {
        match page.get("items") {
            Some(Value::Array(list)) => items.extend(list.iter()),
            None | Some(Value::Null) => {}
            Some(other) => {
                return Err(format!(
                    "page {page_number}: \"items\" must be a list, not {}",
                    shown(other)
                ))
            }
        }
        match page.get("next") {
            None | Some(Value::Null) => break,
            Some(Value::Object(next)) => page = next,
            Some(Value::String(url)) => {
                return Err(format!(
                    "page {page_number} only links its next page ({url}) instead of embedding \
                     it; export the annotations with their pages embedded"
                ))
            }
            Some(other) => {
                return Err(format!(
                    "page {page_number}: \"next\" must be a page, not {}",
                    shown(other)
                ))
            }
        }
        page_number += 1;
    }
    Ok(items)
}

/// One annotation of the file, with what its messages name it by.
struct Record<'a> {
    object: &'a Map<String, Value>,
    number: usize,
    iri: Option<&'a str>,
    place: String,
}

/// A body, reduced to what import reads.
struct BodyIn<'a> {
    value: Option<&'a str>,
    iri: Option<&'a str>,
    /// Lowercase, without an `oa:` prefix; the annotation's motivation when it has none.
    purposes: Vec<String>,
}

impl BodyIn<'_> {
    fn has_purpose(&self, purpose: &str) -> bool {
        self.purposes.iter().any(|p| p == purpose)
    }
}

impl<'a> Record<'a> {
    fn fail(&self, problem: impl std::fmt::Display) -> String {
        format!("{}: {problem}", self.place)
    }

    fn bodies(&self) -> Vec<BodyIn<'a>> {
        let motivations = strings_of(self.object.get("motivation"));
        let default_purposes = if motivations.len() == 1 {
            motivations
        } else {
            Vec::new()
        };
        let mut out = Vec::new();
        let mut read = |body: &'a Value| match body {
            Value::String(iri) => out.push(BodyIn {
                value: None,
                iri: Some(iri),
                purposes: default_purposes.clone(),
            }),
            Value::Object(object) => {
                let purposes = strings_of(object.get("purpose"));
                out.push(BodyIn {
                    value: object.get("value").and_then(Value::as_str),
                    iri: object.get("id").and_then(Value::as_str),
                    purposes: if purposes.is_empty() {
                        default_purposes.clone()
                    } else {
                        purposes
                    },
                })
            }
            _ => {}
        };
        if let Some(body) = self.object.get("body") {
            list_of(body).into_iter().for_each(&mut read);
        }
        // The `bodyValue` shortcut: a textual body without a purpose of its own.
        let shortcut = self
            .object
            .get("bodyValue")
            .map(list_of)
            .unwrap_or_default();
        for text in shortcut.into_iter().filter_map(Value::as_str) {
            out.push(BodyIn {
                value: Some(text),
                iri: None,
                purposes: default_purposes.clone(),
            });
        }
        out
    }

    /// The one tag among the bodies that `parse_tag` knows: tagging bodies first, else bodies
    /// without a purpose.
    fn tag<T: PartialEq + Copy>(
        &self,
        bodies: &[BodyIn],
        parse_tag: impl Fn(&str) -> Option<T>,
        expected: &str,
    ) -> Result<T, String> {
        let mut values: Vec<&str> = bodies
            .iter()
            .filter(|b| b.has_purpose("tagging"))
            .filter_map(|b| b.value)
            .collect();
        if values.is_empty() {
            values = bodies
                .iter()
                .filter(|b| b.purposes.is_empty())
                .filter_map(|b| b.value)
                .filter(|v| parse_tag(&v.trim().to_lowercase()).is_some())
                .collect();
        }
        let mut found: Vec<T> = Vec::new();
        for value in &values {
            if let Some(tag) = parse_tag(&value.trim().to_lowercase()) {
                if !found.contains(&tag) {
                    found.push(tag);
                }
            }
        }
        let listed = || {
            values
                .iter()
                .map(|v| format!("\"{}\"", crate::model::text::shorten(v, 30)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match found.as_slice() {
            [one] => Ok(*one),
            [] if values.is_empty() => Err(self.fail(format!("no tagging body with {expected}"))),
            [] => Err(self.fail(format!(
                "no tagging body with {expected} (found {})",
                listed()
            ))),
            _ => Err(self.fail(format!(
                "tagged with more than one of {expected} ({})",
                listed()
            ))),
        }
    }

    fn time(&self, key: &str) -> String {
        match self.object.get(key).map(single) {
            Some(Value::String(time)) => time.clone(),
            _ => String::new(),
        }
    }

    fn draft(&self) -> Result<Draft, String> {
        let bodies = self.bodies();
        let label = self.tag(&bodies, Label::parse, "actor, claim or date")?;
        let identifying = bodies
            .iter()
            .filter(|b| b.has_purpose("identifying"))
            .find_map(|b| b.value)
            .map(str::to_owned);
        // A text body with no purpose (Hypothesis writes the comment that way) is a note too,
        // unless it is the label itself.
        let note = bodies
            .iter()
            .filter(|b| {
                b.has_purpose("commenting")
                    || (b.purposes.is_empty()
                        && b.value
                            .is_some_and(|v| Label::parse(&v.trim().to_lowercase()).is_none()))
            })
            .filter_map(|b| b.value)
            .collect::<Vec<_>>()
            .join("\n\n");
        let target = self
            .object
            .get("target")
            .filter(|t| !t.is_null())
            .ok_or_else(|| self.fail("has no target"))?;
        let selection = self.selection(target)?;
        Ok(Draft {
            id: match self.iri {
                Some(iri) => local_id(iri, ANNOTATION_KIND),
                None => format!("w3c-annotation-{}", self.number),
            },
            label: Some(label),
            start: selection.position.map(|(start, _)| start),
            end: selection.position.map(|(_, end)| end),
            quote: selection.quote,
            prefix: selection.prefix,
            suffix: selection.suffix,
            note,
            created: self.time("created"),
            updated: self.time("modified"),
            entity: identifying.clone().filter(|_| label == Label::Actor),
            date_value: identifying.filter(|_| label == Label::Date),
            orphan: false,
            place: self.place.clone(),
        })
    }

    /// The first target with a text quote or position selector.
    fn selection(&self, target: &Value) -> Result<Selection, String> {
        for resource in list_of(target) {
            let Some(resource) = resource.as_object() else {
                continue;
            };
            let mut selection = Selection::default();
            for selector in resource.get("selector").map(list_of).unwrap_or_default() {
                let Some(selector) = selector.as_object() else {
                    continue;
                };
                if has_type(selector, "TextQuoteSelector") && selection.quote.is_none() {
                    let text = |key: &str| {
                        json::string(selector.get(key), key)
                            .map_err(|e| self.fail(format!("the TextQuoteSelector's {e}")))
                    };
                    selection.quote =
                        Some(text("exact")?.ok_or_else(|| {
                            self.fail("its TextQuoteSelector has no \"exact\" text")
                        })?);
                    selection.prefix = text("prefix")?;
                    selection.suffix = text("suffix")?;
                } else if has_type(selector, "TextPositionSelector") && selection.position.is_none()
                {
                    let offset = |key: &str| -> Result<usize, String> {
                        json::offset(selector.get(key), key)
                            .and_then(|n| {
                                n.ok_or_else(|| {
                                    format!("\"{key}\" must be a whole number ≥ 0, not missing")
                                })
                            })
                            .map_err(|e| self.fail(format!("the TextPositionSelector's {e}")))
                    };
                    selection.position = Some((offset("start")?, offset("end")?));
                }
            }
            if selection.quote.is_some() || selection.position.is_some() {
                return Ok(selection);
            }
        }
        Err(self.fail(
            "its target has no TextQuoteSelector or TextPositionSelector to find the text by",
        ))
    }

    fn relation(&self) -> Result<DraftRelation, String> {
        let bodies = self.bodies();
        let role = self.tag(&bodies, Role::parse, "source, target or when")?;
        let other = bodies
            .iter()
            .filter(|b| b.value.is_none())
            .find_map(|b| b.iri)
            .ok_or_else(|| {
                self.fail("a linking annotation needs a body naming the linked annotation")
            })?;
        let claim = self
            .object
            .get("target")
            .map(list_of)
            .unwrap_or_default()
            .into_iter()
            .find_map(|target| match target {
                Value::String(iri) => Some(iri.as_str()),
                Value::Object(object) => object.get("id").and_then(Value::as_str).or_else(|| {
                    match object.get("source") {
                        Some(Value::String(iri)) => Some(iri.as_str()),
                        Some(Value::Object(source)) => source.get("id").and_then(Value::as_str),
                        _ => None,
                    }
                }),
                _ => None,
            })
            .ok_or_else(|| self.fail("has no target (the claim it links)"))?;
        Ok(DraftRelation {
            id: match self.iri {
                Some(iri) => local_id(iri, LINK_KIND),
                None => format!("w3c-link-{}", self.number),
            },
            claim: local_id(claim, ANNOTATION_KIND),
            other: local_id(other, ANNOTATION_KIND),
            role,
            created: self.time("created"),
            place: self.place.clone(),
        })
    }
}

#[derive(Default)]
struct Selection {
    quote: Option<String>,
    prefix: Option<String>,
    suffix: Option<String>,
    position: Option<(usize, usize)>,
}

/// A value given as one item or a list of them.
fn list_of(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(list) => list.iter().collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    }
}

/// A list of exactly one value stands for that value.
fn single(value: &Value) -> &Value {
    match value {
        Value::Array(list) if list.len() == 1 => list.first().unwrap_or(value),
        other => other,
    }
}

/// Names (types, motivations, purposes) as lowercase strings without an `oa:` prefix.
fn strings_of(value: Option<&Value>) -> Vec<String> {
    value
        .map(list_of)
        .unwrap_or_default()
        .into_iter()
        .filter_map(Value::as_str)
        .map(|s| {
            let s = s.trim();
            s.strip_prefix("oa:").unwrap_or(s).to_lowercase()
        })
        .collect()
}

fn has_type(object: &Map<String, Value>, kind: &str) -> bool {
    let kind = kind.to_lowercase();
    strings_of(object.get("type")).contains(&kind)
}

fn shown(value: &Value) -> String {
    crate::model::text::shorten(&value.to_string(), 40)
}
