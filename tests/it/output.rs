//! The human report as a person reads it: one snippet for a place reached
//! through many module calls, `--compact`, `--quiet`, `--min-severity`,
//! `--color` and the short flags.

use std::process::Command;

use crate::support::{code, stderr, stdout, Tree};

const BUCKET: &str = r#"resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  acl    = "public-read"
}
"#;

/// A shared module with one public ACL, called from three roots.
fn shared_module() -> Tree {
    let t = Tree::new();
    t.file("modules/bucket/main.tf", BUCKET);
    for root in ["a", "b", "c"] {
        t.file(
            &format!("{root}/main.tf"),
            "module \"site\" {\n  source = \"../modules/bucket\"\n}\n",
        );
    }
    t
}

#[test]
fn a_place_reached_through_many_module_calls_is_shown_once() {
    let t = shared_module();
    let out = t.run("", &["scan", "--only", "TFW-AWS-0001"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.matches("acl    = \"public-read\"").count(),
        1,
        "one snippet: {text}"
    );
    assert_eq!(text.matches("help:").count(), 1, "{text}");
    assert!(
        text.contains("3 findings here, reached through 3 module calls:"),
        "{text}"
    );
    for via in ["a → module.site", "b → module.site", "c → module.site"] {
        assert!(text.contains(&format!("  via {via}\n")), "{via}: {text}");
    }
    assert!(text
        .lines()
        .last()
        .unwrap_or_default()
        .starts_with("3 findings (3 HIGH)"));
}

#[test]
fn compact_prints_one_line_per_finding() {
    let t = shared_module();
    let out = t.run("", &["scan", "--only", "TFW-AWS-0001", "--compact"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "3 findings and the summary: {text}");
    for (line, root) in lines.iter().zip(["a", "b", "c"]) {
        assert_eq!(
            *line,
            format!(
                "modules/bucket/main.tf:3:3: TFW-AWS-0001 [HIGH] module.site.aws_s3_bucket_acl.site \
                 allows public access through its canned ACL \"public-read\" (via {root} → module.site)"
            )
        );
    }
    assert!(lines[3].starts_with("3 findings (3 HIGH)"), "{text}");
}

#[test]
fn quiet_prints_findings_only_and_nothing_when_clean() {
    let t = shared_module();
    t.file(
        "modules/bucket/versions.tf",
        "terraform {\n  required_version = \">= 1.5\"\n}\n",
    );
    let out = t.run("", &["scan", "--only", "TFW-AWS-0001", "-q", "--compact"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 3, "no summary: {text}");
    assert!(!text.contains("findings ("), "{text}");

    let clean = Tree::new();
    clean.file(
        "main.tf",
        "resource \"aws_s3_bucket_acl\" \"x\" {\n  bucket = \"x\"\n  acl    = \"private\"\n}\n",
    );
    for args in [
        &["scan", "-q", "--only", "TFW-AWS-0001"][..],
        &["scan", "--quiet", "--compact", "--only", "TFW-AWS-0001"],
    ] {
        let out = clean.run("", args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
}

#[test]
fn min_severity_hides_lower_findings_and_says_how_many() {
    let all = crate::support::tfward(&["scan", "testdata/examples/insecure", "--compact"]);
    let total = stdout(&all)
        .lines()
        .filter(|l| l.contains(": TFW-"))
        .count();
    let out = crate::support::tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--compact",
        "--min-severity",
        "high",
    ]);
    assert_eq!(code(&out), 1, "the exit code still follows --fail-on");
    let text = stdout(&out);
    let shown: Vec<&str> = text.lines().filter(|l| l.contains(": TFW-")).collect();
    assert!(!shown.is_empty(), "{text}");
    assert!(
        shown
            .iter()
            .all(|l| l.contains("[HIGH]") || l.contains("[CRITICAL]")),
        "{text}"
    );
    let hidden = total - shown.len();
    assert!(hidden > 0, "the example has findings below HIGH");
    let summary = text.lines().last().unwrap_or_default();
    let note = format!(
        "; {hidden} finding{} below HIGH not shown (--min-severity)",
        if hidden == 1 { "" } else { "s" }
    );
    assert!(summary.ends_with(&note), "{summary}");
    // The machine formats keep every finding.
    let json = crate::support::tfward(&[
        "scan",
        "testdata/examples/insecure",
        "-f",
        "json",
        "--min-severity",
        "high",
    ]);
    let r = crate::support::json(&json);
    assert_eq!(r["findings"].as_array().map(Vec::len), Some(total));
}

fn scan_env(args: &[&str], no_color: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tfward"));
    cmd.args(args).current_dir(crate::support::root());
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    stdout(&cmd.output().expect("tfward runs"))
}

#[test]
fn color_auto_always_never_and_no_color() {
    let base = [
        "scan",
        "testdata/examples/insecure",
        "--only",
        "TFW-AWS-0001",
    ];
    let with = |extra: &[&str], env: bool| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        scan_env(&args, env)
    };
    // auto: a pipe is not a terminal.
    assert!(!with(&[], false).contains('\u{1b}'));
    assert!(with(&["--color", "always"], false).contains('\u{1b}'));
    assert!(with(&["--color", "always", "--compact"], false).contains('\u{1b}'));
    // An explicit --color always wins over NO_COLOR; --no-color over both.
    assert!(with(&["--color", "always"], true).contains('\u{1b}'));
    assert!(!with(&["--color", "always", "--no-color"], false).contains('\u{1b}'));
    assert!(!with(&["--color", "never", "--compact"], false).contains('\u{1b}'));
}

#[test]
fn short_flags_format_and_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("r.json");
    let out = crate::support::tfward(&[
        "scan",
        "testdata/examples/insecure",
        "-f",
        "json",
        "-o",
        file.to_str().expect("utf-8 path"),
        "-q",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let text = std::fs::read_to_string(&file).expect("report written");
    let r: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert!(r["findings"].as_array().is_some_and(|f| !f.is_empty()));
}
