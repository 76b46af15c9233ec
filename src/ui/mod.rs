//! The Yew interface: one root reducer (`state`), the pure key map (`keys`), the root
//! component (`app`, layout only) with its jobs as hooks (`hooks`), and components that take
//! props and callbacks.

pub mod app;
pub mod components;
pub(crate) mod hooks;
pub mod keys;
pub mod lazy_views;
pub mod root;
pub mod state;

use crate::model::Document;
use std::rc::Rc;

/// The open document, compared by identity: comparing a 1 MB text on every render would cost
/// more than the render.
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Document>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the database holds for the open document, shared by the hooks that save and listen.
/// Compared by identity, like [`DocRef`].
#[derive(Clone, Debug, Default)]
pub struct StoredRef(pub Rc<std::cell::RefCell<crate::model::records::Stored>>);

impl PartialEq for StoredRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
