//! Reading fields of JSON records the same way in every JSON-based format (JSONL, W3C), with
//! the same words when a field has the wrong type.

use serde_json::Value;

/// What a value is, in words for messages: "a number", "a list".
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// An optional string field: absent or null is `None`, anything but a string is an error.
pub(super) fn string(value: Option<&Value>, name: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("\"{name}\" must be a string, not {}", kind(other))),
    }
}

/// An optional offset field: absent or null is `None`, anything but a whole number ≥ 0 is
/// an error.
pub(super) fn offset(value: Option<&Value>, name: &str) -> Result<Option<usize>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| format!("\"{name}\" must be a whole number ≥ 0 (found {n})")),
        Some(other) => Err(format!(
            "\"{name}\" must be a whole number ≥ 0, not {}",
            kind(other)
        )),
    }
}
