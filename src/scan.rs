//! The scan pipeline: discover -> load (parallel) -> model -> evaluate
//! (parallel) -> findings, sorted. Each stage accumulates per worker and
//! merges once; nothing on the hot path takes a lock.

use std::collections::{BTreeMap, HashMap, HashSet};

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Level};
use crate::discover::{self, Candidate, FileKind};
use crate::finding::{CallSite, Finding, Identity, Via};
use crate::input::{self, ModuleInput};
use crate::policy::engine::Compiled;
use crate::progress::Progress;
use crate::source::{display_path, SourceFile};
use crate::terraform::eval::{Bindings, Eval};
use crate::terraform::module::{self, Inputs, ModuleFile};
use crate::terraform::parse::{self, ParsedHcl};
use crate::terraform::value::Value;

/// Files larger than this are reported and skipped (HCL); plans and states
/// have their own, larger cap.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// What to scan and how.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub max_file_size: u64,
    pub var_files: Vec<PathBuf>,
    /// `--var name=value`, in order.
    pub vars: Vec<(String, String)>,
    /// `TF_VAR_name` values from the environment.
    pub env_vars: Vec<(String, String)>,
    pub workspace: String,
    pub exclude: Vec<String>,
    /// Plans or states to scan (`--plan`); JSON files among `paths` are
    /// added. With plans, directories among `paths` are their configuration.
    pub plans: Vec<PathBuf>,
    /// Keep each module's policy input document in the output
    /// (`tfward input`).
    pub keep_inputs: bool,
    /// List the checks left undecided by unknown values (`--unknowns report`).
    pub report_undecided: bool,
    /// Usage figures for usage-based prices (`--usage`).
    pub usage: crate::analyse::cost::Usage,
    /// Inline and config ignores (the pass after evaluation).
    pub suppress: crate::suppress::SuppressOptions,
    /// `--shard K/N`: scan only the modules of this shard.
    pub shard: Option<crate::shard::Shard>,
    /// Draw a progress bar on stderr (only set when stderr is a terminal).
    pub progress: bool,
}

/// A file as loaded: its text and, for HCL, its syntax tree.
pub struct Loaded {
    pub source: SourceFile,
    pub kind: FileKind,
    pub hcl: Option<ParsedHcl>,
}

/// Everything a scan found.
#[derive(Default)]
pub struct ScanOutput {
    pub files: Vec<Arc<SourceFile>>,
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub modules: usize,
    pub resources: usize,
    pub policies: usize,
    /// Checks a policy could not decide because a value is unknown.
    pub undecided: Vec<Undecided>,
    /// Attribute values known and unknown across all resources.
    pub values_known: usize,
    pub values_unknown: usize,
    /// Changes and drift of each plan scanned.
    pub plans: Vec<crate::analyse::diff::PlanSummary>,
    /// Policy input documents, when asked for (sorted by module path and
    /// module address).
    pub inputs: Vec<serde_json::Value>,
    /// The plans and states scanned, as loaded (for cost, risk and the
    /// change report), in the order of `plans`.
    pub plan_models: Vec<crate::plan::Loaded>,
    /// Findings a valid ignore suppressed.
    pub suppressed: Vec<crate::suppress::Suppressed>,
    /// Findings left out because the `--baseline` has them.
    pub baselined: usize,
    /// Module calls evaluated, not installed, missing.
    pub module_calls: crate::input::CallCounts,
}

/// A check left undecided because the value it depends on is unknown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Undecided {
    pub rule_id: String,
    pub address: String,
    pub path: String,
    pub reason: String,
    pub file: String,
    pub line: usize,
}

/// Reads and parses every file, in parallel.
pub fn load(candidates: &[Candidate], max_size: u64) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let results: Vec<Result<Loaded, Diagnostic>> = candidates
        .par_iter()
        .map(|c| load_one(c, max_size))
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(d) => diags.push(d),
        }
    }
    (loaded, diags)
}

fn load_one(c: &Candidate, max_size: u64) -> Result<Loaded, Diagnostic> {
    let display = display_path(&c.path);
    if c.size > max_size {
        return Err(Diagnostic::error(
            &display,
            0,
            0,
            format!(
                "skipped: the file is {} bytes, over the {} byte limit; raise it with --max-file-size if it is really Terraform",
                c.size, max_size
            ),
        ));
    }
    let bytes = std::fs::read(&c.path)
        .map_err(|e| Diagnostic::error(&display, 0, 0, format!("cannot read the file: {e}")))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
            let f = SourceFile::new(c.path.clone(), display.clone(), valid);
            let at = f.line_col(offset);
            return Err(Diagnostic::error(
                &display,
                at.line,
                at.column,
                "the file is not valid UTF-8 (Terraform reads UTF-8 only); re-save it as UTF-8"
                    .into(),
            ));
        }
    };
    let text = follow_git_symlink(&c.path, text);
    // A byte-order mark is three bytes; blank it so offsets stay true.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text,
    };
    let mut source = SourceFile::new(c.path.clone(), display.clone(), text);
    let hcl = match c.kind {
        FileKind::Hcl | FileKind::Tfvars => match parse::parse_hcl(&source.text) {
            Ok(p) => Some(p),
            Err(e) => {
                let at = source.line_col(e.offset);
                return Err(
                    Diagnostic::error(&display, at.line, at.column, e.message).with_span(e.offset)
                );
            }
        },
        FileKind::HclJson => match crate::terraform::json_config::to_hcl(&source.text) {
            Ok(hcl_text) => match parse::parse_hcl(&hcl_text) {
                Ok(p) => {
                    // Spans now refer to the generated text: keep it as the
                    // file's text so snippets match, under the same name.
                    source = SourceFile::new(c.path.clone(), display.clone(), hcl_text);
                    Some(p)
                }
                Err(e) => {
                    return Err(Diagnostic::error(
                        &display,
                        0,
                        0,
                        format!("cannot read this JSON configuration: {}", e.message),
                    ))
                }
            },
            Err(e) => return Err(Diagnostic::error(&display, e.line, e.column, e.message)),
        },
        FileKind::TfvarsJson | FileKind::Json => None,
    };
    Ok(Loaded {
        source,
        kind: c.kind,
        hcl,
    })
}

/// A checkout made without symlink support (git's `core.symlinks=false`,
/// some archives) stores a symlink as a file holding the target's relative
/// path. When a Terraform file is exactly that — one line naming a sibling
/// Terraform file that exists — read the target, as the symlink would.
fn follow_git_symlink(path: &Path, text: String) -> String {
    let target = text.trim_end_matches('\n');
    let looks_like_link = !target.is_empty()
        && target.len() < 512
        && !target.contains(['\n', ' ', '=', '{', '"', '#'])
        && FileKind::of(Path::new(target)).is_some();
    if !looks_like_link {
        return text;
    }
    let Some(dir) = path.parent() else {
        return text;
    };
    let resolved = dir.join(target);
    match std::fs::read_to_string(&resolved) {
        // A link to a link is followed once only: no loops.
        Ok(t) if resolved.is_file() => t,
        _ => text,
    }
}

/// Scans HCL configuration under the given paths with the compiled policies.
pub fn scan(opts: &ScanOptions, policies: &Compiled) -> ScanOutput {
    let started = std::time::Instant::now();
    let exclude = build_exclude(&opts.exclude);
    let mut found = discover::discover(&opts.paths, &|p: &Path| exclude(p));
    if let Some(shard) = opts.shard {
        let root = found.root.clone();
        found.modules.retain(|dir, _| shard.owns(&root, dir));
    }
    let mut out = ScanOutput {
        policies: policies.policies.len(),
        ..ScanOutput::default()
    };
    for issue in &found.issues {
        let level = if issue.lost_files {
            Level::Error
        } else {
            Level::Warning
        };
        out.diagnostics.push(Diagnostic::new(
            level,
            &issue.path,
            0,
            0,
            issue.message.clone(),
        ));
    }
    let mut plan_paths: Vec<PathBuf> = found.json.iter().map(|c| c.path.clone()).collect();
    plan_paths.extend(opts.plans.iter().cloned());
    if !plan_paths.is_empty() {
        let config_dirs: Vec<PathBuf> = found.modules.keys().cloned().collect();
        crate::plan_scan::scan_plans(&plan_paths, &config_dirs, opts, policies, &mut out);
        crate::suppress::apply(&mut out, &opts.suppress, policies);
        finish(&mut out);
        return out;
    }
    let candidates: Vec<Candidate> = found
        .modules
        .values()
        .flat_map(|m| m.files.iter().cloned())
        .collect();
    let t0 = std::time::Instant::now();
    let (mut loaded, mut diags) = load(&candidates, opts.max_file_size.max(1));
    let t_load = t0.elapsed();
    let scanned_count = loaded.len();
    let called = load_called_modules(&mut loaded, opts.max_file_size.max(1), &mut diags);
    out.diagnostics.extend(diags);

    // Group the scanned files by directory; a directory that another module
    // calls is evaluated through that call, with its inputs, not as a root.
    let mut by_dir: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, l) in loaded.iter().enumerate().take(scanned_count) {
        let dir = l
            .source
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        by_dir.entry(dir).or_default().push(i);
    }
    let cli_inputs = match cli_inputs(opts) {
        Ok(i) => i,
        Err(d) => {
            out.diagnostics.push(d);
            Inputs::default()
        }
    };
    let scan_root = found.root.clone();
    let roots: Vec<(PathBuf, Vec<usize>)> = by_dir
        .into_iter()
        .filter(|(_, files)| files.iter().any(|&i| loaded[i].kind.is_config()))
        .filter(|(dir, _)| !called.contains(&module::normalise(dir)))
        .collect();
    let project = project(&loaded);

    let progress = Progress::new(opts.progress, started, roots.len(), "scanning modules");
    let per_root: Vec<Vec<ModuleResult>> = roots
        .par_iter()
        .map_init(
            || policies.worker(),
            |engine, (dir, files)| {
                let results = build_tree(
                    &project,
                    dir,
                    files,
                    &loaded,
                    &cli_inputs,
                    &scan_root,
                    &opts.workspace,
                )
                .into_iter()
                .map(|mut input| {
                    crate::analyse::cost::annotate_config(
                        &mut input.doc,
                        crate::analyse::cost::Catalogue::embedded(),
                        &opts.usage,
                    );
                    evaluate_module(policies, engine, input, &loaded, opts)
                })
                .collect();
                progress.inc();
                results
            },
        )
        .collect();
    progress.finish();
    let per_module: Vec<ModuleResult> = per_root.into_iter().flatten().collect();
    out.modules = per_module.len();
    drop(project);
    if std::env::var_os("TFWARD_PROFILE").is_some() {
        crate::commands::report_timing(&format!(
            "load+parse {:?}, total {:?}",
            t_load,
            t0.elapsed()
        ));
    }

    for m in per_module {
        out.module_calls.add(m.calls);
        out.inputs.extend(m.input);
        out.resources += m.resources;
        out.values_known += m.known;
        out.values_unknown += m.unknown;
        out.findings.extend(m.findings);
        out.diagnostics.extend(m.diagnostics);
        out.undecided.extend(m.undecided);
    }
    out.files = loaded.into_iter().map(|l| Arc::new(l.source)).collect();
    crate::suppress::apply(&mut out, &opts.suppress, policies);
    finish(&mut out);
    out
}

/// Sorts everything a user sees, so output never depends on scheduling.
pub fn finish(out: &mut ScanOutput) {
    out.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.findings.dedup();
    out.diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.diagnostics.dedup();
    out.undecided.sort();
    out.undecided.dedup();
}

pub(crate) struct ModuleResult {
    pub calls: crate::input::CallCounts,
    pub input: Option<serde_json::Value>,
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub undecided: Vec<Undecided>,
    pub resources: usize,
    pub known: usize,
    pub unknown: usize,
}

/// All loaded configuration files as a module project.
pub(crate) fn project(loaded: &[Loaded]) -> module::Project<'_> {
    module::Project::new(
        loaded
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind.is_config())
            .filter_map(|(i, l)| {
                l.hcl.as_ref().map(|hcl| ModuleFile {
                    file: i,
                    source: &l.source,
                    hcl,
                })
            })
            .collect(),
    )
}

/// Evaluates a root module directory and its child modules into one input
/// document per module instance.
pub(crate) fn build_tree(
    project: &module::Project<'_>,
    dir: &Path,
    files: &[usize],
    loaded: &[Loaded],
    cli: &Inputs,
    scan_root: &Path,
    workspace: &str,
) -> Vec<ModuleInput> {
    let mut inputs = tfvars_inputs(files, loaded);
    // Command-line values win over files found in the directory.
    for (k, v) in &cli.values {
        inputs.values.insert(k.clone(), v.clone());
    }
    for (k, v) in &cli.raw {
        inputs.values.remove(k);
        inputs.raw.insert(k.clone(), v.clone());
    }
    for (k, v) in &cli.env {
        if !inputs.values.contains_key(k) && !inputs.raw.contains_key(k) {
            inputs.env.insert(k.clone(), v.clone());
        }
    }
    module::evaluate_tree(project, dir, &inputs, scan_root, workspace)
        .into_iter()
        .map(|evaluated| {
            let mut input = input::from_config(
                &display_path(&evaluated.dir),
                &evaluated.address,
                &evaluated,
            );
            input.issues = evaluated.issues.clone();
            if !evaluated.address.is_empty() {
                input.root_dir = display_path(dir);
                input.call_chain = evaluated.call_chain.clone();
            }
            input
        })
        .collect()
}

/// Loads, beside the scanned files, the directories of local module calls
/// and of modules installed by `terraform init`, until nothing new is
/// called. Returns the directories called by another module.
fn load_called_modules(
    loaded: &mut Vec<Loaded>,
    max_size: u64,
    diags: &mut Vec<Diagnostic>,
) -> HashSet<PathBuf> {
    let mut called: HashSet<PathBuf> = HashSet::new();
    let mut known: HashSet<PathBuf> = loaded
        .iter()
        .filter_map(|l| l.source.path.parent().map(module::normalise))
        .collect();
    let mut from = 0;
    // Each round loads the modules the previous round's files call. The
    // evaluator stops at MAX_MODULE_DEPTH nested calls (and says so), so
    // loading deeper than that is wasted; a symlink loop ends there too.
    for _round in 0..=module::MAX_MODULE_DEPTH {
        let mut wanted: Vec<PathBuf> = Vec::new();
        let mut dirs = std::collections::BTreeSet::new();
        for l in &loaded[from..] {
            let Some(dir) = l.source.path.parent() else {
                continue;
            };
            dirs.insert(dir.to_path_buf());
            let Some(hcl) = &l.hcl else { continue };
            for source in module::module_sources(&hcl.body) {
                if module::is_local_source(&source) {
                    let target = module::normalise(&dir.join(&source));
                    if target != module::normalise(dir) {
                        called.insert(target.clone());
                    }
                    wanted.push(target);
                }
            }
        }
        for dir in dirs {
            wanted.extend(module::installed_modules(&dir).into_values());
        }
        from = loaded.len();
        let mut candidates = Vec::new();
        for dir in wanted {
            if !known.insert(dir.clone()) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
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
        if candidates.is_empty() {
            break;
        }
        let (more, d) = load(&candidates, max_size);
        diags.extend(d);
        loaded.extend(more);
    }
    called
}

/// Variable values from the module directory's tfvars files, in
/// Terraform's order: terraform.tfvars, terraform.tfvars.json, then
/// *.auto.tfvars(.json) by name.
fn tfvars_inputs(files: &[usize], loaded: &[Loaded]) -> Inputs {
    let mut ordered: Vec<(u8, &str, usize)> = files
        .iter()
        .filter_map(|&i| {
            let name = loaded[i].source.path.file_name()?.to_str()?;
            let rank = match name {
                "terraform.tfvars" => 0,
                "terraform.tfvars.json" => 1,
                n if n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json") => 2,
                _ => return None,
            };
            Some((rank, name, i))
        })
        .collect();
    ordered.sort();
    let mut inputs = Inputs::default();
    for (_, _, i) in ordered {
        read_var_file(&loaded[i], &mut inputs);
    }
    inputs
}

/// Reads one tfvars file's values into `inputs` (later files win).
fn read_var_file(l: &Loaded, inputs: &mut Inputs) {
    match l.kind {
        FileKind::Tfvars => {
            if let Some(hcl) = &l.hcl {
                let resolver = crate::terraform::module::LiteralResolver;
                let eval = Eval::new(&resolver);
                for attr in hcl.body.attributes() {
                    inputs.values.insert(
                        attr.key.value().to_string(),
                        eval.expr(&attr.value, Bindings::EMPTY),
                    );
                }
            }
        }
        FileKind::TfvarsJson => {
            if let Ok(serde_json::Value::Object(map)) =
                serde_json::from_str::<serde_json::Value>(&l.source.text)
            {
                for (k, v) in map {
                    inputs.values.insert(k, Value::from_json(&v));
                }
            }
        }
        _ => {}
    }
}

/// `--var-file`, `--var` and `TF_VAR_*` values.
pub(crate) fn cli_inputs(opts: &ScanOptions) -> Result<Inputs, Diagnostic> {
    let mut inputs = Inputs::default();
    for (k, v) in &opts.env_vars {
        inputs.env.insert(k.clone(), v.clone());
    }
    for path in &opts.var_files {
        let kind = if path.to_string_lossy().ends_with(".json") {
            FileKind::TfvarsJson
        } else {
            FileKind::Tfvars
        };
        let c = Candidate {
            path: path.clone(),
            kind,
            size: 0,
        };
        let l = load_one(&c, u64::MAX)?;
        if kind == FileKind::TfvarsJson {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&l.source.text) {
                return Err(Diagnostic::error(
                    &display_path(path),
                    e.line(),
                    e.column(),
                    format!("invalid JSON: {e}"),
                ));
            }
        }
        read_var_file(&l, &mut inputs);
    }
    for (k, v) in &opts.vars {
        inputs.values.remove(k);
        inputs.raw.insert(k.clone(), v.clone());
    }
    Ok(inputs)
}

pub(crate) fn evaluate_module(
    policies: &Compiled,
    engine: &mut crate::policy::engine::Worker,
    mut input: ModuleInput,
    loaded: &[Loaded],
    opts: &ScanOptions,
) -> ModuleResult {
    let (known, unknown) = input::value_counts(&input.doc);
    let mut result = ModuleResult {
        calls: Default::default(),
        input: None,
        findings: Vec::new(),
        diagnostics: Vec::new(),
        undecided: Vec::new(),
        resources: input.resource_count,
        known,
        unknown,
    };
    for issue in &input.issues {
        let f = &loaded[issue.at.file].source;
        let lc = f.line_col(issue.at.span.start);
        let level = if issue.error {
            Level::Error
        } else {
            Level::Warning
        };
        result.diagnostics.push(
            Diagnostic::new(level, &f.display, lc.line, lc.column, issue.message.clone())
                .with_span(issue.at.span.start),
        );
    }
    result.calls = input.calls;
    // The types are copied out so the document itself can move into the
    // engine without a deep clone.
    let owned_types: Vec<String> = input.types().into_iter().map(str::to_owned).collect();
    let types: HashSet<&str> = owned_types.iter().map(String::as_str).collect();
    if opts.keep_inputs {
        let mut doc = input.doc.clone();
        doc["module_path"] = serde_json::Value::String(input.module_path.clone());
        input::redact_json(&mut doc, &input.sensitive);
        result.input = Some(doc);
    }
    // (address, type) of each resource, for the undecided-check pass after
    // the document has moved into the engine.
    let typed: Vec<(String, String)> = if opts.report_undecided {
        input.doc["resources"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| {
                Some((
                    r["address"].as_str()?.to_owned(),
                    r["type"].as_str()?.to_owned(),
                ))
            })
            .collect()
    } else {
        Vec::new()
    };
    let doc = std::mem::take(&mut input.doc);
    let (raw, errors) = policies.evaluate(engine, || regorus::Value::from(doc), &types);
    for e in errors {
        let p = &policies.policies[e.policy];
        result.diagnostics.push(Diagnostic::error(
            &input.module_path,
            0,
            0,
            format!("policy {} failed on this module: {}", p.meta.id, e.message),
        ));
    }
    let via = via_of(&input, loaded);
    let mut seen = HashSet::new();
    for r in raw {
        let p = &policies.policies[r.policy];
        let at = input.locate(&r.address, &r.path);
        let (file, start, end) = match &at {
            Some(s) => {
                let f = &loaded[s.file].source;
                (
                    f.display.clone(),
                    f.line_col(s.span.start),
                    f.line_col(s.span.end.max(s.span.start)),
                )
            }
            None => (
                input.module_path.clone(),
                Default::default(),
                Default::default(),
            ),
        };
        if let Some(reason) = input.unknown_reason(&r.address, &r.path) {
            result.undecided.push(Undecided {
                rule_id: p.meta.id.clone(),
                address: r.address.clone(),
                path: crate::finding::dotted(&r.path),
                reason: input::redact(reason, &input.sensitive),
                file,
                line: start.line,
            });
            continue;
        }
        let identity = Identity {
            rule_id: &p.meta.id,
            module_path: &input.module_path,
            root: &input.root_dir,
            module: &input.module,
            address: &r.address,
            path: &r.path,
            key: r.key.as_deref(),
        };
        let fp = identity.fingerprint();
        if !seen.insert((fp.clone(), r.message.clone())) {
            continue;
        }
        result.findings.push(Finding {
            rule_id: p.meta.id.clone(),
            severity: p.meta.severity,
            title: p.meta.title.clone(),
            message: input::redact(&r.message, &input.sensitive),
            file,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            address: r.address,
            path: r.path,
            module: input.module.clone(),
            fingerprint: fp,
            via: via.clone(),
        });
    }
    tell_apart(&mut result.findings);
    if opts.report_undecided {
        undecided_by_mention(policies, &input, &typed, loaded, &mut result);
    }
    result
}

/// The chain of module calls that produced a child module's findings.
fn via_of(input: &ModuleInput, loaded: &[Loaded]) -> Option<Via> {
    if input.module.is_empty() || input.root_dir.is_empty() {
        return None;
    }
    let calls = input
        .call_chain
        .iter()
        .map(|at| {
            let f = &loaded[at.file].source;
            let lc = f.line_col(at.span.start);
            CallSite {
                file: f.display.clone(),
                line: lc.line,
                column: lc.column,
            }
        })
        .collect();
    Some(Via {
        root: input.root_dir.clone(),
        module: input.module.clone(),
        calls,
    })
}

/// Two findings of one rule on one attribute with different messages (SSH
/// and RDP on one network ACL rule, when the policy gave no `key`) must not
/// share a fingerprint: their messages tell them apart.
fn tell_apart(findings: &mut [Finding]) {
    let mut by_fp: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_fp.entry(f.fingerprint.as_str()).or_default().push(i);
    }
    let clashes: Vec<Vec<usize>> = by_fp.into_values().filter(|v| v.len() > 1).collect();
    for group in clashes {
        for i in group {
            let f = &findings[i];
            let mut h = Sha256::new();
            for part in [f.fingerprint.as_str(), f.message.as_str()] {
                h.update(part.as_bytes());
                h.update([0u8]);
            }
            let fp: String = h.finalize()[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            findings[i].fingerprint = fp;
        }
    }
}

/// Checks a policy could not decide: the policy mentions an attribute
/// that is unknown on a resource of its types, and reported nothing for
/// that resource. (A finding on an unknown path is already dropped and
/// listed; this covers policies that stay silent by testing for the value.)
fn undecided_by_mention(
    policies: &Compiled,
    input: &ModuleInput,
    typed: &[(String, String)],
    loaded: &[Loaded],
    result: &mut ModuleResult,
) {
    let fired: HashSet<(String, String)> = result
        .findings
        .iter()
        .map(|f| (f.rule_id.clone(), f.address.clone()))
        .chain(
            result
                .undecided
                .iter()
                .map(|u| (u.rule_id.clone(), u.address.clone())),
        )
        .collect();
    for (i, p) in policies.policies.iter().enumerate() {
        if !policies.is_enabled(i) {
            continue;
        }
        for (address, rtype) in typed {
            let address = address.as_str();
            if !p.meta.resource_types.iter().any(|t| t == rtype)
                || fired.contains(&(p.meta.id.clone(), address.to_owned()))
            {
                continue;
            }
            let Some(unknowns) = input.unknown.get(address) else {
                continue;
            };
            for (path, reason) in unknowns {
                let first = path.split('.').next().unwrap_or(path);
                if !p.mentions.contains(first) {
                    continue;
                }
                let at = input.locate(
                    address,
                    &[crate::finding::PathSegment::Key(first.to_owned())],
                );
                let (file, line) = match at {
                    Some(s) => {
                        let f = &loaded[s.file].source;
                        (f.display.clone(), f.line_col(s.span.start).line)
                    }
                    None => (input.module_path.clone(), 0),
                };
                result.undecided.push(Undecided {
                    rule_id: p.meta.id.clone(),
                    address: address.to_owned(),
                    path: path.clone(),
                    reason: input::redact(reason, &input.sensitive),
                    file,
                    line,
                });
            }
        }
    }
}

/// `--exclude` globs (matched against the path as displayed).
fn build_exclude(patterns: &[String]) -> impl Fn(&Path) -> bool {
    let mut builder = globset::GlobSetBuilder::new();
    for p in patterns {
        if let Ok(g) = globset::Glob::new(p) {
            builder.add(g);
        }
    }
    let set = builder
        .build()
        .unwrap_or_else(|_| globset::GlobSet::empty());
    move |p: &Path| !set.is_empty() && set.is_match(display_path(p))
}
