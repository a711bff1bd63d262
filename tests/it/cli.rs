//! The command line as a user meets it: the example, exit codes, formats,
//! determinism, selection flags.

use crate::support::{code, json, stderr, stdout, tfward, triples};

#[test]
fn example_scan_reports_each_insecure_block_with_location() {
    let out = tfward(&["scan", "testdata/examples/insecure", "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    let t = triples(&report);
    for expected in [
        ("testdata/examples/insecure/main.tf", 26, "TFW-AWS-0001"),
        ("testdata/examples/insecure/main.tf", 37, "TFW-AWS-0002"),
        ("testdata/examples/insecure/main.tf", 41, "TFW-AWS-0004"),
        ("testdata/examples/insecure/main.tf", 47, "TFW-AWS-0005"),
        ("testdata/examples/insecure/network.tf", 4, "TFW-GCP-0001"),
        ("testdata/examples/insecure/network.tf", 13, "TFW-AZU-0001"),
    ] {
        let e = (expected.0.to_owned(), expected.1, expected.2.to_owned());
        assert!(t.contains(&e), "missing {e:?} in {t:#?}");
    }
    assert_eq!(report["tool"]["name"], "tfward");
    assert_eq!(report["summary"]["modules"], 1);
    assert_eq!(report["summary"]["errors"], 0);
    let f = &report["findings"][0];
    for key in [
        "rule_id",
        "severity",
        "title",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "address",
        "path",
        "module",
        "fingerprint",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
    }
}

#[test]
fn human_output_underlines_the_attribute_and_shows_remediation() {
    let out = tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--only",
        "TFW-AWS-0001",
    ]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("TFW-AWS-0001 [HIGH] S3 bucket ACL grants public access"),
        "{text}"
    );
    assert!(
        text.contains("testdata/examples/insecure/main.tf:26:3"),
        "{text}"
    );
    assert!(text.contains("acl    = \"public-read\""), "{text}");
    assert!(text.contains("help:"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
    assert!(
        text.ends_with(
            "1 finding (1 HIGH) in 2 files, 1 module, 7 resources; 1 policy evaluated\n"
        ),
        "{text}"
    );
}

#[test]
fn secure_example_is_clean() {
    let out = tfward(&[
        "scan",
        "testdata/examples/secure",
        "--only",
        "TFW-AWS-0001,TFW-AWS-0002,TFW-AWS-0004,TFW-AWS-0006",
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn fail_on_threshold_decides_exit_code() {
    let high = tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--only",
        "TFW-AZU-0003",
        "--fail-on",
        "high",
    ]);
    assert_eq!(
        code(&high),
        0,
        "a MEDIUM finding does not fail at --fail-on high"
    );
    let medium = tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--only",
        "TFW-AZU-0003",
        "--fail-on",
        "medium",
    ]);
    assert_eq!(code(&medium), 1);
    let never = tfward(&["scan", "testdata/examples/insecure", "--fail-on", "never"]);
    assert_eq!(code(&never), 0);
}

#[test]
fn unknown_policy_id_and_bad_flag_exit_2() {
    let out = tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--only",
        "TFW-AWS-9999",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown policy id \"TFW-AWS-9999\""),
        "{}",
        stderr(&out)
    );
    let out = tfward(&["scan", "--format", "yaml"]);
    assert_eq!(code(&out), 2);
    let out = tfward(&["scan", "no/such/dir"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no such file or directory"));
}

#[test]
fn json_is_byte_identical_across_thread_counts() {
    let one = tfward(&[
        "scan",
        "testdata",
        "--format",
        "json",
        "--threads",
        "1",
        "--fail-on",
        "never",
    ]);
    let two = tfward(&[
        "scan",
        "testdata",
        "--format",
        "json",
        "--threads",
        "2",
        "--fail-on",
        "never",
    ]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn fingerprints_ignore_line_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body =
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"b\"\n  acl    = \"public-read\"\n}\n";
    std::fs::write(dir.path().join("main.tf"), body).expect("write");
    let before = json(&tfward(&[
        "scan",
        dir.path().to_str().expect("utf8"),
        "--only",
        "TFW-AWS-0001",
        "--format",
        "json",
    ]));
    std::fs::write(
        dir.path().join("main.tf"),
        format!("\n\n# moved down\n{body}"),
    )
    .expect("write");
    let after = json(&tfward(&[
        "scan",
        dir.path().to_str().expect("utf8"),
        "--only",
        "TFW-AWS-0001",
        "--format",
        "json",
    ]));
    assert_ne!(before["findings"][0]["line"], after["findings"][0]["line"]);
    assert_eq!(
        before["findings"][0]["fingerprint"],
        after["findings"][0]["fingerprint"]
    );
}

#[test]
fn output_file_receives_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.json");
    let out = tfward(&[
        "scan",
        "testdata/examples/insecure",
        "--format",
        "json",
        "--output",
        path.to_str().expect("utf8"),
    ]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty(), "only the file gets the report");
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.contains("\"rule_id\""));
}

#[test]
fn policy_list_and_explain() {
    let out = tfward(&["policy", "list", "--format", "json"]);
    assert_eq!(code(&out), 0);
    let list = json(&out);
    let ids: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(ids.len() >= 12, "{ids:?}");
    assert!(
        ids.contains(&"TFW-AWS-0001")
            && ids.contains(&"TFW-AZU-0001")
            && ids.contains(&"TFW-GCP-0001")
    );
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "listed in id order");
    let out = tfward(&["policy", "explain", "tfw-aws-0001"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.starts_with("TFW-AWS-0001 [HIGH]"), "{text}");
    assert!(text.contains("Remediation:"));
    assert_eq!(code(&tfward(&["policy", "explain", "TFW-XYZ-0001"])), 2);
}

#[test]
fn framework_selection_keeps_mapped_policies_only() {
    let all = json(&tfward(&["policy", "list", "--format", "json"]));
    let cis = json(&tfward(&[
        "policy",
        "list",
        "--format",
        "json",
        "--framework",
        "cis-aws",
    ]));
    let n_all = all.as_array().map_or(0, Vec::len);
    let n_cis = cis.as_array().map_or(0, Vec::len);
    assert!(n_cis > 0 && n_cis < n_all, "{n_cis} of {n_all}");
    for p in cis.as_array().into_iter().flatten() {
        let keys: Vec<&String> = p["frameworks"]
            .as_object()
            .expect("frameworks")
            .keys()
            .collect();
        assert!(keys.iter().any(|k| k.starts_with("cis-aws-")), "{p}");
    }
    assert_eq!(
        code(&tfward(&[
            "scan",
            "testdata/examples",
            "--framework",
            "nope"
        ])),
        2
    );
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_exits_0() {
    // `head -c 1` closes the pipe after one byte; tfward must not fail on EPIPE.
    let script = format!(
        "'{}' scan testdata/examples --fail-on never --format sarif | head -c 1 > /dev/null; echo ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_tfward")
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(crate::support::root())
        .output()
        .expect("bash runs");
    assert_eq!(stdout(&out).trim(), "0", "{}", stderr(&out));
}
