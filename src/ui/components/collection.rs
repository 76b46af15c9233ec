//! Claims across the library: every claim of every document in this browser, filtered by
//! actor, role, date range and words, sorted, a page at a time, downloadable as CSV or JSON;
//! a row's claim opens its document with the claim selected.

use super::library_load::{self, Shared};
use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::{clock, collection::load_library_documents, files, page};
use crate::model::collection::{
    of_workspace, to_csv, to_json, ActorMatch, ActorRole, ClaimFilter, Collection, CollectionClaim,
    DateRange, SortBy,
};
use crate::model::text::shorten;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const ACTOR_FIELD: &str = "Entity or actor";

/// Rows on one page: enough to scan, few enough that 50,000 claims render at once.
const PAGE_ROWS: usize = 100;

/// The library's claims, read once when the view opens.
struct Ready {
    collection: Collection,
    /// How many documents have claims.
    documents: usize,
    unreadable: Vec<String>,
    names: Vec<String>,
}

type Load = library_load::Load<Ready>;

/// What the filter row holds, as typed.
#[derive(Clone, Default, PartialEq)]
struct Fields {
    actor: String,
    exact: bool,
    role: ActorRole,
    from: String,
    to: String,
    words: String,
}

impl Fields {
    fn filter(&self) -> Result<ClaimFilter, String> {
        let actor = self.actor.trim();
        Ok(ClaimFilter {
            actor: (!actor.is_empty()).then(|| match self.exact {
                true => ActorMatch::Exact(actor.to_owned()),
                false => ActorMatch::Contains(actor.to_owned()),
            }),
            role: self.role,
            range: DateRange::parse(&self.from, &self.to)?,
            words: self.words.clone(),
        })
    }
}

#[derive(Properties, PartialEq)]
pub struct LibraryClaimsProps {
    /// The open document: a jump to one of its claims selects it without reloading.
    pub current_id: AttrValue,
    pub on_event: Callback<ViewEvent>,
}

#[component]
pub fn LibraryClaims(props: &LibraryClaimsProps) -> Html {
    let load = use_state(|| Load::Reading);
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                load.set(match load_library_documents().await {
                    Err(why) => Load::Failed(why),
                    Ok((documents, unreadable)) => {
                        let collection = Collection::new(of_workspace(&documents));
                        let names = collection.actor_names();
                        let every: Vec<usize> = (0..collection.claims().len()).collect();
                        Load::Ready(Shared(Rc::new(Ready {
                            documents: collection.documents_in(&every),
                            collection,
                            unreadable,
                            names,
                        })))
                    }
                });
            });
        });
    }
    let fields = use_state(Fields::default);
    let sort = use_state(|| (SortBy::Date, false));
    let page_at = use_state(|| 0usize);
    let selected = use_memo(
        ((*load).clone(), (*fields).clone(), *sort),
        |(load, fields, (by, descending))| {
            let Load::Ready(ready) = load else {
                return Ok(Rc::new(Vec::new()));
            };
            let mut rows = ready.0.collection.select(&fields.filter()?);
            ready.0.collection.sort(&mut rows, *by, *descending);
            Ok::<_, String>(Rc::new(rows))
        },
    );
    let close = props.on_event.reform(|_| ViewEvent::Close);
    let body = match &*load {
        Load::Reading => html! {
            <p class="collection-progress" role="status">{ "Reading every document in this browser and gathering their claims…" }</p>
        },
        Load::Failed(why) => html! {
            <p class="form-error" role="alert">{ format!("The library could not be read: {why}.") }</p>
        },
        Load::Ready(ready) => {
            let edit = |change: fn(&mut Fields, String)| {
                let (fields, page_at) = (fields.clone(), page_at.clone());
                Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let mut next = (*fields).clone();
                    change(&mut next, input.value());
                    fields.set(next);
                    page_at.set(0);
                })
            };
            let on_exact = {
                let (fields, page_at) = (fields.clone(), page_at.clone());
                Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    fields.set(Fields {
                        exact: input.checked(),
                        ..(*fields).clone()
                    });
                    page_at.set(0);
                })
            };
            let on_role = {
                let (fields, page_at) = (fields.clone(), page_at.clone());
                Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    let role = match select.value().as_str() {
                        "source" => ActorRole::Source,
                        "target" => ActorRole::Target,
                        _ => ActorRole::Any,
                    };
                    fields.set(Fields {
                        role,
                        ..(*fields).clone()
                    });
                    page_at.set(0);
                })
            };
            let filters = html! {
                <div class="collection-filters" role="group" aria-label="Filters">
                    { field(ACTOR_FIELD, "search", "name", &fields.actor, edit(|f, v| f.actor = v)) }
                    <datalist id="collection-names">
                        { for ready.0.names.iter().map(|n| html! { <option value={n.clone()} /> }) }
                    </datalist>
                    <label class="inline"><input type="checkbox" checked={fields.exact} onchange={on_exact} />{ "Exact name" }</label>
                    <label>{ "Role" }
                        <select onchange={on_role}>
                            <option value="any" selected={fields.role == ActorRole::Any}>{ "source or target" }</option>
                            <option value="source" selected={fields.role == ActorRole::Source}>{ "source" }</option>
                            <option value="target" selected={fields.role == ActorRole::Target}>{ "target" }</option>
                        </select>
                    </label>
                    { field("From", "text", "YYYY-MM-DD", &fields.from, edit(|f, v| f.from = v)) }
                    { field("To", "text", "YYYY-MM-DD", &fields.to, edit(|f, v| f.to = v)) }
                    { field("Words", "search", "words of the claim", &fields.words, edit(|f, v| f.words = v)) }
                </div>
            };
            let rows = match &*selected {
                Ok(rows) => rows.clone(),
                Err(why) => {
                    return shell(
                        html! {
                            <>
                                { filters }
                                <p class="form-error" role="alert">{ format!("The date range cannot be used: {why}.") }</p>
                            </>
                        },
                        close,
                    )
                }
            };
            let table = results(ready, &rows, &sort, &page_at, props);
            html! {
                <>
                    { filters }
                    if !ready.0.unreadable.is_empty() {
                        <p class="form-error">{ format!(
                            "{} could not be read and {} left out: {}.",
                            plural(ready.0.unreadable.len(), "document"),
                            if ready.0.unreadable.len() == 1 { "is" } else { "are" },
                            ready.0.unreadable.join("; ")
                        ) }</p>
                    }
                    { table }
                </>
            }
        }
    };
    shell(body, close)
}

/// A labelled field of the filter row: `search` for names and words (the actor's with the
/// known names as suggestions), `text` for a date bound. One function, so its markup is
/// compiled once.
fn field(
    label: &'static str,
    kind: &'static str,
    placeholder: &'static str,
    value: &str,
    oninput: Callback<InputEvent>,
) -> Html {
    let list = (label == ACTOR_FIELD).then_some("collection-names");
    let class = (kind == "text").then_some("date-bound");
    html! {
        <label>{ label }
            <input type={kind} {class} value={value.to_owned()} {placeholder} {list} {oninput} />
        </label>
    }
}

/// The dialog around the view's body.
fn shell(body: Html, close: Callback<MouseEvent>) -> Html {
    html! {
        <div class="backdrop">
            <div class="dialog claims library-claims" role="dialog" aria-modal="true" aria-labelledby="library-claims-title">
                <h2 id="library-claims-title">{ "Claims across the library" }</h2>
                { body }
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The count, the downloads, one page of the table and the pager.
fn results(
    ready: &Shared<Ready>,
    rows: &Rc<Vec<usize>>,
    sort: &UseStateHandle<(SortBy, bool)>,
    page_at: &UseStateHandle<usize>,
    props: &LibraryClaimsProps,
) -> Html {
    let collection = &ready.0.collection;
    let total = collection.claims().len();
    let mut count = format!(
        "{} in {}",
        plural(rows.len(), "claim"),
        plural(collection.documents_in(rows), "document")
    );
    if rows.len() < total {
        count.push_str(&format!(
            " (of {} in {})",
            plural(total, "claim"),
            plural(ready.0.documents, "document")
        ));
    }
    let pages = rows.len().div_ceil(PAGE_ROWS).max(1);
    let at = (**page_at).min(pages - 1);
    let shown = &rows[at * PAGE_ROWS..rows.len().min((at + 1) * PAGE_ROWS)];
    let download = |extension: &'static str, mime: &'static str| {
        let (ready, rows, on_event) = (ready.clone(), rows.clone(), props.on_event.clone());
        Callback::from(move |_| {
            let chosen = rows.iter().map(|&i| &ready.0.collection.claims()[i]);
            let content = match extension {
                "csv" => to_csv(chosen),
                _ => to_json(chosen),
            };
            let day = clock::now_rfc3339().get(..10).unwrap_or("").to_owned();
            let name = format!("text-annotator-library-claims-{day}.{extension}");
            if let Err(e) = files::download(&name, mime, &content) {
                on_event.emit(ViewEvent::Error(format!("The download failed: {e}.")));
            }
        })
    };
    let header = |text: &'static str, by: Option<SortBy>| match by {
        None => html! { <th scope="col"><span class="sort">{ text }</span></th> },
        Some(by) => {
            let (on, descending) = (sort.0 == by, sort.1);
            let (sort, page_at) = (sort.clone(), page_at.clone());
            let onclick = Callback::from(move |_| {
                sort.set((by, sort.0 == by && !sort.1));
                page_at.set(0);
            });
            let state = match (on, descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            let arrow = match (on, descending) {
                (false, _) => "",
                (true, false) => " ▲",
                (true, true) => " ▼",
            };
            html! {
                <th scope="col" aria-sort={state}>
                    <button type="button" class={classes!("sort", on.then_some("on"))} {onclick}>{ text }{ arrow }</button>
                </th>
            }
        }
    };
    let step = |to: usize| {
        let page_at = page_at.clone();
        Callback::from(move |_| page_at.set(to))
    };
    html! {
        <>
            <div class="claims-tools">
                <p class="collection-count" role="status">{ count }</p>
                <span class="collection-downloads">
                    <button type="button" onclick={download("csv", "text/csv;charset=utf-8")} disabled={rows.is_empty()}>{ "Download CSV" }</button>
                    <button type="button" onclick={download("json", "application/json")} disabled={rows.is_empty()}>{ "Download JSON" }</button>
                </span>
            </div>
            <div class="table-scroll">
                <table class="claims-table" aria-label="Claims across the library">
                    <thead><tr>
                        { header("Claim", None) }
                        { header("Document", Some(SortBy::Document)) }
                        { header("Source", Some(SortBy::Source)) }
                        <th scope="col"><span class="sort">{ "Target" }</span></th>
                        { header("When", Some(SortBy::Date)) }
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|&i| row(&collection.claims()[i], props)) }
                    </tbody>
                </table>
            </div>
            if rows.is_empty() {
                <p class="empty-list">{ if total == 0 { "No claims in the library yet. Label claims (2 or c) and link them with r." } else { "No claim matches the filters." } }</p>
            }
            if pages > 1 {
                <nav class="pager" aria-label="Pages of claims">
                    <button type="button" onclick={step(at.saturating_sub(1))} disabled={at == 0}>{ "Previous" }</button>
                    <span>{ format!("Rows {}–{} of {} · page {} of {pages}", at * PAGE_ROWS + 1, at * PAGE_ROWS + shown.len(), rows.len(), at + 1) }</span>
                    <button type="button" onclick={step(at + 1)} disabled={at + 1 == pages}>{ "Next" }</button>
                </nav>
            }
        </>
    }
}

/// One claim; its button opens the claim in its document.
fn row(claim: &CollectionClaim, props: &LibraryClaimsProps) -> Html {
    let record = &claim.record;
    let jump = {
        let on_event = props.on_event.clone();
        let here = props.current_id == claim.document_id.as_str();
        let (doc, id) = (claim.document_id.clone(), record.claim.clone());
        Callback::from(move |_| {
            on_event.emit(ViewEvent::Close);
            if here {
                on_event.emit(ViewEvent::Select(id.clone()));
            } else {
                page::set_doc_hash_selecting(&doc, &id);
            }
        })
    };
    let cells = |names: &[String]| {
        if names.is_empty() {
            html! { <span class="missing">{ "—" }</span> }
        } else {
            html! { { names.join("; ") } }
        }
    };
    html! {
        <tr key={format!("{}\u{0}{}", claim.document_id, record.claim)}>
            <td><button type="button" class="row-jump" dir="auto" onclick={jump}>{ shorten(&record.quote, 160) }</button></td>
            <td dir="auto">
                { shorten(&claim.document_title, 60) }
                if let Some(published) = &claim.published {
                    <span class="published">{ published.clone() }</span>
                }
            </td>
            <td dir="auto">{ cells(&record.sources) }</td>
            <td dir="auto">{ cells(&record.targets) }</td>
            <td>{ cells(&record.dates_shown()) }</td>
        </tr>
    }
}
