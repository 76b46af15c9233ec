//! What the library already knows about actors: every actor annotation's text (with the entity
//! name set on it, if any) and every entity name, found again in a new text.
//!
//! Names are matched as whole words, case-sensitively, longest first, never overlapping. The
//! text is read once: each word is looked up by its text in a hash of the names' first words,
//! and only the names starting with that word are compared, so the cost grows with the text,
//! not with the number of names (a 1 MB text against thousands of names takes milliseconds).
//!
//! Names that would mostly find noise are not kept: one word with no capital letter or digit
//! ("he", "officials", "the ministry" is kept as it has two words).

use super::super::annotation::{Annotation, Label};
use super::super::span::CharSpan;
use super::super::text::TextIndex;
use super::reading::Reading;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One known name: an actor's text or an entity name, with the entity it names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownName {
    /// The name as written.
    #[serde(rename = "t")]
    pub text: String,
    /// The entity name (what `Annotation::entity` holds) it was given, if any.
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// The names the library knows. Serialises as its list of names (`{"n":[{"t":…,"e":…}]}`), so
/// the page can build it once and send it to a worker; the lookup is rebuilt on reading.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "KnowledgeNames", into = "KnowledgeNames")]
pub struct Knowledge {
    names: Vec<KnownName>,
    /// Each name's text → its place in `names`.
    at: HashMap<String, usize>,
    /// First word → (word count, index in `names`), longest first.
    by_first_word: HashMap<String, Vec<(usize, usize)>>,
}

#[derive(Serialize, Deserialize)]
struct KnowledgeNames {
    #[serde(rename = "n")]
    names: Vec<KnownName>,
}

impl From<KnowledgeNames> for Knowledge {
    fn from(value: KnowledgeNames) -> Self {
        let mut knowledge = Knowledge::default();
        for name in value.names {
            knowledge.add_name(&name.text, name.entity.as_deref());
        }
        knowledge
    }
}

impl From<Knowledge> for KnowledgeNames {
    fn from(value: Knowledge) -> Self {
        KnowledgeNames { names: value.names }
    }
}

/// The words of a name as the text's index segments them (letters or digits only, an English
/// clitic such as "’s" a word of its own).
fn name_words(name: &str) -> Vec<String> {
    let index = TextIndex::new(name);
    index
        .word_spans()
        .into_iter()
        .map(|span| index.slice(span.start, span.end).to_owned())
        .collect()
}

impl Knowledge {
    pub fn new() -> Self {
        Knowledge::default()
    }

    /// Everything the library's actor annotations say: each actor's text with its entity
    /// name, and each entity name itself.
    pub fn from_annotations<'a>(annotations: impl IntoIterator<Item = &'a Annotation>) -> Self {
        let mut knowledge = Knowledge::new();
        for annotation in annotations {
            knowledge.learn(annotation);
        }
        knowledge
    }

    /// Takes in one more accepted annotation (actors only; other labels are ignored).
    pub fn learn(&mut self, annotation: &Annotation) {
        if annotation.label != Label::Actor {
            return;
        }
        let entity = annotation.entity.as_deref();
        self.add_name(&annotation.quote, entity);
        if let Some(entity) = entity {
            self.add_name(entity, Some(entity));
        }
    }

    /// Adds a name (an alias of `entity`, when given). A name already known keeps the first
    /// entity it was given, unless it had none.
    pub fn add_name(&mut self, text: &str, entity: Option<&str>) {
        let text = text.trim();
        let words = name_words(text);
        let Some(first) = words.first() else { return };
        let telling =
            words.len() > 1 || text.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
        if !telling {
            return;
        }
        if let Some(&i) = self.at.get(text) {
            if self.names[i].entity.is_none() {
                self.names[i].entity = entity.map(str::to_owned);
            }
            return;
        }
        let i = self.names.len();
        self.names.push(KnownName {
            text: text.to_owned(),
            entity: entity.map(str::to_owned),
        });
        self.at.insert(text.to_owned(), i);
        let candidates = self.by_first_word.entry(first.clone()).or_default();
        candidates.push((words.len(), i));
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    }

    pub fn names(&self) -> &[KnownName] {
        &self.names
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The entity a name was given, if it is known and has one.
    pub fn entity_of(&self, text: &str) -> Option<&str> {
        self.at
            .get(text)
            .and_then(|&i| self.names[i].entity.as_deref())
    }

    /// Every known name in the text: (span, index of the name), in reading order, longest
    /// first where several start at one word, never overlapping.
    pub(super) fn find(&self, reading: &Reading) -> Vec<(CharSpan, usize)> {
        let mut found = Vec::new();
        if self.names.is_empty() {
            return found;
        }
        let n = reading.len();
        let mut i = 0;
        while i < n {
            let mut matched = None;
            if let Some(candidates) = self.by_first_word.get(reading.word(i)) {
                for &(count, name) in candidates {
                    let last = i + count - 1;
                    if last >= n {
                        continue;
                    }
                    let span = reading.span(i, last);
                    if reading.index.slice(span.start, span.end) == self.names[name].text
                        && !super::runs::in_compound(reading, i, last)
                    {
                        matched = Some((span, name, last));
                        break;
                    }
                }
            }
            match matched {
                Some((span, name, last)) => {
                    found.push((span, name));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        found
    }

    pub(super) fn name(&self, i: usize) -> &KnownName {
        &self.names[i]
    }
}
