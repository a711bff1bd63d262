//! The model of plans and states: one policy input document per module of
//! the plan, findings pointed at the HCL that declared each resource when the
//! configuration is at hand (a [`ConfigLocator`]), else at the resource in
//! the JSON file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{json, Value as Json};

use crate::analyse::cost::{self, CostSummary, ResourceCost};
use crate::diagnostic::Diagnostic;
use crate::discover::{Candidate, FileKind};
use crate::load::{Loaded, PlanFile};
use crate::model::document::{ModuleInput, ResourceFacts, ResourceSpans};
use crate::paths::normalise;
use crate::plan::{self, JsonResource, Loaded as Plan};
use crate::terraform::module::{Inputs, SpanRef};

/// Spans of resources in the configuration behind a plan: module address
/// (instance keys removed) -> base resource address -> spans.
pub struct ConfigLocator {
    pub modules: HashMap<String, HashMap<String, ResourceSpans>>,
    /// Full base address -> the resource's `lifecycle` block, as evaluated.
    pub lifecycle: BTreeMap<String, Json>,
}

impl ConfigLocator {
    /// Loads the root module at `root` and every module the plan's
    /// configuration calls: local sources, modules `terraform init`
    /// installed and those `--download-modules` fetched (`fetched`). With
    /// a provider schema (`--provider-schema`) each resource's blocks are
    /// where the plan has them (a `single` block at `timeouts`, a `map`
    /// block at `setting.LABEL`, set blocks after duplicates collapsed),
    /// so a finding at a plan's path points at the block written for it.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        root: &Path,
        plan: &Plan,
        max_file_size: u64,
        workspace: &str,
        fetched: &crate::fetch::Fetched,
        schema: Option<std::sync::Arc<crate::terraform::schema::ProviderSchemas>>,
        files: &mut Vec<Loaded>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> ConfigLocator {
        // Module key ("a.b") -> directory of the remote modules.
        let mut remote = fetched
            .by_root
            .get(&normalise(root))
            .cloned()
            .unwrap_or_default();
        remote.extend(crate::terraform::module::installed_modules(root));
        // Module address -> directory, following the sources.
        let mut dirs: BTreeMap<String, PathBuf> = BTreeMap::new();
        dirs.insert(String::new(), root.to_path_buf());
        let mut pending = vec![String::new()];
        while let Some(module) = pending.pop() {
            let Some(dir) = dirs.get(&module).cloned() else {
                continue;
            };
            for call in plan.module_calls.get(&module).into_iter().flatten() {
                let (Some(name), Some(source)) = (call["name"].as_str(), call["source"].as_str())
                else {
                    continue;
                };
                let child = if module.is_empty() {
                    format!("module.{name}")
                } else {
                    format!("{module}.module.{name}")
                };
                if dirs.contains_key(&child) || child.matches("module.").count() > 64 {
                    continue;
                }
                let target = if source.starts_with("./") || source.starts_with("../") {
                    normalise(&dir.join(source))
                } else {
                    let key = child["module.".len()..].replace(".module.", ".");
                    let Some(d) = remote.get(&key) else { continue };
                    d.clone()
                };
                dirs.insert(child.clone(), target);
                pending.push(child);
            }
        }
        let mut candidates = Vec::new();
        for dir in dirs.values() {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            crate::discover::drop_shadowed_by_tofu(&mut paths, |p| p);
            for p in paths {
                if let Some(kind) = FileKind::of(&p).filter(|k| k.is_config()) {
                    let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                    candidates.push(Candidate {
                        path: p,
                        kind,
                        size,
                    });
                }
            }
        }
        let (mut loaded, mut diags) = crate::load::load(&candidates, max_file_size.max(1));
        crate::load::show_downloaded(&mut loaded, &mut diags, &|p: &Path| fetched.names.show(p));
        diagnostics.extend(diags);
        let first = files.len();
        files.extend(loaded);
        let mut modules: HashMap<String, HashMap<String, ResourceSpans>> = HashMap::new();
        let root_dir = crate::terraform::module::normalise(root);
        let root_ids: Vec<usize> = (first..files.len())
            .filter(|&i| {
                files[i]
                    .source
                    .path
                    .parent()
                    .map(crate::terraform::module::normalise)
                    == Some(root_dir.clone())
            })
            .collect();
        let mut lifecycle = BTreeMap::new();
        let project = super::config::project(files);
        let inputs = Inputs {
            schema,
            downloaded: (!fetched.by_root.is_empty())
                .then(|| std::sync::Arc::new(fetched.by_root.clone())),
            ..Inputs::default()
        };
        for input in
            super::config::build_tree(&project, root, &root_ids, files, &inputs, root, workspace)
        {
            // Lifecycle blocks are not in plan JSON: the report reads them here.
            for r in &input.resources {
                if let Some(lc) = &r.lifecycle {
                    lifecycle.insert(plan::strip_index(&r.address), lc.clone());
                }
            }
            let spans = modules.entry(plan::strip_index(&input.module)).or_default();
            for (address, s) in input.spans {
                spans.entry(plan::strip_index(&address)).or_insert(s);
            }
        }
        ConfigLocator { modules, lifecycle }
    }

    fn find(&self, module: &str, address: &str) -> Option<&ResourceSpans> {
        self.modules
            .get(&plan::strip_index(module))?
            .get(&plan::strip_index(address))
    }
}

/// Byte ranges of each `"address": "..."` pair in the JSON text (first
/// wins): where a finding on a resource without configuration points.
fn address_offsets(text: &str) -> HashMap<String, std::ops::Range<usize>> {
    let mut out = HashMap::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("\"address\"") {
        let at = from + i;
        from = at + 9;
        let rest = text[from..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let value_at = text.len() - rest.trim_start().len();
        let mut de = serde_json::Deserializer::from_str(&text[value_at..]).into_iter::<String>();
        if let Some(Ok(address)) = de.next() {
            let end = value_at + de.byte_offset();
            out.entry(address).or_insert(at..end);
        }
    }
    out
}

/// The input documents of a plan, one per module, each built on demand
/// ([`PlanDocuments::build`]): a scan builds and evaluates them in
/// parallel, and holds only those being evaluated.
pub(crate) struct PlanDocuments<'a> {
    pf: &'a PlanFile,
    files: &'a [Loaded],
    locator: Option<&'a ConfigLocator>,
    costs: &'a CostSummary,
    offsets: HashMap<String, std::ops::Range<usize>>,
    resource_costs: HashMap<&'a str, &'a ResourceCost>,
    modules: Vec<(String, Vec<&'a JsonResource>)>,
}

impl<'a> PlanDocuments<'a> {
    pub(crate) fn new(
        pf: &'a PlanFile,
        files: &'a [Loaded],
        locator: Option<&'a ConfigLocator>,
        costs: &'a CostSummary,
    ) -> PlanDocuments<'a> {
        let mut by_module: BTreeMap<String, Vec<&JsonResource>> = BTreeMap::new();
        for r in &pf.plan.resources {
            by_module.entry(r.module.clone()).or_default().push(r);
        }
        for m in pf.plan.module_calls.keys() {
            by_module.entry(m.clone()).or_default();
        }
        // Plans always have a root document: plan-wide policies (budgets) run there.
        if pf.plan.kind == plan::JsonKind::Plan {
            by_module.entry(String::new()).or_default();
        }
        PlanDocuments {
            pf,
            files,
            locator,
            costs,
            offsets: address_offsets(&files[pf.file].source.text),
            resource_costs: costs
                .resources
                .iter()
                .map(|c| (c.address.as_str(), c))
                .collect(),
            modules: by_module.into_iter().collect(),
        }
    }

    /// How many documents (modules) the plan has.
    pub(crate) fn len(&self) -> usize {
        self.modules.len()
    }

    /// The document of the `i`th module, in module address order.
    pub(crate) fn build(&self, i: usize) -> ModuleInput {
        let (pf, locator, costs) = (self.pf, self.locator, self.costs);
        let (offsets, resource_costs) = (&self.offsets, &self.resource_costs);
        let source = &self.files[pf.file].source;
        let kind = pf.plan.kind.source();
        let (module, resources) = &self.modules[i];
        let module = module.clone();
        let part = |(index, r): (usize, &&JsonResource)| {
            resource_parts(index, r, pf, locator, offsets, resource_costs)
        };
        // A large plan's root module holds most of its resources: built on
        // every worker, it is not the serial tail of the scan.
        let parts: Vec<ResourceParts> = if resources.len() >= PARALLEL_RESOURCES {
            use rayon::prelude::*;
            resources.par_iter().enumerate().map(part).collect()
        } else {
            resources.iter().enumerate().map(part).collect()
        };
        let mut docs = Vec::with_capacity(resources.len());
        let mut spans = HashMap::with_capacity(resources.len());
        let mut unknown_map = HashMap::with_capacity(resources.len());
        let mut sensitive = Vec::new();
        let mut sensitive_at = Vec::new();
        let mut facts = Vec::with_capacity(resources.len());
        for (p, r) in parts.into_iter().zip(resources) {
            facts.push(p.fact);
            docs.push(p.doc);
            spans.insert(r.address.clone(), p.spans);
            unknown_map.insert(r.address.clone(), p.unknown);
            sensitive.extend(p.sensitive);
            sensitive_at.extend(p.sensitive_at);
        }
        let calls = pf
            .plan
            .module_calls
            .get(&plan::strip_index(&module))
            .cloned()
            .unwrap_or_default();
        let resource_count = docs.len();
        sensitive.sort();
        sensitive.dedup();
        // Moved in, not through json!, which would serialise a copy of
        // every resource (as it would of "values" in resource_parts).
        let mut doc = json!({
            "source": kind,
            "module": module,
            "resources": null,
            "module_calls": calls,
            "providers": [],
            "variables": {},
            "outputs": {},
            // What existed before the change: providers and modules a
            // plan introduces are the ones missing here.
            "prior": {
                "exists": pf.plan.kind == plan::JsonKind::Plan && !pf.plan.prior.is_empty(),
                "providers": pf.plan.prior_providers,
                "modules": pf.plan.prior_modules,
            },
        });
        // The plan-wide costs go to the root document only, where plan-wide
        // policies run: in every module's document they cost modules ×
        // resources to build and to hand to the engine.
        doc["resources"] = Json::Array(docs);
        if pf.plan.kind == plan::JsonKind::Plan && module.is_empty() {
            doc["cost"] = cost::policy_doc(costs);
        }
        ModuleInput {
            module_path: source.display.clone(),
            module: module.clone(),
            source: kind,
            doc,
            spans,
            fallback: Some(SpanRef {
                file: pf.file,
                span: 0..1,
            }),
            unknown: unknown_map,
            sensitive,
            sensitive_at,
            resource_count,
            issues: Vec::new(),
            calls: Default::default(),
            root_dir: String::new(),
            call_chain: Vec::new(),
            resources: facts,
        }
    }
}

/// Resources of one module from which its document is built on every
/// worker rather than in turn.
const PARALLEL_RESOURCES: usize = 512;

/// What one resource adds to its module's document.
struct ResourceParts {
    fact: ResourceFacts,
    doc: Json,
    spans: ResourceSpans,
    /// Unknown paths and why each is unknown.
    unknown: Vec<(String, String)>,
    /// Sensitive strings, to redact.
    sensitive: Vec<String>,
    /// JSON pointers of sensitive values in the document.
    sensitive_at: Vec<String>,
}

/// The parts of the `index`th resource of a module's document.
fn resource_parts(
    index: usize,
    r: &JsonResource,
    pf: &PlanFile,
    locator: Option<&ConfigLocator>,
    offsets: &HashMap<String, std::ops::Range<usize>>,
    resource_costs: &HashMap<&str, &ResourceCost>,
) -> ResourceParts {
    let mut sensitive = Vec::new();
    let mut sensitive_at = Vec::new();
    let fact = ResourceFacts {
        address: r.address.clone(),
        rtype: r.rtype.clone(),
        managed: r.mode == "managed",
        expanded: true,
        lifecycle: locator.and_then(|l| l.lifecycle.get(&plan::strip_index(&r.address)).cloned()),
    };
    plan::strings_at(&r.values, &r.sensitive, &mut sensitive);
    let at = format!("/resources/{index}");
    for path in &r.sensitive {
        let pointer: String = path
            .split('.')
            .map(|k| format!("/{}", k.replace('~', "~0").replace('/', "~1")))
            .collect();
        sensitive_at.push(format!("{at}/values{pointer}"));
    }
    for (c, key) in r
        .change
        .iter()
        .map(|c| (c, "change"))
        .chain(r.drift.iter().map(|d| (d, "drift")))
    {
        // Both sides, by position: a number, a short string or an
        // object marked sensitive as a whole has no string to match.
        for (marker, side, value) in [
            (&c.before_sensitive, "before", &c.before),
            (&c.after_sensitive, "after", &c.after),
        ] {
            let mut paths = Vec::new();
            plan::true_paths(marker, "", &mut paths);
            plan::strings_at(value, &paths, &mut sensitive);
            if **marker == Json::Bool(true) {
                plan::collect_strings(value, &mut sensitive);
            }
            crate::model::document::sensitive_pointers(
                marker,
                &format!("{at}/{key}/{side}"),
                &mut sensitive_at,
            );
        }
    }
    let mut doc = json!({
        "address": r.address,
        "mode": r.mode,
        "type": r.rtype,
        "name": r.name,
        "provider": r.provider,
        "values": null,
        "unknown": r.unknown,
        "sensitive": r.sensitive,
        "references": r.references,
    });
    doc["values"] = without_unknown(&r.values, &r.unknown);
    if let Some(c) = &r.change {
        doc["change"] = plan::change_json(c);
    }
    if let Some(d) = &r.drift {
        doc["drift"] = json!({"actions": d.actions, "before": d.before, "after": d.after});
    }
    if let Some(c) = resource_costs.get(r.address.as_str()) {
        doc["cost"] = cost::resource_json(c);
    }
    let hcl = locator.and_then(|l| l.find(&r.module, &r.address)).cloned();
    let s = hcl.unwrap_or_else(|| ResourceSpans {
        block: offsets.get(&r.address).map(|span| SpanRef {
            file: pf.file,
            span: span.clone(),
        }),
        attrs: HashMap::new(),
    });
    let unknown = r
        .unknown
        .iter()
        .map(|p| (p.clone(), format!("{}.{p} is known after apply", r.address)))
        .collect();
    ResourceParts {
        fact,
        doc,
        spans: s,
        unknown,
        sensitive,
        sensitive_at,
    }
}

/// Drops values at unknown paths (plans put null or a placeholder there)
/// and null attributes: in the input document an attribute that is not set
/// is absent, whether the resource came from HCL or from a plan.
fn without_unknown(values: &Json, unknown: &[String]) -> Json {
    let mut v = values.clone();
    for p in unknown {
        let segs: Vec<&str> = p.split('.').collect();
        remove_path(&mut v, &segs);
    }
    strip_nulls(&mut v);
    v
}

fn strip_nulls(v: &mut Json) {
    match v {
        Json::Object(m) => {
            m.retain(|_, x| !x.is_null());
            m.values_mut().for_each(strip_nulls);
        }
        Json::Array(a) => a.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

fn remove_path(v: &mut Json, segs: &[&str]) {
    match segs {
        [] => {}
        [last] => {
            if let Json::Object(m) = v {
                m.remove(*last);
            } else if let (Json::Array(a), Ok(i)) = (v, last.parse::<usize>()) {
                if let Some(x) = a.get_mut(i) {
                    *x = Json::Null;
                }
            }
        }
        [first, rest @ ..] => {
            let next = match v {
                Json::Object(m) => m.get_mut(*first),
                Json::Array(a) => first.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
                _ => None,
            };
            if let Some(n) = next {
                remove_path(n, rest);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_addresses_in_compact_and_pretty_json() {
        let text = r#"{"a":{"address":"x.y"},"b":{"address" : "m.z[0]"}}"#;
        let o = address_offsets(text);
        assert_eq!(o["x.y"], 6..21);
        assert_eq!(&text[o["x.y"].clone()], r#""address":"x.y""#);
        assert!(o.contains_key("m.z[0]"));
    }

    #[test]
    fn unknown_paths_are_removed() {
        let v = json!({"a": 1, "b": {"c": 2, "d": 3}, "l": [1, 2]});
        let out = without_unknown(&v, &["b.c".into(), "l.1".into()]);
        assert_eq!(out, json!({"a": 1, "b": {"d": 3}, "l": [1, null]}));
        let nulls = json!({"a": null, "b": [{"c": null, "d": 1}]});
        assert_eq!(without_unknown(&nulls, &[]), json!({"b": [{"d": 1}]}));
    }
}
