//! The path a scan takes, through tfward's library API: parse every file,
//! evaluate the module tree, build each module's policy input document,
//! evaluate the built-in policies on it, and locate every finding the way
//! the report does (line, column, excerpt, redaction).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tfward::input;
use tfward::policy::engine::{Compiled, EngineOptions};
use tfward::policy::PolicySet;
use tfward::source::SourceFile;
use tfward::terraform::eval::{Bindings, Eval};
use tfward::terraform::module::{self, Inputs, LiteralResolver, ModuleFile, Project};
use tfward::terraform::parse::{parse_hcl, ParsedHcl};

/// A directory the file functions can read: the scanned root of every
/// fuzzed project (the project's own files stay in memory).
pub fn sandbox() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("tfward-fuzz-{}", std::process::id()));
        let files: &[(&str, &str)] = &[
            ("files/hello.txt", "hello ${name}\n"),
            ("files/data.json", "{\"a\": [1, 2], \"b\": \"c\"}"),
            ("files/data.yaml", "a: [1, 2]\nb: c\n"),
            ("files/t.tftpl", "%{ for x in items }${x}\n%{ endfor }"),
            ("files/bin.dat", "\u{0}\u{1}\u{2}"),
            ("modules/a/readme.txt", "child\n"),
        ];
        for (rel, text) in files {
            let p = dir.join(rel);
            if let Some(parent) = p.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::write(&p, text);
        }
        dir
    })
}

/// The built-in policies, compiled once per process.
pub fn policies() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let set = PolicySet::embedded().expect("the embedded policies load");
        Compiled::new(&set, &EngineOptions::default()).expect("the embedded policies compile")
    })
}

/// What one run found, for targets that check more than "no panic".
#[derive(Debug, Default)]
pub struct Outcome {
    pub parsed: usize,
    pub modules: usize,
    pub findings: usize,
}

/// Scans a project given as (path relative to the root, text) pairs.
pub fn scan_config(files: &[(String, String)], inputs: &Inputs, with_policies: bool) -> Outcome {
    let root = sandbox();
    let mut outcome = Outcome::default();
    let mut sources: Vec<SourceFile> = Vec::new();
    let mut trees: Vec<ParsedHcl> = Vec::new();
    let mut inputs = inputs.clone();
    for (rel, text) in files {
        let path = root.join(rel);
        let display = tfward::source::display_path(&path);
        let text = if rel.ends_with(".tf.json") {
            match tfward::terraform::json_config::to_hcl(text) {
                Ok(hcl) => hcl,
                Err(_) => continue,
            }
        } else {
            text.clone()
        };
        let Ok(tree) = parse_hcl(&text) else {
            continue;
        };
        let source = SourceFile::new(path, display, text);
        if rel.ends_with(".tfvars") {
            // As the scan reads terraform.tfvars: literals only.
            let eval = Eval::new(&LiteralResolver);
            for attr in tree.body.attributes() {
                inputs.values.insert(
                    attr.key.value().to_string(),
                    eval.expr(&attr.value, Bindings::EMPTY),
                );
            }
            continue;
        }
        sources.push(source);
        trees.push(tree);
    }
    outcome.parsed = sources.len();
    let project = Project::new(
        sources
            .iter()
            .zip(&trees)
            .enumerate()
            .map(|(file, (source, hcl))| ModuleFile { file, source, hcl })
            .collect(),
    );
    let evaluated = module::evaluate_tree(&project, root, &inputs, root, "default");
    outcome.modules = evaluated.len();
    let compiled = policies();
    let mut worker = compiled.worker();
    for m in &evaluated {
        let doc = input::from_config(&tfward::source::display_path(&m.dir), &m.address, m);
        for issue in &m.issues {
            let f = &sources[issue.at.file];
            let _ = f.line_col(issue.at.span.start);
            let _ = f.excerpt(issue.at.span.clone());
        }
        let _ = input::value_counts(&doc.doc);
        let mut shown = doc.doc.clone();
        input::redact_json(&mut shown, &doc.sensitive);
        let _ = shown.to_string();
        if !with_policies {
            continue;
        }
        let owned: Vec<String> = doc.types().into_iter().map(str::to_owned).collect();
        let types = owned.iter().map(String::as_str).collect();
        let value = doc.doc.clone();
        let (raw, _errors) = compiled.evaluate(&mut worker, || regorus::Value::from(value), &types);
        for r in raw {
            outcome.findings += 1;
            if let Some(at) = doc.locate(&r.address, &r.path) {
                let f = &sources[at.file];
                let _ = f.line_col(at.span.start);
                let _ = f.line_col(at.span.end.max(at.span.start));
                let _ = f.excerpt(at.span.clone());
            }
            if let Some(reason) = doc.unknown_reason(&r.address, &r.path) {
                let _ = input::redact(reason, &doc.sensitive);
            }
            let _ = input::redact(&r.message, &doc.sensitive);
        }
    }
    outcome
}

/// A scratch directory for targets that go through `tfward::pipeline::run`
/// (which reads files from disk), emptied before each use.
pub fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tfward-fuzz-scan-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Writes `files` under a fresh scratch directory, scans it as `tfward scan
/// DIR` does (discover, load, evaluate, the built-in policies, ignores),
/// and renders the report in every output format.
pub fn scan_dir(files: &[(&str, &[u8])]) -> usize {
    let dir = scratch();
    for (rel, bytes) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&p, bytes);
    }
    let opts = tfward::pipeline::ScanOptions {
        paths: vec![dir.clone()],
        max_file_size: 1 << 20,
        workspace: "default".into(),
        ..Default::default()
    };
    let out = tfward::pipeline::run(&opts, policies());
    render_all(&out, &dir);
    out.findings.len()
}

/// Every report format, as `tfward scan --format F` prints it.
pub fn render_all(out: &tfward::pipeline::ScanOutput, base: &Path) {
    use std::collections::HashMap;
    use tfward::report;
    let compiled = policies();
    let report = report::Report::new(out, true);
    // The rules of the findings only: SARIF and JUnit list every rule in
    // the context, and 800 of them per run would be most of the time.
    let ids: std::collections::HashSet<&str> =
        report.findings.iter().map(|f| f.rule_id.as_str()).collect();
    let ctx = report::Context::new(
        compiled
            .policies
            .iter()
            .filter(|p| ids.contains(p.meta.id.as_str()))
            .map(|p| &p.meta),
        Some(base),
    );
    let remediation: HashMap<&str, &str> = compiled
        .policies
        .iter()
        .map(|p| (p.meta.id.as_str(), p.meta.remediation.as_str()))
        .collect();
    let human = report::human::render(
        &report,
        &report::human::HumanContext {
            files: &out.files,
            remediation,
            color: false,
            show_undecided: true,
            view: report::human::View::default(),
        },
    );
    let outputs = [
        human,
        report::json::render(&report),
        report::sarif::render(&report, &ctx),
        report::junit::render(&report, &ctx),
        report::github::render(&report, &ctx),
        report::gitlab::render(&report, &ctx),
        report::markdown::render(&report, &ctx),
    ];
    std::hint::black_box(outputs);
}

/// A plan or state through the loader and the pure analyses on it: the
/// attribute diff of every change and drift entry, and cost.
pub fn analyse_plan(text: &str) {
    use tfward::analyse::{cost, diff};
    let Ok(loaded) = tfward::plan::load(text) else {
        return;
    };
    let summary = diff::summarise(&loaded, "plan.json");
    std::hint::black_box(&summary);
    for c in loaded.changes.iter().chain(&loaded.drift) {
        for entry in diff::diff(c) {
            std::hint::black_box(entry);
        }
        std::hint::black_box(tfward::plan::change_json(c));
    }
    let costs = cost::plan_costs(
        &loaded,
        cost::Catalogue::embedded(),
        &cost::Usage::default(),
    );
    std::hint::black_box(cost::policy_doc(&costs));
    std::hint::black_box(tfward::plan::modules(&loaded));
}
