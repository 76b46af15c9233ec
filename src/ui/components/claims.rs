//! Who claimed what, when: the link picker for a claim and the claims table.

use crate::bridge::{clock, files};
use crate::model::claims::{claims_table, ClaimRecord};
use crate::model::dates;
use crate::model::formats::csv::claims_csv;
use crate::model::store::link_candidates;
use crate::model::text::shorten;
use crate::model::{Label, Role};
use crate::ui::components::date_value::date_value_view;
use crate::ui::state::{Action, Notice, StoreHandle};
use crate::ui::DocRef;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many candidates the picker offers (one digit key each).
const PICKER_SIZE: usize = 9;

#[derive(Properties, PartialEq)]
pub struct LinkPickerProps {
    pub doc: DocRef,
    pub store: StoreHandle,
    pub claim: AttrValue,
    pub on_action: Callback<Action>,
}

/// Lists the likeliest actors and dates for the selected claim (its own sentence and the one
/// before first). Digit keys link as source or when; Shift+digit links an actor as target.
#[component]
pub fn LinkPicker(props: &LinkPickerProps) -> Html {
    let store = props.store.borrow();
    let published = props
        .doc
        .0
        .published
        .as_deref()
        .and_then(dates::parse_iso_date);
    let linked: Vec<(Role, String)> = store
        .links_of(&props.claim)
        .iter()
        .map(|(r, a)| (r.role, a.id.clone()))
        .collect();
    let candidates = link_candidates(&store, &props.doc.0.index, &props.claim);
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseDialog))
    };
    let link_button = |n: usize, role: Role, text: &'static str, label_text: String| {
        let on_action = props.on_action.clone();
        let done = linked
            .iter()
            .any(|(r, id)| *r == role && *id == candidates[n].id);
        let onclick = Callback::from(move |_| {
            on_action.emit(Action::LinkCandidate {
                n,
                as_target: role == Role::Target,
                id: clock::fresh_id(),
                now: clock::now_rfc3339(),
            })
        });
        html! {
            <button type="button" class={classes!("role", done.then_some("on"))} disabled={done}
                aria-label={format!("{label_text} {text}")} {onclick}>{ if done { format!("{text} ✓") } else { text.to_owned() } }</button>
        }
    };
    html! {
        <div class="backdrop">
            <div class="dialog picker" role="dialog" aria-modal="true" aria-labelledby="picker-title">
                <h2 id="picker-title">{ "Link the claim" }</h2>
                <p class="hint">{ "Nearest first. " }<span class="keys-hint">{ "Press a digit to link an actor as source or a date as when; Shift+digit links an actor as target. Escape closes." }</span><span class="touch-hint">{ "Tap source or target beside an actor, when beside a date." }</span></p>
                if candidates.is_empty() {
                    <p class="empty-list">{ "No actor or date annotations yet. Label the speaker and the date first." }</p>
                }
                <ol class="candidates" aria-label="Actors and dates to link">
                    { for candidates.iter().take(PICKER_SIZE).enumerate().map(|(n, a)| {
                        let key = n + 1;
                        let name = format!("{key}: {} “{}”", a.label, shorten(&a.quote, 50));
                        let value = (a.label == Label::Date).then(|| date_value_view(a, published));
                        html! {
                            <li key={a.id.clone()} class="candidate">
                                <kbd>{ key }</kbd>
                                <span class={classes!("chip", format!("chip-{}", a.label))}>{ a.label.as_str() }</span>
                                <span class="quote" dir="auto">{ shorten(&a.quote, 60) }</span>
                                if let Some(value) = value { { value } }
                                if let Some(entity) = &a.entity { <span class="entity">{ format!("= {entity}") }</span> }
                                <span class="roles">
                                    if a.label == Label::Date {
                                        { link_button(n, Role::When, "when", name.clone()) }
                                    } else {
                                        { link_button(n, Role::Source, "source", name.clone()) }
                                        { link_button(n, Role::Target, "target", name.clone()) }
                                    }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close} autofocus=true>{ "Done" }</button>
                </div>
            </div>
        </div>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Document,
    Source,
    Date,
}

#[derive(Properties, PartialEq)]
pub struct ClaimsTableProps {
    pub doc: DocRef,
    pub store: StoreHandle,
    pub on_action: Callback<Action>,
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
    let rows: Vec<ClaimRecord> = {
        let store = props.store.borrow();
        claims_table(store.content(), published)
    };
    let needle = filter.to_lowercase();
    let mut shown: Vec<&ClaimRecord> = rows
        .iter()
        .filter(|r| {
            needle.is_empty()
                || [r.quote.as_str()]
                    .into_iter()
                    .chain(r.sources.iter().map(String::as_str))
                    .chain(r.targets.iter().map(String::as_str))
                    .chain(r.dates.iter().map(String::as_str))
                    .any(|cell| cell.to_lowercase().contains(&needle))
        })
        .collect();
    match *sort {
        SortBy::Document => {}
        // Claims without a source or a date sort last.
        SortBy::Source => shown.sort_by_key(|r| {
            (
                r.sources.is_empty(),
                r.sources.join("; ").to_lowercase(),
                r.start,
            )
        }),
        SortBy::Date => shown.sort_by_key(|r| (r.dates.is_empty(), r.dates.join("; "), r.start)),
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
        let on_action = props.on_action.clone();
        let doc_id = props.doc.0.id.clone();
        let csv = claims_csv(&rows);
        Callback::from(move |_| {
            if let Err(e) = files::download(
                &format!("{doc_id}.claims.csv"),
                "text/csv;charset=utf-8",
                &csv,
            ) {
                on_action.emit(Action::Notify(Notice::error(format!(
                    "CSV export failed: {e}."
                ))));
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
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseDialog))
    };
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
                        { for shown.iter().map(|row| {
                            let on_action = props.on_action.clone();
                            let id = AttrValue::from(row.claim.clone());
                            let jump = Callback::from(move |_| {
                                on_action.emit(Action::CloseDialog);
                                on_action.emit(Action::Select { id: Some(id.clone()), reveal: true });
                            });
                            let missing = |cells: &[String]| if cells.is_empty() { html! { <span class="missing">{ "—" }</span> } } else { html! { { cells.join("; ") } } };
                            html! {
                                <tr key={row.claim.clone()}>
                                    <td><button type="button" class="row-jump" dir="auto" onclick={jump}>{ shorten(&row.quote, 140) }</button></td>
                                    <td dir="auto">{ missing(&row.sources) }</td>
                                    <td dir="auto">{ missing(&row.targets) }</td>
                                    <td>{ missing(&row.dates) }</td>
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
