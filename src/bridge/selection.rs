//! DOM Selection/Range → code-point span.
//!
//! The article view marks every rendered segment with `data-s`/`data-e` (its code-point start
//! and end) and every paragraph with `data-start`/`data-end`. A DOM point is turned into a
//! document position from those marks and the UTF-16 offset inside one text node; the UTF-16
//! → code point step happens only in [`TextIndex::utf16_to_char`], called from
//! [`dom_point_to_char`]. No DOM text is ever counted, so label chips, hidden text or
//! collapsed whitespace cannot shift an offset.

use crate::model::span::CharSpan;
use crate::model::text::{starts_right_to_left, CharOffset, OffsetError, TextIndex, Utf16Offset};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

/// Attribute names shared with the article view.
pub const SEGMENT_START_ATTR: &str = "data-s";
pub const SEGMENT_END_ATTR: &str = "data-e";
pub const PARAGRAPH_START_ATTR: &str = "data-start";
pub const PARAGRAPH_END_ATTR: &str = "data-end";
/// Marks a segment whose text stands in for what the model holds (a hidden control's name).
pub const SUBSTITUTE_ATTR: &str = "data-sub";

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
        // A control shown by its name: its text is a stand-in, one character in the model.
        if segment.has_attribute(SUBSTITUTE_ATTR) {
            return if offset == 0 {
                Some(segment_start)
            } else {
                attr_offset(&segment, SEGMENT_END_ATTR)
            };
        }
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

/// Where a click left the browser's (collapsed) selection in the article, as a code point:
/// the keyboard caret goes there. `None` when the selection is not collapsed or lies outside.
pub fn collapsed_selection_offset(index: &TextIndex, root: &Element) -> Option<CharOffset> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || !selection.is_collapsed() {
        return None;
    }
    let node = selection.focus_node()?;
    if !root.contains(Some(&node)) {
        return None;
    }
    dom_point_to_char(index, &node, selection.focus_offset(), Bias::Backward)
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

/// Scrolls the segment where an annotation starts into view. Found by its offset: the
/// segments name only the innermost few annotations covering them.
pub fn scroll_to_offset(root: &Element, index: &TextIndex, at: CharOffset) {
    let Some((node, _)) = char_to_dom_point(root, index, at, Bias::Forward) else {
        return;
    };
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => match node.parent_element() {
            Some(parent) => parent,
            None => return,
        },
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The DOM point (text node, UTF-16 offset in it) of a code-point offset in the article:
/// the inverse of [`dom_point_to_char`], through the same segment marks. At the edge between
/// two segments, `Bias::Backward` takes the end of the first, `Bias::Forward` the start of
/// the second.
pub fn char_to_dom_point(
    root: &Element,
    index: &TextIndex,
    at: CharOffset,
    bias: Bias,
) -> Option<(Node, u32)> {
    let paragraph = index.paragraphs()[index.paragraph_of(at)];
    let selector = format!("p[{PARAGRAPH_START_ATTR}=\"{}\"]", paragraph.start.0);
    let p = root.query_selector(&selector).ok()??;
    let segments = p
        .query_selector_all(&format!("[{SEGMENT_START_ATTR}]"))
        .ok()?;
    let mut chosen = None;
    for i in 0..segments.length() {
        let Some(segment) = segments.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let (Some(start), Some(end)) = (
            attr_offset(&segment, SEGMENT_START_ATTR),
            attr_offset(&segment, SEGMENT_END_ATTR),
        ) else {
            continue;
        };
        if start <= at && at <= end {
            chosen = Some((segment, start));
            let settled = match bias {
                Bias::Backward => at > start || at == end,
                Bias::Forward => at < end,
            };
            if settled {
                break;
            }
        }
    }
    let Some((segment, start)) = chosen else {
        return Some((p.into(), 0));
    };
    let text = segment.first_child()?;
    if segment.has_attribute(SUBSTITUTE_ATTR) {
        let shown = text
            .text_content()
            .unwrap_or_default()
            .encode_utf16()
            .count() as u32;
        return Some((text, if at > start { shown } else { 0 }));
    }
    let from = index.char_to_utf16(start).ok()?;
    let to = index.char_to_utf16(at).ok()?;
    Some((text, (to.0 - from.0) as u32))
}

/// Where the caret stands at `at`, in viewport pixels: (x, top, height) of its line. It is
/// measured on the character after it (its leading edge), since a collapsed point has no
/// reliable box. An offset where a line wraps is both the end of one line and the start of
/// the next: `upstream` puts the caret at the end (after End), otherwise at the start.
fn caret_line(
    root: &Element,
    index: &TextIndex,
    at: CharOffset,
    upstream: bool,
) -> Option<(f64, f64, f64)> {
    let p = index.paragraphs()[index.paragraph_of(at)];
    let text = index.slice(p.start, p.end);
    let rtl = starts_right_to_left(text);
    let text_end = CharOffset(
        p.end.0
            - text
                .chars()
                .rev()
                .take_while(|c| matches!(c, '\n' | '\r'))
                .count(),
    );
    let (from, to, trailing) = if at > p.start && (upstream || at >= text_end) {
        (index.grapheme_floor(CharOffset(at.0 - 1)), at, true)
    } else if at < text_end {
        (at, index.grapheme_ceil(CharOffset(at.0 + 1)), false)
    } else {
        // An empty line: its paragraph's box.
        let selector = format!("p[{PARAGRAPH_START_ATTR}=\"{}\"]", p.start.0);
        let rect = root
            .query_selector(&selector)
            .ok()??
            .get_bounding_client_rect();
        let x = if rtl { rect.right() } else { rect.left() };
        return Some((x, rect.top(), rect.height().max(16.0)));
    };
    let (start_node, start_offset) = char_to_dom_point(root, index, from, Bias::Forward)?;
    let (end_node, end_offset) = char_to_dom_point(root, index, to, Bias::Backward)?;
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(&start_node, start_offset).ok()?;
    range.set_end(&end_node, end_offset).ok()?;
    let rects = range.get_client_rects()?;
    let rect = if trailing {
        rects.item(rects.length().checked_sub(1)?)?
    } else {
        rects.item(0)?
    };
    let x = if trailing != rtl {
        rect.right()
    } else {
        rect.left()
    };
    Some((x, rect.top(), rect.height()))
}

/// A length in CSS pixels as a style value ("12.5px"), written by the browser's own number
/// formatting (Rust's float formatting would add its code to the download for this alone).
pub fn css_px(value: f64) -> String {
    String::from(
        js_sys::Number::from(value)
            .to_string_with_radix(10)
            .unwrap_or_else(|_| "0".into()),
    ) + "px"
}

/// A caret's box (left, top, height in CSS pixels, relative to the article root) at a
/// code-point offset.
pub fn caret_box(
    root: &Element,
    index: &TextIndex,
    at: CharOffset,
    upstream: bool,
) -> Option<(f64, f64, f64)> {
    let (x, top, height) = caret_line(root, index, at, upstream)?;
    let origin = root.get_bounding_client_rect();
    Some((x - origin.left(), top - origin.top(), height))
}

/// The offset one line above or below `at`, found through layout: the text under a point
/// past the caret's line. `None` on the first or last line.
pub fn line_neighbour(
    root: &Element,
    index: &TextIndex,
    at: CharOffset,
    upstream: bool,
    down: bool,
) -> Option<CharOffset> {
    // Hit testing only sees what is on screen: bring the caret's line near the middle first
    // when it is close to an edge.
    let viewport = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let (_, top, _) = caret_line(root, index, at, upstream)?;
    if top < 80.0 || top > viewport - 80.0 {
        let scroll_by = top - viewport / 2.0;
        gloo::utils::window().scroll_by_with_x_and_y(0.0, scroll_by);
    }
    let (x, top, height) = caret_line(root, index, at, upstream)?;
    let bounds = root.get_bounding_client_rect();
    // Not `f64::clamp`: it panics when the box is under 2 px wide, and its panic message
    // brings the float formatting code into the download.
    let x = x.min(bounds.right() - 1.0).max(bounds.left() + 1.0);
    let document = gloo::utils::document();
    let step = height.max(8.0) / 2.0;
    let middle = top + height / 2.0;
    // Half-line steps from the middle of this line until the probe hits text on another
    // line (line boxes are taller than the text, and paragraph gaps taller still); hits
    // between lines land on elements and are passed over.
    for n in 2..=20 {
        let y = if down {
            middle + step * n as f64
        } else {
            middle - step * n as f64
        };
        let Some(hit) = document.caret_position_from_point(x as f32, y as f32) else {
            continue;
        };
        let Some(container) = hit
            .offset_node()
            .filter(|n| n.node_type() == Node::TEXT_NODE && root.contains(Some(n)))
        else {
            continue;
        };
        let Some(found) = dom_point_to_char(index, &container, hit.offset(), Bias::Backward) else {
            continue;
        };
        let found = index.grapheme_floor(found);
        let Some((_, found_top, _)) = caret_line(root, index, found, false) else {
            continue;
        };
        let moved = if down {
            found_top > top + step
        } else {
            found_top < top - step
        };
        if moved {
            return Some(found);
        }
    }
    None
}

/// The offset at the start of the first line of the article on screen.
pub fn first_visible_offset(root: &Element, index: &TextIndex) -> Option<CharOffset> {
    let rect = root.get_bounding_client_rect();
    let document = gloo::utils::document();
    let x = rect.left() as f32 + 1.0;
    let mut y = rect.top().max(0.0) + 4.0;
    let bottom = rect
        .bottom()
        .min(gloo::utils::window().inner_height().ok()?.as_f64()?);
    while y < bottom {
        if let Some(hit) = document.caret_position_from_point(x, y as f32) {
            if let Some(node) = hit.offset_node().filter(|n| root.contains(Some(n))) {
                if let Some(at) = dom_point_to_char(index, &node, hit.offset(), Bias::Backward) {
                    return Some(index.grapheme_floor(at));
                }
            }
        }
        y += 12.0;
    }
    None
}

/// The start (or end) of the visual line the caret is on, found through layout.
pub fn line_edge(
    root: &Element,
    index: &TextIndex,
    at: CharOffset,
    upstream: bool,
    end: bool,
) -> Option<CharOffset> {
    let (_, top, height) = caret_line(root, index, at, upstream)?;
    let p = index.paragraphs()[index.paragraph_of(at)];
    let rtl = starts_right_to_left(index.slice(p.start, p.end));
    let bounds = root.get_bounding_client_rect();
    let x = if end != rtl {
        bounds.right() - 1.0
    } else {
        bounds.left() + 1.0
    };
    let hit =
        gloo::utils::document().caret_position_from_point(x as f32, (top + height / 2.0) as f32)?;
    let container = hit
        .offset_node()
        .filter(|n| n.node_type() == Node::TEXT_NODE && root.contains(Some(n)))?;
    let mut found = index.grapheme_floor(dom_point_to_char(
        index,
        &container,
        hit.offset(),
        Bias::Backward,
    )?);
    // The space where a line wraps hangs at the end of the upper line: a line starts after it.
    if !end {
        while index
            .char_at(found)
            .is_some_and(|c| c.is_whitespace() && c != '\n')
        {
            found = CharOffset(found.0 + 1);
        }
    }
    // Stay in the caret's paragraph, short of its line break.
    let last = crate::model::caret::move_caret(index, at, crate::model::caret::Move::ParagraphEnd);
    Some(found.clamp(p.start, last))
}
