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

/// Files that do not parse and hold no module block, which a batched scan
/// parses only when their batch comes: beside a good file, as the only
/// file of a called module, in modules only a cycle of calls reaches, and
/// beside prose and references that say "module".
fn broken_files(t: &Tree) {
    t.file(
        "half/good.tf",
        "# The module's one bucket.\nresource \"aws_s3_bucket_acl\" \"half\" {\n  bucket = \"half\"\n  acl    = \"public-read\"\n}\n\noutput \"note\" {\n  description = \"the module's bucket\"\n  value = [\n    \"module\",\n  ]\n}\n",
    )
    .file("half/bad.tf", "locals {\n  a = [\n}\n")
    .file(
        "caller/main.tf",
        "module \"gone\" {\n  source = \"../gone\"\n}\n\noutput \"x\" {\n  value = module.gone.x\n}\n",
    )
    .file("gone/main.tf", "output \"x\" {\n  value = \n")
    .file("cycle/a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n")
    .file("cycle/b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n")
    .file("cycle/b/extra.tf", "variable \"v\" {\n  default = \"\n");
}

#[test]
fn files_that_do_not_parse_are_reported_alike_however_the_scan_is_batched() {
    let t = project();
    broken_files(&t);
    let held = scan_with_budget(&t, None);
    for budget in ["1", "400", "100000000"] {
        let batched = scan_with_budget(&t, Some(budget));
        assert_eq!(code(&batched), code(&held), "budget {budget}");
        assert_eq!(stdout(&batched), stdout(&held), "budget {budget}");
    }
    let report = json(&held);
    let mut broken: Vec<String> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter(|e| {
            e["message"]
                .as_str()
                .is_some_and(|m| !m.contains("module."))
        })
        .filter_map(|e| e["file"].as_str().map(str::to_owned))
        .collect();
    broken.sort();
    assert_eq!(
        broken,
        [
            "broken/main.tf",
            "cycle/b/extra.tf",
            "gone/main.tf",
            "half/bad.tf"
        ],
        "each file that does not parse, once: {:?}",
        report["errors"]
    );
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        findings
            .iter()
            .any(|f| f["address"].as_str() == Some("aws_s3_bucket_acl.half")),
        "the good file beside the broken one is scanned: {findings:?}"
    );
    assert_eq!(
        report["summary"]["files"],
        report_files_without_broken(&t),
        "the summary counts the files read, not those that failed"
    );
}

/// Terraform files of the tree, less the four that do not parse.
fn report_files_without_broken(t: &Tree) -> usize {
    walk_tf(t.path()) - 4
}

fn walk_tf(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .expect("readable")
        .flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                walk_tf(&p)
            } else {
                usize::from(p.extension().is_some_and(|x| x == "tf"))
            }
        })
        .sum()
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
