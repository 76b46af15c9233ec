pub mod action_bar;
pub mod add_document;
pub mod agreement;
pub mod annotator_name;
pub mod article;
pub mod claims;
pub mod claims_table;
pub mod collection;
pub mod date_value;
pub mod dialogs;
pub mod documents;
pub mod entities;
pub mod help;
pub mod layers;
pub mod lazy_view;
mod library_load;
pub mod panel_keys;
pub mod sidebar;
pub mod status;
pub mod suggestions;
pub mod sync;
pub mod toolbar;
pub mod virtual_rows;

use crate::bridge::lazy_views::ViewEvent;
use crate::model::Annotations;
use crate::ui::DocRef;
use std::rc::Rc;
use yew::{Callback, NodeRef, Properties};

/// What a view of the open document loaded on first use is given (the agreement view, the
/// suggestions and layers panels, the name question): the document, its annotations as the
/// page had them when the view opened, and where the view's outcomes go.
#[derive(Properties, PartialEq)]
pub struct OpenDocumentProps {
    pub doc: DocRef,
    pub content: Rc<Annotations>,
    pub on_event: Callback<ViewEvent>,
}

/// A click handler that opens the file picker of the hidden file input behind `input`.
pub(crate) fn picker_opener<E>(input: &NodeRef) -> Callback<E> {
    let input = input.clone();
    Callback::from(move |_| {
        if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
            crate::bridge::files::open_picker(&input);
        }
    })
}
