//! What a document holds besides its text: placed annotations, orphans and the links between
//! claims and their actors and dates. Files, storage, imports and merges all move these three
//! together, so they travel as one value.

use super::annotation::{Annotation, Relation};

/// A document's annotations, orphans and relations, owned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Annotations with a place in the text.
    pub annotations: Vec<Annotation>,
    /// Annotations whose text was not found after an import; their span is where they were.
    pub orphans: Vec<Annotation>,
    /// Links from claims to their actors and dates.
    pub relations: Vec<Relation>,
}

impl Annotations {
    pub fn content(&self) -> Content<'_> {
        Content {
            annotations: &self.annotations,
            orphans: &self.orphans,
            relations: &self.relations,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.orphans.is_empty() && self.relations.is_empty()
    }
}

/// The same three, borrowed: what exports and saves read.
#[derive(Clone, Copy, Debug)]
pub struct Content<'a> {
    pub annotations: &'a [Annotation],
    pub orphans: &'a [Annotation],
    pub relations: &'a [Relation],
}

impl Content<'_> {
    pub fn owned(self) -> Annotations {
        Annotations {
            annotations: self.annotations.to_vec(),
            orphans: self.orphans.to_vec(),
            relations: self.relations.to_vec(),
        }
    }
}
