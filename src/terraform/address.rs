//! Addresses of module and resource instances, written as Terraform writes
//! them: `module.a["k"].module.b`, `aws_instance.web[0]`,
//! `data.aws_iam_policy_document.p`. The one place that builds them (after
//! Terraform's `internal/addrs`), so a key is quoted the same way in a
//! resource address, a module address and an instance reference.

use std::fmt;

use super::value::{Number, Value};

/// A resource's mode, which decides its address prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mode {
    Managed,
    Data,
    /// `ephemeral` blocks (Terraform 1.10+): opened for the run, never stored.
    Ephemeral,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Managed => "managed",
            Mode::Data => "data",
            Mode::Ephemeral => "ephemeral",
        }
    }
}

/// The key of one instance of a block with `count` or `for_each`.
#[derive(Debug, Clone, PartialEq)]
pub enum InstanceKey {
    /// A block without `count`/`for_each` (or whose expansion is unknown).
    None,
    /// `count.index`.
    Index(Number),
    /// `each.key`.
    Key(String),
}

impl InstanceKey {
    /// The key a traversal step indexes with (`aws_x.y[0]`, `aws_x.y["k"]`).
    pub fn of(v: &Value) -> Option<InstanceKey> {
        match v {
            Value::Number(n) => Some(InstanceKey::Index(*n)),
            Value::String(s) => Some(InstanceKey::Key(s.clone())),
            _ => None,
        }
    }
}

/// `[0]`, `["k"]` (JSON string escaping, as Terraform prints keys), or nothing.
impl fmt::Display for InstanceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstanceKey::None => Ok(()),
            InstanceKey::Index(i) => write!(f, "[{i}]"),
            InstanceKey::Key(k) => write!(f, "[{}]", serde_json::Value::String(k.clone())),
        }
    }
}

/// A resource's address within its module: `aws_s3_bucket.b`,
/// `data.aws_iam_policy_document.p`, `ephemeral.random_password.p`.
pub fn resource(mode: Mode, rtype: &str, name: &str) -> String {
    match mode {
        Mode::Managed => format!("{rtype}.{name}"),
        Mode::Data => format!("data.{rtype}.{name}"),
        Mode::Ephemeral => format!("ephemeral.{rtype}.{name}"),
    }
}

/// An instance's address: `local` (a resource's address within its module,
/// or `module.NAME`) with its key, inside module instance `module` ("" for
/// the root): `module.a["k"].aws_s3_bucket.b[0]`.
pub fn instance(module: &str, local: &str, key: &InstanceKey) -> String {
    if module.is_empty() {
        format!("{local}{key}")
    } else {
        format!("{module}.{local}{key}")
    }
}

/// The address of module call `name`'s instance `key` inside module
/// instance `parent`: `module.a["k"].module.b`.
pub fn module_instance(parent: &str, name: &str, key: &InstanceKey) -> String {
    instance(parent, &format!("module.{name}"), key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_terraform_writes_them() {
        let k = InstanceKey::Key("a \"b\"".into());
        assert_eq!(module_instance("", "a", &k), r#"module.a["a \"b\""]"#);
        let m = module_instance("module.a[0]", "b", &InstanceKey::None);
        assert_eq!(m, "module.a[0].module.b");
        assert_eq!(
            instance(
                &m,
                &resource(Mode::Data, "t", "n"),
                &InstanceKey::Index(Number::Int(2))
            ),
            "module.a[0].module.b.data.t.n[2]"
        );
        assert_eq!(resource(Mode::Managed, "aws_x", "y"), "aws_x.y");
    }
}
