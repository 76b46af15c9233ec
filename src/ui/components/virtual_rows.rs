//! A list that renders only the rows in view, shared by the annotation list (the side panel)
//! and the Documents dialog. Every row has the same height, so the rows in view follow from
//! the viewport's scroll position alone: a spacer as tall as all rows keeps the scroll bar
//! true, and the rendered rows are moved down to where they belong.

use crate::bridge::visibility;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Assumed visible height before the viewport has been measured.
const DEFAULT_VIEWPORT_PX: i32 = 640;

/// The rows to render, and what the viewport and its content need.
pub struct VirtualRows {
    /// First row to render (inclusive).
    pub first: usize,
    /// Row after the last one to render.
    pub last: usize,
    /// The viewport's scroll handler.
    pub onscroll: Callback<Event>,
    /// `style` of the spacer inside the viewport (as tall as every row).
    pub spacer_style: String,
    /// `style` of the element that holds the rendered rows (moved down to the first).
    pub rows_style: String,
}

/// Which of `count` rows of `row_height` pixels to render in the scrolling element `viewport`,
/// with `overscan` more above and below (so arrow keys always find a neighbour). Re-renders
/// only when the set of rows in view changes, and when the viewport changes size (a panel
/// above it opens, the window resizes): measured then, or the list would keep rendering only
/// the rows that fitted before and leave the rest blank.
#[hook]
pub fn use_virtual_rows(
    viewport: &NodeRef,
    count: usize,
    row_height: i32,
    overscan: i32,
) -> VirtualRows {
    // (scrollTop, clientHeight) of the viewport, in CSS pixels.
    let scroll = use_state(|| (0i32, DEFAULT_VIEWPORT_PX));
    // The same, as last set: read by the size watch, which outlives the render it was made in.
    let last_set = use_mut_ref(|| None::<(i32, i32)>);
    {
        let viewport = viewport.clone();
        let scroll = scroll.clone();
        let last_set = last_set.clone();
        use_effect_with((), move |_| {
            let watch = viewport.cast::<HtmlElement>().and_then(|element| {
                let measured = element.clone();
                visibility::on_resize(&element, move || {
                    let next = (measured.scroll_top(), measured.client_height());
                    let mut last = last_set.borrow_mut();
                    // A viewport that only got shorter (the editor opened above the list as
                    // a label key selected the new annotation) still shows rows already
                    // rendered: re-rendering the list in that key's frame to drop a few is
                    // work the frame waits for (issue 14).
                    if last.is_some_and(|(top, height)| top == next.0 && next.1 <= height) {
                        return;
                    }
                    *last = Some(next);
                    scroll.set(next);
                })
            });
            move || drop(watch)
        });
    }
    let onscroll = {
        let scroll = scroll.clone();
        Callback::from(move |event: Event| {
            let element: HtmlElement = event.target_unchecked_into();
            let next = (element.scroll_top(), element.client_height());
            if next.0 / row_height != scroll.0 / row_height || next.1 > scroll.1 {
                *last_set.borrow_mut() = Some(next);
                scroll.set(next);
            }
        })
    };
    let (top, height) = *scroll;
    let first = (top / row_height - overscan).max(0) as usize;
    let last = (((top + height) / row_height + overscan).max(0) as usize).min(count);
    let first = first.min(last);
    VirtualRows {
        first,
        last,
        onscroll,
        spacer_style: format!("height:{}px", count as i32 * row_height),
        rows_style: format!("transform:translateY({}px)", first as i32 * row_height),
    }
}

/// Scrolls `viewport` so that row `index` is in view (centred when it was not); does nothing
/// when it already is. The scroll event that follows renders the rows there.
pub fn reveal_row(viewport: &NodeRef, index: usize, row_height: i32) {
    let Some(element) = viewport.cast::<HtmlElement>() else {
        return;
    };
    let row_top = index as i32 * row_height;
    let (top, height) = (element.scroll_top(), element.client_height());
    if row_top < top || row_top + row_height > top + height {
        element.set_scroll_top((row_top - height / 2).max(0));
    }
}

/// A `keydown` handler for a list (`ul`) of rows: `↑`/`↓` move the focus to the `selector`
/// element of the row above or below the focused row (from any control in it), and click it
/// when `click` is set. The rows rendered around the visible ones make the neighbour exist;
/// the focus scrolls it into view, and the scroll renders the next ones.
pub fn arrow_keys(selector: &'static str, click: bool) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        let step: i32 = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        let Some(current) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        if matches!(current.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
            return;
        }
        let (Some(list), Some(row)) = (
            current.closest("ul").ok().flatten(),
            current.closest("li").ok().flatten(),
        ) else {
            return;
        };
        let Ok(targets) = list.query_selector_all(selector) else {
            return;
        };
        let count = targets.length() as i32;
        let position = (0..count).find(|&i| {
            targets
                .item(i as u32)
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("li").ok().flatten())
                .is_some_and(|li| li.is_same_node(Some(row.as_ref())))
        });
        if let Some(position) = position {
            let next = (position + step).clamp(0, count - 1);
            if let Some(target) = targets
                .item(next as u32)
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            {
                event.prevent_default();
                let _ = target.focus();
                if click {
                    target.click();
                }
            }
        }
    })
}
