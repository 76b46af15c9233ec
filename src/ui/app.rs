//! The root component: owns the reducer and lays out the page. Everything else it does is a
//! named hook in `ui/hooks`.

use crate::bridge::clock;
use crate::bridge::lazy_views::{LazyView, ViewContext};
use crate::bridge::storage::{LoadProblem, PutBack};
use crate::model::annotation::Label;
use crate::model::formats::native::{self, TextInclusion};
use crate::model::store::ImportMode;
use crate::model::Annotations;
use crate::model::CharSpan;
use crate::ui::components::action_bar::ActionBar;
use crate::ui::components::article::ArticleView;
use crate::ui::components::claims::LinkPicker;
use crate::ui::components::dialogs::{
    confirm_question, import_question, importing_question, ChoicesPopover,
};
use crate::ui::components::lazy_view::LazyViewHost;
use crate::ui::components::sidebar::Sidebar;
use crate::ui::components::status::{NoticeBanner, StatusLine, UnreadableBanner};
use crate::ui::components::toolbar::Toolbar;
use crate::ui::hooks::{self, FileDrop, LoadNotices, Transfer};
use crate::ui::state::{Action, AppState, Dialog, FocusTarget, SaveStatus};
use crate::ui::{DocRef, StoredRef};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub doc: DocRef,
    /// What storage held for the document when it was opened.
    pub initial: Rc<Annotations>,
    /// What `initial` holds that its records lack (put back from the last visit): the status
    /// says "Saving…" from the first frame, not "Saved" until the first save starts.
    #[prop_or_default]
    pub put_back: PutBack,
    /// The records behind `initial`, with their revisions: the base of every save.
    #[prop_or_default]
    pub stored: StoredRef,
    pub load_problem: Option<LoadProblem>,
    /// Off for generated documents (the benchmark), which must not fill the user's storage.
    #[prop_or(true)]
    pub persist: bool,
    /// A message to show once the app is up (after switching documents or a reload).
    #[prop_or_default]
    pub initial_notice: Option<String>,
    /// Asks the root to open the current document afresh, with an optional message.
    #[prop_or_default]
    pub on_reload: Callback<Option<String>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let doc = props.doc.0.clone();
        let loaded = props.initial.clone();
        let (persist, put_back) = (props.persist, props.put_back);
        use_reducer(move || {
            let store = hooks::session_store(&doc.id, &loaded, persist);
            let mut state = AppState::new(doc, store);
            if put_back != PutBack::Nothing {
                state.saved_revision = AppState::NOTHING_SAVED;
            }
            state
        })
    };
    let dispatcher = state.dispatcher();
    let on_action = {
        let dispatcher = dispatcher.clone();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    let article_root = use_node_ref();
    let notices = use_node_ref();
    // The notices take room below the toolbar; the fixed side panel and focus scrolling read
    // their height from `--notice-h`, so a notice never lies over a control.
    {
        let notices = notices.clone();
        use_effect_with((), move |_| {
            let watch = notices.cast::<web_sys::HtmlElement>().and_then(|element| {
                crate::bridge::visibility::publish_height(element, "--notice-h")
            });
            move || drop(watch)
        });
    }
    let latest = hooks::use_latest_state(&state);
    {
        // The text's word segments, which selections snap to, are built once the text is on
        // screen rather than before it (`TextIndex::prepare_words`).
        let doc = props.doc.clone();
        use_effect_with((), move |_| {
            clock::mark("annotator:first-render");
            crate::bridge::visibility::after_next_paint(move || doc.0.index.prepare_words());
        });
    }
    {
        // Suggestions whenever a document is opened, when the person asked for that.
        let dispatcher = dispatcher.clone();
        let persist = props.persist;
        let doc_id = props.doc.0.id.clone();
        use_effect_with((), move |_| {
            use crate::bridge::settings;
            // A gold document just made opens with its curation.
            if persist && settings::take_open_layers(&doc_id) {
                dispatcher.dispatch(Action::Panel(LazyView::Layers));
            } else if persist && settings::auto_suggest() {
                dispatcher.dispatch(Action::Panel(LazyView::Suggestions));
            }
        });
    }

    hooks::use_load_notices(
        dispatcher.clone(),
        LoadNotices {
            problem: props.load_problem.clone(),
            initial_notice: props.initial_notice.clone(),
            persist: props.persist,
        },
    );
    let saver = hooks::use_persistence(&state, dispatcher.clone(), &latest, props);
    hooks::use_tab_sync(&saver, props.persist);
    hooks::use_session_keeper(&props.doc.0.id, &latest, &props.stored.0, props.persist);
    let saving = state.store.revision() != state.saved_revision;
    // While saving normally, leaving loses nothing (see `use_persistence`); only work that
    // could not be saved is worth the browser's "Leave site?" question.
    hooks::use_unload_guard(props.persist && state.save != SaveStatus::Saved);
    hooks::use_reveal(
        &article_root,
        props.doc.0.clone(),
        state.store.clone(),
        state.selected.clone(),
        state.reveal,
    );
    hooks::use_selection_from_url(dispatcher.clone(), &state.store);
    hooks::use_shortcuts(dispatcher.clone(), &latest);
    hooks::use_focus_request(state.focus_request, &article_root);
    let modal_open = state.dialog.is_some();
    hooks::use_modal_focus(state.dialog.as_ref().map(std::mem::discriminant));
    let Transfer {
        on_import_files,
        on_export,
        on_copy_json,
        on_export_workspace,
    } = hooks::use_transfer(
        dispatcher,
        &props.doc,
        &state.store,
        &props.on_reload,
        match &state.dialog {
            Some(Dialog::Importing(importing)) => Some(importing.job),
            _ => None,
        },
    );
    let FileDrop {
        dragging,
        ondragover,
        ondragleave,
        ondrop,
    } = hooks::use_file_drop(on_import_files.clone());

    // The claims table gets the document as it is when the table opens (nothing edits it while
    // the modal table is open), written once rather than on every render.
    // The claims table and each run of the suggesters get the document as it is then.
    let claims_open = matches!(
        state.dialog,
        Some(Dialog::ClaimsTable | Dialog::Agreement | Dialog::AnnotatorName(_))
    );
    let claims_document = {
        let (doc, store) = (props.doc.clone(), state.store.clone());
        use_memo((claims_open, state.panel), move |&(open, run)| {
            (open || run.is_some()).then(|| {
                let json =
                    native::to_json(&doc.0, store.borrow().content(), TextInclusion::Compact);
                (json, doc.0.index.text().to_owned())
            })
        })
    };
    {
        // An import kept as a colleague's layer: written here, outside the reducer.
        let dispatcher = state.dispatcher();
        let doc = props.doc.clone();
        use_effect_with(state.layer_to_add.clone(), move |staged| {
            if let Some(staged) = staged.clone() {
                yew::platform::spawn_local(async move {
                    let json = native::to_json(
                        &doc.0,
                        staged.plan.content.content(),
                        TextInclusion::Compact,
                    );
                    let outcome = crate::bridge::lazy_views::add_layer(
                        &json,
                        doc.0.index.text(),
                        &staged.source,
                        &layer_annotator(&staged),
                    )
                    .await
                    .map_err(|why| {
                        format!("The layer could not be saved: {why}. Nothing was changed.")
                    });
                    dispatcher.dispatch(Action::LayerAdded(outcome));
                });
            }
        });
    }
    let store = state.store.borrow();
    let counts = Label::ALL.map(|l| store.count(l));
    // A view loaded on first use; an import's progress and the questions (the import's, a
    // confirmation) are drawn afresh whenever what they show changes, and their answer comes
    // back to `on_answer`.
    let host = |view: LazyView,
                prefill: Option<(String, String)>,
                document: Option<(String, String)>,
                question: Vec<String>,
                on_answer: Callback<String>| {
        let context = Rc::new(ViewContext {
            current_id: props.doc.0.id.clone(),
            current_counts: counts,
            prefill,
            document,
            question,
        });
        html! {
            <LazyViewHost key={view.name()} {view} {context} on_action={on_action.clone()} on_reload={props.on_reload.clone()} {on_answer} />
        }
    };
    let lazy =
        |view: LazyView, prefill: Option<(String, String)>, document: Option<(String, String)>| {
            host(view, prefill, document, Vec::new(), Callback::noop())
        };
    let question_view = |view: LazyView, question: Vec<String>, on_answer: Callback<String>| {
        host(view, None, None, question, on_answer)
    };
    let panel = state
        .panel
        .map(|(view, run)| html! { <div key={run}>{ lazy(view, None, (*claims_document).clone()) }</div> });
    let dialog = state.dialog.clone().map(|dialog| match dialog {
        Dialog::Importing(importing) => question_view(
            LazyView::Importing,
            importing_question(&importing),
            on_action.reform(|_| Action::CancelImport),
        ),
        Dialog::Import(staged) => {
            let question = import_question(&staged, store.len(), store.annotator());
            let count = staged.plan.content.annotations.len() + staged.plan.content.orphans.len();
            let on_action = on_action.clone();
            let on_answer = Callback::from(move |answer: String| {
                let mode = match answer.as_str() {
                    "merge" => ImportMode::Merge,
                    "replace" => ImportMode::Replace,
                    "layer" => return on_action.emit(Action::AddLayer),
                    _ => return on_action.emit(Action::CancelImport),
                };
                let fresh_ids = (0..count).map(|_| clock::fresh_id()).collect();
                on_action.emit(Action::ConfirmImport { mode, fresh_ids })
            });
            question_view(LazyView::Import, question, on_answer)
        }
        Dialog::LinkPicker(picker) => match state.selected.clone() {
            Some(selected) => html! {
                <LinkPicker doc={props.doc.clone()} store={state.store.clone()} {selected} {picker} on_action={on_action.clone()} />
            },
            None => html! {},
        },
        Dialog::AnnotatorName(format) => html! {
            // Exports once the name is given (or declined).
            <LazyViewHost view={LazyView::Name} context={Rc::new(ViewContext { document: (*claims_document).clone(), ..ViewContext::default() })}
                on_action={on_action.clone()} on_reload={on_export.reform(move |_| format)} />
        },
        Dialog::Confirm(confirm) => {
            let on_action = on_action.clone();
            let on_answer = Callback::from(move |_: String| {
                on_action.emit(Action::Confirm {
                    now: clock::now_rfc3339(),
                })
            });
            question_view(LazyView::Confirm, confirm_question(&confirm, &store), on_answer)
        }
        Dialog::ClaimsTable => lazy(LazyView::DocumentClaims, None, (*claims_document).clone()),
        Dialog::LibraryClaims => lazy(LazyView::Claims, None, None),
        Dialog::Agreement => lazy(LazyView::Agreement, None, (*claims_document).clone()),
        Dialog::LibraryEntities => lazy(LazyView::Entities, None, None),
        Dialog::Documents(prefill) => lazy(
            LazyView::Documents,
            prefill.map(|p| (p.title.clone(), p.text.clone())),
            None,
        ),
        Dialog::Help => lazy(LazyView::Help, None, None),
        Dialog::Sync => lazy(LazyView::Sync, None, None),
    });

    html! {
        <div class={classes!("app", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            // Changes, as a screen reader should hear them ("Added actor: Sergey Lavrov"); outside
            // the page, so that it still speaks while a dialog is open.
            <div class="visually-hidden" aria-live="polite" aria-atomic="true">{ state.announcement.clone() }</div>
          <div class="page" inert={modal_open}>
            // The first stop of the Tab key: straight to the text, past the toolbar.
            <button type="button" class="skip-link"
                onclick={on_action.reform(|_| Action::MoveFocus(FocusTarget::ArticleText))}>{ "Skip to the article text" }</button>
            <Toolbar
                title={AttrValue::from(props.doc.0.title.clone())}
                sticky={state.sticky}
                can_undo={store.can_undo()}
                can_redo={store.can_redo()}
                has_annotations={!store.is_empty() || !store.orphans().is_empty()}
                on_action={on_action.clone()}
                {on_import_files}
                {on_export}
                {on_copy_json}
                {on_export_workspace}
                on_export_claims={on_action.reform(|_| Action::OpenDialog(Dialog::ClaimsTable))}
            />
            <div class="notices">
              // Measured inside: the outer box has no height (styles/app.css).
              <div ref={notices}>
                if let Some(unreadable) = state.unreadable.clone() {
                    <UnreadableBanner {unreadable} doc_id={AttrValue::from(props.doc.0.id.clone())} on_action={on_action.clone()} />
                }
                if let Some(notice) = state.notice.clone() {
                    <NoticeBanner {notice} on_action={on_action.clone()} />
                }
            </div>
            </div>
            <main class="layout">
                <article class="reader" lang="en" aria-label="Article">
                    <header class="reader-head">
                        <p class="reader-title">{ props.doc.0.title.clone() }</p>
                        if let Some(date) = &props.doc.0.published {
                            <p class="reader-date">{ format!("Published {date}") }</p>
                        }
                    </header>
                    <ArticleView
                        linked={linked_spans(&state)}
                        doc={props.doc.clone()}
                        store={state.store.clone()}
                        selected={state.selected.clone()}
                        pending={state.pending}
                        sticky={state.sticky}
                        on_action={on_action.clone()}
                        root={article_root.clone()}
                        caret={state.caret.map(|c| c.at)}
                        caret_upstream={state.caret.is_some_and(|c| c.upstream)}
                    />
                </article>
                <Sidebar store={state.store.clone()} selected={state.selected.clone()} filter={state.filter} has_pending={state.pending.is_some()} published={props.doc.0.published.clone().map(AttrValue::from)} on_action={on_action.clone()} />
            </main>
            // The bottom of the screen: the selected annotation's actions (narrow screens only)
            // above the status line. In the flow at the page's end, so it hides nothing there.
            <div class="dock">
                <ActionBar store={state.store.clone()} selected={state.selected.clone()} on_action={on_action.clone()} />
                <StatusLine save={state.save.clone()} {saving} saved_so_far={state.saved_so_far} {counts} orphans={store.orphans().len()} storage_fill={state.storage_fill} />
            </div>
          </div>
            if let Some(choices) = state.choices.clone() {
                <ChoicesPopover {choices} selected={state.selected.clone()} store={state.store.clone()} on_action={on_action.clone()} />
            }
            { panel.unwrap_or_default() }
            { dialog.unwrap_or_default() }
            if dragging {
                <div class="drop-hint" aria-hidden="true">{ "Drop a file to import annotations (JSON, W3C, brat .ann + .txt or .zip, JSONL, CSV) or a workspace, or a .txt/.md file to add a document" }</div>
            }
        </div>
    }
}

/// When a claim is selected, its actors and dates are shown linked in the text.
fn linked_spans(state: &AppState) -> Rc<Vec<(AttrValue, CharSpan)>> {
    let store = state.store.borrow();
    Rc::new(
        state
            .selected
            .as_ref()
            .map(|id| {
                store
                    .links_of(id)
                    .iter()
                    .map(|(_, a)| (AttrValue::from(a.id.clone()), a.span))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// Whose a file's annotations are: the name most of them carry, else the file's name.
fn layer_annotator(staged: &crate::ui::state::StagedImport) -> String {
    if let Some(name) = staged.file_annotator() {
        return name;
    }
    let file = staged.source.split(" (").next().unwrap_or_default();
    file.split('.').next().unwrap_or(file).to_owned()
}
