//! The side panel: the selected annotation's editor and the list of annotations.

use crate::bridge::clock;
use crate::model::annotation::Label;
use crate::model::dates;
use crate::model::span::{Direction, Edge};
use crate::model::text::shorten;
use crate::ui::components::date_value::{
    computed_date_value, date_value_sentence, date_value_view,
};
use crate::ui::components::virtual_rows::{arrow_keys, reveal_row, use_virtual_rows};
use crate::ui::state::{Action, Dialog, StoreHandle};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// How much of a long quote the list shows (the row also cuts it with an ellipsis).
const LIST_QUOTE_CHARS: usize = 90;
/// Every list row has this height (styles/app.css keeps rows on one line), so the list can
/// render only the rows in view: thousands of rows would cost every keypress a list diff and
/// a layout of hundreds of elements.
const ROW_HEIGHT_PX: i32 = 32;
/// Rows rendered above and below the visible ones, so arrow keys always find a neighbour.
const OVERSCAN_ROWS: i32 = 6;
/// The ring the rendered rows are keyed in: more than a window ever renders (a 2,160 px tall
/// list is some 80 rows), so a row keeps its key, and its element, while it stays rendered,
/// also when the window shrinks at the end of the list.
const RING_SLOTS: usize = 128;

#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    pub store: StoreHandle,
    pub selected: Option<AttrValue>,
    pub filter: Option<Label>,
    /// Whether a selection waits for a label (orphans can be attached to it).
    pub has_pending: bool,
    /// The document's publication date (ISO), which dates without a year are read against.
    #[prop_or_default]
    pub published: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let viewport = use_node_ref();
    let store = props.store.borrow();
    let total = store.len();
    let published = props.published.as_deref().and_then(dates::parse_iso_date);
    let filter_button = |filter: Option<Label>, text: String| {
        let on_action = props.on_action.clone();
        let pressed = props.filter == filter;
        let class = classes!(
            "filter",
            filter.map(|l| format!("chip-{l}")),
            pressed.then_some("on")
        );
        html! {
            <button type="button" {class} aria-pressed={pressed.to_string()} aria-label={format!("Filter: {text}")}
                onclick={Callback::from(move |_| on_action.emit(Action::SetFilter(filter)))}>
                { text }
            </button>
        }
    };
    let shown: Vec<_> = store
        .annotations()
        .iter()
        .filter(|a| props.filter.is_none_or(|f| a.label == f))
        .collect();
    let selected_at = props
        .selected
        .as_ref()
        .and_then(|id| shown.iter().position(|a| a.id == id.as_str()));

    // Bring the selected row into view when the selection or the filter changes.
    {
        let viewport = viewport.clone();
        use_effect_with((props.selected.clone(), props.filter), move |_| {
            if let Some(at) = selected_at {
                // After the frame that shows the change in the text: a far jump re-draws the
                // list's rows, which that frame need not wait for.
                crate::bridge::visibility::after_next_paint(move || {
                    reveal_row(&viewport, at, ROW_HEIGHT_PX)
                });
            }
        });
    }
    let rows = use_virtual_rows(&viewport, shown.len(), ROW_HEIGHT_PX, OVERSCAN_ROWS);
    let (first, last) = (rows.first, rows.last);

    // Arrow keys move focus between the list's buttons, selecting as they go.
    let onkeydown = arrow_keys("button", true);

    html! {
        <aside class="sidebar" aria-label="Annotation panel">
            <Editor store={props.store.clone()} selected={props.selected.clone()} published={props.published.clone()} on_action={props.on_action.clone()} />
            <Orphans store={props.store.clone()} has_pending={props.has_pending} on_action={props.on_action.clone()} />
            <h2 class="panel-title">{ format!("Annotations ({total})") }</h2>
            <div class="filters" role="group" aria-label="Filter by label">
                { filter_button(None, format!("All {total}")) }
                { for Label::ALL.iter().map(|&l| filter_button(Some(l), format!("{} {}", l.title(), store.count(l)))) }
            </div>
            if shown.is_empty() {
                <p class="empty-list">{
                    if total == 0 {
                        "No annotations yet. Select text in the article, then press 1, 2 or 3 (or a, c, d)."
                    } else {
                        "No annotations with this label."
                    }
                }</p>
            }
            <div class="list-viewport" ref={viewport} onscroll={rows.onscroll}>
                <div class="list-spacer" style={rows.spacer_style}>
                    <ul class="ann-list" aria-label="Annotations" {onkeydown} style={rows.rows_style}>
                        // Rows are keyed by their place in a ring, not by annotation: when the selection jumps far (a label added elsewhere
                        // in a long document) the same elements are patched with the new rows
                        // instead of some two hundred being removed and created; a scroll by a
                        // row still moves one element from one end to the other.
                        { for shown[first..last].iter().enumerate().map(|(offset, a)| {
                            let slot = (first + offset) % (last - first).max(RING_SLOTS);
                            let id = AttrValue::from(a.id.clone());
                            let is_selected = props.selected.as_ref() == Some(&id);
                            let on_action = props.on_action.clone();
                            let onclick = {
                                let id = id.clone();
                                Callback::from(move |_| on_action.emit(Action::Select { id: Some(id.clone()), reveal: true }))
                            };
                            html! {
                                <li key={slot} aria-setsize={shown.len().to_string()} aria-posinset={(first + offset + 1).to_string()}>
                                    <button type="button" class={classes!("ann-item", is_selected.then_some("on"))}
                                        aria-current={is_selected.then_some("true")} data-id={id.clone()} {onclick}
                                        title={a.quote.clone()}>
                                        <span class={classes!("chip", format!("chip-{}", a.label))}>{ a.label.as_str() }</span>
                                        <span class="quote" dir="auto">{ shorten(&a.quote, LIST_QUOTE_CHARS) }</span>
                                        if a.label == Label::Date {
                                            { date_value_view(a, published) }
                                        }
                                        if !a.note.is_empty() {
                                            <span class="note-mark" aria-label="has a note">{ "✎" }</span>
                                        }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            </div>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct OrphansProps {
    store: StoreHandle,
    has_pending: bool,
    on_action: Callback<Action>,
}

/// Annotations whose text was not found in this document after an import: listed with their
/// old quote, never dropped, re-attachable to a selection.
#[component]
fn Orphans(props: &OrphansProps) -> Html {
    let store = props.store.borrow();
    let orphans = store.orphans();
    if orphans.is_empty() {
        return html! {};
    }
    html! {
        <section class="orphans" aria-labelledby="orphans-title">
            <h2 id="orphans-title" class="panel-title">{ format!("Orphans ({})", orphans.len()) }</h2>
            <p class="hint">{ "Their text was not found in this version of the document. Select where one belongs, then attach it; or delete it." }</p>
            <ul class="orphan-list" aria-label="Orphans">
                { for orphans.iter().map(|o| {
                    let id = AttrValue::from(o.id.clone());
                    let attach = {
                        let on_action = props.on_action.clone();
                        let id = id.clone();
                        Callback::from(move |_| on_action.emit(Action::Reattach { id: id.clone(), now: clock::now_rfc3339() }))
                    };
                    let delete = {
                        let on_action = props.on_action.clone();
                        let id = id.clone();
                        Callback::from(move |_| on_action.emit(Action::DeleteOrphan(id.clone())))
                    };
                    html! {
                        <li key={o.id.clone()} class="orphan">
                            <span class={classes!("chip", format!("chip-{}", o.label))}>{ o.label.as_str() }</span>
                            <span class="quote" dir="auto" title={o.quote.clone()}>{ format!("“{}”", shorten(&o.quote, LIST_QUOTE_CHARS)) }</span>
                            <span class="orphan-actions">
                                <button type="button" disabled={!props.has_pending}
                                    onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                                    title="Attach this annotation to the selected text"
                                    onclick={attach}>{ "Attach to selection" }</button>
                                <button type="button" onclick={delete}>{ "Delete" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    store: StoreHandle,
    selected: Option<AttrValue>,
    published: Option<AttrValue>,
    on_action: Callback<Action>,
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let store = props.store.borrow();
    let Some(annotation) = props.selected.as_ref().and_then(|id| store.get(id)) else {
        return html! {};
    };
    let id = AttrValue::from(annotation.id.clone());
    let on_note = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                on_action.emit(Action::SetNote {
                    id: id.clone(),
                    note: area.value(),
                    now: clock::now_rfc3339(),
                });
            }
        })
    };
    let nudge = |edge: Edge, direction: Direction, text: &'static str, label: &'static str| {
        let on_action = props.on_action.clone();
        html! {
            <button type="button" class="nudge" aria-label={label} title={label}
                onclick={Callback::from(move |_| on_action.emit(Action::Nudge { edge, direction, now: clock::now_rfc3339() }))}>
                { text }
            </button>
        }
    };
    let on_delete = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::DeleteSelected))
    };
    html! {
        <section class="editor" aria-label="Selected annotation">
            <div class="editor-labels" role="group" aria-label="Label of the selected annotation">
                { for Label::ALL.iter().map(|&label| {
                    let on_action = props.on_action.clone();
                    let on = annotation.label == label;
                    html! {
                        <button type="button" class={classes!("chip", format!("chip-{label}"), on.then_some("on"))}
                            aria-pressed={on.to_string()}
                            onclick={Callback::from(move |_| on_action.emit(Action::ApplyLabel { label, id: clock::fresh_id(), now: clock::now_rfc3339() }))}>
                            { format!("Make {}", label.title()) }
                        </button>
                    }
                }) }
            </div>
            <blockquote class="editor-quote">{ shorten(&annotation.quote, 400) }</blockquote>
            <p class="editor-meta">{ format!("{} · characters {}–{}", annotation.label, annotation.span.start, annotation.span.end) }</p>
            if annotation.label == Label::Claim {
                <Links store={props.store.clone()} claim={id.clone()} published={props.published.clone()} on_action={props.on_action.clone()} />
            }
            if annotation.label == Label::Actor {
                <EntityField store={props.store.clone()} id={id.clone()} on_action={props.on_action.clone()} />
            }
            if annotation.label == Label::Date {
                <label class="field">{ "Date value (ISO 8601; empty = computed)" }
                    <input type="text" key={format!("{}-date", annotation.id)}
                        value={annotation.date_value.clone().unwrap_or_default()}
                        placeholder={computed_date_value(annotation, props.published.as_deref())}
                        onchange={{
                            let on_action = props.on_action.clone();
                            let id = id.clone();
                            Callback::from(move |e: Event| {
                                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                on_action.emit(Action::SetDateValue { id: id.clone(), value: input.value(), now: clock::now_rfc3339() });
                            })
                        }} />
                </label>
                <p class="editor-date">{ date_value_sentence(annotation, props.published.as_deref()) }</p>
            }
            if annotation.label != Label::Claim {
                <button type="button" class="link-open" onclick={props.on_action.reform(|_| Action::OpenDialog(Dialog::link_picker()))}>{ "Link to a claim… (r)" }</button>
            }
            <div class="editor-bounds" role="group" aria-label="Adjust boundaries by a word">
                <span>{ "start" }</span>
                { nudge(Edge::Start, Direction::Backward, "◂", "Move start one word earlier") }
                { nudge(Edge::Start, Direction::Forward, "▸", "Move start one word later") }
                <span>{ "end" }</span>
                { nudge(Edge::End, Direction::Backward, "◂", "Move end one word earlier") }
                { nudge(Edge::End, Direction::Forward, "▸", "Move end one word later") }
            </div>
            <label class="note-label" for="note-field">{ "Note" }</label>
            <textarea id="note-field" key={annotation.id.clone()} class="note" rows="3"
                placeholder="Add a note (saved as you type)"
                value={annotation.note.clone()} oninput={on_note} />
            <button type="button" class="danger" onclick={on_delete}>{ "Delete annotation" }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LinksProps {
    store: StoreHandle,
    claim: AttrValue,
    published: Option<AttrValue>,
    on_action: Callback<Action>,
}

/// A claim's actors and date, with buttons to unlink them or link more.
#[component]
fn Links(props: &LinksProps) -> Html {
    let store = props.store.borrow();
    let links = store.links_of(&props.claim);
    let published = props.published.as_deref().and_then(dates::parse_iso_date);
    let open = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::OpenDialog(Dialog::link_picker())))
    };
    html! {
        <section class="links" aria-label="Who and when">
            if links.is_empty() {
                <p class="hint">{ "Not linked yet: who made this claim, and when?" }</p>
            }
            <ul class="link-list" aria-label="Links of this claim">
                { for links.iter().map(|(relation, other)| {
                    let unlink = {
                        let on_action = props.on_action.clone();
                        let id = AttrValue::from(relation.id.clone());
                        Callback::from(move |_| on_action.emit(Action::Unlink(id.clone())))
                    };
                    let shown = match other.label {
                        Label::Date => shorten(&other.quote, 40),
                        _ => match &other.entity {
                            Some(entity) => format!("{} (= {entity})", shorten(&other.quote, 40)),
                            None => shorten(&other.quote, 40),
                        },
                    };
                    html! {
                        <li key={relation.id.clone()}>
                            <span class={classes!("role-tag", format!("role-{}", relation.role.as_str()))}>{ relation.role.as_str() }</span>
                            <span class="quote" dir="auto">{ shown }</span>
                            if other.label == Label::Date { { date_value_view(other, published) } }
                            <button type="button" class="unlink" aria-label={format!("Unlink {} “{}”", relation.role.as_str(), other.quote)} onclick={unlink}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="link-open" onclick={open}>{ "Link actor or date… (r)" }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EntityFieldProps {
    store: StoreHandle,
    id: AttrValue,
    on_action: Callback<Action>,
}

/// Groups actor mentions into one entity with a canonical name; offers the entity of another
/// mention with the same text.
#[component]
fn EntityField(props: &EntityFieldProps) -> Html {
    let store = props.store.borrow();
    let Some(annotation) = store.get(&props.id) else {
        return html! {};
    };
    let known = store.entities();
    let suggestion = annotation
        .entity
        .is_none()
        .then(|| store.suggested_entity(&props.id))
        .flatten();
    let set = |entity: String| {
        let on_action = props.on_action.clone();
        let id = props.id.clone();
        Callback::from(move |_| {
            on_action.emit(Action::SetEntity {
                id: id.clone(),
                entity: entity.clone(),
                now: clock::now_rfc3339(),
            })
        })
    };
    // Saved as it is typed: a name half typed is not lost when the page goes.
    let oninput = {
        let on_action = props.on_action.clone();
        let id = props.id.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::SetEntity {
                id: id.clone(),
                entity: input.value(),
                now: clock::now_rfc3339(),
            });
        })
    };
    html! {
        <div class="entity-field">
            <label class="field">{ "Entity (the same actor under any name)" }
                <input type="text" list="entity-names" key={format!("{}-entity", annotation.id)}
                    value={annotation.entity.clone().unwrap_or_default()}
                    placeholder="e.g. Russian Ministry of Foreign Affairs" {oninput} />
            </label>
            <datalist id="entity-names">
                { for known.iter().map(|(name, _)| html! { <option value={name.clone()} /> }) }
            </datalist>
            if let Some(entity) = suggestion {
                <button type="button" class="suggest" onclick={set(entity.clone())}>{ format!("Same as the other “{}”: {entity}", shorten(&annotation.quote, 30)) }</button>
            }
        </div>
    }
}
