//! The page's side of a view over the whole library (the documents dialog, the claims across
//! the library, the entities): while the library views module loads it
//! shows that it is loading (or why it could not), then the module draws the view itself, in
//! a host element outside the page's Yew root (`bridge::library_views`), until this closes.

use crate::bridge::library_views::{self, LibraryView, OpenView, ViewContext, ViewEvent};
use crate::ui::state::{Action, Notice};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    pub view: LibraryView,
    pub context: Rc<ViewContext>,
    pub on_action: Callback<Action>,
    /// Re-opens the current document (after it was renamed), with a message.
    pub on_reload: Callback<Option<String>>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Failed(String),
    Open,
}

#[component]
pub fn LibraryViewHost(props: &LibraryViewProps) -> Html {
    let status = use_state(|| Status::Loading);
    {
        let (status, on_action) = (status.clone(), props.on_action.clone());
        let on_reload = props.on_reload.clone();
        let (view, context) = (props.view, props.context.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let host = document.create_element("div").ok();
            if let (Some(host), Some(body)) = (&host, document.body()) {
                host.set_class_name("library-view-host");
                let _ = body.append_child(host);
            }
            let closed = Rc::new(Cell::new(false));
            let open: Rc<RefCell<Option<OpenView>>> = Rc::default();
            if let Some(host) = host.clone() {
                let (closed, open) = (closed.clone(), open.clone());
                let on_event: Rc<dyn Fn(ViewEvent)> = Rc::new(move |event| {
                    if let ViewEvent::Reload(notice) = event {
                        return on_reload.emit(notice);
                    }
                    on_action.emit(match event {
                        ViewEvent::Close => Action::CloseDialog,
                        ViewEvent::Select(id) => Action::Select {
                            id: Some(AttrValue::from(id)),
                            reveal: true,
                        },
                        ViewEvent::Error(why) => Action::Notify(Notice::error(why)),
                        ViewEvent::Reload(_) => return,
                    })
                });
                yew::platform::spawn_local(async move {
                    let opened = library_views::open(view, &host, &context, on_event).await;
                    // Closed (Escape) while the module was loading: the view is not wanted.
                    if closed.get() {
                        return;
                    }
                    match opened {
                        Ok(view) => {
                            *open.borrow_mut() = Some(view);
                            status.set(Status::Open);
                        }
                        Err(why) => status.set(Status::Failed(why)),
                    }
                });
            }
            move || {
                closed.set(true);
                // Destroys the view's app before its host leaves the page.
                drop(open.borrow_mut().take());
                if let Some(host) = host {
                    host.remove();
                }
            }
        });
    }
    let close = props.on_action.reform(|_| Action::CloseDialog);
    let title = match props.view {
        LibraryView::Documents => "Documents",
        LibraryView::Claims => "Claims across the library",
        LibraryView::Entities => "Entities across the library",
    };
    let body = match &*status {
        Status::Open => return html! {},
        Status::Loading => html! {
            <p class="collection-progress" role="status">{ "Loading the library view…" }</p>
        },
        Status::Failed(why) => html! {
            <p class="form-error" role="alert">{ format!("The library view could not be opened: {why}.") }</p>
        },
    };
    html! {
        <div class="backdrop">
            <div class="dialog library-loading" role="dialog" aria-modal="true" aria-labelledby="library-loading-title">
                <h2 id="library-loading-title">{ title }</h2>
                { body }
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}
