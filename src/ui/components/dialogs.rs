//! The import's progress, the import question, the confirmations (relabel with links, delete
//! all) and the overlap popover. All but the popover are drawn by the views loaded on first
//! use (`ui::lazy_views`): the page hands them what they show as words and numbers
//! ([`importing_question`], [`import_question`], [`confirm_question`]), again whenever it
//! changes, and hears the answer.

use crate::bridge::lazy_views::ViewEvent;
use crate::model::store::Store;
use crate::model::text::shorten;
use crate::ui::state::{Action, Choices, Confirm, ImportStage, Importing, StagedImport};
use yew::prelude::*;

/// What the import question asks about, for [`ImportDialog`]: the number of annotations in
/// the file, where they come from, the document's number now, the re-anchoring report when
/// the file was made for another version of the text, and the colleague who made them.
pub fn import_question(staged: &StagedImport, current: usize, me: &str) -> Vec<String> {
    let plan = &staged.plan;
    let count = plan.content.annotations.len() + plan.content.orphans.len();
    // A colleague's file: keeping it as their layer is offered first.
    let colleague = staged
        .from_someone_else(me)
        .then(|| staged.file_annotator())
        .flatten();
    vec![
        count.to_string(),
        staged.source.clone(),
        current.to_string(),
        if plan.text_changed { "1" } else { "" }.to_owned(),
        if plan.text_changed {
            plan.report.to_string()
        } else {
            String::new()
        },
        colleague.unwrap_or_default(),
    ]
}

/// What a confirmation asks about, for [`ConfirmDialog`].
pub fn confirm_question(confirm: &Confirm, store: &Store) -> Vec<String> {
    match confirm {
        Confirm::Relabel { id, label, lost } => {
            let quote = store
                .get(id)
                .map(|a| shorten(&a.quote, 60))
                .unwrap_or_default();
            let mut parts = vec!["relabel".to_owned(), label.to_string(), quote];
            parts.extend(lost.iter().cloned());
            parts
        }
        Confirm::DeleteAll {
            annotations,
            orphans,
            links,
        } => vec![
            "delete-all".to_owned(),
            annotations.to_string(),
            orphans.to_string(),
            links.to_string(),
        ],
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// What is asked about, as [`import_question`] or [`confirm_question`] wrote it.
    pub question: Vec<String>,
    pub on_event: Callback<ViewEvent>,
}

impl QuestionProps {
    fn part(&self, at: usize) -> &str {
        self.question.get(at).map_or("", String::as_str)
    }

    fn number(&self, at: usize) -> usize {
        self.part(at).parse().unwrap_or_default()
    }

    fn answer(&self, answer: &'static str) -> Callback<MouseEvent> {
        self.on_event
            .reform(move |_| ViewEvent::Answer(answer.to_owned()))
    }
}

/// Merge, replace, or keep a colleague's file as their layer (the answers "merge", "replace",
/// "layer"; Cancel answers "cancel").
#[component]
pub fn ImportDialog(props: &QuestionProps) -> Html {
    let (count, source, current) = (props.number(0), props.part(1), props.number(2));
    let text_changed = props.part(3) == "1";
    let colleague = Some(props.part(5).to_owned()).filter(|name| !name.is_empty());
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
                <h2 id="import-title">{ format!("Import {count} annotation{} from {}", if count == 1 { "" } else { "s" }, source) }</h2>
                if text_changed {
                    <p class="report">{ format!("The file was made for a different version of this text. Re-anchored: {}.", props.part(4)) }</p>
                }
                <p>{ format!("The document has {} annotation{} now. Both choices can be undone with Ctrl+Z.", current, if current == 1 { "" } else { "s" }) }</p>
                if let Some(name) = colleague.clone() {
                    <p>{ format!("The file's annotations were made by {name}.") }</p>
                }
                <div class="dialog-actions">
                    <button type="button" class={classes!(colleague.is_none().then_some("primary"))} onclick={props.answer("merge")} autofocus={colleague.is_none()}>{ "Merge (keep current, add new)" }</button>
                    <button type="button" onclick={props.answer("replace")}>{ "Replace current annotations" }</button>
                    <button type="button" class={classes!(colleague.is_some().then_some("primary"))} autofocus={colleague.is_some()}
                        onclick={props.answer("layer")}
                        title="Keep it apart, read-only, to compare with yours (Agreement)">{ "Add as a colleague's layer" }</button>
                    <button type="button" onclick={props.answer("cancel")}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

/// What the import's progress shows, for [`ImportingDialog`]: the file names, and how many
/// annotations are placed of how many (none while the file is read).
pub fn importing_question(importing: &Importing) -> Vec<String> {
    let mut parts = vec![importing.source.clone()];
    if let ImportStage::Placing { done, total } = importing.stage {
        parts.extend([done.to_string(), total.to_string()]);
    }
    parts
}

/// An import under way: what the import worker is doing, a progress bar, and Cancel (which,
/// like Escape, stops the worker; nothing in the document has changed yet), answering
/// "cancel".
#[component]
pub fn ImportingDialog(props: &QuestionProps) -> Html {
    let stage = if props.question.len() < 3 {
        ImportStage::Reading
    } else {
        ImportStage::Placing {
            done: props.number(1),
            total: props.number(2),
        }
    };
    html! {
        <div class="backdrop">
            <div class="dialog importing" role="dialog" aria-modal="true" aria-labelledby="importing-title" aria-describedby="importing-stage">
                <h2 id="importing-title">{ format!("Importing {}", props.part(0)) }</h2>
                <p id="importing-stage">{ stage.describe() }</p>
                if let ImportStage::Placing { done, total } = stage {
                    <progress aria-labelledby="importing-stage" max={total.max(1).to_string()} value={done.to_string()}></progress>
                } else {
                    <progress aria-labelledby="importing-stage"></progress>
                }
                <p class="hint">{ "Nothing in the document changes until you confirm the import; Cancel stops it." }</p>
                <div class="dialog-actions">
                    <button type="button" onclick={props.answer("cancel")} autofocus=true>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}

/// Asks before an edit that throws something away, saying exactly what (the answer "yes";
/// Cancel closes). The safe answer has the focus where the loss outlives undo (delete all:
/// undo ends with the page).
#[component]
pub fn ConfirmDialog(props: &QuestionProps) -> Html {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let yes = props.answer("yes");
    let cancel = props.on_event.reform(|_| ViewEvent::Close);
    let (title, body, yes_text, yes_first) = if props.part(0) == "relabel" {
        let (label, quote) = (props.part(1), props.part(2));
        let lost = props.question.get(3..).unwrap_or_default();
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
    } else {
        let (annotations, orphans, links) = (props.number(1), props.number(2), props.number(3));
        let mut also = Vec::new();
        if links > 0 {
            also.push(plural(links, "link", "links"));
        }
        if orphans > 0 {
            also.push(plural(orphans, "orphan", "orphans"));
        }
        (
            format!(
                "Delete all {}?",
                plural(annotations, "annotation", "annotations")
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

/// How many of the annotations under a click the popover lists (the shortest): a point of a
/// text stacked thousands deep would otherwise give thousands of buttons.
const CHOICES_SHOWN: usize = 12;

/// Lists the annotations under a click on overlapping spans, so any of them can be chosen.
#[component]
pub fn ChoicesPopover(props: &ChoicesProps) -> Html {
    let store = props.store.borrow();
    let store: &Store = &store;
    let more = props.choices.ids.len().saturating_sub(CHOICES_SHOWN);
    let style = format!("left:{}px;top:{}px", props.choices.x, props.choices.y + 14);
    html! {
        <div class="popover" role="dialog" aria-label="Annotations here" {style}>
            <p class="popover-title">{ "Annotations here" }</p>
            <ul>
            { for props.choices.ids.iter().take(CHOICES_SHOWN).filter_map(|id| store.get(id)).map(|a| {
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
            if more > 0 {
                <p class="popover-more">{ format!("and {more} longer ones: the list has them all") }</p>
            }
        </div>
    }
}
