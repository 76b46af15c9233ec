//! The views over the whole library (the documents dialog, the claims across the library, the
//! entities) are a third wasm module (`src/bin/library_views.rs`), fetched the first time one of them is opened, so
//! that their code is not part of the page's own download (docs/performance.md, "Release
//! size"). Both sides of the hand-over are here. The module publishes two functions on
//! `globalThis.annotatorLibraryViews` (`open`, `close`); the page loads the module's script,
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

/// The global object through which the module's two functions are reached.
const GLOBAL: &str = "annotatorLibraryViews";
/// The promise the module's script sets when it starts its wasm (scripts/post-build.mjs).
const STARTED: &str = "annotatorLibraryViewsStarted";
/// `<meta name="library-views" content="/library_views-<hash>.js">`, written by
/// scripts/post-build.mjs.
const META_NAME: &str = "library-views";

/// Which view over the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibraryView {
    Documents,
    Claims,
    Entities,
}

impl LibraryView {
    fn name(self) -> &'static str {
        match self {
            LibraryView::Documents => "documents",
            LibraryView::Claims => "claims",
            LibraryView::Entities => "entities",
        }
    }

    fn from_name(name: &str) -> Option<LibraryView> {
        match name {
            "documents" => Some(LibraryView::Documents),
            "claims" => Some(LibraryView::Claims),
            "entities" => Some(LibraryView::Entities),
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
}

impl ViewEvent {
    fn parts(&self) -> (&'static str, &str) {
        match self {
            ViewEvent::Close => ("close", ""),
            ViewEvent::Select(id) => ("select", id),
            ViewEvent::Error(why) => ("error", why),
            ViewEvent::Reload(notice) => ("reload", notice.as_deref().unwrap_or("")),
        }
    }

    fn from_parts(kind: &str, value: String) -> Option<ViewEvent> {
        match kind {
            "close" => Some(ViewEvent::Close),
            "select" => Some(ViewEvent::Select(value)),
            "error" => Some(ViewEvent::Error(value)),
            "reload" => Some(ViewEvent::Reload(Some(value).filter(|v| !v.is_empty()))),
            _ => None,
        }
    }
}

// ---- the page's side -------------------------------------------------------------------

/// An open view. Dropping it closes the view (its Yew app is destroyed) and stops listening.
pub struct OpenView {
    _on_event: Closure<dyn FnMut(String, String)>,
}

impl Drop for OpenView {
    fn drop(&mut self) {
        if let Ok(close) = module_function("close") {
            let _ = close.call0(&JsValue::NULL);
        }
    }
}

/// Loads the module if this page has not yet, then opens `view` into `host`. `on_event`
/// hears the view's outcomes, each after the view's own handler has returned (the page may
/// close the view in answer, which must not happen under the view's feet).
pub async fn open(
    view: LibraryView,
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
        .map_err(|e| format!("the library view did not open ({})", js_error_text(&e)))?;
    Ok(OpenView {
        _on_event: on_event,
    })
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
    let started: Promise = started
        .dyn_into()
        .map_err(|_| "the library views' script did not start its module".to_owned())?;
    JsFuture::from(started)
        .await
        .map_err(|e| format!("the library views did not start ({})", js_error_text(&e)))?;
    Ok(())
}

/// Adds the module's script to the page and waits until it has run (or failed to load).
async fn add_script() -> Result<(), String> {
    let document = gloo::utils::document();
    let src = document
        .query_selector(&format!("meta[name='{META_NAME}']"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or_else(|| "this build has no library views module (see index.html)".to_owned())?;
    let script: HtmlScriptElement = document
        .create_element("script")
        .map_err(|e| js_error_text(&e))?
        .unchecked_into();
    script.set_src(&src);
    let loaded = Promise::new(&mut |resolve: Function, reject: Function| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or_else(|| "the page has no <head>".to_owned())?
        .append_child(&script)
        .map_err(|e| js_error_text(&e))?;
    JsFuture::from(loaded)
        .await
        .map_err(|_| format!("the library views could not be downloaded ({src})"))?;
    Ok(())
}

fn module_function(name: &str) -> Result<Function, String> {
    Reflect::get(&js_sys::global(), &GLOBAL.into())
        .and_then(|g| Reflect::get(&g, &name.into()))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| format!("the library views module has no `{name}`"))
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

/// Publishes the module's `open` and `close` for the page. Called once, by the module's
/// `main`; both functions live as long as the page.
pub fn publish(
    open: impl Fn(LibraryView, Element, ViewContext, EventSink) + 'static,
    close: impl Fn() + 'static,
) {
    let open = Closure::<dyn Fn(String, Element, JsValue, Function)>::new(
        move |view: String, host: Element, context: JsValue, sink: Function| {
            if let Some(view) = LibraryView::from_name(&view) {
                open(view, host, ViewContext::from_js(&context), EventSink(sink));
            }
        },
    );
    let close = Closure::<dyn Fn()>::new(close);
    let functions = js_sys::Object::new();
    let _ = Reflect::set(&functions, &"open".into(), open.as_ref());
    let _ = Reflect::set(&functions, &"close".into(), close.as_ref());
    let _ = Reflect::set(&js_sys::global(), &GLOBAL.into(), &functions);
    open.forget();
    close.forget();
}
