//! A Terragrunt directory (terragrunt.hcl, no .tf) is not silently clean:
//! every format carries the warning that says how to scan it.

use crate::support::{code, json, stdout, Tree};

fn terragrunt_unit() -> Tree {
    let t = Tree::new();
    t.file(
        "live/app/terragrunt.hcl",
        "terraform {\n  source = \"../../modules/app\"\n}\n",
    );
    t
}

const SAYS: &str =
    "Terragrunt configurations are not evaluated, so nothing in live/app was scanned";

#[test]
fn terragrunt_directory_warns_in_every_format() {
    let t = terragrunt_unit();
    let out = t.run("", &["scan", "live"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(text.contains(SAYS), "{text}");
    assert!(text.contains("live/app/terragrunt.hcl"), "{text}");
    assert!(text.contains("--plan plan.json"), "{text}");
    let r = json(&t.run("", &["scan", "live", "-f", "json"]));
    let w = &r["warnings"][0];
    assert_eq!(w["file"], "live/app/terragrunt.hcl");
    assert!(
        w["message"]
            .as_str()
            .is_some_and(|m| m.starts_with(SAYS) && m.contains("live/app/.terragrunt-cache")),
        "{w}"
    );
    for format in ["sarif", "junit", "github", "gitlab", "markdown"] {
        let text = stdout(&t.run("", &["scan", "live", "-f", format]));
        assert!(text.contains(SAYS), "{format}: {text}");
    }
}

#[test]
fn terragrunt_cache_is_named_when_it_exists_and_tf_beside_it_is_scanned() {
    let t = terragrunt_unit();
    t.dir("live/app/.terragrunt-cache/abc/def");
    let r = json(&t.run("", &["scan", "live", "-f", "json"]));
    let message = r["warnings"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        message.contains(
            "`tfward scan live/app/.terragrunt-cache` (the Terraform Terragrunt generated)"
        ),
        "{message}"
    );
    // A directory with Terraform files beside terragrunt.hcl is scanned as usual.
    t.file("live/app/main.tf", "locals {\n  a = 1\n}\n");
    let r = json(&t.run("", &["scan", "live", "-f", "json"]));
    assert!(
        r.get("warnings").is_none() || r["warnings"].as_array().is_some_and(Vec::is_empty),
        "{r}"
    );
}
