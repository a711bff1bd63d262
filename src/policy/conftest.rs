//! Conftest-style policies: Rego packages without tfward METADATA that
//! define `deny`, `violation` or `warn` rules (each optionally suffixed:
//! `deny_public_bucket`), written against the raw `terraform show -json`
//! document. Teams bring the policies they already run with conftest.
//!
//! Each such package becomes one [`Policy`](super::Policy) with the id
//! `conftest:<package>` (and the alias `CONFTEST:<PACKAGE>`, so inline
//! ignores, `--skip`, baselines and tfward.toml ignores work as for any
//! policy). They run in an engine of their own, once per plan, with
//! `input` being the plan as Terraform printed it, sensitive values
//! replaced by "(sensitive)". A package that does not load is reported
//! (naming its file) and left out; the other policies still run.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use regorus::utils::limits::ExecutionTimerConfig;
use serde_json::Value as Json;

use super::{metadata, Category, Metadata, Policy, PolicyError, RegoFile};
use crate::finding::Severity;

/// One conftest package: its files (a package may span several) and the
/// rules conftest would evaluate in it.
#[derive(Debug, Clone)]
pub struct Package {
    pub package: String,
    pub files: Vec<RegoFile>,
    /// `deny`, `violation`, `warn` and their `_suffix`ed forms, sorted.
    pub rules: Vec<String>,
    /// Whether the package defines conftest's `exception` rule.
    pub exceptions: bool,
}

/// Whether a rule's results fail the run (deny, violation) or only warn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Deny,
    Warn,
}

/// The kind of a conftest rule name, None for any other rule.
pub fn kind_of(rule: &str) -> Option<Kind> {
    let base = |prefix: &str| {
        rule == prefix
            || rule
                .strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('_'))
                .is_some_and(|s| !s.is_empty())
    };
    if base("deny") || base("violation") {
        Some(Kind::Deny)
    } else if base("warn") {
        Some(Kind::Warn)
    } else {
        None
    }
}

/// The severity of a result without one of its own: deny and violation
/// HIGH, warn LOW.
pub fn default_severity(kind: Kind) -> Severity {
    match kind {
        Kind::Deny => Severity::High,
        Kind::Warn => Severity::Low,
    }
}

/// The names of the rules (not functions) a Rego source defines at the
/// top level.
fn rule_heads(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|line| {
        if line.starts_with(char::is_whitespace) {
            return None;
        }
        let end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let (name, rest) = line.split_at(end);
        let rest = rest.trim_start();
        let head = rest.is_empty()
            || rest.starts_with(['[', '{', '=', ':'])
            || rest.starts_with("contains")
            || rest.starts_with("if");
        (head && !name.is_empty()).then_some(name)
    })
}

/// The conftest rules a Rego source defines at the top level.
pub fn rule_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = rule_heads(text)
        .filter(|name| kind_of(name).is_some())
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether a Rego source defines conftest's `exception` rule.
fn defines_exception(text: &str) -> bool {
    rule_heads(text).any(|name| name == "exception")
}

/// Whether an exception for `names` (conftest's rule names without the
/// `deny_`/`violation_` prefix; "" for the bare rules) exempts `rule`.
fn exempted(rule: &str, names: &[String]) -> bool {
    names.iter().any(|n| {
        ["deny", "violation"].iter().any(|prefix| {
            if n.is_empty() {
                rule == *prefix
            } else {
                rule.strip_prefix(prefix)
                    .and_then(|r| r.strip_prefix('_'))
                    .is_some_and(|r| r == n)
            }
        })
    })
}

/// Whether the source has a METADATA block with tfward's `custom:` facts
/// (a tfward policy, perhaps a broken one).
fn has_tfward_metadata(text: &str) -> bool {
    let mut in_block = false;
    for line in text.lines() {
        let t = line.trim();
        if t == "# METADATA" {
            in_block = true;
            continue;
        }
        if in_block {
            match t.strip_prefix('#') {
                Some(rest) if rest.trim_start().starts_with("custom:") => return true,
                Some(_) => {}
                None => in_block = false,
            }
        }
    }
    false
}

/// Whether a Rego source is a conftest policy: no tfward METADATA, and a
/// `deny`, `violation` or `warn` rule.
pub fn is_conftest(text: &str) -> bool {
    !has_tfward_metadata(text) && !rule_names(text).is_empty()
}

/// Groups conftest files by package (in the files' order) into policies.
pub fn policies(files: Vec<RegoFile>, root: Option<&Path>) -> Result<Vec<Policy>, PolicyError> {
    let mut by_package: Vec<Package> = Vec::new();
    for f in files {
        let package = metadata::package_of(&f.text).ok_or_else(|| PolicyError {
            file: f.display.clone(),
            line: 1,
            message: "no `package` line".into(),
        })?;
        let rules = rule_names(&f.text);
        let exceptions = defines_exception(&f.text);
        match by_package.iter_mut().find(|p| p.package == package) {
            Some(p) => {
                p.exceptions |= exceptions;
                p.rules.extend(rules);
                p.rules.sort();
                p.rules.dedup();
                p.files.push(f);
            }
            None => by_package.push(Package {
                package,
                files: vec![f],
                rules,
                exceptions,
            }),
        }
    }
    Ok(by_package.into_iter().map(|p| policy_of(p, root)).collect())
}

/// The id of a conftest package's policy.
pub fn id_of(package: &str) -> String {
    format!("conftest:{package}")
}

fn policy_of(p: Package, root: Option<&Path>) -> Policy {
    let id = id_of(&p.package);
    let first = p.files[0].clone();
    let dir = root.map(|r| match Path::new(&first.rel).parent() {
        Some(parent) if !parent.as_os_str().is_empty() => r.join(parent),
        _ => r.to_path_buf(),
    });
    let meta = Metadata {
        aliases: vec![id.to_ascii_uppercase()],
        id,
        title: format!("conftest policy {}", p.package),
        description: format!(
            "The {} rules of the conftest package {} ({}), run on each plan's JSON.",
            p.rules.join(", "),
            p.package,
            first.display
        ),
        severity: Severity::High,
        category: Category::Compliance,
        resource_types: Vec::new(),
        frameworks: BTreeMap::new(),
        remediation: format!(
            "Do what the message asks; the rule is in {}.",
            first.display
        ),
        equivalents: BTreeMap::new(),
        related_resources: Vec::new(),
        deprecated: false,
        settings: Vec::new(),
        opt_in: false,
        // The plan a conftest package reads is redacted here (see
        // `redact_plan`), never given raw.
        raw_sensitive: false,
    };
    Policy {
        meta,
        package: p.package.clone(),
        file: first,
        dir,
        embedded: false,
        mentions: Default::default(),
        conftest: Some(Arc::new(p)),
    }
}

/// Merges another folder's files of the same conftest package into `into`.
pub fn merge(into: &mut Policy, other: &Policy) {
    let (Some(a), Some(b)) = (&into.conftest, &other.conftest) else {
        return;
    };
    let mut merged = (**a).clone();
    merged.files.extend(b.files.iter().cloned());
    merged.rules.extend(b.rules.iter().cloned());
    merged.exceptions |= b.exceptions;
    merged.rules.sort();
    merged.rules.dedup();
    into.conftest = Some(Arc::new(merged));
}

/// The engine holding every conftest package that loaded.
pub struct Engine {
    engine: Option<regorus::Engine>,
    /// (policy index, package) for each package that loaded.
    pub packages: Vec<(usize, Arc<Package>)>,
    /// Packages that did not load.
    pub errors: Vec<PolicyError>,
    /// The folders of every conftest package (loaded or not).
    pub dirs: Vec<String>,
}

/// One result of a conftest rule on a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the compiled set's policies.
    pub policy: usize,
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The result object's `address` (or `resource`), when it gives one.
    pub address: Option<String>,
}

impl Engine {
    /// Loads the users' library modules and then each conftest package in
    /// turn; a package that fails to parse, or errors on an empty input,
    /// is recorded and left out.
    pub fn build(
        policies: &[Policy],
        libs: &[RegoFile],
        timer: ExecutionTimerConfig,
        data: &regorus::Value,
    ) -> Engine {
        let mut out = Engine {
            engine: None,
            packages: Vec::new(),
            errors: Vec::new(),
            dirs: Vec::new(),
        };
        let packages: Vec<(usize, &Arc<Package>, &Policy)> = policies
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.conftest.as_ref().map(|c| (i, c, p)))
            .collect();
        if packages.is_empty() {
            return out;
        }
        let mut engine = regorus::Engine::new();
        engine.set_strict_builtin_errors(false);
        engine.set_execution_timer_config(timer);
        if let Err(e) = engine.add_data(data.clone()) {
            out.errors.push(PolicyError {
                file: "<config>".into(),
                line: 0,
                message: format!("cannot pass the configuration to conftest policies: {e}"),
            });
            return out;
        }
        for l in libs.iter().filter(|l| !l.display.starts_with("<embedded>")) {
            if let Err(e) = engine.add_policy(l.display.clone(), l.text.to_string()) {
                out.errors
                    .push(super::engine::compile_error(&l.display, &e.to_string()));
            }
        }
        for (i, package, policy) in packages {
            let dir = policy
                .dir
                .as_deref()
                .map(crate::source::display_path)
                .unwrap_or_else(|| policy.file.display.clone());
            if !out.dirs.contains(&dir) {
                out.dirs.push(dir);
            }
            let mut trial = engine.clone();
            match load_package(&mut trial, package) {
                Ok(()) => {
                    engine = trial;
                    out.packages.push((i, Arc::clone(package)));
                }
                Err(e) => out.errors.push(e),
            }
        }
        out.engine = Some(engine);
        out
    }

    /// Whether any conftest package loaded.
    pub fn is_empty(&self) -> bool {
        self.packages.is_empty()
    }

    /// Whether the set has conftest packages at all (loaded or not).
    pub fn has_packages(&self) -> bool {
        !self.packages.is_empty() || !self.errors.is_empty()
    }

    /// Evaluates every loaded package's rules on one plan document;
    /// `enabled` says which policies run. Errors: (policy, message).
    pub fn evaluate(
        &self,
        input: &Json,
        enabled: impl Fn(usize) -> bool,
    ) -> (Vec<Hit>, Vec<(usize, String)>) {
        let mut hits = Vec::new();
        let mut errors = Vec::new();
        let Some(base) = &self.engine else {
            return (hits, errors);
        };
        if !self.packages.iter().any(|(i, _)| enabled(*i)) {
            return (hits, errors);
        }
        let mut engine = base.clone();
        engine.set_input(regorus::Value::from(input.clone()));
        for (i, package) in &self.packages {
            if !enabled(*i) {
                continue;
            }
            let exempt = if package.exceptions {
                match engine.eval_rule(format!("data.{}.exception", package.package)) {
                    Ok(value) => exception_names(&value),
                    Err(e) => {
                        errors.push((*i, format!("exception: {}", one_line(&e.to_string()))));
                        engine = base.clone();
                        engine.set_input(regorus::Value::from(input.clone()));
                        Vec::new()
                    }
                }
            } else {
                Vec::new()
            };
            for rule in &package.rules {
                let Some(kind) = kind_of(rule) else {
                    continue;
                };
                if exempted(rule, &exempt) {
                    continue;
                }
                match engine.eval_rule(format!("data.{}.{rule}", package.package)) {
                    Ok(value) => {
                        results(*i, rule, kind, &value, &mut hits, &mut errors);
                    }
                    Err(e) => {
                        errors.push((*i, format!("{rule}: {}", one_line(&e.to_string()))));
                        // See engine.rs: an error can leave the engine unfit.
                        engine = base.clone();
                        engine.set_input(regorus::Value::from(input.clone()));
                    }
                }
            }
        }
        (hits, errors)
    }
}

/// Adds a package's files and evaluates its rules once on an empty input,
/// which type-checks them.
fn load_package(engine: &mut regorus::Engine, package: &Package) -> Result<(), PolicyError> {
    for f in &package.files {
        engine
            .add_policy(f.display.clone(), f.text.to_string())
            .map_err(|e| super::engine::compile_error(&f.display, &e.to_string()))?;
    }
    engine.set_input(regorus::Value::from(serde_json::json!({})));
    for rule in &package.rules {
        if let Err(e) = engine.eval_rule(format!("data.{}.{rule}", package.package)) {
            let message = e.to_string();
            let file = package
                .files
                .iter()
                .find(|f| message.contains(f.display.as_str()))
                .unwrap_or(&package.files[0]);
            return Err(super::engine::compile_error(&file.display, &message));
        }
    }
    Ok(())
}

/// The rule names an `exception` value lists: a set of arrays of strings.
fn exception_names(value: &regorus::Value) -> Vec<String> {
    let mut out = Vec::new();
    let outer: Vec<&regorus::Value> = match value {
        regorus::Value::Set(s) => s.iter().collect(),
        regorus::Value::Array(a) => a.iter().collect(),
        _ => return out,
    };
    for item in outer {
        match item {
            regorus::Value::String(s) => out.push(s.to_string()),
            regorus::Value::Array(a) => out.extend(a.iter().filter_map(|v| match v {
                regorus::Value::String(s) => Some(s.to_string()),
                _ => None,
            })),
            regorus::Value::Set(a) => out.extend(a.iter().filter_map(|v| match v {
                regorus::Value::String(s) => Some(s.to_string()),
                _ => None,
            })),
            _ => {}
        }
    }
    out
}

fn one_line(s: &str) -> String {
    let parts: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    parts.join(" ")
}

/// Reads a rule's value: a set or array of strings or objects with `msg`;
/// `true` alone (a boolean rule) is one result.
fn results(
    policy: usize,
    rule: &str,
    kind: Kind,
    value: &regorus::Value,
    hits: &mut Vec<Hit>,
    errors: &mut Vec<(usize, String)>,
) {
    let items: Vec<&regorus::Value> = match value {
        regorus::Value::Set(s) => s.iter().collect(),
        regorus::Value::Array(a) => a.iter().collect(),
        regorus::Value::Undefined | regorus::Value::Null | regorus::Value::Bool(false) => return,
        regorus::Value::Bool(true) => {
            hits.push(Hit {
                policy,
                rule: rule.to_owned(),
                severity: default_severity(kind),
                message: format!("{rule} is true"),
                address: None,
            });
            return;
        }
        other => {
            errors.push((
                policy,
                format!(
                    "{rule} must be a set of messages or of objects with \"msg\"; it is {other}"
                ),
            ));
            return;
        }
    };
    for item in items {
        match item {
            regorus::Value::String(s) => hits.push(Hit {
                policy,
                rule: rule.to_owned(),
                severity: default_severity(kind),
                message: s.to_string(),
                address: None,
            }),
            regorus::Value::Object(obj) => {
                let get = |k: &str| obj.get(&regorus::Value::from(k));
                let text = |k: &str| match get(k) {
                    Some(regorus::Value::String(s)) => Some(s.to_string()),
                    _ => None,
                };
                let Some(message) = text("msg") else {
                    errors.push((
                        policy,
                        format!("{rule} returned {item}, an object without a \"msg\" string"),
                    ));
                    continue;
                };
                let severity = text("severity")
                    .and_then(|s| Severity::parse(&s))
                    .unwrap_or(default_severity(kind));
                hits.push(Hit {
                    policy,
                    rule: rule.to_owned(),
                    severity,
                    message,
                    address: text("address").or_else(|| text("resource")),
                });
            }
            other => errors.push((
                policy,
                format!("{rule} returned {other}, which is neither a message nor an object with \"msg\""),
            )),
        }
    }
}

/// The plan as conftest policies see it: the document as given, with every
/// value Terraform marks sensitive replaced by "(sensitive)". Returns the
/// sensitive values (for redacting messages).
pub fn redact_plan(doc: &mut Json) -> Vec<String> {
    use crate::model::document::{redact_at, redact_json, sensitive_pointers};
    let mut pointers = Vec::new();
    for list in ["resource_changes", "resource_drift"] {
        if let Some(changes) = doc.get(list).and_then(Json::as_array) {
            for (i, rc) in changes.iter().enumerate() {
                let Some(change) = rc.get("change") else {
                    continue;
                };
                for (marker, value) in
                    [("after_sensitive", "after"), ("before_sensitive", "before")]
                {
                    if let Some(m) = change.get(marker) {
                        sensitive_pointers(
                            m,
                            &format!("/{list}/{i}/change/{value}"),
                            &mut pointers,
                        );
                    }
                }
            }
        }
    }
    if let Some(outputs) = doc.get("output_changes").and_then(Json::as_object) {
        for (name, change) in outputs {
            let name = escape(name);
            for (marker, value) in [("after_sensitive", "after"), ("before_sensitive", "before")] {
                if let Some(m) = change.get(marker) {
                    sensitive_pointers(
                        m,
                        &format!("/output_changes/{name}/{value}"),
                        &mut pointers,
                    );
                }
            }
        }
    }
    for values in ["/planned_values", "/prior_state/values", "/values"] {
        if let Some(v) = doc.pointer(values) {
            values_pointers(v, values, &mut pointers);
        }
    }
    if let Some(vars) = doc
        .pointer("/configuration/root_module/variables")
        .and_then(Json::as_object)
    {
        for (name, v) in vars {
            if v.get("sensitive").and_then(Json::as_bool) == Some(true) {
                pointers.push(format!("/variables/{}/value", escape(name)));
            }
        }
    }
    let mut sensitive = Vec::new();
    for p in &pointers {
        if let Some(v) = doc.pointer(p) {
            collect_scalars(v, &mut sensitive);
        }
    }
    sensitive.retain(|s| s != crate::model::document::SENSITIVE && !s.is_empty());
    sensitive.sort();
    sensitive.dedup();
    redact_at(doc, &pointers);
    // The same values elsewhere (a literal in `configuration`).
    redact_json(doc, &sensitive);
    sensitive
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Pointers of the sensitive values in a `values` representation: each
/// module's resources by `sensitive_values`, outputs marked sensitive.
fn values_pointers(v: &Json, base: &str, out: &mut Vec<String>) {
    if let Some(outputs) = v.get("outputs").and_then(Json::as_object) {
        for (name, o) in outputs {
            if o.get("sensitive").and_then(Json::as_bool) == Some(true) {
                out.push(format!("{base}/outputs/{}/value", escape(name)));
            }
        }
    }
    if let Some(root) = v.get("root_module") {
        module_pointers(root, &format!("{base}/root_module"), out);
    }
}

fn module_pointers(m: &Json, base: &str, out: &mut Vec<String>) {
    if let Some(resources) = m.get("resources").and_then(Json::as_array) {
        for (i, r) in resources.iter().enumerate() {
            if let Some(s) = r.get("sensitive_values") {
                crate::model::document::sensitive_pointers(
                    s,
                    &format!("{base}/resources/{i}/values"),
                    out,
                );
            }
        }
    }
    if let Some(children) = m.get("child_modules").and_then(Json::as_array) {
        for (i, c) in children.iter().enumerate() {
            module_pointers(c, &format!("{base}/child_modules/{i}"), out);
        }
    }
}

fn collect_scalars(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::String(s) => out.push(s.clone()),
        Json::Number(n) => out.push(n.to_string()),
        Json::Array(a) => a.iter().for_each(|x| collect_scalars(x, out)),
        Json::Object(m) => m.values().for_each(|x| collect_scalars(x, out)),
        _ => {}
    }
}

/// Every resource address a plan names (changes, planned and prior values).
pub fn plan_addresses(doc: &Json) -> Vec<String> {
    fn from_module(m: &Json, out: &mut Vec<String>) {
        for r in m
            .get("resources")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(a) = r.get("address").and_then(Json::as_str) {
                out.push(a.to_owned());
            }
        }
        for c in m
            .get("child_modules")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            from_module(c, out);
        }
    }
    let mut out = Vec::new();
    for list in ["resource_changes", "resource_drift"] {
        for rc in doc.get(list).and_then(Json::as_array).into_iter().flatten() {
            if let Some(a) = rc.get("address").and_then(Json::as_str) {
                out.push(a.to_owned());
            }
        }
    }
    for p in [
        "/planned_values/root_module",
        "/prior_state/values/root_module",
        "/values/root_module",
    ] {
        if let Some(m) = doc.pointer(p) {
            from_module(m, &mut out);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The longest of `addresses` that `text` names as a whole word: not part
/// of a longer name or a longer address (`aws_s3_bucket.b` is not named by
/// `aws_s3_bucket.bb` nor by `module.x.aws_s3_bucket.b`).
pub fn named_address<'a>(text: &str, addresses: &'a [String]) -> Option<&'a str> {
    let inner = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut best: Option<&str> = None;
    for a in addresses {
        if a.is_empty() || best.is_some_and(|b| b.len() >= a.len()) {
            continue;
        }
        let mut from = 0;
        while let Some(found) = text[from..].find(a.as_str()) {
            let at = from + found;
            let end = at + a.len();
            let before = text[..at].chars().next_back();
            let after = text[end..].chars().next();
            let clean_before = before.is_none_or(|c| !(inner(c) || c == '.'));
            let clean_after = after.is_none_or(|c| !(inner(c) || c == '['));
            if clean_before && clean_after {
                best = Some(a);
                break;
            }
            from = at + 1;
            while !text.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_follow_conftest() {
        let text = "package main\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := \"x\"\n}\n\
                    warn_tags[msg] {\n  msg := \"y\"\n}\nviolation contains {\"msg\": \"z\"} if { true }\n\
                    denylist := [\"a\"]\ndeny_ := 1\nhelper if { deny }\n";
        assert_eq!(rule_names(text), ["deny", "violation", "warn_tags"]);
        assert_eq!(kind_of("violation_x"), Some(Kind::Deny));
        assert_eq!(kind_of("warn"), Some(Kind::Warn));
        assert_eq!(kind_of("denylist"), None);
        assert_eq!(kind_of("deny_"), None);
        assert!(defines_exception(
            "package main\n\nexception contains rules if {\n\trules := [\"x\"]\n}\n"
        ));
        assert!(!defines_exception(text));
    }

    #[test]
    fn exceptions_exempt_deny_and_violation_rules_by_name() {
        let names = ["public".to_owned()];
        assert!(exempted("deny_public", &names));
        assert!(exempted("violation_public", &names));
        assert!(!exempted("warn_public", &names));
        assert!(!exempted("deny", &names));
        assert!(!exempted("deny_public_acl", &names));
        let all = [String::new()];
        assert!(exempted("deny", &all));
        assert!(exempted("violation", &all));
        assert!(!exempted("deny_public", &all));
    }

    #[test]
    fn a_tfward_policy_is_never_taken_for_a_conftest_one() {
        let tfward = "# METADATA\n# title: x\n# custom:\n#   id: TFW-X-0001\npackage tfward.x\n\ndeny contains x if { true }\n";
        assert!(!is_conftest(tfward));
        let opa =
            "# METADATA\n# title: Buckets\npackage terraform.s3\n\ndeny contains x if { true }\n";
        assert!(is_conftest(opa));
        assert!(!is_conftest(
            "package lib.helpers\n\nis_bucket(r) if { true }\n"
        ));
    }

    #[test]
    fn the_longest_whole_address_is_the_one_named() {
        let addresses: Vec<String> = [
            "aws_s3_bucket.b",
            "aws_s3_bucket.bb",
            "module.x.aws_s3_bucket.b[\"k\"]",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        assert_eq!(
            named_address("bucket aws_s3_bucket.b is public", &addresses),
            Some("aws_s3_bucket.b")
        );
        assert_eq!(
            named_address("aws_s3_bucket.bb: no", &addresses),
            Some("aws_s3_bucket.bb")
        );
        assert_eq!(
            named_address("module.x.aws_s3_bucket.b[\"k\"] has no tags", &addresses),
            Some("module.x.aws_s3_bucket.b[\"k\"]")
        );
        assert_eq!(named_address("module.y.aws_s3_bucket.b", &addresses), None);
        assert_eq!(named_address("nothing here", &addresses), None);
    }

    #[test]
    fn sensitive_plan_values_are_redacted_wherever_they_appear() {
        let mut doc = serde_json::json!({
            "variables": {"pw": {"value": "hunter2-secret"}},
            "configuration": {"root_module": {"variables": {"pw": {"sensitive": true}}}},
            "resource_changes": [{"address": "aws_db_instance.d", "change": {
                "after": {"password": "hunter2-secret", "port": 5432},
                "after_sensitive": {"password": true}
            }}],
            "planned_values": {"root_module": {"resources": [{
                "address": "aws_db_instance.d",
                "values": {"password": "hunter2-secret"},
                "sensitive_values": {"password": true}
            }]}}
        });
        let sensitive = redact_plan(&mut doc);
        assert_eq!(sensitive, ["hunter2-secret"]);
        let text = doc.to_string();
        assert!(!text.contains("hunter2"), "{text}");
        assert_eq!(
            doc.pointer("/resource_changes/0/change/after/port"),
            Some(&serde_json::json!(5432))
        );
    }
}
