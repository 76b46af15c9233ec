//! Light or dark: the saved choice (localStorage), the system's preference
//! (`prefers-color-scheme`), and the `data-theme` attribute on `<html>` that the stylesheet
//! reads. No saved choice means the page follows the system.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{MediaQueryList, Storage};

/// Where the choice is kept: `light` or `dark`; absent means "follow the system".
pub const THEME_KEY: &str = "text-annotator:theme";

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(value: &str) -> Option<Theme> {
        match value.trim() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved choice, if any (an unknown value counts as none).
pub fn saved() -> Option<Theme> {
    local_storage()?
        .get_item(THEME_KEY)
        .ok()?
        .as_deref()
        .and_then(Theme::parse)
}

/// Saves the choice (`None` forgets it, so the page follows the system again). Failing to
/// save only means the choice is not remembered, so the error is dropped.
pub fn save(theme: Option<Theme>) {
    if let Some(storage) = local_storage() {
        let _ = match theme {
            Some(theme) => storage.set_item(THEME_KEY, theme.as_str()),
            None => storage.remove_item(THEME_KEY),
        };
    }
}

/// Sets `data-theme` on `<html>`, or removes it so the stylesheet follows the system.
pub fn apply(theme: Option<Theme>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme.as_str()),
        None => root.remove_attribute("data-theme"),
    };
}

/// Applies the saved choice; called once at start-up, before the first render.
pub fn apply_saved() {
    apply(saved());
}

/// The `MediaQueryList` for a dark system preference; its `change` event reports a switch.
fn dark_query() -> Option<MediaQueryList> {
    web_sys::window()?.match_media(DARK_QUERY).ok()?
}

/// What the system asks for (light when it cannot tell).
pub fn system() -> Theme {
    if dark_query().is_some_and(|query| query.matches()) {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// The theme on screen: the saved choice, or else the system's.
pub fn effective() -> Theme {
    saved().unwrap_or_else(system)
}

/// Calls `on_change` when the system preference changes; dropping the listener stops it.
pub fn on_system_change(mut on_change: impl FnMut() + 'static) -> Option<EventListener> {
    let query = dark_query()?;
    Some(EventListener::new(&query, "change", move |_| on_change()))
}

/// Calls `on_change` when another tab saves or forgets a choice.
pub fn on_other_tab_change(mut on_change: impl FnMut() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let key = event
            .dyn_ref::<web_sys::StorageEvent>()
            .and_then(|e| e.key());
        // A null key means the whole storage was cleared.
        if key.as_deref().is_none_or(|k| k == THEME_KEY) {
            on_change();
        }
    }))
}
