//! Conftest-style policies (`deny`/`violation`/`warn` rules on the raw
//! `terraform show -json` document) through `--policy DIR` and
//! `tfward policy test`.

use serde_json::{json, Value};

use crate::support::{code, json as report_of, stderr, stdout, Tree};

/// The configuration the plan below was made from: the bucket's block
/// starts on line 3, the database's on line 8.
const MAIN_TF: &str = r#"# storage

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
  acl    = "public-read"
}

resource "aws_db_instance" "db" {
  engine   = "postgres"
  password = var.db_password
}
"#;

const PUBLIC_BUCKETS: &str = r#"package main

import rego.v1

deny contains msg if {
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket"
	rc.change.after.acl == "public-read"
	msg := sprintf("%s must not be public", [rc.address])
}
"#;

/// A plan of MAIN_TF whose database password is sensitive.
fn plan() -> Value {
    let bucket = json!({"bucket": "acme-logs", "acl": "public-read", "tags": {}});
    let db = json!({"engine": "postgres", "password": "hunter2-s3cr3t-pw"});
    json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "variables": {"db_password": {"value": "hunter2-s3cr3t-pw"}},
        "planned_values": {"root_module": {"resources": [
            {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket",
             "name": "logs", "provider_name": "registry.terraform.io/hashicorp/aws",
             "schema_version": 0, "values": bucket, "sensitive_values": {}},
            {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance",
             "name": "db", "provider_name": "registry.terraform.io/hashicorp/aws",
             "schema_version": 0, "values": db, "sensitive_values": {"password": true}}
        ]}},
        "resource_changes": [
            {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket",
             "name": "logs", "provider_name": "registry.terraform.io/hashicorp/aws",
             "change": {"actions": ["create"], "before": null, "after": bucket,
                        "after_unknown": {"id": true}, "before_sensitive": false,
                        "after_sensitive": {}}},
            {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance",
             "name": "db", "provider_name": "registry.terraform.io/hashicorp/aws",
             "change": {"actions": ["create"], "before": null, "after": db,
                        "after_unknown": {"id": true}, "before_sensitive": false,
                        "after_sensitive": {"password": true}}}
        ],
        "configuration": {"root_module": {
            "variables": {"db_password": {"sensitive": true}},
            "resources": [
                {"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket",
                 "name": "logs", "provider_config_key": "aws",
                 "expressions": {"bucket": {"constant_value": "acme-logs"},
                                 "acl": {"constant_value": "public-read"}}},
                {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance",
                 "name": "db", "provider_config_key": "aws",
                 "expressions": {"engine": {"constant_value": "postgres"},
                                 "password": {"references": ["var.db_password"]}}}
            ]
        }}
    })
}

/// A tree with infra/main.tf, plan.json and the given policy files.
fn tree(policies: &[(&str, &str)]) -> Tree {
    let t = Tree::new();
    t.file("infra/main.tf", MAIN_TF);
    t.file("plan.json", &plan().to_string());
    for (rel, text) in policies {
        t.file(&format!("policy/{rel}"), text);
    }
    t
}

/// `tfward scan infra --plan plan.json --policy policy` plus `extra`.
fn scan(t: &Tree, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "scan",
        "infra",
        "--plan",
        "plan.json",
        "--policy",
        "policy",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    t.run("", &args)
}

/// The report's findings of conftest policies.
fn conftest_findings(report: &Value) -> Vec<Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["rule_id"]
                .as_str()
                .is_some_and(|r| r.starts_with("conftest:"))
        })
        .cloned()
        .collect()
}

#[test]
fn a_deny_message_naming_a_resource_points_at_its_hcl_block() {
    let t = tree(&[("s3.rego", PUBLIC_BUCKETS)]);
    let out = scan(&t, &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = report_of(&out);
    let found = conftest_findings(&report);
    assert_eq!(found.len(), 1, "{report}");
    let f = &found[0];
    assert_eq!(f["rule_id"], "conftest:main");
    assert_eq!(f["severity"], "HIGH");
    assert_eq!(f["message"], "aws_s3_bucket.logs must not be public");
    assert_eq!(f["address"], "aws_s3_bucket.logs");
    assert!(
        f["file"]
            .as_str()
            .is_some_and(|p| p.ends_with("infra/main.tf")),
        "{f}"
    );
    assert_eq!(f["line"], 3, "{f}");
    assert!(
        report["errors"].as_array().is_some_and(Vec::is_empty),
        "{report}"
    );
}

#[test]
fn violation_objects_and_warnings_are_read_with_their_severities() {
    let policy = r#"package terraform.tags

import rego.v1

violation contains {"msg": msg, "details": {"missing": "Owner"}} if {
	some rc in input.resource_changes
	rc.type == "aws_s3_bucket"
	not rc.change.after.tags.Owner
	msg := sprintf("%s has no Owner tag", [rc.address])
}

warn_engine contains {"msg": "postgres databases need a parameter group", "severity": "MEDIUM"} if {
	some rc in input.resource_changes
	rc.change.after.engine == "postgres"
}

warn contains "this plan creates resources" if {
	some rc in input.resource_changes
	"create" in rc.change.actions
}
"#;
    let t = tree(&[("tags.rego", policy)]);
    // The plan alone: findings point at the plan file.
    let out = t.run(
        "",
        &[
            "scan",
            "plan.json",
            "--policy",
            "policy",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = report_of(&out);
    let mut found: Vec<(String, String, String, String)> = conftest_findings(&report)
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("severity"), s("message"), s("address"), s("file"))
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                "HIGH".to_owned(),
                "aws_s3_bucket.logs has no Owner tag".to_owned(),
                "aws_s3_bucket.logs".to_owned(),
                "plan.json".to_owned()
            ),
            (
                "LOW".to_owned(),
                "this plan creates resources".to_owned(),
                String::new(),
                "plan.json".to_owned()
            ),
            (
                "MEDIUM".to_owned(),
                "postgres databases need a parameter group".to_owned(),
                String::new(),
                "plan.json".to_owned()
            ),
        ],
        "{report}"
    );
    assert!(conftest_findings(&report)
        .iter()
        .all(|f| f["rule_id"] == "conftest:terraform.tags"));
}

#[test]
fn without_a_plan_the_scan_says_conftest_policies_did_not_run() {
    let t = tree(&[("s3.rego", PUBLIC_BUCKETS)]);
    let out = t.run(
        "",
        &[
            "scan",
            "infra",
            "--policy",
            "policy",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = report_of(&out);
    assert!(conftest_findings(&report).is_empty());
    let warnings = report["warnings"].as_array().expect("warnings");
    let note = warnings
        .iter()
        .find(|w| {
            w["message"]
                .as_str()
                .is_some_and(|m| m.contains("conftest"))
        })
        .unwrap_or_else(|| panic!("no conftest warning: {report}"));
    assert_eq!(note["file"], "policy", "{note}");
    assert!(
        note["message"]
            .as_str()
            .is_some_and(|m| m.contains("--plan")),
        "{note}"
    );
}

#[test]
fn policy_test_runs_conftest_tests_and_reports_a_failing_one() {
    let passing = r#"package main

import rego.v1

test_a_public_bucket_is_denied if {
	count(deny) == 1 with input as {"resource_changes": [
		{"address": "aws_s3_bucket.x", "type": "aws_s3_bucket", "change": {"after": {"acl": "public-read"}}}
	]}
}

test_a_private_bucket_passes if {
	count(deny) == 0 with input as {"resource_changes": [
		{"address": "aws_s3_bucket.x", "type": "aws_s3_bucket", "change": {"after": {"acl": "private"}}}
	]}
}
"#;
    let t = tree(&[("s3.rego", PUBLIC_BUCKETS), ("s3_test.rego", passing)]);
    let out = t.run("", &["policy", "test", "policy"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("PASS conftest:main"), "{text}");
    assert!(text.contains("2 rego tests"), "{text}");

    let failing = passing.replace("count(deny) == 0", "count(deny) == 1");
    t.file("policy/s3_test.rego", &failing);
    let out = t.run("", &["policy", "test", "policy"]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("FAIL conftest:main"), "{text}");
    assert!(text.contains("test_a_private_bucket_passes"), "{text}");
    assert!(!text.contains("test_a_public_bucket_is_denied"), "{text}");
}

#[test]
fn conftest_ids_work_with_inline_ignores_skip_and_every_format() {
    let t = tree(&[("s3.rego", PUBLIC_BUCKETS)]);
    for format in ["sarif", "junit", "human"] {
        let out = t.run(
            "",
            &[
                "scan",
                "infra",
                "--plan",
                "plan.json",
                "--policy",
                "policy",
                "--format",
                format,
            ],
        );
        assert_eq!(code(&out), 1, "{format}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("conftest:main"), "{format}: {text}");
        assert!(
            text.contains("aws_s3_bucket.logs must not be public"),
            "{format}"
        );
    }
    let out = scan(&t, &["--skip", "conftest:main"]);
    assert!(conftest_findings(&report_of(&out)).is_empty());

    t.file(
        "infra/main.tf",
        &MAIN_TF.replace(
            "resource \"aws_s3_bucket\"",
            "# tfward:ignore conftest:main reason=\"public website assets\"\nresource \"aws_s3_bucket\"",
        ),
    );
    let out = scan(&t, &[]);
    let report = report_of(&out);
    assert!(conftest_findings(&report).is_empty(), "{report}");
    let suppressed = report["suppressed"].as_array().expect("suppressed");
    assert!(
        suppressed
            .iter()
            .any(|s| s["rule_id"] == "conftest:main" && s["reason"] == "public website assets"),
        "{report}"
    );
}

#[test]
fn sensitive_values_never_reach_a_conftest_message() {
    let leaky = r#"package main

import rego.v1

deny contains msg if {
	some rc in input.resource_changes
	rc.type == "aws_db_instance"
	msg := sprintf("%s uses the password %v", [rc.address, rc.change.after.password])
}

deny contains msg if {
	msg := sprintf("variable db_password is %v", [input.variables.db_password.value])
}
"#;
    let t = tree(&[("db.rego", leaky)]);
    let out = scan(&t, &[]);
    assert!(!stdout(&out).contains("hunter2"), "{}", stdout(&out));
    let report = report_of(&out);
    let messages: Vec<String> = conftest_findings(&report)
        .iter()
        .map(|f| f["message"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(
        messages.contains(&"aws_db_instance.db uses the password (sensitive)".to_owned()),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"variable db_password is (sensitive)".to_owned()),
        "{messages:?}"
    );
}

#[test]
fn a_broken_conftest_policy_is_an_error_naming_its_file_and_the_others_still_run() {
    let broken = "package broken\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := \n}\n";
    let t = tree(&[("s3.rego", PUBLIC_BUCKETS), ("zz/broken.rego", broken)]);
    let out = scan(&t, &[]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let report = report_of(&out);
    let errors = report["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("policy/zz/broken.rego"))
            && e["message"]
                .as_str()
                .is_some_and(|m| m.contains("did not load"))),
        "{report}"
    );
    let found = conftest_findings(&report);
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0]["rule_id"], "conftest:main");
}

#[test]
fn a_module_instance_address_points_at_the_block_in_the_module() {
    let t = Tree::new();
    t.file(
        "infra/main.tf",
        "module \"store\" {\n  source = \"./modules/store\"\n}\n",
    );
    t.file(
        "infra/modules/store/main.tf",
        "# buckets\n\nresource \"aws_s3_bucket\" \"b\" {\n  for_each = toset([\"k\"])\n  bucket   = \"acme-${each.key}\"\n}\n",
    );
    t.file("policy/s3.rego", PUBLIC_BUCKETS);
    let address = "module.store.aws_s3_bucket.b[\"k\"]";
    let values = json!({"bucket": "acme-k", "acl": "public-read"});
    let plan = json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"child_modules": [{"address": "module.store", "resources": [
            {"address": address, "mode": "managed", "type": "aws_s3_bucket", "name": "b", "index": "k",
             "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
             "values": values, "sensitive_values": {}}
        ]}]}},
        "resource_changes": [
            {"address": address, "module_address": "module.store", "mode": "managed",
             "type": "aws_s3_bucket", "name": "b", "index": "k",
             "provider_name": "registry.terraform.io/hashicorp/aws",
             "change": {"actions": ["create"], "before": null, "after": values,
                        "after_unknown": {}, "before_sensitive": false, "after_sensitive": {}}}
        ],
        "configuration": {"root_module": {"module_calls": {"store": {
            "source": "./modules/store",
            "module": {"resources": [{"address": "aws_s3_bucket.b", "mode": "managed",
                "type": "aws_s3_bucket", "name": "b", "provider_config_key": "aws",
                "expressions": {}, "for_each_expression": {}}]}
        }}}}
    });
    t.file("plan.json", &plan.to_string());
    let out = scan(&t, &["--only", "conftest:main"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = report_of(&out);
    let found = conftest_findings(&report);
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0]["address"], address);
    assert_eq!(found[0]["module"], "module.store");
    assert!(
        found[0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("infra/modules/store/main.tf")),
        "{}",
        found[0]
    );
    assert_eq!(found[0]["line"], 3);
}

#[test]
fn a_policy_rego_without_metadata_is_a_tfward_policy_and_the_error_says_how_to_name_a_conftest_one()
{
    let t = tree(&[("s3/policy.rego", PUBLIC_BUCKETS)]);
    let out = scan(&t, &[]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("s3/policy.rego") && err.contains("main.rego"),
        "{err}"
    );
}

#[test]
fn conftest_findings_can_be_baselined_and_ignored_in_tfward_toml() {
    let t = tree(&[("s3.rego", PUBLIC_BUCKETS)]);
    let out = t.run(
        "",
        &[
            "baseline",
            "create",
            "infra",
            "--plan",
            "plan.json",
            "--policy",
            "policy",
            "--only",
            "conftest:main",
            "--output",
            "base.json",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = scan(&t, &["--only", "conftest:main", "--baseline", "base.json"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = report_of(&out);
    assert_eq!(report["summary"]["baselined"], 1, "{report}");

    t.file(
        "tfward.toml",
        "[[ignore]]\nid = \"conftest:main\"\naddress = \"aws_s3_bucket.*\"\nreason = \"reviewed\"\n",
    );
    let out = scan(&t, &["--only", "conftest:main"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = report_of(&out);
    assert!(conftest_findings(&report).is_empty(), "{report}");
    assert_eq!(
        report["suppressed"][0]["rule_id"], "conftest:main",
        "{report}"
    );
}

#[test]
fn a_conftest_exception_exempts_the_rules_it_names() {
    let policy = r#"package main

import rego.v1

deny_public contains msg if {
	some rc in input.resource_changes
	rc.change.after.acl == "public-read"
	msg := sprintf("%s is public", [rc.address])
}

deny_postgres contains msg if {
	some rc in input.resource_changes
	rc.change.after.engine == "postgres"
	msg := sprintf("%s runs postgres", [rc.address])
}

exception contains rules if {
	some rc in input.resource_changes
	rc.change.after.bucket == "acme-logs"
	rules := ["public"]
}
"#;
    let t = tree(&[("main.rego", policy)]);
    let out = scan(&t, &["--only", "conftest:main"]);
    let report = report_of(&out);
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(messages, ["aws_db_instance.db runs postgres"], "{report}");
}

#[test]
fn a_package_may_keep_its_helpers_in_another_file() {
    let rules = r#"package main

import rego.v1

deny contains msg if {
	some rc in input.resource_changes
	public(rc)
	msg := sprintf("%s must not be public", [rc.address])
}
"#;
    let helpers =
        "package main\n\nimport rego.v1\n\npublic(rc) if rc.change.after.acl == \"public-read\"\n";
    let t = tree(&[("rules.rego", rules), ("util/helpers.rego", helpers)]);
    let out = scan(&t, &["--only", "conftest:main"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let found = conftest_findings(&report_of(&out));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["message"], "aws_s3_bucket.logs must not be public");
}
