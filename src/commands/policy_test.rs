//! `tfward policy test`: runs each policy folder's fixtures through the real
//! pipeline and its Rego unit tests, and reports pass/fail per policy with
//! the difference between expected and actual findings.
//!
//! Expectations: a bad HCL fixture marks each flagged line with
//! `# expect: ID` (several ids comma-separated); a JSON fixture (plan or
//! state) lists `ID ADDRESS` lines in a `.expect` file beside it; a good
//! fixture expects nothing from the policy under test.
//!
//! A built-in policy's fixtures run on regorus's VM and its interpreter, and
//! any disagreement fails the policy (see `engine`). Rego tests in folders
//! without a policy (`lib/*_test.rego`) run as one `library` entry.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::cli::Format;
use crate::commands::emit;
use crate::error::{ExitStatus, Fatal};
use crate::pipeline::ScanOptions;
use crate::policy::engine::{Compiled, EngineOptions, VmUse};
use crate::policy::{read_dir, Policy, PolicySet};
use crate::source::display_path;

/// The result of one policy's tests.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyResult {
    pub id: String,
    pub folder: String,
    pub passed: bool,
    pub fixtures: usize,
    pub rego_tests: usize,
    /// Human-readable lines: what was missing, unexpected or broken.
    pub problems: Vec<String>,
}

/// An expected or actual finding in a fixture: (file, line or address, id).
type Expectation = (String, String, String);

/// `--policy-timeout`, for every engine of the run.
static TIMEOUT: std::sync::OnceLock<std::time::Duration> = std::sync::OnceLock::new();

/// The engine options every policy's engine starts from.
fn base_options() -> EngineOptions {
    let defaults = EngineOptions::default();
    EngineOptions {
        timeout: TIMEOUT.get().copied().unwrap_or(defaults.timeout),
        ..defaults
    }
}

pub fn run(
    dirs: &[PathBuf],
    format: Format,
    verify_vm: bool,
    timeout_secs: u64,
) -> Result<ExitStatus, Fatal> {
    crate::commands::init_threads(None);
    let _ = TIMEOUT.set(std::time::Duration::from_secs(timeout_secs.max(1)));
    let mut results = Vec::new();
    for dir in dirs {
        if !dir.is_dir() {
            return Err(Fatal(format!(
                "{}: not a directory of policies",
                dir.display()
            )));
        }
        let files = read_dir(dir).map_err(|e| Fatal(e.to_string()))?;
        let mut set =
            PolicySet::from_files(files, Some(dir), false).map_err(|e| Fatal(e.to_string()))?;
        let library_tests = library_tests(&set);
        if set.policies.is_empty() && library_tests.is_empty() {
            return Err(Fatal(format!(
                "{}: no policy.rego or *_test.rego found below this folder; pass the folder holding your policy folders (each with a policy.rego)",
                dir.display()
            )));
        }
        let libs = library_for(dir, &set)?;
        set.libs = libs;
        // One engine for the whole folder, compiled once; each policy's
        // fixtures then run with only that policy enabled. A policy with its
        // own fixtures/config.json, or a set that does not compile as a
        // whole (a broken policy), gets an engine of its own.
        let t0 = std::time::Instant::now();
        let shared = shared_engine(&set, verify_vm);
        if std::env::var_os("TFWARD_PROFILE").is_some() {
            crate::progress::report_timing(&format!(
                "policy test: engine for {} policies compiled in {:?} (shared: {})",
                set.policies.len(),
                t0.elapsed(),
                shared.is_some()
            ));
        }
        let mut r: Vec<PolicyResult> = set
            .policies
            .par_iter()
            .enumerate()
            .map(|(i, p)| match &p.conftest {
                Some(package) => test_conftest(p, package, &set),
                None => test_policy(p, i, shared.as_ref(), &set, verify_vm),
            })
            .collect();
        results.append(&mut r);
        for (folder, tests) in library_tests {
            let folder = if folder.as_os_str().is_empty() {
                dir.clone()
            } else {
                dir.join(folder)
            };
            results.push(test_library(&folder, tests, &set));
        }
    }
    results.sort_by(|a, b| a.id.cmp(&b.id));
    let failed = results.iter().filter(|r| !r.passed).count();
    let text = match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&results).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Human => {
            let mut s = String::new();
            for r in &results {
                s.push_str(&format!(
                    "{} {} {} ({} fixture{}, {} rego test{})\n",
                    if r.passed { "PASS" } else { "FAIL" },
                    r.id,
                    r.folder,
                    r.fixtures,
                    if r.fixtures == 1 { "" } else { "s" },
                    r.rego_tests,
                    if r.rego_tests == 1 { "" } else { "s" },
                ));
                for p in &r.problems {
                    s.push_str(&format!("    {p}\n"));
                }
            }
            s.push_str(&format!(
                "{} passed, {} failed\n",
                results.len() - failed,
                failed
            ));
            s
        }
    };
    emit(&text, None)?;
    Ok(if failed > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// Library modules for testing `dir`: the built-in ones, replaced by any
/// found on disk in `dir` itself or in a `lib/` folder beside `dir` or one of
/// its ancestors (so a policy checkout tests against its own helpers).
fn library_for(dir: &Path, set: &PolicySet) -> Result<Vec<crate::policy::RegoFile>, Fatal> {
    let mut base = PolicySet::embedded().map_err(|e| Fatal(format!("built-in policy {e}")))?;
    base.policies.clear();
    let abs = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut disk_libs = Vec::new();
    for ancestor in abs.ancestors() {
        let lib = ancestor.join("lib");
        if lib != abs && holds_rego(&lib) {
            let files = read_dir(&lib).map_err(|e| Fatal(e.to_string()))?;
            disk_libs.extend(files.into_iter().filter(|f| !f.rel.ends_with("_test.rego")));
            break;
        }
    }
    // The tested folder's own lib/ may be the one just found (testing
    // `policies` itself): each file once, or its rules are defined twice
    // (and the VM programs built in no longer match, so everything is
    // compiled again). The same file is named from the canonical folder
    // above and from `dir` as given (`policies/lib/aws.rego`).
    let same_file = |a: &crate::policy::RegoFile, b: &crate::policy::RegoFile| {
        a.display == b.display
            || matches!(
                (Path::new(&a.display).canonicalize(), Path::new(&b.display).canonicalize()),
                (Ok(x), Ok(y)) if x == y
            )
    };
    for lib in &set.libs {
        if !disk_libs.iter().any(|l| same_file(l, lib)) {
            disk_libs.push(lib.clone());
        }
    }
    base.add(PolicySet {
        libs: disk_libs,
        ..PolicySet::default()
    })
    .map_err(|e| Fatal(e.to_string()))?;
    Ok(base.libs)
}

/// True for a directory with `.rego` files directly inside (a policy
/// library, not the system's /lib).
fn holds_rego(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "rego"))
        })
        .unwrap_or(false)
}

/// Rego tests in folders that hold no policy (`lib/*_test.rego`, the shared
/// helpers' tests), grouped by folder relative to the tested directory.
fn library_tests(set: &PolicySet) -> Vec<(PathBuf, Vec<crate::policy::RegoFile>)> {
    let policy_dirs: BTreeSet<&Path> = set
        .policies
        .iter()
        .filter_map(|p| Path::new(&p.file.rel).parent())
        .collect();
    let mut groups: std::collections::BTreeMap<PathBuf, Vec<crate::policy::RegoFile>> =
        Default::default();
    for t in &set.tests {
        let folder = Path::new(&t.rel).parent().unwrap_or(Path::new(""));
        let conftest = set
            .policies
            .iter()
            .filter_map(|p| p.conftest.as_ref())
            .any(|c| conftest_claims(c, t));
        if !policy_dirs.contains(folder) && !conftest {
            groups
                .entry(folder.to_path_buf())
                .or_default()
                .push(t.clone());
        }
    }
    groups.into_iter().collect()
}

/// Whether a Rego test file tests a conftest package: it declares the
/// package (or `<package>_test`) or sits beside one of its files.
fn conftest_claims(c: &crate::policy::conftest::Package, t: &crate::policy::RegoFile) -> bool {
    let package = crate::policy::metadata::package_of(&t.text).unwrap_or_default();
    package == c.package
        || package == format!("{}_test", c.package)
        || c.files
            .iter()
            .any(|f| Path::new(&f.rel).parent() == Path::new(&t.rel).parent())
}

/// Runs a conftest package's Rego tests (`test_` rules of its
/// `*_test.rego` files) with the package loaded beside the library.
fn test_conftest(
    p: &Policy,
    package: &crate::policy::conftest::Package,
    set: &PolicySet,
) -> PolicyResult {
    let mut result = PolicyResult {
        id: p.meta.id.clone(),
        folder: p.dir.as_deref().map(display_path).unwrap_or_default(),
        passed: true,
        fixtures: 0,
        rego_tests: 0,
        problems: Vec::new(),
    };
    let tests: Vec<crate::policy::RegoFile> = set
        .tests
        .iter()
        .filter(|t| conftest_claims(package, t))
        .cloned()
        .collect();
    let mut libs = set.libs.clone();
    libs.extend(package.files.iter().cloned());
    let with_package = PolicySet {
        libs,
        tests: tests.clone(),
        ..PolicySet::default()
    };
    match Compiled::with_tests(&with_package, &base_options()) {
        Ok(compiled) => run_rego_tests(&compiled, &tests, &mut result),
        Err(e) => {
            result.passed = false;
            result.problems.push(format!("does not load: {e}"));
        }
    }
    if result.rego_tests == 0 && result.passed {
        result
            .problems
            .push("no test_ rules found in a *_test.rego file for this package".into());
    }
    result
}

/// Runs one library folder's Rego tests against the library.
fn test_library(
    folder: &Path,
    tests: Vec<crate::policy::RegoFile>,
    set: &PolicySet,
) -> PolicyResult {
    let mut result = PolicyResult {
        id: "library".into(),
        folder: display_path(folder),
        passed: true,
        fixtures: 0,
        rego_tests: 0,
        problems: Vec::new(),
    };
    let only_tests = PolicySet {
        policies: Vec::new(),
        libs: set.libs.clone(),
        tests: tests.clone(),
    };
    match Compiled::with_tests(&only_tests, &base_options()) {
        Ok(compiled) => run_rego_tests(&compiled, &tests, &mut result),
        Err(e) => {
            result.passed = false;
            result.problems.push(format!("does not load: {e}"));
        }
    }
    result
}

/// The folder's policies, libraries and Rego tests in one engine; None when
/// they do not compile together.
fn shared_engine(set: &PolicySet, verify_vm: bool) -> Option<Compiled> {
    let opts = EngineOptions {
        vm: VmUse::Verify,
        verify_only: Some(
            set.policies
                .iter()
                .map(|p| verify_vm || is_builtin(p))
                .collect(),
        ),
        ..base_options()
    };
    Compiled::with_tests(set, &opts).ok()
}

fn test_policy(
    p: &Policy,
    index: usize,
    shared: Option<&Compiled>,
    set: &PolicySet,
    verify_vm: bool,
) -> PolicyResult {
    let folder = p.dir.as_deref().map(display_path).unwrap_or_default();
    let mut result = PolicyResult {
        id: p.meta.id.clone(),
        folder,
        passed: true,
        fixtures: 0,
        rego_tests: 0,
        problems: Vec::new(),
    };
    let Some(dir) = p.dir.as_deref() else {
        return result;
    };
    let own_tests: Vec<crate::policy::RegoFile> = set
        .tests
        .iter()
        .filter(|t| Path::new(&t.rel).parent() == Path::new(&p.file.rel).parent())
        .cloned()
        .collect();
    let single = PolicySet {
        policies: vec![p.clone()],
        libs: set.libs.clone(),
        tests: own_tests.clone(),
    };
    // fixtures/config.json, when present, is `data.tfward.config` for this
    // policy's fixtures and Rego tests (budgets, lists a team configures).
    let mut opts = EngineOptions {
        vm: if verify_vm || is_builtin(p) {
            VmUse::Verify
        } else {
            VmUse::Off
        },
        ..base_options()
    };
    let config_path = dir.join("fixtures").join("config.json");
    if let Some(shared) = shared.filter(|_| !config_path.is_file()) {
        let compiled = shared.only(index);
        run_rego_tests(&compiled, &own_tests, &mut result);
        run_fixtures(&compiled, p, &dir.join("fixtures"), &mut result);
        return finish_policy(result);
    }
    if config_path.is_file() {
        match std::fs::read_to_string(&config_path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(config) => opts.config = config,
            Err(e) => {
                result.passed = false;
                result
                    .problems
                    .push(format!("{}: {e}", display_path(&config_path)));
                return result;
            }
        }
    }
    let compiled = match Compiled::with_tests(&single, &opts) {
        Ok(c) => c,
        Err(e) => {
            result.passed = false;
            result.problems.push(format!("does not load: {e}"));
            return result;
        }
    };
    run_rego_tests(&compiled, &own_tests, &mut result);
    run_fixtures(&compiled, p, &dir.join("fixtures"), &mut result);
    finish_policy(result)
}

fn finish_policy(mut result: PolicyResult) -> PolicyResult {
    if result.fixtures == 0 {
        result.passed = false;
        result
            .problems
            .push("no fixtures: add fixtures/bad_*.tf and fixtures/good_*.tf".into());
    }
    result
}

/// Whether `p` is one of the policies built into this binary, unchanged:
/// scans run those on regorus's VM, so their fixtures run on both engines.
/// A user's policies run on the interpreter, in scans and here.
fn is_builtin(p: &Policy) -> bool {
    static BUILTIN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            crate::policy::embedded_files()
                .into_iter()
                .map(|f| f.text.to_string())
                .collect()
        })
        .iter()
        .any(|text| *text == *p.file.text)
}

fn run_rego_tests(
    compiled: &Compiled,
    tests: &[crate::policy::RegoFile],
    result: &mut PolicyResult,
) {
    for t in tests {
        let Some(package) = crate::policy::metadata::package_of(&t.text) else {
            result.passed = false;
            result
                .problems
                .push(format!("{}: no package line", t.display));
            continue;
        };
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for line in t.text.lines() {
            let Some(rest) = line.strip_prefix("test_") else {
                continue;
            };
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            names.insert(&line[..5 + end]);
        }
        for name in names {
            result.rego_tests += 1;
            let verdict =
                compiled.with_worker(|w| compiled.eval_rule(w, &format!("data.{package}.{name}")));
            match verdict {
                Ok(regorus::Value::Bool(true)) => {}
                Ok(other) => {
                    result.passed = false;
                    result
                        .problems
                        .push(format!("{}: {name} is {other}, not true", t.display));
                }
                Err(e) => {
                    result.passed = false;
                    result.problems.push(format!(
                        "{}: {name} failed: {}",
                        t.display,
                        e.lines().next().unwrap_or("")
                    ));
                }
            }
        }
    }
}

fn run_fixtures(compiled: &Compiled, p: &Policy, fixtures: &Path, result: &mut PolicyResult) {
    let Ok(entries) = std::fs::read_dir(fixtures) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let good = name.starts_with("good");
        let bad = name.starts_with("bad");
        if !(good || bad) || name.ends_with(".expect") {
            continue;
        }
        let is_json = name.ends_with(".json") && !name.ends_with(".tf.json");
        if !(path.is_dir() || name.ends_with(".tf") || name.ends_with(".tf.json") || is_json) {
            continue;
        }
        result.fixtures += 1;
        let expected = if good {
            BTreeSet::new()
        } else if is_json {
            json_expectations(&path, &p.meta.id)
        } else {
            hcl_expectations(&path, &p.meta.id)
        };
        if bad && expected.is_empty() {
            result.passed = false;
            result.problems.push(format!(
                "{}: a bad fixture marks no finding (add `# expect: {}` on the flagged line{})",
                display_path(&path),
                p.meta.id,
                if is_json {
                    ", or lines in a .expect file"
                } else {
                    ""
                }
            ));
            continue;
        }
        let opts = ScanOptions {
            paths: vec![path.clone()],
            max_file_size: crate::load::DEFAULT_MAX_FILE_SIZE,
            workspace: "default".into(),
            ..ScanOptions::default()
        };
        let started = std::time::Instant::now();
        let out = crate::pipeline::run(&opts, compiled);
        if std::env::var_os("TFWARD_PROFILE").is_some() {
            crate::progress::report_timing(&format!(
                "fixture {} took {:?}",
                display_path(&path),
                started.elapsed()
            ));
        }
        for d in out
            .diagnostics
            .iter()
            .filter(|d| d.level == crate::diagnostic::Level::Error)
        {
            result.passed = false;
            result
                .problems
                .push(format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message));
        }
        let actual: BTreeSet<Expectation> = out
            .findings
            .iter()
            .filter(|f| f.rule_id == p.meta.id)
            .map(|f| {
                if is_json {
                    (display_path(&path), f.address.clone(), f.rule_id.clone())
                } else {
                    (f.file.clone(), f.line.to_string(), f.rule_id.clone())
                }
            })
            .collect();
        for missing in expected.difference(&actual) {
            result.passed = false;
            result.problems.push(format!(
                "missing:    {}:{} {}",
                missing.0, missing.1, missing.2
            ));
        }
        for extra in actual.difference(&expected) {
            result.passed = false;
            let msg = out
                .findings
                .iter()
                .find(|f| f.rule_id == extra.2 && (f.file == extra.0 || f.address == extra.1))
                .map(|f| format!(" ({})", f.message))
                .unwrap_or_default();
            result.problems.push(format!(
                "unexpected: {}:{} {}{msg}",
                extra.0, extra.1, extra.2
            ));
        }
    }
}

/// `# expect: ID[, ID]` markers in a fixture file or every file of a
/// fixture directory.
fn hcl_expectations(path: &Path, id: &str) -> BTreeSet<Expectation> {
    let mut files = Vec::new();
    if path.is_dir() {
        for e in walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if e.file_type().is_file() {
                files.push(e.path().to_path_buf());
            }
        }
    } else {
        files.push(path.to_path_buf());
    }
    let mut out = BTreeSet::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            let Some((_, rest)) = line.split_once("expect:") else {
                continue;
            };
            for marked in rest.split(',') {
                let marked = marked.trim();
                if marked == id {
                    out.insert((display_path(&f), (i + 1).to_string(), id.to_owned()));
                }
            }
        }
    }
    out
}

/// `ID ADDRESS` lines of the `.expect` file beside a JSON fixture.
fn json_expectations(path: &Path, id: &str) -> BTreeSet<Expectation> {
    let expect = path.with_extension("expect");
    let Ok(text) = std::fs::read_to_string(&expect) else {
        return BTreeSet::new();
    };
    text.lines()
        .filter_map(|l| {
            let (rid, address) = l.trim().split_once(char::is_whitespace)?;
            (rid == id).then(|| {
                (
                    display_path(path),
                    address.trim().to_owned(),
                    rid.to_owned(),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tfward policy test policies` (a relative folder, as README and CI
    /// run it) found policies/lib both as the folder's own library and as
    /// the lib/ beside the canonical folder, and loaded each file twice: the
    /// built-in VM programs then no longer matched and the run took 15 s
    /// instead of 3.
    #[test]
    fn the_tested_folders_own_library_is_loaded_once_whichever_way_it_is_named() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let on_disk = read_dir(&root.join("policies/lib"))
            .expect("policies/lib reads")
            .into_iter()
            .filter(|f| !f.rel.ends_with("_test.rego"))
            .count();
        for dir in [
            root.join("policies"),
            // Relative to the working directory, which is the crate root
            // for unit tests.
            PathBuf::from("policies"),
        ] {
            let files = read_dir(&dir).expect("policies read");
            let set = PolicySet::from_files(files, Some(&dir), false).expect("policies load");
            let libs = library_for(&dir, &set).expect("the library loads");
            assert_eq!(
                libs.len(),
                on_disk,
                "{}: {:?}",
                dir.display(),
                libs.iter().map(|l| &l.display).collect::<Vec<_>>()
            );
        }
    }
}
