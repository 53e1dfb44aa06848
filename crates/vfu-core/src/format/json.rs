//! A reader over `serde_json::Value` that collects every problem of a file, each with the
//! JSON path it concerns, instead of stopping at the first as serde does.

use crate::week::Week;
use serde_json::{Map, Value};
use std::fmt;

/// One problem of an input file, at a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Where in the file, e.g. `students[12].needs[0].earliest` (empty for the whole file).
    pub path: String,
    /// What is wrong, naming the offending value, e.g. `"2027-W60" is not an ISO week`.
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A path into the document, built on the stack and only rendered when an error needs it.
#[derive(Clone, Copy)]
pub(crate) struct JsonPath<'a> {
    parent: Option<&'a JsonPath<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> JsonPath<'a> {
    pub(crate) const ROOT: JsonPath<'static> = JsonPath { parent: None, segment: Segment::Root };

    pub(crate) fn key(&'a self, key: &'a str) -> JsonPath<'a> {
        JsonPath { parent: Some(self), segment: Segment::Key(key) }
    }

    pub(crate) fn index(&'a self, index: usize) -> JsonPath<'a> {
        JsonPath { parent: Some(self), segment: Segment::Index(index) }
    }

    pub(crate) fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut node = Some(self);
        while let Some(n) = node {
            segments.push(n.segment);
            node = n.parent;
        }
        let mut out = String::new();
        for segment in segments.into_iter().rev() {
            match segment {
                Segment::Root => {}
                Segment::Key(k) if out.is_empty() => out.push_str(k),
                Segment::Key(k) => {
                    out.push('.');
                    out.push_str(k);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

/// Renders a value for a message the way it appears in the file, shortened when long.
pub(crate) fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Collects errors while reading values out of a JSON document.
#[derive(Default)]
pub(crate) struct Reader {
    pub(crate) errors: Vec<FormatError>,
}

impl Reader {
    pub(crate) fn error(&mut self, path: &JsonPath, message: impl Into<String>) {
        self.errors.push(FormatError { path: path.render(), message: message.into() });
    }

    fn wrong_kind(&mut self, path: &JsonPath, value: &Value, expected: &str) {
        self.error(path, format!("{} is {}, expected {expected}", shown(value), kind_of(value)));
    }

    /// An object whose keys are all in `fields`; unknown keys are reported (a typo is never ignored).
    pub(crate) fn object<'v>(
        &mut self,
        path: &JsonPath,
        value: &'v Value,
        fields: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_kind(path, value, "an object");
            return None;
        };
        for key in map.keys() {
            if !fields.contains(&key.as_str()) {
                self.error(&path.key(key), format!("unknown field \"{key}\" (expected one of: {})", fields.join(", ")));
            }
        }
        Some(map)
    }

    /// A required field, read with `read`.
    pub(crate) fn required<T>(
        &mut self,
        path: &JsonPath,
        map: &Map<String, Value>,
        key: &str,
        read: impl FnOnce(&mut Reader, &JsonPath, &Value) -> Option<T>,
    ) -> Option<T> {
        match map.get(key) {
            Some(value) => read(self, &path.key(key), value),
            None => {
                self.error(path, format!("the required field \"{key}\" is missing"));
                None
            }
        }
    }

    /// An optional field: `Some(None)` when absent (or null), `None` when present but invalid.
    pub(crate) fn optional<T>(
        &mut self,
        path: &JsonPath,
        map: &Map<String, Value>,
        key: &str,
        read: impl FnOnce(&mut Reader, &JsonPath, &Value) -> Option<T>,
    ) -> Option<Option<T>> {
        match map.get(key) {
            None | Some(Value::Null) => Some(None),
            Some(value) => read(self, &path.key(key), value).map(Some),
        }
    }

    /// An optional field with a default when absent.
    pub(crate) fn defaulted<T>(
        &mut self,
        path: &JsonPath,
        map: &Map<String, Value>,
        key: &str,
        default: T,
        read: impl FnOnce(&mut Reader, &JsonPath, &Value) -> Option<T>,
    ) -> Option<T> {
        self.optional(path, map, key, read).map(|v| v.unwrap_or(default))
    }

    pub(crate) fn text(&mut self, path: &JsonPath, value: &Value) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong_kind(path, value, "a text");
                None
            }
        }
    }

    /// A non-empty text, as ids and words of the format are.
    pub(crate) fn word(&mut self, path: &JsonPath, value: &Value) -> Option<String> {
        let s = self.text(path, value)?;
        if s.trim().is_empty() {
            self.error(path, "must not be empty");
            return None;
        }
        Some(s)
    }

    pub(crate) fn boolean(&mut self, path: &JsonPath, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong_kind(path, value, "true or false");
                None
            }
        }
    }

    /// A finite number.
    pub(crate) fn number(&mut self, path: &JsonPath, value: &Value) -> Option<f64> {
        match value.as_f64() {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.wrong_kind(path, value, "a number");
                None
            }
        }
    }

    /// A whole number no smaller than `min`.
    pub(crate) fn count(&mut self, path: &JsonPath, value: &Value, min: u32) -> Option<u32> {
        let n = match value {
            Value::Number(n) => {
                n.as_i64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9e15).map(|f| f as i64))
            }
            _ => {
                self.wrong_kind(path, value, "a whole number");
                return None;
            }
        };
        match n {
            Some(n) if n < 0 => {
                self.error(path, format!("{n} is negative; it must be at least {min}"));
                None
            }
            Some(n) if n < i64::from(min) => {
                self.error(path, format!("{n} is too small; it must be at least {min}"));
                None
            }
            Some(n) if n > i64::from(u32::MAX) => {
                self.error(path, format!("{n} is too large"));
                None
            }
            Some(n) => Some(n as u32),
            None => {
                self.error(path, format!("{} is not a whole number", shown(value)));
                None
            }
        }
    }

    pub(crate) fn week(&mut self, path: &JsonPath, value: &Value) -> Option<Week> {
        let s = self.text(path, value)?;
        match s.parse::<Week>() {
            Ok(w) => Some(w),
            Err(e) => {
                self.error(path, format!("\"{s}\" {e}"));
                None
            }
        }
    }

    pub(crate) fn array<'v>(&mut self, path: &JsonPath, value: &'v Value) -> Option<&'v Vec<Value>> {
        match value {
            Value::Array(items) => Some(items),
            _ => {
                self.wrong_kind(path, value, "a list");
                None
            }
        }
    }

    /// A list whose every item is read with `read`; `None` if any item failed.
    pub(crate) fn list<T>(
        &mut self,
        path: &JsonPath,
        value: &Value,
        mut read: impl FnMut(&mut Reader, &JsonPath, &Value) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(path, value)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match read(self, &path.index(i), item) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_paths_like_the_spec() {
        let root = JsonPath::ROOT;
        let students = root.key("students");
        let s12 = students.index(12);
        let needs = s12.key("needs");
        let n0 = needs.index(0);
        assert_eq!(n0.key("earliest").render(), "students[12].needs[0].earliest");
        assert_eq!(root.render(), "");
    }

    #[test]
    fn reports_unknown_fields_and_negative_counts_together() {
        let mut r = Reader::default();
        let v = json!({"places": -2, "profesion": "nurse"});
        let root = JsonPath::ROOT;
        let map = r.object(&root, &v, &["places", "profession"]).unwrap();
        assert_eq!(r.required(&root, map, "places", |r, p, v| r.count(p, v, 0)), None);
        assert_eq!(r.required(&root, map, "profession", Reader::word), None);
        let shown: Vec<String> = r.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "profesion: unknown field \"profesion\" (expected one of: places, profession)",
                "places: -2 is negative; it must be at least 0",
                "the required field \"profession\" is missing",
            ]
        );
    }

    #[test]
    fn week_errors_name_the_value() {
        let mut r = Reader::default();
        assert_eq!(r.week(&JsonPath::ROOT.key("earliest"), &json!("2027-W60")), None);
        assert_eq!(
            r.errors[0].to_string(),
            "earliest: \"2027-W60\" is not an ISO week (write it as YYYY-Www, e.g. 2027-W05)"
        );
    }
}
