//! What the suggestions panel (a view loaded on first use) needs of the browser: the names
//! the library knows, each document's rejected suggestions and the panel's options (kept
//! locally), and the ghost highlights drawn over the article's text.
//!
//! Rejections are one record per document in the local database (`suggest:<doc>`, with the
//! rejected labels and texts), so they stay with the collection; the options are small
//! choices kept in localStorage like the theme.

use super::db;
use super::legacy::local_storage;
use super::selection::{char_to_dom_point, Bias};
use super::visibility::SizeWatch;
use crate::model::records::RECORD_VERSION;
use crate::model::side_records::rejections_id;
use crate::model::span::CharSpan;
use crate::model::suggest::{Knowledge, Options, Rejections};
use crate::model::text::TextIndex;
use crate::model::Label;
use gloo::events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The options of a run (`model::suggest::Options` in JSON: which suggesters run, and
/// whether rejected suggestions are shown).
pub const OPTIONS_KEY: &str = "text-annotator:suggest-options";

/// The remembered options (every suggester, rejected ones hidden, unless changed).
pub fn options() -> Options {
    local_storage()
        .and_then(|s| s.get_item(OPTIONS_KEY).ok().flatten())
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default()
}

pub fn save_options(options: Options) {
    if let (Some(storage), Ok(json)) = (local_storage(), serde_json::to_string(&options)) {
        let _ = storage.set_item(OPTIONS_KEY, &json);
    }
}

/// The names the library knows: every actor annotated in any document, with its entity.
pub async fn knowledge() -> Result<Knowledge, String> {
    let mut knowledge = Knowledge::new();
    for (text, entity) in db::actor_names().await? {
        knowledge.add_name(&text, entity.as_deref());
        if let Some(entity) = entity {
            knowledge.add_name(&entity, Some(&entity));
        }
    }
    Ok(knowledge)
}

/// The document's rejected suggestions (none when there is no record yet).
pub async fn rejections(doc_id: &str) -> Result<Rejections, String> {
    let Some(record) = db::get(&rejections_id(doc_id)).await? else {
        return Ok(Rejections::new());
    };
    serde_json::from_value(record["rejected"].clone())
        .map_err(|e| format!("the document's rejected suggestions could not be read ({e})"))
}

/// Writes the document's rejections. Another tab's rejections written in between are kept:
/// the two sets are joined and written again.
pub async fn save_rejections(doc_id: &str, rejections: &Rejections) -> Result<(), String> {
    db::replace(&rejections_id(doc_id), |current| {
        let mut rejections = rejections.clone();
        if let Some(theirs) =
            current.and_then(|r| serde_json::from_value::<Rejections>(r["rejected"].clone()).ok())
        {
            for rejected in theirs.iter() {
                rejections.reject(rejected.label, &rejected.text);
            }
        }
        serde_json::json!({
            "_id": rejections_id(doc_id),
            "type": "suggestions",
            "doc": doc_id,
            "v": RECORD_VERSION,
            "rejected": rejections,
        })
    })
    .await
}

/// The layer the ghosts are drawn in: an element at the page's origin, outside the text, that
/// `draw` fills; drawn again (at most once a frame) when the page scrolls, the window resizes
/// or the text reflows. Dropping it removes the layer.
pub struct GhostLayer {
    element: Element,
    _watches: (EventListener, EventListener, Option<SizeWatch>),
}

impl GhostLayer {
    pub fn new(draw: Rc<dyn Fn(&Element)>) -> Option<GhostLayer> {
        let document = gloo::utils::document();
        let element = document.create_element("div").ok()?;
        element.set_class_name("ghost-layer");
        let _ = element.set_attribute("aria-hidden", "true");
        document.body()?.append_child(&element).ok()?;
        let pending = Rc::new(Cell::new(false));
        let schedule = {
            let element = element.clone();
            move || {
                if pending.replace(true) {
                    return;
                }
                let (draw, pending, element) = (draw.clone(), pending.clone(), element.clone());
                let frame = Closure::once_into_js(move || {
                    pending.set(false);
                    draw(&element);
                });
                let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
            }
        };
        let window = gloo::utils::window();
        let on_scroll = {
            let schedule = schedule.clone();
            EventListener::new(&window, "scroll", move |_| schedule())
        };
        let on_resize = {
            let schedule = schedule.clone();
            EventListener::new(&window, "resize", move |_| schedule())
        };
        // The text reflows when the notices above it or the panel's width change.
        let reflow = document
            .query_selector(".doc-text")
            .ok()
            .flatten()
            .and_then(|text| super::visibility::on_resize(&text, schedule));
        Some(GhostLayer {
            element,
            _watches: (on_scroll, on_resize, reflow),
        })
    }

    pub fn element(&self) -> &Element {
        &self.element
    }
}

impl Drop for GhostLayer {
    fn drop(&mut self) {
        self.element.remove();
    }
}

/// A suggestion to draw: its span and label, and whether it is the one under review; or,
/// with a `lane`, a colleague's annotation, drawn as a thin mark under the line (lane 0
/// nearest the text), so that the person's own highlights stay as they are.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    pub span: CharSpan,
    pub label: Label,
    pub current: bool,
    pub lane: Option<u8>,
}

/// How far beyond the viewport ghosts are drawn, in pixels.
const GHOST_MARGIN_PX: f64 = 1200.0;

/// Draws `ghosts` over the article's text as boxes in `layer` (an element positioned at the
/// page's origin, outside the text, so nothing drawn can shift an offset or take a click).
/// Only the article's chunks near the viewport are measured: a long document's far chunks
/// are not laid out, and measuring them would lay them out.
pub fn draw_ghosts(layer: &Element, index: &TextIndex, ghosts: &[Ghost]) {
    let document = gloo::utils::document();
    let Some(root) = document.query_selector(".doc-text").ok().flatten() else {
        return;
    };
    let window = gloo::utils::window();
    let (scroll_x, scroll_y) = (
        window.scroll_x().unwrap_or_default(),
        window.scroll_y().unwrap_or_default(),
    );
    let height = viewport_height();
    let Ok(chunks) = root.query_selector_all(".chunk") else {
        return;
    };
    let mut near: Vec<CharSpan> = Vec::new();
    for i in 0..chunks.length() {
        let Some(chunk) = chunks.item(i).and_then(|c| c.dyn_into::<Element>().ok()) else {
            continue;
        };
        let rect = chunk.get_bounding_client_rect();
        if rect.bottom() < -GHOST_MARGIN_PX || rect.top() > height + GHOST_MARGIN_PX {
            continue;
        }
        let edge = |selector: &str, attr: &str| {
            chunk
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|p| p.get_attribute(attr))
                .and_then(|v| v.parse::<usize>().ok())
        };
        if let (Some(start), Some(end)) = (
            edge("p:first-child", "data-start"),
            edge("p:last-child", "data-end"),
        ) {
            near.push(CharSpan::at(start, end));
        }
    }
    // Every box is measured first and drawn after: a box added between two measurements
    // would make the browser lay the page out again for each one.
    let mut boxes: Vec<(String, String)> = Vec::new();
    for ghost in ghosts {
        if !near.iter().any(|range| range.overlaps(&ghost.span)) {
            continue;
        }
        let Some(range) = dom_range(&root, index, ghost.span) else {
            continue;
        };
        let Some(rects) = range.get_client_rects() else {
            continue;
        };
        for i in 0..rects.length() {
            let Some(rect) = rects.item(i) else { continue };
            if rect.width() < 1.0 {
                continue;
            }
            let (mut class, top, height) = match ghost.lane {
                None => (
                    format!("ghost ghost-{}", ghost.label),
                    rect.top(),
                    rect.height(),
                ),
                Some(lane) => (
                    format!("layer-mark mark-{} lane-{lane}", ghost.label),
                    rect.bottom() + 1.0 + 4.0 * f64::from(lane),
                    3.0,
                ),
            };
            if ghost.current {
                class.push_str(" current");
            }
            let style = format!(
                "left:{}px;top:{}px;width:{}px;height:{}px",
                (rect.left() + scroll_x).round(),
                (top + scroll_y).round(),
                rect.width().round(),
                height.round()
            );
            boxes.push((class, style));
        }
    }
    layer.set_inner_html("");
    let fragment = document.create_document_fragment();
    for (class, style) in boxes {
        let Ok(mark) = document.create_element("div") else {
            continue;
        };
        mark.set_class_name(&class);
        let _ = mark.set_attribute("style", &style);
        let _ = fragment.append_child(&mark);
    }
    let _ = layer.append_child(&fragment);
}

fn dom_range(root: &Element, index: &TextIndex, span: CharSpan) -> Option<web_sys::Range> {
    let (start_node, start_offset) = char_to_dom_point(root, index, span.start, Bias::Forward)?;
    let (end_node, end_offset) = char_to_dom_point(root, index, span.end, Bias::Backward)?;
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&start_node, start_offset).ok()?;
    range.set_end(&end_node, end_offset).ok()?;
    Some(range)
}

fn viewport_height() -> f64 {
    gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0)
}

/// Scrolls the article so that `span` is in view (the middle of the screen when it was not).
pub fn reveal(index: &TextIndex, span: CharSpan) {
    let document = gloo::utils::document();
    let Some(root) = document.query_selector(".doc-text").ok().flatten() else {
        return;
    };
    // The paragraph first: a chunk far away is laid out only once it is near.
    let paragraph = index.paragraphs()[index.paragraph_of(span.start)];
    if let Some(p) = root
        .query_selector(&format!("p[data-start=\"{}\"]", paragraph.start.0))
        .ok()
        .flatten()
        .and_then(|p| p.dyn_into::<HtmlElement>().ok())
    {
        let rect = p.get_bounding_client_rect();
        let height = viewport_height();
        if rect.bottom() < 80.0 || rect.top() > height - 80.0 {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            p.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
    let Some(range) = dom_range(&root, index, span) else {
        return;
    };
    let rect = range.get_bounding_client_rect();
    let height = viewport_height();
    if rect.top() < 80.0 || rect.bottom() > height - 80.0 {
        let by = rect.top() - height / 2.0;
        gloo::utils::window().scroll_by_with_x_and_y(0.0, by);
    }
}
