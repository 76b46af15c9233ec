//! The sticky toolbar: labels, undo/redo, import, export, help and the theme.

use crate::bridge::clock;
use crate::bridge::formats_worker;
use crate::bridge::lazy_views::LazyView;
use crate::bridge::theme::{self, Theme};
use crate::model::annotation::Label;
use crate::model::formats::dispatch::ExportFormat;
use crate::ui::state::{Action, Dialog};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub title: AttrValue,
    pub sticky: Option<Label>,
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_annotations: bool,
    pub on_action: Callback<Action>,
    /// Files chosen for import (one, or a brat .ann with its .txt).
    pub on_import_files: Callback<Vec<web_sys::File>>,
    pub on_export: Callback<ExportFormat>,
    pub on_copy_json: Callback<()>,
    pub on_export_workspace: Callback<()>,
    /// Opens the claims table (which downloads it as CSV).
    pub on_export_claims: Callback<()>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let file_input = use_node_ref();
    let export_open = use_state(|| false);

    let label_button = |label: Label| {
        let (digit, letter) = label.keys();
        let on_action = props.on_action.clone();
        let apply = Callback::from(move |_| {
            on_action.emit(Action::ApplyLabel {
                label,
                id: clock::fresh_id(),
                now: clock::now_rfc3339(),
            })
        });
        let on_action = props.on_action.clone();
        let pin = Callback::from(move |_| on_action.emit(Action::ToggleSticky(label)));
        let pinned = props.sticky == Some(label);
        let pin_hint = format!(
            "Sticky label: every selection becomes {} as soon as the mouse is released (Shift+{digit}); again to unpin",
            label.as_str()
        );
        // Accessible names begin with the visible text (WCAG 2.5.3): "Actor 1", "Pin Actor";
        // the keys and the explanation are the description.
        html! {
            <span class={classes!("label-group", format!("chip-{label}"), pinned.then_some("pinned"))}>
                <button type="button" class="label-btn" aria-label={format!("{} {digit}", label.title())}
                    title={format!("Label the selection {} — key {digit} or {letter}", label.as_str())}
                    onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                    onclick={apply}>
                    <span class="swatch" aria-hidden="true"></span>
                    { label.title() }{ " " }<kbd>{ digit }</kbd>
                </button>
                <button type="button" class="pin" aria-label={format!("Pin {}", label.title())} title={pin_hint}
                    aria-pressed={pinned.to_string()} onclick={pin}>
                    { pin_icon(pinned) }
                    <span class="pin-word">{ "Pin" }</span>
                </button>
            </span>
        }
    };

    let simple = |text: &'static str, name: &'static str, enabled: bool, action: fn() -> Action| {
        let on_action = props.on_action.clone();
        html! {
            <button type="button" class="tool" aria-label={name} title={name} disabled={!enabled}
                onclick={Callback::from(move |_| on_action.emit(action()))}>{ text }</button>
        }
    };

    // The import worker starts while the person chooses a file or a format, and the views
    // loaded on first use (the import's progress and question) load.
    let open_picker = super::picker_opener(&file_input).reform(|event| {
        formats_worker::warm_up();
        crate::bridge::lazy_views::warm_up();
        event
    });
    let on_file = {
        let on_import_files = props.on_import_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let chosen: Vec<web_sys::File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            if !chosen.is_empty() {
                on_import_files.emit(chosen);
            }
            // Choosing the same file again must import it again.
            input.set_value("");
        })
    };
    let toggle_export = {
        let export_open = export_open.clone();
        Callback::from(move |_| {
            if !*export_open {
                formats_worker::warm_up();
            }
            export_open.set(!*export_open)
        })
    };
    let more_open = use_state(|| false);
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |_| more_open.set(!*more_open))
    };
    let close_more = {
        let more_open = more_open.clone();
        Callback::from(move |()| more_open.set(false))
    };
    let more_keys = {
        let close_more = close_more.clone();
        let more_open = more_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if *more_open && e.key() == "Escape" {
                e.stop_propagation();
                close_more.emit(());
            }
        })
    };
    let menu_node = use_node_ref();
    let export_button = use_node_ref();
    // An opened menu takes the focus on its first item, as menus do.
    {
        let menu_node = menu_node.clone();
        use_effect_with(*export_open, move |&open| {
            if open {
                focus_menu_item(&menu_node, |_, _| 0);
            }
        });
    }
    let close_menu = {
        let export_open = export_open.clone();
        let export_button = export_button.clone();
        Callback::from(move |()| {
            export_open.set(false);
            if let Some(button) = export_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    let menu_item = |text: &'static str, hint: &'static str, callback: Callback<()>| {
        let close_menu = close_menu.clone();
        html! {
            <button type="button" role="menuitem" class="menu-item" tabindex="-1"
                onclick={Callback::from(move |_| { close_menu.emit(()); callback.emit(()); })}>
                <span class="menu-title">{ text }</span>
                <span class="menu-hint">{ hint }</span>
            </button>
        }
    };

    html! {
        <header class="toolbar">
            <h1 class="doc-title">
                // The name is the visible title, then what the button opens.
                <button type="button" class="doc-switch" title={format!("{} — open the documents list", props.title)}
                    onclick={{ let on_action = props.on_action.clone(); Callback::from(move |_| on_action.emit(Action::OpenDialog(Dialog::Documents(None)))) }}>
                    <span class="doc-switch-name">{ props.title.clone() }</span>
                    <span class="visually-hidden">{ " — Documents" }</span>
                    <span aria-hidden="true">{ " ▾" }</span>
                </button>
            </h1>
            <div class="labels" role="group" aria-label="Labels">
                { for Label::ALL.into_iter().map(label_button) }
            </div>
            <SyncStatus />
            <div class="tools">
                { simple("⟲", "Undo (Ctrl+Z)", props.can_undo, || Action::Undo) }
                { simple("⟳", "Redo (Ctrl+Shift+Z)", props.can_redo, || Action::Redo) }
                <button type="button" class="tool text" onclick={open_picker}
                    title="Import annotations (this app's JSON, W3C, brat .ann + .txt or .zip, JSONL, CSV), a workspace, or a .txt document (or drop files on the page)">{ "Import…" }</button>
                <input type="file" ref={file_input} class="visually-hidden" tabindex="-1" aria-hidden="true"
                    multiple=true accept=".json,.jsonld,.jsonl,.ndjson,.csv,.ann,.txt,.md,.zip,application/json,application/ld+json,text/csv,application/zip,text/plain" onchange={on_file} />
                <span class="menu-anchor" onkeydown={{
                    let export_open = export_open.clone();
                    let close_menu = close_menu.clone();
                    let menu_node = menu_node.clone();
                    Callback::from(move |e: KeyboardEvent| {
                        if !*export_open {
                            return;
                        }
                        // The menu's own keys; none of them may reach the global shortcuts.
                        let step: Option<fn(usize, usize) -> usize> = match e.key().as_str() {
                            "ArrowDown" => Some(|at, n| (at + 1) % n),
                            "ArrowUp" => Some(|at, n| (at + n - 1) % n),
                            "Home" => Some(|_, _| 0),
                            "End" => Some(|_, n| n - 1),
                            _ => None,
                        };
                        if let Some(step) = step {
                            e.prevent_default();
                            e.stop_propagation();
                            focus_menu_item(&menu_node, step);
                        } else if e.key() == "Escape" {
                            e.stop_propagation();
                            close_menu.emit(());
                        } else if e.key() == "Tab" {
                            export_open.set(false);
                        } else if e.key() != "Enter" && e.key() != " " {
                            e.stop_propagation();
                        }
                    })
                }}>
                    <button type="button" class="tool text" aria-haspopup="menu" ref={export_button}
                        aria-expanded={export_open.to_string()} onclick={toggle_export}>{ "Export ▾" }</button>
                    if *export_open {
                        <div class="menu-backdrop" aria-hidden="true" onclick={{
                            let export_open = export_open.clone();
                            Callback::from(move |_| export_open.set(false))
                        }}></div>
                        <div class="menu" role="menu" aria-label="Export formats" ref={menu_node}>
                            { for ExportFormat::ALL.into_iter().map(|format| {
                                let on_export = props.on_export.clone();
                                menu_item(menu_title(format), menu_hint(format), Callback::from(move |_| on_export.emit(format)))
                            }) }
                            { menu_item("Copy JSON", "this app's JSON file, to the clipboard", props.on_copy_json.clone()) }
                            { menu_item("Download workspace", "every document with its annotations, for backup or another browser", props.on_export_workspace.clone()) }
                            { menu_item("Claims table (CSV)…", "who claimed what, when: one row per claim, RFC 4180", props.on_export_claims.clone()) }
                        </div>
                    }
                </span>
                // On a phone these sit behind "More" (styles/app.css); elsewhere the wrapper has
                // no box and they stand in the row like the others.
                <span class="more-anchor" onkeydown={more_keys}>
                <button type="button" class="tool more-toggle" aria-expanded={more_open.to_string()} aria-controls="more-tools"
                    title="More tools: table of claims, claims and entities across the library, delete all, shortcuts, theme" onclick={toggle_more}>
                    { "More" }<span aria-hidden="true">{ " ▾" }</span>
                </button>
                if *more_open {
                    <div class="menu-backdrop more-backdrop" aria-hidden="true" onclick={close_more.reform(|_| ())}></div>
                }
                <div id="more-tools" class={classes!("more-tools", more_open.then_some("open"))} onclick={close_more.reform(|_| ())}>
                <button type="button" class="tool text" title="Suggest actors, claims, dates and who said what (s)"
                    onclick={props.on_action.reform(|_| Action::Panel(LazyView::Suggestions))}>{ "Suggest" }</button>
                <button type="button" class="tool text" title="Colleagues' layers in the text; curation (l)"
                    onclick={props.on_action.reform(|_| Action::Panel(LazyView::Layers))}>{ "Layers" }</button>
                { simple("Table of claims", "Table of claims: who claimed what, when (t)", true, || Action::OpenDialog(Dialog::ClaimsTable)) }
                { simple("Agreement", "Agreement between your annotations and colleagues' layers", true, || Action::OpenDialog(Dialog::Agreement)) }
                <button type="button" class="tool text" title="Share documents and annotations with your team through a CouchDB server"
                    onclick={props.on_action.reform(|_| Action::OpenDialog(Dialog::Sync))}>{ "Sync…" }</button>
                { simple("Library claims", "Library claims: claims across every document in this browser", true, || Action::OpenDialog(Dialog::LibraryClaims)) }
                { simple("Library entities", "Library entities: entities across every document in this browser, their mentions and claims; merging", true, || Action::OpenDialog(Dialog::LibraryEntities)) }
                { simple("Delete all", "Delete all annotations (Ctrl+Z undoes)", props.has_annotations, || Action::ClearAll) }
                { simple("?", "Keyboard shortcuts (?)", true, || Action::OpenDialog(Dialog::Help)) }
                <ThemeToggle />
                </div>
                </span>
            </div>
        </header>
    }
}

/// Team sync's state in words ("Synced", "3 changes waiting", "Offline", "Sync error: …"),
/// polite for screen readers; nothing while no account is connected.
#[component]
fn SyncStatus() -> Html {
    let shown = use_state(|| (String::new(), String::new()));
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            let watch = crate::bridge::sync::watch_status(move |json| {
                let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
                let text = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
                shown.set((text("state"), text("label")));
            });
            move || drop(watch)
        });
    }
    let (state, label) = &*shown;
    html! {
        <span class={classes!("sync-status", format!("sync-{state}"))} title={label.clone()} role="status" aria-live="polite">{ label.clone() }</span>
    }
}

/// Switches between light and dark. The choice is remembered; until one is made the page
/// follows the system, and the button keeps up with it.
#[component]
fn ThemeToggle() -> Html {
    let current = use_state(theme::effective);
    {
        let current = current.clone();
        use_effect_with((), move |_| {
            let refresh = {
                let current = current.clone();
                move || current.set(theme::effective())
            };
            let system = theme::on_system_change(refresh.clone());
            let other_tab = theme::on_other_tab_change(move || {
                theme::apply_saved();
                refresh();
            });
            move || drop((system, other_tab))
        });
    }
    let next = current.other();
    let onclick = {
        let current = current.clone();
        Callback::from(move |_| {
            theme::save(Some(next));
            theme::apply(Some(next));
            current.set(next);
        })
    };
    let name = format!("Theme: {} (switch to {})", current.as_str(), next.as_str());
    // The icon shows where the button leads: a moon in light, a sun in dark.
    let icon = match *current {
        Theme::Light => "☾",
        Theme::Dark => "☀",
    };
    html! {
        <button type="button" class="tool theme-toggle" aria-label={name.clone()} title={name} {onclick}>
            <span aria-hidden="true">{ icon }</span>
        </button>
    }
}

/// Moves the focus within an open menu: `pick(current, count)` gives the item to focus.
fn focus_menu_item(menu: &NodeRef, pick: impl Fn(usize, usize) -> usize) {
    let Some(menu) = menu.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(items) = menu.query_selector_all("[role=menuitem]") else {
        return;
    };
    let count = items.length() as usize;
    if count == 0 {
        return;
    }
    let active = gloo::utils::document().active_element();
    let inside = active.as_ref().is_some_and(|a| menu.contains(Some(a)));
    let current = (0..count)
        .find(|&i| {
            items
                .item(i as u32)
                .zip(active.as_ref())
                .is_some_and(|(item, active)| item.is_same_node(Some(active)))
        })
        .unwrap_or(0);
    let next = if inside { pick(current, count) } else { 0 };
    if let Some(item) = items
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = item.focus();
    }
}

/// The menu entry's name.
fn menu_title(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Native => "Download JSON",
        ExportFormat::W3c => "W3C Web Annotation (JSON-LD)",
        ExportFormat::Brat => "brat standoff (.zip)",
        ExportFormat::Spacy => "spaCy / Prodigy JSONL",
        ExportFormat::Doccano => "doccano JSONL",
        ExportFormat::Csv => "CSV, a row per annotation",
        ExportFormat::SpreadsheetCsv => "CSV for spreadsheets",
    }
}

/// The menu entry's one-line description.
fn menu_hint(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Native => {
            "everything, with the text; this app's own format, offsets in code points"
        }
        ExportFormat::W3c => {
            "for Hypothesis, Recogito and W3C tools: quote and code-point position selectors"
        }
        ExportFormat::Brat => ".txt + .ann + annotation.conf in a folder brat opens",
        ExportFormat::Spacy => "text, character-offset spans and relations for NLP pipelines",
        ExportFormat::Doccano => "text with [start, end, label] lists, for doccano",
        ExportFormat::Csv => {
            "for pandas, R and scripts: every cell exact, quotes equal the text; offsets, note, actors, dates"
        }
        ExportFormat::SpreadsheetCsv => {
            "for Excel, LibreOffice, Google Sheets: cells starting with = + - @ get a ' so they never run as formulas"
        }
    }
}

/// A drawn pin (no emoji font needed), filled while the label is pinned.
fn pin_icon(pinned: bool) -> Html {
    html! {
        <svg class="pin-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M5 1.5h6l-1 5 2.5 2.5v1.5H8.75V15h-1.5v-4.5H3.5V9L6 6.5z"
                fill={if pinned { "currentColor" } else { "none" }} stroke="currentColor" stroke-width="1.3" stroke-linejoin="round" />
        </svg>
    }
}
