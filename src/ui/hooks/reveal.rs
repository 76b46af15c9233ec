//! Scroll the selected annotation into view when the list asks for it.

use crate::bridge::selection;
use crate::model::document::Document;
use crate::ui::state::StoreHandle;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[hook]
pub(crate) fn use_reveal(
    article_root: &NodeRef,
    doc: Rc<Document>,
    store: StoreHandle,
    selected: Option<AttrValue>,
    reveal: u64,
) {
    let root = article_root.clone();
    use_effect_with(reveal, move |_| {
        // Looked up only when asked: finding an annotation by id walks the list.
        let start = selected.and_then(|id| store.borrow().get(&id).map(|a| a.span.start));
        if let (Some(root), Some(at)) = (root.cast::<Element>(), start) {
            selection::scroll_to_offset(&root, &doc.index, at);
        }
    });
}
