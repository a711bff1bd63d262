//! Bad input gets a clear error with its position, loses nothing else, and
//! never panics.

use std::path::Path;

use crate::support::{code, json, stderr, tfward};

fn scan_json(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["scan", dir.to_str().expect("utf8"), "--format", "json"];
    args.extend_from_slice(extra);
    let out = tfward(&args);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    (code(&out), json(&out))
}

const BAD_BUCKET: &str =
    "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n";

fn errors_for(report: &serde_json::Value, file_suffix: &str) -> Vec<serde_json::Value> {
    report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter(|e| e["file"].as_str().is_some_and(|f| f.ends_with(file_suffix)))
        .cloned()
        .collect()
}

#[test]
fn a_syntax_error_is_reported_with_position_and_the_rest_is_scanned() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("good.tf"), BAD_BUCKET).expect("write");
    std::fs::write(
        dir.path().join("broken.tf"),
        "resource \"x\" \"y\" {\n  a = = 1\n}\n",
    )
    .expect("write");
    let (status, report) = scan_json(dir.path(), &["--only", "TFW-AWS-0001"]);
    assert_eq!(status, 2, "a file that cannot be parsed means exit 2");
    let errs = errors_for(&report, "broken.tf");
    assert_eq!(errs.len(), 1, "{report}");
    assert_eq!(errs[0]["line"], 2);
    assert!(errs[0]["column"].as_u64().unwrap_or(0) >= 5);
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(1),
        "good.tf still scanned"
    );
}

#[test]
fn binary_non_utf8_empty_and_deep_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("binary.tf"), b"\x7fELF\x00\x01\x02").expect("write");
    std::fs::write(dir.path().join("latin1.tf"), b"# caf\xe9\nx = 1\n").expect("write");
    std::fs::write(dir.path().join("empty.tf"), b"").expect("write");
    let deep = format!(
        "locals {{\n  x = {}1{}\n}}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.tf"), deep).expect("write");
    let ops = format!("locals {{\n  x = 1{}\n}}\n", " + 1".repeat(100_000));
    std::fs::write(dir.path().join("ops.tf"), ops).expect("write");
    std::fs::write(dir.path().join("ok.tf"), BAD_BUCKET).expect("write");
    let (status, report) = scan_json(dir.path(), &["--only", "TFW-AWS-0001"]);
    assert_eq!(status, 2);
    let binary = errors_for(&report, "binary.tf");
    assert!(
        binary[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("binary")),
        "{report}"
    );
    let latin = errors_for(&report, "latin1.tf");
    assert!(
        latin[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("UTF-8")),
        "{report}"
    );
    assert_eq!(latin[0]["line"], 1);
    let deep = errors_for(&report, "deep.tf");
    assert!(
        deep[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("nest deeper")),
        "{report}"
    );
    assert!(
        errors_for(&report, "empty.tf").is_empty(),
        "an empty file is valid HCL"
    );
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(1),
        "ok.tf still scanned"
    );
}

#[test]
fn oversized_files_are_skipped_and_said() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("big.tf"),
        format!("# {}\n", "x".repeat(5000)),
    )
    .expect("write");
    let (status, report) = scan_json(dir.path(), &["--max-file-size", "1000"]);
    assert_eq!(status, 2);
    let errs = errors_for(&report, "big.tf");
    assert!(
        errs[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("--max-file-size")),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_once_and_not_followed_forever() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("mod");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("main.tf"), BAD_BUCKET).expect("write");
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).expect("symlink");
    let (status, report) = scan_json(dir.path(), &["--only", "TFW-AWS-0001"]);
    assert_eq!(
        status, 1,
        "a loop loses nothing: findings decide the exit code; {report}"
    );
    let warnings = report["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w["message"].as_str().is_some_and(|m| m.contains("loop"))),
        "{report}"
    );
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(1));
}

#[test]
fn hidden_and_terraform_dirs_are_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in [".terraform/modules/x", ".git", ".hidden"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        std::fs::write(dir.path().join(sub).join("main.tf"), BAD_BUCKET).expect("write");
    }
    let (status, report) = scan_json(dir.path(), &[]);
    assert_eq!(status, 0, "{report}");
    assert_eq!(report["summary"]["files"], 0);
}

#[test]
fn a_broken_policy_stops_the_run_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pol = dir.path().join("mine/no_meta");
    std::fs::create_dir_all(&pol).expect("mkdir");
    std::fs::write(
        pol.join("policy.rego"),
        "package mine.no_meta\nimport rego.v1\ndeny contains x if { x := 1 }\n",
    )
    .expect("write");
    let out = tfward(&[
        "scan",
        "testdata/examples/secure",
        "--policy",
        dir.path().to_str().expect("utf8"),
    ]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("no_meta/policy.rego") && err.contains("METADATA"),
        "{err}"
    );

    let meta = "# METADATA\n# title: t\n# custom:\n#   id: TFW-USR-0001\n#   severity: LOW\n#   category: security\n#   resource_types: [aws_s3_bucket]\n#   remediation: r\n";
    std::fs::write(
        pol.join("policy.rego"),
        format!("{meta}package mine.no_meta\nimport rego.v1\ndeny contains x if {{ x := \n"),
    )
    .expect("write");
    let out = tfward(&[
        "scan",
        "testdata/examples/secure",
        "--policy",
        dir.path().to_str().expect("utf8"),
    ]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("no_meta/policy.rego") && err.contains("does not compile"),
        "{err}"
    );
}

#[test]
fn a_user_policy_runs_alongside_the_built_in_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pol = dir.path().join("acme/bucket_prefix");
    std::fs::create_dir_all(&pol).expect("mkdir");
    let rego = "# METADATA\n# title: Buckets start with acme-\n# custom:\n#   id: TFW-ACME-0001\n#   severity: LOW\n#   category: compliance\n#   resource_types: [aws_s3_bucket]\n#   remediation: Rename the bucket.\npackage acme.bucket_prefix\nimport rego.v1\nimport data.lib.tf\ndeny contains tf.finding(r, [\"bucket\"], \"bad name\") if {\n  some r in tf.resources(\"aws_s3_bucket\")\n  not startswith(r.values.bucket, \"acme-\")\n}\n";
    std::fs::write(pol.join("policy.rego"), rego).expect("write");
    let out = tfward(&[
        "scan",
        "testdata/examples/secure",
        "--format",
        "json",
        "--policy",
        dir.path().to_str().expect("utf8"),
        "--only",
        "TFW-ACME-0001",
    ]);
    assert_eq!(code(&out), 0, "acme-assets matches: {}", stderr(&out));
    let out = tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--format",
        "json",
        "--policy",
        dir.path().to_str().expect("utf8"),
        "--only",
        "TFW-ACME-0001",
    ]);
    let report = json(&out);
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(0),
        "bucket is acme-staging-assets: {report}"
    );
}
