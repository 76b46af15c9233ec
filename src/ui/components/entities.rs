//! Entities across the library: every entity named by the actors of every document in this
//! browser (set by hand, or inferred from an actor's text), with its mentions and claims;
//! a mention or claim opens its document with it selected; another entity can be merged
//! into the selected one, which writes every document it touches.

use super::library_load::{self, Shared};
use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::{collection::load_library_documents, page, storage};
use crate::model::case::lowercase;
use crate::model::entities::{merge_plan, Entity, EntityIndex, EntitySort, MergePlan};
use crate::model::library::WorkspaceDocument;
use crate::model::sort;
use crate::model::text::shorten;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Rows on one page of the list.
const PAGE_ROWS: usize = 100;

/// The library as read when the view opened (or after a merge).
struct Ready {
    documents: Vec<WorkspaceDocument>,
    index: EntityIndex,
    unreadable: Vec<String>,
}

type Load = library_load::Load<Ready>;

/// Where a merge is.
#[derive(Clone, PartialEq)]
enum Merge {
    Idle,
    /// Asking before writing.
    Confirm(Rc<MergePlan>),
    /// Documents written so far, of how many.
    Writing(usize, usize),
    /// What happened, and whether it failed.
    Done(String, bool),
}

#[derive(Properties, PartialEq)]
pub struct LibraryEntitiesProps {
    /// The open document: a jump into it selects without reloading, and a merge leaves what
    /// it has put aside to it.
    pub current_id: AttrValue,
    pub on_event: Callback<ViewEvent>,
}

#[component]
pub fn LibraryEntities(props: &LibraryEntitiesProps) -> Html {
    let load = use_state(|| Load::Reading);
    // Bumped after a merge: the library is read again.
    let generation = use_state(|| 0u32);
    {
        let load = load.clone();
        use_effect_with(*generation, move |_| {
            yew::platform::spawn_local(async move {
                load.set(match load_library_documents().await {
                    Err(why) => Load::Failed(why),
                    Ok((documents, unreadable)) => {
                        let index = EntityIndex::of_workspace(&documents);
                        Load::Ready(Shared(Rc::new(Ready {
                            documents,
                            index,
                            unreadable,
                        })))
                    }
                });
            });
        });
    }
    let filter = use_state(String::new);
    let sort = use_state(|| (EntitySort::Mentions, false));
    let page_at = use_state(|| 0usize);
    let selected = use_state(|| None::<String>);
    let merge_from = use_state(String::new);
    let merge = use_state(|| Merge::Idle);
    let rows = use_memo(
        ((*load).clone(), (*filter).clone(), *sort),
        |(load, filter, (by, descending))| {
            let Load::Ready(ready) = load else {
                return Vec::new();
            };
            let mut rows = ready.0.index.select(filter);
            ready.0.index.sort(&mut rows, *by, *descending);
            rows
        },
    );
    let writing = matches!(*merge, Merge::Writing(..));
    // The focus follows the steps: the filter once the library is read, Cancel when a merge
    // asks, the report when it is done (the controls it was on are gone).
    {
        let step = match (&*load, &*merge) {
            (_, Merge::Confirm(_)) => Some("merge-cancel"),
            (_, Merge::Done(..)) => Some("merge-report"),
            (Load::Ready(_), Merge::Idle) => Some("entities-filter"),
            _ => None,
        };
        let first = matches!(*merge, Merge::Idle) && *generation == 0;
        use_effect_with(step, move |step| {
            let wanted = match *step {
                Some("entities-filter") if !first => None,
                other => other,
            };
            if let Some(element) = wanted
                .and_then(|id| gloo::utils::document().get_element_by_id(id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    }
    let close = props.on_event.reform(|_| ViewEvent::Close);
    let body = match &*load {
        Load::Reading => html! {
            <p class="collection-progress" role="status">{ "Reading every document in this browser and gathering their entities…" }</p>
        },
        Load::Failed(why) => html! {
            <p class="form-error" role="alert">{ format!("The library could not be read: {why}.") }</p>
        },
        Load::Ready(ready) => {
            let index = &ready.0.index;
            let on_filter = {
                let (filter, page_at) = (filter.clone(), page_at.clone());
                Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    filter.set(input.value());
                    page_at.set(0);
                })
            };
            let mut count = format!(
                "{} with {} in {}",
                plural(rows.len(), "entity", "entities"),
                plural(
                    rows.iter()
                        .map(|&i| index.entities()[i].mentions.len())
                        .sum(),
                    "mention",
                    "mentions"
                ),
                plural(ready.0.documents.len(), "document", "documents"),
            );
            if rows.len() < index.entities().len() {
                count.push_str(&format!(" (of {})", index.entities().len()));
            }
            let chosen = selected.as_deref().and_then(|id| index.get(id));
            html! {
                <>
                    <div class="claims-tools">
                        <label class="entities-filter">{ "Filter by name" }
                            <input id="entities-filter" type="search" value={(*filter).clone()} placeholder="name" oninput={on_filter} />
                        </label>
                        <p class="collection-count" role="status">{ count }</p>
                    </div>
                    if !ready.0.unreadable.is_empty() {
                        <p class="form-error">{ format!(
                            "{} could not be read and {} left out: {}.",
                            plural(ready.0.unreadable.len(), "document", "documents"),
                            if ready.0.unreadable.len() == 1 { "is" } else { "are" },
                            ready.0.unreadable.join("; ")
                        ) }</p>
                    }
                    if let Merge::Done(report, failed) = &*merge {
                        <p id="merge-report" tabindex="-1" class={if *failed { "form-error" } else { "merge-report" }} role={if *failed { "alert" } else { "status" }}>{ report.clone() }</p>
                    }
                    <div class="entities-layout">
                        { list(ready, &rows, &sort, &page_at, &selected, &merge) }
                        {
                            match chosen {
                                Some(entity) => detail(entity, ready, &merge_from, &merge, &generation, props),
                                None => html! {
                                    <section class="entity-detail" aria-label="Entity">
                                        <p class="empty-list">{ if index.entities().is_empty() {
                                            "No actors in the library yet. Label actors (1 or a) and give them an entity name."
                                        } else {
                                            "Choose an entity to see its mentions and claims, or to merge another into it."
                                        } }</p>
                                    </section>
                                },
                            }
                        }
                    </div>
                </>
            }
        }
    };
    html! {
        <div class="backdrop">
            <div class="dialog claims library-entities" role="dialog" aria-modal="true" aria-labelledby="library-entities-title">
                <h2 id="library-entities-title">{ "Entities across the library" }</h2>
                { body }
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close} disabled={writing}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The table of entities (one page), with sortable columns and a pager.
fn list(
    ready: &Shared<Ready>,
    rows: &Rc<Vec<usize>>,
    sort: &UseStateHandle<(EntitySort, bool)>,
    page_at: &UseStateHandle<usize>,
    selected: &UseStateHandle<Option<String>>,
    merge: &UseStateHandle<Merge>,
) -> Html {
    let index = &ready.0.index;
    let pages = rows.len().div_ceil(PAGE_ROWS).max(1);
    let at = (**page_at).min(pages - 1);
    let shown = &rows[at * PAGE_ROWS..rows.len().min((at + 1) * PAGE_ROWS)];
    let header = |text: &'static str, by: EntitySort| {
        let (on, descending) = (sort.0 == by, sort.1);
        let (sort, page_at) = (sort.clone(), page_at.clone());
        let onclick = Callback::from(move |_| {
            sort.set((by, sort.0 == by && !sort.1));
            page_at.set(0);
        });
        // Counts go from most to fewest, names from A to Z, unless reversed.
        let state = match (on, descending, by == EntitySort::Name) {
            (false, _, _) => "none",
            (true, false, true) | (true, true, false) => "ascending",
            _ => "descending",
        };
        let arrow = match (on, state) {
            (false, _) => "",
            (true, "ascending") => " ▲",
            _ => " ▼",
        };
        html! {
            <th scope="col" aria-sort={state}>
                <button type="button" class={classes!("sort", on.then_some("on"))} {onclick}>{ text }{ arrow }</button>
            </th>
        }
    };
    let step = |to: usize| {
        let page_at = page_at.clone();
        Callback::from(move |_| page_at.set(to))
    };
    let row = |entity: &Entity| {
        let on = selected.as_deref() == Some(entity.id.as_str());
        let pick = {
            let (selected, merge, id) = (selected.clone(), merge.clone(), entity.id.clone());
            Callback::from(move |_| {
                selected.set(Some(id.clone()));
                if !matches!(*merge, Merge::Writing(..)) {
                    merge.set(Merge::Idle);
                }
            })
        };
        html! {
            <tr key={entity.id.clone()} class={classes!(on.then_some("on"))}>
                <td>
                    <button type="button" class="row-jump" dir="auto" aria-pressed={on.to_string()} onclick={pick}>{ shorten(&entity.name, 80) }</button>
                    if entity.inferred {
                        <span class="inferred">{ " (from the text)" }</span>
                    }
                </td>
                <td class="num">{ entity.mentions.len() }</td>
                <td class="num">{ entity.documents }</td>
                <td class="num">{ entity.as_source }</td>
                <td class="num">{ entity.as_target }</td>
            </tr>
        }
    };
    html! {
        <div class="entities-list">
            <div class="table-scroll">
                <table class="claims-table" aria-label="Entities across the library">
                    <thead><tr>
                        { header("Entity", EntitySort::Name) }
                        { header("Mentions", EntitySort::Mentions) }
                        { header("Documents", EntitySort::Documents) }
                        <th scope="col"><span class="sort">{ "Source" }</span></th>
                        <th scope="col"><span class="sort">{ "Target" }</span></th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|&i| row(&index.entities()[i])) }
                    </tbody>
                </table>
            </div>
            if rows.is_empty() && !index.entities().is_empty() {
                <p class="empty-list">{ "No entity matches the filter." }</p>
            }
            if pages > 1 {
                <nav class="pager" aria-label="Pages of entities">
                    <button type="button" onclick={step(at.saturating_sub(1))} disabled={at == 0}>{ "Previous" }</button>
                    <span>{ format!("{}–{} of {} · page {} of {pages}", at * PAGE_ROWS + 1, at * PAGE_ROWS + shown.len(), rows.len(), at + 1) }</span>
                    <button type="button" onclick={step(at + 1)} disabled={at + 1 == pages}>{ "Next" }</button>
                </nav>
            }
        </div>
    }
}

/// A link to an annotation in its document: the open document selects it at once, another
/// opens with it selected (`#doc=<id>&select=<annotation>`).
fn jump(doc: &str, annotation: &str, text: Html, props: &LibraryEntitiesProps) -> Html {
    let here = props.current_id == doc;
    let onclick = {
        let on_event = props.on_event.clone();
        let id = annotation.to_owned();
        Callback::from(move |e: MouseEvent| {
            on_event.emit(ViewEvent::Close);
            if here {
                e.prevent_default();
                on_event.emit(ViewEvent::Select(id.clone()));
            }
        })
    };
    html! {
        <a href={page::doc_select_href(doc, annotation)} dir="auto" {onclick}>{ text }</a>
    }
}

/// The selected entity: its counts, mentions by document, claims, and the merge.
fn detail(
    entity: &Entity,
    ready: &Shared<Ready>,
    merge_from: &UseStateHandle<String>,
    merge: &UseStateHandle<Merge>,
    generation: &UseStateHandle<u32>,
    props: &LibraryEntitiesProps,
) -> Html {
    let mut groups: Vec<(&str, &str, Vec<Html>)> = Vec::new();
    for m in &entity.mentions {
        if groups.last().is_none_or(|g| g.0 != m.document_id) {
            groups.push((&m.document_id, &m.document_title, Vec::new()));
        }
        let text = html! {
            <>
                { shorten(&m.quote, 120) }
                if m.entity.is_none() {
                    <span class="inferred">{ " (no entity set)" }</span>
                }
            </>
        };
        let link = jump(&m.document_id, &m.annotation, text, props);
        groups
            .last_mut()
            .expect("pushed")
            .2
            .push(html! { <li>{ link }</li> });
    }
    let claims = entity.claims.iter().map(|c| {
        let text = html! { { shorten(&c.quote, 140) } };
        html! {
            <li>
                <span class={classes!("role-tag", format!("role-{}", c.role.as_str()))}>{ c.role.as_str() }</span>
                { jump(&c.document_id, &c.claim, text, props) }
                <span class="published" dir="auto">{ shorten(&c.document_title, 60) }</span>
            </li>
        }
    });
    let summary = format!(
        "{} in {} · source of {} · target of {}",
        plural(entity.mentions.len(), "mention", "mentions"),
        plural(entity.documents, "document", "documents"),
        plural(entity.as_source, "claim", "claims"),
        plural(entity.as_target, "claim", "claims"),
    );
    html! {
        <section class="entity-detail" aria-labelledby="entity-name">
            <h3 id="entity-name" dir="auto">{ entity.name.clone() }</h3>
            <p class="hint">{ summary }
                if entity.inferred {
                    { " · no mention sets an entity name: it is named by the mentions' text" }
                }
            </p>
            { merge_controls(entity, ready, merge_from, merge, generation, props) }
            <h4>{ "Mentions" }</h4>
            <ul class="entity-docs">
                { for groups.into_iter().map(|(_, title, items)| html! {
                    <li>
                        <span class="doc-name" dir="auto">{ shorten(title, 80) }</span>
                        <ul class="entity-mentions">{ for items }</ul>
                    </li>
                }) }
            </ul>
            <h4>{ "Claims" }</h4>
            if entity.claims.is_empty() {
                <p class="empty-list">{ "No claim names it as source or target." }</p>
            } else {
                <ul class="entity-claims">{ for claims }</ul>
            }
        </section>
    }
}

/// Choosing another entity to merge into this one, the question, and the writing.
fn merge_controls(
    entity: &Entity,
    ready: &Shared<Ready>,
    merge_from: &UseStateHandle<String>,
    merge: &UseStateHandle<Merge>,
    generation: &UseStateHandle<u32>,
    props: &LibraryEntitiesProps,
) -> Html {
    let index = &ready.0.index;
    match &**merge {
        Merge::Confirm(plan) if plan.into == entity.id => {
            let cancel = {
                let merge = merge.clone();
                Callback::from(move |_| merge.set(Merge::Idle))
            };
            let apply = {
                let (merge, generation, plan) = (merge.clone(), generation.clone(), plan.clone());
                let open = props.current_id.to_string();
                Callback::from(move |_| {
                    let (merge, generation, plan) =
                        (merge.clone(), generation.clone(), plan.clone());
                    let open = open.clone();
                    merge.set(Merge::Writing(0, plan.documents.len()));
                    yew::platform::spawn_local(async move {
                        let progress = {
                            let merge = merge.clone();
                            move |done, total| merge.set(Merge::Writing(done, total))
                        };
                        let outcome = storage::apply_entity_merge(&plan, &open, progress).await;
                        merge.set(match outcome {
                            Ok(report) => Merge::Done(merge_report(&plan, &report), false),
                            Err(why) => Merge::Done(
                                format!(
                                    "The merge of “{}” into “{}” stopped: {why}.",
                                    plan.from_name, plan.into_name
                                ),
                                true,
                            ),
                        });
                        generation.set(*generation + 1);
                    });
                })
            };
            html! {
                <div class="merge-confirm" role="group" aria-labelledby="merge-question">
                    <p id="merge-question"><strong>{ format!("Merge “{}” into “{}”?", plan.from_name, plan.into_name) }</strong></p>
                    <p>{ format!(
                        "{} get the entity name “{}”; “{}” is no longer listed. Every document concerned is written at once.",
                        plan.describe(), plan.into_name, plan.from_name
                    ) }</p>
                    <p class="hint">{ "A merge cannot be undone with Ctrl+Z. To keep a copy of the library as it is, download a workspace first (Export ▾)." }</p>
                    <div class="merge-actions">
                        <button type="button" class="danger" onclick={apply}>{ format!("Merge “{}” into “{}”", shorten(&plan.from_name, 40), shorten(&plan.into_name, 40)) }</button>
                        <button type="button" id="merge-cancel" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </div>
            }
        }
        Merge::Writing(done, total) => html! {
            <p class="collection-progress" role="status">{ format!("Merging: {done} of {} written…", plural(*total, "document", "documents")) }</p>
        },
        _ => {
            let mut others: Vec<&Entity> = index
                .entities()
                .iter()
                .filter(|e| e.id != entity.id)
                .collect();
            sort::sort_by_key(&mut others, |e| (lowercase(&e.name), e.id.clone()));
            let chosen = others.iter().find(|e| e.id == **merge_from).copied();
            let on_choose = {
                let merge_from = merge_from.clone();
                Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    merge_from.set(select.value());
                })
            };
            let ask = {
                let merge = merge.clone();
                let (ready, into) = (ready.clone(), entity.id.clone());
                let from = chosen.map(|e| e.id.clone());
                Callback::from(move |_| {
                    let Some(from) = &from else {
                        return;
                    };
                    let documents = ready
                        .0
                        .documents
                        .iter()
                        .map(|d| (&d.document, d.content.content()));
                    merge.set(match merge_plan(&ready.0.index, documents, from, &into) {
                        Ok(plan) => Merge::Confirm(Rc::new(plan)),
                        Err(why) => Merge::Done(format!("No merge: {why}."), true),
                    });
                })
            };
            let label = match chosen {
                Some(from) => format!(
                    "Merge “{}” into “{}”…",
                    shorten(&from.name, 40),
                    shorten(&entity.name, 40)
                ),
                None => "Merge…".to_owned(),
            };
            html! {
                <div class="merge-choose">
                    <label>{ format!("Merge another entity into “{}”", shorten(&entity.name, 40)) }
                        <select onchange={on_choose}>
                            <option value="" selected={chosen.is_none()}>{ "— choose an entity —" }</option>
                            { for others.iter().map(|e| html! {
                                <option value={e.id.clone()} selected={chosen.is_some_and(|c| c.id == e.id)}>
                                    { format!("{} ({})", shorten(&e.name, 60), plural(e.mentions.len(), "mention", "mentions")) }
                                </option>
                            }) }
                        </select>
                    </label>
                    <button type="button" onclick={ask} disabled={chosen.is_none()}>{ label }</button>
                </div>
            }
        }
    }
}

/// The report after a merge, in words.
fn merge_report(plan: &MergePlan, report: &storage::MergeReport) -> String {
    let mut text = format!(
        "Merged “{}” into “{}”: {} in {} now name “{}”.",
        plan.from_name,
        plan.into_name,
        plural(report.changed, "mention", "mentions"),
        plural(report.documents, "document", "documents"),
        plan.into_name
    );
    if !report.skipped.is_empty() {
        text.push_str(&format!(
            " Left as they were: {}.",
            report.skipped.join("; ")
        ));
    }
    text
}
