//! The policy input document (DESIGN.md, "the contract every policy is
//! written against") and, beside it in Rust, the span index that maps a
//! finding's (address, attribute path) back to a file and byte range.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Map, Value as Json};

use crate::finding::{dotted, PathSegment};
use crate::terraform::module::{EvaluatedModule, SpanRef};
use crate::terraform::value::Value;

/// Where a resource's block and attributes are.
#[derive(Debug, Clone, Default)]
pub struct ResourceSpans {
    pub block: Option<SpanRef>,
    pub attrs: HashMap<String, SpanRef>,
}

/// One module's input document with everything needed to report on it.
#[derive(Debug, Clone)]
pub struct ModuleInput {
    /// The module's directory as shown to users ("." for the current one).
    pub module_path: String,
    /// "" for a root module, "module.vpc" for a child.
    pub module: String,
    pub source: &'static str,
    pub doc: Json,
    pub spans: HashMap<String, ResourceSpans>,
    /// Where a finding on an unknown resource or module-level rule points.
    pub fallback: Option<SpanRef>,
    /// (address, dotted path) -> why the value is unknown.
    pub unknown: HashMap<String, Vec<(String, String)>>,
    /// Strings that must never be printed (sensitive values).
    pub sensitive: Vec<String>,
    /// Where the document holds a sensitive value, as JSON pointers
    /// (`/resources/0/values/password`, `/resources/0/change/before` when
    /// the whole object is marked): replaced by [`SENSITIVE`] whatever its
    /// type or length before the document is printed.
    pub sensitive_at: Vec<String>,
    pub resource_count: usize,
    /// Configuration problems found while evaluating (reference cycles,
    /// module calls that cannot be followed).
    pub issues: Vec<crate::terraform::module::ConfigIssue>,
    /// What became of this module's calls.
    pub calls: CallCounts,
    /// For a child module of a configuration scan: the root module's
    /// directory and the module blocks that lead here from it.
    pub root_dir: String,
    pub call_chain: Vec<SpanRef>,
    /// The document's resources, typed, for the stages after evaluation
    /// (the document itself moves into the policy engine).
    pub resources: Vec<ResourceFacts>,
}

impl ModuleInput {
    /// Resource types present, for skipping policies that cannot apply.
    pub fn types(&self) -> HashSet<&str> {
        let mut types: HashSet<&str> = self
            .doc
            .get("resources")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(|r| r.get("type").and_then(Json::as_str))
            .collect();
        // Module-level policies (providers, module sources) declare these.
        types.insert("terraform");
        if self
            .doc
            .get("module_calls")
            .and_then(Json::as_array)
            .is_some_and(|a| !a.is_empty())
        {
            types.insert("module");
        }
        if self
            .doc
            .get("providers")
            .and_then(Json::as_array)
            .is_some_and(|a| !a.is_empty())
        {
            types.insert("provider");
        }
        types
    }

    /// The span a finding points at: the deepest attribute on the path that
    /// exists, else the resource block, else the module's fallback.
    pub fn locate(&self, address: &str, path: &[PathSegment]) -> Option<SpanRef> {
        let Some(spans) = self.spans.get(address) else {
            return self.fallback.clone();
        };
        for n in (1..=path.len()).rev() {
            let p = dotted(&path[..n]);
            // A path naming a nested block type points at its first block.
            if let Some(s) = spans
                .attrs
                .get(&p)
                .or_else(|| spans.attrs.get(&format!("{p}.0")))
            {
                return Some(s.clone());
            }
        }
        spans.block.clone().or_else(|| self.fallback.clone())
    }

    /// Why the value at `path` (or a prefix of it) is unknown, if it is.
    pub fn unknown_reason(&self, address: &str, path: &[PathSegment]) -> Option<&str> {
        let entries = self.unknown.get(address)?;
        (1..=path.len()).find_map(|n| {
            let p = dotted(&path[..n]);
            entries
                .iter()
                .find(|(u, _)| *u == p)
                .map(|(_, why)| why.as_str())
        })
    }
}

/// What later stages know of a resource without reading the document.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceFacts {
    pub address: String,
    pub rtype: String,
    /// A managed resource (not a data source or ephemeral).
    pub managed: bool,
    /// False when `count`/`for_each` could not be evaluated.
    pub expanded: bool,
    /// The evaluated `lifecycle` block (known parts), when it has one.
    pub lifecycle: Option<Json>,
}

/// A resource of a kept document (`keep_inputs`) with its known values:
/// the typed view of the document for commands that read it (`drift`).
#[derive(Debug, Clone, PartialEq)]
pub struct KeptResource {
    pub address: String,
    pub managed: bool,
    pub expanded: bool,
    pub values: Json,
}

/// A kept module document, typed: where it is and its resources.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptModule {
    pub module_path: String,
    /// "" for a root module.
    pub module: String,
    /// For a child module: the root module's directory.
    pub root_dir: String,
    pub resources: Vec<KeptResource>,
}

impl KeptModule {
    pub fn of(input: &ModuleInput) -> KeptModule {
        KeptModule {
            module_path: input.module_path.clone(),
            module: input.module.clone(),
            root_dir: input.root_dir.clone(),
            resources: kept_resources(&input.doc),
        }
    }
}

/// The resources of a document as built by this module.
pub fn kept_resources(doc: &Json) -> Vec<KeptResource> {
    doc.get("resources")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .map(|r| KeptResource {
            address: r["address"].as_str().unwrap_or_default().to_owned(),
            managed: r["mode"] == "managed",
            expanded: r.get("expanded") != Some(&Json::Bool(false)),
            values: r["values"].clone(),
        })
        .collect()
}

/// Builds the input document of an evaluated HCL module.
pub fn from_config(module_path: &str, module: &str, m: &EvaluatedModule) -> ModuleInput {
    let mut resources = Vec::with_capacity(m.resources.len());
    let mut spans = HashMap::new();
    let mut unknown_map = HashMap::new();
    let mut facts = Vec::with_capacity(m.resources.len());
    for r in &m.resources {
        let mut unknown = Vec::new();
        let values = split_known(&r.values, "", &mut unknown);
        let mut doc = json!({
            "address": r.address,
            "mode": r.mode.as_str(),
            "type": r.rtype,
            "name": r.name,
            "provider": r.provider,
            "values": values,
            "unknown": unknown.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
            "references": r.references,
        });
        if !r.expanded {
            doc["expanded"] = Json::Bool(false);
        }
        if r.provider_config != r.provider {
            // `provider = aws.west`: its default_tags are input.default_tags["aws.west"].
            doc["provider_config"] = Json::String(r.provider_config.clone());
        }
        if !r.sensitive.is_empty() {
            // As a plan's `sensitive_values`: the paths whose values are
            // sensitive (printed as "(sensitive)").
            doc["sensitive"] = json!(r.sensitive);
        }
        if !r.instance_references.is_empty() {
            doc["instance_references"] = json!(r.instance_references);
        }
        let mut lifecycle = None;
        if !r.lifecycle.is_empty() {
            let mut lc = Vec::new();
            let known = split_known(&Value::Object(r.lifecycle.clone()), "", &mut lc);
            doc["lifecycle"] = known.clone();
            lifecycle = Some(known);
        }
        facts.push(ResourceFacts {
            address: r.address.clone(),
            rtype: r.rtype.clone(),
            managed: r.mode == crate::terraform::module::Mode::Managed,
            expanded: r.expanded,
            lifecycle,
        });
        resources.push(doc);
        spans.insert(
            r.address.clone(),
            ResourceSpans {
                block: Some(r.block.clone()),
                attrs: r.spans.clone(),
            },
        );
        unknown_map.insert(r.address.clone(), unknown);
    }
    let mut variables = Map::new();
    for v in &m.variables {
        let mut entry = Map::new();
        entry.insert("sensitive".into(), Json::Bool(v.sensitive));
        let known = v.value.is_wholly_known();
        entry.insert("known".into(), Json::Bool(known));
        if known && !v.sensitive {
            entry.insert("value".into(), v.value.to_json());
        }
        variables.insert(v.name.clone(), Json::Object(entry));
    }
    let mut outputs = Map::new();
    for o in &m.outputs {
        let mut entry = Map::new();
        entry.insert("sensitive".into(), Json::Bool(o.sensitive));
        if o.value.is_wholly_known() && !o.sensitive {
            entry.insert("value".into(), o.value.to_json());
        }
        outputs.insert(o.name.clone(), Json::Object(entry));
    }
    let module_calls: Vec<Json> = m
        .module_calls
        .iter()
        .map(|c| {
            without_nulls(json!({
                "name": c.name,
                "source": c.source,
                "version": c.version,
                "resolved": c.resolved_dir.is_some(),
            }))
        })
        .collect();
    let providers: Vec<Json> = m
        .providers
        .iter()
        .map(|p| {
            without_nulls(json!({
                "name": p.name,
                "source": p.source,
                "version_constraint": p.version_constraint,
                "required": p.required,
                "configured": p.configured,
            }))
        })
        .collect();
    // Module calls and providers are findable by "module.NAME" and
    // "provider.NAME" for the module-level policies.
    for c in &m.module_calls {
        spans.insert(
            format!("module.{}", c.name),
            ResourceSpans {
                block: Some(c.block.clone()),
                attrs: c.attrs.clone(),
            },
        );
    }
    for p in &m.providers {
        spans.insert(
            format!("provider.{}", p.name),
            ResourceSpans {
                block: Some(p.span.clone()),
                attrs: HashMap::new(),
            },
        );
    }
    let fallback = m
        .resources
        .first()
        .map(|r| r.block.clone())
        .or_else(|| m.module_calls.first().map(|c| c.block.clone()))
        .or_else(|| m.providers.first().map(|p| p.span.clone()));
    let resource_count = resources.len();
    let mut default_tags = Map::new();
    let mut default_tags_unknown = Map::new();
    for (provider, tags) in &m.default_tags {
        if tags.is_wholly_known() {
            default_tags.insert(provider.clone(), tags.to_json());
        } else {
            default_tags_unknown.insert(provider.clone(), Json::Bool(true));
        }
    }
    ModuleInput {
        module_path: module_path.to_owned(),
        module: module.to_owned(),
        source: "config",
        doc: json!({
            "source": "config",
            "module": module,
            "resources": resources,
            "module_calls": module_calls,
            "providers": providers,
            "variables": variables,
            "outputs": outputs,
            "default_tags": default_tags,
            "default_tags_unknown": default_tags_unknown,
        }),
        spans,
        fallback,
        unknown: unknown_map,
        sensitive: m.sensitive_strings.clone(),
        sensitive_at: Vec::new(),
        resource_count,
        issues: Vec::new(),
        calls: CallCounts::of(&m.module_calls),
        root_dir: String::new(),
        call_chain: Vec::new(),
        resources: facts,
    }
}

/// Module calls by what became of them, for the summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CallCounts {
    pub evaluated: usize,
    pub not_installed: usize,
    pub missing: usize,
    pub not_followed: usize,
}

impl CallCounts {
    pub fn of(calls: &[crate::terraform::module::ModuleCall]) -> CallCounts {
        use crate::terraform::module::CallStatus;
        let mut c = CallCounts::default();
        for call in calls {
            match call.status {
                CallStatus::Evaluated => c.evaluated += 1,
                CallStatus::NotInstalled => c.not_installed += 1,
                CallStatus::Missing => c.missing += 1,
                CallStatus::NotFollowed => c.not_followed += 1,
            }
        }
        c
    }

    pub fn add(&mut self, other: CallCounts) {
        self.evaluated += other.evaluated;
        self.not_installed += other.not_installed;
        self.missing += other.missing;
        self.not_followed += other.not_followed;
    }

    pub fn is_empty(&self) -> bool {
        *self == CallCounts::default()
    }
}

/// Splits an evaluated value into its known part (JSON) and the dotted
/// paths of unknown parts with their reasons. Unknown object members are
/// left out; unknown list elements become null so indexes stay true.
pub fn split_known(v: &Value, path: &str, unknown: &mut Vec<(String, String)>) -> Json {
    // A partially known value (jsonencode of an object with an unknown leaf)
    // shows its known structure.
    if let Some(shape) = v.known_shape() {
        return split_known(&shape, path, unknown);
    }
    match v {
        Value::Unknown(u) => {
            unknown.push((path.to_owned(), u.reason().to_owned()));
            Json::Null
        }
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match v {
                    Value::Unknown(u) if u.refinement().is_none() => {
                        unknown.push((p, u.reason().to_owned()));
                        continue;
                    }
                    // Setting an argument to null is leaving it unset.
                    Value::Null => continue,
                    _ => {}
                }
                out.insert(k.clone(), split_known(v, &p, unknown));
            }
            Json::Object(out)
        }
        Value::List(items) => Json::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| split_known(v, &format!("{path}.{i}"), unknown))
                .collect(),
        ),
        other => other.to_json(),
    }
}

/// Drops null members: in the input document, absent means not set.
fn without_nulls(mut v: Json) -> Json {
    if let Json::Object(m) = &mut v {
        m.retain(|_, x| !x.is_null());
    }
    v
}

/// Counts for the closing figures: attribute values resolved vs unknown.
pub fn value_counts(doc: &Json) -> (usize, usize) {
    let mut known = 0;
    let mut unknown = 0;
    for r in doc
        .get("resources")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        known += r
            .get("values")
            .and_then(Json::as_object)
            .map_or(0, Map::len);
        unknown += r
            .get("unknown")
            .and_then(Json::as_array)
            .map_or(0, Vec::len);
    }
    (known, unknown)
}

/// What a printed document shows in place of a sensitive value.
pub const SENSITIVE: &str = "(sensitive)";

/// Replaces the value at each JSON pointer with [`SENSITIVE`] (numbers,
/// booleans, short strings and whole objects included).
pub fn redact_at(v: &mut Json, pointers: &[String]) {
    for p in pointers {
        if let Some(x) = v.pointer_mut(p) {
            *x = Json::String(SENSITIVE.to_owned());
        }
    }
}

/// The JSON pointers under `base` of the paths a plan's sensitivity
/// marker (`after_sensitive`, `before_sensitive`, `sensitive_values`)
/// sets: `true` for the whole value marks `base` itself.
pub fn sensitive_pointers(marker: &Json, base: &str, out: &mut Vec<String>) {
    match marker {
        Json::Bool(true) => out.push(base.to_owned()),
        Json::Object(map) => {
            for (k, v) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                sensitive_pointers(v, &format!("{base}/{k}"), out);
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                sensitive_pointers(v, &format!("{base}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Redacts sensitive strings everywhere in a JSON tree (for printing an
/// input document).
pub fn redact_json(v: &mut Json, sensitive: &[String]) {
    redact_sensitive_paths(v);
    match v {
        Json::String(s) => {
            let r = redact(s, sensitive);
            if r != *s {
                *s = r;
            }
        }
        Json::Array(a) => a.iter_mut().for_each(|x| redact_json(x, sensitive)),
        Json::Object(m) => m.values_mut().for_each(|x| redact_json(x, sensitive)),
        _ => {}
    }
}

/// In a resource of a document, the values at its `sensitive` paths become
/// "(sensitive)" wherever they are, whatever they are (by position, so a
/// sensitive `true` or a short string is hidden without hiding its equals
/// elsewhere).
fn redact_sensitive_paths(v: &mut Json) {
    let Some(paths) = v.get("sensitive").and_then(Json::as_array).cloned() else {
        return;
    };
    let Some(values) = v.get_mut("values") else {
        return;
    };
    for path in paths.iter().filter_map(Json::as_str) {
        let mut at = Some(&mut *values);
        for step in path.split('.') {
            at = at.and_then(|node| match node {
                Json::Object(m) => m.get_mut(step),
                Json::Array(a) => step.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
                _ => None,
            });
        }
        if let Some(node) = at {
            *node = Json::String("(sensitive)".into());
        }
    }
}

/// [`redact`] prepared once for many texts with the same sensitive values
/// (every finding of a module): one automaton finds whether a text holds
/// any of them, so a module of a large plan with hundreds of sensitive
/// values does not search each text once per value.
pub struct Redactor<'a> {
    sensitive: &'a [String],
    exact: HashSet<&'a str>,
    /// The values of 4 characters or more (the only ones [`redact`] finds
    /// inside a text); None when there are none.
    inside: Option<aho_corasick::AhoCorasick>,
}

impl<'a> Redactor<'a> {
    pub fn new(sensitive: &'a [String]) -> Redactor<'a> {
        let exact = sensitive
            .iter()
            .filter(|s| !s.is_empty())
            .map(String::as_str)
            .collect();
        let long: Vec<&str> = sensitive
            .iter()
            .filter(|s| s.len() >= 4)
            .map(String::as_str)
            .collect();
        // A failure to build (only past the automaton's size limits) leaves
        // the slow path, which is always right.
        let inside = (!long.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(&long).ok())
            .flatten();
        Redactor {
            sensitive,
            exact,
            inside,
        }
    }

    /// The same text as `redact(text, sensitive)`.
    pub fn redact(&self, text: &str) -> String {
        if self.exact.contains(text) {
            return SENSITIVE.to_owned();
        }
        match &self.inside {
            Some(ac) if !ac.is_match(text) => text.to_owned(),
            _ => redact(text, self.sensitive),
        }
    }
}

/// Redacts the sensitive values that appear in `text` as whole values,
/// never a piece of a longer word: with a sensitive "prod",
/// "production-db" stays as it is. A value of 8 or more characters is
/// distinctive enough to hide wherever it appears; a shorter one only where
/// no letter, digit, `_` or `-` touches it; one under 4 characters only
/// when it is the whole text.
pub fn redact(text: &str, sensitive: &[String]) -> String {
    if sensitive.iter().any(|s| !s.is_empty() && s == text) {
        return SENSITIVE.to_owned();
    }
    let mut out = text.to_owned();
    // Longest first: "team-secret" goes whole before "secret" shreds it.
    let mut sensitive: Vec<&String> = sensitive.iter().filter(|s| s.len() >= 4).collect();
    sensitive.sort_by_key(|s| std::cmp::Reverse(s.len()));
    sensitive.dedup();
    for s in sensitive {
        if out.contains(s.as_str()) {
            out = replace_standalone(&out, s, s.len() >= 8);
        }
    }
    out
}

/// `text` with each occurrence of `needle` that stands alone (or any
/// occurrence, with `anywhere`) replaced by [`SENSITIVE`].
fn replace_standalone(text: &str, needle: &str, anywhere: bool) -> String {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut from = 0;
    while let Some(found) = text[from..].find(needle) {
        let at = from + found;
        let end = at + needle.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let alone = !before.is_some_and(word) && !after.is_some_and(word);
        if anywhere || alone {
            out.push_str(&text[rest..at]);
            out.push_str(SENSITIVE);
            rest = end;
            from = end;
        } else {
            // Step one character on: the needle may start inside itself.
            from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push_str(&text[rest..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn the_prepared_redactor_says_what_redact_says() {
        let sensitive: Vec<String> = ["prod", "hunter2secret", "k9", "team-secret", "secret", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let texts = [
            "prod",
            "k9",
            "production-db",
            "db in prod now",
            "aws_db_instance.main password hunter2secret!",
            "team-secret and secret",
            "nothing here",
            "",
            "k9 is short",
        ];
        let prepared = Redactor::new(&sensitive);
        for text in texts {
            assert_eq!(prepared.redact(text), redact(text, &sensitive), "{text:?}");
        }
        assert_eq!(prepared.redact("x hunter2secret y"), "x (sensitive) y");
        assert_eq!(Redactor::new(&[]).redact("plain"), "plain");
    }

    #[test]
    fn unknowns_leave_values_and_keep_reasons() {
        let v = Value::Object(BTreeMap::from([
            ("bucket".to_owned(), Value::from("b")),
            ("acl".to_owned(), Value::unknown("var.acl has no value")),
            (
                "rule".to_owned(),
                Value::List(vec![Value::Object(BTreeMap::from([(
                    "days".to_owned(),
                    Value::unknown("x"),
                )]))]),
            ),
        ]));
        let mut unknown = Vec::new();
        let json = split_known(&v, "", &mut unknown);
        assert_eq!(json, json!({"bucket": "b", "rule": [{}]}));
        let nulls = Value::Object(BTreeMap::from([("kms_key_id".to_owned(), Value::Null)]));
        assert_eq!(split_known(&nulls, "", &mut Vec::new()), json!({}));
        assert_eq!(
            unknown,
            [
                ("acl".to_owned(), "var.acl has no value".to_owned()),
                ("rule.0.days".to_owned(), "x".to_owned())
            ]
        );
    }

    #[test]
    fn redaction_replaces_sensitive_strings() {
        assert_eq!(
            redact("password is hunter22!", &["hunter22".into()]),
            "password is (sensitive)!"
        );
        assert_eq!(redact("a b", &["a".into()]), "a b");
        assert_eq!(redact("ab", &["ab".into()]), SENSITIVE);
    }

    #[test]
    fn redaction_never_cuts_into_a_word() {
        let prod = ["prod".to_owned()];
        assert_eq!(
            redact("production-db is open", &prod),
            "production-db is open"
        );
        assert_eq!(redact("env-prod", &prod), "env-prod");
        assert_eq!(
            redact("env prod, \"prod\"", &prod),
            "env (sensitive), \"(sensitive)\""
        );
        assert_eq!(redact("prod", &prod), SENSITIVE);
        // A long value is hidden even inside a longer word.
        assert_eq!(
            redact("key=xhunter2222x", &["hunter2222".into()]),
            "key=x(sensitive)x"
        );
    }
}
