//! Labels and the annotation record the store keeps.

use super::dates::{self, CalendarDate, DateValue};
use super::span::CharSpan;
use super::text::TextIndex;
use crate::model::case::lowercase_each;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How many code points of text before and after a span are kept as its context, so that a
/// span can be found again if the text changes (the Hypothesis client keeps about 32 too).
pub const CONTEXT_CHARS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Actor,
    Claim,
    Date,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Actor, Label::Claim, Label::Date];

    /// The lowercase name used in files and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Actor => "actor",
            Label::Claim => "claim",
            Label::Date => "date",
        }
    }

    /// The capitalised name shown on buttons.
    pub fn title(self) -> &'static str {
        match self {
            Label::Actor => "Actor",
            Label::Claim => "Claim",
            Label::Date => "Date",
        }
    }

    /// The two keys that apply the label: a digit and a mnemonic letter.
    pub fn keys(self) -> (char, char) {
        match self {
            Label::Actor => ('1', 'a'),
            Label::Claim => ('2', 'c'),
            Label::Date => ('3', 'd'),
        }
    }

    pub fn from_key(key: &str) -> Option<Label> {
        let mut chars = key.chars();
        let ch = chars.next()?.to_ascii_lowercase();
        if chars.next().is_some() {
            return None;
        }
        Label::ALL
            .into_iter()
            .find(|label| label.keys().0 == ch || label.keys().1 == ch)
    }

    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|label| label.as_str() == name)
    }
}

/// "2 actor, 1 claim, 0 date": annotations per label, in [`Label::ALL`] order.
pub fn describe_counts(counts: [usize; 3], separator: &str) -> String {
    Label::ALL
        .iter()
        .zip(counts)
        .map(|(label, n)| format!("{n} {label}"))
        .collect::<Vec<_>>()
        .join(separator)
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One labelled span. The quote and context are derived from the text when the span is set,
/// and travel with the annotation so that an export can be checked without this app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub id: String,
    pub label: Label,
    pub span: CharSpan,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub note: String,
    /// RFC 3339 times, supplied by the caller (the model never reads a clock).
    pub created: String,
    pub updated: String,
    /// For actors: the canonical name of the entity this mention refers to ("Russian
    /// Ministry of Foreign Affairs" for "the MFA" and "the Ministry").
    pub entity: Option<String>,
    /// For dates: a normalised value the user set by hand, replacing the computed one.
    pub date_value: Option<String>,
    /// Who made it (the name the person gave the app, or the one a file named); empty when
    /// unknown.
    pub annotator: String,
}

/// How a claim is linked to another annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The actor who made the claim (speaker).
    Source,
    /// An actor the claim is about.
    Target,
    /// The date the claim was made.
    When,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Target => "target",
            Role::When => "when",
        }
    }

    /// The label the linked annotation must have.
    pub fn label(self) -> Label {
        match self {
            Role::Source | Role::Target => Label::Actor,
            Role::When => Label::Date,
        }
    }

    pub fn parse(name: &str) -> Option<Role> {
        [Role::Source, Role::Target, Role::When]
            .into_iter()
            .find(|r| r.as_str() == name)
    }
}

/// A link from a claim to its actor or date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub id: String,
    /// The claim's annotation id.
    pub claim: String,
    /// The actor's or date's annotation id.
    pub other: String,
    pub role: Role,
    pub created: String,
}

/// A stable id for an entity, from its canonical name ("Russian MFA" → `russian-mfa`).
pub fn entity_id(name: &str) -> String {
    let mut id = String::new();
    for ch in lowercase_each(name.trim()).chars() {
        if ch.is_alphanumeric() {
            id.push(ch);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

impl Annotation {
    pub fn new(index: &TextIndex, id: String, label: Label, span: CharSpan, now: &str) -> Self {
        let mut annotation = Annotation {
            id,
            label,
            span,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            note: String::new(),
            created: now.to_owned(),
            updated: now.to_owned(),
            entity: None,
            date_value: None,
            annotator: String::new(),
        };
        annotation.set_span(index, span);
        annotation
    }

    /// Moves the annotation and refreshes its quote and context from the text.
    pub fn set_span(&mut self, index: &TextIndex, span: CharSpan) {
        self.span = span;
        self.quote = index.slice(span.start, span.end).to_owned();
        self.prefix = index
            .slice(span.start.saturating_sub(CONTEXT_CHARS), span.start)
            .to_owned();
        self.suffix = index.slice(span.end, span.end + CONTEXT_CHARS).to_owned();
    }

    /// A date's value: the one set by hand, else the computed one
    /// ([`Annotation::computed_date_value`]). `None` when neither is known.
    pub fn date_value(&self, published: Option<CalendarDate>) -> Option<DateValue> {
        match &self.date_value {
            Some(value) => Some(DateValue {
                value: value.clone(),
                modifier: None,
                basis: None,
            }),
            None => self.computed_date_value(published),
        }
    }

    /// The value computed from the quote and the sentence around it (its context, which
    /// travels with the annotation, so every view and export reads the same words): relative
    /// phrases count from the publication date, and a date without a year is the next one
    /// when the sentence speaks of the future, else the latest one.
    pub fn computed_date_value(&self, published: Option<CalendarDate>) -> Option<DateValue> {
        dates::normalize_in_context(&self.quote, &self.prefix, &self.suffix, published)
    }

    /// Document order: by start, then longer first (outer before inner), then label and id so
    /// the order is total and stable.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, Label, &str) {
        (
            self.span.start.0,
            std::cmp::Reverse(self.span.end.0),
            self.label,
            &self.id,
        )
    }
}
