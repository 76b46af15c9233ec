//! The lazily loaded module's side (`src/bin/lazy_views.rs`): one Yew app per opened view,
//! drawn into the host element the page gives it and destroyed when the page closes the view.
//! The page's side is `components::lazy_view`; the hand-over is `bridge::lazy_views`.

use crate::bridge::lazy_views::{publish, EventSink, LazyView, ViewContext, ViewEvent};
use crate::bridge::{clock, storage};
use crate::model::formats::native::{document_of, parse_placed};
use crate::model::layers::Layer;
use crate::ui::components::agreement::AgreementView;
use crate::ui::components::annotator_name::AnnotatorNameView;
use crate::ui::components::claims_table::ClaimsTable;
use crate::ui::components::collection::LibraryClaims;
use crate::ui::components::dialogs::{ConfirmDialog, ImportDialog, ImportingDialog};
use crate::ui::components::documents::DocumentsDialog;
use crate::ui::components::entities::LibraryEntities;
use crate::ui::components::help::HelpDialog;
use crate::ui::components::layers::LayersPanel;
use crate::ui::components::suggestions::SuggestionsPanel;
use crate::ui::components::sync::SyncDialog;
use crate::ui::state::Prefill;
use crate::ui::DocRef;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew::AppHandle;

/// An open view: its host element, its app, and what it was opened as (to draw it afresh).
type OpenView = (Element, AppHandle<ViewHost>, LazyView, EventSink);

thread_local! {
    /// The open views by their host elements: a dialog, and the suggestions panel beside it.
    static OPEN: RefCell<Vec<OpenView>> = const { RefCell::new(Vec::new()) };
}

/// Publishes `open` and `close` for the page. Called once, by the module's `main`.
pub fn serve() {
    crate::bridge::case::install();
    publish(
        |view, host, context, sink| {
            close(host.clone());
            let props = ViewHostProps {
                view,
                context: Rc::new(context),
                sink: sink.clone(),
            };
            let app = yew::Renderer::<ViewHost>::with_root_and_props(host.clone(), props).render();
            OPEN.with(|open| open.borrow_mut().push((host, app, view, sink)));
        },
        close,
        || {
            wasm_bindgen_futures::future_to_promise(async {
                storage::migrate()
                    .await
                    .map(JsValue::from)
                    .map_err(JsValue::from)
            })
        },
        |bytes, name, progress| {
            wasm_bindgen_futures::future_to_promise(async move {
                let report = storage::import_workspace_file(
                    bytes.to_vec(),
                    || clock::fresh_id().trim_start_matches("a-")[..8].to_owned(),
                    |done, total| {
                        let text =
                            format!("Importing the workspace {name}: {done} of {total} documents…");
                        let _ = progress.call1(&JsValue::NULL, &text.into());
                    },
                )
                .await;
                let (done, message) = match report {
                    Ok(report) => (true, format!("Imported the workspace {name}: {report}.")),
                    Err(storage::WorkspaceImportError::Rejected(why)) => (
                        false,
                        format!(
                            "Import of the workspace {name} rejected: {why}. Nothing was changed."
                        ),
                    ),
                    Err(storage::WorkspaceImportError::Stopped(why)) => (
                        false,
                        format!(
                            "Import of the workspace {name} stopped: {why}. The documents written before it are kept; importing the file again merges the rest without duplicates."
                        ),
                    ),
                };
                Ok(js_sys::Array::of2(&done.into(), &message.into()).into())
            })
        },
        |progress| {
            wasm_bindgen_futures::future_to_promise(async move {
                let now = clock::now_rfc3339();
                let date = now.get(..10).unwrap_or_default();
                let file_name = format!("text-annotator-workspace-{date}.json");
                let written = storage::export_workspace_file(&now, &file_name, |done, total| {
                    let text = format!("Preparing the workspace: {done} of {total} documents…");
                    let _ = progress.call1(&JsValue::NULL, &text.into());
                })
                .await;
                let (done, message) = match written {
                    Err(e) => (false, format!("Workspace export failed: {e}.")),
                    Ok((count, skipped)) if skipped.is_empty() => (
                        true,
                        format!(
                            "Downloaded the workspace: {count} document{}.",
                            if count == 1 { "" } else { "s" }
                        ),
                    ),
                    Ok((count, skipped)) => (
                        false,
                        format!(
                            "Downloaded the workspace with {count} documents; left out because they could not be read: {}.",
                            skipped.join("; ")
                        ),
                    ),
                };
                Ok(js_sys::Array::of2(&done.into(), &message.into()).into())
            })
        },
        |json, text, source, annotator| {
            wasm_bindgen_futures::future_to_promise(async move {
                add_layer(&json, &text, &source, &annotator)
                    .await
                    .map(JsValue::from)
                    .map_err(JsValue::from)
            })
        },
        |host, context| {
            OPEN.with(|open| {
                let mut open = open.borrow_mut();
                if let Some((_, app, view, sink)) =
                    open.iter_mut().find(|(h, ..)| h.is_same_node(Some(&host)))
                {
                    app.update(ViewHostProps {
                        view: *view,
                        context: Rc::new(context),
                        sink: sink.clone(),
                    });
                }
            })
        },
    );
}

/// Checks a colleague's annotations against the document's text and writes them as a layer.
async fn add_layer(
    json: &str,
    text: &str,
    source: &str,
    annotator: &str,
) -> Result<String, String> {
    let doc = document_of(json, text).map_err(|e| e.to_string())?;
    let content = parse_placed(json, &doc).map_err(|e| e.to_string())?;
    let layer = Layer::new(annotator, source, &clock::now_rfc3339(), content);
    storage::save_layer(&doc, &layer).await?;
    Ok(format!(
        "Added {}'s layer ({} annotations) from {source}. Compare it with yours in Agreement.",
        layer.annotator,
        layer.content.annotations.len()
    ))
}

fn close(host: Element) {
    let app = OPEN.with(|open| {
        let mut open = open.borrow_mut();
        let at = open
            .iter()
            .position(|(h, ..)| h.is_same_node(Some(&host)))?;
        Some(open.remove(at).1)
    });
    if let Some(app) = app {
        app.destroy();
    }
}

#[derive(Properties, PartialEq)]
struct ViewHostProps {
    view: LazyView,
    context: Rc<ViewContext>,
    sink: EventSink,
}

#[component]
fn ViewHost(props: &ViewHostProps) -> Html {
    let on_event = use_callback(props.sink.clone(), |event, sink| sink.send(event));
    // The page's "loading" dialog had the focus and is gone: the view takes it, as any
    // dialog does when it opens (`hooks::use_modal_focus` on the page): the element marked
    // `autofocus` (a confirmation's Cancel may come after its other answer), else the first
    // field or button.
    use_effect_with((), |_| {
        let document = gloo::utils::document();
        let target = [
            ".lazy-view-host [aria-modal=true] [autofocus]",
            ".lazy-view-host [aria-modal=true] :is(input, select, button)",
        ]
        .into_iter()
        .find_map(|selector| document.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
    let current_id = AttrValue::from(props.context.current_id.clone());
    let question = props.context.question.clone();
    match props.view {
        LazyView::Import => html! { <ImportDialog {question} {on_event} /> },
        LazyView::Confirm => html! { <ConfirmDialog {question} {on_event} /> },
        LazyView::Importing => html! { <ImportingDialog {question} {on_event} /> },
        LazyView::Documents => {
            let prefill = props
                .context
                .prefill
                .clone()
                .map(|(title, text)| Rc::new(Prefill { title, text }));
            let current_counts = props.context.current_counts;
            html! { <DocumentsDialog {current_id} {current_counts} {prefill} {on_event} /> }
        }
        LazyView::Claims => html! { <LibraryClaims {current_id} {on_event} /> },
        LazyView::Help => html! { <HelpDialog {on_event} /> },
        LazyView::Sync => html! { <SyncDialog {on_event} /> },
        LazyView::DocumentClaims => with_document(
            &props.context,
            &on_event,
            "the claims table",
            |doc, content, on_event| {
                html! {
                    <ClaimsTable {doc} {content} {on_event} />
                }
            },
        ),
        LazyView::Entities => html! { <LibraryEntities {current_id} {on_event} /> },
        LazyView::Agreement => with_document(
            &props.context,
            &on_event,
            "the agreement view",
            |doc, content, on_event| {
                html! {
                    <AgreementView {doc} {content} {on_event} />
                }
            },
        ),
        LazyView::Suggestions => with_document(
            &props.context,
            &on_event,
            "the suggestions",
            |doc, content, on_event| {
                html! {
                    <SuggestionsPanel {doc} {content} {on_event} />
                }
            },
        ),
        LazyView::Name => with_document(
            &props.context,
            &on_event,
            "the question for your name",
            |doc, content, on_event| html! { <AnnotatorNameView {doc} {content} {on_event} /> },
        ),
        LazyView::Layers => with_document(
            &props.context,
            &on_event,
            "the layers",
            |doc, content, on_event| {
                html! {
                    <LayersPanel {doc} {content} {on_event} />
                }
            },
        ),
    }
}

/// A view of the open document, drawn from what the page handed over. The page wrote it from
/// its own store a moment ago, so a failure is a bug: said in words, and the view closes.
fn with_document(
    context: &ViewContext,
    on_event: &Callback<ViewEvent>,
    what: &str,
    view: impl FnOnce(DocRef, Rc<crate::model::Annotations>, Callback<ViewEvent>) -> Html,
) -> Html {
    match read_document(context) {
        Ok((doc, content)) => view(DocRef(Rc::new(doc)), Rc::new(content), on_event.clone()),
        Err(why) => {
            on_event.emit(ViewEvent::Error(format!(
                "{} could not read the document: {why}.",
                capitalised(what)
            )));
            on_event.emit(ViewEvent::Close);
            html! {}
        }
    }
}

/// "the claims table" → "The claims table" (the views' names are ASCII; no case tables).
fn capitalised(text: &str) -> String {
    let mut out = text.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The open document and its annotations, as the page handed them over.
fn read_document(
    context: &ViewContext,
) -> Result<(crate::model::Document, crate::model::Annotations), String> {
    let (json, text) = context.document.as_ref().ok_or("no document")?;
    let doc = document_of(json, text).map_err(|e| e.to_string())?;
    let content = parse_placed(json, &doc).map_err(|e| e.to_string())?;
    Ok((doc, content))
}
