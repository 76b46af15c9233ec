//! Who claimed what, when: the link picker (claim → actors and dates, actor or date → claims).
//! The claims table is `claims_table`, loaded on first use.

use crate::bridge::clock;
use crate::model::dates;
use crate::model::store::{link_between, links_touching, only_matching, picker_candidates};
use crate::model::text::shorten;
use crate::model::{Annotation, Label, Role};
use crate::ui::components::date_value::date_value_view;
use crate::ui::state::{Action, Picker, StoreHandle};
use crate::ui::DocRef;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many of the first candidates have a digit key.
const DIGIT_KEYS: usize = 9;

#[derive(Properties, PartialEq)]
pub struct LinkPickerProps {
    pub doc: DocRef,
    pub store: StoreHandle,
    /// The annotation being linked: a claim, or an actor or a date.
    pub selected: AttrValue,
    pub picker: Picker,
    pub on_action: Callback<Action>,
}

/// Lists every annotation the selection can be linked with, nearest first: for a claim its
/// actors and dates (its own sentence and the one before first), for an actor or a date the
/// claims. Typing filters; ↑/↓ and Enter link the active row, digits the first nine while the
/// filter is empty; Shift links an actor as target. The buttons do the same with the mouse.
#[component]
pub fn LinkPicker(props: &LinkPickerProps) -> Html {
    let active_row = use_node_ref();
    {
        let active_row = active_row.clone();
        use_effect_with(
            (props.picker.active, props.picker.filter.clone()),
            move |_| {
                if let Some(row) = active_row.cast::<web_sys::Element>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    row.scroll_into_view_with_scroll_into_view_options(&options);
                }
            },
        );
    }
    let store = props.store.borrow();
    let Some(me) = store.get(&props.selected) else {
        return html! {};
    };
    let from_claim = me.label == Label::Claim;
    let published = props
        .doc
        .0
        .published
        .as_deref()
        .and_then(dates::parse_iso_date);
    let linked: Vec<(String, String, Role)> = links_touching(&store, &props.selected)
        .into_iter()
        .map(|(role, claim, other)| (claim.id.clone(), other.id.clone(), role))
        .collect();
    let all = picker_candidates(&store, &props.doc.0.index, &props.selected);
    let total = all.len();
    let candidates = only_matching(all, &props.picker.filter);
    let digits = props.picker.filter.is_empty();
    let close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseDialog))
    };
    let on_filter = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::PickerFilter(input.value()));
        })
    };
    let link_button = |n: usize, as_target: bool, candidate: &Annotation, name: &str| {
        let on_action = props.on_action.clone();
        let (done, text) = match link_between(me, candidate, as_target) {
            Some((claim, other, role)) => (
                linked
                    .iter()
                    .any(|(c, o, r)| *c == claim.id && *o == other.id && *r == role),
                role.as_str(),
            ),
            None => (true, ""),
        };
        let onclick = Callback::from(move |_| {
            on_action.emit(Action::LinkCandidate {
                n,
                as_target,
                id: clock::fresh_id(),
                now: clock::now_rfc3339(),
            })
        });
        html! {
            <button type="button" class={classes!("role", done.then_some("on"))} disabled={done}
                aria-label={format!("{name} {text}")} {onclick}>{ if done { format!("{text} ✓") } else { text.to_owned() } }</button>
        }
    };
    let (title, list_name, empty) = match me.label {
        Label::Claim => (
            "Link the claim".to_owned(),
            "Actors and dates to link",
            "No actor or date annotations yet. Label the speaker and the date first.",
        ),
        label => (
            format!("Link the {label} to a claim"),
            "Claims to link",
            "No claims yet. Label a claim (2 or c) first.",
        ),
    };
    let hint = if from_claim {
        "Nearest first. Type to filter by words or entity name. ↑/↓ choose, Enter links an actor as source or a date as when, Shift+Enter an actor as target. While the filter is empty, digits 1–9 link one of the first nine (Shift: as target); to filter by a number, type a space first. Escape closes."
    } else if me.label == Label::Actor {
        "Nearest first. Type to filter by words. ↑/↓ choose, Enter makes this actor the claim's source, Shift+Enter its target. While the filter is empty, digits 1–9 link one of the first nine (Shift: as target); to filter by a number, type a space first. Escape closes."
    } else {
        "Nearest first. Type to filter by words. ↑/↓ choose, Enter makes this date the claim's when. While the filter is empty, digits 1–9 link one of the first nine; to filter by a number, type a space first. Escape closes."
    };
    // On touch screens and narrow windows the CSS shows this one instead of the key hints.
    let touch_hint = if from_claim {
        "Type to filter. Tap source or target beside an actor, when beside a date."
    } else {
        "Type to filter. Tap the button beside a claim to link it."
    };
    let count = if candidates.len() == total {
        format!("{total} to choose from")
    } else {
        format!("{} of {total} match", candidates.len())
    };
    html! {
        <div class="backdrop">
            <div class="dialog picker" role="dialog" aria-modal="true" aria-labelledby="picker-title" aria-describedby="picker-hint">
                <h2 id="picker-title">{ title }</h2>
                if !from_claim {
                    <p class="picker-subject"><span class={classes!("chip", format!("chip-{}", me.label))}>{ me.label.as_str() }</span>{ " " }<span class="quote" dir="auto">{ shorten(&me.quote, 80) }</span></p>
                }
                <p class="hint" id="picker-hint"><span class="keys-hint">{ hint }</span><span class="touch-hint">{ touch_hint }</span></p>
                <div class="picker-filter">
                    <label for="picker-filter">{ "Filter" }</label>
                    <input id="picker-filter" type="text" autocomplete="off" spellcheck="false" autofocus=true
                        aria-controls="picker-list" value={props.picker.filter.clone()} oninput={on_filter}
                        placeholder={if from_claim { "name, words or date" } else { "words of the claim" }} />
                    <span class="picker-count">{ count }</span>
                </div>
                if total == 0 {
                    <p class="empty-list">{ empty }</p>
                } else if candidates.is_empty() {
                    <p class="empty-list">{ "Nothing matches the filter." }</p>
                }
                <ol class="candidates" id="picker-list" aria-label={list_name}>
                    { for candidates.iter().enumerate().map(|(n, a)| {
                        let key = (digits && n < DIGIT_KEYS).then_some(n + 1);
                        let active = n == props.picker.active;
                        let name = match key {
                            Some(key) => format!("{key}: {} “{}”", a.label, shorten(&a.quote, 50)),
                            None => format!("{} “{}”", a.label, shorten(&a.quote, 50)),
                        };
                        let value = (a.label == Label::Date).then(|| date_value_view(a, published));
                        let as_target = me.label == Label::Actor || a.label == Label::Actor;
                        html! {
                            <li key={a.id.clone()} class={classes!("candidate", active.then_some("active"))}
                                aria-current={active.then_some("true")}
                                ref={if active { active_row.clone() } else { NodeRef::default() }}>
                                <kbd aria-hidden={key.is_none().then_some("true")} class={classes!(key.is_none().then_some("blank"))}>{ key.map(|k| k.to_string()).unwrap_or_default() }</kbd>
                                <span class={classes!("chip", format!("chip-{}", a.label))}>{ a.label.as_str() }</span>
                                <span class="quote" dir="auto">{ shorten(&a.quote, if a.label == Label::Claim { 140 } else { 60 }) }</span>
                                if let Some(value) = value { { value } }
                                if let Some(entity) = &a.entity { <span class="entity">{ format!("= {entity}") }</span> }
                                <span class="roles">
                                    { link_button(n, false, a, &name) }
                                    if as_target {
                                        { link_button(n, true, a, &name) }
                                    }
                                </span>
                            </li>
                        }
                    }) }
                </ol>
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close}>{ "Done" }</button>
                </div>
            </div>
        </div>
    }
}
