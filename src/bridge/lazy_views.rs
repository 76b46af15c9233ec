//! The views a visit may never open (the documents dialog, the claims across the library, the
//! entities, the open document's claims table, the shortcut sheet) and the one-time migration
//! of the localStorage format are a third wasm module (`src/bin/lazy_views.rs`), fetched the
//! first time one of them is needed, so that their code is not part of the page's own download
//! (docs/performance.md, "Release size"). Both sides of the hand-over are here. The module
//! publishes its functions on `globalThis.annotatorLazyViews` (`open`, `close`, `update`,
//! `migrate`,
//! `importWorkspace`, `exportWorkspace`, `addLayer`: a workspace file is checked and written,
//! the library written as one, and a colleague's file kept as a layer, there too);
//! the page loads the module's script,
//! waits for it to start, and calls them. The view draws its own dialog into a host element
//! the page gives it, outside the page's own Yew root (two Yew runtimes must not share one
//! subtree's event delegation), and tells the page of its few outcomes as [`ViewEvent`]s.
//!
//! The view reads and writes the local database itself, exactly as another tab would, so
//! what it changes (an entity merge) reaches the open document through the change feed.

use crate::bridge::storage::js_error_text;
use js_sys::{Function, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlScriptElement};

/// The global object through which the module's functions are reached.
const GLOBAL: &str = "annotatorLazyViews";
/// The promise the module's script sets when it starts its wasm (scripts/post-build.mjs).
const STARTED: &str = "annotatorLazyViewsStarted";
/// `<meta name="lazy-views" content="/lazy_views-<hash>.js">`, written by
/// scripts/post-build.mjs.
const META_NAME: &str = "lazy-views";
/// The id of the module's script element, once the page has added it.
const SCRIPT_ID: &str = "lazy-views-script";

/// Which view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyView {
    /// The documents dialog.
    Documents,
    /// The claims across the library.
    Claims,
    /// The entities across the library.
    Entities,
    /// The open document's claims table.
    DocumentClaims,
    /// The shortcut sheet.
    Help,
    /// The suggestions for the open document: a panel beside the text, not a dialog.
    Suggestions,
    /// Agreement between the open document's layers.
    Agreement,
    /// The open document's layers, drawn in the text, and their curation into a gold
    /// document: a panel, like the suggestions.
    Layers,
    /// The question for the person's annotator name, before their first export.
    Name,
    /// Team sync: connecting to a project database, its status, disconnecting.
    Sync,
    /// The question an import asks when the document has annotations already: merge,
    /// replace, or keep the file as a colleague's layer.
    Import,
    /// The question before an edit that throws something away (a relabel that loses links,
    /// delete all).
    Confirm,
    /// An import under way: how far the import worker has come, and Cancel.
    Importing,
}

impl LazyView {
    pub fn name(self) -> &'static str {
        match self {
            LazyView::Documents => "documents",
            LazyView::Claims => "claims",
            LazyView::Entities => "entities",
            LazyView::DocumentClaims => "document-claims",
            LazyView::Help => "help",
            LazyView::Suggestions => "suggestions",
            LazyView::Agreement => "agreement",
            LazyView::Layers => "layers",
            LazyView::Name => "name",
            LazyView::Sync => "sync",
            LazyView::Import => "import",
            LazyView::Confirm => "confirm",
            LazyView::Importing => "importing",
        }
    }

    /// Drawn beside the text, not as a dialog: the page stays usable.
    pub fn is_panel(self) -> bool {
        matches!(self, LazyView::Suggestions | LazyView::Layers)
    }

    /// Drawn afresh whenever what the page hands it changes (`OpenView::update`): an import's
    /// progress, and the questions, which say what the page holds. The other views are drawn
    /// once, from what the page held when they opened.
    pub fn follows_page(self) -> bool {
        matches!(
            self,
            LazyView::Importing | LazyView::Import | LazyView::Confirm
        )
    }

    fn from_name(name: &str) -> Option<LazyView> {
        match name {
            "documents" => Some(LazyView::Documents),
            "claims" => Some(LazyView::Claims),
            "entities" => Some(LazyView::Entities),
            "document-claims" => Some(LazyView::DocumentClaims),
            "help" => Some(LazyView::Help),
            "suggestions" => Some(LazyView::Suggestions),
            "agreement" => Some(LazyView::Agreement),
            "layers" => Some(LazyView::Layers),
            "name" => Some(LazyView::Name),
            "sync" => Some(LazyView::Sync),
            "import" => Some(LazyView::Import),
            "confirm" => Some(LazyView::Confirm),
            "importing" => Some(LazyView::Importing),
            _ => None,
        }
    }
}

/// What a view is told of the page when it opens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewContext {
    /// The open document: a jump into it selects without reloading.
    pub current_id: String,
    /// The open document's annotations per label, from its store (its list entry is written
    /// just after its annotations, so it can lag behind by a save).
    pub current_counts: [usize; 3],
    /// A dropped file's title and text, for the documents dialog's add form.
    pub prefill: Option<(String, String)>,
    /// The open document for the claims table: its annotations in the JSON format's compact
    /// form (as the import worker gets them), and its text.
    pub document: Option<(String, String)>,
    /// What a question asks about, for the import question and the confirmations: words and
    /// numbers as `ui::components::dialogs` writes and reads them.
    pub question: Vec<String>,
}

impl ViewContext {
    fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = Reflect::set(&object, &key.into(), &value);
        };
        set("currentId", self.current_id.as_str().into());
        let counts = self.current_counts.iter().map(|&n| JsValue::from(n as u32));
        set("counts", counts.collect::<js_sys::Array>().into());
        if let Some((title, text)) = &self.prefill {
            set("prefillTitle", title.as_str().into());
            set("prefillText", text.as_str().into());
        }
        if let Some((json, text)) = &self.document {
            set("documentJson", json.as_str().into());
            set("documentText", text.as_str().into());
        }
        let question = self
            .question
            .iter()
            .map(|part| JsValue::from(part.as_str()));
        set("question", question.collect::<js_sys::Array>().into());
        object.into()
    }

    fn from_js(value: &JsValue) -> ViewContext {
        let text = |key: &str| {
            Reflect::get(value, &key.into())
                .ok()
                .and_then(|v| v.as_string())
        };
        let counts = Reflect::get(value, &"counts".into()).unwrap_or(JsValue::UNDEFINED);
        let count = |at: u32| Reflect::get_u32(&counts, at).ok().and_then(|n| n.as_f64());
        ViewContext {
            current_id: text("currentId").unwrap_or_default(),
            current_counts: [0, 1, 2].map(|at| count(at).unwrap_or(0.0) as usize),
            prefill: text("prefillTitle").zip(text("prefillText")),
            document: text("documentJson").zip(text("documentText")),
            question: Reflect::get(value, &"question".into())
                .map(|list| {
                    js_sys::Array::from(&list)
                        .iter()
                        .map(|part| part.as_string().unwrap_or_default())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// What a view tells the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewEvent {
    /// The person closed the view.
    Close,
    /// Select this annotation of the open document and bring it into view.
    Select(String),
    /// Something failed that the page should say, in words.
    Error(String),
    /// Open the open document afresh (it was renamed), saying this.
    Reload(Option<String>),
    /// Add these annotations and links to the open document as one undoable step: accepted
    /// suggestions, in the JSON format's compact form.
    Accept(String),
    /// Open this view again with the document as it is now (the suggesters run afresh).
    Again,
    /// Open the layers panel (from the agreement view).
    Layers,
    /// The person gave their annotator name (empty: export without one).
    Named(String),
    /// The person answered a question (the import question, a confirmation): which answer.
    Answer(String),
}

impl ViewEvent {
    fn parts(&self) -> (&'static str, &str) {
        match self {
            ViewEvent::Close => ("close", ""),
            ViewEvent::Select(id) => ("select", id),
            ViewEvent::Error(why) => ("error", why),
            ViewEvent::Reload(notice) => ("reload", notice.as_deref().unwrap_or("")),
            ViewEvent::Accept(json) => ("accept", json),
            ViewEvent::Again => ("again", ""),
            ViewEvent::Layers => ("layers", ""),
            ViewEvent::Named(name) => ("named", name),
            ViewEvent::Answer(answer) => ("answer", answer),
        }
    }

    fn from_parts(kind: &str, value: String) -> Option<ViewEvent> {
        match kind {
            "close" => Some(ViewEvent::Close),
            "select" => Some(ViewEvent::Select(value)),
            "error" => Some(ViewEvent::Error(value)),
            "reload" => Some(ViewEvent::Reload(Some(value).filter(|v| !v.is_empty()))),
            "accept" => Some(ViewEvent::Accept(value)),
            "again" => Some(ViewEvent::Again),
            "layers" => Some(ViewEvent::Layers),
            "named" => Some(ViewEvent::Named(value)),
            "answer" => Some(ViewEvent::Answer(value)),
            _ => None,
        }
    }
}

// ---- the page's side -------------------------------------------------------------------

/// An open view. Dropping it closes the view (its Yew app is destroyed) and stops listening.
pub struct OpenView {
    host: Element,
    _on_event: Closure<dyn FnMut(String, String)>,
}

impl OpenView {
    /// Draws the view afresh with what the page says now (an import's progress, the
    /// document's count under a question).
    pub fn update(&self, context: &ViewContext) {
        if let Ok(update) = module_function("update") {
            let _ = update.call2(&JsValue::NULL, &self.host, &context.to_js());
        }
    }
}

impl Drop for OpenView {
    fn drop(&mut self) {
        if let Ok(close) = module_function("close") {
            let _ = close.call1(&JsValue::NULL, &self.host);
        }
    }
}

/// Loads the module if this page has not yet, then opens `view` into `host`. `on_event`
/// hears the view's outcomes, each after the view's own handler has returned (the page may
/// close the view in answer, which must not happen under the view's feet).
pub async fn open(
    view: LazyView,
    host: &Element,
    context: &ViewContext,
    on_event: Rc<dyn Fn(ViewEvent)>,
) -> Result<OpenView, String> {
    load().await?;
    let on_event = Closure::<dyn FnMut(String, String)>::new(move |kind: String, value: String| {
        let Some(event) = ViewEvent::from_parts(&kind, value) else {
            return;
        };
        let on_event = on_event.clone();
        wasm_bindgen_futures::spawn_local(async move { on_event(event) });
    });
    let open = module_function("open")?;
    let args = js_sys::Array::of4(
        &view.name().into(),
        host,
        &context.to_js(),
        on_event.as_ref(),
    );
    open.apply(&JsValue::NULL, &args)
        .map_err(|e| format!("the view did not open ({})", js_error_text(&e)))?;
    Ok(OpenView {
        host: host.clone(),
        _on_event: on_event,
    })
}

/// Imports a workspace file (its UTF-8 bytes, as the import worker read them; `name` is the
/// file's, for the messages) through the module, which checks and writes it one document at
/// a time and says how far it has come in `progress`, in words. How it ended, in words: with
/// `true` when every document was written, `false` when it was refused whole (nothing
/// written) or stopped part way (what was written is kept). Fails only when the module cannot
/// be loaded.
pub async fn import_workspace(
    bytes: &js_sys::Uint8Array,
    name: &str,
    progress: Rc<dyn Fn(String)>,
) -> Result<(bool, String), String> {
    let progress = Closure::<dyn Fn(String)>::new(move |text: String| progress(text));
    let args = js_sys::Array::of3(bytes, &name.into(), progress.as_ref());
    let answer = run("importWorkspace", &args).await?;
    drop(progress);
    Ok(outcome(&answer))
}

/// Writes the whole library as a workspace file through the module and starts its download;
/// `progress` hears how far it has come, in words. How it ended, in words: `true` when every
/// document is in the file, `false` when some were left out or nothing was written. Fails only
/// when the module cannot be loaded.
pub async fn export_workspace(progress: Rc<dyn Fn(String)>) -> Result<(bool, String), String> {
    let progress = Closure::<dyn Fn(String)>::new(move |text: String| progress(text));
    let args = js_sys::Array::of1(progress.as_ref());
    let answer = run("exportWorkspace", &args).await?;
    drop(progress);
    Ok(outcome(&answer))
}

/// `[done, message]`, as the module's workspace import and export answer.
fn outcome(answer: &JsValue) -> (bool, String) {
    let part = |i: u32| Reflect::get_u32(answer, i).unwrap_or(JsValue::UNDEFINED);
    (part(0).is_truthy(), part(1).as_string().unwrap_or_default())
}

/// Keeps annotations as a colleague's read-only layer of the open document, through the module
/// (which checks them against the text and writes the layer's record): `json` is the document
/// with those annotations in the JSON format's compact form, `text` its text. What was added, in
/// words, or why not.
pub async fn add_layer(
    json: &str,
    text: &str,
    source: &str,
    annotator: &str,
) -> Result<String, String> {
    let args = js_sys::Array::of4(
        &json.into(),
        &text.into(),
        &source.into(),
        &annotator.into(),
    );
    let answer = run("addLayer", &args).await?;
    Ok(answer.as_string().unwrap_or_default())
}

/// Runs the module's one-time migration of the localStorage format into the local database
/// (loading the module first): the report in words, or why it failed.
pub async fn migrate() -> Result<String, String> {
    let report = run("migrate", &js_sys::Array::new()).await?;
    Ok(report.as_string().unwrap_or_default())
}

/// Loads the module if needed, calls its function `name` with `args`, and waits for the
/// promise it returns: its value, or why it failed, in words.
async fn run(name: &str, args: &js_sys::Array) -> Result<JsValue, String> {
    load().await?;
    let promise: Promise = module_function(name)?
        .apply(&JsValue::NULL, args)
        .map_err(|e| js_error_text(&e))?
        .dyn_into()
        .map_err(|_| format!("the module's `{name}` did not start"))?;
    JsFuture::from(promise).await.map_err(|e| js_error_text(&e))
}

async fn load() -> Result<(), String> {
    let global = js_sys::global();
    if Reflect::get(&global, &GLOBAL.into()).is_ok_and(|g| g.is_object()) {
        return Ok(());
    }
    let started = Reflect::get(&global, &STARTED.into()).unwrap_or(JsValue::UNDEFINED);
    let started = if started.is_instance_of::<Promise>() {
        started
    } else {
        add_script().await?;
        Reflect::get(&global, &STARTED.into()).unwrap_or(JsValue::UNDEFINED)
    };
    let started: Promise = started.dyn_into().map_err(|_| {
        "the script of the views loaded on first use did not start its module".to_owned()
    })?;
    JsFuture::from(started).await.map_err(|e| {
        format!(
            "the views loaded on first use did not start ({})",
            js_error_text(&e)
        )
    })?;
    Ok(())
}

/// Starts loading the module, if this page has not yet, without waiting for it: an import
/// calls it as it starts, so that its question (merge or replace) opens without a wait.
pub fn warm_up() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load().await;
    });
}

/// Adds the module's script to the page and waits until it has run (or failed to load). A
/// script still on its way (asked for a moment ago: a warm-up, another view) is waited for,
/// not added twice.
async fn add_script() -> Result<(), String> {
    let document = gloo::utils::document();
    let script: HtmlScriptElement = match document.get_element_by_id(SCRIPT_ID) {
        Some(script) => script.unchecked_into(),
        None => {
            let src = document
                .query_selector(&format!("meta[name='{META_NAME}']"))
                .ok()
                .flatten()
                .and_then(|meta| meta.get_attribute("content"))
                .ok_or_else(|| {
                    "this build has no module of views loaded on first use (see index.html)"
                        .to_owned()
                })?;
            let script: HtmlScriptElement = document
                .create_element("script")
                .map_err(|e| js_error_text(&e))?
                .unchecked_into();
            script.set_id(SCRIPT_ID);
            script.set_src(&src);
            script
        }
    };
    let loaded = Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    if !script.is_connected() {
        document
            .head()
            .ok_or_else(|| "the page has no <head>".to_owned())?
            .append_child(&script)
            .map_err(|e| js_error_text(&e))?;
    }
    if JsFuture::from(loaded).await.is_err() {
        let src = script.get_attribute("src").unwrap_or_default();
        // Gone, so that the next try adds it afresh.
        script.remove();
        return Err(format!(
            "its code could not be downloaded ({src}); check the connection and try again"
        ));
    }
    // Run: no later call waits for it again.
    let _ = script.remove_attribute("id");
    Ok(())
}

fn module_function(name: &str) -> Result<Function, String> {
    Reflect::get(&js_sys::global(), &GLOBAL.into())
        .and_then(|g| Reflect::get(&g, &name.into()))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("the module of views loaded on first use has no `{name}`"))
}

// ---- the module's side -----------------------------------------------------------------

/// Tells a view's outcome to the page.
#[derive(Clone)]
pub struct EventSink(Function);

impl PartialEq for EventSink {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl EventSink {
    pub fn send(&self, event: ViewEvent) {
        let (kind, value) = event.parts();
        let _ = self.0.call2(&JsValue::NULL, &kind.into(), &value.into());
    }
}

/// Publishes the module's `open`, `close`, `update` and `migrate` for the page. Called once, by the
/// module's `main`; the functions live as long as the page.
pub fn publish(
    open: impl Fn(LazyView, Element, ViewContext, EventSink) + 'static,
    close: impl Fn(Element) + 'static,
    migrate: impl Fn() -> Promise + 'static,
    import_workspace: impl Fn(js_sys::Uint8Array, String, Function) -> Promise + 'static,
    export_workspace: impl Fn(Function) -> Promise + 'static,
    add_layer: impl Fn(String, String, String, String) -> Promise + 'static,
    update: impl Fn(Element, ViewContext) + 'static,
) {
    let open = Closure::<dyn Fn(String, Element, JsValue, Function)>::new(
        move |view: String, host: Element, context: JsValue, sink: Function| {
            if let Some(view) = LazyView::from_name(&view) {
                open(view, host, ViewContext::from_js(&context), EventSink(sink));
            }
        },
    );
    let close = Closure::<dyn Fn(Element)>::new(close);
    let update = Closure::<dyn Fn(Element, JsValue)>::new(move |host, context: JsValue| {
        update(host, ViewContext::from_js(&context))
    });
    let migrate = Closure::<dyn Fn() -> Promise>::new(migrate);
    let import_workspace =
        Closure::<dyn Fn(js_sys::Uint8Array, String, Function) -> Promise>::new(import_workspace);
    let functions = js_sys::Object::new();
    let _ = Reflect::set(&functions, &"open".into(), open.as_ref());
    let _ = Reflect::set(&functions, &"close".into(), close.as_ref());
    let _ = Reflect::set(&functions, &"update".into(), update.as_ref());
    update.forget();
    let _ = Reflect::set(&functions, &"migrate".into(), migrate.as_ref());
    let _ = Reflect::set(
        &functions,
        &"importWorkspace".into(),
        import_workspace.as_ref(),
    );
    let export_workspace = Closure::<dyn Fn(Function) -> Promise>::new(export_workspace);
    let _ = Reflect::set(
        &functions,
        &"exportWorkspace".into(),
        export_workspace.as_ref(),
    );
    export_workspace.forget();
    let add_layer = Closure::<dyn Fn(String, String, String, String) -> Promise>::new(add_layer);
    let _ = Reflect::set(&functions, &"addLayer".into(), add_layer.as_ref());
    add_layer.forget();
    let _ = Reflect::set(&js_sys::global(), &GLOBAL.into(), &functions);
    open.forget();
    close.forget();
    migrate.forget();
    import_workspace.forget();
}
