//! The page's side of a view loaded on first use (`bridge::lazy_views`): while the module
//! loads it shows that it is loading (or why it could not), then the module draws the view
//! itself, in a host element outside the page's Yew root, until this closes.

use crate::bridge::lazy_views::{self, LazyView, OpenView, ViewContext, ViewEvent};
use crate::ui::state::{Action, Notice};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LazyViewProps {
    pub view: LazyView,
    pub context: Rc<ViewContext>,
    pub on_action: Callback<Action>,
    /// Re-opens the current document (after it was renamed), with a message; for the name
    /// question, exports.
    pub on_reload: Callback<Option<String>>,
    /// Hears a question's answer (the import question, a confirmation).
    #[prop_or_default]
    pub on_answer: Callback<String>,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Failed(String),
    Open,
}

#[component]
pub fn LazyViewHost(props: &LazyViewProps) -> Html {
    let status = use_state(|| Status::Loading);
    let open: Rc<RefCell<Option<OpenView>>> = use_mut_ref(|| None);
    // What the page hands the view now: a view that follows the page is drawn afresh with it.
    let latest = use_mut_ref(|| props.context.clone());
    *latest.borrow_mut() = props.context.clone();
    {
        let open = open.clone();
        let follows = props.view.follows_page();
        use_effect_with(follows.then(|| props.context.clone()), move |context| {
            if let (Some(view), Some(context)) = (open.borrow().as_ref(), context) {
                view.update(context);
            }
        });
    }
    {
        let (open, latest) = (open.clone(), latest.clone());
        let (status, on_action) = (status.clone(), props.on_action.clone());
        let (on_reload, on_answer) = (props.on_reload.clone(), props.on_answer.clone());
        let (view, context) = (props.view, props.context.clone());
        let panel = view.is_panel();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let host = document.create_element("div").ok();
            if let (Some(host), Some(body)) = (&host, document.body()) {
                host.set_class_name(if panel {
                    "suggest-host"
                } else {
                    "lazy-view-host"
                });
                let _ = body.append_child(host);
            }
            let closed = Rc::new(Cell::new(false));
            if let Some(host) = host.clone() {
                let (closed, open) = (closed.clone(), open.clone());
                let on_event: Rc<dyn Fn(ViewEvent)> = Rc::new(move |event| {
                    if let ViewEvent::Reload(notice) = event {
                        return on_reload.emit(notice);
                    }
                    if let ViewEvent::Answer(answer) = event {
                        return on_answer.emit(answer);
                    }
                    // The name was given (its earlier annotations, if asked, came before as an
                    // accepted exchange) or declined: either way the export goes on.
                    if let ViewEvent::Named(name) = event {
                        on_action.emit(Action::SetAnnotator(name));
                        on_action.emit(Action::CloseDialog);
                        // After the actions are reduced: the export reads the store they left.
                        let on_reload = on_reload.clone();
                        gloo::timers::callback::Timeout::new(0, move || on_reload.emit(None))
                            .forget();
                        return;
                    }
                    on_action.emit(match event {
                        ViewEvent::Close if panel => Action::ClosePanel,
                        // The person may have set their annotator name there.
                        ViewEvent::Close if view == LazyView::Agreement => {
                            on_action.emit(Action::CloseDialog);
                            Action::SetAnnotator(
                                crate::bridge::settings::annotator_name().unwrap_or_default(),
                            )
                        }
                        ViewEvent::Close => Action::CloseDialog,
                        ViewEvent::Accept(json) => Action::AcceptSuggestions(json),
                        ViewEvent::Again => Action::Panel(view),
                        ViewEvent::Layers => {
                            on_action.emit(Action::CloseDialog);
                            Action::Panel(LazyView::Layers)
                        }
                        ViewEvent::Select(id) => Action::Select {
                            id: Some(AttrValue::from(id)),
                            reveal: true,
                        },
                        ViewEvent::Error(why) => Action::Notify(Notice::error(why)),
                        ViewEvent::Reload(_) | ViewEvent::Named(_) | ViewEvent::Answer(_) => return,
                    })
                });
                yew::platform::spawn_local(async move {
                    let opened = lazy_views::open(view, &host, &context, on_event).await;
                    // Closed (Escape) while the module was loading: the view is not wanted.
                    if closed.get() {
                        return;
                    }
                    match opened {
                        Ok(opened) => {
                            // Changed while the module loaded: drawn with what it is now.
                            let now = latest.borrow().clone();
                            if !Rc::ptr_eq(&now, &context) && view.follows_page() {
                                opened.update(&now);
                            }
                            *open.borrow_mut() = Some(opened);
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
    let (panel, view) = (props.view.is_panel(), props.view);
    let close = props.on_action.reform(move |_| {
        if panel {
            Action::ClosePanel
        } else if view == LazyView::Importing {
            // Stopping an import says so, as Escape and the progress's Cancel do.
            Action::Escape
        } else {
            Action::CloseDialog
        }
    });
    let what = match props.view {
        LazyView::Documents => "the documents",
        LazyView::Claims => "the claims across the library",
        LazyView::Entities => "the entities across the library",
        LazyView::DocumentClaims => "the claims table",
        LazyView::Help => "the keyboard and mouse sheet",
        LazyView::Suggestions => "the suggestions",
        LazyView::Agreement => "the agreement figures",
        LazyView::Layers => "the layers",
        LazyView::Name => "the question for your name",
        LazyView::Sync => "the sync settings",
        LazyView::Import => "the import question",
        LazyView::Importing => "the import's progress",
        LazyView::Confirm => "the question",
    };
    // Named apart from the view it stands for, so that nothing takes one for the other.
    let (title, body) = match &*status {
        Status::Open => return html! {},
        Status::Loading => (
            "Loading…",
            html! { <p class="collection-progress" role="status">{ format!("Opening {what}…") }</p> },
        ),
        Status::Failed(why) => (
            "Not opened",
            html! { <p class="form-error" role="alert">{ format!("Opening {what} failed: {why}.") }</p> },
        ),
    };
    html! {
        // Shown only if loading takes a moment (styles/app.css): a module already loaded opens
        // its view within a frame, which this would only make flicker.
        <div class={classes!("backdrop", matches!(*status, Status::Loading).then_some("lazy-wait"))}>
            <div class="dialog lazy-loading" role="dialog" aria-modal="true" aria-labelledby="lazy-loading-title">
                <h2 id="lazy-loading-title">{ title }</h2>
                { body }
                <div class="dialog-actions">
                    <button type="button" class="primary" onclick={close}>{ "Close" }</button>
                </div>
            </div>
        </div>
    }
}
