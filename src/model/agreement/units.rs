//! The units κ and α are computed over: every word token of the text, once per label.
//!
//! Tokens are [`TextIndex::word_spans`]: UAX #29 words (letters or digits), with an English
//! clitic ("’s") a token of its own; whitespace and punctuation are not units. For a label L,
//! a token's value in a layer is 1 when the token shares at least one code point with an
//! annotation of label L in that layer, else 0: one binary nominal variable per label. The
//! **overall** variable gives each token the *set* of labels that cover it in the layer
//! (none, actor, claim, actor+claim, …), as one nominal value: a token in an actor inside a
//! claim agrees only with another "actor+claim". Every layer is taken to cover the whole
//! text, so these units have no missing values; orphans are left out.

use super::Layer;
use crate::model::annotation::Label;
use crate::model::span::CharSpan;
use crate::model::text::TextIndex;

/// The labels covering one token in one layer, as a small set (bit `1 << label index`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelSet(pub u8);

impl LabelSet {
    pub fn contains(self, label: Label) -> bool {
        self.0 & bit(label) != 0
    }

    /// "actor+claim"; "" for the empty set.
    pub fn name(self) -> String {
        Label::ALL
            .into_iter()
            .filter(|&l| self.contains(l))
            .map(Label::as_str)
            .collect::<Vec<_>>()
            .join("+")
    }
}

fn bit(label: Label) -> u8 {
    1 << Label::ALL.iter().position(|&l| l == label).unwrap_or(0)
}

/// Each layer's label set for each token: `sets[layer][token]`, with the tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenUnits {
    pub tokens: Vec<CharSpan>,
    pub sets: Vec<Vec<LabelSet>>,
}

impl TokenUnits {
    /// The units of every layer over the text's word tokens.
    pub fn new(index: &TextIndex, layers: &[Layer<'_>]) -> Self {
        let tokens = index.word_spans();
        let sets = layers
            .iter()
            .map(|layer| {
                let mut sets = vec![LabelSet::default(); tokens.len()];
                for ann in layer.content.annotations {
                    let first = tokens.partition_point(|t| t.end <= ann.span.start);
                    for (t, token) in tokens.iter().enumerate().skip(first) {
                        if token.start >= ann.span.end {
                            break;
                        }
                        sets[t].0 |= bit(ann.label);
                    }
                }
                sets
            })
            .collect();
        TokenUnits { tokens, sets }
    }

    /// Reliability data for one label (`data[layer][token]`, 1 inside, 0 outside), or for the
    /// overall variable (`None`: the label set's bits as the value).
    pub fn data(&self, label: Option<Label>) -> Vec<Vec<Option<u8>>> {
        self.data_of(&(0..self.sets.len()).collect::<Vec<_>>(), label)
    }

    /// [`TokenUnits::data`] of some layers only, in the order given.
    pub fn data_of(&self, layers: &[usize], label: Option<Label>) -> Vec<Vec<Option<u8>>> {
        layers
            .iter()
            .map(|&layer| &self.sets[layer])
            .map(|row| {
                row.iter()
                    .map(|set| {
                        Some(match label {
                            Some(l) => u8::from(set.contains(l)),
                            None => set.0,
                        })
                    })
                    .collect()
            })
            .collect()
    }

    /// The pairs of values of layers `a` and `b`, token by token, for Cohen's κ.
    pub fn pairs(&self, a: usize, b: usize, label: Option<Label>) -> Vec<(u8, u8)> {
        let value = |set: LabelSet| match label {
            Some(l) => u8::from(set.contains(l)),
            None => set.0,
        };
        self.sets[a]
            .iter()
            .zip(&self.sets[b])
            .map(|(&x, &y)| (value(x), value(y)))
            .collect()
    }
}
