//! The only code that touches the browser: DOM selection, storage, files, clipboard, clock.

pub mod clock;
pub mod collection;
pub mod db;
pub mod files;
pub(crate) mod legacy;
pub mod offline;
pub mod page;
pub mod selection;
pub mod settings;
pub mod storage;
pub mod theme;
pub mod visibility;
