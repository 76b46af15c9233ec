//! The curation walk on a gold document: every place where the layers disagree, in reading
//! order, with each layer's version and what the gold holds there now. `]` / `[` step
//! through them; `1`, `2`, … take that layer's version, `b` keeps both, `x` drops it; each
//! decision is one undoable step of the page (Ctrl+Z). What is decided is read back from the
//! gold itself (saved by the page, followed through the database's change feed), so undo,
//! redo and hand edits show in the walk as they happen.

use crate::bridge::curation::{self as stored, Curation};
use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::suggestions::{reveal, Ghost};
use crate::bridge::{clock, db, storage};
use crate::model::curation::{self, Choice, Item, Status, Version};
use crate::model::formats::native::{self, TextInclusion};
use crate::model::layers::Layer;
use crate::model::records::{self, Stored};
use crate::model::text::shorten;
use crate::model::Annotations;
use crate::ui::components::panel_keys::{capture_keys, not_for_panels, outside_panels};
use crate::ui::DocRef;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct WalkProps {
    pub doc: DocRef,
    /// In the order of their keys.
    pub layers: Rc<Vec<Layer>>,
    pub curation: Rc<Curation>,
    pub items: Rc<Vec<Item>>,
    /// Marks to draw besides the layers' (the place under review).
    pub on_current: Callback<Vec<Ghost>>,
    pub on_event: Callback<ViewEvent>,
}

/// How many rows are drawn, and how many of them before the one under review.
const ROWS_SHOWN: usize = 150;
const ROWS_BEFORE: usize = 50;

/// What the key listener, the change feed and the rows share.
struct Walk {
    /// The gold as last read from the database, with this panel's own decisions applied
    /// until the page's save comes back.
    gold: Annotations,
    /// Read from the database at least once.
    read: bool,
    /// The gold's records as last read, which the change feed's records update.
    stored: Option<Stored>,
    curation: Curation,
    /// Position in `order` of the place under review.
    current: Option<usize>,
    /// Said to screen readers after each decision.
    said: String,
}

/// What a key asks of the walk.
enum Key {
    Step(bool),
    Decide(Choice),
    Leave,
}

fn key_meaning(event: &KeyboardEvent, reviewing: bool, layers: usize) -> Option<Key> {
    // Ctrl+Z and the like are the page's: undo works throughout the walk.
    if event.ctrl_key() || not_for_panels(event) {
        return None;
    }
    let key = event.key();
    match key.as_str() {
        "]" => return Some(Key::Step(true)),
        "[" => return Some(Key::Step(false)),
        _ => {}
    }
    if !reviewing {
        return None;
    }
    match key.as_str() {
        "b" | "B" => Some(Key::Decide(Choice::Both)),
        "x" | "X" => Some(Key::Decide(Choice::Drop)),
        "Escape" => Some(Key::Leave),
        digit => digit
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=layers.min(9)).contains(n))
            .map(|n| Key::Decide(Choice::Layer(n - 1))),
    }
}

#[component]
pub(super) fn CurationWalk(props: &WalkProps) -> Html {
    let redraw = use_force_update();
    let walk = use_mut_ref(|| Walk {
        gold: Annotations::default(),
        read: false,
        stored: None,
        curation: (*props.curation).clone(),
        current: None,
        said: String::new(),
    });
    let list = use_node_ref();
    // The places walked through: the disagreements, and the agreements too when they were not
    // taken without asking.
    let order: Rc<Vec<usize>> = {
        let (items, take) = (props.items.clone(), props.curation.take_agreed);
        use_memo(items, move |items| {
            (0..items.len())
                .filter(|&i| !(take && items[i].agreed))
                .collect()
        })
    };

    // The gold, read now and whenever the page saves it.
    {
        let (walk, redraw, doc) = (walk.clone(), redraw.clone(), props.doc.clone());
        let (layers, items, on_event) = (
            props.layers.clone(),
            props.items.clone(),
            props.on_event.clone(),
        );
        use_effect_with((), move |_| {
            let prefixes = [
                records::annotation_prefix(&doc.0.id),
                records::relation_prefix(&doc.0.id),
            ];
            // The change feed's records, taken in a burst at a time (one decision writes
            // several): only what changed is read, not the whole gold again.
            let arrived: Rc<RefCell<Vec<serde_json::Value>>> = Rc::default();
            let take_in = {
                let (walk, redraw, doc, arrived) =
                    (walk.clone(), redraw.clone(), doc.clone(), arrived.clone());
                move || {
                    let mut state = walk.borrow_mut();
                    let Some(stored) = state.stored.as_mut() else {
                        return; // Not read yet: the first read takes them in.
                    };
                    let records = records::latest_each(std::mem::take(&mut *arrived.borrow_mut()));
                    // An unreadable record is the page's to report; the rest is taken in. The
                    // walk's own copy follows the records even when they bring nothing new to
                    // them: a decision shown at once and undone before it was saved.
                    let _ = stored.absorb(&doc.0, &records);
                    state.gold = stored.content();
                    drop(state);
                    redraw.force_update();
                }
            };
            {
                let (walk, redraw, doc, take_in) =
                    (walk.clone(), redraw.clone(), doc.clone(), take_in.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let (stored, gold) = match storage::stored_annotations(&doc.0).await {
                        Ok(read) => read,
                        Err(why) => {
                            return on_event.emit(ViewEvent::Error(format!(
                                "The gold annotations could not be read: {why}."
                            )))
                        }
                    };
                    {
                        let mut state = walk.borrow_mut();
                        state.gold = gold;
                        state.stored = Some(stored);
                        state.read = true;
                    }
                    start(&walk, &doc, &layers, &items, &on_event);
                    take_in();
                    redraw.force_update();
                });
            }
            let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let watch = {
                let pending = pending.clone();
                db::watch(&prefixes, move |record| {
                    if records::is_colleagues(&record, crate::bridge::sync::owner().as_deref()) {
                        return;
                    }
                    arrived.borrow_mut().push(record);
                    let take_in = take_in.clone();
                    *pending.borrow_mut() = Some(Timeout::new(40, take_in));
                })
            };
            move || {
                drop(watch);
                drop(pending.borrow_mut().take());
            }
        });
    }

    // Moves the review to another place, brings it into view and gives its row the focus.
    let go = {
        let (walk, redraw, list, items, order, doc) = (
            walk.clone(),
            redraw.clone(),
            list.clone(),
            props.items.clone(),
            order.clone(),
            props.doc.clone(),
        );
        Rc::new(move |to: Option<usize>| {
            walk.borrow_mut().current = to;
            redraw.force_update();
            let Some(at) = to else { return };
            let item = &items[order[at]];
            reveal(&doc.0.index, item.extent);
            let (list, key) = (list.clone(), item.key.clone());
            Timeout::new(0, move || focus_row(&list, &key)).forget();
        })
    };

    // A decision: the page replaces what the gold has at the place with the choice (one
    // undoable step); the walk shows it at once and moves on to the next place not decided.
    let decide = {
        let (walk, redraw, doc, on_event) = (
            walk.clone(),
            redraw.clone(),
            props.doc.clone(),
            props.on_event.clone(),
        );
        let (layers, items, order, go) = (
            props.layers.clone(),
            props.items.clone(),
            order.clone(),
            go.clone(),
        );
        Rc::new(move |at: usize, choice: Choice| {
            let item = &items[order[at]];
            let now = clock::now_rfc3339();
            let said = match &choice {
                Choice::Layer(i) => format!("Took the version of {}", layers[*i].annotator),
                Choice::Both => "Kept every version".to_owned(),
                Choice::Drop => "Dropped".to_owned(),
            };
            let (envelope, next) = {
                let mut walk = walk.borrow_mut();
                let change = curation::apply(
                    item,
                    &choice,
                    &contents(&layers),
                    walk.gold.content(),
                    &crate::bridge::settings::own_layer_name(),
                    &now,
                );
                let file = curation::self_contained(&change, walk.gold.content());
                let envelope = format!(
                    "{{\"remove\":{},\"say\":{},\"file\":{}}}",
                    serde_json::json!(change.remove),
                    serde_json::json!(said),
                    native::to_json(&doc.0, file.content(), TextInclusion::Compact)
                );
                curation::apply_locally(&mut walk.gold, &change.remove, &file);
                // Taking a layer that has nothing here decides the place as empty, as a drop.
                let dropped = match choice {
                    Choice::Drop => true,
                    Choice::Layer(i) => item.versions[i].is_empty(),
                    Choice::Both => false,
                };
                let was_dropped = walk.curation.dropped.contains(&item.key);
                if dropped != was_dropped {
                    if dropped {
                        walk.curation.dropped.push(item.key.clone());
                    } else {
                        walk.curation.dropped.retain(|k| *k != item.key);
                    }
                    save(&doc.0.id, &walk.curation, &on_event);
                }
                walk.said = format!("{said}: {}.", place_words(&doc, item));
                let dropped: HashSet<String> = walk.curation.dropped.iter().cloned().collect();
                let statuses = curation::statuses(&items, walk.gold.content(), &dropped);
                let next = (at + 1..order.len())
                    .chain(0..at)
                    .find(|i| statuses[order[*i]] == Status::Open);
                (envelope, next)
            };
            on_event.emit(ViewEvent::Accept(envelope));
            go(next.or(Some(at)));
            redraw.force_update();
        })
    };

    // Keys while the panel is open, heard before the page's own.
    {
        let (walk, go, decide, order) = (walk.clone(), go.clone(), decide.clone(), order.clone());
        let layers = props.layers.len();
        use_effect_with((), move |_| {
            let listener = capture_keys(move |event| {
                let current = walk.borrow().current;
                let Some(meaning) = key_meaning(event, current.is_some(), layers) else {
                    return false;
                };
                match meaning {
                    Key::Step(_) if order.is_empty() => {}
                    Key::Step(forward) => go(Some(match current {
                        None if forward => 0,
                        None => order.len() - 1,
                        Some(at) if forward => (at + 1).min(order.len() - 1),
                        Some(at) => at.saturating_sub(1),
                    })),
                    Key::Decide(choice) => {
                        if let Some(at) = current {
                            decide(at, choice);
                        }
                    }
                    Key::Leave => go(None),
                }
                true
            });
            move || drop(listener)
        });
    }

    // A click or the focus outside the panel ends the review: the keys are the page's again.
    {
        let (walk, redraw) = (walk.clone(), redraw.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let outside = outside_panels;
            let leave = move |event: &web_sys::Event| {
                if outside(event) && walk.borrow().current.is_some() {
                    walk.borrow_mut().current = None;
                    redraw.force_update();
                }
            };
            let leave = Rc::new(leave);
            let on_focus = {
                let leave = leave.clone();
                EventListener::new(&document, "focusin", move |e| leave(e))
            };
            let on_click = EventListener::new(&document, "click", move |e| leave(e));
            move || drop((on_focus, on_click))
        });
    }

    // The place under review, outlined in the text.
    {
        let (walk, items, order, on_current) = (
            walk.clone(),
            props.items.clone(),
            order.clone(),
            props.on_current.clone(),
        );
        use_effect(move || {
            let current = walk.borrow().current.map(|at| &items[order[at]]);
            on_current.emit(
                current
                    .map(|item| Ghost {
                        span: item.extent,
                        label: first_label(item),
                        current: true,
                        lane: None,
                    })
                    .into_iter()
                    .collect(),
            );
        });
    }

    let state = walk.borrow();
    if !state.read {
        return html! { <p role="status">{ "Reading the gold annotations…" }</p> };
    }
    let dropped: HashSet<String> = state.curation.dropped.iter().cloned().collect();
    // Every place's status from one look at the gold; the summary and the rows read them.
    let statuses = curation::statuses(&props.items, state.gold.content(), &dropped);
    let summary = curation::summarise(&props.items, &statuses, props.layers.len());
    let names: Vec<&str> = props.layers.iter().map(|l| l.annotator.as_str()).collect();
    let decided = summary.disagreements - summary.open;
    let taken = names
        .iter()
        .zip(&summary.taken_by_layer)
        .map(|(name, n)| format!("{name} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let summary_words = format!(
        "{} disagreements: {decided} decided, {} to go. Taken from {taken}; both kept {}; dropped {}; edited by hand {}. Agreements: {} of {} in the gold.",
        summary.disagreements, summary.open, summary.both, summary.dropped, summary.edited, summary.agreed_in_gold, summary.agreed
    );
    // A long document has thousands of places: the rows around the one under review are
    // drawn (the keys step through all of them).
    let first = state.current.map_or(0, |at| at.saturating_sub(ROWS_BEFORE));
    let shown = first..(first + ROWS_SHOWN).min(order.len()).max(first);
    let row = |at: usize| {
        let item = &props.items[order[at]];
        let status = statuses[order[at]].clone();
        let current = state.current == Some(at);
        let pick = |choice: Choice| {
            let decide = decide.clone();
            Callback::from(move |event: MouseEvent| {
                event.stop_propagation();
                decide(at, choice);
            })
        };
        let select = {
            let go = go.clone();
            Callback::from(move |_| go(Some(at)))
        };
        html! {
            <li key={item.key.clone()} class={classes!("curate-item", current.then_some("current"), (status != Status::Open).then_some("decided"))}
                data-key={item.key.clone()} tabindex="-1" onclick={select}
                aria-label={format!("{}: {}", place_words(&props.doc, item), status_words(&status, &names))}>
                <div class="curate-head">
                    <span class="curate-where">{ place_words(&props.doc, item) }</span>
                    <span class="curate-status">{ status_words(&status, &names) }</span>
                </div>
                { for item.versions.iter().enumerate().map(|(i, version)| {
                    let words = version_words(&props.doc, version);
                    html! {
                        <div class="curate-version">
                            <button type="button" class="curate-take" onclick={pick(Choice::Layer(i))}
                                aria-label={format!("{}: take the version of {}: {words}", i + 1, names[i])}
                                title={format!("Take the version of {} ({})", names[i], i + 1)}>{ (i + 1).to_string() }</button>
                            <span class="curate-text">{ format!("{}: {words}", names[i]) }</span>
                        </div>
                    }
                }) }
                <div class="suggest-actions">
                    <button type="button" onclick={pick(Choice::Both)} title="Keep every layer's version (b)">{ "Both" }</button>
                    <button type="button" onclick={pick(Choice::Drop)} title="Keep none of them (x)">{ "Drop" }</button>
                </div>
            </li>
        }
    };
    html! {
        <>
        <p class="curate-summary" role="status">{ summary_words }</p>
        <p class="hint">{ "] and [ step through the disagreements (outlined in the text); 1, 2, … take that layer's version, b keeps both, x drops it; Ctrl+Z undoes. The gold is this document's own annotations: export it like any other." }</p>
        if order.is_empty() {
            <p class="hint">{ "The layers agree everywhere: nothing to decide." }</p>
        } else if summary.open == 0 {
            <p class="hint">{ "Every disagreement is decided." }</p>
        }
        <ol class="suggest-list curate-list" aria-label="Disagreements" ref={list.clone()} start={(shown.start + 1).to_string()}>
            { for shown.clone().map(row) }
        </ol>
        if shown.end < order.len() {
            <p class="hint">{ format!("{} more below: ] steps to them.", order.len() - shown.end) }</p>
        }
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">{ state.said.clone() }</div>
        </>
    }
}

fn contents(layers: &[Layer]) -> Vec<crate::model::Content<'_>> {
    layers.iter().map(Layer::content).collect()
}

/// Once the gold is first read: what every layer agrees on goes in (one undoable step),
/// unless that was done already.
fn start(
    walk: &Rc<RefCell<Walk>>,
    doc: &DocRef,
    layers: &[Layer],
    items: &[Item],
    on_event: &Callback<ViewEvent>,
) {
    let mut state = walk.borrow_mut();
    if state.curation.started {
        return;
    }
    state.curation.started = true;
    save(&doc.0.id, &state.curation, on_event);
    if !state.curation.take_agreed || !state.gold.is_empty() {
        return;
    }
    let contents: Vec<_> = layers.iter().map(Layer::content).collect();
    let gold = curation::initial_gold(
        items,
        &contents,
        true,
        &crate::bridge::settings::own_layer_name(),
        &clock::now_rfc3339(),
    );
    if gold.annotations.is_empty() {
        return;
    }
    curation::apply_locally(&mut state.gold, &[], &gold);
    on_event.emit(ViewEvent::Accept(format!(
        "{{\"remove\":[],\"say\":\"Took what every layer agrees on\",\"file\":{}}}",
        native::to_json(&doc.0, gold.content(), TextInclusion::Compact)
    )));
}

fn save(doc_id: &str, curation: &Curation, on_event: &Callback<ViewEvent>) {
    let (doc_id, curation, on_event) = (doc_id.to_owned(), curation.clone(), on_event.clone());
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(why) = stored::save_curation(&doc_id, &curation).await {
            on_event.emit(ViewEvent::Error(format!(
                "The curation's decisions could not be saved ({why}); a dropped place may show as undecided after a reload."
            )));
        }
    });
}

fn first_label(item: &Item) -> crate::model::Label {
    item.versions
        .iter()
        .flat_map(|v| v.spans.first())
        .map(|(label, _)| *label)
        .next()
        .unwrap_or(crate::model::Label::Actor)
}

/// "actor “Sergey Lavrov”" for a place: its first label and its text.
fn place_words(doc: &DocRef, item: &Item) -> String {
    let text = doc.0.index.slice(item.extent.start, item.extent.end);
    format!("{} “{}”", first_label(item), shorten(text, 60))
}

fn version_words(doc: &DocRef, version: &Version) -> String {
    if version.spans.is_empty() {
        return "nothing here".to_owned();
    }
    let text = |span: crate::model::CharSpan| shorten(doc.0.index.slice(span.start, span.end), 48);
    let mut words: Vec<String> = version
        .spans
        .iter()
        .map(|(label, span)| format!("{label} “{}”", text(*span)))
        .collect();
    words.extend(
        version
            .links
            .iter()
            .map(|(_, role, _, other)| format!("{} → “{}”", role.as_str(), text(*other))),
    );
    words.join("; ")
}

fn status_words(status: &Status, names: &[&str]) -> String {
    match status {
        Status::Open => "to decide".to_owned(),
        Status::Taken(layers) => format!(
            "taken: {}",
            layers
                .iter()
                .filter_map(|i| names.get(*i))
                .copied()
                .collect::<Vec<_>>()
                .join(" = ")
        ),
        Status::Both => "both kept".to_owned(),
        Status::Dropped => "dropped".to_owned(),
        Status::Edited => "edited by hand".to_owned(),
    }
}

fn focus_row(list: &NodeRef, key: &str) {
    let Some(list) = list.cast::<Element>() else {
        return;
    };
    let selector = format!(".curate-item[data-key=\"{}\"]", key.replace('"', "\\\""));
    if let Some(row) = list
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|r| r.dyn_into::<HtmlElement>().ok())
    {
        let _ = row.focus();
    }
}
