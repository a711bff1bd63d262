//! The scan pipeline, for configuration, plans and states alike:
//! discover -> load (parallel) -> model -> evaluate (parallel) -> suppress,
//! then everything sorted so output never depends on scheduling. Each stage
//! accumulates per worker and merges once; nothing on the hot path takes a
//! lock. Commands run it and then analyse and render its [`ScanOutput`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Level};
use crate::discover::{self, Candidate, FileKind};
use crate::evaluate::{self, Undecided};
use crate::finding::Finding;
use crate::load::{self, Loaded, PlanFile};
use crate::model::{self, plan::ConfigLocator};
use crate::policy::engine::Compiled;
use crate::progress::Progress;
use crate::source::{display_path, SourceFile};
use crate::terraform::module::{self, Inputs};

/// What to scan and how.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    /// tfward.toml's `[limits] instances` (None: the default budget).
    pub max_instances: Option<usize>,
    pub max_file_size: u64,
    pub var_files: Vec<PathBuf>,
    /// The command-line order of `var_files` and `vars` (empty: files first).
    pub var_order: Vec<crate::terraform::module::VarSource>,
    /// `--var name=value`, in order.
    pub vars: Vec<(String, String)>,
    /// `TF_VAR_name` values from the environment.
    pub env_vars: Vec<(String, String)>,
    pub workspace: String,
    /// `--provider-schema`: resources' values follow it.
    pub provider_schema: Option<Arc<crate::terraform::schema::ProviderSchemas>>,
    pub exclude: Vec<String>,
    /// Plans or states to scan (`--plan`); JSON files among `paths` are
    /// added. With plans, directories among `paths` are their configuration.
    pub plans: Vec<PathBuf>,
    /// Keep each module's policy input document in the output
    /// (`tfward input`).
    pub keep_inputs: bool,
    /// Drop the plans and states as loaded once they are evaluated rather
    /// than return them (`plan_models`, which `tfward report` reads): a
    /// large plan's model is nearly half of the scan's memory.
    pub drop_plans: bool,
    /// List the checks left undecided by unknown values (`--unknowns report`).
    pub report_undecided: bool,
    /// Usage figures for usage-based prices (`--usage`).
    pub usage: crate::analyse::cost::Usage,
    /// Inline and config ignores (the pass after evaluation).
    pub suppress: crate::suppress::SuppressOptions,
    /// `--shard K/N`: scan only the modules of this shard.
    pub shard: Option<crate::shard::Shard>,
    /// `--download-modules`: fetch registry and git modules into a cache.
    pub download_modules: Option<crate::fetch::Download>,
    /// Draw a progress bar on stderr (only set when stderr is a terminal).
    pub progress: bool,
    /// Source bytes of configuration whose syntax trees are held at once
    /// (None: [`TREE_BUDGET`]); more is evaluated in batches.
    pub tree_budget: Option<u64>,
}

impl ScanOptions {
    /// The options evaluation needs.
    pub fn evaluate(&self) -> evaluate::EvaluateOptions {
        evaluate::EvaluateOptions {
            keep_inputs: self.keep_inputs,
            report_undecided: self.report_undecided,
        }
    }
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
    /// The same documents, typed (for `tfward drift`).
    pub kept: Vec<crate::model::document::KeptModule>,
    /// The plans and states scanned, as loaded (for cost, risk and the
    /// change report), in the order of `plans`.
    pub plan_models: Vec<crate::plan::Loaded>,
    /// Findings a valid ignore suppressed.
    pub suppressed: Vec<crate::suppress::Suppressed>,
    /// Findings left out because the `--baseline` has them.
    pub baselined: usize,
    /// Module calls evaluated, not installed, missing.
    pub module_calls: crate::model::document::CallCounts,
}

/// Scans HCL configuration under the given paths with the compiled policies.
pub fn run(opts: &ScanOptions, policies: &Compiled) -> ScanOutput {
    let started = std::time::Instant::now();
    let exclude = discover::exclude_matcher(&opts.exclude);
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
    conftest_notes(policies, plan_paths.is_empty(), &mut out.diagnostics);
    if !plan_paths.is_empty() {
        let config_dirs: Vec<PathBuf> = found.modules.keys().cloned().collect();
        let t0 = std::time::Instant::now();
        scan_plans(&plan_paths, &config_dirs, opts, policies, &mut out);
        if std::env::var_os("TFWARD_PROFILE").is_some() {
            crate::progress::report_timing(&format!(
                "plans {:?}: {}",
                t0.elapsed(),
                crate::progress::memory_use()
            ));
            policies.report_profile();
        }
        suppress(&mut out, opts, policies);
        if std::env::var_os("TFWARD_PROFILE").is_some() {
            crate::progress::report_timing("suppressions applied");
        }
        finish(&mut out);
        if std::env::var_os("TFWARD_PROFILE").is_some() {
            crate::progress::report_timing("findings sorted");
        }
        return out;
    }
    let candidates: Vec<Candidate> = found
        .modules
        .values()
        .flat_map(|m| m.files.iter().cloned())
        .collect();
    let t0 = std::time::Instant::now();
    // A large scan does not hold every syntax tree at once: they are most
    // of its memory (ten times the text). Loading reads every file and
    // parses those that may call modules, for their sources; the trees are
    // parsed (the others for the first time) a batch of modules at a time
    // (`batches`, `hold_trees`).
    let budget = opts.tree_budget.unwrap_or(TREE_BUDGET);
    let config_bytes: u64 = candidates
        .iter()
        .filter(|c| c.kind.is_config())
        .map(|c| c.size)
        .sum();
    let trees = if config_bytes > budget && opts.download_modules.is_none() {
        load::Trees::Batched
    } else {
        load::Trees::Keep
    };
    let (mut loaded, mut diags) = load::load_with(&candidates, opts.max_file_size.max(1), trees);
    let t_load = t0.elapsed();
    if std::env::var_os("TFWARD_PROFILE").is_some() {
        crate::progress::report_timing(&format!(
            "loaded {} files in {t_load:?}: {}",
            loaded.len(),
            crate::progress::memory_use()
        ));
    }
    let scanned_count = loaded.len();
    let fetched = match &opts.download_modules {
        Some(download) => {
            let mut roots: Vec<PathBuf> = loaded
                .iter()
                .filter(|l| l.kind.is_config())
                .filter_map(|l| l.source.path.parent().map(Path::to_path_buf))
                .collect();
            roots.sort();
            roots.dedup();
            crate::fetch::fetch_modules(&roots, download, &mut diags)
        }
        None => crate::fetch::Fetched::default(),
    };
    let calls = load::load_called_modules(
        &mut loaded,
        opts.max_file_size.max(1),
        trees,
        &mut diags,
        &fetched.dirs(),
        &fetched.names.packages(),
        &|p: &Path| fetched.names.show(p),
    );
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
    let mut cli_inputs = match model::config::cli_inputs(
        &opts.var_files,
        &opts.vars,
        &opts.var_order,
        &opts.env_vars,
    ) {
        Ok(i) => i,
        Err(d) => {
            out.diagnostics.push(d);
            Inputs::default()
        }
    };
    cli_inputs.schema = opts.provider_schema.clone();
    cli_inputs.max_instances = opts.max_instances;
    if !fetched.by_root.is_empty() {
        cli_inputs.downloaded = Some(Arc::new(fetched.by_root));
    }
    let scan_root = found.root.clone();
    let roots: Vec<(PathBuf, Vec<usize>)> = by_dir
        .into_iter()
        .filter(|(_, files)| files.iter().any(|&i| loaded[i].kind.is_config()))
        .filter(|(dir, _)| !calls.called.contains(&module::normalise(dir)))
        .collect();
    let batches = match trees {
        load::Trees::Keep => vec![Batch {
            roots: 0..roots.len(),
            files: Vec::new(),
        }],
        load::Trees::Batched => batches(&roots, &loaded, &calls.leads_to, budget),
    };

    let progress = Progress::new(opts.progress, started, roots.len(), "scanning modules");
    let mut per_root: Vec<Vec<evaluate::ModuleResult>> = Vec::with_capacity(roots.len());
    for batch in batches {
        if trees == load::Trees::Batched {
            out.diagnostics
                .extend(hold_trees(&mut loaded, &batch.files));
        }
        let mut project = model::config::project(&loaded);
        project.refused.clone_from(&calls.refused);
        per_root.par_extend(roots[batch.roots].par_iter().map(|(dir, files)| {
            // A directory whose configuration does not parse is no module
            // (loading every tree would have left it out of `roots`).
            let broken = |i: &usize| loaded[*i].syntax == load::Syntax::Broken;
            if files
                .iter()
                .filter(|&&i| loaded[i].kind.is_config())
                .all(broken)
            {
                progress.inc();
                return Vec::new();
            }
            policies.with_worker(|engine| {
                let results = model::config::build_tree(
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
                    evaluate::evaluate_module(policies, engine, input, &loaded, opts.evaluate())
                })
                .collect();
                progress.inc();
                results
            })
        }));
    }
    progress.finish();
    let per_module: Vec<evaluate::ModuleResult> = per_root.into_iter().flatten().collect();
    out.modules = per_module.len();
    if std::env::var_os("TFWARD_PROFILE").is_some() {
        crate::progress::report_timing(&format!(
            "load+parse {:?}, total {:?}: {}",
            t_load,
            t0.elapsed(),
            crate::progress::memory_use()
        ));
        policies.report_profile();
    }

    // One allocation of the right size: grown by doubling, the list of a
    // large scan's findings was copied as it grew, beside the modules' own.
    out.findings
        .reserve_exact(per_module.iter().map(|m| m.findings.len()).sum());
    for m in per_module {
        out.module_calls.add(m.calls);
        out.inputs.extend(m.input);
        out.kept.extend(m.kept);
        out.resources += m.resources;
        out.values_known += m.known;
        out.values_unknown += m.unknown;
        out.findings.extend(m.findings);
        out.diagnostics.extend(m.diagnostics);
        out.undecided.extend(m.undecided);
    }
    if trees == load::Trees::Batched {
        // Files no batch read (modules only a cycle of calls reaches) are
        // still checked, as loading every tree would have.
        out.diagnostics.extend(check_unread(&mut loaded));
    }
    out.files = loaded
        .into_iter()
        .filter(|l| l.syntax != load::Syntax::Broken)
        .map(|l| Arc::new(l.source))
        .collect();
    if out.resources == 0 && !found.excluded.is_empty() {
        // An exclude that hides every module (`**/examples/**` in a module
        // repository) must not pass as a clean scan.
        let shown: Vec<String> = found
            .excluded
            .iter()
            .take(3)
            .map(|p| display_path(p))
            .collect();
        let more = found.excluded.len().saturating_sub(shown.len());
        out.diagnostics.push(Diagnostic::new(
            Level::Warning,
            &display_path(&found.root),
            0,
            0,
            format!(
                "no resource was evaluated, and --exclude or tfward.toml `exclude` left out {} path(s): {}{}; check the exclude patterns",
                found.excluded.len(),
                shown.join(", "),
                if more > 0 { format!(" and {more} more") } else { String::new() }
            ),
        ));
    }
    suppress(&mut out, opts, policies);
    finish(&mut out);
    out
}

/// Source bytes of configuration whose syntax trees a scan holds at once
/// (about ten times as many bytes of memory). A scan of more reads its
/// modules in batches of about this size (`ScanOptions::tree_budget`).
///
/// On the corpus (15 MB of configuration) 1, 2 and 4 MiB cost the same
/// instructions (its repositories call their own modules, so few are
/// parsed in two batches) and peak at about 150, 170 and 215 MB.
pub const TREE_BUDGET: u64 = 2 * 1024 * 1024;

/// Root modules evaluated together, and the configuration files they read.
struct Batch {
    roots: std::ops::Range<usize>,
    files: Vec<usize>,
}

/// Splits the roots, in order, into batches whose module trees (each root's
/// files and those of every module it may call: `leads_to`, as loading
/// followed the calls) hold about `budget` bytes of source. A root larger
/// than that is a batch of its own.
fn batches(
    roots: &[(PathBuf, Vec<usize>)],
    loaded: &[Loaded],
    leads_to: &std::collections::HashMap<PathBuf, Vec<PathBuf>>,
    budget: u64,
) -> Vec<Batch> {
    let mut by_dir: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, l) in loaded.iter().enumerate() {
        if l.kind.is_config() {
            if let Some(dir) = l.source.path.parent() {
                by_dir.entry(module::normalise(dir)).or_default().push(i);
            }
        }
    }
    let mut out: Vec<Batch> = Vec::new();
    let mut current = Batch {
        roots: 0..0,
        files: Vec::new(),
    };
    let mut held: std::collections::HashSet<usize> = Default::default();
    let mut bytes = 0u64;
    for (r, (dir, own)) in roots.iter().enumerate() {
        // The root's own files (tfvars too) and its modules' files.
        let mut files: Vec<usize> = own.clone();
        let mut seen: std::collections::HashSet<PathBuf> = Default::default();
        let mut queue = vec![module::normalise(dir)];
        while let Some(d) = queue.pop() {
            if !seen.insert(d.clone()) {
                continue;
            }
            files.extend(by_dir.get(&d).into_iter().flatten().copied());
            queue.extend(leads_to.get(&d).into_iter().flatten().cloned());
        }
        files.sort_unstable();
        files.dedup();
        let size = |i: &usize| loaded[*i].source.text.len() as u64;
        let added: u64 = files.iter().filter(|i| !held.contains(i)).map(size).sum();
        if !current.roots.is_empty() && bytes + added > budget {
            let next = Batch {
                roots: r..r,
                files: Vec::new(),
            };
            out.push(std::mem::replace(&mut current, next));
            held.clear();
            bytes = 0;
        }
        current.roots.end = r + 1;
        for i in files {
            if held.insert(i) {
                bytes += size(&i);
                current.files.push(i);
            }
        }
    }
    if !current.roots.is_empty() {
        out.push(current);
    }
    out
}

/// Holds the syntax trees of `files` (parsing those not held, in
/// parallel) and drops every other configuration file's tree. Returns the
/// errors of files parsed for the first time that do not parse; they are
/// [`load::Syntax::Broken`] from then on.
fn hold_trees(loaded: &mut [Loaded], files: &[usize]) -> Vec<Diagnostic> {
    let wanted: std::collections::HashSet<usize> = files.iter().copied().collect();
    for (i, l) in loaded.iter_mut().enumerate() {
        if l.kind.is_config() && !wanted.contains(&i) {
            l.hcl = None;
        }
    }
    let missing: Vec<usize> = files
        .iter()
        .copied()
        .filter(|&i| loaded[i].hcl.is_none())
        .collect();
    let parsed: Vec<(
        usize,
        Result<Option<crate::terraform::parse::ParsedHcl>, Diagnostic>,
    )> = missing
        .par_iter()
        .map(|&i| (i, load::reparse(&loaded[i])))
        .collect();
    let mut errors = Vec::new();
    for (i, tree) in parsed {
        let l = &mut loaded[i];
        match tree {
            Ok(tree) => {
                if tree.is_some() {
                    l.syntax = load::Syntax::Valid;
                }
                l.hcl = tree;
            }
            Err(error) => {
                l.syntax = load::Syntax::Broken;
                errors.push(error);
            }
        }
    }
    errors
}

/// Parses, to check them, the configuration files no batch read; the
/// errors of those that do not parse.
fn check_unread(loaded: &mut [Loaded]) -> Vec<Diagnostic> {
    let checked: Vec<(usize, Option<Diagnostic>)> = loaded
        .par_iter()
        .enumerate()
        .filter(|(_, l)| l.syntax == load::Syntax::Unchecked)
        .map(|(i, l)| (i, load::reparse(l).err()))
        .collect();
    let mut errors = Vec::new();
    for (i, error) in checked {
        loaded[i].syntax = match error {
            Some(_) => load::Syntax::Broken,
            None => load::Syntax::Valid,
        };
        errors.extend(error);
    }
    errors
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
        match load::read_plan(path) {
            Ok((source, plan)) => {
                files.push(Loaded {
                    source,
                    kind: FileKind::Json,
                    hcl: None,
                    calls: Vec::new(),
                    syntax: load::Syntax::Valid,
                });
                plans.push(PlanFile {
                    file: files.len() - 1,
                    plan,
                });
            }
            Err(d) => out.diagnostics.push(d),
        }
    }
    let profile = std::env::var_os("TFWARD_PROFILE").is_some();
    if profile {
        crate::progress::report_timing(&format!("plans read: {}", crate::progress::memory_use()));
    }
    let given_dir = opts.paths.iter().find(|p| p.is_dir()).cloned();
    let _ = config_dirs;
    let mut results: Vec<evaluate::ModuleResult> = Vec::new();
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
            load::has_tf_files(&dir).then_some(dir)
        });
        let locator = root.map(|r| {
            let fetched = match &opts.download_modules {
                Some(download) => crate::fetch::fetch_modules(
                    std::slice::from_ref(&r),
                    download,
                    &mut out.diagnostics,
                ),
                None => crate::fetch::Fetched::default(),
            };
            ConfigLocator::build(
                &r,
                &pf.plan,
                opts.max_file_size,
                &opts.workspace,
                &fetched,
                opts.provider_schema.clone(),
                &mut files,
                &mut out.diagnostics,
            )
        });
        if let Some(l) = &locator {
            pf.plan
                .lifecycle
                .extend(l.lifecycle.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let costs = crate::analyse::cost::plan_costs(&pf.plan, catalogue, &opts.usage);
        if profile {
            crate::progress::report_timing("plan costs estimated");
        }
        let documents = model::plan::PlanDocuments::new(pf, &files, locator.as_ref(), &costs);
        if profile {
            crate::progress::report_timing("plan documents indexed");
        }
        out.modules += documents.len();
        let evaluate = |input| {
            policies.with_worker(|engine| {
                evaluate::evaluate_module(policies, engine, input, &files, opts.evaluate())
            })
        };
        let evaluate_all = || {
            if !policies.conftest().is_empty() && pf.plan.kind != crate::plan::JsonKind::RawState {
                // Conftest packages read the whole plan: every document first.
                let inputs: Vec<_> = (0..documents.len())
                    .into_par_iter()
                    .map(|i| documents.build(i))
                    .collect();
                let (findings, diagnostics) =
                    evaluate::conftest_plan_findings(policies, pf.file, &inputs, &files);
                out.findings.extend(findings);
                out.diagnostics.extend(diagnostics);
                results.par_extend(inputs.into_par_iter().map(evaluate));
            } else {
                // Each module's document is built where it is evaluated, and
                // only those being evaluated are held.
                results.par_extend(
                    (0..documents.len())
                        .into_par_iter()
                        .map(|i| evaluate(documents.build(i))),
                );
            }
        };
        // The changes are summarised while the documents are evaluated.
        let summarise =
            || crate::analyse::diff::summarise(&pf.plan, &files[pf.file].source.display);
        let ((), summary) = rayon::join(evaluate_all, summarise);
        out.plans.push(summary);
        if profile {
            crate::progress::report_timing("plan documents evaluated and changes summarised");
        }
    }
    if opts.drop_plans {
        // Freed before the findings are merged, which reuse the memory (freed
        // on a worker meanwhile, the peak was 5-15 MB higher).
        plans = Vec::new();
    }
    if profile {
        crate::progress::report_timing(&format!(
            "{} plan documents evaluated: {}",
            results.len(),
            crate::progress::memory_use()
        ));
    }
    // One allocation of the right size: grown by doubling, the list of a
    // large plan's findings was copied as it grew, beside the modules' own.
    out.findings
        .reserve_exact(results.iter().map(|m| m.findings.len()).sum());
    for m in results {
        out.inputs.extend(m.input);
        out.kept.extend(m.kept);
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

/// Conftest packages that did not load; and, for a scan without a plan,
/// that the conftest packages did not run (they read a plan's JSON).
fn conftest_notes(policies: &Compiled, no_plan: bool, diagnostics: &mut Vec<Diagnostic>) {
    let conftest = policies.conftest();
    for e in &conftest.errors {
        diagnostics.push(Diagnostic::error(
            &e.file,
            e.line,
            0,
            format!(
                "this conftest policy did not load, so its rules did not run: {}",
                e.message
            ),
        ));
    }
    if no_plan && !conftest.is_empty() {
        diagnostics.push(Diagnostic::new(
            Level::Warning,
            &conftest.dirs.join(", "),
            0,
            0,
            "conftest policies here read a plan's JSON (`terraform show -json`) and this scan has no plan, \
             so they did not run: scan with --plan plan.json"
                .into(),
        ));
    }
}

/// Applies inline and config ignores to the scan's findings.
fn suppress(out: &mut ScanOutput, opts: &ScanOptions, policies: &Compiled) {
    let findings = std::mem::take(&mut out.findings);
    let s = crate::suppress::apply(&out.files, findings, &opts.suppress, policies);
    out.findings = s.findings;
    out.suppressed = s.suppressed;
    out.diagnostics.extend(s.diagnostics);
}

/// Sorts everything a user sees, so output never depends on scheduling.
pub fn finish(out: &mut ScanOutput) {
    // Stable, as sort_by is, on every worker: a large plan has tens of
    // thousands of findings, compared by file, line, rule and address.
    out.findings
        .par_sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.findings.dedup();
    out.diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.diagnostics.dedup();
    out.undecided.sort();
    out.undecided.dedup();
}
