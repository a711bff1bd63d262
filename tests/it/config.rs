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

/// Issue 12: every tfward.toml key a doc, a policy or the starter config
/// names is accepted by tfward.toml. Collected from: the starter config with
/// every commented setting switched on; each policy's METADATA `settings`
/// and the `data.tfward.config` paths its Rego reads; ```toml blocks in the
/// docs and in remediation texts; and `key`s named on doc lines that
/// mention tfward.toml.
#[test]
fn every_documented_config_key_is_accepted() {
    use tfward::config::{Config, KEYS, POLICY_SETTINGS, STARTER};
    let parse = |what: &str, text: &str| {
        if let Err(e) = Config::parse("tfward.toml", text, Path::new(".")) {
            panic!("{what}: tfward.toml rejects it:\n{text}\n{}", e.render());
        }
    };

    // The starter with every commented-out setting enabled.
    let setting =
        regex::Regex::new(r#"^# ?((\[\[?[a-z_]+\]\]?)|([a-z_]+|"TFW-[A-Z]+-\d+") = .+)$"#)
            .expect("regex");
    let enabled: String = STARTER
        .lines()
        .map(|l| match setting.captures(l) {
            Some(c) => c[1].to_owned(),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    parse("the starter config, all settings on", &enabled);

    // Policy settings, each as its own file.
    let sample = |path: &str| -> String {
        let (_, value) = POLICY_SETTINGS
            .iter()
            .find(|(p, _)| *p == path)
            .unwrap_or_else(|| panic!("a policy reads data.tfward.config.{path}, which tfward.toml does not accept (add it to config::POLICY_SETTINGS)"));
        match path.split_once('.') {
            Some((table, key)) => format!("[{table}]\n{key} = {value}\n"),
            None => format!("{path} = {value}\n"),
        }
    };
    let direct = regex::Regex::new(r"data\.tfward\.config((?:\.[a-z_]+)+)").expect("regex");
    let via_get =
        regex::Regex::new(r#"object\.get\(data\.tfward\.config, *(?:\[([^\]]*)\]|"([a-z_]+)")"#)
            .expect("regex");
    let mut policy_paths = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(crate::support::root().join("policies")) {
        let entry = entry.expect("walk");
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".rego") || name.ends_with("_test.rego") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read");
        for c in direct.captures_iter(&text) {
            policy_paths.insert(c[1].trim_start_matches('.').to_owned());
        }
        for c in via_get.captures_iter(&text) {
            let Some(list) = c.get(1).or(c.get(2)) else {
                continue;
            };
            let keys: Vec<String> = list
                .as_str()
                .split(',')
                .map(|k| k.trim().trim_matches('"').to_owned())
                .collect();
            policy_paths.insert(keys.join("."));
        }
        if let Some(meta) = text.split("\npackage ").next() {
            if let Some(line) = meta
                .lines()
                .find(|l| l.trim_start_matches('#').trim().starts_with("settings:"))
            {
                let list = line.split_once(':').map(|(_, v)| v).unwrap_or_default();
                for k in list.trim().trim_matches(['[', ']']).split(',') {
                    let k = k.trim();
                    if !k.is_empty() {
                        policy_paths.insert(k.to_owned());
                    }
                }
            }
        }
    }
    assert!(policy_paths.contains("required_tags"), "{policy_paths:?}");
    for path in &policy_paths {
        parse(&format!("data.tfward.config.{path}"), &sample(path));
    }

    // TOML blocks and key names in the docs and remediation texts.
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["docs", "policies"] {
        for entry in walkdir::WalkDir::new(crate::support::root().join(dir)) {
            let entry = entry.expect("walk");
            let p = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".md") || (name == "policy.rego") {
                texts.push((
                    p.display().to_string(),
                    std::fs::read_to_string(p).expect("read"),
                ));
            }
        }
    }
    let readme = crate::support::root().join("README.md");
    texts.push((
        "README.md".to_owned(),
        std::fs::read_to_string(readme).expect("read"),
    ));
    let named = regex::Regex::new(r"`([a-z_]+(?:\.[a-z_]+)?)`").expect("regex");
    for (file, text) in &texts {
        let text = text
            .lines()
            .map(|l| {
                l.strip_prefix("#   ")
                    .or_else(|| l.strip_prefix("# "))
                    .unwrap_or(l)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = text.as_str();
        while let Some(at) = rest.find("```toml") {
            let block = &rest[at + 7..];
            let end = block.find("```").unwrap_or(block.len());
            parse(&format!("a ```toml block in {file}"), &block[..end]);
            rest = &block[end..];
        }
        for line in text.lines().filter(|l| l.contains("tfward.toml")) {
            for c in named.captures_iter(line) {
                let key = &c[1];
                // Setting names have an underscore or a table prefix; file
                // names and plain words are not settings.
                let file_name = [
                    ".toml", ".md", ".json", ".tf", ".rego", ".yml", ".yaml", ".html",
                ]
                .iter()
                .any(|ext| key.ends_with(ext));
                if file_name || !(key.contains('_') || key.contains('.')) {
                    continue;
                }
                assert!(
                    KEYS.contains(&key) || POLICY_SETTINGS.iter().any(|(p, _)| *p == key),
                    "{file} names `{key}` on a line about tfward.toml, but tfward.toml has no such key:\n{line}"
                );
            }
        }
    }
}
