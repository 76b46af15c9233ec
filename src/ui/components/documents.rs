//! The documents dialog: the local library (open, rename, delete, restore) and adding a
//! document by pasting text or opening a .txt/.md file.

use super::add_document::AddDocumentForm;
use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::{page, settings, storage};
use crate::model::annotation::describe_counts;
use crate::model::library::{
    fold_for_search, group_thousands, sort_documents, DocumentMeta, DocumentSearch, DocumentSort,
};
use crate::model::{default_document, DEFAULT_ARTICLE_ID};
use crate::ui::components::virtual_rows::{arrow_keys, reveal_row, use_virtual_rows};
use crate::ui::state::Prefill;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocumentsProps {
    pub current_id: AttrValue,
    /// The open document's annotations per label, from its store: its list entry is written
    /// just after its annotations, so it can lag behind by a save.
    #[prop_or_default]
    pub current_counts: [usize; 3],
    pub prefill: Option<Rc<Prefill>>,
    /// Closing, and re-opening the current document after it was renamed (with a message).
    pub on_event: Callback<ViewEvent>,
}

/// A row's mode: shown, being renamed, or asking to confirm its deletion.
#[derive(Clone, PartialEq)]
enum RowMode {
    Show,
    Rename(String),
    ConfirmDelete,
}

/// Every row of the list has this height (styles/app.css keeps a row to its title and one
/// line of details), so the list renders only the rows in view: a thousand rows would cost
/// every keystroke in the search field a diff and a layout of thousands of elements.
const ROW_HEIGHT_PX: i32 = 56;
/// Rows rendered above and below the visible ones, so arrow keys always find a neighbour.
const OVERSCAN_ROWS: i32 = 4;

/// The texts of the documents, folded for search, by id: read from the database (one range
/// read) the first time a search needs them, and kept for the page's life (a document's text
/// never changes); read again when the dialog's first search finds a listed document missing.
type SearchTexts = Rc<HashMap<String, String>>;

thread_local! {
    static SEARCH_TEXTS: RefCell<Option<SearchTexts>> = const { RefCell::new(None) };
}

/// Where the text search stands.
#[derive(Clone)]
enum TextSearch {
    /// Not needed yet (the search field is empty).
    Idle,
    /// Being read: the list matches titles meanwhile.
    Reading,
    Ready(SearchTexts),
    Failed(String),
}

impl PartialEq for TextSearch {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (TextSearch::Ready(a), TextSearch::Ready(b)) => Rc::ptr_eq(a, b),
            (TextSearch::Failed(a), TextSearch::Failed(b)) => a == b,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }
}

/// The sorted list, compared by identity (a new one is made only when the list or the order
/// changes), with each title folded for search.
#[derive(Clone)]
struct Sorted(Rc<Vec<(DocumentMeta, String)>>);

impl PartialEq for Sorted {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn DocumentsDialog(props: &DocumentsProps) -> Html {
    let library = use_state(|| None::<Result<storage::LibraryView, String>>);
    let usage = use_state(|| None::<(f64, f64)>);
    let row_mode = use_state(|| (String::new(), RowMode::Show));
    let message = use_state(|| Option::<String>::None);
    let viewport = use_node_ref();
    let query = use_state(String::new);
    let sort = use_state(settings::document_sort);
    let text_search = use_state(|| TextSearch::Idle);
    // Set when the list arrives: the open document's row is to get the focus once rendered.
    let want_focus = use_mut_ref(|| false);

    // Counts the lists read, so the sorted list is made again only for a new one.
    let generation = use_mut_ref(|| 0u32);

    let refresh = {
        let (library, usage, row_mode) = (library.clone(), usage.clone(), row_mode.clone());
        let generation = generation.clone();
        move || {
            let (library, usage, row_mode) = (library.clone(), usage.clone(), row_mode.clone());
            let generation = generation.clone();
            yew::platform::spawn_local(async move {
                let view = storage::load_library().await;
                *generation.borrow_mut() += 1;
                library.set(Some(view));
                usage.set(crate::bridge::db::estimate().await);
                row_mode.set((String::new(), RowMode::Show));
            });
        }
    };
    {
        let refresh = refresh.clone();
        use_effect_with((), move |_| refresh());
    }
    let close = {
        let on_event = props.on_event.clone();
        Callback::from(move |_| on_event.emit(ViewEvent::Close))
    };

    let on_error = {
        let message = message.clone();
        Callback::from(move |text: Option<String>| message.set(text))
    };

    // The list in the chosen order, made again only when the list or the order changes.
    let sorted = {
        let library = library.clone();
        use_memo((*generation.borrow(), *sort), move |(_, order)| {
            let mut documents = match &*library {
                Some(Ok(view)) => view.library.documents.clone(),
                _ => Vec::new(),
            };
            sort_documents(&mut documents, *order);
            Sorted(Rc::new(
                documents
                    .into_iter()
                    .map(|meta| {
                        let folded = fold_for_search(&meta.title);
                        (meta, folded)
                    })
                    .collect(),
            ))
        })
    };
    let search = DocumentSearch::new(&query);
    // The rows that match the search (positions in the sorted list).
    let shown = {
        let sorted = (*sorted).clone();
        use_memo(
            (sorted, search.clone(), (*text_search).clone()),
            |(sorted, search, texts)| -> Rc<Vec<usize>> {
                let texts = match texts {
                    TextSearch::Ready(texts) => Some(texts),
                    _ => None,
                };
                Rc::new(
                    sorted
                        .0
                        .iter()
                        .enumerate()
                        .filter(|(_, (meta, title))| {
                            search.is_empty()
                                || match texts.and_then(|t| t.get(&meta.id)) {
                                    Some(text) => search.matches(title, text),
                                    None => search.matches_title(title),
                                }
                        })
                        .map(|(i, _)| i)
                        .collect(),
                )
            },
        )
    };
    let window = use_virtual_rows(&viewport, shown.len(), ROW_HEIGHT_PX, OVERSCAN_ROWS);
    {
        // A new order or a new search starts at the top of the list.
        let viewport = viewport.clone();
        use_effect_with((*sort, search.clone()), move |_| {
            if let Some(element) = viewport.cast::<web_sys::HtmlElement>() {
                element.set_scroll_top(0);
            }
        });
    }
    {
        // The list arrives after the dialog opened: give the focus to the open document's row,
        // as if it had been there at once (unless the add form is already being filled in).
        // It may be far down the list: scroll there first; the row gets the focus once the
        // scroll has rendered it.
        // Not while the add form is being filled in (a dropped file's text, or typing).
        let untouched = props.prefill.is_none()
            && gloo::utils::document()
                .active_element()
                .and_then(|e| e.closest(".add-doc").ok().flatten())
                .is_none();
        let (viewport, want_focus) = (viewport.clone(), want_focus.clone());
        let current = props.current_id.clone();
        let (sorted, shown) = (sorted.clone(), shown.clone());
        use_effect_with(library.is_some(), move |loaded| {
            if *loaded && untouched {
                let at = shown
                    .iter()
                    .position(|&i| sorted.0[i].0.id == current.as_str());
                if let Some(at) = at {
                    reveal_row(&viewport, at, ROW_HEIGHT_PX);
                    *want_focus.borrow_mut() = true;
                }
            }
        });
    }
    {
        let want_focus = want_focus.clone();
        use_effect(move || {
            if !*want_focus.borrow() {
                return;
            }
            if let Some(row) = gloo::utils::document()
                .query_selector("[aria-modal=true] .doc-row.current .doc-open")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                *want_focus.borrow_mut() = false;
                let _ = row.focus();
            }
        });
    }
    let on_search = {
        let (query, text_search, want_focus) =
            (query.clone(), text_search.clone(), want_focus.clone());
        let sorted = sorted.clone();
        Callback::from(move |e: InputEvent| {
            let target: HtmlInputElement = e.target_unchecked_into();
            let value = target.value();
            *want_focus.borrow_mut() = false;
            if !value.trim().is_empty() && matches!(*text_search, TextSearch::Idle) {
                let listed = sorted.0.iter().map(|(meta, _)| meta.id.clone()).collect();
                start_text_search(text_search.clone(), listed);
            }
            query.set(value);
        })
    };
    let on_search_key = {
        let (query, on_event) = (query.clone(), props.on_event.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Escape" {
                return;
            }
            // Escape empties the search first, and closes the dialog from an empty field.
            e.prevent_default();
            e.stop_propagation();
            if query.is_empty() {
                on_event.emit(ViewEvent::Close);
            } else {
                query.set(String::new());
            }
        })
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let target: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(order) = DocumentSort::parse(&target.value()) {
                settings::save_document_sort(order);
                sort.set(order);
            }
        })
    };
    let (trash, problems) = match &*library {
        None => (Vec::new(), Vec::new()),
        Some(Ok(view)) => (view.trash.clone(), view.problems.clone()),
        Some(Err(why)) => {
            return html! {
                <div class="backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="docs-title">
                        <h2 id="docs-title">{ "Documents" }</h2>
                        <p class="form-error" role="alert">{ format!("The document list could not be read: {why}.") }</p>
                        <div class="dialog-actions"><button type="button" onclick={close}>{ "Close" }</button></div>
                    </div>
                </div>
            };
        }
    };

    let total = shown.len();
    let row = |(position, meta): (usize, &DocumentMeta)| {
        let id = meta.id.clone();
        let is_current = props.current_id.as_str() == id;
        let counts = describe_counts(
            if props.current_id.as_str() == meta.id {
                props.current_counts
            } else {
                meta.counts
            },
            " · ",
        );
        let edited = meta
            .updated
            .get(..16)
            .unwrap_or(&meta.updated)
            .replace('T', " ");
        let open = {
            let id = id.clone();
            let on_event = props.on_event.clone();
            Callback::from(move |_| {
                if is_current {
                    on_event.emit(ViewEvent::Close);
                } else {
                    page::set_doc_hash(&id);
                }
            })
        };
        let mode = if row_mode.0 == id {
            row_mode.1.clone()
        } else {
            RowMode::Show
        };
        let set_mode = |mode: RowMode| {
            let row_mode = row_mode.clone();
            let id = id.clone();
            Callback::from(move |_| row_mode.set((id.clone(), mode.clone())))
        };
        let confirming = mode == RowMode::ConfirmDelete;
        let actions = match mode {
            RowMode::Show => html! {
                <span class="doc-actions">
                    <button type="button" onclick={set_mode(RowMode::Rename(meta.title.clone()))}
                        aria-label={format!("Rename “{}”", meta.title)}>{ "Rename" }</button>
                    if !meta.builtin {
                        <button type="button" class="danger" onclick={set_mode(RowMode::ConfirmDelete)}
                            aria-label={format!("Delete “{}”", meta.title)}>{ "Delete" }</button>
                    }
                </span>
            },
            RowMode::Rename(draft) => {
                let save = {
                    let (id, row_mode, refresh, on_reload, message) = (
                        id.clone(),
                        row_mode.clone(),
                        refresh.clone(),
                        props.on_event.clone(),
                        message.clone(),
                    );
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let RowMode::Rename(draft) = row_mode.1.clone() else {
                            return;
                        };
                        let draft = draft.trim().to_owned();
                        if draft.is_empty() {
                            message.set(Some("A title cannot be empty.".to_owned()));
                            return;
                        }
                        let (id, refresh, on_reload, message) = (
                            id.clone(),
                            refresh.clone(),
                            on_reload.clone(),
                            message.clone(),
                        );
                        yew::platform::spawn_local(async move {
                            match storage::rename_document(&id, &draft).await {
                                Ok(()) if is_current => on_reload.emit(ViewEvent::Reload(Some(
                                    format!("Renamed to “{draft}”."),
                                ))),
                                Ok(()) => refresh(),
                                Err(why) => message.set(Some(format!("Not renamed: {why}."))),
                            }
                        });
                    })
                };
                let on_input = {
                    let (row_mode, id) = (row_mode.clone(), id.clone());
                    Callback::from(move |e: InputEvent| {
                        let target: HtmlInputElement = e.target_unchecked_into();
                        row_mode.set((id.clone(), RowMode::Rename(target.value())));
                    })
                };
                html! {
                    <form class="doc-actions" onsubmit={save}>
                        <input type="text" value={draft} oninput={on_input} aria-label="New title" autofocus=true />
                        <button type="submit">{ "Save" }</button>
                        <button type="button" onclick={set_mode(RowMode::Show)}>{ "Cancel" }</button>
                    </form>
                }
            }
            RowMode::ConfirmDelete => {
                let delete = {
                    let (id, refresh, message) = (id.clone(), refresh.clone(), message.clone());
                    Callback::from(move |_| {
                        let (id, refresh, message) = (id.clone(), refresh.clone(), message.clone());
                        yew::platform::spawn_local(async move {
                            match storage::delete_document(&id).await {
                                Ok(()) if is_current => page::set_doc_hash(DEFAULT_ARTICLE_ID),
                                Ok(()) => refresh(),
                                Err(why) => message.set(Some(format!("Not deleted: {why}."))),
                            }
                        });
                    })
                };
                html! {
                    <span class="doc-actions confirm">
                        <span class="question">{ format!("Delete “{}” and its annotations? It goes to the trash, from which it can be restored.", meta.title) }</span>
                        <button type="button" class="danger" onclick={delete}>{ "Delete it" }</button>
                        <button type="button" onclick={set_mode(RowMode::Show)}>{ "Cancel" }</button>
                    </span>
                }
            }
        };
        html! {
            <li key={meta.id.clone()} class={classes!("doc-row", is_current.then_some("current"), confirming.then_some("confirming"))}
                aria-setsize={total.to_string()} aria-posinset={(position + 1).to_string()}>
                <button type="button" class="doc-open" onclick={open} aria-current={is_current.then_some("page")}>
                    <span class="doc-name" title={meta.title.clone()}>{ meta.title.clone() }</span>
                    <span class="doc-meta">
                        { meta.published.clone().map(|d| format!("published {d} · ")).unwrap_or_default() }
                        { format!("{counts} · edited {edited}") }
                        { if meta.builtin { " · built in" } else { "" } }
                    </span>
                </button>
                { actions }
            </li>
        }
    };

    let restore = trash.first().map(|meta| {
        let (message, on_event, id) = (message.clone(), props.on_event.clone(), meta.id.clone());
        let onclick = Callback::from(move |_| {
            let (message, on_event, id) = (message.clone(), on_event.clone(), id.clone());
            yew::platform::spawn_local(async move {
                match storage::restore_deleted(&id).await {
                    Ok(id) => {
                        on_event.emit(ViewEvent::Close);
                        page::set_doc_hash(&id);
                    }
                    Err(why) => message.set(Some(format!("Not restored: {why}."))),
                }
            });
        });
        let more = match trash.len() {
            1 => String::new(),
            n => format!(" ({} more in the trash)", n - 1),
        };
        html! { <p class="trash"><button type="button" class="restore" {onclick}>{ format!("Restore “{}”", meta.title) }</button>{ more }</p> }
    });
    let count_line = {
        let listed = match &*library {
            Some(Ok(view)) => view.library.documents.len(),
            _ => 0,
        };
        let mut line = format!(
            "{} document{}",
            group_thousands(listed),
            if listed == 1 { "" } else { "s" }
        );
        if !search.is_empty() {
            line.push_str(&format!(" · {} match", group_thousands(total)));
            if total == 1 {
                line.push_str("es");
            }
            match &*text_search {
                TextSearch::Reading => line.push_str(" by title (reading the texts…)"),
                TextSearch::Failed(why) => {
                    line.push_str(&format!(" by title (the texts could not be read: {why})"))
                }
                _ => {}
            }
        }
        line
    };
    let usage_line = (*usage).map(|(used, quota)| {
        // Whole numbers and tenths, written with integers: no float formatting code in the
        // download for one line.
        let tenths = (used / 104_857.6).round() as u64;
        let quota_mb = (quota / 1_048_576.0).round() as u64;
        let share = if quota > 0.0 {
            (used / quota * 100.0).round() as u64
        } else {
            0
        };
        format!(
            "Storage: {}.{} MB used of the {quota_mb} MB this browser allows the app ({share}%).",
            tenths / 10,
            tenths % 10
        )
    });

    html! {
        <div class="backdrop">
            <div class="dialog documents" role="dialog" aria-modal="true" aria-labelledby="docs-title">
                <h2 id="docs-title">{ "Documents" }</h2>
                if let Some(text) = (*message).clone() {
                    <p class="form-error" role="alert">{ text }</p>
                }
                if library.is_none() {
                    <p role="status">{ "Reading the document list…" }</p>
                }
                if !problems.is_empty() {
                    <p class="form-error" role="alert">{ format!("Some stored records could not be read and were left as they are: {}.", problems.join("; ")) }</p>
                }
                <div class="doc-tools">
                    <div class="doc-search">
                        <label for="doc-search">{ "Search the documents" }</label>
                        <input id="doc-search" type="search" value={(*query).clone()} oninput={on_search} onkeydown={on_search_key}
                            placeholder="Words of a title or of the text" />
                    </div>
                    <div class="doc-sort">
                        <label for="doc-sort">{ "Sort by" }</label>
                        <select id="doc-sort" onchange={on_sort}>
                            { for DocumentSort::ALL.iter().map(|&order| html! {
                                <option value={order.as_str()} selected={order == *sort}>{ order.title() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                if library.is_some() {
                    <p class="doc-count" role="status">{ count_line }</p>
                }
                <div class="doc-viewport" ref={viewport} onscroll={window.onscroll}>
                    <div class="list-spacer" style={window.spacer_style}>
                        <ul class="doc-list" aria-label="Documents" style={window.rows_style}
                            onkeydown={arrow_keys(".doc-open", false)}>
                            { for shown[window.first..window.last].iter().map(|&i| (i, &sorted.0[i].0)).enumerate()
                                .map(|(offset, (_, meta))| row((window.first + offset, meta))) }
                        </ul>
                    </div>
                </div>
                { restore.unwrap_or_default() }
                if let Some(line) = usage_line {
                    <p class="usage">{ line }</p>
                }
                <AddDocumentForm prefill={props.prefill.clone()} {on_error} on_close={close} />
            </div>
        </div>
    }
}

/// Reads the texts for search, or takes them from the page's cache when it holds every listed
/// document's, and says when they are ready.
fn start_text_search(state: UseStateHandle<TextSearch>, listed: Vec<String>) {
    let cached = SEARCH_TEXTS.with(|cache| cache.borrow().clone());
    if let Some(texts) = cached.filter(|t| listed.iter().all(|id| t.contains_key(id))) {
        state.set(TextSearch::Ready(texts));
        return;
    }
    state.set(TextSearch::Reading);
    yew::platform::spawn_local(async move {
        match storage::search_texts().await {
            Ok(list) => {
                let mut texts: HashMap<String, String> = list.into_iter().collect();
                let builtin = default_document();
                texts.insert(builtin.id.clone(), fold_for_search(builtin.index.text()));
                let texts = Rc::new(texts);
                SEARCH_TEXTS.with(|cache| *cache.borrow_mut() = Some(texts.clone()));
                state.set(TextSearch::Ready(texts));
            }
            Err(why) => state.set(TextSearch::Failed(why)),
        }
    });
}
