//! The question for the person's annotator name before their first export (issue 16): every
//! export names who made each annotation. A view loaded on first use, so that the page's own
//! download does not carry it; the page exports once it answers.

use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::{clock, settings};
use crate::model::curation::self_contained;
use crate::model::formats::native::{self, TextInclusion};
use crate::model::layers::naming;
use crate::ui::components::OpenDocumentProps;
use yew::prelude::*;

/// Remembered in this browser; "Export without a name" exports as it is (the annotations
/// that name no one then say "unknown"). Either answer is given once: the question is not
/// asked again.
#[component]
pub fn AnnotatorNameView(props: &OpenDocumentProps) -> Html {
    let input = use_node_ref();
    let claim = use_node_ref();
    let unnamed = props
        .content
        .annotations
        .iter()
        .filter(|a| a.annotator.is_empty())
        .count();
    let finish = {
        let (input, claim, on_event) = (input.clone(), claim.clone(), props.on_event.clone());
        let (doc, content) = (props.doc.clone(), props.content.clone());
        move |named: bool| {
            let name = input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value().trim().to_owned())
                .filter(|name| named && !name.is_empty())
                .unwrap_or_default();
            settings::set_annotator_asked();
            if !name.is_empty() {
                settings::save_annotator_name(&name);
            }
            let claimed = claim
                .cast::<web_sys::HtmlInputElement>()
                .is_some_and(|c| c.checked());
            if claimed && !name.is_empty() {
                // One undoable step on the page, before the export reads the document.
                let change = naming(content.content(), &name, &clock::now_rfc3339());
                let file = self_contained(&change, content.content());
                on_event.emit(ViewEvent::Accept(format!(
                    "{{\"remove\":{},\"say\":\"Named yours\",\"file\":{}}}",
                    serde_json::json!(change.remove),
                    native::to_json(&doc.0, file.content(), TextInclusion::Compact)
                )));
            }
            on_event.emit(ViewEvent::Named(name));
        }
    };
    let submit = {
        let finish = finish.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            finish(true)
        })
    };
    let close = props.on_event.reform(|_| ViewEvent::Close);
    html! {
        <div class="backdrop">
            <form class="dialog" role="dialog" aria-modal="true" aria-labelledby="name-title" onsubmit={submit}>
                <h2 id="name-title">{ "Your name as annotator" }</h2>
                <p>{ "Exports say who made each annotation, so that colleagues can compare and merge their files. Your name is kept in this browser and put on what you annotate from now on." }</p>
                <label class="field">{ "Name " }<input ref={input} type="text" autofocus=true placeholder="e.g. Ana Lima" /></label>
                if unnamed > 0 {
                    <label><input ref={claim} type="checkbox" checked=true />{ format!(" Put it also on the {unnamed} annotations of this document that name no one (Ctrl+Z takes it off)") }</label>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={close}>{ "Cancel" }</button>
                    <button type="button" onclick={Callback::from(move |_| finish(false))}>{ "Export without a name" }</button>
                    <button type="submit" class="primary">{ "Save and export" }</button>
                </div>
            </form>
        </div>
    }
}
