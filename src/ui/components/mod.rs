pub mod article;
pub mod dialogs;
pub mod documents;
pub mod sidebar;
pub mod status;
pub mod toolbar;
