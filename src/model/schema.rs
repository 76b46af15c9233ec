//! MIGRATION SHIM: the old home of the app's JSON, the document and the claims table. The ui
//! and the tests still import from here while they are being restructured; remove once they
//! import from `document`, `content`, `claims` and `formats::native`.

pub use super::anchor::AnchorReport;
pub use super::claims::{claims_table, ClaimRecord};
pub use super::content::Content;
pub use super::document::{sha256_hex, Document};
pub use super::formats::csv::claims_csv;
pub use super::formats::native::*;
pub use super::formats::plan::ImportPlan;

pub fn date_value_of(
    a: &super::annotation::Annotation,
    published: Option<super::dates::CalendarDate>,
) -> Option<super::dates::DateValue> {
    a.date_value(published)
}
