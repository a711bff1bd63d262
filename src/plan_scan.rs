//! Scanning plans and states: the same policies on `terraform show -json`
//! output, with findings pointing at the HCL that declared each resource
//! when the configuration is at hand, else at the resource in the JSON file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{json, Map, Value as Json};

use crate::analyse::cost::{self, CostSummary, ResourceCost};
use crate::diagnostic::Diagnostic;
use crate::discover::{Candidate, FileKind};
use crate::input::{ModuleInput, ResourceSpans};
use crate::paths::normalise;
use crate::plan::{self, JsonResource, Loaded as Plan};
use crate::policy::engine::Compiled;
use crate::scan::{self, Loaded, ScanOptions, ScanOutput};
use crate::source::{display_path, SourceFile};
use crate::terraform::module::{Inputs, SpanRef};

/// Plans and states may be far larger than any HCL file.
pub const MAX_PLAN_SIZE: u64 = 1024 * 1024 * 1024;

/// A plan or state as loaded, with its file.
pub struct PlanFile {
    pub file: usize,
    pub plan: Plan,
}

/// Scans plans/states; findings, changes and drift go into `out`.
pub fn scan_plans(
    plan_paths: &[PathBuf],
    config_dirs: &[PathBuf],
    opts: &ScanOptions,
    policies: &Compiled,
    out: &mut ScanOutput,
) {
    let mut files: Vec<Loaded> = Vec::new();
    let mut plans = Vec::new();
    for path in plan_paths {
        match read_plan(path) {
            Ok((source, plan)) => {
                files.push(Loaded {
                    source,
                    kind: FileKind::Json,
                    hcl: None,
                });
                plans.push(PlanFile {
                    file: files.len() - 1,
                    plan,
                });
            }
            Err(d) => out.diagnostics.push(d),
        }
    }
    let given_dir = opts.paths.iter().find(|p| p.is_dir()).cloned();
    let _ = config_dirs;
    let mut inputs = Vec::new();
    let catalogue = crate::analyse::cost::Catalogue::embedded();
    for pf in &mut plans {
        let plan_path = files[pf.file].source.path.clone();
        let root = given_dir.clone().or_else(|| {
            let dir = plan_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            has_tf_files(&dir).then_some(dir)
        });
        let locator = root.map(|r| ConfigLocator::build(&r, &pf.plan, opts, &mut files, out));
        if let Some(l) = &locator {
            pf.plan
                .lifecycle
                .extend(l.lifecycle.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let costs = crate::analyse::cost::plan_costs(&pf.plan, catalogue, &opts.usage);
        inputs.extend(plan_inputs(pf, &files, locator.as_ref(), &costs));
        out.plans.push(crate::analyse::diff::summarise(
            &pf.plan,
            &files[pf.file].source.display,
        ));
    }
    out.modules += inputs.len();
    let results: Vec<scan::ModuleResult> = inputs
        .into_par_iter()
        .map_init(
            || policies.worker(),
            |engine, input| scan::evaluate_module(policies, engine, input, &files, opts),
        )
        .collect();
    for m in results {
        out.inputs.extend(m.input);
        out.resources += m.resources;
        out.values_known += m.known;
        out.values_unknown += m.unknown;
        out.findings.extend(m.findings);
        out.diagnostics.extend(m.diagnostics);
        out.undecided.extend(m.undecided);
    }
    out.files = files.into_iter().map(|l| Arc::new(l.source)).collect();
    out.plan_models.extend(plans.into_iter().map(|pf| pf.plan));
}

fn has_tf_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| FileKind::of(&e.path()).is_some_and(FileKind::is_config))
        })
        .unwrap_or(false)
}

/// Reads and parses a plan or state file.
pub fn read_plan(path: &Path) -> Result<(SourceFile, Plan), Diagnostic> {
    let display = display_path(path);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_PLAN_SIZE {
        return Err(Diagnostic::error(
            &display,
            0,
            0,
            format!(
                "skipped: {size} bytes is over the {MAX_PLAN_SIZE} byte limit for plans and states"
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(&display, 0, 0, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::error(
            &display,
            0,
            0,
            format!(
                "not UTF-8 at byte {}: plans and states are UTF-8 JSON",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let plan =
        plan::load(&text).map_err(|e| Diagnostic::error(&display, e.line, e.column, e.message))?;
    Ok((SourceFile::data(path.to_path_buf(), display, text), plan))
}

/// Spans of resources in the configuration behind a plan: module address
/// (instance keys removed) -> base resource address -> spans.
pub struct ConfigLocator {
    pub modules: HashMap<String, HashMap<String, ResourceSpans>>,
    /// Full base address -> the resource's `lifecycle` block, as evaluated.
    pub lifecycle: BTreeMap<String, Json>,
}

impl ConfigLocator {
    /// Loads the root module at `root` and every local module the plan's
    /// configuration calls.
    pub fn build(
        root: &Path,
        plan: &Plan,
        opts: &ScanOptions,
        files: &mut Vec<Loaded>,
        out: &mut ScanOutput,
    ) -> ConfigLocator {
        // Module address -> directory, following local sources.
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
                if !(source.starts_with("./") || source.starts_with("../")) {
                    continue;
                }
                let child = if module.is_empty() {
                    format!("module.{name}")
                } else {
                    format!("{module}.module.{name}")
                };
                if dirs.contains_key(&child) || child.matches("module.").count() > 64 {
                    continue;
                }
                dirs.insert(child.clone(), normalise(&dir.join(source)));
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
        let (loaded, diags) = scan::load(&candidates, opts.max_file_size.max(1));
        out.diagnostics.extend(diags);
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
        let project = scan::project(files);
        for input in scan::build_tree(
            &project,
            root,
            &root_ids,
            files,
            &Inputs::default(),
            root,
            &opts.workspace,
        ) {
            // Lifecycle blocks are not in plan JSON: the report reads them here.
            for r in input.doc["resources"].as_array().into_iter().flatten() {
                if let (Some(address), Some(lc)) = (r["address"].as_str(), r.get("lifecycle")) {
                    lifecycle.insert(plan::strip_index(address), lc.clone());
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

/// One input document per module of the plan.
fn plan_inputs(
    pf: &PlanFile,
    files: &[Loaded],
    locator: Option<&ConfigLocator>,
    costs: &CostSummary,
) -> Vec<ModuleInput> {
    let source = &files[pf.file].source;
    let offsets = address_offsets(&source.text);
    let kind = pf.plan.kind.source();
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
    let resource_costs: HashMap<&str, &ResourceCost> = costs
        .resources
        .iter()
        .map(|c| (c.address.as_str(), c))
        .collect();
    let mut inputs = Vec::new();
    for (module, resources) in by_module {
        let mut docs = Vec::with_capacity(resources.len());
        let mut spans = HashMap::new();
        let mut unknown_map = HashMap::new();
        let mut sensitive = Vec::new();
        for r in &resources {
            plan::strings_at(&r.values, &r.sensitive, &mut sensitive);
            if let Some(c) = &r.change {
                let mut before_paths = Vec::new();
                plan::true_paths(&c.before_sensitive, "", &mut before_paths);
                plan::strings_at(&c.before, &before_paths, &mut sensitive);
            }
            let mut doc = json!({
                "address": r.address,
                "mode": r.mode,
                "type": r.rtype,
                "name": r.name,
                "provider": r.provider,
                "values": without_unknown(&r.values, &r.unknown),
                "unknown": r.unknown,
                "sensitive": r.sensitive,
                "references": r.references,
            });
            if let Some(c) = &r.change {
                doc["change"] = plan::change_json(c);
            }
            if let Some(d) = &r.drift {
                doc["drift"] = json!({"actions": d.actions, "before": d.before, "after": d.after});
            }
            if let Some(c) = resource_costs.get(r.address.as_str()) {
                doc["cost"] = cost::resource_json(c);
            }
            docs.push(doc);
            let hcl = locator.and_then(|l| l.find(&r.module, &r.address)).cloned();
            let s = hcl.unwrap_or_else(|| ResourceSpans {
                block: offsets.get(&r.address).map(|span| SpanRef {
                    file: pf.file,
                    span: span.clone(),
                }),
                attrs: HashMap::new(),
            });
            spans.insert(r.address.clone(), s);
            unknown_map.insert(
                r.address.clone(),
                r.unknown
                    .iter()
                    .map(|p| (p.clone(), format!("{}.{p} is known after apply", r.address)))
                    .collect(),
            );
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
        let mut doc = json!({
            "source": kind,
            "module": module,
            "resources": docs,
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
        if pf.plan.kind == plan::JsonKind::Plan {
            doc["cost"] = cost::policy_doc(costs);
        }
        inputs.push(ModuleInput {
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
            resource_count,
            issues: Vec::new(),
            calls: Default::default(),
            root_dir: String::new(),
            call_chain: Vec::new(),
        });
    }
    inputs
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

#[allow(dead_code)]
fn _unused(_: Map<String, Json>) {}

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
