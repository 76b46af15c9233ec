//! The selected annotation's actions at the bottom of a narrow screen.

use crate::bridge::clock;
use crate::model::annotation::Label;
use crate::model::text::shorten;
use crate::ui::state::{Action, Dialog, FocusTarget, StoreHandle};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionBarProps {
    pub store: StoreHandle,
    pub selected: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

/// On narrow screens the side panel lies below the whole article, so the selected
/// annotation's actions come with it in a bar at the bottom of the screen: its label (to
/// change it), link, note and delete. Wide screens hide it (styles/app.css): the panel is
/// beside the text there.
#[component]
pub fn ActionBar(props: &ActionBarProps) -> Html {
    let store = props.store.borrow();
    let Some(annotation) = props.selected.as_ref().and_then(|id| store.get(id)) else {
        return html! {};
    };
    let relabel = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(label) = Label::ALL
                .into_iter()
                .find(|l| l.as_str() == select.value())
            {
                on_action.emit(Action::ApplyLabel {
                    label,
                    id: clock::fresh_id(),
                    now: clock::now_rfc3339(),
                });
            }
        })
    };
    let act = |action: fn() -> Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(action()))
    };
    html! {
        <section class={classes!("action-bar", format!("chip-{}", annotation.label))} aria-label="Selected annotation actions">
            <p class="action-quote" dir="auto">{ format!("“{}”", shorten(&annotation.quote, 80)) }</p>
            <div class="action-buttons">
                <label class="action-label">{ "Label" }
                    <select key={annotation.id.clone()} onchange={relabel}>
                        { for Label::ALL.into_iter().map(|label| html! {
                            <option value={label.as_str()} selected={label == annotation.label}>{ label.title() }</option>
                        }) }
                    </select>
                </label>
                <button type="button" title={if annotation.label == Label::Claim { "Link this claim to its actor or date" } else { "Link this annotation to a claim" }}
                    onclick={act(|| Action::OpenDialog(Dialog::link_picker()))}>{ "Link…" }</button>
                <button type="button" title="Write a note on this annotation (in the panel below the article)"
                    onclick={act(|| Action::MoveFocus(FocusTarget::NoteField))}>{ "Note" }</button>
                <button type="button" class="danger" title="Delete this annotation (undo brings it back)"
                    onclick={act(|| Action::DeleteSelected)}>{ "Delete" }</button>
            </div>
        </section>
    }
}
