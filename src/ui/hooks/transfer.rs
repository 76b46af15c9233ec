//! Everything that moves work in or out of the app: importing files (annotations, a
//! workspace, or a new document), exporting in each format, copying the JSON, and the
//! workspace download. Imports and every export but this app's JSON run in the import worker
//! (`bridge::formats_worker`); an import shows its progress in a dialog whose Cancel
//! terminates the worker.

use crate::bridge::formats_worker::Imported;
use crate::bridge::lazy_views;
use crate::bridge::{files, formats_worker, settings};
use crate::model::formats::dispatch::{self, ExportFile, ExportFormat, Incoming};
use crate::model::formats::native::{self, TextInclusion};
use crate::model::formats::plan::Progress;
use crate::ui::state::{
    Action, AppState, Dialog, ImportStage, Importing, Notice, Prefill, StagedImport, StoreHandle,
};
use crate::ui::DocRef;
use std::cell::RefCell;
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

/// The import under way: its number (the dialog's `job`) and, once the files are read, the
/// worker's job to cancel.
#[derive(Default)]
struct Live {
    job: u32,
    worker: Option<formats_worker::Job>,
}

type LiveImport = Rc<RefCell<Option<Live>>>;

/// `importing` is the job of the open progress dialog, if any: when that dialog closes
/// without the import having finished (Cancel, Escape), the worker is terminated.
#[hook]
pub(crate) fn use_transfer(
    dispatcher: UseReducerDispatcher<AppState>,
    doc: &DocRef,
    store: &StoreHandle,
    on_reload: &Callback<Option<String>>,
    importing: Option<u32>,
) -> Transfer {
    let live: LiveImport = use_mut_ref(|| None);
    let jobs = use_mut_ref(|| 0u32);
    {
        let live = live.clone();
        use_effect_with(importing, move |&open| {
            let mut current = live.borrow_mut();
            if current.as_ref().is_some_and(|l| Some(l.job) != open) {
                if let Some(worker) = current.take().and_then(|l| l.worker) {
                    formats_worker::cancel(worker);
                }
            }
        });
    }
    let on_import_files = {
        let (dispatcher, doc, on_reload) = (dispatcher.clone(), doc.clone(), on_reload.clone());
        use_callback((), move |chosen: Vec<web_sys::File>, _| {
            *jobs.borrow_mut() += 1;
            let job = *jobs.borrow();
            let import = Import {
                job,
                live: live.clone(),
                dispatcher: dispatcher.clone(),
                doc: doc.clone(),
                on_reload: on_reload.clone(),
            };
            import.start(chosen)
        })
    };
    let on_export = {
        let (dispatcher, doc, store) = (dispatcher.clone(), doc.clone(), store.clone());
        Callback::from(move |format: ExportFormat| {
            // Every export names its annotator: without a name yet, ask (once in this
            // browser; the dialog exports either way).
            if settings::annotator_name().is_none() && !settings::annotator_asked() {
                return dispatcher.dispatch(Action::OpenDialog(Dialog::AnnotatorName(format)));
            }
            export(format, &doc, &store, &dispatcher)
        })
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
            // The module writes the file and says how far it has come and how it ended.
            let progress: Rc<dyn Fn(String)> = {
                let dispatcher = dispatcher.clone();
                Rc::new(move |text| dispatcher.dispatch(Action::Notify(Notice::info(text))))
            };
            let notice = match lazy_views::export_workspace(progress).await {
                Ok((true, message)) => Notice::info(message),
                Ok((false, message)) => Notice::error(message),
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
    let content = store.borrow();
    if format == ExportFormat::Native {
        // Written here, with the code local storage has anyway; this app's JSON holds
        // everything, so there is nothing more to say about it.
        let file = dispatch::export_native(&doc.0, content.content());
        let notice = format!("Downloaded {}.", file.name);
        return deliver(Ok((file, notice)), dispatcher);
    }
    let dispatcher = dispatcher.clone();
    formats_worker::export(format, &doc.0, content.content(), move |file| {
        deliver(file, &dispatcher)
    });
}

/// Downloads an export and says so, in the words written with the file (`ExportFile::notice`:
/// what the format left out or changed).
fn deliver(
    file: Result<(ExportFile, String), String>,
    dispatcher: &UseReducerDispatcher<AppState>,
) {
    let downloaded = file.and_then(|(file, notice)| {
        files::download_bytes(&file.name, file.mime, &file.bytes).map(|()| notice)
    });
    let notice = match downloaded {
        Ok(message) => Notice::info(message),
        Err(e) => Notice::error(format!("Export failed: {e}.")),
    };
    dispatcher.dispatch(Action::Notify(notice));
}

/// One import: the files are read, the import worker parses and places them while the
/// progress dialog shows how far it has come, and then annotations wait for "replace or
/// merge", a workspace replaces the library (then the root reopens the document), and a text
/// file is offered as a new document. Nothing changes when any file fails, or when the import
/// is cancelled.
struct Import {
    job: u32,
    live: LiveImport,
    dispatcher: UseReducerDispatcher<AppState>,
    doc: DocRef,
    on_reload: Callback<Option<String>>,
}

impl Import {
    fn refuse(&self, text: String) {
        self.dispatcher
            .dispatch(Action::Notify(Notice::error(text)));
    }

    /// Whether this import is still the one under way (not cancelled).
    fn current(&self) -> bool {
        self.live
            .borrow()
            .as_ref()
            .is_some_and(|l| l.job == self.job)
    }

    fn start(self, chosen: Vec<web_sys::File>) {
        let name = chosen
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(" + ");
        if self.live.borrow().is_some() {
            self.refuse(format!(
                "Import of {name} refused: another import is under way; wait for it or cancel \
                 it. Nothing was changed."
            ));
            return;
        }
        let total_bytes: f64 = chosen.iter().map(|f| f.size()).sum();
        if total_bytes > MAX_IMPORT_BYTES {
            // Tenths of a MB, written with integers (no float formatting in the download).
            let tenths = (total_bytes / BYTES_PER_MB * 10.0).round() as u64;
            self.refuse(format!(
                "Import of {name} refused: {}.{} MB, above the {} MB limit. Nothing was changed.",
                tenths / 10,
                tenths % 10,
                (MAX_IMPORT_BYTES / BYTES_PER_MB) as u64
            ));
            return;
        }
        *self.live.borrow_mut() = Some(Live {
            job: self.job,
            worker: None,
        });
        // The question that follows (merge or replace), a workspace and a new document are
        // the views loaded on first use: their module loads while the worker reads.
        lazy_views::warm_up();
        self.dispatcher
            .dispatch(Action::OpenDialog(Dialog::Importing(Importing {
                job: self.job,
                source: name.clone(),
                stage: ImportStage::Reading,
            })));
        let (job, live) = (self.job, self.live.clone());
        let progress = {
            let dispatcher = self.dispatcher.clone();
            move |p: Progress| {
                dispatcher.dispatch(Action::ImportProgress {
                    job,
                    stage: ImportStage::Placing {
                        done: p.done,
                        total: p.total,
                    },
                })
            }
        };
        let doc = self.doc.0.clone();
        // The worker reads the files, parses and places them.
        let worker = formats_worker::import(doc, chosen, progress, move |incoming| {
            if self.finish() {
                self.apply(&name, incoming)
            }
        });
        // Unless it already finished (a worker that could not start answers at once).
        let mut current = live.borrow_mut();
        if let Some(l) = current.as_mut().filter(|l| l.job == job) {
            l.worker = Some(worker);
        }
    }

    /// Ends this import and closes its dialog; false when it was cancelled before.
    fn finish(&self) -> bool {
        if !self.current() {
            return false;
        }
        *self.live.borrow_mut() = None;
        self.dispatcher.dispatch(Action::CloseDialog);
        true
    }

    /// A workspace file: checked and written by the views loaded on first use, one document
    /// at a time (`bridge::lazy_views::import_workspace`); then the root opens the library
    /// afresh.
    fn import_workspace(&self, name: &str, bytes: js_sys::Uint8Array) {
        let (dispatcher, on_reload, name) = (
            self.dispatcher.clone(),
            self.on_reload.clone(),
            name.to_owned(),
        );
        yew::platform::spawn_local(async move {
            // The module checks and writes it, and says how far it has come and how it ended.
            let progress: Rc<dyn Fn(String)> = {
                let dispatcher = dispatcher.clone();
                Rc::new(move |text| dispatcher.dispatch(Action::Notify(Notice::info(text))))
            };
            let error = |text: String| dispatcher.dispatch(Action::Notify(Notice::error(text)));
            match lazy_views::import_workspace(&bytes, &name, progress).await {
                Ok((true, message)) => on_reload.emit(Some(message)),
                Ok((false, message)) => error(message),
                Err(why) => error(format!(
                    "Import of the workspace {name} could not start: {why}. Nothing was changed."
                )),
            }
        });
    }

    fn apply(&self, name: &str, incoming: Result<Imported, String>) {
        match incoming {
            Ok(Imported::Content(Incoming::NewDocument { title, text })) => self
                .dispatcher
                .dispatch(Action::OpenDialog(Dialog::Documents(Some(Rc::new(
                    Prefill { title, text },
                ))))),
            Ok(Imported::Content(Incoming::Workspace(text))) => {
                self.import_workspace(name, js_sys::Uint8Array::from(text.as_bytes()))
            }
            Ok(Imported::Workspace(bytes)) => self.import_workspace(name, bytes),
            Ok(Imported::Content(Incoming::Annotations { plan, format })) => {
                self.dispatcher.dispatch(Action::StageImport(StagedImport {
                    source: format!("{name} ({})", format.name()),
                    plan: Rc::new(plan),
                }))
            }
            Err(e) => self.refuse(format!(
                "Import of {name} rejected: {e}. Nothing was changed."
            )),
        }
    }
}
