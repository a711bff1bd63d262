//! Typed views of Terraform's JSON formats — `terraform show -json` plans
//! (format 0.1 through 1.2, Terraform and OpenTofu), `terraform show -json`
//! states, and raw `terraform.tfstate` v4 files — normalised into the same
//! resources the HCL evaluator produces, so every policy runs unchanged on
//! them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{json, Map, Value as Json};

mod split;

/// What a JSON file is, decided by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Plan,
    /// `terraform show -json` of a state.
    ShowState,
    /// A raw `terraform.tfstate` (version 4).
    RawState,
}

impl JsonKind {
    pub fn source(self) -> &'static str {
        match self {
            JsonKind::Plan => "plan",
            JsonKind::ShowState | JsonKind::RawState => "state",
        }
    }
}

/// Why a JSON file cannot be used, with its position when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl JsonError {
    fn at_start(message: String) -> JsonError {
        JsonError {
            line: 1,
            column: 1,
            message,
        }
    }
}

/// A resource change (or drift entry) with everything the diff and the
/// report need.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub address: String,
    pub module: String,
    pub mode: String,
    pub rtype: String,
    pub name: String,
    pub provider: String,
    pub actions: Vec<String>,
    // Shared, not copied: a resource's change is also in `Loaded::changes`,
    // and each is the size of the resource's values.
    pub before: Arc<Json>,
    pub after: Arc<Json>,
    pub after_unknown: Arc<Json>,
    pub before_sensitive: Arc<Json>,
    pub after_sensitive: Arc<Json>,
    pub replace_paths: Vec<Vec<Json>>,
    pub action_reason: Option<String>,
}

impl Change {
    /// `create`, `update`, `delete`, `replace` (delete+create either way),
    /// `read`, `no-op`, `forget`.
    pub fn kind(&self) -> &'static str {
        let a: Vec<&str> = self.actions.iter().map(String::as_str).collect();
        match a.as_slice() {
            ["create"] => "create",
            ["update"] => "update",
            ["delete"] => "delete",
            ["delete", "create"] | ["create", "delete"] => "replace",
            ["read"] => "read",
            ["forget"] => "forget",
            _ => "no-op",
        }
    }
}

/// A resource as it will be (plan) or is (state).
#[derive(Debug, Clone)]
pub struct JsonResource {
    pub address: String,
    pub module: String,
    pub mode: String,
    pub rtype: String,
    pub name: String,
    pub provider: String,
    pub values: Json,
    pub unknown: Vec<String>,
    pub sensitive: Vec<String>,
    pub change: Option<Change>,
    pub drift: Option<Change>,
    /// Dependencies recorded in the state, or references from the plan's
    /// configuration: attribute -> addresses.
    pub references: BTreeMap<String, Vec<String>>,
}

/// A loaded plan or state.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub kind: JsonKind,
    pub format_version: String,
    pub terraform_version: String,
    pub resources: Vec<JsonResource>,
    /// Every resource change, including deletes (not in `resources`).
    pub changes: Vec<Change>,
    pub drift: Vec<Change>,
    /// Module calls per module address ("" = root): name -> source/version.
    pub module_calls: BTreeMap<String, Vec<Json>>,
    /// Providers from the configuration, per module address.
    pub providers: BTreeMap<String, Vec<Json>>,
    /// Resources in the prior state (plans): address -> values.
    pub prior: BTreeMap<String, Json>,
    /// Providers (short names) and module addresses with resources in the
    /// prior state: what a change introduces is what is not here.
    pub prior_providers: BTreeSet<String>,
    pub prior_modules: BTreeSet<String>,
    /// Resource config from the plan's configuration section:
    /// module address -> (base address -> config entry).
    pub config_resources: BTreeMap<String, BTreeMap<String, Json>>,
    /// Provider configuration key (`aws`, `aws.east`) -> its constant
    /// `region` (AWS, Google) from the plan's `provider_config`.
    pub provider_regions: BTreeMap<String, String>,
    /// Full base address -> the provider configuration key it uses.
    pub provider_keys: BTreeMap<String, String>,
    /// Prior state (plans): address -> the addresses it depends on.
    pub prior_dependencies: BTreeMap<String, Vec<String>>,
    /// Full base address -> `lifecycle` settings (from the HCL configuration
    /// when it is at hand: Terraform does not put lifecycle in plan JSON).
    pub lifecycle: BTreeMap<String, Json>,
    /// Module address -> what an expression of that module may reference
    /// that is sensitive (from the plan's configuration section).
    pub sensitive_names: BTreeMap<String, SensitiveNames>,
}

/// The sensitive things a module's expressions can reference: variables
/// declared `sensitive` or given a sensitive value by the module call, and
/// the sensitive outputs of its module calls (`module.db.password`).
#[derive(Debug, Clone, Default)]
pub struct SensitiveNames {
    pub vars: BTreeSet<String>,
    pub call_outputs: BTreeSet<String>,
}

impl SensitiveNames {
    /// Whether one of an expression's `references` is sensitive. Terraform
    /// lists only direct references, so where the plan gives no marks of
    /// its own (format 0.1, before Terraform 0.15 wrote
    /// `after_sensitive`), a local of a module with sensitive variables
    /// counts too: the local may be built from one.
    fn covers(&self, reference: &str, unmarked_plan: bool) -> bool {
        if let Some(v) = reference.strip_prefix("var.") {
            let name = v.split(['.', '[']).next().unwrap_or(v);
            return self.vars.contains(name);
        }
        if reference.starts_with("local.") {
            return unmarked_plan && !self.vars.is_empty();
        }
        if reference.starts_with("module.") {
            let mut parts = reference.splitn(4, '.');
            let (_, call, output) = (parts.next(), parts.next(), parts.next());
            if let (Some(call), Some(output)) = (call, output) {
                let call = strip_index(call);
                let output = output.split('[').next().unwrap_or(output);
                return self.call_outputs.contains(&format!("{call}.{output}"));
            }
        }
        false
    }
}

impl Loaded {
    /// A document with nothing in it.
    pub fn empty(kind: JsonKind, format_version: String, terraform_version: String) -> Loaded {
        Loaded {
            kind,
            format_version,
            terraform_version,
            resources: Vec::new(),
            changes: Vec::new(),
            drift: Vec::new(),
            module_calls: BTreeMap::new(),
            providers: BTreeMap::new(),
            prior: BTreeMap::new(),
            prior_providers: BTreeSet::new(),
            prior_modules: BTreeSet::new(),
            config_resources: BTreeMap::new(),
            provider_regions: BTreeMap::new(),
            provider_keys: BTreeMap::new(),
            prior_dependencies: BTreeMap::new(),
            lifecycle: BTreeMap::new(),
            sensitive_names: BTreeMap::new(),
        }
    }

    /// The region configured on the provider a resource uses, when the
    /// plan's configuration gives it as a constant.
    pub fn region_for(&self, address: &str, provider: &str) -> Option<String> {
        let base = strip_index(address);
        let key = self
            .provider_keys
            .get(&base)
            .map_or(provider, String::as_str);
        let local = key.rsplit_once(':').map_or(key, |(_, k)| k);
        [key, local, provider]
            .iter()
            .find_map(|k| self.provider_regions.get(*k).cloned())
    }
}

/// Decides what a JSON document is.
pub fn detect(doc: &Json) -> Option<JsonKind> {
    let obj = doc.as_object()?;
    if obj.contains_key("planned_values") || obj.contains_key("resource_changes") {
        return Some(JsonKind::Plan);
    }
    if obj.get("version").and_then(Json::as_u64).is_some() && obj.contains_key("lineage") {
        return Some(JsonKind::RawState);
    }
    if obj.contains_key("format_version")
        && (obj.contains_key("values") || obj.contains_key("terraform_version"))
    {
        return Some(JsonKind::ShowState);
    }
    None
}

/// Parses a plan or state document from text.
pub fn load(text: &str) -> Result<Loaded, JsonError> {
    let doc: Json = split::parse(text).map_err(|e| JsonError {
        line: e.line(),
        column: e.column(),
        message: match e.classify() {
            serde_json::error::Category::Eof => {
                format!("the JSON ends too early (truncated file?): {e}")
            }
            _ => format!("invalid JSON: {e}"),
        },
    })?;
    let Some(kind) = detect(&doc) else {
        return Err(JsonError::at_start(
            "this JSON is neither a Terraform plan nor a state: expected the output of \
             `terraform show -json` or a terraform.tfstate file"
                .into(),
        ));
    };
    match kind {
        JsonKind::Plan => load_plan(doc),
        JsonKind::ShowState => load_show_state(&doc),
        JsonKind::RawState => load_raw_state(&doc),
    }
}

fn str_of(v: &Json, key: &str) -> String {
    v.get(key)
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn check_version(doc: &Json) -> Result<String, JsonError> {
    let version = str_of(doc, "format_version");
    let major = version
        .split('.')
        .next()
        .and_then(|m| m.parse::<u64>().ok());
    match major {
        Some(0 | 1) => Ok(version),
        None if version.is_empty() => Err(JsonError::at_start(
            "the document has no format_version".into(),
        )),
        _ => Err(JsonError::at_start(format!(
            "format_version {version} is not supported (tfward reads 0.x and 1.x); upgrade tfward"
        ))),
    }
}

/// `registry.terraform.io/hashicorp/aws` -> `aws`.
pub fn short_provider(name: &str) -> String {
    let name = name
        .trim_start_matches("provider[\"")
        .trim_end_matches("\"]")
        .trim_end_matches(']');
    let last = name.rsplit('/').next().unwrap_or(name);
    last.split('.').next().unwrap_or(last).to_owned()
}

/// `module.a.module.b.aws_s3_bucket.x[0]` -> `module.a.module.b`.
pub fn module_of(address: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        let end = name_end(after);
        let (name, tail) = after.split_at(end);
        parts.push(format!("module.{name}"));
        rest = tail.strip_prefix('.').unwrap_or(tail);
    }
    parts.join(".")
}

/// The end of a module name and its optional instance key.
fn name_end(s: &str) -> usize {
    let mut i = s.find(['.', '[']).unwrap_or(s.len());
    if s[i..].starts_with('[') {
        // Skip the instance key, which may contain dots inside quotes.
        let mut in_str = false;
        for (j, c) in s[i..].char_indices() {
            match c {
                '"' => in_str = !in_str,
                ']' if !in_str => {
                    i += j + 1;
                    break;
                }
                _ => {}
            }
        }
    }
    i
}

/// Reads a plan. The values of changes and resources are moved out of
/// `doc`, not copied: they are most of its size.
fn load_plan(mut doc: Json) -> Result<Loaded, JsonError> {
    let format_version = check_version(&doc)?;
    let mut loaded = Loaded::empty(
        JsonKind::Plan,
        format_version,
        str_of(&doc, "terraform_version"),
    );
    // On every worker, in order, into a list of the right size (grown by
    // doubling, a 10,000-resource plan's held a third more than it used).
    if let Some(changes) = doc.get_mut("resource_changes").and_then(Json::as_array_mut) {
        loaded.changes = changes.par_iter_mut().map(change_of).collect();
    }
    for c in doc
        .get_mut("resource_drift")
        .and_then(Json::as_array_mut)
        .into_iter()
        .flatten()
    {
        loaded.drift.push(change_of(c));
    }
    let mut prior = Vec::new();
    if let Some(root) = doc.pointer_mut("/prior_state/values/root_module") {
        take_resources(root, &mut prior);
    }
    let mut planned = Vec::new();
    if let Some(root) = doc.pointer_mut("/planned_values/root_module") {
        take_resources(root, &mut planned);
    }
    for mut r in prior {
        let values = r.get_mut("values").map(Json::take);
        let r = &r;
        let address = str_of(r, "address");
        loaded
            .prior_providers
            .insert(short_provider(&str_of(r, "provider_name")));
        let module = module_of(&address);
        if !module.is_empty() {
            loaded.prior_modules.insert(strip_index(&module));
        }
        if let Some(deps) = dependencies(r.get("depends_on")).remove("depends_on") {
            loaded.prior_dependencies.insert(str_of(r, "address"), deps);
        }
        loaded
            .prior
            .insert(str_of(r, "address"), values.unwrap_or(Json::Null));
    }
    if let Some(cfg) = doc.pointer("/configuration/root_module") {
        read_configuration(cfg, "", &BTreeSet::new(), &mut loaded);
    }
    for (key, p) in doc
        .pointer("/configuration/provider_config")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
    {
        if let Some(region) = p
            .pointer("/expressions/region/constant_value")
            .and_then(Json::as_str)
        {
            loaded
                .provider_regions
                .insert(key.clone(), region.to_owned());
        }
    }
    let changes: BTreeMap<&str, &Change> = loaded
        .changes
        .iter()
        .map(|c| (c.address.as_str(), c))
        .collect();
    let drift: BTreeMap<&str, &Change> = loaded
        .drift
        .iter()
        .map(|c| (c.address.as_str(), c))
        .collect();
    let mut resources: Vec<JsonResource> = planned
        .into_par_iter()
        .map(|r| planned_resource(r, &changes, &drift))
        .collect();
    let seen: BTreeSet<String> = resources.iter().map(|r| r.address.clone()).collect();
    // Changes without planned values (format 0.1 plans of creates whose
    // values are all unknown, reads) still become resources, except deletes.
    for c in &loaded.changes {
        if seen.contains(&c.address) || matches!(c.kind(), "delete" | "forget") {
            continue;
        }
        let mut unknown = Vec::new();
        true_paths(&c.after_unknown, "", &mut unknown);
        let mut sensitive = Vec::new();
        true_paths(&c.after_sensitive, "", &mut sensitive);
        resources.push(JsonResource {
            address: c.address.clone(),
            module: c.module.clone(),
            mode: c.mode.clone(),
            rtype: c.rtype.clone(),
            name: c.name.clone(),
            provider: c.provider.clone(),
            values: if c.after.is_object() {
                Json::clone(&c.after)
            } else {
                json!({})
            },
            unknown,
            sensitive,
            change: Some(c.clone()),
            drift: drift.get(c.address.as_str()).map(|d| (*d).clone()),
            references: BTreeMap::new(),
        });
    }
    // Address -> the attributes marked sensitive from the configuration.
    let mut marked: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &mut resources {
        let base = crate::plan::strip_index(&r.address);
        let local = base
            .rsplit_once(&format!("{}.", r.module))
            .map_or(base.clone(), |(_, l)| l.to_owned());
        let local = if r.module.is_empty() {
            base.clone()
        } else {
            local
        };
        if let Some(cfg) = loaded
            .config_resources
            .get(&r.module)
            .and_then(|m| m.get(&local))
        {
            r.references = config_references(cfg);
            // Values built from a sensitive variable are sensitive. Plans
            // from Terraform 0.15 on mark them in `after_sensitive`; older
            // ones (format 0.1) carry no marks, and printed them.
            let unmarked = loaded.format_version == "0.1";
            let names = loaded.sensitive_names.get(&strip_index(&r.module));
            let attrs = names
                .map(|n| sensitive_attributes(cfg, n, unmarked))
                .unwrap_or_default();
            for attr in attrs {
                if !r.sensitive.contains(&attr) {
                    r.sensitive.push(attr.clone());
                }
                for c in r.change.iter_mut().chain(r.drift.iter_mut()) {
                    mark_sensitive(Arc::make_mut(&mut c.before_sensitive), &attr);
                    mark_sensitive(Arc::make_mut(&mut c.after_sensitive), &attr);
                }
                marked.entry(r.address.clone()).or_default().push(attr);
            }
        }
    }
    // The changes listed on their own (deletes among them) get the same marks.
    // One pass over them, not one per marked attribute (a large plan has
    // as many changes as resources).
    if !marked.is_empty() {
        for c in loaded.changes.iter_mut().chain(loaded.drift.iter_mut()) {
            for attr in marked.get(&c.address).into_iter().flatten() {
                mark_sensitive(Arc::make_mut(&mut c.before_sensitive), attr);
                mark_sensitive(Arc::make_mut(&mut c.after_sensitive), attr);
            }
        }
    }
    loaded.resources = resources;
    Ok(loaded)
}

/// Removes instance keys: `module.a["x"].aws_s3_bucket.b[0]` -> `module.a.aws_s3_bucket.b`.
pub fn strip_index(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0;
    let mut in_str = false;
    for c in address.chars() {
        match c {
            '"' if depth > 0 => in_str = !in_str,
            '[' if !in_str => depth += 1,
            ']' if !in_str && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A resource of the plan's planned values, with its change and drift.
fn planned_resource(
    mut r: Json,
    changes: &BTreeMap<&str, &Change>,
    drift: &BTreeMap<&str, &Change>,
) -> JsonResource {
    let values = r.get_mut("values").map(Json::take);
    let r = &r;
    let address = str_of(r, "address");
    let change = changes.get(address.as_str()).copied();
    let mut unknown = Vec::new();
    if let Some(c) = change {
        true_paths(&c.after_unknown, "", &mut unknown);
    }
    let mut sensitive = Vec::new();
    match change {
        Some(c) => true_paths(&c.after_sensitive, "", &mut sensitive),
        None => true_paths(
            r.get("sensitive_values").unwrap_or(&Json::Null),
            "",
            &mut sensitive,
        ),
    }
    JsonResource {
        module: module_of(&address),
        mode: str_of(r, "mode"),
        rtype: str_of(r, "type"),
        name: str_of(r, "name"),
        provider: short_provider(&str_of(r, "provider_name")),
        values: values.unwrap_or_else(|| json!({})),
        unknown,
        sensitive,
        change: change.cloned(),
        drift: drift.get(address.as_str()).map(|d| (*d).clone()),
        references: BTreeMap::new(),
        address,
    }
}

/// A change of `resource_changes` or `resource_drift`, its values moved
/// out of `c`.
fn change_of(c: &mut Json) -> Change {
    let mut ch = c.get_mut("change").map(Json::take).unwrap_or(Json::Null);
    let mut get = |k: &str| Arc::new(ch.get_mut(k).map(Json::take).unwrap_or(Json::Null));
    let (before, after, after_unknown, before_sensitive, after_sensitive) = (
        get("before"),
        get("after"),
        get("after_unknown"),
        get("before_sensitive"),
        get("after_sensitive"),
    );
    let c = &*c;
    Change {
        address: str_of(c, "address"),
        module: c
            .get("module_address")
            .and_then(Json::as_str)
            .map_or_else(|| module_of(&str_of(c, "address")), str::to_owned),
        mode: str_of(c, "mode"),
        rtype: str_of(c, "type"),
        name: str_of(c, "name"),
        provider: short_provider(&str_of(c, "provider_name")),
        actions: ch
            .get("actions")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Json::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        before,
        after,
        after_unknown,
        before_sensitive,
        after_sensitive,
        replace_paths: ch
            .get("replace_paths")
            .and_then(Json::as_array)
            .map(|a| a.iter().filter_map(|p| p.as_array().cloned()).collect())
            .unwrap_or_default(),
        action_reason: c
            .get("action_reason")
            .and_then(Json::as_str)
            .map(str::to_owned),
    }
}

/// Moves the resources of a module and its children out of it, in the
/// order [`walk_module`] collects them: their values are most of a plan.
fn take_resources(m: &mut Json, out: &mut Vec<Json>) {
    if let Some(resources) = m.get_mut("resources").and_then(Json::as_array_mut) {
        out.append(resources);
    }
    if let Some(children) = m.get_mut("child_modules").and_then(Json::as_array_mut) {
        for child in children {
            take_resources(child, out);
        }
    }
}

/// Collects resources of a module and its children (planned_values, state).
fn walk_module<'a>(m: &'a Json, out: &mut Vec<&'a Json>) {
    out.extend(
        m.get("resources")
            .and_then(Json::as_array)
            .into_iter()
            .flatten(),
    );
    for child in m
        .get("child_modules")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        walk_module(child, out);
    }
}

/// Reads the configuration section: module calls, providers and resource
/// expressions (for references), recursively through module calls.
/// Reads a module of the plan's configuration section (and its calls);
/// `given` names its variables that the call passes a sensitive value.
/// Returns the names of its sensitive outputs.
fn read_configuration(
    cfg: &Json,
    module: &str,
    given: &BTreeSet<String>,
    loaded: &mut Loaded,
) -> BTreeSet<String> {
    let mut names = SensitiveNames {
        vars: given.clone(),
        call_outputs: BTreeSet::new(),
    };
    for (name, v) in cfg
        .get("variables")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
    {
        if v.get("sensitive") == Some(&Json::Bool(true)) {
            names.vars.insert(name.clone());
        }
    }
    let mut calls = Vec::new();
    if let Some(map) = cfg.get("module_calls").and_then(Json::as_object) {
        for (name, call) in map {
            // A sensitive value given to a module variable makes it
            // sensitive inside the module, as Terraform's marks travel.
            let child_given: BTreeSet<String> = call
                .get("expressions")
                .and_then(Json::as_object)
                .into_iter()
                .flatten()
                .filter(|(_, e)| references_of(e).any(|r| names.covers(r, true)))
                .map(|(arg, _)| arg.clone())
                .collect();
            let mut entry = Map::new();
            entry.insert("name".into(), json!(name));
            for (from, to) in [("source", "source"), ("version_constraint", "version")] {
                if let Some(v) = call.get(from).filter(|v| !v.is_null()) {
                    entry.insert(to.into(), v.clone());
                }
            }
            calls.push(Json::Object(entry));
            if let Some(child) = call.get("module") {
                let child_addr = if module.is_empty() {
                    format!("module.{name}")
                } else {
                    format!("{module}.module.{name}")
                };
                for output in read_configuration(child, &child_addr, &child_given, loaded) {
                    names.call_outputs.insert(format!("{name}.{output}"));
                }
            }
        }
    }
    loaded.module_calls.insert(module.to_owned(), calls);
    let outputs = cfg
        .get("outputs")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, o)| o.get("sensitive") == Some(&Json::Bool(true)))
        .map(|(name, _)| name.clone())
        .collect();
    loaded.sensitive_names.insert(module.to_owned(), names);
    let mut resources = BTreeMap::new();
    for r in cfg
        .get("resources")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let local = str_of(r, "address");
        if let Some(key) = r.get("provider_config_key").and_then(Json::as_str) {
            let full = if module.is_empty() {
                local.clone()
            } else {
                format!("{module}.{local}")
            };
            loaded.provider_keys.insert(full, key.to_owned());
        }
        resources.insert(local, r.clone());
    }
    loaded.config_resources.insert(module.to_owned(), resources);
    outputs
}

/// Every `references` entry anywhere in a configuration expression (nested
/// blocks hold objects of expressions, or lists of them).
fn references_of(e: &Json) -> Box<dyn Iterator<Item = &str> + '_> {
    match e {
        Json::Object(map) => match map.get("references").and_then(Json::as_array) {
            Some(refs) => Box::new(refs.iter().filter_map(Json::as_str)),
            None => Box::new(map.values().flat_map(references_of)),
        },
        Json::Array(items) => Box::new(items.iter().flat_map(references_of)),
        _ => Box::new(std::iter::empty()),
    }
}

/// Attributes of a configuration resource whose expression references
/// something sensitive (see [`SensitiveNames::covers`]).
fn sensitive_attributes(cfg: &Json, names: &SensitiveNames, unmarked_plan: bool) -> Vec<String> {
    cfg.get("expressions")
        .and_then(Json::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, e)| references_of(e).any(|r| names.covers(r, unmarked_plan)))
        .map(|(attr, _)| attr.clone())
        .collect()
}

/// Marks `attr` sensitive in an `after_sensitive`-style tree.
fn mark_sensitive(tree: &mut Json, attr: &str) {
    match tree {
        Json::Bool(true) => {}
        Json::Object(map) => {
            map.insert(attr.to_owned(), Json::Bool(true));
        }
        other => {
            let mut map = Map::new();
            map.insert(attr.to_owned(), Json::Bool(true));
            *other = Json::Object(map);
        }
    }
}

/// Attribute -> referenced addresses from a configuration resource's
/// `expressions` (Terraform lists both `aws_s3_bucket.b.id` and
/// `aws_s3_bucket.b`; we keep object addresses only).
fn config_references(cfg: &Json) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    if let Some(exprs) = cfg.get("expressions").and_then(Json::as_object) {
        for (attr, e) in exprs {
            let mut refs: Vec<String> = e
                .get("references")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .map(object_address)
                .collect();
            refs.sort();
            refs.dedup();
            if !refs.is_empty() {
                out.insert(attr.clone(), refs);
            }
        }
    }
    out
}

/// `aws_s3_bucket.b.id` -> `aws_s3_bucket.b`; `var.x` stays; `data.t.n.a` -> `data.t.n`.
fn object_address(r: &str) -> String {
    let parts: Vec<&str> = r.split('.').collect();
    let keep = match parts.first().copied() {
        Some("data") => 3,
        Some("var" | "local" | "module" | "each" | "count" | "path") => 2,
        _ => 2,
    };
    strip_index(&parts[..parts.len().min(keep)].join("."))
}

/// Dotted paths of every `true` leaf in an after_unknown/sensitive tree.
pub fn true_paths(v: &Json, path: &str, out: &mut Vec<String>) {
    match v {
        Json::Bool(true) if !path.is_empty() => out.push(path.to_owned()),
        Json::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                true_paths(v, &p, out);
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = if path.is_empty() {
                    i.to_string()
                } else {
                    format!("{path}.{i}")
                };
                true_paths(v, &p, out);
            }
        }
        _ => {}
    }
}

fn load_show_state(doc: &Json) -> Result<Loaded, JsonError> {
    let format_version = check_version(doc)?;
    let mut resources = Vec::new();
    let mut raw = Vec::new();
    if let Some(root) = doc.pointer("/values/root_module") {
        walk_module(root, &mut raw);
    }
    for r in raw {
        let address = str_of(r, "address");
        let mut sensitive = Vec::new();
        true_paths(
            r.get("sensitive_values").unwrap_or(&Json::Null),
            "",
            &mut sensitive,
        );
        let references = dependencies(r.get("depends_on"));
        resources.push(JsonResource {
            module: module_of(&address),
            mode: str_of(r, "mode"),
            rtype: str_of(r, "type"),
            name: str_of(r, "name"),
            provider: short_provider(&str_of(r, "provider_name")),
            values: r.get("values").cloned().unwrap_or_else(|| json!({})),
            unknown: Vec::new(),
            sensitive,
            change: None,
            drift: None,
            references,
            address,
        });
    }
    Ok(Loaded {
        resources,
        ..Loaded::empty(
            JsonKind::ShowState,
            format_version,
            str_of(doc, "terraform_version"),
        )
    })
}

fn load_raw_state(doc: &Json) -> Result<Loaded, JsonError> {
    let version = doc.get("version").and_then(Json::as_u64).unwrap_or(0);
    if version == 3 {
        let mut loaded = load_raw_state(&crate::state_v3::to_v4(doc))?;
        loaded.format_version = "3".into();
        return Ok(loaded);
    }
    if version != 4 {
        return Err(JsonError::at_start(format!(
            "terraform.tfstate version {version} is not supported; tfward reads versions 3 and 4 (Terraform 0.11 and later)"
        )));
    }
    let mut resources = Vec::new();
    for r in doc
        .get("resources")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let module = str_of(r, "module");
        let mode = str_of(r, "mode");
        let rtype = str_of(r, "type");
        let name = str_of(r, "name");
        let base = match (mode.as_str(), module.is_empty()) {
            ("data", true) => format!("data.{rtype}.{name}"),
            ("data", false) => format!("{module}.data.{rtype}.{name}"),
            (_, true) => format!("{rtype}.{name}"),
            (_, false) => format!("{module}.{rtype}.{name}"),
        };
        for inst in r
            .get("instances")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let address = match inst.get("index_key") {
                Some(Json::Number(n)) => format!("{base}[{n}]"),
                Some(Json::String(s)) => format!("{base}[{}]", Json::String(s.clone())),
                _ => base.clone(),
            };
            let mut sensitive = Vec::new();
            for p in inst
                .get("sensitive_attributes")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(path) = sensitive_path(p) {
                    sensitive.push(path);
                }
            }
            let references = dependencies(inst.get("dependencies"));
            resources.push(JsonResource {
                address,
                module: module.clone(),
                mode: mode.clone(),
                rtype: rtype.clone(),
                name: name.clone(),
                provider: short_provider(&str_of(r, "provider")),
                values: inst.get("attributes").cloned().unwrap_or_else(|| json!({})),
                unknown: Vec::new(),
                sensitive,
                change: None,
                drift: None,
                references,
            });
        }
    }
    Ok(Loaded {
        resources,
        ..Loaded::empty(
            JsonKind::RawState,
            version.to_string(),
            str_of(doc, "terraform_version"),
        )
    })
}

/// A state's recorded dependencies as `references["depends_on"]` (the
/// blast radius of a resource when there is no configuration to read).
fn dependencies(list: Option<&Json>) -> BTreeMap<String, Vec<String>> {
    let deps: Vec<String> = list
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
        .map(strip_index)
        .collect();
    let mut references = BTreeMap::new();
    if !deps.is_empty() {
        references.insert("depends_on".to_owned(), deps);
    }
    references
}

/// A tfstate sensitive path (`[{"type":"get_attr","value":"password"}]`, or
/// in newer states `{"path": [...]}`) as a dotted path.
fn sensitive_path(p: &Json) -> Option<String> {
    let steps = match p {
        Json::Array(a) => a,
        Json::Object(o) => o.get("path")?.as_array()?,
        _ => return None,
    };
    let parts: Vec<String> = steps
        .iter()
        .filter_map(|s| match s.get("value")? {
            Json::String(v) => Some(v.clone()),
            Json::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("."))
}

/// Every string value at the given dotted paths (and below them), for
/// redaction.
pub fn strings_at(values: &Json, paths: &[String], out: &mut Vec<String>) {
    for p in paths {
        let mut cur = values;
        let mut found = true;
        for seg in p.split('.') {
            let next = match cur {
                Json::Object(m) => m.get(seg),
                Json::Array(a) => seg.parse::<usize>().ok().and_then(|i| a.get(i)),
                _ => None,
            };
            match next {
                Some(n) => cur = n,
                None => {
                    found = false;
                    break;
                }
            }
        }
        if found {
            collect_strings(cur, out);
        }
    }
}

/// Every string (and number, as text) inside `v`.
pub fn collect_strings(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::String(s) if !s.is_empty() => out.push(s.clone()),
        Json::Number(n) => out.push(n.to_string()),
        Json::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Json::Object(m) => m.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// Removes the values at sensitive paths from a JSON tree (replaced with
/// the string "(sensitive)").
pub fn mask(values: &mut Json, paths: &[String]) {
    for p in paths {
        let segs: Vec<&str> = p.split('.').collect();
        mask_path(values, &segs);
    }
}

fn mask_path(v: &mut Json, segs: &[&str]) {
    let Some((first, rest)) = segs.split_first() else {
        *v = Json::String("(sensitive)".into());
        return;
    };
    let next = match v {
        Json::Object(m) => m.get_mut(*first),
        Json::Array(a) => first.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
        _ => None,
    };
    if let Some(n) = next {
        mask_path(n, rest);
    }
}

/// The module addresses present, root first.
pub fn modules(loaded: &Loaded) -> Vec<String> {
    let mut set: BTreeSet<String> = loaded.resources.iter().map(|r| r.module.clone()).collect();
    set.extend(loaded.module_calls.keys().cloned());
    set.into_iter().collect()
}

/// The JSON for a change as policies see it.
pub fn change_json(c: &Change) -> Json {
    let mut m = Map::new();
    m.insert("actions".into(), json!(c.actions));
    m.insert("before".into(), Json::clone(&c.before));
    m.insert("after".into(), Json::clone(&c.after));
    m.insert("replace_paths".into(), json!(c.replace_paths));
    m.insert("action_reason".into(), json!(c.action_reason));
    Json::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_addresses() {
        assert_eq!(module_of("aws_s3_bucket.b"), "");
        assert_eq!(module_of("module.a.aws_s3_bucket.b"), "module.a");
        assert_eq!(
            module_of("module.a[\"x.y\"].module.b[0].aws_s3_bucket.b"),
            "module.a[\"x.y\"].module.b[0]"
        );
        assert_eq!(
            strip_index("module.a[\"x\"].aws_s3_bucket.b[0]"),
            "module.a.aws_s3_bucket.b"
        );
        assert_eq!(short_provider("registry.terraform.io/hashicorp/aws"), "aws");
        assert_eq!(
            short_provider("provider[\"registry.opentofu.org/hashicorp/google\"]"),
            "google"
        );
    }

    #[test]
    fn detects_kinds() {
        assert_eq!(
            detect(&json!({"format_version": "1.2", "planned_values": {}})),
            Some(JsonKind::Plan)
        );
        assert_eq!(
            detect(&json!({"version": 4, "lineage": "x", "resources": []})),
            Some(JsonKind::RawState)
        );
        assert_eq!(
            detect(&json!({"format_version": "1.0", "values": {}})),
            Some(JsonKind::ShowState)
        );
        assert_eq!(detect(&json!({"name": "package"})), None);
    }

    #[test]
    fn truncated_json_has_position() {
        let e =
            load("{\"format_version\": \"1.2\",\n \"planned_values\": {").expect_err("truncated");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("truncated"));
    }

    #[test]
    fn unsupported_version() {
        let e = load(r#"{"format_version": "2.0", "planned_values": {}}"#).expect_err("v2");
        assert!(e.message.contains("not supported"));
    }
}
