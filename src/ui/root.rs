//! Which document is open: read from the URL (`#doc=<id>`), loaded from storage, and handed
//! to a fresh [`App`] whenever it changes.

use crate::bridge::{page, storage};
use crate::model::{default_document, DEFAULT_ARTICLE_ID};
use crate::ui::app::{App, AppProps};
use crate::ui::DocRef;
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// An opened document with what storage held for it.
#[derive(Clone, PartialEq)]
struct Opened {
    props: Rc<AppProps>,
    /// Bumped to remount the app on the same document (after a rename or a workspace import).
    generation: u32,
}

fn open(id: &str, generation: u32, notice: Option<String>) -> Opened {
    let (doc, mut notice) = match storage::open_document(id) {
        Ok(doc) => (doc, notice),
        Err(why) => (
            default_document(),
            Some(format!(
                "Could not open “{id}”: {why}. Showing the built-in article instead."
            )),
        ),
    };
    let doc = Rc::new(doc);
    let loaded = storage::load(&doc);
    if notice.is_none() && id != doc.id {
        notice = Some(format!("There is no document “{id}” here."));
    }
    Opened {
        props: Rc::new(AppProps {
            doc: DocRef(doc),
            initial: Rc::new(loaded.content),
            load_problem: loaded.problem,
            persist: true,
            initial_notice: notice,
            on_reload: Callback::noop(),
        }),
        generation,
    }
}

#[component]
pub fn Root() -> Html {
    let opened = use_state(|| {
        open(
            &page::doc_from_hash().unwrap_or_else(|| DEFAULT_ARTICLE_ID.to_owned()),
            0,
            None,
        )
    });
    {
        let opened = opened.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                let id = page::doc_from_hash().unwrap_or_else(|| DEFAULT_ARTICLE_ID.to_owned());
                opened.set(open(&id, 0, None));
            });
            move || drop(listener)
        });
    }
    let on_reload = {
        let opened = opened.clone();
        Callback::from(move |notice: Option<String>| {
            let id = page::doc_from_hash().unwrap_or_else(|| DEFAULT_ARTICLE_ID.to_owned());
            opened.set(open(&id, opened.generation + 1, notice));
        })
    };
    let props = &opened.props;
    html! {
        <App
            key={format!("{}#{}", props.doc.0.id, opened.generation)}
            doc={props.doc.clone()}
            initial={props.initial.clone()}
            load_problem={props.load_problem.clone()}
            persist={props.persist}
            initial_notice={props.initial_notice.clone()}
            {on_reload}
        />
    }
}
