//! The import question, the confirmations (relabel with links, delete all), the shortcut sheet
//! and the overlap popover.

use crate::model::store::{ImportMode, Store};
use crate::model::text::shorten;
use crate::ui::state::{
    Action, Choices, Confirm, ImportStage, Importing, StagedImport, StoreHandle,
};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportDialogProps {
    pub staged: StagedImport,
    pub current: usize,
    /// The person's annotator name.
    pub me: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ImportDialog(props: &ImportDialogProps) -> Html {
    let count =
        props.staged.plan.content.annotations.len() + props.staged.plan.content.orphans.len();
    let choose = |mode: ImportMode| {
        let on_action = props.on_action.clone();
        Callback::from(move |_| {
            let fresh_ids = (0..count)
                .map(|_| crate::bridge::clock::fresh_id())
                .collect();
            on_action.emit(Action::ConfirmImport { mode, fresh_ids })
        })
    };
    let on_action = props.on_action.clone();
    let cancel = Callback::from(move |_| on_action.emit(Action::CancelImport));
    // A colleague's file: keeping it as their layer is offered first.
    let colleague = props
        .staged
        .from_someone_else(&props.me)
        .then(|| props.staged.file_annotator())
        .flatten();
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
                <h2 id="import-title">{ format!("Import {count} annotation{} from {}", if count == 1 { "" } else { "s" }, props.staged.source) }</h2>
                if props.staged.plan.text_changed {
                    <p class="report">{ format!("The file was made for a different version of this text. Re-anchored: {}.", props.staged.plan.report) }</p>
                }
                <p>{ format!("The document has {} annotation{} now. Both choices can be undone with Ctrl+Z.", props.current, if props.current == 1 { "" } else { "s" }) }</p>
                if let Some(name) = colleague.clone() {
                    <p>{ format!("The file's annotations were made by {name}.") }</p>
                }
                <div class="dialog-actions">
                    <button type="button" class={classes!(colleague.is_none().then_some("primary"))} onclick={choose(ImportMode::Merge)} autofocus={colleague.is_none()}>{ "Merge (keep current, add new)" }</button>
                    <button type="button" onclick={choose(ImportMode::Replace)}>{ "Replace current annotations" }</button>
                    <button type="button" class={classes!(colleague.is_some().then_some("primary"))} autofocus={colleague.is_some()}
                        onclick={props.on_action.reform(|_| Action::AddLayer)}
                        title="Keep it apart, read-only, to compare with yours (Agreement)">{ "Add as a colleague's layer" }</button>
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportingProps {
    pub importing: Importing,
    pub on_action: Callback<Action>,
}

/// An import under way: what the import worker is doing, a progress bar, and Cancel (which,
/// like Escape, stops the worker; nothing in the document has changed yet).
#[component]
pub fn ImportingDialog(props: &ImportingProps) -> Html {
    let on_action = props.on_action.clone();
    let cancel = Callback::from(move |_| on_action.emit(Action::CancelImport));
    let stage = props.importing.stage;
    html! {
        <div class="backdrop">
            <div class="dialog importing" role="dialog" aria-modal="true" aria-labelledby="importing-title" aria-describedby="importing-stage">
                <h2 id="importing-title">{ format!("Importing {}", props.importing.source) }</h2>
                <p id="importing-stage">{ stage.describe() }</p>
                if let ImportStage::Placing { done, total } = stage {
                    <progress aria-labelledby="importing-stage" max={total.max(1).to_string()} value={done.to_string()}></progress>
                } else {
                    <progress aria-labelledby="importing-stage"></progress>
                }
                <p class="hint">{ "Nothing in the document changes until you confirm the import; Cancel stops it." }</p>
                <div class="dialog-actions">
                    <button type="button" onclick={cancel} autofocus=true>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub confirm: Confirm,
    pub store: StoreHandle,
    pub on_action: Callback<Action>,
}

/// Asks before an edit that throws something away, saying exactly what. The safe answer
/// has the focus where the loss outlives undo (delete all: undo ends with the page).
#[component]
pub fn ConfirmDialog(props: &ConfirmProps) -> Html {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let on_action = props.on_action.clone();
    let yes = Callback::from(move |_| {
        on_action.emit(Action::Confirm {
            now: crate::bridge::clock::now_rfc3339(),
        })
    });
    let on_action = props.on_action.clone();
    let cancel = Callback::from(move |_| on_action.emit(Action::CloseDialog));
    let (title, body, yes_text, yes_first) = match &props.confirm {
        Confirm::Relabel { id, label, lost } => {
            let quote = props
                .store
                .borrow()
                .get(id)
                .map(|a| shorten(&a.quote, 60))
                .unwrap_or_default();
            let links = plural(lost.len(), "link", "links");
            (
                format!("Relabel as {label}?"),
                html! {
                    <>
                        <p>{ format!("“{quote}” has {links} that a {label} cannot keep. {} will be removed:", if lost.len() == 1 { "It" } else { "They" }) }</p>
                        <ul class="lost-links">{ for lost.iter().map(|l| html! { <li dir="auto">{ l.clone() }</li> }) }</ul>
                        <p>{ "Ctrl+Z undoes the relabel and brings the links back." }</p>
                    </>
                },
                format!("Relabel and remove {links}"),
                true,
            )
        }
        Confirm::DeleteAll {
            annotations,
            orphans,
            links,
        } => {
            let mut also = Vec::new();
            if *links > 0 {
                also.push(plural(*links, "link", "links"));
            }
            if *orphans > 0 {
                also.push(plural(*orphans, "orphan", "orphans"));
            }
            (
                format!(
                    "Delete all {}?",
                    plural(*annotations, "annotation", "annotations")
                ),
                html! {
                    <>
                        if !also.is_empty() {
                            <p>{ format!("Their {} go too.", also.join(" and ")) }</p>
                        }
                        <p>{ "Ctrl+Z brings them back, but only until the page is reloaded or closed. Export first to keep a copy." }</p>
                    </>
                },
                format!(
                    "Delete {}",
                    plural(annotations + orphans, "annotation", "annotations")
                ),
                false,
            )
        }
    };
    html! {
        <div class="backdrop">
            <div class="dialog confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body">
                <h2 id="confirm-title">{ title }</h2>
                <div id="confirm-body">{ body }</div>
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={yes} autofocus={yes_first}>{ yes_text }</button>
                    <button type="button" onclick={cancel} autofocus={!yes_first}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoicesProps {
    pub choices: Choices,
    pub selected: Option<AttrValue>,
    pub store: crate::ui::state::StoreHandle,
    pub on_action: Callback<Action>,
}

/// Lists every annotation under a click on overlapping spans, so any of them can be chosen.
#[component]
pub fn ChoicesPopover(props: &ChoicesProps) -> Html {
    let store = props.store.borrow();
    let store: &Store = &store;
    let style = format!("left:{}px;top:{}px", props.choices.x, props.choices.y + 14);
    html! {
        <div class="popover" role="dialog" aria-label="Annotations here" {style}>
            <p class="popover-title">{ "Annotations here" }</p>
            <ul>
            { for props.choices.ids.iter().filter_map(|id| store.get(id)).map(|a| {
                let id = AttrValue::from(a.id.clone());
                let on = props.selected.as_ref() == Some(&id);
                let on_action = props.on_action.clone();
                html! {
                    <li key={a.id.clone()}>
                        <button type="button" class={classes!("ann-item", on.then_some("on"))}
                            onclick={Callback::from(move |_| on_action.emit(Action::Select { id: Some(id.clone()), reveal: false }))}>
                            <span class={classes!("chip", format!("chip-{}", a.label))}>{ a.label.as_str() }</span>
                            <span class="quote" dir="auto">{ shorten(&a.quote, 60) }</span>
                        </button>
                    </li>
                }
            }) }
            </ul>
        </div>
    }
}
