//! The three units positions in a text are counted in, one newtype each so that mixing them
//! fails to compile: code points (`CharOffset`: what is stored and exported), UTF-16 code units
//! (`Utf16Offset`: what the DOM reports) and UTF-8 bytes (`ByteOffset`: what Rust slices).
//! Converting between them is the job of `TextIndex` in `text.rs`.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! offset_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub usize);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl $name {
            /// Moving back by a count, stopping at the start of the text.
            pub fn saturating_sub(self, count: usize) -> $name {
                $name(self.0.saturating_sub(count))
            }

            /// How far apart two positions are, in either order.
            pub fn abs_diff(self, other: $name) -> usize {
                self.0.abs_diff(other.0)
            }
        }

        /// Moving a position forward by a count of the same unit.
        impl std::ops::Add<usize> for $name {
            type Output = $name;
            fn add(self, count: usize) -> $name {
                $name(self.0 + count)
            }
        }

        /// Moving a position back by a count of the same unit.
        impl std::ops::Sub<usize> for $name {
            type Output = $name;
            fn sub(self, count: usize) -> $name {
                $name(self.0 - count)
            }
        }

        /// The distance between two positions, as a count of the unit.
        impl std::ops::Sub for $name {
            type Output = usize;
            fn sub(self, earlier: $name) -> usize {
                self.0 - earlier.0
            }
        }
    };
}

offset_newtype!(
    /// A position counted in Unicode code points from the start of the document.
    CharOffset
);
offset_newtype!(
    /// A position counted in UTF-16 code units, as the DOM counts inside text nodes.
    Utf16Offset
);
offset_newtype!(
    /// A position counted in UTF-8 bytes, as Rust string slicing counts.
    ByteOffset
);
