//! The values Terraform expressions evaluate to, with "unknown" as a value of
//! its own.
//!
//! Terraform's type system has lists, tuples, sets, maps and objects; for
//! policy evaluation the distinction between them does not matter, so they
//! collapse into [`Value::List`] and [`Value::Object`]. Objects are ordered by
//! key (a `BTreeMap`), which is also the order Terraform iterates maps and
//! objects in. A value that cannot be known statically is
//! [`Value::Unknown`] and carries the reason, so `--unknowns report` can say
//! why a check was not decided.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

pub use super::number::Number;

/// An evaluated Terraform value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Exact for integers (see [`Number`]).
    Number(Number),
    String(String),
    /// Lists, tuples and sets (sets are kept sorted and de-duplicated by the
    /// functions that build them).
    List(Vec<Value>),
    /// Maps and objects.
    Object(BTreeMap<String, Value>),
    /// A value tfward cannot know statically, with the reason.
    Unknown(Unknown),
    /// A value marked sensitive: a sensitive variable or output, `sensitive()`,
    /// or anything computed from one (Terraform propagates the mark through
    /// every operation and function).
    Sensitive(Box<Value>),
}

/// Why a value is unknown ("var.acl has no value", "aws_kms_key.k.arn is
/// known after apply"), and what is known of it all the same (cty's
/// "refinements" of an unknown value).
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    reason: Arc<str>,
    refinement: Option<Arc<Refinement>>,
}

/// What is known of an unknown value.
#[derive(Debug, Clone, PartialEq)]
pub enum Refinement {
    /// A string whose text is not known, but which is the JSON encoding of
    /// this partially known value (`jsonencode({Effect = "Allow", Resource =
    /// aws_s3_bucket.b.arn})`, an `aws_iam_policy_document`'s `json`).
    Json(Value),
    /// An object of which these attributes are known: a resource instance,
    /// whose written arguments are known and whose other attributes are
    /// known after apply.
    Attributes(BTreeMap<String, Value>),
}

impl Unknown {
    pub fn new(reason: impl Into<Arc<str>>) -> Self {
        Unknown {
            reason: reason.into(),
            refinement: None,
        }
    }

    /// An unknown string that is the JSON encoding of `value`.
    pub fn json(reason: impl Into<Arc<str>>, value: Value) -> Self {
        Unknown {
            reason: reason.into(),
            refinement: Some(Arc::new(Refinement::Json(value))),
        }
    }

    /// An unknown object of which `attrs` are known.
    pub fn attributes(reason: impl Into<Arc<str>>, attrs: BTreeMap<String, Value>) -> Self {
        Unknown {
            reason: reason.into(),
            refinement: Some(Arc::new(Refinement::Attributes(attrs))),
        }
    }

    pub fn reason(&self) -> &str {
        &self.reason
    }

    pub fn refinement(&self) -> Option<&Refinement> {
        self.refinement.as_deref()
    }

    /// The same reason, without what was known beside it.
    pub fn plain(&self) -> Unknown {
        Unknown {
            reason: self.reason.clone(),
            refinement: None,
        }
    }
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl Value {
    pub fn unknown(reason: impl Into<Arc<str>>) -> Value {
        Value::Unknown(Unknown::new(reason))
    }

    pub fn string(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    pub fn is_null(&self) -> bool {
        matches!(self.unmarked(), Value::Null)
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.unmarked(), Value::Unknown(_))
    }

    /// `v` marked sensitive (once).
    pub fn sensitive(v: Value) -> Value {
        match v {
            Value::Sensitive(_) => v,
            other => Value::Sensitive(Box::new(other)),
        }
    }

    /// The value without its top-level sensitivity mark.
    pub fn unmarked(&self) -> &Value {
        match self {
            Value::Sensitive(v) => v.unmarked(),
            v => v,
        }
    }

    /// The value with every sensitivity mark removed, and whether there was one.
    pub fn unmark_deep(self) -> (Value, bool) {
        // Most values carry no mark: returned as they are, not rebuilt.
        if !self.has_sensitive() {
            return (self, false);
        }
        match self {
            Value::Sensitive(v) => (v.unmark_deep().0, true),
            Value::List(items) => {
                let mut marked = false;
                let items = items
                    .into_iter()
                    .map(|i| {
                        let (v, m) = i.unmark_deep();
                        marked |= m;
                        v
                    })
                    .collect();
                (Value::List(items), marked)
            }
            Value::Object(map) => {
                let mut marked = false;
                let map = map
                    .into_iter()
                    .map(|(k, i)| {
                        let (v, m) = i.unmark_deep();
                        marked |= m;
                        (k, v)
                    })
                    .collect();
                (Value::Object(map), marked)
            }
            v => (v, false),
        }
    }

    /// True when a sensitivity mark is anywhere in the value.
    pub fn has_sensitive(&self) -> bool {
        match self {
            Value::Sensitive(_) => true,
            Value::List(items) => items.iter().any(Value::has_sensitive),
            Value::Object(map) => map.values().any(Value::has_sensitive),
            _ => false,
        }
    }

    /// Marks `self` sensitive when `marked`.
    pub fn marked_if(self, marked: bool) -> Value {
        if marked {
            Value::sensitive(self)
        } else {
            self
        }
    }

    /// Dotted paths (`password`, `settings.0.token`) of the sensitive parts
    /// of an object, as the input document's paths are written.
    pub fn sensitive_paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        collect_sensitive(self, "", &mut out);
        out
    }

    /// Every non-empty string inside a sensitive part of the value (for
    /// redacting them wherever they would be printed).
    pub fn sensitive_strings(&self, out: &mut Vec<String>) {
        match self {
            Value::Sensitive(v) => all_strings(v, out),
            Value::List(items) => items.iter().for_each(|i| i.sensitive_strings(out)),
            Value::Object(map) => map.values().for_each(|i| i.sensitive_strings(out)),
            _ => {}
        }
    }

    /// The first unknown found anywhere inside this value, depth first.
    pub fn first_unknown(&self) -> Option<&Unknown> {
        match self {
            Value::Unknown(u) => Some(u),
            Value::Sensitive(v) => v.first_unknown(),
            Value::List(items) => items.iter().find_map(Value::first_unknown),
            Value::Object(map) => map.values().find_map(Value::first_unknown),
            _ => None,
        }
    }

    /// The known structure of a refined unknown: the value a partially known
    /// JSON string encodes, or the known attributes of an object. This is
    /// what the policy input document shows in its place (the unknown
    /// leaves inside it listed as unknown paths).
    pub fn known_shape(&self) -> Option<std::borrow::Cow<'_, Value>> {
        let Value::Unknown(u) = self.unmarked() else {
            return None;
        };
        match u.refinement()? {
            Refinement::Json(v) => Some(std::borrow::Cow::Borrowed(v)),
            Refinement::Attributes(attrs) => {
                Some(std::borrow::Cow::Owned(Value::Object(attrs.clone())))
            }
        }
    }

    /// True when the value contains no unknown at any depth.
    pub fn is_wholly_known(&self) -> bool {
        self.first_unknown().is_none()
    }

    /// Terraform's name for the value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "bool",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::List(_) => "list",
            Value::Object(_) => "object",
            Value::Unknown(_) => "unknown",
            Value::Sensitive(v) => v.type_name(),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self.unmarked() {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.unmarked() {
            Value::Number(n) => Some(n.to_f64()),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.unmarked() {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match self.unmarked() {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&BTreeMap<String, Value>> {
        match self.unmarked() {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// Terraform's automatic conversion to string: strings as they are,
    /// numbers and bools in their canonical form; anything else is `None`.
    pub fn to_template_string(&self) -> Option<String> {
        match self.unmarked() {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Converts to JSON. Unknowns must have been taken out before; any left
    /// become `null` (callers that care use [`Value::is_wholly_known`]).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Null | Value::Unknown(_) => serde_json::Value::Null,
            Value::Sensitive(v) => v.to_json(),
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => n.to_json(),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::List(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_json).collect())
            }
            Value::Object(map) => serde_json::Value::Object(
                map.iter().map(|(k, v)| (k.clone(), v.to_json())).collect(),
            ),
        }
    }

    /// Converts from JSON (tfvars.json, jsondecode, plan values).
    pub fn from_json(json: &serde_json::Value) -> Value {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(Number::from_json(n)),
            serde_json::Value::String(s) => Value::String(s.clone()),
            serde_json::Value::Array(items) => {
                Value::List(items.iter().map(Value::from_json).collect())
            }
            serde_json::Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Value::from_json(v)))
                    .collect(),
            ),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Number(Number::from_f64(n))
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

fn collect_sensitive(v: &Value, path: &str, out: &mut Vec<String>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Sensitive(_) if !path.is_empty() => out.push(path.to_owned()),
        Value::Sensitive(inner) => collect_sensitive(inner, path, out),
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_sensitive(item, &join(&i.to_string()), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                collect_sensitive(item, &join(k), out);
            }
        }
        _ => {}
    }
}

fn all_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.is_empty() => out.push(s.clone()),
        Value::List(items) => items.iter().for_each(|i| all_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| all_strings(i, out)),
        Value::Sensitive(inner) => all_strings(inner, out),
        _ => {}
    }
}

/// Formats a number as Terraform prints it: integers without a fraction,
/// other numbers in their shortest round-tripping form.
pub fn format_number(n: f64) -> String {
    Number::from_f64(n).to_string()
}

/// A number's text, as Terraform converts it to a string.
pub fn number_text(n: Number) -> String {
    n.to_string()
}

/// Terraform's conversion of a string to a number (cty's), for code that
/// computes in floats; [`Number::parse`] keeps integers exact.
pub fn parse_number(s: &str) -> Option<f64> {
    Number::parse(s).map(Number::to_f64)
}

/// Integers become JSON integers so policies comparing `port == 22` match.
pub fn number_to_json(n: f64) -> serde_json::Value {
    Number::from_f64(n).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_stay_integers_in_json() {
        assert_eq!(Value::from(22.0).to_json(), serde_json::json!(22));
        assert_eq!(Value::from(0.5).to_json(), serde_json::json!(0.5));
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(-1.25), "-1.25");
    }

    #[test]
    fn unknown_is_found_at_depth() {
        let v = Value::List(vec![
            Value::from("a"),
            Value::Object(BTreeMap::from([("k".into(), Value::unknown("why"))])),
        ]);
        assert_eq!(v.first_unknown().map(Unknown::reason), Some("why"));
        assert!(!v.is_wholly_known());
    }
}
