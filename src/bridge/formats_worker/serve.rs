//! The worker's side: takes one job at a time from the page, runs the model's readers and
//! writers on it, and answers (the message layout is in the parent module).

use crate::bridge::storage::js_error_text;
use crate::model::dates::parse_iso_date;
use crate::model::formats::dispatch::{self, ExportFormat, Incoming, InputFile};
use crate::model::formats::native::{self, TextInclusion};
use crate::model::formats::plan::Progress;
use crate::model::library::{self, WorkspaceDocument};
use crate::model::suggest;
use crate::model::Document;
use js_sys::{Array, Uint8Array};
use serde_json::{json, Value};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, FileReaderSync, MessageEvent};

thread_local! {
    /// The job being worked on, for the panic message.
    static JOB: Cell<f64> = const { Cell::new(0.0) };
}

/// Listens for jobs, then tells the page it is ready. Called once, by the worker's `main`.
pub fn serve() {
    crate::bridge::case::install();
    // A panic ends the worker (panic = "abort"); the page hears why first and starts afresh.
    std::panic::set_hook(Box::new(|info| {
        post(&[JOB.get().into(), "crashed".into(), info.to_string().into()])
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        handle(&event.data().unchecked_into())
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // It listens as long as the worker lives.
    on_message.forget();
    post(&[0.into(), "ready".into()]);
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(parts: &[JsValue]) {
    let message: Array = parts.iter().collect();
    // Only fails for values that cannot be cloned, which these never are.
    let _ = scope().post_message(&message);
}

fn handle(message: &Array) {
    let id = message.get(0);
    JOB.set(id.as_f64().unwrap_or_default());
    let text = |i: u32| message.get(i).as_string().unwrap_or_default();
    let answer = run(message, &text(1), &text(2), &text(3));
    match answer {
        Ok((header, payload)) => post(&[id, "done".into(), header.to_string().into(), payload]),
        Err(reason) => post(&[id, "error".into(), reason.into()]),
    }
}

fn run(
    message: &Array,
    header: &str,
    document: &str,
    text: &str,
) -> Result<(Value, JsValue), String> {
    let header: Value = serde_json::from_str(header).map_err(|e| e.to_string())?;
    let open = || native::document_of(document, text).map_err(|e| e.to_string());
    match header["job"].as_str() {
        Some("import") => {
            let doc = open()?;
            // The files are read here, not on the page: a big one does not hold the page up.
            let reader = FileReaderSync::new().map_err(|e| js_error_text(&e))?;
            let mut files = Vec::new();
            for i in 4..message.length() {
                let file: web_sys::File = message.get(i).unchecked_into();
                let name = file.name();
                let buffer = reader
                    .read_as_array_buffer(&file)
                    .map_err(|e| format!("{name} could not be read ({})", js_error_text(&e)))?;
                let bytes = Uint8Array::new(&buffer).to_vec();
                files.push(InputFile { name, bytes });
            }
            import(files, &doc, &message.get(0))
        }
        Some("export") => {
            let doc = open()?;
            let format = header["format"]
                .as_str()
                .and_then(ExportFormat::from_key)
                .ok_or("no such export format")?;
            let content = native::parse_placed(document, &doc).map_err(|e| e.to_string())?;
            let file = dispatch::export(format, &doc, content.content());
            let header = json!({ "name": file.name, "notice": file.notice(format) });
            Ok((header, Uint8Array::from(file.bytes.as_slice()).into()))
        }
        Some("workspace") => {
            // Pairs of compact JSON and text follow, one per document; each document's entry
            // is written as soon as it is built, and the document dropped.
            let entries = Array::new();
            for i in (4..message.length()).step_by(2) {
                let json = message.get(i).as_string().unwrap_or_default();
                let text = message.get(i + 1).as_string().unwrap_or_default();
                let document = native::document_of(&json, &text).map_err(|e| e.to_string())?;
                let content = native::parse_placed(&json, &document).map_err(|e| e.to_string())?;
                let entry = library::workspace_entry(&WorkspaceDocument { document, content });
                entries.push(&entry.into());
            }
            Ok((json!({}), entries.into()))
        }
        Some("suggest") => {
            let doc = open()?;
            let content = native::parse_placed(document, &doc).map_err(|e| e.to_string())?;
            let request: suggest::Request = serde_json::from_value(header["request"].clone())
                .map_err(|e| format!("the suggestions' request: {e}"))?;
            let published = doc.published.as_deref().and_then(parse_iso_date);
            let found = suggest::run(
                &doc.index,
                published,
                &content.annotations,
                &content.relations,
                request,
            );
            let json = serde_json::to_string(&found).map_err(|e| e.to_string())?;
            Ok((json!({}), json.into()))
        }
        _ => Err("the page asked for no known job".to_owned()),
    }
}

fn import(files: Vec<InputFile>, doc: &Document, id: &JsValue) -> Result<(Value, JsValue), String> {
    let mut progress = |Progress { done, total }| {
        post(&[
            id.clone(),
            "progress".into(),
            (done as f64).into(),
            (total as f64).into(),
        ])
    };
    match dispatch::read_files_with(files, doc, &mut progress)? {
        Incoming::Annotations { plan, format } => {
            let report = plan.report;
            let header = json!({
                "kind": "annotations",
                "format": format.key(),
                "text_changed": plan.text_changed,
                "report": [report.exact, report.moved, report.fuzzy, report.orphaned, report.links_dropped],
            });
            // Storage's compact form: the page reads it back with storage's own reader.
            let placed = native::to_json(doc, plan.content.content(), TextInclusion::Compact);
            Ok((header, placed.into()))
        }
        Incoming::NewDocument { title, text } => {
            Ok((json!({ "kind": "document", "title": title }), text.into()))
        }
        // UTF-8 bytes, not a string: the page copies them into its memory as they are, where a
        // string of 41 MB would first take three bytes a character (wasm-bindgen's worst case
        // for text beyond ASCII) on its way in.
        Incoming::Workspace(text) => Ok((
            json!({ "kind": "workspace" }),
            Uint8Array::from(text.as_bytes()).into(),
        )),
    }
}
