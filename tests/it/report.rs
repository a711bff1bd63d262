//! `tfward report`: the Platform Change Report for the plans under
//! testdata/plans/report/, snapshotted as a reviewer reads it, written to
//! disk by the binary, and rendered in a headless browser when one exists.

use std::path::{Path, PathBuf};
use std::process::Command;

use tfward::analyse::cost::Usage;
use tfward::cli::PolicyArgs;
use tfward::pipeline::{self, ScanOptions};
use tfward::report::platform::{self, PlatformReport, ReportInput};

const DATE: &str = "2025-01-15";

fn policy_args() -> PolicyArgs {
    PolicyArgs {
        policy_dirs: Vec::new(),
        only: Vec::new(),
        skip: Vec::new(),
        frameworks: Vec::new(),
        policy_timeout: 5,
    }
}

fn plan_path(name: &str) -> PathBuf {
    Path::new("testdata/plans/report").join(format!("{name}.json"))
}

fn build(name: &str, request: Option<&str>) -> PlatformReport {
    tfward::commands::init_threads(None);
    let args = policy_args();
    let set = tfward::commands::load_policies(&args).expect("built-in policies load");
    let compiled = tfward::commands::compile(&set, &args).expect("built-in policies compile");
    let opts = ScanOptions {
        plans: vec![plan_path(name)],
        max_file_size: tfward::load::DEFAULT_MAX_FILE_SIZE,
        workspace: "default".into(),
        ..ScanOptions::default()
    };
    let out = pipeline::run(&opts, &compiled);
    let text = request.map(|p| {
        (
            std::fs::read_to_string(p).expect("request file"),
            p.to_owned(),
        )
    });
    platform::build(&ReportInput {
        change_id: &format!("CHG-{name}"),
        date: DATE,
        out: &out,
        policies: &compiled.policies,
        request: text.as_ref().map(|(t, p)| (t.as_str(), p.as_str())),
        usage: &Usage::default(),
        has_config: false,
    })
}

fn markdown(name: &str, request: Option<&str>) -> String {
    tfward::report::platform_markdown::render(&build(name, request))
}

#[test]
fn create_only() {
    insta::assert_snapshot!(markdown("create_only", None));
}

#[test]
fn update_resizes_and_widens_iam() {
    let r = build("update", None);
    assert!(r
        .approvals
        .iter()
        .any(|a| a.kind == "iam-widening" && a.detail.contains("sqs:* on *")));
    insta::assert_snapshot!(tfward::report::platform_markdown::render(&r));
}

#[test]
fn replace_database_with_request() {
    let r = build(
        "replace_db",
        Some("testdata/plans/report/replace_db.platform.md"),
    );
    assert_eq!(r.risk.resources[0].address, "aws_db_instance.main");
    assert_eq!(
        r.risk.resources[0].summary,
        "replaces aws_db_instance.main: data loss possible; 7 resources depend on it; 1 HIGH, 2 MEDIUM, 4 LOW findings"
    );
    assert_eq!(r.acceptance.len(), 3);
    insta::assert_snapshot!(tfward::report::platform_markdown::render(&r));
}

#[test]
fn delete_kms_key() {
    let r = build("delete_kms", None);
    assert_eq!(
        r.rollback[0].address, "aws_kms_key.orders",
        "the key is restored before its alias"
    );
    insta::assert_snapshot!(tfward::report::platform_markdown::render(&r));
}

#[test]
fn drift() {
    let r = build("drift", None);
    assert_eq!(r.drift.len(), 2);
    insta::assert_snapshot!(tfward::report::platform_markdown::render(&r));
}

#[test]
fn cost_increase() {
    let r = build("cost_increase", None);
    assert!(r.cost.summary.total_delta > 100.0);
    assert!(r
        .cost
        .summary
        .resources
        .iter()
        .any(|c| c.monthly_after.is_none() && c.reason.is_some()));
    insta::assert_snapshot!(tfward::report::platform_markdown::render(&r));
}

#[test]
fn json_format_has_the_same_content() {
    let r = build("replace_db", None);
    let v = serde_json::to_value(&r).expect("serialises");
    assert_eq!(v["risk"]["score"], 100);
    assert_eq!(v["slug"], "chg-replace-db");
    assert!(v["cost"]["summary"]["resources"].is_array());
    assert!(v["rollback"][0]["protections"].is_array());
}

fn run_report(dir: &Path, plan: &str, id: &str, format: &str) -> std::process::Output {
    let plan = std::fs::canonicalize(plan_path(plan)).expect("plan exists");
    Command::new(env!("CARGO_BIN_EXE_tfward"))
        .current_dir(dir)
        .env("TFWARD_TODAY", DATE)
        .args(["report", "--plan"])
        .arg(&plan)
        .args(["--change-id", id, "--format", format])
        .output()
        .expect("tfward runs")
}

#[test]
fn binary_writes_report_html_and_dated_log_entry() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = run_report(tmp.path(), "cost_increase", "CHG 77/Platform", "markdown");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(tmp.path().join("docs/platform/chg-77-platform.report.md"))
        .expect("markdown written");
    assert!(md.starts_with("# Platform Change Report: CHG 77/Platform"));
    let html =
        std::fs::read_to_string(tmp.path().join("docs/platform/chg-77-platform.report.html"))
            .expect("html written");
    for external in ["<script", "src=\"http", "href=\"http", "@import", "url("] {
        assert!(
            !html.contains(external),
            "the HTML page must be self-contained: found {external}"
        );
    }
    let out = run_report(tmp.path(), "update", "CHG-78", "json");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("docs/platform/chg-78.report.json"))
            .expect("json written"),
    )
    .expect("valid JSON");
    assert_eq!(json["date"], DATE);
    let log =
        std::fs::read_to_string(tmp.path().join(".ai/platform-changes.md")).expect("log created");
    let entries: Vec<&str> = log.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(entries.len(), 2, "{log}");
    assert!(entries[0].starts_with("- 2025-01-15 — CHG 77/Platform: risk "));
    assert!(entries[1].contains("chg-78.report.json"));
}

#[test]
fn html_renders_in_headless_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        #[allow(clippy::print_stdout)]
        {
            println!("skipped: /usr/bin/chromium is not installed");
        }
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = run_report(tmp.path(), "replace_db", "CHG-1234", "markdown");
    assert!(out.status.success());
    let html = tmp.path().join("docs/platform/chg-1234.report.html");
    let profile = tmp.path().join("profile");
    let dom = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.matches("<svg").count() >= 3,
        "charts missing from the rendered page"
    );
    for id in [
        "chart-findings",
        "chart-cost",
        "chart-risk",
        "summary",
        "risk",
        "findings",
        "drift",
        "cost",
        "rollback",
        "approvals",
        "acceptance",
        "unknowns",
    ] {
        assert!(
            dom.contains(&format!("id=\"{id}\"")),
            "section {id} missing from the rendered page"
        );
    }
}
