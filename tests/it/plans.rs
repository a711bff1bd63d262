//! Plans and states through the same policies, with diffs and drift.

use crate::support::{code, json, stderr, stdout, tfward};

#[test]
#[ignore = "needs ../shared/corpus beside the checkout (.ci/run runs it with --ignored)"]
fn plans_from_the_corpus_load_without_errors() {
    let corpus = crate::support::root().join("../shared/corpus/plans/terraform-json");
    assert!(
        corpus.is_dir(),
        "{} is missing: this test reads the shared corpus",
        corpus.display()
    );
    let mut scanned = 0;
    for entry in std::fs::read_dir(&corpus).expect("corpus") {
        let dir = entry.expect("entry").path();
        let plan = dir.join("plan.json");
        if !plan.is_file() {
            continue;
        }
        if dir.ends_with("invalid") {
            // Malformed on purpose: an error with a position, exit 2.
            let out = tfward(&["scan", plan.to_str().expect("utf8"), "--format", "json"]);
            assert_eq!(code(&out), 2, "{}", stdout(&out));
            continue;
        }
        let out = tfward(&[
            "scan",
            plan.to_str().expect("utf8"),
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        assert_eq!(code(&out), 0, "{}: {}", plan.display(), stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
        scanned += 1;
    }
    assert!(scanned >= 10, "{scanned}");
}

#[test]
fn malformed_plans_are_errors_with_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("plan.json");
    std::fs::write(&p, "{\"format_version\": \"1.2\",\n\"planned_values\": {").expect("write");
    let out = tfward(&["scan", p.to_str().expect("utf8"), "--format", "json"]);
    assert_eq!(code(&out), 2);
    let report = json(&out);
    assert_eq!(report["errors"][0]["line"], 2, "{report}");
    std::fs::write(&p, "{\"name\": \"not a plan\"}").expect("write");
    let out = tfward(&["scan", p.to_str().expect("utf8")]);
    assert_eq!(code(&out), 2);
    assert!(
        stdout(&out).contains("neither a Terraform plan nor a state"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn drift_against_a_folder_without_configuration_is_an_error_not_all_removed() {
    let empty = tempfile::tempdir().expect("tempdir");
    let out = tfward(&[
        "drift",
        "--state",
        "testdata/state/terraform.tfstate",
        empty.path().to_str().expect("utf8"),
    ]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains("no Terraform configuration here"), "{err}");
    assert!(
        !stdout(&out).contains("removed from code"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn drift_compares_state_with_configuration_without_printing_secrets() {
    let out = tfward(&[
        "drift",
        "--state",
        "testdata/state/terraform.tfstate",
        "testdata/state/config",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    for secret in ["an-old-secret-value", "correct-horse-battery"] {
        assert!(!text.contains(secret), "{text}");
    }
    let report = json(&out);
    let kinds: Vec<(String, String)> = report["drift"]
        .as_array()
        .expect("drift")
        .iter()
        .map(|d| {
            (
                d["address"].as_str().unwrap_or_default().to_owned(),
                d["kind"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expect = |a: &str, k: &str| (a.to_owned(), k.to_owned());
    assert_eq!(
        kinds,
        [
            expect("aws_instance.legacy", "not_in_config"),
            expect("aws_sqs_queue.new", "not_in_state"),
            expect("aws_db_instance.db", "changed"),
            expect("aws_s3_bucket.logs", "changed"),
            expect("aws_security_group.web", "changed"),
        ]
    );
    let sg = &report["drift"][4]["attributes"][0];
    assert_eq!(sg["path"], "ingress.0.cidr_blocks");
    assert_eq!(sg["state"], serde_json::json!(["0.0.0.0/0"]));
    // Data sources in state are not drift.
    assert!(!text.contains("aws_caller_identity"));
    let human = stdout(&tfward(&[
        "drift",
        "--state",
        "testdata/state/terraform.tfstate",
        "testdata/state/config",
    ]));
    assert!(
        human.contains("password: config (sensitive) != state (sensitive)"),
        "{human}"
    );
}

#[test]
fn policies_run_on_a_raw_state() {
    let out = tfward(&[
        "scan",
        "testdata/state/terraform.tfstate",
        "--only",
        "TFW-AWS-0002,TFW-AWS-0028",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = json(&out);
    assert!(!stdout(&out).contains("an-old-secret-value"));
    assert_eq!(report["summary"]["resources"], 5);
}

const SECRET: &str = "s3cr3t-db-passw0rd";

#[test]
fn every_action_gets_an_attribute_diff() {
    let out = tfward(&[
        "scan",
        "testdata/plans/all_actions.json",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = json(&out);
    let changes = report["changes"].as_array().expect("changes");
    let kinds: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| {
            (
                c["address"].as_str().unwrap_or(""),
                c["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("aws_s3_bucket.new", "create"),
            ("aws_security_group.web", "update"),
            ("aws_db_instance.main", "replace"),
            ("aws_kms_key.old", "delete"),
            ("module.net.module.subnets.aws_subnet.a[0]", "create"),
            ("aws_instance.gone", "forget"),
            ("data.aws_caller_identity.me", "read"),
        ],
        "no-op changes are left out"
    );
    let db = &changes[2];
    let diff = db["diff"].as_array().expect("diff");
    let by_path = |p: &str| {
        diff.iter()
            .find(|d| d["path"] == p)
            .unwrap_or_else(|| panic!("{p}: {db}"))
    };
    assert_eq!(by_path("identifier")["forces_replacement"], true);
    assert_eq!(by_path("id")["unknown"], true);
    assert_eq!(by_path("password")["sensitive"], true);
    assert!(by_path("password")["before"].is_null() && by_path("password")["after"].is_null());
    assert_eq!(db["action_reason"], "replace_because_cannot_update");
}

#[test]
fn drift_is_reported_and_overwrites_are_called_out() {
    let report = json(&tfward(&[
        "scan",
        "testdata/plans/all_actions.json",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]));
    let drift = report["drift"].as_array().expect("drift");
    assert_eq!(drift[0]["address"], "aws_security_group.web");
    assert_eq!(drift[0]["kind"], "changed");
    assert_eq!(
        drift[0]["overwritten_by_plan"],
        serde_json::json!(["ingress.0.cidr_blocks.0"])
    );
    assert_eq!(drift[1]["kind"], "deleted");
    let human = stdout(&tfward(&[
        "scan",
        "testdata/plans/all_actions.json",
        "--fail-on",
        "never",
        "--no-color",
    ]));
    assert!(human.contains("Changed outside Terraform (2):"), "{human}");
    assert!(
        human.contains("identifier: \"orders\" -> \"orders-v2\"  # forces replacement"),
        "{human}"
    );
    assert!(
        human.contains("id: \"db-1\" -> (known after apply)"),
        "{human}"
    );
}

#[test]
fn sensitive_plan_values_never_appear_in_any_format() {
    for format in [
        "human", "json", "sarif", "junit", "github", "gitlab", "markdown",
    ] {
        let out = tfward(&[
            "scan",
            "testdata/plans/all_actions.json",
            "--format",
            format,
            "--fail-on",
            "never",
            "--no-color",
        ]);
        assert_eq!(code(&out), 0, "{format}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text.contains(SECRET),
            "{format} leaks the password:\n{text}"
        );
    }
    let input = stdout(&tfward(&["input", "testdata/plans/all_actions.json"]));
    assert!(!input.contains(SECRET), "tfward input leaks the password");
}

#[test]
fn policies_see_planned_values_unknowns_and_nested_modules() {
    let report = json(&tfward(&[
        "scan",
        "testdata/plans/all_actions.json",
        "--only",
        "TFW-AWS-0001,TFW-AWS-0005,TFW-AWS-0023",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]));
    let got: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or(""),
                f["address"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        got.contains(&("TFW-AWS-0001", "aws_s3_bucket.new")),
        "{got:?}"
    );
    assert!(
        got.contains(&("TFW-AWS-0005", "aws_db_instance.main")),
        "{got:?}"
    );
    assert!(
        got.contains(&("TFW-AWS-0023", "module.net.module.subnets.aws_subnet.a[0]")),
        "{got:?}"
    );
    let f = &report["findings"][0];
    assert_eq!(
        f["file"], "testdata/plans/all_actions.json",
        "no configuration beside it: the plan file"
    );
    assert!(
        f["line"].as_u64().unwrap_or(0) > 1,
        "points at the resource in the plan"
    );
}

#[test]
fn old_format_versions_load() {
    let out = tfward(&[
        "scan",
        "testdata/plans/format_0_1.json",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["changes"].as_array().map(Vec::len), Some(7));
    assert_eq!(report["drift"], serde_json::json!([]));
}

#[test]
fn plan_findings_point_at_the_hcl_when_the_configuration_is_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"new\" {\n  bucket = \"acme-new\"\n  acl    = \"public-read\"\n}\n",
    )
    .expect("write");
    let plan = crate::support::root().join("testdata/plans/all_actions.json");
    let out = tfward(&[
        "scan",
        dir.path().to_str().expect("utf8"),
        "--plan",
        plan.to_str().expect("utf8"),
        "--only",
        "TFW-AWS-0001",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let f = &json(&out)["findings"][0];
    assert!(
        f["file"].as_str().is_some_and(|p| p.ends_with("main.tf")),
        "{f}"
    );
    assert_eq!(f["line"], 3, "the acl attribute's line");
}
