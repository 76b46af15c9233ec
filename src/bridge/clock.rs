//! Time and fresh ids, which the model takes as arguments instead of reading them itself.

/// The current time as an RFC 3339 string in UTC with milliseconds.
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// A random annotation id such as `a-3f9c2e71b04d`: 48 random bits, so ids made in two tabs
/// or two browsers do not collide in practice.
pub fn fresh_id() -> String {
    let mut bytes = [0u8; 6];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        let mut x = (js_sys::Math::random() * 2f64.powi(48)) as u64;
        for b in bytes.iter_mut() {
            *b = x as u8;
            x >>= 8;
        }
    }
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("a-{hex}")
}

/// Records a named moment on the page's performance timeline (read by the benchmark).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
