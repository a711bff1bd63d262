//! Module version constraints, resolved as Terraform's module installer
//! resolves them: `=`, `!=`, `>`, `>=`, `<`, `<=` and `~>` joined by commas
//! (all must hold), the newest matching version wins, and a pre-release is
//! only chosen when a constraint names it exactly.

use std::cmp::Ordering;
use std::fmt;

/// A semantic version as registries list them (`1.2.3`, `v1.2.3-rc.1+b`).
#[derive(Debug, Clone)]
pub struct Version {
    pub parts: [u64; 3],
    /// How many numeric parts were written (for `~>`).
    pub given: usize,
    pub pre: String,
}

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let t = text.trim();
        let t = t.strip_prefix('v').unwrap_or(t);
        let t = t.split('+').next()?;
        let (nums, pre) = match t.split_once('-') {
            Some((n, p)) if !p.is_empty() => (n, p.to_owned()),
            Some(_) => return None,
            None => (t, String::new()),
        };
        let mut parts = [0u64; 3];
        let mut given = 0;
        for (i, n) in nums.split('.').enumerate() {
            if i >= 3 || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            parts[i] = n.parse().ok()?;
            given = i + 1;
        }
        Some(Version { parts, given, pre })
    }
}

/// `1.2` equals `1.2.0`: how many parts were written does not count.
impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.parts == other.parts && self.pre == other.pre
    }
}

impl Eq for Version {}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts.cmp(&other.parts).then_with(|| {
            match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_pre(&self.pre, &other.pre),
            }
        })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c] = self.parts;
        write!(f, "{a}.{b}.{c}")?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        Ok(())
    }
}

/// Semver's pre-release order: numeric identifiers numerically and below
/// alphanumeric ones, more identifiers above fewer.
fn compare_pre(a: &str, b: &str) -> Ordering {
    let mut x = a.split('.');
    let mut y = b.split('.');
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let o = match (p.parse::<u64>(), q.parse::<u64>()) {
                    (Ok(m), Ok(n)) => m.cmp(&n),
                    (Ok(_), Err(_)) => Ordering::Less,
                    (Err(_), Ok(_)) => Ordering::Greater,
                    (Err(_), Err(_)) => p.cmp(q),
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Pessimistic,
}

/// One `OP VERSION` of a constraint.
#[derive(Debug, Clone)]
struct Part {
    op: Op,
    v: Version,
}

/// A parsed `version` argument.
#[derive(Debug, Clone, Default)]
pub struct Constraint {
    parts: Vec<Part>,
}

impl Constraint {
    /// Parses `">= 1.2, < 2.0"`; an empty string allows every version.
    pub fn parse(text: &str) -> Result<Constraint, String> {
        let mut parts = Vec::new();
        for piece in text.split(',') {
            let p = piece.trim();
            if p.is_empty() {
                if text.trim().is_empty() {
                    continue;
                }
                return Err(format!(
                    "the version constraint \"{text}\" has an empty part"
                ));
            }
            let (op, rest) = [
                ("~>", Op::Pessimistic),
                (">=", Op::Ge),
                ("<=", Op::Le),
                ("!=", Op::Ne),
                (">", Op::Gt),
                ("<", Op::Lt),
                ("=", Op::Eq),
            ]
            .iter()
            .find_map(|(s, op)| p.strip_prefix(s).map(|r| (*op, r)))
            .unwrap_or((Op::Eq, p));
            let v = Version::parse(rest).ok_or_else(|| {
                format!(
                    "\"{}\" in the version constraint \"{text}\" is not a version",
                    rest.trim()
                )
            })?;
            parts.push(Part { op, v });
        }
        Ok(Constraint { parts })
    }

    /// True when `v` satisfies every part. A pre-release only matches when
    /// an `=` part names exactly it (Terraform installs pre-releases only
    /// when asked for by their full version).
    pub fn matches(&self, v: &Version) -> bool {
        if !v.pre.is_empty() && !self.parts.iter().any(|p| p.op == Op::Eq && p.v == *v) {
            return false;
        }
        self.parts.iter().all(|p| p.matches(v))
    }

    /// The newest of `versions` that matches.
    pub fn newest<'a>(
        &self,
        versions: impl IntoIterator<Item = &'a Version>,
    ) -> Option<&'a Version> {
        versions.into_iter().filter(|v| self.matches(v)).max()
    }
}

impl Part {
    fn matches(&self, v: &Version) -> bool {
        let c = &self.v;
        match self.op {
            Op::Eq => v == c,
            Op::Ne => v != c,
            Op::Gt => v > c,
            Op::Ge => v >= c,
            Op::Lt => v < c,
            Op::Le => v <= c,
            // `~> 1.2.3`: at least 1.2.3, below 1.3; `~> 1.2`: below 2.0.
            // The last part written may grow, the ones before it are fixed.
            Op::Pessimistic => {
                let fixed = c.given.saturating_sub(1);
                v >= c && v.parts[..fixed] == c.parts[..fixed]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(constraint: &str, versions: &[&str]) -> Option<String> {
        let vs: Vec<Version> = versions.iter().filter_map(|v| Version::parse(v)).collect();
        Constraint::parse(constraint)
            .expect("constraint")
            .newest(&vs)
            .map(ToString::to_string)
    }

    const LIST: &[&str] = &[
        "1.0.0",
        "1.0.4",
        "1.0.10",
        "1.1.0",
        "1.2.0",
        "1.10.0",
        "2.0.0",
        "2.1.0-beta.1",
        "0.9.0",
    ];

    #[test]
    fn no_constraint_takes_the_newest_release() {
        assert_eq!(pick("", LIST).as_deref(), Some("2.0.0"));
    }

    #[test]
    fn exact_and_bare_versions() {
        assert_eq!(pick("1.1.0", LIST).as_deref(), Some("1.1.0"));
        assert_eq!(pick("= 1.0.4", LIST).as_deref(), Some("1.0.4"));
        assert_eq!(pick("=1.2", LIST).as_deref(), Some("1.2.0"));
        assert_eq!(pick("= 3.0.0", LIST), None);
    }

    #[test]
    fn comparisons_and_together() {
        assert_eq!(pick(">= 1.0, < 2.0", LIST).as_deref(), Some("1.10.0"));
        assert_eq!(pick("> 1.0.0, <= 1.0.10", LIST).as_deref(), Some("1.0.10"));
        assert_eq!(pick("< 1.0.0", LIST).as_deref(), Some("0.9.0"));
        assert_eq!(pick("!= 2.0.0", LIST).as_deref(), Some("1.10.0"));
    }

    #[test]
    fn pessimistic_on_the_given_precision() {
        assert_eq!(pick("~> 1.0.4", LIST).as_deref(), Some("1.0.10"));
        assert_eq!(pick("~> 1.1", LIST).as_deref(), Some("1.10.0"));
        assert_eq!(pick("~> 1.2.0", LIST).as_deref(), Some("1.2.0"));
        assert_eq!(pick("~> 0.9", LIST).as_deref(), Some("0.9.0"));
    }

    #[test]
    fn pre_releases_only_when_named_exactly() {
        assert_eq!(pick(">= 2.0.0", LIST).as_deref(), Some("2.0.0"));
        assert_eq!(pick("~> 2.1", LIST), None);
        assert_eq!(pick("2.1.0-beta.1", LIST).as_deref(), Some("2.1.0-beta.1"));
        let beta = Version::parse("1.0.0-beta.2").expect("v");
        let alpha = Version::parse("1.0.0-alpha").expect("v");
        assert!(alpha < beta && beta < Version::parse("1.0.0").expect("v"));
    }

    #[test]
    fn bad_constraints_are_errors() {
        assert!(Constraint::parse(">= banana").is_err());
        assert!(Constraint::parse(">= 1.0,").is_err());
        assert!(Version::parse("1.2.3.4").is_none());
    }
}
