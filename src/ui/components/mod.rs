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
pub mod sidebar;
pub mod status;
pub mod suggestions;
pub mod toolbar;
pub mod virtual_rows;

use yew::{Callback, NodeRef};

/// A click handler that opens the file picker of the hidden file input behind `input`.
pub(crate) fn picker_opener<E>(input: &NodeRef) -> Callback<E> {
    let input = input.clone();
    Callback::from(move |_| {
        if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
            crate::bridge::files::open_picker(&input);
        }
    })
}
