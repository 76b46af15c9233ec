//! Adding a document to the library: pasted text, or a .txt/.md file opened or dropped, with
//! its title, publication date and source URL.

use crate::bridge::{clock, files, page, storage};
use crate::model::library::{check_document_size, new_document_id, normalize_text};
use crate::model::Document;
use crate::ui::state::Prefill;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AddDocumentProps {
    /// A dropped file's title and text.
    pub prefill: Option<Rc<Prefill>>,
    /// Shows a message in the dialog (`None` clears it).
    pub on_error: Callback<Option<String>>,
    pub on_close: Callback<MouseEvent>,
}

fn title_from_file_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.replace(['-', '_'], " ")
}

#[component]
pub fn AddDocumentForm(props: &AddDocumentProps) -> Html {
    let title = use_state(|| {
        props
            .prefill
            .as_ref()
            .map(|p| p.title.clone())
            .unwrap_or_default()
    });
    let text = use_state(|| {
        props
            .prefill
            .as_ref()
            .map(|p| p.text.clone())
            .unwrap_or_default()
    });
    let source_url = use_state(String::new);
    let published = use_state(String::new);
    let file_input = use_node_ref();
    let on_error = props.on_error.clone();
    let on_close = props.on_close.clone();

    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let target: HtmlInputElement = e.target_unchecked_into();
            state.set(target.value());
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let target: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(target.value());
        })
    };
    let open_file = super::picker_opener(&file_input);
    let on_file = {
        let text = text.clone();
        let title = title.clone();
        let on_error = on_error.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (text, title, on_error) = (text.clone(), title.clone(), on_error.clone());
            let name = file.name();
            yew::platform::spawn_local(async move {
                match files::read_text(file).await {
                    Ok(content) => {
                        if title.is_empty() {
                            title.set(title_from_file_name(&name));
                        }
                        text.set(content);
                        on_error.emit(None);
                    }
                    Err(e) => on_error.emit(Some(format!("{name}: {e}"))),
                }
            });
        })
    };
    let add = {
        let (title, text, source_url, published, on_error) = (
            title.clone(),
            text.clone(),
            source_url.clone(),
            published.clone(),
            on_error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = normalize_text(&text);
            if body.trim().is_empty() {
                on_error.emit(Some(
                    "Paste the text of the document, or open a .txt or .md file.".to_owned(),
                ));
                return;
            }
            if let Err(why) = check_document_size(&body) {
                on_error.emit(Some(format!("The document was not added: {why}.")));
                return;
            }
            let name = if title.trim().is_empty() {
                crate::model::text::shorten(body.lines().next().unwrap_or("Untitled").trim(), 80)
            } else {
                title.trim().to_owned()
            };
            let suffix = clock::fresh_id().trim_start_matches("a-").to_owned();
            let id = new_document_id(&name, &suffix[..8.min(suffix.len())]);
            let date = published.trim();
            let mut doc = Document::new(&id, &name, (!date.is_empty()).then_some(date), &body);
            let url = source_url.trim();
            doc.source_url = (!url.is_empty()).then(|| url.to_owned());
            let on_error = on_error.clone();
            yew::platform::spawn_local(async move {
                match storage::add_document(&doc, &clock::now_rfc3339()).await {
                    Ok(()) => page::set_doc_hash(&id),
                    Err(why) => on_error.emit(Some(format!(
                        "The document was not added: {why}. Nothing was changed."
                    ))),
                }
            });
        })
    };

    html! {
                <form class="add-doc" onsubmit={add} aria-labelledby="add-title">
                    <h3 id="add-title">{ "Add a document" }</h3>
                    <label>{ "Title" }<input type="text" value={(*title).clone()} oninput={input(&title)} placeholder="From the first line if left empty" /></label>
                    <div class="add-doc-row">
                        <label>{ "Published" }<input type="date" value={(*published).clone()} oninput={input(&published)} /></label>
                        <label>{ "Source URL" }<input type="url" value={(*source_url).clone()} oninput={input(&source_url)} placeholder="https://…" /></label>
                    </div>
                    <label>{ "Text" }<textarea rows="8" value={(*text).clone()} oninput={on_text} placeholder="Paste the article here: one paragraph per line." /></label>
                    <input type="file" ref={file_input} class="visually-hidden" tabindex="-1" aria-hidden="true" accept=".txt,.md,text/plain,text/markdown" onchange={on_file} />
                    <div class="dialog-actions">
                        <button type="button" onclick={open_file}>{ "Open a .txt or .md file…" }</button>
                        <button type="submit" class="primary">{ "Add and open" }</button>
                        <button type="button" onclick={on_close}>{ "Close" }</button>
                    </div>
                </form>
    }
}
