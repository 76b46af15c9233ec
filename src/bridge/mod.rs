//! The only code that touches the browser: DOM selection, storage, files, clipboard, clock,
//! and the import worker.

pub mod case;
pub mod clock;
pub mod collection;
pub mod curation;
pub mod db;
pub mod files;
pub mod formats_worker;
pub mod lazy_views;
pub(crate) mod legacy;
pub mod offline;
pub mod page;
pub mod selection;
pub mod settings;
pub mod storage;
pub mod suggestions;
pub mod sync;
pub mod theme;
pub mod visibility;
