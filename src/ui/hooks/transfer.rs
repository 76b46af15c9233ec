//! Everything that moves work in or out of the app: importing files (annotations, a
//! workspace, or a new document), exporting in each format, copying the JSON, and the
//! workspace download.

use crate::bridge::{clock, files, storage};
use crate::model::formats::native::{self, TextInclusion};
use crate::model::formats::{
    self,
    dispatch::{ExportFormat, Incoming, InputFile},
};
use crate::model::library;
use crate::ui::state::{Action, AppState, Dialog, Notice, Prefill, StagedImport, StoreHandle};
use crate::ui::DocRef;
use std::rc::Rc;
use yew::prelude::*;

/// Imports larger than this are refused before parsing, with the limit in the message.
pub(crate) const MAX_IMPORT_BYTES: f64 = 50.0 * 1024.0 * 1024.0;
const BYTES_PER_MB: f64 = 1_048_576.0;

/// The toolbar's import and export handlers.
pub(crate) struct Transfer {
    /// Files chosen or dropped for import (one, or a brat .ann with its .txt).
    pub on_import_files: Callback<Vec<web_sys::File>>,
    pub on_export: Callback<ExportFormat>,
    pub on_copy_json: Callback<()>,
    pub on_export_workspace: Callback<()>,
}

#[hook]
pub(crate) fn use_transfer(
    dispatcher: UseReducerDispatcher<AppState>,
    doc: &DocRef,
    store: &StoreHandle,
    on_reload: &Callback<Option<String>>,
) -> Transfer {
    let on_import_files = {
        let (dispatcher, doc, on_reload) = (dispatcher.clone(), doc.clone(), on_reload.clone());
        use_callback((), move |chosen: Vec<web_sys::File>, _| {
            import_files(chosen, dispatcher.clone(), doc.clone(), on_reload.clone())
        })
    };
    let on_export = {
        let (dispatcher, doc, store) = (dispatcher.clone(), doc.clone(), store.clone());
        Callback::from(move |format: ExportFormat| export(format, &doc, &store, &dispatcher))
    };
    let on_copy_json = {
        let (dispatcher, doc, store) = (dispatcher.clone(), doc.clone(), store.clone());
        Callback::from(move |_| {
            let json = native::to_json(&doc.0, store.borrow().content(), TextInclusion::WithText);
            let dispatcher = dispatcher.clone();
            yew::platform::spawn_local(async move {
                let notice = match files::copy_text(&json).await {
                    Ok(()) => Notice::info("Copied the JSON export to the clipboard."),
                    Err(e) => {
                        Notice::error(format!("Copy failed: {e}. Use Download JSON instead."))
                    }
                };
                dispatcher.dispatch(Action::Notify(notice));
            });
        })
    };
    let on_export_workspace = Callback::from(move |_| {
        let dispatcher = dispatcher.clone();
        dispatcher.dispatch(Action::Notify(Notice::info("Preparing the workspace…")));
        yew::platform::spawn_local(async move {
            let result = storage::all_documents()
                .await
                .and_then(|(documents, skipped)| {
                    let json = library::workspace_to_json(&documents, &clock::now_rfc3339());
                    let date = clock::now_rfc3339()
                        .get(..10)
                        .unwrap_or_default()
                        .to_owned();
                    files::download(
                        &format!("text-annotator-workspace-{date}.json"),
                        "application/json",
                        &json,
                    )
                    .map(|()| (documents.len(), skipped))
                });
            let notice = match result {
                Ok((count, skipped)) if skipped.is_empty() => Notice::info(format!(
                    "Downloaded the workspace: {count} document{}.",
                    if count == 1 { "" } else { "s" }
                )),
                Ok((count, skipped)) => Notice::error(format!(
                    "Downloaded the workspace with {count} documents; left out because they could not be read: {}.",
                    skipped.join("; ")
                )),
                Err(e) => Notice::error(format!("Workspace export failed: {e}.")),
            };
            dispatcher.dispatch(Action::Notify(notice));
        });
    });
    Transfer {
        on_import_files,
        on_export,
        on_copy_json,
        on_export_workspace,
    }
}

fn export(
    format: ExportFormat,
    doc: &DocRef,
    store: &StoreHandle,
    dispatcher: &UseReducerDispatcher<AppState>,
) {
    let file = formats::dispatch::export(format, &doc.0, store.borrow().content());
    let notice = match files::download_bytes(&file.name, file.mime, &file.bytes) {
        Ok(()) => {
            let mut message = format!("Downloaded {}.", file.name);
            // Say what the format could not hold, so nobody believes it is all there.
            if !file.losses.is_empty() {
                message.push_str(&format!(
                    " {} cannot hold {}; they are not in the file (the JSON export keeps \
                     everything).",
                    format.name(),
                    file.losses.join(", ")
                ));
            }
            // And what it changed to keep a spreadsheet from running it.
            if !file.altered.is_empty() {
                message.push_str(&format!(
                    " Cells that start with =, +, -, @, a tab or a line break got a ' in front \
                     ({}), so no spreadsheet runs them as formulas; such quotes no longer \
                     equal the text (the plain CSV keeps every cell exact).",
                    file.altered.join(", ")
                ));
            }
            Notice::info(message)
        }
        Err(e) => Notice::error(format!("Export failed: {e}.")),
    };
    dispatcher.dispatch(Action::Notify(notice));
}

/// Reads the files and decides what they are: annotations wait for "replace or merge", a
/// workspace replaces the library (then the root reopens the document), a text file is
/// offered as a new document. Nothing changes when any file fails.
fn import_files(
    chosen: Vec<web_sys::File>,
    dispatcher: UseReducerDispatcher<AppState>,
    doc: DocRef,
    on_reload: Callback<Option<String>>,
) {
    let refuse = |text: String| dispatcher.dispatch(Action::Notify(Notice::error(text)));
    let name = chosen
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(" + ");
    let total_bytes: f64 = chosen.iter().map(|f| f.size()).sum();
    if total_bytes > MAX_IMPORT_BYTES {
        refuse(format!(
            "Import of {name} refused: {:.1} MB, above the {:.0} MB limit. Nothing was changed.",
            total_bytes / BYTES_PER_MB,
            MAX_IMPORT_BYTES / BYTES_PER_MB
        ));
        return;
    }
    yew::platform::spawn_local(async move {
        let refuse = |text: String| dispatcher.dispatch(Action::Notify(Notice::error(text)));
        let mut inputs = Vec::with_capacity(chosen.len());
        for file in chosen {
            let file_name = file.name();
            match files::read_bytes(file).await {
                Ok(bytes) => inputs.push(InputFile {
                    name: file_name,
                    bytes,
                }),
                Err(e) => {
                    refuse(format!(
                        "Import of {file_name} failed: {e}. Nothing was changed."
                    ));
                    return;
                }
            }
        }
        match formats::dispatch::read_files(inputs, &doc.0) {
            Ok(Incoming::NewDocument { title, text }) => dispatcher.dispatch(Action::OpenDialog(
                Dialog::Documents(Some(Rc::new(Prefill { title, text }))),
            )),
            Ok(Incoming::Workspace(text)) => {
                let documents = match library::parse_workspace(&text) {
                    Ok(documents) => documents,
                    Err(e) => {
                        refuse(format!(
                            "Import of the workspace {name} rejected: {e}. Nothing was changed."
                        ));
                        return;
                    }
                };
                let progress = {
                    let (dispatcher, name) = (dispatcher.clone(), name.clone());
                    move |done: usize, total: usize| {
                        dispatcher.dispatch(Action::Notify(Notice::info(format!(
                            "Importing the workspace {name}: {done} of {total} documents…"
                        ))))
                    }
                };
                let report = storage::import_workspace(
                    documents,
                    || clock::fresh_id().trim_start_matches("a-")[..8].to_owned(),
                    progress,
                )
                .await;
                match report {
                    Ok(report) => {
                        on_reload.emit(Some(format!("Imported the workspace {name}: {report}.")))
                    }
                    Err(e) => refuse(format!(
                        "Import of the workspace {name} stopped: {e}. The documents written before it are kept; importing the file again merges the rest without duplicates."
                    )),
                }
            }
            Ok(Incoming::Annotations { plan, format }) => {
                dispatcher.dispatch(Action::StageImport(StagedImport {
                    source: format!("{name} ({})", format.name()),
                    plan: Rc::new(plan),
                }))
            }
            Err(e) => refuse(format!(
                "Import of {name} rejected: {e}. Nothing was changed."
            )),
        }
    });
}
