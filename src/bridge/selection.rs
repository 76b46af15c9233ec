//! DOM Selection/Range → code-point span.
//!
//! The article view marks every rendered segment with `data-s`/`data-e` (its code-point start
//! and end) and every paragraph with `data-start`/`data-end`. A DOM point is turned into a
//! document position from those marks and the UTF-16 offset inside one text node; the UTF-16
//! → code point step happens only in [`TextIndex::utf16_to_char`], called from
//! [`dom_point_to_char`]. No DOM text is ever counted, so label chips, hidden text or
//! collapsed whitespace cannot shift an offset.

use crate::model::span::CharSpan;
use crate::model::text::{CharOffset, OffsetError, TextIndex, Utf16Offset};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

/// Attribute names shared with the article view.
pub const SEGMENT_START_ATTR: &str = "data-s";
pub const SEGMENT_END_ATTR: &str = "data-e";
pub const PARAGRAPH_START_ATTR: &str = "data-start";
pub const PARAGRAPH_END_ATTR: &str = "data-end";

/// Which way to round a point that falls inside a character (between surrogate halves).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bias {
    Backward,
    Forward,
}

fn attr_offset(element: &Element, name: &str) -> Option<CharOffset> {
    element
        .get_attribute(name)
        .and_then(|v| v.parse::<usize>().ok())
        .map(CharOffset)
}

/// The start (or, with `at_end`, the end) position of a node inside the article text.
fn node_edge(node: &Node, at_end: bool) -> Option<CharOffset> {
    let element = node.dyn_ref::<Element>()?;
    let (seg, para) = if at_end {
        (SEGMENT_END_ATTR, PARAGRAPH_END_ATTR)
    } else {
        (SEGMENT_START_ATTR, PARAGRAPH_START_ATTR)
    };
    attr_offset(element, seg).or_else(|| attr_offset(element, para))
}

/// Converts one DOM boundary point inside the article root to a code-point offset.
pub fn dom_point_to_char(
    index: &TextIndex,
    node: &Node,
    offset: u32,
    bias: Bias,
) -> Option<CharOffset> {
    if node.node_type() == Node::TEXT_NODE {
        let segment = node.parent_element()?;
        let segment_start = attr_offset(&segment, SEGMENT_START_ATTR)?;
        let base = index.char_to_utf16(segment_start).ok()?;
        let mut at = Utf16Offset(base.0 + offset as usize);
        loop {
            match index.utf16_to_char(at) {
                Ok(char_offset) => return Some(char_offset),
                Err(OffsetError::InsideSurrogatePair(_)) => {
                    at = match bias {
                        Bias::Backward => Utf16Offset(at.0 - 1),
                        Bias::Forward => Utf16Offset(at.0 + 1),
                    }
                }
                Err(_) => return None,
            }
        }
    }
    // An element point: `offset` counts child nodes.
    let children = node.child_nodes();
    if let Some(child) = children.item(offset) {
        if let Some(at) = node_edge(&child, false).or_else(|| first_mark(&child, false)) {
            return Some(at);
        }
    }
    if offset > 0 {
        if let Some(child) = children.item(offset - 1) {
            if let Some(at) = node_edge(&child, true).or_else(|| first_mark(&child, true)) {
                return Some(at);
            }
        }
    }
    node_edge(node, offset > 0)
}

/// The first (or last) marked descendant's edge, for element points on containers.
fn first_mark(node: &Node, at_end: bool) -> Option<CharOffset> {
    let element = node.dyn_ref::<Element>()?;
    let selector = format!("[{SEGMENT_START_ATTR}],[{PARAGRAPH_START_ATTR}]");
    if at_end {
        let all = element.query_selector_all(&selector).ok()?;
        let last = all.item(all.length().checked_sub(1)?)?;
        node_edge(&last, true)
    } else {
        let first = element.query_selector(&selector).ok()??;
        node_edge(&first, false)
    }
}

/// Where a node lies relative to the article root.
fn side_of(root: &Element, node: &Node) -> Side {
    if root.contains(Some(node)) {
        return Side::Inside;
    }
    let position = root.compare_document_position(node);
    if position & Node::DOCUMENT_POSITION_PRECEDING != 0 {
        Side::Before
    } else {
        Side::After
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    Inside,
    After,
}

/// Maps a DOM range to a raw code-point span of the article, clipped to the article root.
/// `None` when the range lies wholly outside the article or is collapsed.
pub fn range_to_span(index: &TextIndex, root: &Element, range: &Range) -> Option<CharSpan> {
    let start_node = range.start_container().ok()?;
    let end_node = range.end_container().ok()?;
    let start = match side_of(root, &start_node) {
        Side::Before => CharOffset(0),
        Side::Inside => dom_point_to_char(
            index,
            &start_node,
            range.start_offset().ok()?,
            Bias::Backward,
        )?,
        Side::After => return None,
    };
    let end = match side_of(root, &end_node) {
        Side::After => CharOffset(index.len_chars()),
        Side::Inside => {
            dom_point_to_char(index, &end_node, range.end_offset().ok()?, Bias::Forward)?
        }
        Side::Before => return None,
    };
    (start < end).then(|| CharSpan::new(start, end))
}

/// The current document selection as a raw span of the article, if it has one.
pub fn current_selection_span(index: &TextIndex, root: &Element) -> Option<CharSpan> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    range_to_span(index, root, &range)
}

/// Removes the browser's selection (after it has become a pending span or an annotation).
pub fn clear_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

/// The segment start under a DOM event target, for clicks: every point of a segment is
/// covered by the same annotations, so its start stands for the whole segment.
pub fn segment_start_of(target: &Element) -> Option<CharOffset> {
    let segment = target.closest(&format!("[{SEGMENT_START_ATTR}]")).ok()??;
    attr_offset(&segment, SEGMENT_START_ATTR)
}

/// Scrolls the first segment of an annotation into view. Ids are compared as strings, never
/// put into a CSS selector, since imported ids can hold any character.
pub fn scroll_to_annotation(root: &Element, id: &str) {
    let Ok(marked) = root.query_selector_all("[data-ids]") else {
        return;
    };
    for i in 0..marked.length() {
        let Some(element) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let holds = element
            .get_attribute("data-ids")
            .is_some_and(|ids| ids.split(' ').any(|x| x == id));
        if holds {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            options.set_behavior(web_sys::ScrollBehavior::Smooth);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            return;
        }
    }
}
