//! Scroll the selected annotation into view when the list asks for it.

use crate::bridge::selection;
use web_sys::Element;
use yew::prelude::*;

#[hook]
pub(crate) fn use_reveal(article_root: &NodeRef, selected: Option<AttrValue>, reveal: u64) {
    let root = article_root.clone();
    use_effect_with(reveal, move |_| {
        if let (Some(root), Some(id)) = (root.cast::<Element>(), selected) {
            selection::scroll_to_annotation(&root, &id);
        }
    });
}
