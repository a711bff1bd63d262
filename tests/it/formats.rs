//! The CI and review report formats (`--format sarif|junit|github|gitlab|
//! markdown`, repeatable `--output FORMAT=FILE`): a snapshot of each on a
//! small fixture, SARIF validated against the official 2.1.0 schema, and the
//! exit codes, which no format may change.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixture: main.tf has findings of TFW-AWS-0001, -0002 and -0009;
/// broken.tf does not parse.
const FIXTURE: &str = "testdata/formats";
const FIXTURE_CLEAN: &str = "testdata/formats/main.tf";
/// A fixed policy selection, so the snapshots do not change whenever a
/// built-in policy is added: three that fire (HIGH, HIGH, LOW) and one that
/// does not (CRITICAL).
const ONLY: &str = "--only=TFW-AWS-0001,TFW-AWS-0002,TFW-AWS-0009,TFW-AWS-0020";

const FORMATS: [&str; 7] = [
    "human", "json", "sarif", "junit", "github", "gitlab", "markdown",
];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tfward(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_tfward"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("run tfward");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn scan(format: &str) -> Run {
    tfward(&["scan", FIXTURE, ONLY, "--format", format])
}

/// Snapshots `text`, with the tool version replaced so a release does not
/// churn them.
fn snapshot(name: &str, text: &str) {
    let version = format!("\"{}\"", regex_escape(env!("CARGO_PKG_VERSION")));
    insta::with_settings!({
        filters => vec![(version.as_str(), "\"[VERSION]\"")],
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_ascii_alphanumeric() {
                vec![c]
            } else {
                vec!['\\', c]
            }
        })
        .collect()
}

#[test]
fn sarif_snapshot() {
    let run = scan("sarif");
    assert_eq!(
        run.code, 2,
        "broken.tf makes the run exit 2: {}",
        run.stderr
    );
    snapshot("formats_sarif", &run.stdout);
}

#[test]
fn junit_snapshot() {
    let run = scan("junit");
    assert_eq!(run.code, 2, "{}", run.stderr);
    snapshot("formats_junit", &run.stdout);
}

#[test]
fn github_snapshot() {
    let run = scan("github");
    assert_eq!(run.code, 2, "{}", run.stderr);
    snapshot("formats_github", &run.stdout);
}

#[test]
fn gitlab_snapshot() {
    let run = scan("gitlab");
    assert_eq!(run.code, 2, "{}", run.stderr);
    snapshot("formats_gitlab", &run.stdout);
}

#[test]
fn markdown_snapshot() {
    let run = scan("markdown");
    assert_eq!(run.code, 2, "{}", run.stderr);
    snapshot("formats_markdown", &run.stdout);
}

fn sarif_schema() -> jsonschema::Validator {
    let path = root().join("testdata/schemas/sarif-2.1.0.json");
    let text = std::fs::read_to_string(&path).expect("read the SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("compile the SARIF schema")
}

fn assert_valid_sarif(text: &str) -> serde_json::Value {
    let log: serde_json::Value = serde_json::from_str(text).expect("SARIF is JSON");
    let validator = sarif_schema();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not match the 2.1.0 schema:\n{}",
        errors.join("\n")
    );
    log
}

#[test]
fn sarif_matches_the_official_schema() {
    let log = assert_valid_sarif(&scan("sarif").stdout);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "TFW-AWS-0001",
            "TFW-AWS-0002",
            "TFW-AWS-0009",
            "TFW-AWS-0020"
        ]
    );
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(
            rules[index]["id"], r["ruleId"],
            "ruleIndex points at the rule"
        );
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(loc["artifactLocation"]["uri"], "testdata/formats/main.tf");
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                loc["region"][key].as_u64().expect(key) >= 1,
                "{key} is 1-based"
            );
        }
        assert_eq!(
            r["partialFingerprints"]["tfward/v1"].as_str().map(str::len),
            Some(16)
        );
    }
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "testdata/formats/broken.tf"
    );
}

/// Every built-in policy's METADATA makes a valid rule, not only the four
/// in the snapshot.
#[test]
fn sarif_of_every_builtin_policy_matches_the_schema() {
    let run = tfward(&["scan", FIXTURE_CLEAN, "--format", "sarif"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let log = assert_valid_sarif(&run.stdout);
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(rules.len() >= 40, "all built-in policies: {}", rules.len());
    for r in rules {
        let name = r["name"].as_str().expect("name");
        assert!(
            name.starts_with(|c: char| c.is_ascii_uppercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric())
        );
        let score: f64 = r["properties"]["security-severity"]
            .as_str()
            .expect("score")
            .parse()
            .expect("numeric");
        assert!((0.0..=10.0).contains(&score));
    }
}

#[test]
fn gitlab_fingerprints_do_not_depend_on_lines() {
    let before = tfward(&["scan", FIXTURE_CLEAN, ONLY, "--format", "gitlab"]);
    // The same module path in another checkout, with the blocks moved down.
    let dir = tempfile::tempdir().expect("tempdir");
    let moved = dir.path().join(FIXTURE_CLEAN);
    std::fs::create_dir_all(moved.parent().expect("parent")).expect("mkdir");
    let text = std::fs::read_to_string(root().join(FIXTURE_CLEAN)).expect("fixture");
    std::fs::write(&moved, format!("\n\n\n{text}")).expect("write");
    let after = Command::new(env!("CARGO_BIN_EXE_tfward"))
        .args(["scan", FIXTURE_CLEAN, ONLY, "--format", "gitlab"])
        .current_dir(dir.path())
        .output()
        .expect("run");
    let after = String::from_utf8(after.stdout).expect("utf-8");
    let issues = |text: &str| -> Vec<(String, u64)> {
        let v: serde_json::Value = serde_json::from_str(text).expect("json");
        let items = v.as_array().expect("array");
        items
            .iter()
            .map(|i| {
                (
                    i["fingerprint"].as_str().expect("fp").to_owned(),
                    i["location"]["lines"]["begin"].as_u64().expect("line"),
                )
            })
            .collect()
    };
    let (before, after) = (issues(&before.stdout), issues(&after));
    assert_eq!(before.len(), 3);
    for ((fp_before, line_before), (fp_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(fp_before, fp_after);
        assert_eq!(line_before + 3, *line_after);
    }
}

/// Exit codes are API: 0 clean, 1 findings at or above --fail-on, 2 when
/// a file could not be read, whatever the format.
#[test]
fn exit_codes_hold_in_every_format() {
    for format in FORMATS {
        let errored = scan(format);
        assert_eq!(
            errored.code, 2,
            "{format} with an unparsable file: {}",
            errored.stderr
        );
        let findings = tfward(&["scan", FIXTURE_CLEAN, ONLY, "--format", format]);
        assert_eq!(
            findings.code, 1,
            "{format} with findings: {}",
            findings.stderr
        );
        let below = tfward(&[
            "scan",
            FIXTURE_CLEAN,
            ONLY,
            "--format",
            format,
            "--fail-on",
            "critical",
        ]);
        assert_eq!(
            below.code, 0,
            "{format} with findings below --fail-on: {}",
            below.stderr
        );
        assert!(
            !findings.stdout.is_empty(),
            "{format} writes the report to stdout"
        );
        assert_eq!(
            findings.stdout, below.stdout,
            "{format}: --fail-on does not change the report"
        );
        assert!(
            findings.stderr.is_empty(),
            "{format}: nothing on stderr: {}",
            findings.stderr
        );
    }
}

#[test]
fn one_run_writes_several_formats() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = |name: &str| -> PathBuf { dir.path().join(name) };
    let arg = |format: &str, name: &str| format!("{format}={}", file(name).display());
    let (sarif, junit, md) = (
        arg("sarif", "out.sarif"),
        arg("junit", "out.xml"),
        arg("markdown", "out.md"),
    );
    let run = tfward(&[
        "scan", FIXTURE, ONLY, "--format", "json", "--output", &sarif, "--output", &junit,
        "--output", &md,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        scan("json").stdout,
        "stdout keeps the --format report"
    );
    let read = |name: &str| std::fs::read_to_string(file(name)).expect("output written");
    assert_eq!(read("out.sarif"), scan("sarif").stdout);
    assert_eq!(read("out.xml"), scan("junit").stdout);
    assert_eq!(read("out.md"), scan("markdown").stdout);
}

#[test]
fn bare_output_takes_the_format_report_off_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.sarif");
    let path_arg = path.display().to_string();
    let run = tfward(&[
        "scan",
        FIXTURE_CLEAN,
        ONLY,
        "--format",
        "sarif",
        "--output",
        &path_arg,
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_valid_sarif(&std::fs::read_to_string(&path).expect("written"));
}

#[test]
fn bad_outputs_are_flag_errors() {
    let run = tfward(&["scan", FIXTURE_CLEAN, "--output", "xml=out.xml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown format \"xml\""),
        "{}",
        run.stderr
    );
    let run = tfward(&[
        "scan",
        FIXTURE_CLEAN,
        "--output",
        "a.txt",
        "--output",
        "b.txt",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("only one output may be given without a format"),
        "{}",
        run.stderr
    );
    let run = tfward(&[
        "scan",
        FIXTURE_CLEAN,
        "--output",
        "sarif=x.sarif",
        "--output",
        "junit=x.sarif",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("given twice"), "{}", run.stderr);
    assert!(
        !root().join("x.sarif").exists() && !root().join("a.txt").exists(),
        "nothing written on a flag error"
    );
}

/// The schema check has teeth: a region starting at line 0 is rejected.
#[test]
fn sarif_schema_rejects_a_bad_log() {
    let mut log: serde_json::Value = serde_json::from_str(&scan("sarif").stdout).expect("json");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!sarif_schema().is_valid(&log));
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        1.into();
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!sarif_schema().is_valid(&log));
}

/// The report of a scan of two bundled plans (every action; drift), through
/// the library.
fn scanned_plans() -> tfward::report::Report {
    tfward::commands::init_threads(None);
    let args = tfward::cli::PolicyArgs {
        policy_dirs: Vec::new(),
        only: Vec::new(),
        skip: Vec::new(),
        frameworks: Vec::new(),
        policy_timeout: 5,
    };
    let set = tfward::commands::load_policies(&args).expect("built-in policies load");
    let compiled = tfward::commands::compile(&set, &args).expect("built-in policies compile");
    let opts = tfward::pipeline::ScanOptions {
        plans: vec![
            "testdata/plans/all_actions.json".into(),
            "testdata/plans/report/drift.json".into(),
        ],
        max_file_size: tfward::load::DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        ..Default::default()
    };
    tfward::report::Report::new(&tfward::pipeline::run(&opts, &compiled), false)
}

fn written(report: &tfward::report::Report) -> String {
    let mut out = Vec::new();
    tfward::report::json::write(report, &mut out).expect("writes");
    String::from_utf8(out).expect("UTF-8")
}

/// The JSON report `tfward scan` streams (its long lists rendered in
/// parallel, 4,096 entries at a time) is byte for byte serde_json's pretty
/// rendering of the whole report.
#[test]
fn streamed_json_report_is_the_pretty_rendering_with_long_and_empty_lists() {
    use tfward::report::json::render;
    let mut report = scanned_plans();
    assert!(!report.findings.is_empty());
    assert!(report.changes.as_ref().is_some_and(|c| !c.is_empty()));
    assert!(report.drift.as_ref().is_some_and(|d| !d.is_empty()));
    report.suppressed = vec![tfward::suppress::Suppressed {
        finding: report.findings[0].clone(),
        reason: "accepted \"risk\"\nfor now".into(),
        until: None,
        source: tfward::suppress::Source::Inline,
        ignored_at: "main.tf:3".into(),
    }];
    assert_eq!(written(&report), render(&report));
    // Over two windows, with text that must stay escaped and a message that
    // spells the marker the writer looks for.
    let one = report.findings[0].clone();
    report.findings = (0..9_000)
        .map(|i| {
            let mut f = one.clone();
            f.message = format!("line {i}\n  \"findings\": [] and a tab\t");
            f
        })
        .collect();
    assert_eq!(written(&report), render(&report));
    report.findings.clear();
    report.suppressed.clear();
    report.changes = Some(Vec::new());
    report.drift = None;
    assert_eq!(written(&report), render(&report));
}
