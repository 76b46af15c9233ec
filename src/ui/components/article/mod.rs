//! The article: paragraphs of flat segments, each listing the annotations that cover it.

use crate::bridge::{clock, selection, visibility};
use crate::model::annotation::Label;
use crate::model::segment::segments;
use crate::model::span::{snap, CharSpan, SnapMode};
use crate::model::text::{split_hidden_controls, starts_right_to_left, Run};
use crate::model::CharOffset;
use crate::ui::state::{Action, StoreHandle};
use crate::ui::DocRef;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Paragraphs are grouped into chunks of this many. The browser lays out and the diff visits
/// a few hundred chunks instead of thousands of paragraphs, and an unchanged chunk is skipped
/// whole, which keeps a label keypress on a 1 MB article within a frame. A chunk is also what
/// the browser lays out when it comes on screen (`content-visibility`), so a jump far into
/// the text (a label key on a word elsewhere) lays out one chunk: at 16 paragraphs, about a
/// screen or two of text; at 64 it was some ten screens, 13 ms of style and layout a jump on
/// the benchmark (docs/performance.md, "Key to paint").
pub const PARAGRAPHS_PER_CHUNK: usize = 16;
/// How far outside the viewport a chunk starts showing its highlights.
const HYDRATE_MARGIN_PX: u32 = 1500;

mod grouping;

use grouping::spans_by_paragraph;
pub use grouping::SpanView;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub doc: DocRef,
    pub store: StoreHandle,
    pub selected: Option<AttrValue>,
    pub pending: Option<CharSpan>,
    pub sticky: Option<Label>,
    pub on_action: Callback<Action>,
    pub root: NodeRef,
    /// Annotations linked to the selected claim, shown as such.
    #[prop_or_default]
    pub linked: Rc<Vec<(AttrValue, CharSpan)>>,
    /// The keyboard caret, drawn while the text has the focus.
    #[prop_or_default]
    pub caret: Option<CharOffset>,
    /// The caret stands at the end of a wrapped line rather than the start of the next.
    #[prop_or_default]
    pub caret_upstream: bool,
}

#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    // The lists last grouped, with the store and document they were grouped from.
    let cache = use_mut_ref(|| None::<(StoreHandle, DocRef, Vec<Rc<[SpanView]>>)>);
    let by_paragraph = {
        let doc = props.doc.clone();
        use_memo(props.store.clone(), move |store| {
            let mut cache = cache.borrow_mut();
            let current = store.borrow();
            let (previous, since) = match cache.as_ref() {
                Some((old, old_doc, lists)) if old.same_store(store) && *old_doc == doc => {
                    (lists.as_slice(), current.touched_since(old.revision()))
                }
                Some((_, _, lists)) => (lists.as_slice(), None),
                None => (&[][..], None),
            };
            let fresh = spans_by_paragraph(&doc.0.index, &current, previous, since.as_deref());
            *cache = Some((store.clone(), doc, fresh.clone()));
            fresh
        })
    };

    let onmouseup = {
        let doc = props.doc.clone();
        let root = props.root.clone();
        let on_action = props.on_action.clone();
        let sticky = props.sticky;
        let store = props.store.clone();
        Callback::from(move |event: MouseEvent| {
            if event.button() != 0 {
                return;
            }
            let Some(root_el) = root.cast::<Element>() else {
                return;
            };
            let index = &doc.0.index;
            let mode = if event.alt_key() {
                SnapMode::Exact
            } else {
                SnapMode::Words
            };
            if let Some(raw) = selection::current_selection_span(index, &root_el) {
                let snapped = snap(index, raw, mode);
                selection::clear_selection();
                // Pending first in both cases, so the caret follows the mouse's selection.
                on_action.emit(Action::SetPending(snapped));
                if let (Some(span), Some(label)) = (snapped, sticky) {
                    on_action.emit(Action::AddSpan {
                        label,
                        span,
                        id: clock::fresh_id(),
                        now: clock::now_rfc3339(),
                    });
                }
                return;
            }
            // A plain click: the caret goes where the click landed, and the annotations
            // under the pointer are picked.
            let at = selection::collapsed_selection_offset(index, &root_el);
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let ids: Vec<AttrValue> = selection::segment_start_of(&target)
                .map(|at| {
                    store
                        .borrow()
                        .covering(at)
                        .into_iter()
                        .map(|a| AttrValue::from(a.id.clone()))
                        .collect()
                })
                .unwrap_or_default();
            on_action.emit(Action::ClickAt {
                ids,
                at,
                x: event.client_x(),
                y: event.client_y(),
            });
        })
    };

    // The caret is drawn over the text, never in it, so it cannot shift an offset. It is
    // measured in the next frame's animation callbacks: measured here, its layout was forced
    // in the key's own task, which then often missed the frame (issue 14). Only the latest
    // request of a frame measures.
    let caret_node = use_node_ref();
    let caret_generation = use_mut_ref(|| 0_u64);
    {
        let caret_node = caret_node.clone();
        let root = props.root.clone();
        let doc = props.doc.clone();
        let revision = props.store.borrow().revision();
        use_effect_with(
            (props.caret, props.caret_upstream, revision, props.pending),
            move |(caret, upstream, _, _)| {
                let generation = {
                    let mut latest = caret_generation.borrow_mut();
                    *latest += 1;
                    *latest
                };
                let (caret, upstream) = (*caret, *upstream);
                visibility::before_next_paint(move || {
                    if *caret_generation.borrow() != generation {
                        return;
                    }
                    if let (Some(at), Some(root), Some(mark)) = (
                        caret,
                        root.cast::<Element>(),
                        caret_node.cast::<web_sys::HtmlElement>(),
                    ) {
                        if let Some((left, top, height)) =
                            selection::caret_box(&root, &doc.0.index, at, upstream)
                        {
                            let style = mark.style();
                            let _ = style.set_property("left", &selection::css_px(left));
                            let _ = style.set_property("top", &selection::css_px(top));
                            let _ = style.set_property("height", &selection::css_px(height));
                            let _ = mark.remove_attribute("hidden");
                            let options = web_sys::ScrollIntoViewOptions::new();
                            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                            mark.scroll_into_view_with_scroll_into_view_options(&options);
                        }
                    }
                });
            },
        );
    }
    let onfocus = {
        let on_action = props.on_action.clone();
        let root = props.root.clone();
        let doc = props.doc.clone();
        let caret = props.caret;
        Callback::from(move |_: FocusEvent| {
            if caret.is_none() {
                // Start where the reader is looking: the first line on screen.
                let at = root
                    .cast::<Element>()
                    .and_then(|root| selection::first_visible_offset(&root, &doc.0.index))
                    .unwrap_or(CharOffset(0));
                on_action.emit(Action::MoveCaret {
                    to: at,
                    extend: false,
                    upstream: false,
                });
            }
        })
    };

    let paragraph_count = props.doc.0.index.paragraphs().len();
    let selected = props
        .selected
        .as_ref()
        .and_then(|id| props.store.borrow().get(id).map(|a| (id.clone(), a.span)));
    html! {
        <>
        // Outside the text, so that no selection can start in it.
        <span id="caret-help" class="visually-hidden">{ "Arrow keys move the caret, Control+arrows by word, Home and End to the line's ends; Shift extends a selection; 1, 2 or 3 labels it actor, claim or date. Tab and Shift+Tab move between annotations; Enter selects the annotation at the caret." }</span>
        <div class="doc-text" ref={props.root.clone()} {onmouseup} {onfocus} tabindex="0" role="document"
            aria-label="Article text" aria-describedby="caret-help"
            data-caret={props.caret.map(|c| c.0.to_string())}>
            <span class="kbd-caret" ref={caret_node} hidden=true aria-hidden="true"></span>
            { for (0..paragraph_count).step_by(PARAGRAPHS_PER_CHUNK).map(|first| {
                let last = (first + PARAGRAPHS_PER_CHUNK).min(paragraph_count);
                let range = chunk_range(&props.doc, first, last);
                let touches = |span: &CharSpan| span.overlaps(&range) || (span.start == range.end && range.is_empty());
                html! {
                    <ChunkView
                        key={first}
                        doc={props.doc.clone()}
                        {first}
                        spans={Rc::<[Rc<[SpanView]>]>::from(&by_paragraph[first..last])}
                        selected={selected.clone().filter(|(_, s)| touches(s))}
                        pending={props.pending.filter(|s| touches(s))}
                        linked={props.linked.iter().filter(|(_, s)| touches(s)).cloned().collect::<Vec<_>>()}
                    />
                }
            }) }
        </div>
        </>
    }
}

/// The text range covered by paragraphs `first..last`.
fn chunk_range(doc: &DocRef, first: usize, last: usize) -> CharSpan {
    let paragraphs = doc.0.index.paragraphs();
    CharSpan {
        start: paragraphs[first].start,
        end: paragraphs[last - 1].end,
    }
}

#[derive(Properties, PartialEq)]
struct ChunkProps {
    doc: DocRef,
    first: usize,
    spans: Rc<[Rc<[SpanView]>]>,
    selected: Option<(AttrValue, CharSpan)>,
    pending: Option<CharSpan>,
    linked: Vec<(AttrValue, CharSpan)>,
}

#[component]
fn ChunkView(props: &ChunkProps) -> Html {
    // Highlights are built when the chunk comes near the viewport (or holds the selection);
    // until then its paragraphs are plain text, which keeps the first render of a long
    // document fast while find-in-page and selection still see all of the text.
    let near = use_state(|| props.first < 2 * PARAGRAPHS_PER_CHUNK);
    let node = use_node_ref();
    {
        let near = near.clone();
        let node = node.clone();
        use_effect_with(*near, move |&already| {
            let watch = (!already)
                .then(|| node.cast::<Element>())
                .flatten()
                .and_then(|element| {
                    let near_setter = near.clone();
                    let watch = visibility::when_near(&element, HYDRATE_MARGIN_PX, move || {
                        near_setter.set(true)
                    });
                    if watch.is_none() {
                        near.set(true);
                    }
                    watch
                });
            move || drop(watch)
        });
    }
    let hydrated =
        *near || props.selected.is_some() || props.pending.is_some() || !props.linked.is_empty();
    let paragraphs = props.doc.0.index.paragraphs();
    let no_spans: Rc<[SpanView]> = Rc::from(Vec::new());
    html! {
        <div class="chunk" ref={node}>
            { for props.spans.iter().enumerate().map(|(offset, spans)| {
                let spans = if hydrated { spans } else { &no_spans };
                let number = props.first + offset;
                let p = paragraphs[number];
                let range = CharSpan { start: p.start, end: p.end };
                let touches = |span: &CharSpan| {
                    span.overlaps(&range) || (range.is_empty() && span.contains(p.start))
                };
                let selected = props
                    .selected
                    .as_ref()
                    .filter(|(_, s)| touches(s))
                    .map(|(id, _)| id.clone());
                let pending = props.pending.filter(|s| s.overlaps(&range));
                let linked: Vec<AttrValue> = props
                    .linked
                    .iter()
                    .filter(|(_, s)| touches(s))
                    .map(|(id, _)| id.clone())
                    .collect();
                html! {
                    <ParagraphView
                        key={number}
                        doc={props.doc.clone()}
                        {number}
                        spans={spans.clone()}
                        {selected}
                        {pending}
                        {linked}
                    />
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    pub doc: DocRef,
    pub number: usize,
    pub spans: Rc<[SpanView]>,
    pub selected: Option<AttrValue>,
    pub pending: Option<CharSpan>,
    #[prop_or_default]
    pub linked: Vec<AttrValue>,
}

/// How many of the annotations covering a piece of text it draws (bars, tooltip lines): the
/// innermost ones. More bars would not be told apart, and a text stacked thousands deep must
/// not cost thousands of bars for each of its pieces.
const DRAWN_DEPTH: usize = 8;

/// The bar drawn under a segment for one covering annotation at a nesting depth. Patterns
/// differ per label (solid, thick, dashed) so colour is never the only cue.
fn depth_bar(label: Label, depth: usize) -> String {
    let offset = depth * 4;
    match label {
        Label::Actor => format!(
            "linear-gradient(var(--actor-line),var(--actor-line)) 0 calc(100% - {offset}px)/100% 2px no-repeat"
        ),
        Label::Claim => format!(
            "linear-gradient(var(--claim-line),var(--claim-line)) 0 calc(100% - {offset}px)/100% 3px no-repeat"
        ),
        Label::Date => format!(
            "repeating-linear-gradient(90deg,var(--date-line) 0 5px,transparent 5px 8px) 0 calc(100% - {offset}px)/100% 2px no-repeat"
        ),
    }
}

#[component]
pub fn ParagraphView(props: &ParagraphProps) -> Html {
    let index = &props.doc.0.index;
    let p = index.paragraphs()[props.number];
    let range = CharSpan {
        start: p.start,
        end: p.end,
    };
    let mut all: Vec<CharSpan> = props.spans.iter().map(|s| s.span).collect();
    let pending_at = all.len();
    if let Some(pending) = props.pending {
        all.push(pending);
    }
    // One more than drawn, for the pending selection that may take a place in the list.
    let pieces = segments(range, &all, DRAWN_DEPTH + 1);
    // Selected, pending and linked are told by their spans, not by the segments' lists, which
    // hold only the innermost few.
    let within = |outer: CharSpan, seg: CharSpan| outer.start <= seg.start && seg.end <= outer.end;
    let selected = props
        .selected
        .as_ref()
        .and_then(|id| props.spans.iter().find(|v| &v.id == id))
        .map(|v| v.span);
    let linked: Vec<&SpanView> = props
        .spans
        .iter()
        .filter(|v| props.linked.contains(&v.id))
        .collect();
    // The segments count the pending selection's edges too: where it starts or ends inside a
    // highlight and no annotation does, that highlight has no corner.
    let lone_start = props
        .pending
        .map(|p| p.start)
        .filter(|&at| props.spans.iter().all(|v| v.span.start != at));
    let lone_end = props
        .pending
        .map(|p| p.end)
        .filter(|&at| props.spans.iter().all(|v| v.span.end != at));
    html! {
        // An Arabic or Hebrew paragraph reads right to left; offsets are unaffected.
        <p dir={starts_right_to_left(index.slice(p.start, p.end)).then_some("rtl")}
            data-start={p.start.0.to_string()} data-end={p.end.0.to_string()}>
            { for pieces.iter().map(|seg| {
                let text = index.slice(seg.span.start, seg.span.end).to_owned();
                let s = seg.span.start.to_string();
                let e = seg.span.end.to_string();
                // Hidden controls (a bidi override, a zero-width space) are shown as marks in
                // their own spans; the segment's marks then move to those inner spans.
                let runs = split_hidden_controls(&text, seg.span.start.0);
                let plain = runs.iter().all(|r| r.control.is_none());
                let (content, mark_s, mark_e) = if plain {
                    (html! { { text } }, Some(s.clone()), Some(e.clone()))
                } else {
                    (html! { { for runs.iter().map(|r| run_view(index, r)) } }, None, None)
                };
                if seg.depth == 0 {
                    return html! { <span key={s.clone()} data-s={mark_s} data-e={mark_e}>{ content }</span> };
                }
                let is_pending = props.pending.is_some_and(|p| within(p, seg.span));
                let mut covering: Vec<&SpanView> = seg
                    .covering
                    .iter()
                    .filter(|&&i| i != pending_at)
                    .map(|&i| &props.spans[i])
                    .collect();
                let depth = seg.depth - usize::from(is_pending);
                let hidden = depth - covering.len().min(DRAWN_DEPTH);
                covering.drain(..covering.len().saturating_sub(DRAWN_DEPTH));
                let mut class = classes!("seg");
                if is_pending {
                    class.push("is-pending");
                }
                let mut style = String::new();
                let mut title = Vec::new();
                if let Some(inner) = covering.last() {
                    class.push("hl");
                    class.push(format!("tint-{}", inner.label));
                    if selected.is_some_and(|span| within(span, seg.span)) {
                        class.push("is-selected");
                    }
                    // The innermost linked span here: the shortest.
                    let innermost_linked = linked
                        .iter()
                        .filter(|v| within(v.span, seg.span))
                        .min_by_key(|v| v.span.len());
                    if let Some(v) = innermost_linked {
                        class.push("is-linked");
                        class.push(format!("linked-{}", v.label));
                    }
                    if seg.starts && lone_start != Some(seg.span.start) {
                        class.push("starts");
                    }
                    if seg.ends && lone_end != Some(seg.span.end) {
                        class.push("ends");
                    }
                    let bars: Vec<String> = covering
                        .iter()
                        .rev()
                        .enumerate()
                        .map(|(depth, v)| depth_bar(v.label, depth))
                        .collect();
                    style = format!(
                        "background:{};padding-bottom:{}px",
                        bars.join(","),
                        covering.len() * 4
                    );
                    for v in &covering {
                        let quote = index.slice(v.span.start, v.span.end);
                        let mut line = format!("{}: {}", v.label, crate::model::text::shorten(quote, 60));
                        if v.has_note {
                            line.push_str(" ✎");
                        }
                        title.push(line);
                    }
                    if hidden > 0 {
                        title.push(format!("and {hidden} longer ones around it"));
                    }
                }
                let ids: Vec<&str> = covering.iter().map(|v| v.id.as_str()).collect();
                html! {
                    <span
                        key={s.clone()}
                        class={class}
                        style={(!style.is_empty()).then_some(style)}
                        title={(!title.is_empty()).then(|| title.join("\n"))}
                        data-ids={(!ids.is_empty()).then(|| ids.join(" "))}
                        aria-description={(!title.is_empty()).then(|| title.join("; "))}
                        data-s={mark_s}
                        data-e={mark_e}
                    >{ content }</span>
                }
            }) }
        </p>
    }
}

/// One run of a segment that holds hidden controls: ordinary text, or a control shown by its
/// name and not applied (`data-sub`: its text is a stand-in, see `bridge::selection`).
fn run_view(index: &crate::model::TextIndex, run: &Run) -> Html {
    let (s, e) = (run.start.to_string(), run.end.to_string());
    match run.control {
        None => html! {
            <span data-s={s} data-e={e}>{ index.slice(CharOffset(run.start), CharOffset(run.end)).to_owned() }</span>
        },
        Some(name) => html! {
            <span class="ctrl" data-s={s} data-e={e} data-sub="" dir="ltr"
                title={format!("{name}: an invisible control character in the text, shown here and not applied")}>
                { name }
            </span>
        },
    }
}
