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

/// JSON text of `value`, indented by two spaces when `pretty`, else compact: byte for byte
/// what `serde_json::to_string_pretty` and `serde_json::to_string` write. Every writer in the
/// app goes through this one serializer type, so each record's `Serialize` code is compiled
/// once instead of once per formatter (a smaller download, docs/performance.md).
pub(crate) fn to_text(value: &impl serde::Serialize, pretty: bool) -> serde_json::Result<String> {
    to_text_sized(value, pretty, 128)
}

/// [`to_text`] of a value that always serialises (strings, numbers, lists and records with
/// string keys). A failure would be a bug; it is reported without the error's `Debug` text,
/// whose formatting code would otherwise be part of the page's download.
pub(crate) fn always_text(value: &impl serde::Serialize, pretty: bool) -> String {
    always_text_sized(value, pretty, 128)
}

/// [`always_text`] into a buffer of `capacity` bytes to start with (see [`to_text_sized`]).
pub(crate) fn always_text_sized(
    value: &impl serde::Serialize,
    pretty: bool,
    capacity: usize,
) -> String {
    to_text_sized(value, pretty, capacity).unwrap_or_else(|_| unreachable!())
}

/// [`to_text`] into a buffer of `capacity` bytes to start with: a 5 MB export written into a
/// buffer that doubles as it fills copies itself about twenty times.
pub(crate) fn to_text_sized(
    value: &impl serde::Serialize,
    pretty: bool,
    capacity: usize,
) -> serde_json::Result<String> {
    let mut bytes = Vec::with_capacity(capacity);
    let formatter = EitherFormatter {
        pretty: pretty.then(serde_json::ser::PrettyFormatter::new),
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut bytes, formatter,
    ))?;
    // serde_json writes only whole UTF-8 sequences, so this never fails (nor replaces
    // anything); unlike `from_utf8_lossy(..).into_owned()` it keeps the buffer, not a copy.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Pretty or compact, chosen at run time; `None` writes what `CompactFormatter` writes.
struct EitherFormatter {
    pretty: Option<serde_json::ser::PrettyFormatter<'static>>,
}

macro_rules! either {
    ($self:ident, $method:ident ( $($arg:expr),* )) => {
        match &mut $self.pretty {
            Some(pretty) => pretty.$method($($arg),*),
            None => serde_json::ser::CompactFormatter.$method($($arg),*),
        }
    };
}

impl serde_json::ser::Formatter for EitherFormatter {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, begin_array(w))
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, end_array(w))
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        either!(self, begin_array_value(w, first))
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, end_array_value(w))
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, begin_object(w))
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, end_object(w))
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        either!(self, begin_object_key(w, first))
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, begin_object_value(w))
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        either!(self, end_object_value(w))
    }
}

/// A value as compact JSON, byte for byte what `Value`'s `Display` writes. Written out here
/// because nothing else on the page serialises a `Value`: the value serializer stays out of
/// the download (docs/performance.md, "Release size").
pub(crate) fn write_compact(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    let string = |s: &str, out: &mut String| {
        out.push_str(&crate::model::formats::json::to_text(&s, false).unwrap_or_default())
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(key, out);
                out.push(':');
                write_compact(item, out);
            }
            out.push('}');
        }
    }
}

/// A list of values as compact JSON (see [`write_compact`]).
pub(crate) fn list_text(values: &[serde_json::Value]) -> String {
    let mut out = String::from("[");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_compact(value, &mut out);
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn to_text_writes_what_serde_json_writes() {
        let values = [
            serde_json::json!({}),
            serde_json::json!([]),
            serde_json::json!({"a": [], "b": {}, "c": [1, {"d": null, "e": "x\"\n€"}], "f": [[]]}),
            serde_json::json!([1.5, -2, true, "s", [{"k": [1, 2]}], {}]),
        ];
        for value in &values {
            assert_eq!(
                to_text(value, false).unwrap(),
                serde_json::to_string(value).unwrap()
            );
            assert_eq!(
                to_text(value, true).unwrap(),
                serde_json::to_string_pretty(value).unwrap()
            );
        }
    }
}
