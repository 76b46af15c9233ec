//! Import: Web Annotations, ours or other tools', read into a [`Foreign`].

use super::iri::local_id;
use super::{ANNOTATION_KIND, LINK_KIND};
use crate::model::annotation::{Label, Role};
use crate::model::case::lowercase;
use crate::model::formats::plan::check_import_count;
use crate::model::formats::{json, Draft, DraftRelation, Foreign};
use serde_json::{Map, Value};

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
            check_import_count(foreign.drafts.len())?;
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
                .filter(|v| parse_tag(&lowercase(v.trim())).is_some())
                .collect();
        }
        let mut found: Vec<T> = Vec::new();
        for value in &values {
            if let Some(tag) = parse_tag(&lowercase(value.trim())) {
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

    /// The annotator: the creator's name (else its nickname or id), or the creator IRI;
    /// the first when there are several. Empty when there is none.
    fn creator(&self) -> String {
        let Some(first) = self
            .object
            .get("creator")
            .map(list_of)
            .and_then(|l| l.first().copied())
        else {
            return String::new();
        };
        let name = match first {
            Value::String(iri) => Some(iri.as_str()),
            Value::Object(agent) => ["name", "nickname", "id"]
                .iter()
                .find_map(|key| agent.get(*key).map(single).and_then(Value::as_str)),
            _ => None,
        };
        name.unwrap_or_default().trim().to_owned()
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
                            .is_some_and(|v| Label::parse(&lowercase(v.trim())).is_none()))
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
            annotator: self.creator(),
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
            lowercase(s.strip_prefix("oa:").unwrap_or(s))
        })
        .collect()
}

fn has_type(object: &Map<String, Value>, kind: &str) -> bool {
    let kind = lowercase(kind);
    strings_of(object.get("type")).contains(&kind)
}

fn shown(value: &Value) -> String {
    crate::model::text::shorten(&value.to_string(), 40)
}
