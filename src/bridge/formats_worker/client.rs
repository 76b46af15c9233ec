//! The page's side: starts the worker on first use, queues jobs until it is ready, hands
//! each answer to the job that asked, and terminates the worker when a job is cancelled.

use super::META_NAME;
use crate::bridge::clock;
use crate::bridge::storage::js_error_text;
use crate::model::anchor::AnchorReport;
use crate::model::formats::dispatch::{ExportFile, ExportFormat, Incoming};
use crate::model::formats::native::{self, TextInclusion};
use crate::model::formats::plan::Progress;
use crate::model::formats::ImportPlan;
use crate::model::library::WorkspaceDocument;
use crate::model::{Content, Document};
use js_sys::{Array, Uint8Array};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

type Done<T> = Box<dyn FnOnce(Result<T, String>)>;

/// A job the worker was given and has not answered.
/// What an import brought: annotations, a new document's text, or a workspace file, kept
/// as the browser's bytes (it is written by the views loaded on first use, so the page never
/// copies it into its own memory).
pub enum Imported {
    Content(Incoming),
    Workspace(Uint8Array),
}

enum Pending {
    Import {
        doc: Rc<Document>,
        progress: Rc<dyn Fn(Progress)>,
        done: Done<Imported>,
    },
    Export {
        format: ExportFormat,
        done: Done<(ExportFile, String)>,
    },
    Workspace {
        done: Done<Array>,
    },
    Suggest {
        done: Done<String>,
    },
}

impl Pending {
    fn fail(self, reason: String) {
        match self {
            Pending::Import { done, .. } => done(Err(reason)),
            Pending::Export { done, .. } => done(Err(reason)),
            Pending::Workspace { done } => done(Err(reason)),
            Pending::Suggest { done } => done(Err(reason)),
        }
    }
}

struct Client {
    worker: Worker,
    /// The worker said it listens; until then messages wait in `queue`.
    ready: bool,
    queue: Vec<Array>,
    pending: Vec<(u32, Pending)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// An import the worker is working on, to [`cancel`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job(u32);

/// Starts the worker if it is not running, so that it is ready by the time a file is chosen
/// (the toolbar calls it when Import… or Export is opened). A failure shows at the first job.
pub fn warm_up() {
    let _ = CLIENT.with_borrow_mut(|slot| running(slot).map(drop));
}

/// Reads and places `files` for `doc` in the worker. `progress` hears how far placing has
/// come; `done` gets what the files turned out to be, or why they were rejected. Neither is
/// called after [`cancel`].
pub fn import(
    doc: Rc<Document>,
    files: Vec<web_sys::File>,
    progress: impl Fn(Progress) + 'static,
    done: impl FnOnce(Result<Imported, String>) + 'static,
) -> Job {
    let none = Content {
        annotations: &[],
        orphans: &[],
        relations: &[],
    };
    let message = request_of(r#"{"job":"import"}"#, &doc, none);
    // The worker reads them: the page never holds a big file's bytes.
    for file in &files {
        message.push(file);
    }
    let pending = Pending::Import {
        doc,
        progress: Rc::new(progress),
        done: Box::new(done),
    };
    Job(submit(pending, message))
}

/// Writes `content` of `doc` as `format` (any but this app's JSON, which the page writes
/// itself) in the worker; `done` gets the file and what to say once it is downloaded
/// (`ExportFile::notice`), or why it could not be written.
pub fn export(
    format: ExportFormat,
    doc: &Document,
    content: Content,
    done: impl FnOnce(Result<(ExportFile, String), String>) + 'static,
) {
    let header = format!(r#"{{"job":"export","format":"{}"}}"#, format.key());
    let message = request_of(&header, doc, content);
    submit(
        Pending::Export {
            format,
            done: Box::new(done),
        },
        message,
    );
}

/// Runs the suggesters (`model::suggest::run`) on `doc` with its `content` in the worker, so a
/// long document does not hold the page up; `request` is a `suggest::Request` in JSON. `done`
/// gets the `Suggestions` in JSON, or why there are none. [`cancel`] stops it.
pub fn suggest(
    doc: &Document,
    content: Content,
    request: &str,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Job {
    let header = format!(r#"{{"job":"suggest","request":{request}}}"#);
    let message = request_of(&header, doc, content);
    Job(submit(
        Pending::Suggest {
            done: Box::new(done),
        },
        message,
    ))
}

/// Writes these documents' entries of a workspace file (`library::workspace_entry`, one JSON
/// text each, as JS strings that the page hands to the download without copying them into
/// its own memory). A workspace is written a few documents at a time.
pub async fn workspace_entries(documents: &[WorkspaceDocument]) -> Result<Array, String> {
    let message = Array::new();
    for part in [
        JsValue::UNDEFINED,
        r#"{"job":"workspace"}"#.into(),
        "".into(),
        "".into(),
    ] {
        message.push(&part);
    }
    for d in documents {
        let json = native::to_json(&d.document, d.content.content(), TextInclusion::Compact);
        message.push(&json.into());
        message.push(&d.document.index.text().into());
    }
    let answer: Rc<RefCell<Option<Result<Array, String>>>> = Rc::default();
    let mut resolve_with = None;
    let finished = js_sys::Promise::new(&mut |resolve, _| resolve_with = Some(resolve));
    let resolve = resolve_with.expect("the promise runs its executor at once");
    {
        let answer = answer.clone();
        submit(
            Pending::Workspace {
                done: Box::new(move |result| {
                    *answer.borrow_mut() = Some(result);
                    let _ = resolve.call0(&JsValue::NULL);
                }),
            },
            message,
        );
    }
    let _ = wasm_bindgen_futures::JsFuture::from(finished).await;
    let answer = answer.borrow_mut().take();
    answer.unwrap_or_else(|| Err("the import worker did not answer".to_owned()))
}

/// Stops an import: the worker is terminated (a new one starts with the next job), and the
/// job hears nothing more. Other jobs still waiting are told they were interrupted. False
/// when the job had already finished.
pub fn cancel(job: Job) -> bool {
    let Some(_) = take(job.0) else {
        return false;
    };
    stop("it was interrupted by a cancelled import; try again".to_owned());
    true
}

/// `[id, header, document, text]`, the id filled in by [`submit`].
fn request_of(header: &str, doc: &Document, content: Content) -> Array {
    let message = Array::new();
    message.push(&JsValue::UNDEFINED);
    message.push(&header.into());
    message.push(&native::to_json(doc, content, TextInclusion::Compact).into());
    message.push(&doc.index.text().into());
    message
}

fn submit(pending: Pending, message: Array) -> u32 {
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    message.set(0, id.into());
    // Whatever goes wrong, the job is told, outside the borrow (it may start another job).
    if let Err(reason) = CLIENT.with_borrow_mut(|slot| running(slot).map(drop)) {
        pending.fail(format!("the import worker could not start ({reason})"));
        return id;
    }
    let posted = CLIENT.with_borrow_mut(|slot| {
        let client = slot.as_mut().expect("started above");
        client.pending.push((id, pending));
        if !client.ready {
            client.queue.push(message);
            return Ok(());
        }
        client
            .worker
            .post_message(&message)
            .map_err(|e| js_error_text(&e))
    });
    if let Err(reason) = posted {
        if let Some(pending) = take(id) {
            pending.fail(format!(
                "the import worker could not take the job ({reason})"
            ));
        }
    }
    id
}

/// The running client, started if there is none.
fn running(slot: &mut Option<Client>) -> Result<&mut Client, String> {
    if slot.is_none() {
        *slot = Some(start()?);
    }
    Ok(slot.as_mut().expect("started above"))
}

fn start() -> Result<Client, String> {
    let url = gloo::utils::document()
        .query_selector(&format!("meta[name={META_NAME}]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or("this build names no import worker")?;
    clock::mark("annotator:worker-start");
    let worker = Worker::new(&url).map_err(|e| js_error_text(&e))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        received(&event.data().unchecked_into())
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        stop(format!(
            "the import worker stopped ({})",
            js_error_text(&event)
        ))
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn take(id: u32) -> Option<Pending> {
    CLIENT.with_borrow_mut(|slot| {
        let pending = &mut slot.as_mut()?.pending;
        let at = pending.iter().position(|(job, _)| *job == id)?;
        Some(pending.remove(at).1)
    })
}

/// Terminates the worker and tells every waiting job why.
fn stop(reason: String) {
    let Some(client) = CLIENT.with_borrow_mut(Option::take) else {
        return;
    };
    client.worker.terminate();
    let Client {
        pending,
        _on_message,
        _on_error,
        ..
    } = client;
    for (_, job) in pending {
        job.fail(reason.clone());
    }
    // The listeners may be running now (this can be called from them): dropped a moment later.
    wasm_bindgen_futures::spawn_local(async move { drop((_on_message, _on_error)) });
}

fn received(data: &Array) {
    let id = data.get(0).as_f64().unwrap_or_default() as u32;
    let text = |i: u32| data.get(i).as_string().unwrap_or_default();
    let number = |i: u32| data.get(i).as_f64().unwrap_or_default() as usize;
    match text(1).as_str() {
        "ready" => {
            clock::mark("annotator:worker-ready");
            CLIENT.with_borrow_mut(|slot| {
                if let Some(client) = slot {
                    client.ready = true;
                    for message in client.queue.drain(..) {
                        let _ = client.worker.post_message(&message);
                    }
                }
            });
        }
        "progress" => {
            let progress = CLIENT.with_borrow(|slot| {
                let (_, pending) = slot.as_ref()?.pending.iter().find(|(job, _)| *job == id)?;
                match pending {
                    Pending::Import { progress, .. } => Some(progress.clone()),
                    Pending::Export { .. }
                    | Pending::Workspace { .. }
                    | Pending::Suggest { .. } => None,
                }
            });
            if let Some(progress) = progress {
                progress(Progress {
                    done: number(2),
                    total: number(3),
                });
            }
        }
        "crashed" => stop(format!("the import worker failed ({})", text(2))),
        kind => {
            let Some(pending) = take(id) else {
                return;
            };
            let answer = if kind == "done" {
                Ok((text(2), data.get(3)))
            } else {
                Err(text(2))
            };
            match pending {
                Pending::Import { doc, done, .. } => {
                    done(answer.and_then(|(header, payload)| imported(&header, payload, &doc)))
                }
                Pending::Export { format, done } => {
                    done(answer.and_then(|(header, payload)| exported(format, &header, payload)))
                }
                Pending::Suggest { done } => {
                    done(answer.map(|(_, payload)| payload.as_string().unwrap_or_default()))
                }
                Pending::Workspace { done } => done(answer.and_then(|(_, payload)| {
                    payload
                        .dyn_into::<Array>()
                        .map_err(|_| "the import worker sent no list of documents".to_owned())
                })),
            }
        }
    }
}

fn header_of(header: &str) -> Result<Value, String> {
    serde_json::from_str(header).map_err(|e| format!("the import worker's answer: {e}"))
}

fn imported(header: &str, payload: JsValue, doc: &Document) -> Result<Imported, String> {
    let header = header_of(header)?;
    if header["kind"].as_str() == Some("workspace") {
        // Sent as UTF-8 bytes (see serve.rs), and handed on as they are.
        return payload
            .dyn_into::<Uint8Array>()
            .map(Imported::Workspace)
            .map_err(|_| "the import worker sent the workspace in an unknown form".to_owned());
    }
    let text = payload.as_string().unwrap_or_default();
    let incoming = match header["kind"].as_str() {
        Some("annotations") => {
            let format = header["format"]
                .as_str()
                .and_then(ExportFormat::from_key)
                .ok_or("the import worker named no format")?;
            let count = |i: usize| header["report"][i].as_u64().unwrap_or_default() as usize;
            // Placed by the worker in this very text: read back by storage's own reader.
            let content = native::parse_placed(&text, doc).map_err(|e| e.to_string())?;
            Ok(Incoming::Annotations {
                plan: ImportPlan {
                    content,
                    report: AnchorReport {
                        exact: count(0),
                        moved: count(1),
                        fuzzy: count(2),
                        orphaned: count(3),
                        links_dropped: count(4),
                    },
                    text_changed: header["text_changed"].as_bool().unwrap_or_default(),
                },
                format,
            })
        }
        Some("document") => Ok(Incoming::NewDocument {
            title: header["title"].as_str().unwrap_or_default().to_owned(),
            text,
        }),
        _ => Err("the import worker's answer has no kind".to_owned()),
    };
    incoming.map(Imported::Content)
}

/// The file the worker wrote, and what the page says once it is downloaded.
fn exported(
    format: ExportFormat,
    header: &str,
    payload: JsValue,
) -> Result<(ExportFile, String), String> {
    let header = header_of(header)?;
    let text = |key: &str| header[key].as_str().unwrap_or_default().to_owned();
    let file = ExportFile {
        name: text("name"),
        mime: format.mime(),
        bytes: Uint8Array::new(&payload).to_vec(),
        // Said in the notice, which the worker wrote with the file.
        losses: Vec::new(),
        altered: Vec::new(),
    };
    Ok((file, text("notice")))
}
