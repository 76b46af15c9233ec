pub mod article;
pub mod dialogs;
pub mod sidebar;
pub mod status;
pub mod toolbar;
