//! A large scan parses its configuration a batch of root modules at a time
//! (pipeline::TREE_BUDGET) instead of holding every syntax tree: what it
//! reports must not depend on how the modules were batched.

use std::process::Command;

use crate::support::{code, json, stdout, Tree};

fn scan_with_budget(tree: &Tree, budget: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tfward"));
    cmd.args(["scan", ".", "--format", "json", "--no-color"])
        .current_dir(tree.path())
        .env_remove("TFWARD_TREE_BUDGET");
    if let Some(b) = budget {
        cmd.env("TFWARD_TREE_BUDGET", b);
    }
    cmd.output().expect("tfward runs")
}

/// A repository whose examples call its root module and a submodule by
/// `../` paths, a root with a module `terraform init` installed, and a file
/// that does not parse.
fn project() -> Tree {
    let t = Tree::new();
    t.dir(".git")
        .file(
            "repo/main.tf",
            "variable \"acl\" {\n  default = \"private\"\n}\n\nresource \"aws_s3_bucket_acl\" \"logs\" {\n  bucket = \"logs\"\n  acl    = var.acl\n}\n\nmodule \"sub\" {\n  source = \"./modules/sub\"\n  cidr   = \"10.0.0.0/8\"\n}\n",
        )
        .file(
            "repo/modules/sub/main.tf",
            "variable \"cidr\" {}\n\nresource \"aws_security_group\" \"ssh\" {\n  name        = \"ssh\"\n  description = \"ssh\"\n  ingress {\n    description = \"ssh\"\n    from_port   = 22\n    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [var.cidr]\n  }\n}\n",
        )
        .file(
            "repo/examples/public/main.tf",
            "module \"root\" {\n  source = \"../../\"\n  acl    = \"public-read\"\n}\n",
        )
        .file(
            "repo/examples/open/main.tf",
            "module \"sub\" {\n  source = \"../../modules/sub\"\n  cidr   = \"0.0.0.0/0\"\n}\n",
        )
        .file(
            "installed/main.tf",
            "module \"reg\" {\n  source  = \"example/reg/aws\"\n  version = \"1.0.0\"\n}\n",
        )
        .file(
            "installed/.terraform/modules/modules.json",
            r#"{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"reg","Source":"registry.terraform.io/example/reg/aws","Version":"1.0.0","Dir":".terraform/modules/reg"}]}"#,
        )
        .file(
            "installed/.terraform/modules/reg/main.tf",
            "resource \"aws_s3_bucket_acl\" \"reg\" {\n  bucket = \"reg\"\n  acl    = \"public-read-write\"\n}\n",
        )
        .file("broken/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n");
    t
}

#[test]
fn a_scan_read_in_batches_reports_what_a_scan_holding_every_tree_reports() {
    let t = project();
    let held = scan_with_budget(&t, None);
    // One byte: every root module is a batch of its own, and each batch
    // parses the trees it needs again (the repository's root module and
    // submodule three times).
    let batched = scan_with_budget(&t, Some("1"));
    assert_eq!(
        code(&held),
        2,
        "the broken file is an error: {}",
        stdout(&held)
    );
    assert_eq!(code(&batched), code(&held));
    assert_eq!(stdout(&batched), stdout(&held));

    let report = json(&batched);
    let findings = report["findings"].as_array().expect("findings");
    let at = |address: &str| {
        findings
            .iter()
            .filter(|f| f["address"].as_str() == Some(address))
            .map(|f| f["rule_id"].as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    };
    // Through `../../` from an example, with the example's inputs.
    assert!(
        !at("module.root.aws_s3_bucket_acl.logs").is_empty(),
        "the public ACL set by examples/public is found: {findings:?}"
    );
    assert!(
        !at("module.sub.aws_security_group.ssh").is_empty(),
        "the open security group of examples/open is found: {findings:?}"
    );
    // Through .terraform/modules.
    assert!(
        !at("module.reg.aws_s3_bucket_acl.reg").is_empty(),
        "the installed module's bucket is found: {findings:?}"
    );
    let errors = report["errors"].as_array().expect("errors");
    assert_eq!(
        errors.len(),
        1,
        "one parse error, reported once: {errors:?}"
    );
    assert!(errors[0]["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("broken/main.tf")));
}
