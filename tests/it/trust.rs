//! Issue 12 (trust on an ordinary repository): each test builds the layout
//! in a temp dir and asserts what the user sees. New regressions of "a
//! scan that is quietly wrong" go here.

use crate::support::{code, identities, json, stderr, stdout, tfward_in, Tree};

const BUCKET_MODULE: &str = r#"
variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = "public-read"
}
"#;

fn prod_tree() -> Tree {
    let t = Tree::new();
    t.dir(".git")
        .file(
            "envs/prod/main.tf",
            r#"
module "bucket" {
  source = "../../modules/bucket"
  name   = "prod-assets"
}
"#,
        )
        .file("modules/bucket/main.tf", BUCKET_MODULE);
    t
}

/// The same tree scanned four ways gives the same findings (rule, address,
/// fingerprint): `.` from its root, a relative path from its parent, no
/// path from a subfolder, an absolute path from elsewhere.
#[test]
fn issue12_scan_path_form_does_not_change_findings() {
    let t = prod_tree();
    let root_name = t
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .expect("temp dir name")
        .to_owned();
    let parent = t.path().parent().expect("temp dir parent").to_path_buf();
    let abs = t.path().to_string_lossy().into_owned();
    let runs = [
        (
            "`scan .` from the root",
            t.run("", &["scan", ".", "--format", "json"]),
        ),
        (
            "`scan ROOT` from its parent",
            tfward_in(&parent, &["scan", &root_name, "--format", "json"]),
        ),
        (
            "`scan` from envs/prod",
            t.run("envs/prod", &["scan", "--format", "json"]),
        ),
        (
            "`scan /abs` from elsewhere",
            tfward_in(
                std::path::Path::new("/"),
                &["scan", &abs, "--format", "json"],
            ),
        ),
    ];
    let mut first: Option<Vec<(String, String, String)>> = None;
    for (how, out) in &runs {
        assert_eq!(code(out), 1, "{how}: {}", stderr(out));
        let report = json(out);
        assert_eq!(report["summary"]["resources"], 2, "{how}: {report}");
        let ids = identities(&report);
        assert!(
            ids.iter()
                .any(|(rule, addr, _)| rule == "TFW-AWS-0001" && addr.starts_with("module.bucket.")),
            "{how}: the module's public ACL is missing: {ids:#?}"
        );
        match &first {
            None => first = Some(ids),
            Some(f) => assert_eq!(&ids, f, "{how} differs from the first run"),
        }
    }
}

#[test]
fn issue12_relative_scan_loads_modules_above_the_scanned_folder() {
    let t = prod_tree();
    let out = t.run("envs", &["scan", "prod"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 1, "{text}{}", stderr(&out));
    assert!(!text.contains("no Terraform files"), "{text}");
    assert!(
        text.contains("module.bucket.aws_s3_bucket_acl.this"),
        "{text}"
    );
}

const FORMATS: [&str; 7] = [
    "human", "json", "sarif", "junit", "github", "gitlab", "markdown",
];

/// A one-line plan (as `terraform show -json` writes it) with `n` public
/// buckets: past 64 KB, findings sit beyond column 65,535.
fn one_line_plan(n: usize) -> String {
    let mut planned = Vec::new();
    let mut changes = Vec::new();
    for i in 0..n {
        let values = serde_json::json!({"bucket": format!("bucket-{i}"), "acl": "public-read", "force_destroy": false});
        planned.push(serde_json::json!({
            "address": format!("aws_s3_bucket.b{i}"), "mode": "managed", "type": "aws_s3_bucket",
            "name": format!("b{i}"), "provider_name": "registry.terraform.io/hashicorp/aws",
            "schema_version": 0, "values": values, "sensitive_values": {}
        }));
        changes.push(serde_json::json!({
            "address": format!("aws_s3_bucket.b{i}"), "mode": "managed", "type": "aws_s3_bucket",
            "name": format!("b{i}"), "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "before": null, "after": values,
                       "after_unknown": {"id": true, "arn": true}, "before_sensitive": false, "after_sensitive": {}}
        }));
    }
    serde_json::json!({
        "format_version": "1.2", "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": changes,
        "configuration": {"root_module": {}}
    })
    .to_string()
}

/// The same buckets as a one-line state (`terraform show -json` of a state).
fn one_line_state(n: usize) -> String {
    let resources: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({
                "address": format!("aws_s3_bucket.b{i}"), "mode": "managed", "type": "aws_s3_bucket",
                "name": format!("b{i}"), "provider_name": "registry.terraform.io/hashicorp/aws",
                "schema_version": 0,
                "values": {"bucket": format!("bucket-{i}"), "acl": "public-read", "id": format!("bucket-{i}")},
                "sensitive_values": {}
            })
        })
        .collect();
    serde_json::json!({
        "format_version": "1.0", "terraform_version": "1.9.5",
        "values": {"root_module": {"resources": resources}}
    })
    .to_string()
}

/// Minified `.tf.json` (CDKTF writes this).
fn minified_tf_json(n: usize) -> String {
    let buckets: serde_json::Map<String, serde_json::Value> = (0..n)
        .map(|i| {
            (
                format!("b{i}"),
                serde_json::json!({"bucket": format!("bucket-{i}"), "acl": "public-read"}),
            )
        })
        .collect();
    serde_json::json!({"resource": {"aws_s3_bucket": buckets}}).to_string()
}

/// Every input shape the README promises, in every output format: no
/// panic, findings reported, exit 1; the human output never prints a
/// line longer than a terminal screen.
#[test]
fn issue12_one_line_inputs_render_in_every_format() {
    let t = Tree::new();
    t.file("plan/plan.json", &one_line_plan(1000))
        .file("state/state.json", &one_line_state(1000))
        .file("cdktf/main.tf.json", &minified_tf_json(2000));
    for (input, len) in [
        (
            "plan/plan.json",
            std::fs::metadata(t.path().join("plan/plan.json")).map(|m| m.len()),
        ),
        (
            "state/state.json",
            std::fs::metadata(t.path().join("state/state.json")).map(|m| m.len()),
        ),
        (
            "cdktf",
            std::fs::metadata(t.path().join("cdktf/main.tf.json")).map(|m| m.len()),
        ),
    ] {
        assert!(len.expect("written") > 65_536, "{input} must pass 64 KB");
        for format in FORMATS {
            let out = t.run(
                "",
                &["scan", input, "--format", format, "--only", "TFW-AWS-0001"],
            );
            let text = stdout(&out);
            assert_eq!(code(&out), 1, "{input} as {format}: {}", stderr(&out));
            assert!(!text.is_empty(), "{input} as {format}: no output");
            match format {
                "human" => {
                    assert!(
                        text.contains("TFW-AWS-0001"),
                        "{input}: {}",
                        &text[..text.len().min(2000)]
                    );
                    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    assert!(
                        longest <= 200,
                        "{input}: a {longest}-character line in the human output"
                    );
                }
                "json" | "sarif" | "gitlab" => {
                    serde_json::from_str::<serde_json::Value>(&text)
                        .unwrap_or_else(|e| panic!("{input} as {format}: not JSON: {e}"));
                }
                _ => assert!(text.contains("TFW-AWS-0001"), "{input} as {format}"),
            }
        }
    }
}

/// A local module source that does not exist is an error in every format
/// (Terraform's init fails on it); a registry module that is not installed
/// is a warning every format shows, counted in the summary.
#[test]
fn issue12_module_calls_that_cannot_load_are_never_silent() {
    let t = Tree::new();
    t.file(
        "main.tf",
        r#"
module "gone" {
  source = "./modules/gone"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}
"#,
    );
    for format in FORMATS {
        let out = t.run("", &["scan", ".", "--format", format]);
        let text = stdout(&out);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{format}: {text}{err}");
        let shown = format!("{text}{err}");
        assert!(
            shown.contains("./modules/gone"),
            "{format}: the missing source is not named:\n{shown}"
        );
        assert!(
            shown.contains("terraform-aws-modules/vpc/aws"),
            "{format}: the uninstalled module is not named:\n{shown}"
        );
        if format != "human" {
            assert!(
                err.contains("error: main.tf:2:1: module.gone"),
                "{format} stderr: {err}"
            );
            assert!(
                err.contains("warning: main.tf:6:1: module.vpc"),
                "{format} stderr: {err}"
            );
        }
        match format {
            "json" => {
                let r = json(&out);
                assert_eq!(r["summary"]["module_calls"]["missing"], 1, "{r}");
                assert_eq!(r["summary"]["module_calls"]["not_installed"], 1, "{r}");
                assert!(
                    r["errors"][0]["message"]
                        .as_str()
                        .unwrap_or("")
                        .contains("does not exist"),
                    "{r}"
                );
            }
            "sarif" => {
                let r = json(&out);
                let inv = &r["runs"][0]["invocations"][0];
                assert_eq!(inv["executionSuccessful"], false, "{inv}");
                let notes = inv["toolExecutionNotifications"]
                    .as_array()
                    .expect("notifications");
                assert!(notes.iter().any(|n| n["level"] == "error"), "{inv}");
                assert!(notes.iter().any(|n| n["level"] == "warning"), "{inv}");
            }
            "human" => assert!(
                text.contains("1 module call not evaluated (not installed: run terraform init)"),
                "{text}"
            ),
            _ => {}
        }
    }
}

const SPLIT_BUCKETS: &str = r#"
variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

resource "aws_s3_bucket" "c" {
  count  = length(var.names)
  bucket = "acme-${var.names[count.index]}"
}

resource "aws_s3_bucket_versioning" "c" {
  count  = 1
  bucket = aws_s3_bucket.c[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "single" {
  bucket = "acme-single"
}

resource "aws_s3_bucket_versioning" "single" {
  bucket = aws_s3_bucket.single.id
  versioning_configuration {
    status = "Enabled"
  }
}
"#;

/// Split resources link to their bucket inside child modules exactly as in
/// the root, and per instance: c[0]'s versioning does not hide that c[1]
/// has none.
#[test]
fn issue12_split_resources_link_in_child_modules_and_per_instance() {
    let t = Tree::new();
    t.file("root/main.tf", SPLIT_BUCKETS)
        .file("modules/b/main.tf", SPLIT_BUCKETS)
        .file(
            "child/main.tf",
            "module \"b\" {\n  source = \"../modules/b\"\n}\n",
        );
    for (dir, prefix) in [("root", ""), ("child", "module.b.")] {
        let out = t.run(
            "",
            &["scan", dir, "--format", "json", "--only", "TFW-AWS-0008"],
        );
        assert_eq!(code(&out), 1, "{dir}: {}", stderr(&out));
        let flagged: Vec<String> = json(&out)["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["address"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(flagged, [format!("{prefix}aws_s3_bucket.c[1]")], "{dir}");
    }
}

/// Issue 12 item 7: an exclude that hides every module (`**/examples/**`
/// in a module repository whose Terraform is all under examples/) does not
/// pass as a clean scan without a word; a scan that still evaluates
/// resources says nothing.
#[test]
fn issue12_an_exclude_that_leaves_no_resource_says_so() {
    let t = Tree::new();
    t.dir(".git").file(
        "examples/complete/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n",
    );
    let out = t.run(
        "",
        &["scan", ".", "--exclude", "**/examples/**", "--no-color"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("no resource was evaluated"), "{text}");
    assert!(text.contains("examples"), "{text}");
    let report = t.run(
        "",
        &[
            "scan",
            ".",
            "--exclude",
            "**/examples/**",
            "--format",
            "json",
        ],
    );
    assert!(
        stderr(&report).contains("no resource was evaluated"),
        "{}",
        stderr(&report)
    );

    let full = t.run("", &["scan", ".", "--no-color"]);
    let text = format!("{}{}", stdout(&full), stderr(&full));
    assert!(!text.contains("no resource was evaluated"), "{text}");
}
