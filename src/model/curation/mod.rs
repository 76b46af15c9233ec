//! Curation (issue 16): walking through every place where several annotators' layers of one
//! document disagree, in reading order, and building a *gold* layer from the decisions. The
//! gold is an ordinary document's annotations (the UI keeps it in a
//! [`crate::model::Store`], so every decision is undoable); this module only says what there
//! is to decide ([`items`]), what has been decided ([`status`], [`summary`]) and what a
//! decision changes in the gold ([`apply`], [`initial_gold`]).
//!
//! * **Items.** Every placed annotation of every layer (orphans are not curated) is a member
//!   of exactly one [`Item`]: two annotations are in the same item when they have the same
//!   label and share at least one code point, or when they cover exactly the same code points
//!   (any labels: a label conflict is one item), and so on transitively. An actor nested in a
//!   claim is a separate item from the claim.
//! * **Versions.** Per layer, what it says in an item: its (label, span) pairs, sorted and
//!   deduplicated, and the links of its claims in the item, each as (claim span, role, other
//!   end's label, other end's span), so links compare across layers whose ids differ. An
//!   item is *agreed* when every layer has the same non-empty version.
//! * **Belonging.** A gold annotation belongs to an item when it has the label of one of the
//!   item's members and shares a code point with it, or covers exactly the same code points
//!   as one (any label). The gold's version of an item is built from the annotations that
//!   belong to it, as a layer's is.
//!
//! Everything here is deterministic and reads no clock: times come from the caller.

mod apply;
mod envelope;
mod gold;
mod items;

#[cfg(test)]
mod tests;

use crate::model::annotation::{Label, Role};
use crate::model::content::Annotations;
use crate::model::span::CharSpan;

pub use apply::{apply, initial_gold};
pub use envelope::{apply_locally, self_contained};
pub use gold::{status, statuses, summarise, summary};
pub use items::items;

/// One place where the layers are compared: a cluster of their spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable across runs for the same layers: the extent and the members' labels, e.g.
    /// `120-134:actor` or `5-9:actor+date` (labels in [`Label::ALL`] order). In the rare case
    /// of two items with the same extent and labels, the later one in reading order gets
    /// `#2`, `#3`, … appended.
    pub key: String,
    /// The union of the member spans (code points, end-exclusive); it has no gaps.
    pub extent: CharSpan,
    /// Per layer, in the order of the input, that layer's version here (maybe empty).
    pub versions: Vec<Version>,
    /// Per layer, the indices into that layer's `annotations` of its members here, ascending.
    pub members: Vec<Vec<usize>>,
    /// Every layer has the same non-empty version (spans and links).
    pub agreed: bool,
}

/// What one layer (or the gold) says in one item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Version {
    /// (label, span), sorted, without repeats.
    pub spans: Vec<(Label, CharSpan)>,
    /// The links of the claims among `spans`: (claim span, role, other end's label, other
    /// end's span), sorted, without repeats. Links whose other end is not a placed annotation
    /// are left out.
    pub links: Vec<(CharSpan, Role, Label, CharSpan)>,
}

impl Version {
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// A curator's decision on one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Take layer `i`'s version (index into the layers as given to [`items`]).
    Layer(usize),
    /// Keep every layer's annotations (each distinct label and span once).
    Both,
    /// Nothing of this item goes into the gold.
    Drop,
}

/// Where the gold stands on one item.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Nothing of the item is in the gold and it was not dropped.
    Open,
    /// The gold's version equals these layers' versions (ascending; at least one).
    Taken(Vec<usize>),
    /// The gold holds the union of all layers' versions, which no single layer has.
    Both,
    /// Dropped, and every layer said something here.
    Dropped,
    /// The gold holds something here that is neither a layer's version nor their union.
    Edited,
}

/// What a [`Choice`] changes in the gold. Apply `remove` first (the store deletes the links
/// touching those annotations), then add `add`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Ids of the gold annotations that belong to the item.
    pub remove: Vec<String>,
    /// Annotations to add, and links; a link's ends are ids of `add.annotations` or of gold
    /// annotations that stay. `add.orphans` is always empty.
    pub add: Annotations,
}

/// How far a curation is, over all items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Items that are not agreed: the ones to walk through.
    pub disagreements: usize,
    /// Of the disagreements, those still [`Status::Open`].
    pub open: usize,
    /// Of the disagreements, those whose gold equals one or more layers'
    /// ([`Status::Taken`]). `open + taken + both + dropped + edited == disagreements`.
    pub taken: usize,
    /// Per layer: the disagreements whose gold equals that layer's version. An item whose
    /// gold equals two layers' versions counts for both, so these may add up to more than
    /// `taken`.
    pub taken_by_layer: Vec<usize>,
    pub both: usize,
    pub dropped: usize,
    pub edited: usize,
    /// Items every layer agrees on.
    pub agreed: usize,
    /// Of the agreed items, those whose gold holds the agreed version.
    pub agreed_in_gold: usize,
}
