//! The claims table of the open document: every claim with its actors and date, sortable and
//! filterable; a row opens its claim; downloadable as CSV. Part of the views loaded on first
//! use (`bridge::lazy_views`): the page hands over the document as it is when the table opens.

use crate::bridge::files;
use crate::bridge::lazy_views::ViewEvent;
use crate::model::case::lowercase;
use crate::model::claims::{claims_table, ClaimRecord};
use crate::model::dates;
use crate::model::formats::csv::claims_csv;
use crate::model::sort;
use crate::model::text::shorten;
use crate::model::Annotations;
use crate::ui::DocRef;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Document,
    Source,
    Date,
}

#[derive(Properties, PartialEq)]
pub struct ClaimsTableProps {
    pub doc: DocRef,
    /// The open document's annotations as the page had them when the table was opened.
    pub content: Rc<Annotations>,
    pub on_event: Callback<ViewEvent>,
}

/// Every claim with its actors and date: sortable, filterable, a row click jumps to the claim.
#[component]
pub fn ClaimsTable(props: &ClaimsTableProps) -> Html {
    let sort = use_state(|| SortBy::Document);
    let filter = use_state(String::new);
    let published = props
        .doc
        .0
        .published
        .as_deref()
        .and_then(dates::parse_iso_date);
    let rows: Vec<ClaimRecord> = claims_table(props.content.content(), published);
    let needle = lowercase(&filter);
    // The dates as people read them ("2024 (END)"); the CSV has value and modifier apart.
    let rows_shown: Vec<(&ClaimRecord, Vec<String>)> =
        rows.iter().map(|r| (r, r.dates_shown())).collect();
    let mut shown: Vec<&(&ClaimRecord, Vec<String>)> = rows_shown
        .iter()
        .filter(|(r, dates)| {
            needle.is_empty()
                || [r.quote.as_str()]
                    .into_iter()
                    .chain(r.sources.iter().map(String::as_str))
                    .chain(r.targets.iter().map(String::as_str))
                    .chain(dates.iter().map(String::as_str))
                    .any(|cell| lowercase(cell).contains(&needle))
        })
        .collect();
    match *sort {
        SortBy::Document => {}
        // Claims without a source or a date sort last.
        SortBy::Source => sort::sort_by_key(&mut shown, |(r, _)| {
            (
                r.sources.is_empty(),
                lowercase(&r.sources.join("; ")),
                r.start,
            )
        }),
        SortBy::Date => sort::sort_by_key(&mut shown, |(r, dates)| {
            (dates.is_empty(), dates.join("; "), r.start)
        }),
    }
    let header = |text: &'static str, by: SortBy| {
        let sort = sort.clone();
        let on = *sort == by;
        html! {
            <th scope="col" aria-sort={if on { "ascending" } else { "none" }}>
                <button type="button" class={classes!("sort", on.then_some("on"))}
                    onclick={Callback::from(move |_| sort.set(by))}>{ text }{ if on { " ▲" } else { "" } }</button>
            </th>
        }
    };
    let download = {
        let on_event = props.on_event.clone();
        let doc_id = props.doc.0.id.clone();
        let csv = claims_csv(&rows);
        Callback::from(move |_| {
            if let Err(e) = files::download(
                &format!("{doc_id}.claims.csv"),
                "text/csv;charset=utf-8",
                &csv,
            ) {
                on_event.emit(ViewEvent::Error(format!("CSV export failed: {e}.")));
            }
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let close = props.on_event.reform(|_| ViewEvent::Close);
    html! {
        <div class="backdrop">
            <div class="dialog claims" role="dialog" aria-modal="true" aria-labelledby="claims-title">
                <h2 id="claims-title">{ format!("Claims ({})", rows.len()) }</h2>
                <div class="claims-tools">
                    <label>{ "Filter " }<input type="search" value={(*filter).clone()} oninput={on_filter} placeholder="actor, date or words" /></label>
                    <button type="button" onclick={download}>{ "Download CSV" }</button>
                </div>
                <div class="table-scroll">
                    <table class="claims-table" aria-label="Claims">
                        <thead><tr>
                            { header("Claim", SortBy::Document) }
                            { header("Source", SortBy::Source) }
                            <th scope="col">{ "Target" }</th>
                            { header("When", SortBy::Date) }
                        </tr></thead>
                        <tbody>
                        { for shown.iter().map(|(row, dates)| {
                            let on_event = props.on_event.clone();
                            let id = row.claim.clone();
                            let jump = Callback::from(move |_| {
                                on_event.emit(ViewEvent::Close);
                                on_event.emit(ViewEvent::Select(id.clone()));
                            });
                            let missing = |cells: &[String]| if cells.is_empty() { html! { <span class="missing">{ "—" }</span> } } else { html! { { cells.join("; ") } } };
                            html! {
                                <tr key={row.claim.clone()}>
                                    <td><button type="button" class="row-jump" dir="auto" onclick={jump}>{ shorten(&row.quote, 140) }</button></td>
                                    <td dir="auto">{ missing(&row.sources) }</td>
                                    <td dir="auto">{ missing(&row.targets) }</td>
                                    <td>{ missing(dates) }</td>
                                </tr>
                            }
                        }) }
                        </tbody>
                    </table>
                </div>
                if rows.is_empty() {
                    <p class="empty-list">{ "No claims yet. Label a claim (2 or c), then link it with r." }</p>
                }
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}
