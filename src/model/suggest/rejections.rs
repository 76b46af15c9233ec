//! A document's rejected suggestions: what the person said no to is not suggested there again
//! unless asked (`Options::show_rejected`). Kept by the UI as one record per document.

use crate::model::annotation::Label;
use crate::model::case::lowercase;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One rejected suggestion: its label and its text, folded ([`fold_quote`]).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rejected {
    #[serde(rename = "l")]
    pub label: Label,
    #[serde(rename = "q")]
    pub text: String,
}

/// A document's rejected suggestions: a suggestion with the same label and the same text
/// (folded) is not suggested again in it unless asked. Serialises as a list of
/// `{"l":"actor","q":"sergey lavrov"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rejections(BTreeSet<Rejected>);

/// A quote as rejections compare it: lower case, runs of whitespace as one space, trimmed,
/// `’` as `'`.
pub fn fold_quote(quote: &str) -> String {
    let lower = lowercase(quote).replace('’', "'");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Rejections {
    pub fn new() -> Self {
        Rejections::default()
    }

    pub fn reject(&mut self, label: Label, quote: &str) {
        self.0.insert(Rejected {
            label,
            text: fold_quote(quote),
        });
    }

    /// Takes a rejection back; true when there was one.
    pub fn restore(&mut self, label: Label, quote: &str) -> bool {
        self.0.remove(&Rejected {
            label,
            text: fold_quote(quote),
        })
    }

    pub fn is_rejected(&self, label: Label, quote: &str) -> bool {
        self.0.contains(&Rejected {
            label,
            text: fold_quote(quote),
        })
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Rejected> {
        self.0.iter()
    }
}
