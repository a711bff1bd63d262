//! `tfward report`: the Platform Change Report for the plans under
//! testdata/plans/report/, snapshotted as a reviewer reads it, written to
//! disk by the binary, and rendered in a headless browser when one exists.

use std::path::{Path, PathBuf};
use std::process::Command;

use tfward::analyse::approvals::ApprovalRules;
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
    build_with(name, request, &ApprovalRules::default())
}

fn build_with(name: &str, request: Option<&str>, rules: &ApprovalRules) -> PlatformReport {
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
        approval_rules: rules,
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
    // m4.xlarge (previous generation) is priced, and so is its move to m6i.
    assert!(r
        .cost
        .summary
        .resources
        .iter()
        .all(|c| c.status != tfward::analyse::cost::Status::Unpriced));
    assert!(r
        .cost
        .hints
        .iter()
        .any(|h| h.kind == "previous-generation" && h.monthly_saving.is_some()));
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

/// The chromium binary .ci/run installs (Debian's package).
fn chromium() -> PathBuf {
    std::env::var_os("TFWARD_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn chromium_args(profile: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain(std::iter::once(format!(
        "--user-data-dir={}",
        profile.display()
    )))
    .collect()
}

#[test]
#[ignore = "needs chromium (.ci/run installs Debian's package and runs this with --ignored)"]
fn html_renders_in_headless_chromium() {
    let chromium = chromium();
    assert!(chromium.exists(), "{} is not installed", chromium.display());
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(tmp.path().join("docs/platform")).expect("mkdir");
    std::fs::copy(
        "testdata/plans/report/replace_db.platform.md",
        tmp.path().join("docs/platform/chg-1234.platform.md"),
    )
    .expect("request copied");
    let out = run_report(tmp.path(), "replace_db", "CHG-1234", "markdown");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = tmp.path().join("docs/platform/chg-1234.report.html");
    let profile = tmp.path().join("profile");
    let dom = Command::new(&chromium)
        .args(chromium_args(&profile))
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
        "request",
        "request-warning",
        "chart-findings",
        "chart-cost",
        "chart-risk",
        "summary",
        "diffs",
        "risk",
        "risk-formula",
        "findings",
        "drift",
        "cost",
        "optimisation",
        "monitoring",
        "rollback",
        "approvals",
        "checklist",
        "acceptance",
        "unknowns",
    ] {
        assert!(
            dom.contains(&format!("id=\"{id}\"")),
            "section {id} missing from the rendered page"
        );
    }
    // The diff of the database replacement, its forcing attribute marked.
    assert!(dom.contains("forces replacement"));
    assert!(dom.contains("(known after apply)"));
    assert!(
        !dom.contains("docs/risk.md"),
        "the page links to tfward's own docs"
    );
    // At a phone's width the page does not scroll sideways: wide tables
    // and charts scroll inside their sections, addresses wrap at dots.
    // (Headless chromium keeps a window at least 500 px wide, so the page
    // reports both widths.)
    let page = std::fs::read_to_string(&html).expect("html");
    let probe = tmp.path().join("probe.html");
    std::fs::write(
        &probe,
        page.replace(
            "</body>",
            "<script>document.body.setAttribute('data-width', document.documentElement.scrollWidth + ' ' + window.innerWidth)</script></body>",
        ),
    )
    .expect("probe written");
    let probe_width = regex::Regex::new(r#"data-width="(\d+) (\d+)""#).expect("regex");
    for width in [400, 1280] {
        let dom = Command::new(&chromium)
            .args(chromium_args(&profile))
            .arg(format!("--window-size={width},2000"))
            .arg("--dump-dom")
            .arg(format!("file://{}", probe.display()))
            .output()
            .expect("chromium runs");
        let dom = String::from_utf8_lossy(&dom.stdout);
        let widths = probe_width
            .captures(&dom)
            .map(|c| {
                (
                    c[1].parse::<u32>().unwrap_or(0),
                    c[2].parse::<u32>().unwrap_or(0),
                )
            })
            .expect("the probe ran");
        assert!(
            widths.0 <= widths.1,
            "at --window-size={width} the page is {} px wide in a {} px window",
            widths.0,
            widths.1
        );
    }
    let shot = tmp.path().join("report.png");
    let status = Command::new(&chromium)
        .args(chromium_args(&profile))
        .arg("--window-size=1200,2400")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(status.status.success() && shot.is_file(), "no screenshot");
}

#[test]
fn nothing_priced_says_not_priced_never_zero() {
    let r = build("unpriced", None);
    let md = tfward::report::platform_markdown::render(&r);
    assert_eq!(r.cost.summary.priced, 0);
    assert!(
        md.contains("| Monthly cost | **not priced (2 resources)**"),
        "{md}"
    );
    assert!(md.contains(
        "0 priced, 1 free, 0 usage-based, 2 not priced (of 3 resources); list prices of 2025-01-15"
    ));
    let header: String = md.lines().take(12).collect::<Vec<_>>().join("\n");
    assert!(!header.contains("$0.00"), "{header}");
    let html = tfward::report::html::render(&r);
    assert!(html.contains("not priced (2 resources)"));
}

#[test]
fn cost_optimisation_and_monitoring_sections() {
    let r = build("savings", None);
    let md = tfward::report::platform_markdown::render(&r);
    let section = |title: &str| {
        let start = md.find(title).expect("section present");
        let rest = &md[start..];
        let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
        rest[..end].to_owned()
    };
    insta::assert_snapshot!(
        "savings_sections",
        format!(
            "{}\n{}",
            section("## Cost optimisation"),
            section("## Monitoring and alerting")
        )
    );
    // The policy-like savings are findings in the cost category too.
    let ids: Vec<&str> = r
        .findings
        .findings
        .iter()
        .map(|f| f.rule_id.as_str())
        .collect();
    for id in [
        "TFW-COST-0003",
        "TFW-COST-0004",
        "TFW-COST-0005",
        "TFW-COST-0006",
        "TFW-COST-0007",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
}

#[test]
fn approvals_follow_risk_and_name_their_group() {
    let rules = ApprovalRules {
        groups: [("data-store".to_owned(), "dba-oncall".to_owned())]
            .into_iter()
            .collect(),
        default_group: Some("platform-owners".into()),
    };
    let mut r = build_with("replace_db", None, &rules);
    let kinds: Vec<(&str, &str)> = r
        .approvals
        .iter()
        .map(|a| (a.kind, a.group.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("data-store-replace", "dba-oncall"),
            ("high-risk", "platform-owners")
        ]
    );
    let md = tfward::report::platform_markdown::render(&r);
    assert!(md.contains("| Approvals | 2 needed (dba-oncall, platform-owners) |"));
    r = build("delete_kms", None);
    assert!(r
        .approvals
        .iter()
        .any(|a| a.kind == "key-delete" && a.group == "security"));
    let r = build("update", None);
    assert!(r.approvals.iter().any(|a| a.kind == "iam-widening"));
    // tfward.toml's [approvals] table, checked against the categories.
    let cfg = tfward::config::Config::parse(
        "tfward.toml",
        "[approvals]\ndefault = \"owners\"\n[approvals.groups]\niam = \"security-team\"\n",
        Path::new("."),
    )
    .expect("valid [approvals]");
    assert_eq!(cfg.approval_rules().group("iam"), "security-team");
    assert_eq!(cfg.approval_rules().group("cost"), "owners");
    let bad = tfward::config::Config::parse(
        "tfward.toml",
        "[approvals.groups]\ndatabase = \"dba\"\n",
        Path::new("."),
    )
    .expect_err("unknown category");
    assert!(
        bad.message.contains("not an approval category"),
        "{}",
        bad.message
    );
}

#[test]
fn report_stands_alone_with_rollback_commands_and_checklist() {
    let r = build(
        "replace_db",
        Some("testdata/plans/report/replace_db.platform.md"),
    );
    let md = tfward::report::platform_markdown::render(&r);
    assert!(!md.contains("docs/risk.md") && !md.contains("docs/cost.md"));
    assert!(md.contains("<details><summary>How the score is computed</summary>"));
    assert!(md.contains("aws rds create-db-snapshot --db-instance-identifier orders"));
    assert!(md.contains("terraform import aws_db_instance.main orders"));
    assert!(md.contains("## Before apply"));
    assert!(md.contains("**Change request:** CHG-1234: move the orders database"));
    assert!(md.contains("- Owner: payments-platform (@jdoe)"));
    assert!(md.contains("**Warning:** the change request is not marked approved"));
    let d = r
        .diffs
        .iter()
        .find(|d| d.address == "aws_db_instance.main")
        .expect("the database's diff");
    assert!(d
        .lines
        .iter()
        .any(|l| l.path == "identifier" && l.forces_replacement));
    assert!(d.lines.iter().any(|l| l.after == "(known after apply)"));
}

/// Markdown text without its code spans (CommonMark: a run of n backticks
/// opens a span that the next run of exactly n backticks closes) and with
/// its backslash escapes blanked out: what is left is what Markdown reads
/// as syntax.
fn strip_code_spans(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        // A backslash-escaped character is literal text: it starts nothing.
        if chars[i] == '\\' && i + 1 < chars.len() {
            out.push('_');
            i += 2;
            continue;
        }
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|c| **c == '`').count();
        let mut j = i + run;
        let mut closed = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let r = chars[j..].iter().take_while(|c| **c == '`').count();
                if r == run {
                    closed = Some(j + r);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => i = end,
            None => {
                out.extend(&chars[i..i + run]);
                i += run;
            }
        }
    }
    out
}

/// Values from a hostile plan land in the report as text: no link, image,
/// raw HTML or table break, in Markdown and HTML (issue 20, item 5).
#[test]
fn hostile_values_are_escaped_in_markdown_and_html() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let key = "x](https://evil.example/p.png) ![t](https://evil.example/t.png) <img src=x onerror=alert(1)> | `tick` <script>alert(1)</script>";
    let address = format!(
        "aws_s3_bucket.b[{}]",
        serde_json::to_string(key).expect("key")
    );
    let plan = serde_json::json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": [{
            "address": address, "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": key,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "values": {"bucket": "<b>bold</b>", "tags": {"[x](javascript:alert(1))": "![i](https://evil.example/i.png)"}}
        }]}},
        "resource_changes": [{
            "address": address, "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": key,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["update"],
                "before": {"bucket": "<b>bold</b>", "tags": {"[x](javascript:alert(1))": "old"}},
                "after": {"bucket": "<b>bold</b>", "tags": {"[x](javascript:alert(1))": "![i](https://evil.example/i.png)"}},
                "after_unknown": {}, "before_sensitive": {}, "after_sensitive": {}}
        }],
        "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": [{
            "address": address, "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": key,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "values": {"bucket": "<b>bold</b>", "tags": {"[x](javascript:alert(1))": "old"}}
        }]}}}
    });
    let plan_path = tmp.path().join("plan.json");
    std::fs::write(&plan_path, plan.to_string()).expect("plan written");
    let out = Command::new(env!("CARGO_BIN_EXE_tfward"))
        .current_dir(tmp.path())
        .env("TFWARD_TODAY", DATE)
        .args(["report", "--plan", "plan.json", "--change-id"])
        .arg("CHG-9 <script>alert(1)</script> ![x](https://evil.example/id.png)")
        .output()
        .expect("tfward runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = tmp.path().join("docs/platform");
    let name = std::fs::read_dir(&dir)
        .expect("report folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".report.md"))
        .expect("markdown report");
    let md = std::fs::read_to_string(dir.join(&name)).expect("md");
    let html = std::fs::read_to_string(dir.join(name.replace(".md", ".html"))).expect("html");
    let log = std::fs::read_to_string(tmp.path().join(".ai/platform-changes.md")).expect("log");
    // Outside code spans nothing may start an image or a link, or be HTML.
    for (what, text) in [("report", &md), ("log", &log)] {
        let outside_code = strip_code_spans(text);
        for bad in ["![", "](http", "<img", "<script", "<b>"] {
            assert!(
                !outside_code.contains(bad),
                "{what} has {bad:?} outside code spans:\n{text}"
            );
        }
    }
    // Every table row keeps its cells: a value's pipe never splits one.
    for line in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("evil.example"))
    {
        let unescaped = line.replace("\\|", "").matches('|').count();
        assert!(unescaped >= 3, "{line}");
    }
    for bad in ["<script", "<img", "<b>bold"] {
        assert!(!html.contains(bad), "HTML has {bad:?}");
    }
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn report_twice_updates_its_log_entry_and_refuses_links() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for plan in ["create_only", "update"] {
        let out = run_report(tmp.path(), plan, "CHG-5", "markdown");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = run_report(tmp.path(), "drift", "CHG-6", "markdown");
    assert!(out.status.success());
    let log = std::fs::read_to_string(tmp.path().join(".ai/platform-changes.md")).expect("log");
    let entries: Vec<&str> = log.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(entries.len(), 2, "{log}");
    assert!(
        entries[0].contains("CHG-5") && entries[0].contains("2 update"),
        "{log}"
    );
    assert!(entries[1].contains("CHG-6"));
    #[cfg(unix)]
    {
        let victim = tmp.path().join("victim.txt");
        std::fs::write(&victim, "keep me").expect("victim");
        let link = tmp.path().join("docs/platform/chg-7.report.md");
        std::os::unix::fs::symlink(&victim, &link).expect("symlink");
        let out = run_report(tmp.path(), "update", "CHG-7", "markdown");
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep me");
        std::fs::remove_file(&link).expect("unlink");
        let log_link = tmp.path().join("elsewhere.md");
        std::os::unix::fs::symlink(&victim, &log_link).expect("symlink");
        let out = Command::new(env!("CARGO_BIN_EXE_tfward"))
            .current_dir(tmp.path())
            .env("TFWARD_TODAY", DATE)
            .args(["report", "--plan"])
            .arg(std::fs::canonicalize(plan_path("update")).expect("plan"))
            .args(["--change-id", "CHG-8", "--log", "elsewhere.md"])
            .output()
            .expect("tfward runs");
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "keep me");
    }
}

#[test]
fn concurrent_reports_never_lose_a_log_entry() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let plan = std::fs::canonicalize(plan_path("create_only")).expect("plan");
    let children: Vec<std::process::Child> = (0..6)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_tfward"))
                .current_dir(tmp.path())
                .env("TFWARD_TODAY", DATE)
                .args(["report", "--plan"])
                .arg(&plan)
                .args(["--change-id", &format!("CHG-{}", 100 + i % 3)])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("tfward starts")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("tfward ends").success());
    }
    let log = std::fs::read_to_string(tmp.path().join(".ai/platform-changes.md")).expect("log");
    let mut ids: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("- "))
        .filter_map(|l| l.split(" — ").nth(1)?.split(':').next())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["CHG-100", "CHG-101", "CHG-102"], "{log}");
    assert!(log.starts_with("# Platform changes"));
    assert!(!tmp.path().join(".ai/platform-changes.md.lock").exists());
}

/// `tfward prices import` reads the three clouds' bulk formats and the
/// report prices from the result, naming its date.
#[test]
fn prices_import_builds_a_catalogue_the_report_uses() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let aws = serde_json::json!({
        "formatVersion": "v1.0", "offerCode": "AmazonEC2", "publicationDate": "2025-02-01T00:00:00Z",
        "products": {"SKU1": {"sku": "SKU1", "productFamily": "Compute Instance", "attributes": {
            "servicecode": "AmazonEC2", "regionCode": "eu-west-1", "location": "EU (Ireland)",
            "instanceType": "t3.medium", "operatingSystem": "Linux", "tenancy": "Shared",
            "preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required"}}},
        "terms": {"OnDemand": {"SKU1": {"SKU1.JRTCKXETXF": {"priceDimensions": {"SKU1.JRTCKXETXF.6YS6EN2CT7": {
            "unit": "Hrs", "beginRange": "0", "endRange": "Inf", "pricePerUnit": {"USD": "0.0500000000"}}}}}}}
    });
    let azure = serde_json::json!({"BillingCurrency": "USD", "Items": [{
        "retailPrice": 0.1, "unitPrice": 0.1, "armRegionName": "westeurope", "serviceName": "Virtual Machines",
        "productName": "Virtual Machines Dsv5 Series", "skuName": "D2s v5", "armSkuName": "Standard_D2s_v5",
        "unitOfMeasure": "1 Hour", "type": "Consumption"}], "NextPageLink": null});
    let gcp = serde_json::json!({"skus": [{"description": "N2 Instance Core running in Belgium",
        "serviceRegions": ["europe-west1"], "pricingInfo": [{"pricingExpression": {"usageUnit": "h",
        "tieredRates": [{"startUsageAmount": 0, "unitPrice": {"currencyCode": "USD", "units": "0", "nanos": 34800000}}]}}]}]});
    for (name, doc) in [("aws.json", aws), ("azure.json", azure), ("gcp.json", gcp)] {
        std::fs::write(tmp.path().join(name), doc.to_string()).expect("price file");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_tfward"))
        .current_dir(tmp.path())
        .args([
            "prices",
            "import",
            "aws.json",
            "azure.json",
            "gcp.json",
            "--date",
            "2025-02-01",
            "-o",
            "prices.json",
        ])
        .output()
        .expect("tfward runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("aws.json (aws): 1 prices") && said.contains("gcp.json (gcp): 1 prices"),
        "{said}"
    );
    let cat: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("prices.json")).expect("catalogue"),
    )
    .expect("JSON");
    assert_eq!(cat["date"], "2025-02-01");
    let plan = std::fs::canonicalize(plan_path("create_only")).expect("plan");
    let out = Command::new(env!("CARGO_BIN_EXE_tfward"))
        .current_dir(tmp.path())
        .env("TFWARD_TODAY", DATE)
        .args(["report", "--plan"])
        .arg(&plan)
        .args(["--change-id", "CHG-P", "--prices", "prices.json"])
        .output()
        .expect("tfward runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md =
        std::fs::read_to_string(tmp.path().join("docs/platform/chg-p.report.md")).expect("report");
    // t3.medium in eu-west-1 at the imported $0.05/h (36.50 a month) and its
    // 30 GB gp3 root volume (2.64).
    assert!(md.contains("list prices of 2025-02-01"), "{md}");
    assert!(md.contains("$39.14"), "{md}");
}

/// Issue 19, item 1: in the HTML a short diff is open, a long one (more
/// than 12 lines) is collapsed behind its summary line.
#[test]
fn long_diffs_are_collapsed_in_html() {
    let mut r = build("update", None);
    // Addresses carry soft line breaks (<wbr>) in the HTML.
    let render = |r: &PlatformReport| tfward::report::html::render(r).replace("<wbr>", "");
    let html = render(&r);
    assert!(
        html.contains("<details class=\"diff\" open><summary><code>aws_instance.app</code>"),
        "a short diff is open"
    );
    let line = r.diffs[0].lines[0].clone();
    r.diffs[0].lines = (0..13)
        .map(|i| tfward::analyse::diff::ReviewLine {
            path: format!("tags.k{i}"),
            ..line.clone()
        })
        .collect();
    let html = render(&r);
    assert!(
        html.contains("<details class=\"diff\"><summary><code>aws_instance.app</code> (update) — 13 attributes</summary>"),
        "a long diff is collapsed"
    );
}

/// Issue 19, item 4, end to end: a monthly cost increase above tfward.toml's
/// budget needs the approval of the `cost` group, as `[approvals]` names it.
#[test]
fn cost_above_the_budget_needs_approval_from_its_group() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("tfward.toml"),
        "[cost]\nmonthly_budget = 100\n\n[approvals]\ngroups = { cost = \"finance-leads\" }\n",
    )
    .expect("config written");
    let out = run_report(tmp.path(), "cost_increase", "CHG-9", "markdown");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(tmp.path().join("docs/platform/chg-9.report.md"))
        .expect("report written");
    let row = md
        .lines()
        .find(|l| l.starts_with("| ☐ | cost-over-budget |"))
        .unwrap_or_else(|| panic!("no cost approval:\n{md}"));
    assert!(row.ends_with("| finance-leads |"), "{row}");
    assert!(row.contains("100"), "the row names the budget: {row}");
}

/// Issue 19, item 2: `tfward-usage.yml` in the current folder supplies the
/// usage-based quantities (NAT data processed) without a flag.
#[test]
fn usage_file_in_the_current_folder_prices_usage() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let without = run_report(tmp.path(), "cost_increase", "CHG-10", "json");
    assert!(without.status.success());
    std::fs::write(
        tmp.path().join("tfward-usage.yml"),
        "version: 0.1\nresource_usage:\n  aws_nat_gateway.az[0]:\n    monthly_data_processed_gb: 1000\n",
    )
    .expect("usage written");
    let with = run_report(tmp.path(), "cost_increase", "CHG-11", "json");
    assert!(
        with.status.success(),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    let after = |id: &str| -> f64 {
        let text =
            std::fs::read_to_string(tmp.path().join(format!("docs/platform/{id}.report.json")))
                .expect("report written");
        let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
        doc["cost"]["summary"]["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .find(|r| r["address"] == "aws_nat_gateway.az[0]")
            .and_then(|r| r["monthly_after"].as_f64())
            .expect("the NAT gateway is priced")
    };
    let (base, used) = (after("chg-10"), after("chg-11"));
    // 1,000 GB at eu-west-1's $0.048/GB on top of the hourly charge.
    assert!((used - base - 48.0).abs() < 0.01, "{base} -> {used}");
}
