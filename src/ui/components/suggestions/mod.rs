//! The suggestions panel (issue 15): runs the suggesters on the open document in the import
//! worker, lists what they propose by label, draws each proposal over the text as a ghost
//! highlight, and lets the person accept, reject or adjust each one, by mouse or by keys.
//! Part of the views loaded on first use (`bridge::lazy_views`): the page hands over the
//! document as it is when the panel opens, and adds what is accepted to the document itself
//! (one undoable step per accept), so an accepted suggestion is an ordinary annotation.

use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::suggestions::{self as stored, Ghost, GhostLayer};
use crate::bridge::{clock, formats_worker, settings};
use crate::model::annotation::Label;
use crate::model::formats::native::{self, TextInclusion};
use crate::model::suggest::{Options, Request, Review, Suggestion, Suggestions};
use crate::model::text::shorten;
use crate::model::{Annotation, Annotations};
use crate::ui::components::panel_keys::{capture_keys, outside_panels};
use crate::ui::components::OpenDocumentProps;
use crate::ui::DocRef;
use gloo::events::EventListener;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

mod keys;
mod rows;

use keys::{decision_for_key, resolve, Decision};
use rows::{describe_keys, end_words, next_words, role_words, row, summary};

/// At most this many rows per label are listed; the rest are reached with `]` and accepted
/// with "Accept all".
const ROWS_PER_LABEL: usize = 200;

#[derive(Clone, PartialEq)]
enum Phase {
    Reading,
    Running(formats_worker::Job),
    Ready,
    Failed(String),
}

/// The review and what the key listener and the ghost layer need of it, shared.
struct Shared {
    review: Review,
    options: Options,
    /// Said to screen readers after each decision.
    said: String,
}

#[component]
pub fn SuggestionsPanel(props: &OpenDocumentProps) -> Html {
    let phase = use_state(|| Phase::Reading);
    let shared = use_mut_ref(|| Shared {
        review: Review::default(),
        options: stored::options(),
        said: String::new(),
    });
    let redraw = use_force_update();
    // Whether the last rejections are in the database yet, in words.
    let saved = use_state(|| "");
    let layer = use_mut_ref(|| None::<GhostLayer>);
    let list = use_node_ref();

    // Read what the library knows and the document's rejections, then run in the worker.
    {
        let (phase, shared, redraw) = (phase.clone(), shared.clone(), redraw.clone());
        let (doc, content) = (props.doc.clone(), props.content.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let knowledge = stored::knowledge().await;
                let rejections = stored::rejections(&doc.0.id).await;
                let (knowledge, rejections) = match (knowledge, rejections) {
                    (Ok(k), Ok(r)) => (k, r),
                    (Err(why), _) | (_, Err(why)) => {
                        return phase.set(Phase::Failed(why));
                    }
                };
                let options = shared.borrow().options;
                let request = Request {
                    knowledge,
                    rejections: rejections.clone(),
                    options,
                };
                let json = serde_json::to_string(&request).unwrap_or_default();
                let done_phase = phase.clone();
                let job =
                    formats_worker::suggest(&doc.0, content.content(), &json, move |answer| {
                        let found = answer.and_then(|json| {
                            serde_json::from_str::<Suggestions>(&json)
                                .map_err(|e| format!("the worker's answer could not be read ({e})"))
                        });
                        match found {
                            Ok(found) => {
                                let mut shared = shared.borrow_mut();
                                shared.review = Review::new(found, rejections);
                                shared.said = summary(&shared.review);
                                drop(shared);
                                done_phase.set(Phase::Ready);
                                redraw.force_update();
                            }
                            Err(why) => done_phase.set(Phase::Failed(why)),
                        }
                    });
                phase.set(Phase::Running(job));
            });
        });
    }

    // The ghost layer: made on opening, removed on closing, drawn after every render (the list
    // or the one under review may have changed) and by the layer itself on scroll and resize.
    let draw: Rc<dyn Fn(&Element)> = {
        let (shared, doc) = (shared.clone(), props.doc.clone());
        Rc::new(move |layer: &Element| {
            let shared = shared.borrow();
            let current = shared.review.current().map(|s| (s.label, s.span));
            let ghosts: Vec<Ghost> = shared
                .review
                .items()
                .iter()
                .filter(|s| !s.rejected)
                .map(|s| Ghost {
                    span: s.span,
                    label: s.label,
                    current: current == Some((s.label, s.span)),
                    lane: None,
                })
                .collect();
            stored::draw_ghosts(layer, &doc.0.index, &ghosts);
        })
    };
    {
        let (layer, draw) = (layer.clone(), draw.clone());
        use_effect_with((), move |_| {
            *layer.borrow_mut() = GhostLayer::new(draw);
            move || drop(layer.borrow_mut().take())
        });
    }
    {
        let (layer, draw) = (layer.clone(), draw.clone());
        use_effect(move || {
            if let Some(layer) = layer.borrow().as_ref() {
                draw(layer.element());
            }
        });
    }

    // What a decision does: accept (the page adds it), reject (remembered), and the focus and
    // ghosts that follow.
    let act = {
        let (shared, redraw, list, saved) =
            (shared.clone(), redraw.clone(), list.clone(), saved.clone());
        let (doc, content, on_event) = (
            props.doc.clone(),
            props.content.clone(),
            props.on_event.clone(),
        );
        Rc::new(move |decision: Decision| {
            let mut state = shared.borrow_mut();
            let current_key = state.review.current().map(Suggestion::key);
            // A key's decision is about the one under review.
            let decision = match decision {
                Decision::Accept(keys) => Decision::Accept(resolve(keys, current_key.as_deref())),
                Decision::Reject(keys) => Decision::Reject(resolve(keys, current_key.as_deref())),
                other => other,
            };
            let index = &doc.0.index;
            let now = clock::now_rfc3339();
            let fresh = || clock::fresh_id();
            let mut focus = false;
            match decision {
                Decision::Accept(keys) => {
                    let described = describe_keys(&state.review, &keys);
                    if let Some(mut batch) =
                        state
                            .review
                            .accept(&keys, index, &content.annotations, fresh, &now)
                    {
                        send(&on_event, &doc, &mut batch);
                        state.said = format!("Accepted {described}. {}", next_words(&state.review));
                        focus = true;
                    }
                }
                Decision::AcceptLinks(at) => {
                    if let Some(mut batch) =
                        state
                            .review
                            .accept_links(&at, index, &content.annotations, fresh, &now)
                    {
                        send(&on_event, &doc, &mut batch);
                        state.said = "Accepted the link.".to_owned();
                    }
                }
                Decision::DismissLinks(at) => state.review.dismiss_links(&at),
                Decision::Reject(keys) => {
                    let described = describe_keys(&state.review, &keys);
                    let keep = state.options.show_rejected;
                    state.review.reject(&keys, keep);
                    state.said = format!("Rejected {described}. {}", next_words(&state.review));
                    save_rejections(&doc.0.id, &state.review, &on_event, saved.clone());
                    focus = true;
                }
                Decision::Restore(key) => {
                    state.review.restore(&key);
                    save_rejections(&doc.0.id, &state.review, &on_event, saved.clone());
                }
                Decision::Current(key) => {
                    state.review.set_current(key);
                    if let Some(s) = state.review.current() {
                        stored::reveal(index, s.span);
                    }
                }
                Decision::Step(step) => {
                    if let Some(s) = state.review.step(step) {
                        stored::reveal(index, s.span);
                        state.said = String::new();
                        focus = true;
                    }
                }
                Decision::Nudge(edge, direction) => {
                    let key = state.review.current().map(Suggestion::key);
                    if let Some(key) = key {
                        if state.review.nudge(&key, index, edge, direction).is_some() {
                            state.said = state
                                .review
                                .current()
                                .map(|s| format!("Now: {}", shorten(&s.quote, 80)))
                                .unwrap_or_default();
                            focus = true;
                        }
                    }
                }
            }
            let current = state.review.current().map(Suggestion::key);
            drop(state);
            redraw.force_update();
            if focus {
                // The row of the one under review takes the focus, once it is drawn.
                let list = list.clone();
                gloo::timers::callback::Timeout::new(0, move || {
                    focus_row(&list, current.as_deref());
                })
                .forget();
            }
        })
    };

    // Keys while the panel is open: `]` / `[` step through the suggestions in reading order;
    // with one under review, Enter or y accepts it, x or n rejects it, and Shift+←/→
    // (Ctrl+Shift+←/→) move its end (start) by a word. Heard before the page's own keys.
    {
        let (act, shared) = (act.clone(), shared.clone());
        use_effect_with((), move |_| {
            let listener = capture_keys(move |event| {
                let has_current = shared.borrow().review.current().is_some();
                let Some(decision) = decision_for_key(event, has_current) else {
                    return false;
                };
                act(decision);
                true
            });
            move || drop(listener)
        });
    }

    // The pointer and the focus: a click on a ghost in the text puts it under review; a
    // click or the focus anywhere else outside the panel ends the review, so that the keys
    // are the page's again (n writes a note, Enter selects).
    {
        let (act, shared, doc) = (act.clone(), shared.clone(), props.doc.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let outside = outside_panels;
            let on_focus = {
                let (act, shared) = (act.clone(), shared.clone());
                EventListener::new(&document, "focusin", move |event| {
                    let reviewing = shared.borrow().review.current().is_some();
                    if reviewing && outside(event) {
                        act(Decision::Current(None));
                    }
                })
            };
            let on_click = EventListener::new(&document, "click", move |event| {
                if !outside(event) {
                    return;
                }
                let root = gloo::utils::document()
                    .query_selector(".doc-text")
                    .ok()
                    .flatten();
                let at = root.as_ref().and_then(|root| {
                    crate::bridge::selection::collapsed_selection_offset(&doc.0.index, root)
                });
                let hit = at.and_then(|at| {
                    let shared = shared.borrow();
                    shared
                        .review
                        .items()
                        .iter()
                        .filter(|s| !s.rejected && s.span.start <= at && at < s.span.end)
                        .min_by_key(|s| s.span.len())
                        .map(Suggestion::key)
                });
                let reviewing = shared.borrow().review.current().is_some();
                if hit.is_some() || reviewing {
                    act(Decision::Current(hit));
                }
            });
            move || drop((on_focus, on_click))
        });
    }

    let shared_now = shared.borrow();
    let review = &shared_now.review;
    let options = shared_now.options;
    let close = props.on_event.reform(|_| ViewEvent::Close);
    let again = props.on_event.reform(|_| ViewEvent::Again);
    let cancel = {
        let phase = phase.clone();
        Callback::from(move |_| {
            if let Phase::Running(job) = &*phase {
                formats_worker::cancel(*job);
                phase.set(Phase::Failed("Stopped: nothing was suggested".to_owned()));
            }
        })
    };
    let set_options = {
        let (shared, on_event) = (shared.clone(), props.on_event.clone());
        move |change: fn(&mut Options, bool)| {
            let (shared, on_event) = (shared.clone(), on_event.clone());
            Callback::from(move |event: Event| {
                let on = event
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked();
                let mut options = shared.borrow().options;
                change(&mut options, on);
                stored::save_options(options);
                // Run again with the new choice.
                on_event.emit(ViewEvent::Again);
            })
        }
    };
    let auto = settings::auto_suggest();
    let on_auto = Callback::from(|event: Event| {
        settings::save_auto_suggest(
            event
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        );
    });
    let decide = |decision: Decision| {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act(decision.clone()))
    };

    let body = match &*phase {
        Phase::Reading => {
            html! { <p class="suggest-status" role="status">{ "Reading what the library knows…" }</p> }
        }
        Phase::Running(_) => html! {
            <p class="suggest-status" role="status">{ "Suggesting…" }
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            </p>
        },
        Phase::Failed(why) => html! {
            <p class="form-error" role="alert">{ format!("No suggestions: {why}.") }</p>
        },
        Phase::Ready if review.is_empty() => html! {
            <p class="suggest-status suggest-empty">{ "Nothing to suggest in this document: every name, claim and date the suggesters find is annotated or was rejected." }</p>
        },
        Phase::Ready => {
            let keys_of = |label: Option<Label>| -> Vec<String> {
                review
                    .items()
                    .iter()
                    .filter(|s| !s.rejected && label.is_none_or(|l| s.label == l))
                    .map(Suggestion::key)
                    .collect()
            };
            let current = review.current().map(Suggestion::key);
            let existing: HashMap<&str, &Annotation> = props
                .content
                .annotations
                .iter()
                .map(|a| (a.id.as_str(), a))
                .collect();
            let group = |label: Label| {
                let items: Vec<&Suggestion> =
                    review.items().iter().filter(|s| s.label == label).collect();
                if items.is_empty() {
                    return html! {};
                }
                let count = review.count(label);
                let more = items.len().saturating_sub(ROWS_PER_LABEL);
                html! {
                    <li class="suggest-group">
                        <div class="suggest-group-head">
                            <h3 class={classes!("chip", format!("chip-{label}"))}>{ format!("{} ({count})", label.title()) }</h3>
                            <button type="button" disabled={count == 0}
                                onclick={decide(Decision::Accept(keys_of(Some(label))))}>{ format!("Accept all {}s", label.as_str()) }</button>
                        </div>
                        <ul aria-label={format!("Suggested {}s", label.as_str())}>
                            { for items.iter().take(ROWS_PER_LABEL).map(|s| row(s, current.as_deref(), review, &existing, &decide)) }
                        </ul>
                        if more > 0 {
                            <p class="hint">{ format!("{more} more: step to them with ], or accept them all.") }</p>
                        }
                    </li>
                }
            };
            let links = review.link_items();
            html! {
                <>
                <div class="suggest-actions">
                    <button type="button" class="primary" onclick={decide(Decision::Accept(keys_of(None)))}
                        title="Accept every suggestion listed, with their links (Ctrl+Z takes them back)">{ "Accept all" }</button>
                    <button type="button" onclick={decide(Decision::Reject(keys_of(None)))}
                        title="Reject every suggestion listed; they are not suggested again in this document">{ "Reject all" }</button>
                </div>
                <ul class="suggest-list" aria-label="Suggestions" ref={list.clone()}>
                    { for Label::ALL.into_iter().map(group) }
                    if !links.is_empty() {
                        <li class="suggest-group">
                            <div class="suggest-group-head">
                                <h3>{ format!("Links of annotated claims ({})", links.len()) }</h3>
                                <button type="button" onclick={decide(Decision::AcceptLinks((0..links.len()).collect()))}>{ "Accept all links" }</button>
                            </div>
                            <ul aria-label="Suggested links">
                                { for links.iter().enumerate().take(ROWS_PER_LABEL).map(|(i, link)| {
                                    let claim = existing.get(link.claim.as_str())
                                        .map(|a| shorten(&a.quote, 60)).unwrap_or_default();
                                    // A link whose other end was rejected would not be made.
                                    let Some(other) = end_words(&link.other, review, &existing) else {
                                        return html! {};
                                    };
                                    let text = format!("claim “{claim}” — {}: {other}", role_words(link.role));
                                    html! {
                                        <li class="suggest-row">
                                            <span class="suggest-quote">{ text.clone() }</span>
                                            <button type="button" class="suggest-yes" aria-label={format!("Accept link: {text}")}
                                                onclick={decide(Decision::AcceptLinks(vec![i]))}>{ "✓" }</button>
                                            <button type="button" class="suggest-no" aria-label={format!("Dismiss link: {text}")}
                                                onclick={decide(Decision::DismissLinks(vec![i]))}>{ "✗" }</button>
                                        </li>
                                    }
                                }) }
                            </ul>
                            if links.len() > ROWS_PER_LABEL {
                                <p class="hint">{ format!("{} more: accept them all.", links.len() - ROWS_PER_LABEL) }</p>
                            }
                        </li>
                    }
                </ul>
                </>
            }
        }
    };
    let which = options.which;
    html! {
        <aside class="suggest-panel" aria-labelledby="suggest-title">
            <div class="suggest-head">
                <h2 id="suggest-title" class="panel-title">{ "Suggestions" }</h2>
                <button type="button" onclick={again} title="Run the suggesters again on the document as it is now (s)">{ "Suggest again" }</button>
                <button type="button" class="suggest-close" aria-label="Close suggestions" title="Close suggestions" onclick={close}>{ "×" }</button>
            </div>
            <p class="hint">{ "Dashed boxes in the text are suggestions. ] and [ step through them; Enter or y accepts, x or n rejects; Shift+←/→ and Ctrl+Shift+←/→ move the end and start first." }</p>
            { body }
            <p class="hint suggest-saved" role="status">{ *saved }</p>
            <details class="suggest-options">
                <summary>{ "Options" }</summary>
                <label><input type="checkbox" checked={which.actors} onchange={set_options(|o, on| o.which.actors = on)} />{ " Actors" }</label>
                <label><input type="checkbox" checked={which.claims} onchange={set_options(|o, on| o.which.claims = on)} />{ " Claims" }</label>
                <label><input type="checkbox" checked={which.dates} onchange={set_options(|o, on| o.which.dates = on)} />{ " Dates" }</label>
                <label><input type="checkbox" checked={which.relations} onchange={set_options(|o, on| o.which.relations = on)} />{ " Links (source, when)" }</label>
                <label><input type="checkbox" checked={options.show_rejected} onchange={set_options(|o, on| o.show_rejected = on)} />{ " Show rejected" }</label>
                <label><input type="checkbox" checked={auto} onchange={on_auto} />{ " Suggest when a document is opened" }</label>
            </details>
            <div class="visually-hidden" aria-live="polite" aria-atomic="true">{ shared_now.said.clone() }</div>
        </aside>
    }
}

/// Writes the document's rejections; `saved` is told "Saving…" at once and "saved" only once
/// the database has them (a rejection must not look kept before it is).
fn save_rejections(
    doc_id: &str,
    review: &Review,
    on_event: &Callback<ViewEvent>,
    saved: UseStateHandle<&'static str>,
) {
    let (doc_id, rejections, on_event) = (
        doc_id.to_owned(),
        review.rejections().clone(),
        on_event.clone(),
    );
    saved.set("Saving the rejections…");
    wasm_bindgen_futures::spawn_local(async move {
        match stored::save_rejections(&doc_id, &rejections).await {
            Ok(()) => saved.set("Rejections saved locally."),
            Err(why) => {
                saved.set("");
                on_event.emit(ViewEvent::Error(format!(
                    "The rejected suggestions could not be saved ({why}); they may be suggested again."
                )));
            }
        }
    });
}

fn focus_row(list: &NodeRef, key: Option<&str>) {
    let (Some(list), Some(key)) = (list.cast::<Element>(), key) else {
        return;
    };
    if let Some(button) = list
        .query_selector(&format!(".suggest-item[data-key=\"{key}\"]"))
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// Hands accepted suggestions to the page, which adds them as one undoable step. They are the
/// person's own annotations: their annotator name goes on them (an import keeps a file's names
/// as they are, so the page does not add it).
fn send(on_event: &Callback<ViewEvent>, doc: &DocRef, batch: &mut Annotations) {
    let name = settings::annotator_name().unwrap_or_default();
    for annotation in batch
        .annotations
        .iter_mut()
        .filter(|a| a.annotator.is_empty())
    {
        annotation.annotator.clone_from(&name);
    }
    on_event.emit(ViewEvent::Accept(native::to_json(
        &doc.0,
        batch.content(),
        TextInclusion::Compact,
    )));
}
