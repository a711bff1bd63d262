//! tfward.toml: found beside the scanned code, its settings applied, flags
//! winning over it, and its mistakes reported at their line.

use std::path::Path;

use crate::ci_support::{ids, insta_settings, pair, tfward, tfward_in};

const PROJECT: &str = "testdata/ci/config/project";

#[test]
fn config_settings_apply() {
    let run = tfward(&["scan", PROJECT, "--format", "json"]);
    let r = run.json();
    // disable drops the bucket policies; exclude drops examples/; the
    // [[ignore]] glob suppresses the legacy bucket; policy_dirs adds two
    // policies that read required_tags and [cost] from the config.
    assert_eq!(
        ids(&r, "findings"),
        [
            pair("TFW-AWS-0001", "aws_s3_bucket_acl.website"),
            pair("TFW-COST-1001", "aws_s3_bucket.data"),
            // The built-in required-tags policy reads the same required_tags.
            pair("TFW-GEN-0007", "aws_s3_bucket.data"),
            pair("TFW-GEN-1001", "aws_s3_bucket.data"),
        ]
    );
    let messages: Vec<&str> = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        messages.contains(&"the monthly budget is 500"),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains(r#"lacks the required tags ["team"]"#)),
        "{messages:?}"
    );
    assert_eq!(
        ids(&r, "suppressed"),
        [pair("TFW-AWS-0001", "aws_s3_bucket_acl.legacy_reports")]
    );
    assert_eq!(r["suppressed"][0]["source"], "config");
    assert_eq!(
        r["suppressed"][0]["ignored_at"],
        "testdata/ci/config/project/tfward.toml:16"
    );
    // The severity override makes the public ACL MEDIUM, below fail_on = high.
    let acl = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["rule_id"] == "TFW-AWS-0001")
        .expect("the public ACL finding");
    assert_eq!(acl["severity"], "MEDIUM");
    assert_eq!(run.code, 0);
}

#[test]
fn flags_override_the_config() {
    assert_eq!(tfward(&["scan", PROJECT, "--fail-on", "medium"]).code, 1);
    let r = tfward(&[
        "scan",
        PROJECT,
        "--only",
        "TFW-AWS-0001",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        ids(&r, "findings"),
        [pair("TFW-AWS-0001", "aws_s3_bucket_acl.website")]
    );
    let r = tfward(&["scan", PROJECT, "--no-config", "--format", "json"]).json();
    assert!(
        ids(&r, "findings").contains(&pair("TFW-AWS-0001", "aws_s3_bucket_acl.demo")),
        "examples scanned without the config"
    );
}

#[test]
fn found_in_a_parent_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("tfward.toml"), "fail_on = \"never\"\n").expect("write");
    let sub = dir.path().join("infra/app");
    std::fs::create_dir_all(&sub).expect("mkdir");
    std::fs::copy(
        Path::new(crate::ci_support::root()).join("testdata/ci/suppress/unknown_id/main.tf"),
        sub.join("main.tf"),
    )
    .expect("copy");
    assert_eq!(tfward_in(&sub, &["scan", "."], &[]).code, 0);
    assert_eq!(tfward_in(&sub, &["scan", ".", "--no-config"], &[]).code, 1);
}

/// Writes `config` beside a one-resource module and scans it.
fn scan_with(config: &str) -> crate::ci_support::Run {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("tfward.toml"), config).expect("write");
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"private\"\n}\n",
    )
    .expect("write");
    tfward_in(dir.path(), &["scan", "."], &[])
}

#[test]
fn unknown_key_points_at_its_line() {
    let run = scan_with("fail_on = \"high\"\n\n[policies]\nenabel = [\"TFW-AWS-0001\"]\n");
    assert_eq!(run.code, 2);
    insta_settings().bind(|| insta::assert_snapshot!("config_unknown_key", run.stderr));
}

#[test]
fn bad_values_point_at_their_line() {
    let cases = [
        (
            "fail_on = \"severe\"\n",
            "tfward.toml:1:11:",
            "not one of low",
        ),
        (
            "[severity_overrides]\n\"TFW-AWS-0001\" = \"URGENT\"\n",
            "tfward.toml:2:18:",
            "not one of LOW",
        ),
        (
            "[severity_overrides]\n\"TFW-AWS-9999\" = \"LOW\"\n",
            "tfward.toml:2:18:",
            "unknown policy id",
        ),
        (
            "[policies]\ndisable = [\"TFW-AWS-0001\", \"TFW-NOPE-1\"]\n",
            "tfward.toml:2:28:",
            "unknown policy id",
        ),
        (
            "\n[[ignore]]\nid = \"TFW-AWS-0001\"\n",
            "tfward.toml:2:1:",
            "has no reason",
        ),
        (
            "[[ignore]]\nid = \"TFW-AWS-0001\"\nreason = \"r\"\nuntil = \"31/03/2027\"\n",
            "tfward.toml:4:9:",
            "not a date",
        ),
        (
            "exclude = \"**/examples/**\"\n",
            "tfward.toml:1:11:",
            "invalid type",
        ),
        (
            "policy_dirs = [\"nowhere\"]\n",
            "tfward.toml:1:16:",
            "not a directory",
        ),
    ];
    for (config, at, says) in cases {
        let run = scan_with(config);
        assert_eq!(run.code, 2, "{config}");
        assert!(
            run.stderr.contains(at) && run.stderr.contains(says),
            "{config}\n{}",
            run.stderr
        );
    }
}

#[test]
fn init_writes_a_starter_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = tfward_in(dir.path(), &["init"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.path().join("tfward.toml")).expect("written");
    assert!(written.contains("[[ignore]]"));
    // The starter is a valid config.
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"private\"\n}\n",
    )
    .expect("write");
    assert_eq!(tfward_in(dir.path(), &["scan", "."], &[]).code, 0);
    let again = tfward_in(dir.path(), &["init"], &[]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}
