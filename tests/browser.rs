//! Browser tests (wasm-bindgen-test in headless Chromium): the article view renders, and DOM
//! Ranges over its text map back through the bridge to the model's code-point spans, with
//! overlapping highlights splitting the text into several nodes. Also the bridge's downloads
//! (gloo-file `Blob` and `ObjectUrl`) and the theme's system preference (`matchMedia`).
#![cfg(target_arch = "wasm32")]

use annotator::bridge::selection::{
    collapsed_selection_offset, dom_point_to_char, range_to_span, Bias,
};
use annotator::model::span::CharSpan;
use annotator::model::store::Store;
use annotator::model::Document;
use annotator::model::{default_document, CharOffset, Label};
use annotator::ui::components::article::ArticleView;
use annotator::ui::state::StoreHandle;
use annotator::ui::DocRef;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node, Range, Text};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct HostProps {
    doc: DocRef,
    store: StoreHandle,
    root: NodeRef,
    pending: Option<CharSpan>,
}

#[component]
fn Host(props: &HostProps) -> Html {
    html! {
        <article>
            <h1 id="outside-title">{ "Title outside the text" }</h1>
            <ArticleView doc={props.doc.clone()} store={props.store.clone()} selected={None::<AttrValue>}
                pending={props.pending} sticky={None::<Label>} on_action={Callback::noop()} root={props.root.clone()} />
        </article>
    }
}

mod support;
use support::span_of;

/// Renders the article into a fresh visible element (the harness's own output is hidden).
async fn render(doc: Rc<Document>, store: Store) -> (Element, Element) {
    render_pending(doc, store, None).await
}

/// [`render`], with text selected but not labelled yet (`pending`).
async fn render_pending(
    doc: Rc<Document>,
    store: Store,
    pending: Option<CharSpan>,
) -> (Element, Element) {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let root = NodeRef::default();
    yew::Renderer::<Host>::with_root_and_props(
        host.clone(),
        HostProps {
            doc: DocRef(doc),
            store: StoreHandle::new(store),
            root: root.clone(),
            pending,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let root = root.cast::<Element>().expect("article root rendered");
    (host, root)
}

fn text_nodes(node: &Node, out: &mut Vec<Text>) {
    if let Some(text) = node.dyn_ref::<Text>() {
        out.push(text.clone());
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        text_nodes(&children.item(i).unwrap(), out);
    }
}

/// Builds a Range over the first occurrence of `needle` in the rendered text, the way a
/// browser would: node + UTF-16 offset at each end, found through JS string search.
fn dom_range_over(root: &Element, needle: &str) -> Range {
    let mut nodes = Vec::new();
    text_nodes(root, &mut nodes);
    let joined = js_sys::JsString::from("");
    let mut starts = Vec::new();
    let mut total = 0u32;
    for node in &nodes {
        starts.push(total);
        let data = node.data();
        total += js_sys::JsString::from(data.as_str()).length();
    }
    let all: String = nodes.iter().map(|n| n.data()).collect();
    let all = joined.concat(&all.into());
    let at = all.index_of(needle, 0);
    assert!(at >= 0, "{needle} is rendered");
    let start = at as u32;
    let end = start + js_sys::JsString::from(needle).length();
    let locate = |pos: u32, is_end: bool| -> (Text, u32) {
        let i = starts
            .iter()
            .rposition(|&s| if is_end { s < pos } else { s <= pos })
            .unwrap();
        (nodes[i].clone(), pos - starts[i])
    };
    let range = gloo::utils::document().create_range().unwrap();
    let (node, offset) = locate(start, false);
    range.set_start(&node, offset).unwrap();
    let (node, offset) = locate(end, true);
    range.set_end(&node, offset).unwrap();
    range
}

#[wasm_bindgen_test]
async fn article_renders_and_a_range_over_sergey_lavrov_maps_to_its_code_points() {
    let doc = Rc::new(default_document());
    let (host, root) = render(doc.clone(), Store::new()).await;
    let paragraphs = root.query_selector_all("p").unwrap().length();
    assert_eq!(paragraphs as usize, doc.index.paragraphs().len());
    assert!(root
        .text_content()
        .unwrap()
        .starts_with("Relations between Russia and Armenia"));
    let range = dom_range_over(&root, "Sergey Lavrov");
    assert_eq!(
        range_to_span(&doc.index, &root, &range),
        Some(span_of(&doc, "Sergey Lavrov"))
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_collapsed_selection_in_the_text_is_where_the_caret_goes() {
    let doc = Rc::new(default_document());
    let (host, root) = render(doc.clone(), Store::new()).await;
    let selection = gloo::utils::window().get_selection().unwrap().unwrap();
    let range = dom_range_over(&root, "Sergey Lavrov");
    range.collapse_with_to_start(false);
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    assert_eq!(
        collapsed_selection_offset(&doc.index, &root),
        Some(span_of(&doc, "Sergey Lavrov").end)
    );
    // A selection with extent is the mouse selection's business, not the caret's.
    selection.remove_all_ranges().unwrap();
    selection
        .add_range(&dom_range_over(&root, "Sergey Lavrov"))
        .unwrap();
    assert_eq!(collapsed_selection_offset(&doc.index, &root), None);
    // A click outside the text leaves the caret alone.
    let title = gloo::utils::document()
        .get_element_by_id("outside-title")
        .unwrap();
    selection.collapse_with_offset(Some(&title), 0).unwrap();
    assert_eq!(collapsed_selection_offset(&doc.index, &root), None);
    selection.remove_all_ranges().unwrap();
    host.remove();
}

#[wasm_bindgen_test]
async fn ranges_map_back_with_overlapping_highlights_and_emoji_before_them() {
    let text = "Flags 🇦🇲🇷🇺 and 👨🏻‍🚒 first.\n“Quoted” Foreign Minister Sergey Lavrov said Հայաստան’s ties hold.";
    let doc = Rc::new(Document::new("t", "Test", None, text));
    let mut store = Store::new();
    let claim = span_of(
        &doc,
        "Foreign Minister Sergey Lavrov said Հայաստան’s ties hold",
    );
    store
        .add(&doc.index, "c".into(), Label::Claim, claim, "t")
        .unwrap();
    store
        .add(
            &doc.index,
            "a".into(),
            Label::Actor,
            span_of(&doc, "Lavrov said"),
            "t",
        )
        .unwrap();
    store
        .add(
            &doc.index,
            "d".into(),
            Label::Date,
            span_of(&doc, "Հայաստան"),
            "t",
        )
        .unwrap();
    let (host, root) = render(doc.clone(), store).await;
    // The highlights split the text into several segments.
    assert!(root.query_selector_all("[data-ids]").unwrap().length() >= 4);
    for needle in [
        "Sergey Lavrov",
        "Minister Sergey",
        "Lavrov said Հայաստան’s",
        "👨🏻‍🚒 first",
        "first.\n“Quoted",
    ] {
        let needle_dom = needle.replace('\n', "");
        let range = dom_range_over(&root, &needle_dom);
        let got = range_to_span(&doc.index, &root, &range).expect("maps");
        let expected = span_of(&doc, needle);
        // A range across the line break starts and ends at the same characters; the break
        // itself is not rendered text but lies inside the span.
        assert_eq!(got, expected, "{needle}");
    }
    host.remove();
}

/// The classes of the segment that starts at code point `at`.
fn classes_at(root: &Element, at: usize) -> String {
    root.query_selector(&format!("span[data-s=\"{at}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("a segment starts at {at}"))
        .class_name()
}

#[wasm_bindgen_test]
async fn a_highlight_has_its_corners_at_its_own_ends_not_at_the_pending_selections() {
    let text = "Foreign Minister Sergey Lavrov said the ties hold.";
    let doc = Rc::new(Document::new("t", "Test", None, text));
    let mut store = Store::new();
    let claim = span_of(&doc, "Sergey Lavrov said the ties");
    store
        .add(&doc.index, "c".into(), Label::Claim, claim, "t")
        .unwrap();
    let lavrov = span_of(&doc, "Lavrov");
    let (host, root) = render_pending(doc.clone(), store, Some(lavrov)).await;
    let has = |classes: &str, class: &str| classes.split(' ').any(|c| c == class);
    let first = classes_at(&root, claim.start.0);
    assert!(has(&first, "starts") && !has(&first, "ends"), "{first}");
    let inside = classes_at(&root, lavrov.start.0);
    assert!(has(&inside, "is-pending"), "{inside}");
    assert!(!has(&inside, "starts") && !has(&inside, "ends"), "{inside}");
    let last = classes_at(&root, lavrov.end.0);
    assert!(has(&last, "ends") && !has(&last, "starts"), "{last}");
    assert!(!has(&last, "is-pending"), "{last}");
    host.remove();
}

#[wasm_bindgen_test]
async fn points_inside_an_emoji_round_outward_and_outside_points_are_clipped() {
    let text = "Flag 🇦🇲 here and there.";
    let doc = Rc::new(Document::new("t", "Test", None, text));
    let (host, root) = render(doc.clone(), Store::new()).await;
    let mut nodes = Vec::new();
    text_nodes(&root, &mut nodes);
    let node = &nodes[0];
    // UTF-16 offset 6 is between the surrogate halves of 🇦 (which starts at 5).
    assert_eq!(
        dom_point_to_char(&doc.index, node, 6, Bias::Backward),
        Some(CharOffset(5))
    );
    assert_eq!(
        dom_point_to_char(&doc.index, node, 6, Bias::Forward),
        Some(CharOffset(6))
    );
    // A range that starts in the title outside the text is clipped to the text start.
    let title = gloo::utils::document()
        .get_element_by_id("outside-title")
        .unwrap();
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(&title, 0).unwrap();
    range.set_end(node, 4).unwrap();
    assert_eq!(
        range_to_span(&doc.index, &root, &range),
        Some(CharSpan::at(0, 4))
    );
    // An element point on the paragraph (child index) maps through the segment marks.
    let paragraph = root.query_selector("p").unwrap().unwrap();
    assert_eq!(
        dom_point_to_char(&doc.index, &paragraph, 1, Bias::Forward),
        Some(CharOffset(doc.index.len_chars()))
    );
    // A range wholly outside the text is ignored.
    range.set_end(&title, 1).unwrap();
    assert_eq!(range_to_span(&doc.index, &root, &range), None);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_download_blob_holds_the_exact_bytes_and_type() {
    use annotator::bridge::files;
    let text = "Sergey Lavrov — “quoted”, 🇦🇲 e\u{301}";
    let blob = files::blob("application/json", text.as_bytes());
    assert_eq!(blob.raw_mime_type(), "application/json");
    assert_eq!(blob.size(), text.len() as u64);
    let back = gloo::file::futures::read_as_bytes(&blob).await.unwrap();
    assert_eq!(back, text.as_bytes());
    // Bytes that are not UTF-8 (a zip) stay as they are.
    let zip = [0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80];
    let blob = files::blob("application/zip", &zip);
    let back = gloo::file::futures::read_as_bytes(&blob).await.unwrap();
    assert_eq!(back, zip);
}

#[wasm_bindgen_test]
fn a_download_clicks_a_hidden_link_to_an_object_url_and_removes_it() {
    use annotator::bridge::files;
    use std::cell::RefCell;
    use web_sys::HtmlAnchorElement;
    /// What a click saw: the link's `download` name, its `href`, hidden, in the page.
    type Click = (String, String, bool, bool);
    let body = gloo::utils::body();
    let clicked: Rc<RefCell<Vec<Click>>> = Rc::default();
    let listener = {
        let clicked = clicked.clone();
        gloo::events::EventListener::new(&body, "click", move |event| {
            if let Some(anchor) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlAnchorElement>().ok())
            {
                clicked.borrow_mut().push((
                    anchor.download(),
                    anchor.href(),
                    anchor.hidden(),
                    anchor.is_connected(),
                ));
            }
            // The test only looks: no file is saved.
            event.prevent_default();
        })
    };
    files::download("doc.annotations.json", "application/json", "{}").unwrap();
    files::download_bytes("doc.brat.zip", "application/zip", &[0x50, 0x4b]).unwrap();
    drop(listener);
    let clicked = clicked.borrow();
    assert_eq!(clicked.len(), 2, "one click per download");
    for ((name, href, hidden, connected), expected) in
        clicked.iter().zip(["doc.annotations.json", "doc.brat.zip"])
    {
        assert_eq!(name, expected);
        assert!(href.starts_with("blob:"), "an object URL, not {href}");
        assert!(
            *hidden && *connected,
            "a hidden link in the page when clicked"
        );
    }
    assert_ne!(clicked[0].1, clicked[1].1, "each download has its own URL");
    assert!(
        body.query_selector("a[download]").unwrap().is_none(),
        "the link is removed after the click"
    );
}

#[wasm_bindgen_test]
fn the_system_theme_comes_from_match_media_and_a_saved_choice_wins() {
    use annotator::bridge::theme::{self, Theme};
    let query = gloo::utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .unwrap()
        .expect("Chromium answers matchMedia");
    let expected = if query.matches() {
        Theme::Dark
    } else {
        Theme::Light
    };
    assert_eq!(theme::system(), expected);
    assert!(
        theme::on_system_change(|| {}).is_some(),
        "the listener attaches to the media query"
    );
    theme::save(Some(expected.other()));
    assert_eq!(theme::effective(), expected.other());
    theme::save(None);
    assert_eq!(theme::effective(), expected);
}

#[wasm_bindgen_test]
fn the_browsers_lower_case_gives_the_model_the_same_answers_as_rust() {
    use annotator::model::annotation::entity_id;
    use annotator::model::case::{is_full, lowercase, lowercase_each};
    annotator::bridge::case::install();
    assert!(is_full(), "the browser's mapping is installed");
    // The values Rust's `str::to_lowercase` / `char::to_lowercase` give natively
    // (tests/model/case.rs checks them against Rust there).
    assert_eq!(lowercase("ÉCOLE Ünal"), "école ünal");
    assert_eq!(lowercase("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
    assert_eq!(lowercase("İstanbul"), "i\u{307}stanbul");
    assert_eq!(lowercase("Кремль"), "кремль");
    assert_eq!(lowercase_each("ΟΔΥΣΣΕΥΣ"), "οδυσσευσ");
    assert_eq!(entity_id("ΟΔΥΣΣΕΥΣ Ünal"), "οδυσσευσ-ünal");
    assert_eq!(entity_id("Dmitry PESKOV"), "dmitry-peskov");
}
