//! Every view of a date annotation's value goes through here: the short mark in the list,
//! the links and the picker, the sentence in the editor, and the editor field's placeholder.
//! A value set by hand wins over the one computed from the quote.

use crate::model::annotation::Annotation;
use crate::model::dates::{self, CalendarDate, DateValue};
use yew::prelude::*;

/// Where a shown value comes from, which the editor says in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateValueOrigin {
    SetByHand,
    /// Computed with the help of the publication date (no year was written, or the phrase
    /// counts from it); [`dates::Basis`] says how.
    FromPublication,
    Computed,
}

/// The value shown for a date annotation, or `None` when the phrase was not understood.
pub fn shown_date_value(
    annotation: &Annotation,
    published: Option<CalendarDate>,
) -> Option<(DateValue, DateValueOrigin)> {
    let value = annotation.date_value(published)?;
    let origin = if annotation.date_value.is_some() {
        DateValueOrigin::SetByHand
    } else if value.anchored() {
        DateValueOrigin::FromPublication
    } else {
        DateValueOrigin::Computed
    };
    Some((value, origin))
}

/// The value computed from the quote and its sentence, which an empty "Date value" field
/// falls back to.
pub fn computed_date_value(annotation: &Annotation, published: Option<&str>) -> String {
    annotation
        .computed_date_value(published.and_then(dates::parse_iso_date))
        .map(|v| v.value)
        .unwrap_or_default()
}

/// The editor's sentence about the value, saying where it comes from. `published` is the
/// document's publication date as written (ISO).
pub fn date_value_sentence(annotation: &Annotation, published: Option<&str>) -> String {
    let published = published.and_then(dates::parse_iso_date);
    match shown_date_value(annotation, published) {
        Some((value, DateValueOrigin::SetByHand)) => format!("Date value: {value} (set by hand)"),
        Some((value, DateValueOrigin::FromPublication)) => match (&value.basis, published) {
            (Some(basis), Some(published)) => {
                format!("Date value: {value} ({})", basis.explanation(published))
            }
            _ => format!("Date value: {value}"),
        },
        Some((value, DateValueOrigin::Computed)) => format!("Date value: {value}"),
        None => "Date value: none — this phrase was not understood (no guess is made)".to_owned(),
    }
}

/// The short mark after a date in lists, or a visible marker when there is no value.
pub fn date_value_view(annotation: &Annotation, published: Option<CalendarDate>) -> Html {
    match shown_date_value(annotation, published) {
        Some((value, _)) => {
            html! { <span class="date-value" title="Normalised date (ISO 8601 / TIMEX3)">{ format!("→ {value}") }</span> }
        }
        None => html! {
            <span class="date-missing" title="This date was not understood, so it has no normalised value">{ "⚠ no value" }</span>
        },
    }
}
