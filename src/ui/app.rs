//! The root component: owns the reducer, runs persistence in an effect, and routes global
//! keyboard shortcuts, file drops and exports.

use crate::bridge::storage::LoadProblem;
use crate::bridge::{clock, files, selection, storage};
use crate::model::annotation::{Annotation, Label, Relation};
use crate::model::caret::{move_caret, Move};
use crate::model::formats::{
    self,
    dispatch::{ExportFormat, Incoming},
};
use crate::model::schema::{self, TextInclusion};
use crate::model::span::{Direction, Edge};
use crate::model::store::Store;
use crate::model::text::starts_right_to_left;
use crate::model::CharOffset;
use crate::model::{library, sync};
use crate::ui::components::article::ArticleView;
use crate::ui::components::claims::{ClaimsTable, LinkPicker};
use crate::ui::components::dialogs::{ChoicesPopover, HelpDialog, ImportDialog};
use crate::ui::components::documents::{DocumentsDialog, Prefill};
use crate::ui::components::sidebar::Sidebar;
use crate::ui::components::status::{NoticeBanner, StatusLine};
use crate::ui::components::toolbar::Toolbar;
use crate::ui::state::{Action, AppState, Notice, StagedImport, Tone};
use crate::ui::DocRef;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Imports larger than this are refused before parsing, with the limit in the message.
pub const MAX_IMPORT_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub doc: DocRef,
    pub initial: Rc<Vec<Annotation>>,
    #[prop_or_default]
    pub initial_orphans: Rc<Vec<Annotation>>,
    #[prop_or_default]
    pub initial_relations: Rc<Vec<Relation>>,
    pub load_problem: Option<LoadProblem>,
    /// Off for generated documents (the benchmark), which must not fill the user's storage.
    #[prop_or(true)]
    pub persist: bool,
    /// A message to show once the app is up (after switching documents or a reload).
    #[prop_or_default]
    pub initial_notice: Option<String>,
    /// Asks the root to open the current document afresh, with an optional message.
    #[prop_or_default]
    pub on_reload: Callback<Option<String>>,
}

fn error(text: String) -> Action {
    Action::Notify(Notice {
        tone: Tone::Error,
        text,
    })
}

fn info(text: String) -> Action {
    Action::Notify(Notice {
        tone: Tone::Info,
        text,
    })
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let doc = props.doc.0.clone();
        let initial = props.initial.clone();
        let orphans = props.initial_orphans.clone();
        let relations = props.initial_relations.clone();
        use_reducer(move || {
            AppState::new(
                doc,
                Store::from_parts(crate::model::Annotations {
                    annotations: (*initial).clone(),
                    orphans: (*orphans).clone(),
                    relations: (*relations).clone(),
                }),
            )
        })
    };
    let dispatcher = state.dispatcher();
    let on_action = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let article_root = use_node_ref();
    // The newest state, for listeners registered once.
    let latest: Rc<RefCell<Rc<AppState>>> = use_mut_ref(|| Rc::new((*state).clone()));
    *latest.borrow_mut() = Rc::new((*state).clone());

    use_effect_with((), |_| clock::mark("annotator:first-render"));

    // Tell the user once about stored data that could not be read.
    {
        let dispatcher = dispatcher.clone();
        let problem = props.load_problem.clone();
        let persist = props.persist;
        let initial_notice = props.initial_notice.clone();
        use_effect_with((), move |_| {
            if let Some(problem) = problem {
                let mut text = format!(
                    "The annotations saved for this document could not be read: {}.",
                    problem.reason
                );
                match &problem.backup_key {
                    Some(key) => text.push_str(&format!(
                        " The stored data was kept unchanged under the key “{key}”; new work is saved as usual."
                    )),
                    None if problem.raw.is_some() => {
                        text.push_str(" It could not be copied aside, so saving is paused to avoid overwriting it.");
                        dispatcher.dispatch(Action::PauseSaving(
                            "stored data could not be read and could not be backed up".to_owned(),
                        ));
                    }
                    None => {
                        dispatcher.dispatch(Action::PauseSaving(problem.reason.clone()));
                    }
                }
                if let Some(raw) = problem.raw {
                    dispatcher.dispatch(Action::Recovered(Rc::new((text.clone(), raw))));
                } else {
                    dispatcher.dispatch(error(text));
                }
            }
            if let Some(fill) = storage::fill_ratio() {
                dispatcher.dispatch(Action::StorageFill(fill));
            }
            if let Some(text) = initial_notice {
                dispatcher.dispatch(info(text));
            }
            if !persist {
                dispatcher.dispatch(Action::PauseSaving(
                    "this generated document is not stored".to_owned(),
                ));
            }
        });
    }

    // What this tab and storage last agreed on: the base of the three-way merge with other
    // tabs (see model::sync), and the stored text it came from.
    let synced = {
        let initial = props.initial.clone();
        let orphans = props.initial_orphans.clone();
        let doc_id = props.doc.0.id.clone();
        let relations = props.initial_relations.clone();
        use_mut_ref(move || SyncBase {
            annotations: (*initial).clone(),
            orphans: (*orphans).clone(),
            relations: (*relations).clone(),
            seen_raw: storage::read_raw(&doc_id),
        })
    };

    // Persistence: every change is written at once, in a task right after the render, so a
    // large document's serialisation does not delay the repaint; a newer change replaces a
    // write still waiting. Revision 0 is what was loaded, so nothing is written until the
    // user changes something. If another tab wrote in the meantime, its work is merged in
    // first, never overwritten.
    {
        let dispatcher = dispatcher.clone();
        let doc = props.doc.clone();
        let synced = synced.clone();
        let paused = matches!(state.save, crate::ui::state::SaveStatus::Paused(_));
        use_effect_with(state.store.clone(), move |store| {
            let store = store.clone();
            let pending = (store.revision() > 0 && !paused).then(|| {
                gloo::timers::callback::Timeout::new(0, move || {
                    // The store must not stay borrowed while dispatching: the reducer mutates it.
                    let merged = absorb_other_tab(
                        &doc,
                        &synced,
                        &store.borrow(),
                        storage::read_raw(&doc.0.id),
                    );
                    if let Some(merged) = merged {
                        dispatcher.dispatch(merged);
                        return;
                    }
                    let result = {
                        let store = store.borrow();
                        let result = storage::save(&doc.0, schema::Content::of(&store));
                        if let Ok(json) = &result {
                            *synced.borrow_mut() = SyncBase {
                                annotations: store.annotations().to_vec(),
                                orphans: store.orphans().to_vec(),
                                relations: store.relations().to_vec(),
                                seen_raw: Some(json.clone()),
                            };
                        }
                        result
                    };
                    dispatcher.dispatch(Action::SaveResult(result.map(|_| ())));
                    if let Some(fill) = storage::fill_ratio() {
                        dispatcher.dispatch(Action::StorageFill(fill));
                    }
                })
            });
            move || drop(pending)
        });
    }

    // Another tab saved this document: merge its work in at once.
    {
        let dispatcher = dispatcher.clone();
        let doc = props.doc.clone();
        let synced = synced.clone();
        let latest = latest.clone();
        let persist = props.persist;
        use_effect_with((), move |_| {
            let key = storage::document_key(&doc.0.id);
            let listener = persist.then(|| {
                EventListener::new(&gloo::utils::window(), "storage", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if event.key().as_deref() != Some(key.as_str()) {
                        return;
                    }
                    let state = latest.borrow().clone();
                    let merged =
                        absorb_other_tab(&doc, &synced, &state.store.borrow(), event.new_value());
                    if let Some(merged) = merged {
                        dispatcher.dispatch(merged);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Warn before leaving while the work is not saved.
    {
        let unsaved = !matches!(state.save, crate::ui::state::SaveStatus::Saved);
        use_effect_with(unsaved, move |&unsaved| {
            let listener = unsaved.then(|| {
                EventListener::new_with_options(
                    &gloo::utils::window(),
                    "beforeunload",
                    EventListenerOptions::enable_prevent_default(),
                    |event| event.prevent_default(),
                )
            });
            move || drop(listener)
        });
    }

    // Scroll the selected annotation into view when the list asks for it.
    {
        let root = article_root.clone();
        let selected = state.selected.clone();
        use_effect_with(state.reveal, move |_| {
            if let (Some(root), Some(id)) = (root.cast::<Element>(), selected) {
                selection::scroll_to_annotation(&root, &id);
            }
        });
    }

    // Keyboard shortcuts, registered once.
    {
        let dispatcher = dispatcher.clone();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::window(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let state = latest.borrow().clone();
                    if let Some(action) = shortcut(event, &state) {
                        event.prevent_default();
                        dispatcher.dispatch(action);
                    }
                },
            );
            move || drop(listener)
        });
    }

    let on_import_files = {
        let dispatcher = dispatcher.clone();
        let doc = props.doc.clone();
        let on_reload = props.on_reload.clone();
        use_callback((), move |chosen: Vec<web_sys::File>, _| {
            let dispatcher = dispatcher.clone();
            let doc = doc.clone();
            let on_reload = on_reload.clone();
            let name = chosen
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(" + ");
            let total: f64 = chosen.iter().map(|f| f.size()).sum();
            if total > MAX_IMPORT_BYTES {
                dispatcher.dispatch(error(format!(
                    "Import of {name} refused: {:.1} MB, above the {:.0} MB limit. Nothing was changed.",
                    total / 1_048_576.0,
                    MAX_IMPORT_BYTES / 1_048_576.0
                )));
                return;
            }
            yew::platform::spawn_local(async move {
                let mut inputs = Vec::with_capacity(chosen.len());
                for file in chosen {
                    let file_name = file.name();
                    match files::read_bytes(file).await {
                        Ok(bytes) => inputs.push(formats::dispatch::InputFile {
                            name: file_name,
                            bytes,
                        }),
                        Err(e) => {
                            dispatcher.dispatch(error(format!(
                                "Import of {file_name} failed: {e}. Nothing was changed."
                            )));
                            return;
                        }
                    }
                }
                match formats::dispatch::read_files(inputs, &doc.0) {
                    Ok(Incoming::NewDocument { title, text }) => {
                        // A text file is a new document, not annotations: offer to add it.
                        dispatcher.dispatch(Action::OpenDocuments(Some(Rc::new(Prefill {
                            title,
                            text,
                        }))));
                    }
                    Ok(Incoming::Workspace(text)) => {
                        let report = library::parse_workspace(&text)
                            .map_err(|e| e.to_string())
                            .and_then(|documents| {
                                storage::import_workspace(documents, || {
                                    clock::fresh_id().trim_start_matches("a-")[..8].to_owned()
                                })
                            });
                        match report {
                            Ok(report) => on_reload
                                .emit(Some(format!("Imported the workspace {name}: {report}."))),
                            Err(e) => dispatcher.dispatch(error(format!(
                                "Import of the workspace {name} rejected: {e}. Nothing was changed."
                            ))),
                        }
                    }
                    Ok(Incoming::Annotations { plan, format }) => {
                        dispatcher.dispatch(Action::StageImport(StagedImport {
                            source: format!("{name} ({})", format.name()),
                            plan: Rc::new(plan),
                        }))
                    }
                    Err(e) => dispatcher.dispatch(error(format!(
                        "Import of {name} rejected: {e}. Nothing was changed."
                    ))),
                }
            });
        })
    };

    let export_json = {
        let doc = props.doc.clone();
        let store = state.store.clone();
        let dispatcher = dispatcher.clone();
        move || {
            let store = store.borrow();
            let json =
                schema::to_json(&doc.0, schema::Content::of(&store), TextInclusion::WithText);
            (json, dispatcher.clone())
        }
    };
    let on_export = {
        let doc = props.doc.clone();
        let store = state.store.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |format: ExportFormat| {
            let file =
                formats::dispatch::export(format, &doc.0, schema::Content::of(&store.borrow()));
            match files::download_bytes(&file.name, file.mime, &file.bytes) {
                Ok(()) if file.losses.is_empty() => {
                    dispatcher.dispatch(info(format!("Downloaded {}.", file.name)))
                }
                // Say what the format could not hold, so nobody believes it is all there.
                Ok(()) => dispatcher.dispatch(info(format!(
                    "Downloaded {}. {} cannot hold {}; they are not in the file (the JSON \
                     export keeps everything).",
                    file.name,
                    format.name(),
                    file.losses.join(", ")
                ))),
                Err(e) => dispatcher.dispatch(error(format!("Export failed: {e}."))),
            }
        })
    };
    let on_copy_json = Callback::from(move |_| {
        let (json, dispatcher) = export_json();
        yew::platform::spawn_local(async move {
            match files::copy_text(&json).await {
                Ok(()) => {
                    dispatcher.dispatch(info("Copied the JSON export to the clipboard.".to_owned()))
                }
                Err(e) => dispatcher.dispatch(error(format!(
                    "Copy failed: {e}. Use Download JSON instead."
                ))),
            }
        });
    });

    let on_export_workspace = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_| {
            let result = storage::export_workspace().and_then(|json| {
                let date = clock::now_rfc3339()
                    .get(..10)
                    .unwrap_or_default()
                    .to_owned();
                files::download(
                    &format!("text-annotator-workspace-{date}.json"),
                    "application/json",
                    &json,
                )
            });
            if let Err(e) = result {
                dispatcher.dispatch(error(format!("Workspace export failed: {e}.")));
            }
        })
    };

    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Only when the pointer leaves the window, not when it crosses child elements.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_import_files = on_import_files.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let dropped: Vec<web_sys::File> = event
                .data_transfer()
                .and_then(|t| t.files())
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            if !dropped.is_empty() {
                on_import_files.emit(dropped);
            }
        })
    };

    let store = state.store.borrow();
    let counts = Label::ALL.map(|l| store.count(l));
    // When a claim is selected, its actors and dates are shown linked in the text.
    let linked: Rc<Vec<(AttrValue, crate::model::CharSpan)>> = Rc::new(
        state
            .selected
            .as_ref()
            .map(|id| {
                store
                    .links_of(id)
                    .iter()
                    .map(|(_, a)| (AttrValue::from(a.id.clone()), a.span))
                    .collect()
            })
            .unwrap_or_default(),
    );
    let recovered = state.recovered.clone().map(|recovered| {
        let dispatcher = dispatcher.clone();
        let doc_id = props.doc.0.id.clone();
        let download = {
            let recovered = recovered.clone();
            let dispatcher = dispatcher.clone();
            Callback::from(move |_| {
                if let Err(e) = files::download(&format!("{doc_id}.unreadable-backup.json"), "application/json", &recovered.1) {
                    dispatcher.dispatch(error(format!("Download failed: {e}.")));
                }
            })
        };
        let dismiss = Callback::from(move |_| dispatcher.dispatch(Action::DismissRecovered));
        html! {
            <div class="notice error" role="alert">
                <span class="notice-text">{ recovered.0.clone() }</span>
                <button type="button" onclick={download}>{ "Download the unreadable data" }</button>
                <button type="button" class="dismiss" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });

    // A modal dialog keeps the focus to itself (the page behind is inert) and gives it back
    // where it was when it closes.
    let modal_open = state.help_open
        || state.staged_import.is_some()
        || state.documents.is_some()
        || state.claims_open
        || state.linking;
    {
        let opener = use_mut_ref(|| None::<HtmlElement>);
        use_effect_with(modal_open, move |&open| {
            let document = gloo::utils::document();
            if open {
                *opener.borrow_mut() = document
                    .active_element()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                // `autofocus` only acts on page load: give the dialog the focus here.
                let target = document
                    .query_selector("[aria-modal=true] [autofocus]")
                    .ok()
                    .flatten()
                    .or_else(|| {
                        document
                            .query_selector(
                                "[aria-modal=true] :is(button, input, textarea, select, [tabindex='0'])",
                            )
                            .ok()
                            .flatten()
                    })
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                if let Some(target) = target {
                    let _ = target.focus();
                }
            } else if let Some(element) = opener.borrow_mut().take() {
                if element.is_connected() {
                    let _ = element.focus();
                }
            }
        });
    }

    html! {
        <div class={classes!("app", (*dragging).then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            // Changes, as a screen reader should hear them ("Added actor: Sergey Lavrov"); outside
            // the page, so that it still speaks while a dialog is open.
            <div class="visually-hidden" aria-live="polite" aria-atomic="true">{ state.announcement.clone() }</div>
          <div class="page" inert={modal_open}>
            // The first stop of the Tab key: straight to the text, past the toolbar.
            <button type="button" class="skip-link" onclick={{
                let article_root = article_root.clone();
                Callback::from(move |_| {
                    if let Some(text) = article_root.cast::<HtmlElement>() {
                        let _ = text.focus();
                    }
                })
            }}>{ "Skip to the article text" }</button>
            <Toolbar
                title={AttrValue::from(props.doc.0.title.clone())}
                sticky={state.sticky}
                can_undo={store.can_undo()}
                can_redo={store.can_redo()}
                has_annotations={!store.is_empty() || !store.orphans().is_empty()}
                on_action={on_action.clone()}
                {on_import_files}
                {on_export}
                {on_copy_json}
                {on_export_workspace}
                on_export_claims={Callback::from({
                    let on_action = on_action.clone();
                    move |_| on_action.emit(Action::ClaimsTable(true))
                })}
            />
            <div class="notices">
                { recovered.unwrap_or_default() }
                if let Some(notice) = state.notice.clone() {
                    <NoticeBanner {notice} on_action={on_action.clone()} />
                }
            </div>
            <main class="layout">
                <article class="reader" lang="en" aria-label="Article">
                    <header class="reader-head">
                        <p class="reader-title">{ props.doc.0.title.clone() }</p>
                        if let Some(date) = &props.doc.0.published {
                            <p class="reader-date">{ format!("Published {date}") }</p>
                        }
                    </header>
                    <ArticleView
                        linked={linked.clone()}
                        doc={props.doc.clone()}
                        store={state.store.clone()}
                        selected={state.selected.clone()}
                        pending={state.pending}
                        sticky={state.sticky}
                        on_action={on_action.clone()}
                        root={article_root.clone()}
                        caret={state.caret.map(|c| c.at)}
                        caret_upstream={state.caret.is_some_and(|c| c.upstream)}
                    />
                </article>
                <Sidebar store={state.store.clone()} selected={state.selected.clone()} filter={state.filter} has_pending={state.pending.is_some()} published={props.doc.0.published.clone().map(AttrValue::from)} on_action={on_action.clone()} />
            </main>
            <StatusLine save={state.save.clone()} {counts} orphans={store.orphans().len()} storage_fill={state.storage_fill} />
          </div>
            if let Some(choices) = state.choices.clone() {
                <ChoicesPopover {choices} selected={state.selected.clone()} store={state.store.clone()} on_action={on_action.clone()} />
            }
            if let Some(staged) = state.staged_import.clone() {
                <ImportDialog {staged} current={store.len()} on_action={on_action.clone()} />
            }
            if state.linking {
                if let Some(claim) = state.selected.clone() {
                    <LinkPicker doc={props.doc.clone()} store={state.store.clone()} {claim} on_action={on_action.clone()} />
                }
            }
            if state.claims_open {
                <ClaimsTable doc={props.doc.clone()} store={state.store.clone()} on_action={on_action.clone()} />
            }
            if let Some(prefill) = state.documents.clone() {
                <DocumentsDialog current_id={AttrValue::from(props.doc.0.id.clone())} {prefill}
                    on_action={on_action.clone()} on_reload={props.on_reload.clone()} />
            }
            if state.help_open {
                <HelpDialog on_action={on_action.clone()} />
            }
            if *dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop a file to import annotations (JSON, W3C, brat .ann + .txt or .zip, JSONL, CSV) or a workspace, or a .txt/.md file to add a document" }</div>
            }
        </div>
    }
}

fn typing_in_field(event: &KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.is_content_editable()
}

/// The article's text, when it has the keyboard focus.
fn focused_article(event: &KeyboardEvent) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest(".doc-text").ok()?
}

/// Caret keys inside the focused article: arrows, Home/End (with Shift to select), Enter to
/// select the annotation under the caret, Tab/Shift+Tab to step through annotations.
fn caret_key(event: &KeyboardEvent, state: &AppState) -> Option<Action> {
    let root = focused_article(event)?;
    let key = event.key();
    let ctrl = event.ctrl_key() || event.meta_key();
    let shift = event.shift_key();
    let index = &state.doc.index;
    let (at, upstream) = state
        .caret
        .map_or((CharOffset(0), false), |c| (c.at, c.upstream));
    let go = |to: CharOffset, upstream: bool| Action::MoveCaret {
        to,
        extend: shift,
        upstream,
    };
    let to = |mv: Move| go(move_caret(index, at, mv), false);
    match key.as_str() {
        // With an annotation selected, Shift+arrows move its edges (see `shortcut`).
        "ArrowLeft" | "ArrowRight" if !(shift && state.selected.is_some()) => {
            let paragraph = index.paragraphs()[index.paragraph_of(at)];
            let rtl = starts_right_to_left(index.slice(paragraph.start, paragraph.end));
            Some(to(Move::for_arrow(key == "ArrowLeft", ctrl, rtl)))
        }
        "ArrowUp" | "ArrowDown" if !ctrl => {
            let down = key == "ArrowDown";
            let next =
                selection::line_neighbour(&root, index, at, upstream, down).unwrap_or_else(|| {
                    move_caret(
                        index,
                        at,
                        if down { Move::TextEnd } else { Move::TextStart },
                    )
                });
            Some(go(next, false))
        }
        "Home" | "End" if ctrl => Some(to(if key == "Home" {
            Move::TextStart
        } else {
            Move::TextEnd
        })),
        // The visual line's ends; the end of a wrapped line is also the next one's start,
        // so the caret keeps to the line it came from.
        "Home" | "End" => {
            let end = key == "End";
            let edge = selection::line_edge(&root, index, at, upstream, end).unwrap_or_else(|| {
                move_caret(
                    index,
                    at,
                    if end {
                        Move::ParagraphEnd
                    } else {
                        Move::ParagraphStart
                    },
                )
            });
            Some(go(edge, end))
        }
        "Enter" if !ctrl && !shift => {
            let store = state.store.borrow();
            let innermost = store
                .covering(at)
                .into_iter()
                .min_by_key(|a| a.span.len())
                .map(|a| AttrValue::from(a.id.clone()))?;
            Some(Action::Select {
                id: Some(innermost),
                reveal: false,
            })
        }
        "Tab" if !ctrl => {
            let store = state.store.borrow();
            let all = store.annotations();
            let current = state
                .selected
                .as_ref()
                .and_then(|id| all.iter().position(|a| a.id == id.as_str()));
            let next = match (current, shift) {
                (Some(i), false) => all.get(i + 1),
                (Some(i), true) => i.checked_sub(1).and_then(|i| all.get(i)),
                (None, false) => all.iter().find(|a| a.span.start >= at),
                (None, true) => all.iter().rev().find(|a| a.span.start < at),
            }?;
            // Past the last annotation, Tab leaves the article as usual.
            Some(Action::TabTo {
                id: AttrValue::from(next.id.clone()),
                at: next.span.start,
            })
        }
        _ => None,
    }
}

/// Maps a key press to an action. `None` leaves the key to the browser.
fn shortcut(event: &KeyboardEvent, state: &AppState) -> Option<Action> {
    if event.is_composing() {
        return None;
    }
    if typing_in_field(event) {
        // Escape still closes a dialog from its filter field (not the documents form, where
        // it would throw away a pasted text).
        let dialog_open = state.help_open || state.claims_open || state.staged_import.is_some();
        if event.key() == "Escape" && !dialog_open {
            // Escape leaves the note (which saves it) for the text, where the caret was.
            let in_note = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|t| t.id() == "note-field");
            if let Some(text) = in_note
                .then(|| {
                    gloo::utils::document()
                        .query_selector(".doc-text")
                        .ok()
                        .flatten()
                })
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = text.focus();
            }
        }
        return (dialog_open && event.key() == "Escape").then_some(Action::Escape);
    }
    let key = event.key();
    let ctrl = event.ctrl_key() || event.meta_key();
    let shift = event.shift_key();
    if event.alt_key() {
        return None;
    }
    let now = clock::now_rfc3339;
    if state.linking && !ctrl {
        // The picker: a digit links that candidate; Shift makes an actor the target.
        let digit = event
            .code()
            .strip_prefix("Digit")
            .or_else(|| event.code().strip_prefix("Numpad").map(|_| ""))
            .and_then(|d| d.parse::<usize>().ok())
            .filter(|d| (1..=9).contains(d));
        return match (key.as_str(), digit) {
            ("Escape", _) => Some(Action::Escape),
            (_, Some(d)) => Some(Action::LinkCandidate {
                n: d - 1,
                as_target: shift,
                id: clock::fresh_id(),
                now: now(),
            }),
            _ => None,
        };
    }
    if state.help_open
        || state.staged_import.is_some()
        || state.documents.is_some()
        || state.claims_open
    {
        return (key == "Escape").then_some(Action::Escape);
    }
    if let Some(action) = caret_key(event, state) {
        return Some(action);
    }
    if ctrl {
        return match key.as_str() {
            "z" | "Z" if shift => Some(Action::Redo),
            "z" | "Z" => Some(Action::Undo),
            "y" | "Y" => Some(Action::Redo),
            "s" | "S" => Some(info(
                "No need to save: every change is saved in this browser as you make it.".to_owned(),
            )),
            "ArrowLeft" | "ArrowRight" if shift && state.selected.is_some() => {
                Some(Action::Nudge {
                    edge: Edge::Start,
                    direction: if key == "ArrowLeft" {
                        Direction::Backward
                    } else {
                        Direction::Forward
                    },
                    now: now(),
                })
            }
            _ => None,
        };
    }
    match key.as_str() {
        "Escape" => return Some(Action::Escape),
        "?" => return Some(Action::ToggleHelp(true)),
        "Delete" | "Backspace" if state.selected.is_some() => return Some(Action::DeleteSelected),
        "ArrowLeft" | "ArrowRight" if shift && state.selected.is_some() => {
            return Some(Action::Nudge {
                edge: Edge::End,
                direction: if key == "ArrowLeft" {
                    Direction::Backward
                } else {
                    Direction::Forward
                },
                now: now(),
            })
        }
        "j" | "k" => return step_selection(state, if key == "j" { 1 } else { -1 }),
        "r" => return Some(Action::Linking(true)),
        "t" => return Some(Action::ClaimsTable(true)),
        "n" if state.selected.is_some() => {
            if let Some(field) = gloo::utils::document()
                .get_element_by_id("note-field")
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                let _ = field.focus();
                event.prevent_default();
            }
            return None;
        }
        _ => {}
    }
    if shift {
        // Shift+digit pins a label; read the physical key, since Shift+1 types "!".
        let label = match event.code().as_str() {
            "Digit1" | "Numpad1" => Label::Actor,
            "Digit2" | "Numpad2" => Label::Claim,
            "Digit3" | "Numpad3" => Label::Date,
            _ => return None,
        };
        return Some(Action::ToggleSticky(label));
    }
    let label = Label::from_key(&key)?;
    Some(Action::ApplyLabel {
        label,
        id: clock::fresh_id(),
        now: now(),
    })
}

/// Selects the next or previous annotation (in document order, within the filter).
fn step_selection(state: &AppState, step: isize) -> Option<Action> {
    let store = state.store.borrow();
    let shown: Vec<&Annotation> = store
        .annotations()
        .iter()
        .filter(|a| state.filter.is_none_or(|f| a.label == f))
        .collect();
    if shown.is_empty() {
        return None;
    }
    let current = state
        .selected
        .as_ref()
        .and_then(|id| shown.iter().position(|a| a.id == id.as_str()));
    let next = match current {
        Some(i) => (i as isize + step).clamp(0, shown.len() as isize - 1) as usize,
        None if step > 0 => 0,
        None => shown.len() - 1,
    };
    Some(Action::Select {
        id: Some(AttrValue::from(shown[next].id.clone())),
        reveal: true,
    })
}

/// The last state this tab and storage agreed on.
struct SyncBase {
    annotations: Vec<Annotation>,
    orphans: Vec<Annotation>,
    relations: Vec<Relation>,
    seen_raw: Option<String>,
}

fn sorted_by_id(set: &[Annotation]) -> Vec<&Annotation> {
    let mut v: Vec<&Annotation> = set.iter().collect();
    v.sort_by(|x, y| x.id.cmp(&y.id));
    v
}

fn same_set(a: &[Annotation], b: &[Annotation]) -> bool {
    a.len() == b.len() && sorted_by_id(a) == sorted_by_id(b)
}

/// If storage holds something this tab has not seen (another tab wrote it), merges it with
/// this tab's state. Returns the action that adopts the merge when it differs from what this
/// tab shows; either way the stored value becomes the new merge base.
fn absorb_other_tab(
    doc: &DocRef,
    synced: &RefCell<SyncBase>,
    store: &Store,
    stored: Option<String>,
) -> Option<Action> {
    let mut base = synced.borrow_mut();
    let raw = stored?;
    if base.seen_raw.as_ref() == Some(&raw) {
        return None;
    }
    // Unreadable values are handled when the document is opened; never merge them.
    let remote = schema::parse(&raw, &doc.0).ok()?.content;
    let annotations = sync::merge3(&base.annotations, store.annotations(), &remote.annotations);
    let orphans = sync::merge3(&base.orphans, store.orphans(), &remote.orphans);
    let relations = sync::merge3(&base.relations, store.relations(), &remote.relations);
    *base = SyncBase {
        annotations: remote.annotations,
        orphans: remote.orphans,
        relations: remote.relations,
        seen_raw: Some(raw),
    };
    let unchanged = same_set(&annotations, store.annotations())
        && same_set(&orphans, store.orphans())
        && relations.len() == store.relations().len()
        && relations.iter().all(|r| store.relations().contains(r));
    (!unchanged).then_some(Action::Sync {
        annotations,
        orphans,
        relations,
    })
}
