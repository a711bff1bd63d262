//! Plans and states through the same policies, with diffs and drift.

use crate::support::{code, json, stderr, stdout, tfward};

#[test]
fn plans_from_the_corpus_load_without_errors() {
    let corpus = crate::support::root().join("../shared/corpus/plans/terraform-json");
    if !corpus.is_dir() {
        eprintln!("skipped: ../shared/corpus is not present");
        return;
    }
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
