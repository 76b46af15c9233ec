//! The layers panel (issue 16): colleagues' layers of the open document drawn in the text as
//! thin marks under the lines (each can be hidden), and their curation. On a document with
//! colleagues' layers it offers to make a gold document; on a gold document it walks through
//! every disagreement (`walk.rs`). Part of the views loaded on first use: the layers and the
//! gold are read from the local database, and each decision goes to the page as one
//! undoable step, so the gold is edited, undone, saved and exported like any document.

use crate::bridge::curation::{self as stored, Curation};
use crate::bridge::lazy_views::ViewEvent;
use crate::bridge::suggestions::{draw_ghosts, Ghost, GhostLayer};
use crate::bridge::{clock, page, settings, storage};
use crate::model::curation::{self, Item};
use crate::model::layers::Layer;
use crate::model::Annotations;
use crate::ui::components::OpenDocumentProps;
use crate::ui::DocRef;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

mod walk;

use walk::CurationWalk;

/// What the panel read from the database.
#[derive(Clone, PartialEq)]
enum Loaded {
    Reading,
    /// A document with (maybe) colleagues' layers, and its gold document if one was made.
    Plain {
        layers: Rc<Vec<Layer>>,
        gold: Option<String>,
    },
    /// A gold document: its layers in key order, its curation and the places compared.
    Gold {
        layers: Rc<Vec<Layer>>,
        curation: Rc<Curation>,
        items: Rc<Vec<Item>>,
    },
    Failed(String),
}

#[component]
pub fn LayersPanel(props: &OpenDocumentProps) -> Html {
    let loaded = use_state(|| Loaded::Reading);
    let hidden = use_state(|| stored::hidden_layers(&props.doc.0.id));
    // The marks' layer; what it draws is set by whoever knows it (this, or the walk).
    // Two layers of marks: the colleagues' lines, which change only when a layer is shown or
    // hidden (and are drawn again by the layer itself on scroll, resize and reflow), and the
    // outline of the place under review, which changes with every step of the walk.
    let lanes = use_mut_ref(Rc::<Vec<Ghost>>::default);
    let outline = use_mut_ref(Vec::<Ghost>::new);
    let lane_layer = use_mut_ref(|| None::<GhostLayer>);
    let outline_layer = use_mut_ref(|| None::<GhostLayer>);
    // Whether a deletion may be a colleague's: only where a synced layer is shown (not on a
    // gold document, whose walk deletes the curator's own records with every decision).
    let follows_deletions = use_mut_ref(|| false);
    *follows_deletions.borrow_mut() = matches!(&*loaded, Loaded::Plain { layers, .. }
        if layers.iter().any(|l| l.source == storage::SYNCED_SOURCE));
    {
        let (loaded, doc) = (loaded.clone(), props.doc.clone());
        let follows_deletions = follows_deletions.clone();
        use_effect_with((), move |_| {
            let doc_id = doc.0.id.clone();
            let reread = move || {
                let (loaded, doc) = (loaded.clone(), doc.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(read(&doc).await.unwrap_or_else(Loaded::Failed));
                });
            };
            reread();
            let watch = follow_synced(&doc_id, follows_deletions, reread);
            move || drop(watch)
        });
    }
    {
        let (lane_layer, outline_layer) = (lane_layer.clone(), outline_layer.clone());
        let (lanes, outline, doc) = (lanes.clone(), outline.clone(), props.doc.clone());
        use_effect_with((), move |_| {
            let index = doc.clone();
            *lane_layer.borrow_mut() = GhostLayer::new(Rc::new(move |layer: &Element| {
                draw_ghosts(layer, &index.0.index, &lanes.borrow())
            }));
            *outline_layer.borrow_mut() = GhostLayer::new(Rc::new(move |layer: &Element| {
                draw_ghosts(layer, &doc.0.index, &outline.borrow())
            }));
            move || {
                drop(lane_layer.borrow_mut().take());
                drop(outline_layer.borrow_mut().take());
            }
        });
    }
    let layers = match &*loaded {
        Loaded::Plain { layers, .. } | Loaded::Gold { layers, .. } => layers.clone(),
        _ => Rc::default(),
    };
    // Each shown layer's annotations as marks, one lane per layer.
    let lane_marks: Rc<Vec<Ghost>> = {
        let (layers, hidden) = (layers.clone(), hidden.clone());
        use_memo((layers, (*hidden).clone()), move |(layers, hidden)| {
            let mut out = Vec::new();
            for (lane, layer) in layers.iter().enumerate() {
                if hidden.contains(&layer.id) {
                    continue;
                }
                out.extend(layer.content.annotations.iter().map(|a| Ghost {
                    span: a.span,
                    label: a.label,
                    current: false,
                    lane: Some(lane.min(7) as u8),
                }));
            }
            out
        })
    };
    {
        let (lanes, lane_layer, doc) = (lanes.clone(), lane_layer.clone(), props.doc.clone());
        use_effect_with(lane_marks.clone(), move |lane_marks| {
            *lanes.borrow_mut() = lane_marks.clone();
            if let Some(layer) = lane_layer.borrow().as_ref() {
                draw_ghosts(layer.element(), &doc.0.index, &lanes.borrow());
            }
        });
    }
    let on_current = {
        let (outline, outline_layer, doc) =
            (outline.clone(), outline_layer.clone(), props.doc.clone());
        Callback::from(move |ghosts: Vec<Ghost>| {
            if *outline.borrow() == ghosts {
                return;
            }
            *outline.borrow_mut() = ghosts;
            if let Some(layer) = outline_layer.borrow().as_ref() {
                draw_ghosts(layer.element(), &doc.0.index, &outline.borrow());
            }
        })
    };
    let toggle = |id: &str| {
        let (hidden, id, doc_id) = (hidden.clone(), id.to_owned(), props.doc.0.id.clone());
        Callback::from(move |_| {
            let mut now = (*hidden).clone();
            if !now.remove(&id) {
                now.insert(id.clone());
            }
            stored::save_hidden_layers(&doc_id, &now);
            hidden.set(now);
        })
    };
    let close = props.on_event.reform(|_| ViewEvent::Close);
    let layer_list = html! {
        <ul class="layer-list" aria-label="Layers">
            if !matches!(*loaded, Loaded::Gold { .. }) {
                <li>{ format!("{} (yours): {} annotations — the highlights", settings::own_layer_name(), props.content.annotations.len()) }</li>
            }
            { for layers.iter().enumerate().map(|(lane, l)| html! {
                <li key={l.id.clone()}>
                    <label>
                        <input type="checkbox" checked={!hidden.contains(&l.id)} onchange={toggle(&l.id)} />
                        <span class={classes!("lane-swatch", format!("lane-{}", lane.min(7)))} aria-hidden="true"></span>
                        { format!(" {}{}{}: {} annotations", key_prefix(&loaded, lane), l.annotator,
                            if l.source == storage::SYNCED_SOURCE { " (synced)" } else { "" }, l.content.annotations.len()) }
                    </label>
                </li>
            }) }
        </ul>
    };
    let (title, body) = match &*loaded {
        Loaded::Reading => (
            "Layers",
            html! { <p role="status">{ "Reading the layers…" }</p> },
        ),
        Loaded::Failed(why) => (
            "Layers",
            html! { <p class="form-error" role="alert">{ format!("The layers could not be read: {why}.") }</p> },
        ),
        Loaded::Plain { layers, gold } => (
            "Layers",
            html! {
                <>
                { layer_list }
                if layers.is_empty() {
                    <p class="hint">{ "No colleague's layer yet. Import a colleague's file of this text (Import…) and choose “Add as a colleague's layer”, or sync with your team (Sync…)." }</p>
                } else {
                    <p class="hint">{ "Colleagues' annotations are the thin lines under the text, one row per layer, in the label's colour; yours stay as they are." }</p>
                }
                <StartCuration doc={props.doc.clone()} content={props.content.clone()} layers={layers.clone()} gold={gold.clone()} on_event={props.on_event.clone()} />
                </>
            },
        ),
        Loaded::Gold {
            layers,
            curation,
            items,
        } => (
            "Curate",
            html! {
                <>
                <details class="curate-layers">
                    <summary>{ "Layers shown under the text" }</summary>
                    { layer_list }
                </details>
                <CurationWalk doc={props.doc.clone()} layers={layers.clone()} curation={curation.clone()} items={items.clone()} {on_current} on_event={props.on_event.clone()} />
                </>
            },
        ),
    };
    html! {
        <aside class="suggest-panel layers-panel" aria-labelledby="layers-title">
            <div class="suggest-head">
                <h2 id="layers-title" class="panel-title">{ title }</h2>
                <button type="button" class="suggest-close" aria-label="Close the layers panel" title="Close (the marks go with it)" onclick={close}>{ "×" }</button>
            </div>
            { body }
        </aside>
    }
}

/// Calls `reread` shortly after colleagues' synced records of the document arrive (a
/// burst of them once), so their layers follow the team while the panel is open. A deletion
/// names no owner: it rereads too while `deletions` says a synced layer is shown.
pub(crate) fn follow_synced(
    doc_id: &str,
    deletions: Rc<std::cell::RefCell<bool>>,
    reread: impl Fn() + 'static,
) -> Option<crate::bridge::db::Watch> {
    use crate::model::records;
    let prefixes = [
        records::annotation_prefix(doc_id),
        records::relation_prefix(doc_id),
    ];
    let pending: Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>> = Rc::default();
    let reread = Rc::new(reread);
    crate::bridge::db::watch(&prefixes, move |record| {
        let me = crate::bridge::sync::owner();
        let deleted = record["_deleted"].as_bool() == Some(true);
        if !(records::is_colleagues(&record, me.as_deref()) || (deleted && *deletions.borrow())) {
            return;
        }
        let reread = reread.clone();
        *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(300, move || reread()));
    })
}

/// "1 " before a layer's name on a gold document: the key that takes its version.
fn key_prefix(loaded: &Loaded, lane: usize) -> String {
    match loaded {
        Loaded::Gold { .. } if lane < 9 => format!("{} · ", lane + 1),
        _ => String::new(),
    }
}

/// The layers, and whether this is a gold document.
async fn read(doc: &DocRef) -> Result<Loaded, String> {
    let (mut layers, unreadable) = storage::layers_of(&doc.0).await?;
    if !unreadable.is_empty() {
        return Err(format!(
            "these could not be read: {}",
            unreadable.join("; ")
        ));
    }
    match stored::curation_of(&doc.0.id).await? {
        Some(curation) => {
            // The layers in the order of their keys.
            layers.sort_by_key(|l| {
                curation
                    .layers
                    .iter()
                    .position(|id| *id == l.id)
                    .unwrap_or(usize::MAX)
            });
            let contents: Vec<_> = layers.iter().map(Layer::content).collect();
            let items = curation::items(&contents);
            Ok(Loaded::Gold {
                layers: Rc::new(layers),
                curation: Rc::new(curation),
                items: Rc::new(items),
            })
        }
        None => Ok(Loaded::Plain {
            layers: Rc::new(layers),
            gold: stored::gold_of(&doc.0.id).await?,
        }),
    }
}

#[derive(Properties, PartialEq)]
struct StartProps {
    doc: DocRef,
    content: Rc<Annotations>,
    layers: Rc<Vec<Layer>>,
    gold: Option<String>,
    on_event: Callback<ViewEvent>,
}

/// Makes the gold document and opens it (with this panel).
#[component]
fn StartCuration(props: &StartProps) -> Html {
    let take_agreed = use_state(|| true);
    let busy = use_state(|| false);
    let on_take = {
        let take_agreed = take_agreed.clone();
        Callback::from(move |_| take_agreed.set(!*take_agreed))
    };
    let start = {
        let (doc, content, layers, on_event) = (
            props.doc.clone(),
            props.content.clone(),
            props.layers.clone(),
            props.on_event.clone(),
        );
        let (take_agreed, busy) = (take_agreed.clone(), busy.clone());
        Callback::from(move |_| {
            if *busy {
                return;
            }
            busy.set(true);
            let (doc, content, layers, on_event, take, busy) = (
                doc.clone(),
                content.clone(),
                layers.clone(),
                on_event.clone(),
                *take_agreed,
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let now = clock::now_rfc3339();
                match stored::make_gold(
                    &doc.0,
                    &content,
                    &settings::own_layer_name(),
                    &layers,
                    take,
                    &now,
                )
                .await
                {
                    Ok(id) => {
                        settings::open_layers_next(&id);
                        page::set_doc_hash(&id);
                    }
                    Err(why) => {
                        busy.set(false);
                        on_event.emit(ViewEvent::Error(format!(
                            "The gold document could not be made: {why}. Nothing was changed here."
                        )));
                    }
                }
            });
        })
    };
    let open_gold = props.gold.clone().map(|id| {
        Callback::from(move |_| {
            settings::open_layers_next(&id);
            page::set_doc_hash(&id);
        })
    });
    // Two layers at least: the person's (when they annotated) and a colleague's, or two
    // colleagues'.
    let none = props.layers.len() + usize::from(!props.content.annotations.is_empty()) < 2;
    html! {
        <section class="curate-start" aria-labelledby="curate-start-title">
            <h3 id="curate-start-title">{ "Curate" }</h3>
            <p class="hint">{ "Curating settles every difference between your annotations and the colleagues' layers, one by one, in a new gold document: the same text, with the gold layer as its annotations, edited, undone and exported like any other document." }</p>
            if none && !props.layers.is_empty() {
                <p class="hint">{ "Curating needs two layers: annotate the document yourself, or add a second colleague's layer." }</p>
            }
            <label><input type="checkbox" checked={*take_agreed} onchange={on_take} disabled={none} />{ " Take what every layer agrees on without asking" }</label>
            <div class="suggest-actions">
                <button type="button" class="primary" disabled={none || *busy} onclick={start}>{ "Curate into a gold document" }</button>
                if let Some(open_gold) = open_gold {
                    <button type="button" onclick={open_gold}>{ "Open the gold document" }</button>
                }
            </div>
        </section>
    }
}
