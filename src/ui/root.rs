//! Which document is open: read from the URL (`#doc=<id>`), loaded from the local database,
//! and handed to a fresh [`App`] whenever it changes. The first time, the database is opened
//! and the work of earlier versions moved into it (see `bridge::storage::start`).

use crate::bridge::page;
use crate::bridge::storage::{self, LoadProblem};
use crate::model::records::Stored;
use crate::model::{default_document, DEFAULT_ARTICLE_ID};
use crate::ui::app::{App, AppProps};
use crate::ui::{DocRef, StoredRef};
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// An opened document with what storage held for it.
#[derive(Clone, PartialEq)]
struct Opened {
    props: Rc<AppProps>,
    /// Bumped to remount the app on the same document (after a rename or a workspace import).
    generation: u32,
}

async fn open(id: String, generation: u32, notice: Option<String>, persist: bool) -> Opened {
    let (doc, mut notice) = if persist {
        match storage::open_document(&id).await {
            Ok(doc) => (doc, notice),
            Err(why) => (
                default_document(),
                Some(format!(
                    "Could not open “{id}”: {why}. Showing the built-in article instead."
                )),
            ),
        }
    } else {
        (default_document(), notice)
    };
    let doc = Rc::new(doc);
    let loaded = if persist {
        storage::load(&doc).await
    } else {
        storage::Loaded::default()
    };
    if notice.is_none() && id != doc.id {
        notice = Some(format!("There is no document “{id}” here."));
    }
    let mut problem = loaded.problem;
    if !persist {
        problem = Some(LoadProblem {
            reason: "the local database could not be opened".to_owned(),
            raw: None,
            pause: true,
        });
    }
    let stored = if persist {
        loaded.stored
    } else {
        Stored::empty(&doc.id)
    };
    Opened {
        props: Rc::new(AppProps {
            doc: DocRef(doc),
            initial: Rc::new(loaded.content),
            put_back: loaded.put_back,
            stored: StoredRef(Rc::new(RefCell::new(stored))),
            load_problem: problem,
            persist,
            initial_notice: notice,
            on_reload: Callback::noop(),
        }),
        generation,
    }
}

fn hash_doc() -> String {
    page::doc_from_hash().unwrap_or_else(|| DEFAULT_ARTICLE_ID.to_owned())
}

#[component]
pub fn Root() -> Html {
    let opened = use_state(|| None::<Opened>);
    // Whether the database opened; without it the built-in article opens, unsaved.
    let usable = use_mut_ref(|| true);
    // Only the latest request may show its document (a slow open must not win over a newer).
    let request = use_memo((), |_| Cell::new(0u32));
    let go = {
        let (opened, usable, request) = (opened.clone(), usable.clone(), request.clone());
        Callback::from(move |(generation, notice): (u32, Option<String>)| {
            let ticket = request.get() + 1;
            request.set(ticket);
            let (opened, usable, request) = (opened.clone(), usable.clone(), request.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let persist = *usable.borrow();
                let next = open(hash_doc(), generation, notice, persist).await;
                if request.get() == ticket {
                    opened.set(Some(next));
                }
            });
        })
    };
    {
        let (go, usable) = (go.clone(), usable.clone());
        use_effect_with((), move |_| {
            let starter = go.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match storage::start().await {
                    Ok(notice) => notice,
                    Err(why) => {
                        *usable.borrow_mut() = false;
                        Some(format!("Nothing can be saved in this browser: {why}. Export your work to keep it."))
                    }
                };
                starter.emit((0, notice));
            });
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                go.emit((0, None));
            });
            move || drop(listener)
        });
    }
    let Some(current) = (*opened).clone() else {
        return html! {
            <div class="starting" role="status">{ "Opening your documents…" }</div>
        };
    };
    let on_reload = {
        let (go, generation) = (go.clone(), current.generation);
        Callback::from(move |notice: Option<String>| go.emit((generation + 1, notice)))
    };
    let props = &current.props;
    html! {
        <App
            key={format!("{}#{}", props.doc.0.id, current.generation)}
            doc={props.doc.clone()}
            initial={props.initial.clone()}
            put_back={props.put_back}
            stored={props.stored.clone()}
            load_problem={props.load_problem.clone()}
            persist={props.persist}
            initial_notice={props.initial_notice.clone()}
            {on_reload}
        />
    }
}
