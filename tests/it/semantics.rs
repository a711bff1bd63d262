//! Terraform semantics, seen through `tfward input` (the documents policies
//! get) and the findings: one case per behaviour, in testdata/semantics/.

use serde_json::{json, Value};

use crate::support::{code, json as parse_json, stderr, stdout, tfward};

/// The input documents of a directory, by module address.
fn inputs(dir: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["input", dir];
    args.extend_from_slice(extra);
    let out = tfward(&args);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    parse_json(&out).as_array().cloned().unwrap_or_default()
}

fn resource<'a>(docs: &'a [Value], address: &str) -> &'a Value {
    docs.iter()
        .flat_map(|d| d["resources"].as_array().into_iter().flatten())
        .find(|r| r["address"] == address)
        .unwrap_or_else(|| panic!("no {address} in {docs:#?}"))
}

fn addresses(docs: &[Value]) -> Vec<String> {
    docs.iter()
        .flat_map(|d| d["resources"].as_array().into_iter().flatten())
        .filter_map(|r| r["address"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn tfvars_are_loaded_in_terraform_order_and_type_defaults_apply() {
    let docs = inputs("testdata/semantics/tfvars", &[]);
    // terraform.tfvars sets acl; *.auto.tfvars(.json) load after it, by name.
    assert_eq!(
        resource(&docs, "aws_s3_bucket_acl.b")["values"]["acl"],
        "public-read"
    );
    let b = &resource(&docs, "aws_s3_bucket.b")["values"];
    assert_eq!(b["bucket"], "b-auto-b");
    // optional(bool, true) default; optional(number) without default is null, so absent.
    assert_eq!(b["versioning"], true);
    assert!(b.get("retention").is_none());
    // nullable = false: a null input keeps the default.
    assert_eq!(b["label"], "kept");
}

#[test]
fn command_line_and_environment_variables() {
    let docs = inputs("testdata/semantics/tfvars", &["--var", "acl=private"]);
    assert_eq!(
        resource(&docs, "aws_s3_bucket_acl.b")["values"]["acl"],
        "private"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("x.tfvars");
    std::fs::write(&file, "from_auto = \"var-file\"\n").expect("write");
    let docs = inputs(
        "testdata/semantics/tfvars",
        &["--var-file", file.to_str().expect("utf8")],
    );
    assert_eq!(
        resource(&docs, "aws_s3_bucket.b")["values"]["bucket"],
        "b-var-file"
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tfward"))
        .args(["input", "testdata/semantics/unknowns"])
        .current_dir(crate::support::root())
        .env("TF_VAR_acl", "authenticated-read")
        .output()
        .expect("runs");
    let docs = parse_json(&out).as_array().cloned().unwrap_or_default();
    assert_eq!(
        resource(&docs, "aws_s3_bucket_acl.b")["values"]["acl"],
        "authenticated-read"
    );
}

#[test]
fn sensitive_variables_never_print() {
    let docs = inputs("testdata/semantics/tfvars", &[]);
    let text = serde_json::to_string(&docs).expect("json");
    assert!(!text.contains("hunter2"), "{text}");
    // A value computed from a sensitive one is sensitive as a whole
    // (Terraform's sensitivity marks propagate through expressions).
    let db = resource(&docs, "aws_db_instance.db");
    assert_eq!(db["values"]["username"], "(sensitive)");
    assert_eq!(db["sensitive"], json!(["password", "username"]));
    let out = tfward(&[
        "scan",
        "testdata/semantics/tfvars",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert!(!stdout(&out).contains("hunter2"));
}

/// Every reader of a local reaches the instances the local's expression
/// reaches, not only the first one evaluated (the memo kept the value and
/// lost the references).
#[test]
fn every_reader_of_a_local_reaches_the_instances_it_reaches() {
    let docs = inputs("testdata/semantics/locals_reach", &[]);
    for address in ["aws_sqs_queue.first", "aws_sqs_queue.second"] {
        let q = resource(&docs, address);
        assert_eq!(
            q["instance_references"]["kms_master_key_id"],
            json!(["aws_kms_key.k[0]"]),
            "{address}: {q:#}"
        );
    }
}

#[test]
fn locals_in_any_order_workspace_path_and_cycles() {
    let docs = inputs("testdata/semantics/locals", &["--workspace", "prod"]);
    let b = resource(&docs, "aws_s3_bucket.b");
    assert_eq!(b["values"]["bucket"], "acme-PROD");
    assert_eq!(b["values"]["path"], "./policy.json");
    assert_eq!(
        b["unknown"],
        json!(["policy"]),
        "the cycle leaves policy unknown"
    );
    let out = tfward(&[
        "scan",
        "testdata/semantics/locals",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let report = parse_json(&out);
    let warnings = report["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w["message"].as_str().is_some_and(|m| m.contains("cycle"))),
        "{report}"
    );
}

#[test]
fn expressions_templates_and_functions() {
    let docs = inputs("testdata/semantics/expressions", &[]);
    let v = &resource(&docs, "aws_security_group.sg")["values"];
    assert_eq!(v["name"], "sg-3");
    assert_eq!(v["admins"], json!(["ann"]));
    assert_eq!(v["names"], json!(["ann", "bob"]));
    assert_eq!(v["by_name"], json!({"ann": true, "bob": false}));
    assert_eq!(v["third"], "10.0.3.0/24");
    assert_eq!(v["enabled"], "yes");
    assert_eq!(v["math"], 1);
    assert_eq!(v["joined"], "a=10.0.1.0/24,b=10.0.2.0/24");
    assert_eq!(v["policy"], "{\"Statement\":[],\"Version\":\"2012-10-17\"}");
    assert_eq!(v["maybe"], "none");
    assert_eq!(v["ok"], true);
    // `~` strip markers around %{ for } trim the body, as Terraform does.
    assert_eq!(v["description"], "port 22port 80port 443");
}

#[test]
fn count_and_for_each_expand_with_terraform_addresses() {
    let docs = inputs("testdata/semantics/expansion", &[]);
    let all = addresses(&docs);
    for a in [
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        "aws_s3_bucket.b[\"data\"]",
        "aws_s3_bucket.b[\"logs\"]",
        "aws_s3_bucket.map[\"a\"]",
        "aws_instance.maybe",
    ] {
        assert!(all.contains(&a.to_owned()), "{a} in {all:?}");
    }
    assert!(
        !all.iter().any(|a| a.starts_with("aws_s3_bucket.none")),
        "count = 0 creates nothing"
    );
    assert_eq!(
        resource(&docs, "aws_instance.web[1]")["values"]["tags"]["Name"],
        "web-1"
    );
    assert_eq!(
        resource(&docs, "aws_s3_bucket.map[\"b\"]")["values"]["bucket"],
        "two"
    );
    assert_eq!(resource(&docs, "aws_instance.maybe")["expanded"], false);
}

#[test]
fn dynamic_blocks_expand_with_iterators_and_nesting() {
    let docs = inputs("testdata/semantics/dynamic", &[]);
    let sg = &resource(&docs, "aws_security_group.sg")["values"];
    assert_eq!(
        sg["ingress"][1]["cidr_blocks"],
        json!(["0.0.0.0/0", "::/0"])
    );
    assert_eq!(sg["ingress"][0]["from_port"], 22);
    let rule = &resource(&docs, "aws_lb_listener_rule.nested")["values"];
    assert_eq!(rule["action"][1]["type"], "forward-1");
    assert_eq!(rule["action"][1]["forward"][0]["target"], "b");
}

#[test]
fn local_modules_are_evaluated_with_their_inputs_and_outputs_flow_back() {
    let docs = inputs("testdata/semantics/modules/root", &[]);
    let modules: Vec<&str> = docs.iter().filter_map(|d| d["module"].as_str()).collect();
    assert_eq!(
        modules,
        [
            "",
            "module.counted[0]",
            "module.logs",
            "module.many[\"a\"]",
            "module.many[\"b\"]"
        ]
    );
    assert_eq!(
        resource(&docs, "module.logs.aws_s3_bucket_acl.this")["values"]["acl"],
        "public-read"
    );
    assert_eq!(
        resource(&docs, "module.many[\"b\"].aws_s3_bucket.this")["values"]["bucket"],
        "acme-many-b"
    );
    // module.logs.bucket_name flows back into the caller.
    assert_eq!(
        resource(&docs, "aws_s3_bucket_policy.logs")["values"]["bucket"],
        "acme-logs"
    );
    let root = &docs[0];
    let vpc = root["module_calls"]
        .as_array()
        .expect("calls")
        .iter()
        .find(|c| c["name"] == "vpc")
        .expect("vpc");
    assert_eq!(
        vpc["resolved"], false,
        "registry module without terraform init is unresolved"
    );
    // The called module directory is not scanned again as a root with empty inputs.
    assert!(!docs.iter().any(|d| d["module"] == ""
        && d["module_path"]
            .as_str()
            .is_some_and(|p| p.ends_with("modules/bucket"))));
}

#[test]
fn findings_inside_modules_carry_module_addresses() {
    let out = tfward(&[
        "scan",
        "testdata/semantics/modules/root",
        "--only",
        "TFW-AWS-0001",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 1);
    let report = parse_json(&out);
    let f = &report["findings"][0];
    assert_eq!(f["address"], "module.logs.aws_s3_bucket_acl.this");
    assert_eq!(f["module"], "module.logs");
    assert_eq!(
        f["file"],
        "testdata/semantics/modules/root/modules/bucket/main.tf"
    );
    assert_eq!(
        report["findings"].as_array().map(Vec::len),
        Some(1),
        "private buckets of other calls do not fire"
    );
}

#[test]
fn module_recursion_is_reported_not_followed() {
    let out = tfward(&["scan", "testdata/semantics/recursion", "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let report = parse_json(&out);
    assert!(
        report["warnings"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("recursively")),
        "{report}"
    );
}

#[test]
fn unknown_values_stay_out_of_values_with_reasons() {
    let docs = inputs("testdata/semantics/unknowns", &[]);
    let acl = resource(&docs, "aws_s3_bucket_acl.b");
    assert!(acl["values"].get("acl").is_none());
    assert_eq!(acl["unknown"], json!(["acl"]));
    let v = resource(&docs, "aws_ebs_volume.v");
    assert_eq!(v["unknown"], json!(["created", "kms_key_id"]));
    let out = tfward(&[
        "scan",
        "testdata/semantics/unknowns",
        "--unknowns",
        "report",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let report = parse_json(&out);
    let undecided = report["undecided"].as_array().expect("undecided list");
    let acl = undecided
        .iter()
        .find(|u| u["rule_id"] == "TFW-AWS-0001" && u["address"] == "aws_s3_bucket_acl.b")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(acl["reason"], "var.acl has no value");
}

#[test]
fn current_syntax_parses() {
    let docs = inputs("testdata/semantics/syntax", &[]);
    let all = addresses(&docs);
    assert!(
        all.contains(&"aws_s3_bucket.tofu".to_owned()),
        ".tofu files are read: {all:?}"
    );
    assert!(
        all.contains(&"ephemeral.random_password.db".to_owned()),
        "{all:?}"
    );
    let new = resource(&docs, "aws_s3_bucket.new");
    assert_eq!(
        new["unknown"],
        json!(["bucket"]),
        "provider-defined functions are unknown"
    );
    let out = tfward(&[
        "scan",
        "testdata/semantics/syntax",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(parse_json(&out)["summary"]["errors"], 0);
}

/// Issue 13, item 3: a value with unknown leaves keeps its known structure.
/// `jsonencode` of it is, in Terraform, an unknown string; the document
/// shows the object it encodes, its unknown leaves absent and listed.
#[test]
fn partially_known_values_keep_their_structure() {
    let docs = inputs("testdata/semantics/partial_unknowns", &[]);
    let p = resource(&docs, "aws_s3_bucket_policy.public");
    assert_eq!(
        p["values"]["policy"],
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]})
    );
    assert_eq!(
        p["unknown"],
        json!(["bucket", "policy.Statement.0.Resource"])
    );
    let r = resource(&docs, "aws_ssm_parameter.roundtrip");
    assert_eq!(r["values"]["value"], "x");
    assert_eq!(r["unknown"], json!(["description"]));
}

/// Issue 13, item 4: `aws_iam_policy_document` is computed as the AWS
/// provider computes it; `aws_partition` and `aws_region` follow the
/// provider's region; `aws_caller_identity` stays unknown.
#[test]
fn policy_documents_are_computed_as_the_provider_does() {
    let docs = inputs("testdata/semantics/policy_documents", &[]);
    let known = resource(&docs, "aws_s3_bucket_policy.known");
    assert_eq!(
        known["values"]["policy"],
        "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"DenyInsecure\",\n      \"Effect\": \"Deny\",\n      \"Action\": \"s3:*\",\n      \"Resource\": [\n        \"arn:aws:s3:::b/*\",\n        \"arn:aws:s3:::b\"\n      ],\n      \"Principal\": \"*\",\n      \"Condition\": {\n        \"Bool\": {\n          \"aws:SecureTransport\": [\n            \"false\"\n          ]\n        }\n      }\n    }\n  ]\n}"
    );
    let partial = resource(&docs, "aws_s3_bucket_policy.partial");
    let statements = &partial["values"]["policy"]["Statement"];
    assert_eq!(
        statements[0]["Sid"], "DenyInsecure",
        "source document first"
    );
    assert_eq!(
        statements[1],
        json!({"Sid": "Read", "Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"],
               "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:root"]}})
    );
    assert_eq!(partial["unknown"], json!(["policy.Statement.1.Resource"]));
    let overridden = resource(&docs, "aws_s3_bucket_policy.overridden");
    assert_eq!(
        overridden["values"]["policy"],
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecure","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}"#
    );
    let facts = resource(&docs, "aws_ssm_parameter.facts");
    assert_eq!(facts["values"]["value"], "aws-cn/cn-north-1");
    assert_eq!(facts["unknown"], json!(["description"]));
    let google = resource(&docs, "google_storage_bucket_iam_policy.p");
    assert_eq!(
        google["values"]["policy_data"],
        r#"{"bindings":[{"members":["allUsers","user:b@example.com"],"role":"roles/storage.objectViewer"}]}"#
    );
}

/// Issue 13, item 5: whole-collection references to counted and for_each
/// resources, and a resource used as a for_each map.
#[test]
fn collections_of_instances_are_known_where_their_instances_are() {
    let docs = inputs("testdata/semantics/collections", &[]);
    let s = resource(&docs, "aws_ssm_parameter.summary");
    assert_eq!(
        s["values"]["value"],
        json!({"count": 2, "amis": ["ami-0", "ami-1"], "ids": [null, null],
               "keys": ["logs", "site"], "buckets": ["acme-logs", "acme-site"]})
    );
    assert_eq!(s["unknown"], json!(["value.ids.0", "value.ids.1"]));
    let v = resource(&docs, r#"aws_s3_bucket_versioning.v["site"]"#);
    assert_eq!(v["values"]["bucket"], "acme-site");
}

/// Issue 13, item 6: default_tags per provider configuration, aliases
/// included; `providers = {...}` and implicit inheritance into modules.
#[test]
fn provider_configurations_carry_their_own_default_tags() {
    let docs = inputs("testdata/semantics/providers", &[]);
    let root = docs.iter().find(|d| d["module"] == "").expect("root");
    assert_eq!(
        root["default_tags"],
        json!({"aws": {"team": "core"}, "aws.west": {"team": "west"}, "google": {"owner": "data"}})
    );
    let west = resource(&docs, "aws_s3_bucket.west");
    assert_eq!(west["provider"], "aws");
    assert_eq!(west["provider_config"], "aws.west");
    assert!(resource(&docs, "aws_s3_bucket.default")
        .get("provider_config")
        .is_none());
    let passed = docs
        .iter()
        .find(|d| d["module"] == "module.passed")
        .expect("passed");
    assert_eq!(passed["default_tags"], json!({"aws": {"team": "west"}}));
    let inherited = docs
        .iter()
        .find(|d| d["module"] == "module.inherited")
        .expect("inherited");
    assert_eq!(inherited["default_tags"]["aws"], json!({"team": "core"}));
    assert_eq!(
        resource(&docs, "module.passed.data.aws_region.here")["values"]["name"],
        "us-west-2"
    );
}

/// Issue 13, item 1: variable values are converted to the declared type
/// from every source (go-cty's convert, as Terraform uses it): a default
/// `22` on `string` is "22", tfvars `"true"` on `bool` is true, `[80, 443]`
/// on `list(string)` is ["80", "443"], `{cpu = "2"}` on `map(number)` is
/// {cpu = 2}, `count = var.n` with n = "3" from tfvars makes three
/// instances, a module argument's object attributes and optional()
/// defaults convert too.
#[test]
fn variable_values_convert_to_their_declared_type() {
    let docs = inputs("testdata/semantics/types", &[]);
    let all = addresses(&docs);
    assert!(all.contains(&"aws_instance.i[2]".to_owned()), "{all:?}");
    let tags = &resource(&docs, "aws_instance.i[0]")["values"]["tags"];
    assert_eq!(tags["port"], "22");
    assert_eq!(tags["enabled"], true);
    assert_eq!(tags["ports"], json!(["80", "443"]));
    assert_eq!(tags["cpu"], 2);
    assert_eq!(tags["zones"], json!(["a", "b"]));
    let disk = &resource(&docs, "module.child.aws_ebs_volume.d")["values"];
    assert_eq!(disk["size"], 50);
    assert_eq!(disk["encrypted"], true);
}

/// Issue 13, item 1: a value that does not convert is an error at the
/// value, worded like Terraform's.
#[test]
fn a_value_that_does_not_convert_is_an_error_at_the_value() {
    let out = tfward(&[
        "scan",
        "testdata/semantics/types_error",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let report = parse_json(&out);
    let errors = report["errors"].as_array().expect("errors");
    assert_eq!(errors[0]["line"], 6, "at the default value");
    assert_eq!(
        errors[0]["message"],
        "Invalid default value for variable: This default value is not compatible with the variable's type constraint: a number is required."
    );
    assert_eq!(
        errors[1]["message"],
        "Invalid value for input variable: The given value is not suitable for var.tags declared at testdata/semantics/types_error/main.tf:9,1: [\"team\"]: string required."
    );
}

/// Issue 13, item 2: a conditional unifies its results' types (HCL's
/// ConditionalExpr), and integers stay exact beyond 2^53 (Terraform's
/// numbers are arbitrary precision).
#[test]
fn conditionals_unify_and_integers_stay_exact() {
    let docs = inputs("testdata/semantics/types", &[]);
    let tags = &resource(&docs, "aws_instance.i[0]")["values"]["tags"];
    assert_eq!(tags["cond"], "12");
    assert_eq!(tags["big"], "9007199254740993");
    assert_eq!(tags["sum"], json!(9_007_199_254_740_995_u64));
}

/// Sensitivity marks, as Terraform propagates them: a value computed from a
/// sensitive variable, a sensitive module output or `sensitive()` is
/// sensitive as a whole (operators, templates, functions, module
/// arguments); `nonsensitive()` drops the mark; `issensitive()` sees it.
/// The document lists the sensitive paths, as a plan's `sensitive_values`
/// does; policies still decide on the value; nothing prints it.
#[test]
fn sensitivity_marks_follow_values_and_nothing_prints_them() {
    let secrets = [
        "s3cr3t-token",
        "S3CR3T-TOKEN",
        "czNjcjN0LXRva2Vu",
        "literal-key",
    ];
    let docs = inputs("testdata/semantics/sensitive", &[]);
    let p = resource(&docs, "aws_ssm_parameter.p");
    assert_eq!(
        p["sensitive"],
        json!(["description", "key_id", "tags.Owner", "tier", "value"])
    );
    assert_eq!(p["values"]["tags"]["Name"], "p");
    assert_eq!(p["values"]["tags"]["Owner"], "(sensitive)");
    assert_eq!(p["values"]["type"], "SecureString", "nonsensitive()");
    assert_eq!(p["values"]["overwrite"], true, "issensitive()");
    assert_eq!(
        resource(&docs, "aws_ssm_parameter.counted[0]")["values"]["name"],
        "counted",
        "a sensitive count expands"
    );
    for address in [
        "aws_ssm_parameter.from_child",
        "module.child.aws_ssm_parameter.c",
    ] {
        assert_eq!(resource(&docs, address)["sensitive"], json!(["value"]));
    }
    let child = docs
        .iter()
        .find(|d| d["module"] == "module.child")
        .expect("child");
    assert_eq!(child["variables"]["secret"]["sensitive"], true);
    let text = serde_json::to_string(&docs).expect("json");
    for format in ["human", "json", "sarif", "junit", "markdown"] {
        let out = tfward(&[
            "scan",
            "testdata/semantics/sensitive",
            "--format",
            format,
            "--fail-on",
            "never",
        ]);
        let printed = format!("{}{}{text}", stdout(&out), stderr(&out));
        for s in secrets {
            assert!(!printed.contains(s), "{format} prints {s}: {printed}");
        }
        if format == "json" {
            let findings = parse_json(&out)["findings"].clone();
            assert!(
                findings.to_string().contains("aws_s3_bucket_acl.open"),
                "the policy decided on the sensitive ACL: {findings}"
            );
            let messages: Vec<&str> = findings
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| f["message"].as_str())
                .collect();
            assert!(
                messages.iter().all(|m| !m.contains("public-read-write")),
                "{messages:?}"
            );
        }
    }
}

/// Issue 13, item 9: override files are merged as Terraform merges them
/// (language/files/override): arguments one by one, a nested block type
/// replaced whole, lifecycle argument by argument, locals and variable
/// defaults by name; `.tf.json` overrides too; findings on what an
/// override wrote point into the override file.
#[test]
fn override_files_merge_as_terraform_merges_them() {
    let docs = inputs("testdata/semantics/overrides", &[]);
    let b = resource(&docs, "aws_s3_bucket.b");
    assert_eq!(
        b["values"],
        json!({"bucket": "over-prod", "acl": "public-read", "tags": {"Name": "kept"},
               "versioning": [{"enabled": false}]})
    );
    assert_eq!(
        b["lifecycle"],
        json!({"prevent_destroy": true, "create_before_destroy": true})
    );
    let sg = resource(&docs, "aws_security_group.sg");
    assert_eq!(
        sg["values"]["ingress"],
        json!([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]),
        "the override's ingress blocks replace both originals"
    );
    let out = tfward(&[
        "scan",
        "testdata/semantics/overrides",
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    let report = parse_json(&out);
    let at = |rule: &str| {
        report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["rule_id"] == rule)
            .map(|f| {
                (
                    f["file"].as_str().unwrap_or_default().to_owned(),
                    f["line"].clone(),
                )
            })
            .unwrap_or_else(|| panic!("no {rule} in {report}"))
    };
    assert_eq!(
        at("TFW-AWS-0001"),
        (
            "testdata/semantics/overrides/override.tf".to_owned(),
            json!(10)
        )
    );
    assert_eq!(
        at("TFW-AWS-0002").0,
        "testdata/semantics/overrides/z_override.tf.json"
    );
}

/// Issue 13, item 2: of `-var` and `-var-file` values for one variable the
/// later wins (Terraform: "later options override earlier ones"), and both
/// beat the tfvars files found in the directory.
#[test]
fn later_var_and_var_file_values_win() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("x.tfvars");
    std::fs::write(&file, "from_auto = \"var-file\"\n").expect("write");
    let second = dir.path().join("y.tfvars");
    std::fs::write(&second, "from_auto = \"second\"\n").expect("write");
    let (file, second) = (file.to_str().expect("utf8"), second.to_str().expect("utf8"));
    let bucket = |args: &[&str]| {
        resource(
            &inputs("testdata/semantics/tfvars", args),
            "aws_s3_bucket.b",
        )["values"]["bucket"]
            .clone()
    };
    assert_eq!(
        bucket(&["--var-file", file, "--var-file", second]),
        "b-second"
    );
    assert_eq!(
        bucket(&["--var-file", file, "--var", "from_auto=cli"]),
        "b-cli"
    );
    assert_eq!(
        bucket(&["--var", "from_auto=one", "--var", "from_auto=two"]),
        "b-two"
    );
    // Terraform applies -var and -var-file in command-line order: a file
    // after a --var wins over it.
    assert_eq!(
        bucket(&["--var", "from_auto=cli", "--var-file", file]),
        "b-var-file"
    );
    assert_eq!(
        bucket(&[
            "--var",
            "from_auto=cli",
            "--var-file",
            file,
            "--var",
            "from_auto=last"
        ]),
        "b-last"
    );
}

/// Issue 14: a heredoc or template holding JSON with unknown
/// interpolations keeps its known structure, like `jsonencode` of a
/// partially known value: an interpolation inside a JSON string makes that
/// string unknown, one in a value's place is that value.
#[test]
fn json_templates_with_unknown_parts_keep_their_structure() {
    let docs = inputs("testdata/semantics/json_templates", &[]);
    let heredoc = resource(&docs, "aws_s3_bucket_policy.heredoc");
    assert_eq!(
        heredoc["values"]["policy"],
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]})
    );
    assert_eq!(
        heredoc["unknown"],
        json!(["bucket", "policy.Statement.0.Resource"])
    );

    let q = resource(&docs, "aws_sqs_queue.q");
    assert_eq!(
        q["values"]["policy"],
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:ListBucket"}]})
    );
    assert_eq!(q["values"]["redrive_policy"], json!({}));
    assert_eq!(
        q["unknown"],
        json!([
            "policy.Statement.0.Resource",
            "redrive_policy.deadLetterTargetArn",
            "redrive_policy.maxReceiveCount"
        ])
    );

    let file = resource(&docs, "aws_s3_bucket_policy.file");
    assert_eq!(
        file["values"]["policy"]["Statement"][0],
        json!({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["s3:GetObject"], "Resource": [null]})
    );
    assert_eq!(
        file["unknown"],
        json!(["bucket", "policy.Statement.0.Resource.0"])
    );

    let text = resource(&docs, "aws_ssm_parameter.text");
    assert_eq!(text["values"].get("value"), None);
    assert_eq!(text["unknown"], json!(["value"]));
}

const SCHEMA: &str = "testdata/semantics/provider_schema/schema.json";

/// `--provider-schema`: values follow the provider's schema as Terraform
/// decodes a resource block against it (hcldec and cty's `convert`):
/// arguments convert to the attribute's type, sets hold each element once,
/// attributes only the provider sets are unknown until apply, and an
/// optional attribute left out is null.
#[test]
fn provider_schema_converts_values_collapses_sets_and_marks_computed_attributes() {
    let docs = inputs(
        "testdata/semantics/provider_schema/main",
        &["--provider-schema", SCHEMA],
    );
    let cors = resource(&docs, "aws_s3_bucket_cors_configuration.c");
    assert_eq!(
        cors["values"]["cors_rule"],
        json!([
            {"allowed_methods": ["GET", "HEAD"], "allowed_origins": ["*"], "max_age_seconds": 3600},
            {"allowed_methods": ["PUT"], "allowed_origins": ["https://example.com"]}
        ]),
        "\"3600\" is a number; the set block equal to the first once converted collapses"
    );
    let sg = resource(&docs, "aws_security_group.sg");
    assert_eq!(sg["values"]["revoke_rules_on_delete"], true);
    assert_eq!(sg["values"]["tags"], json!({"Port": "22"}));
    assert_eq!(
        sg["values"]["ingress"],
        json!([{"cidr_blocks": ["10.0.0.0/8"], "from_port": 22, "protocol": "tcp", "to_port": 22}]),
        "a set of objects written as blocks: converted, members left out null, one element"
    );
    assert_eq!(
        sg["unknown"],
        json!(["arn"]),
        "computed only: known after apply"
    );
    let src = resource(&docs, "aws_db_instance.src");
    assert_eq!(src["values"]["allocated_storage"], 20);
    assert_eq!(
        src["values"]["enabled_cloudwatch_logs_exports"],
        json!(["postgresql", "upgrade"])
    );
    assert_eq!(src["unknown"], json!(["arn", "endpoint"]));
    let copy = resource(&docs, "aws_db_instance.copy");
    // storage_encrypted is optional and not computed: null, known at plan
    // time; port is computed: unknown.
    assert!(copy["values"].get("storage_encrypted").is_none());
    assert_eq!(copy["unknown"], json!(["arn", "endpoint", "port"]));
    // A data source is read at plan time: what it reads is not unknown.
    let vpc = resource(&docs, "data.aws_vpc.v");
    assert_eq!(vpc["unknown"], json!([]));
    assert_eq!(vpc["values"]["tags"], json!({"Tier": "1"}));
    // A type the schema does not have is left as written.
    assert_eq!(
        resource(&docs, "aws_sqs_queue.q")["values"]["delay_seconds"],
        "90"
    );

    // Without the flag nothing changes.
    let docs = inputs("testdata/semantics/provider_schema/main", &[]);
    let cors = resource(&docs, "aws_s3_bucket_cors_configuration.c");
    assert_eq!(cors["values"]["cors_rule"][0]["max_age_seconds"], "3600");
    assert_eq!(
        cors["values"]["cors_rule"].as_array().map(Vec::len),
        Some(3)
    );
    let sg = resource(&docs, "aws_security_group.sg");
    assert_eq!(sg["values"]["tags"], json!({"Port": 22}));
    assert_eq!(sg["unknown"], json!([]));
}

#[test]
fn provider_schema_decides_checks_that_unknowns_report_says_it_would() {
    let scan = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            "testdata/semantics/provider_schema/main",
            "--only",
            "TFW-AWS-0005",
            "--unknowns",
            "report",
            "--fail-on",
            "never",
        ];
        args.extend_from_slice(extra);
        stdout(&tfward(&args))
    };
    // Without a schema, an attribute that src does not write may be
    // computed or null: the check on copy is undecided, and says what
    // would decide it.
    let without = scan(&[]);
    assert!(
        without.contains("undecided: TFW-AWS-0005 on aws_db_instance.copy")
            && without.contains("--provider-schema would tell"),
        "{without}"
    );
    assert!(
        !without.contains("aws_db_instance.copy does not encrypt"),
        "{without}"
    );
    // With it the value is null (the provider's default, unencrypted).
    let with = scan(&["--provider-schema", SCHEMA]);
    assert!(
        with.contains("aws_db_instance.copy does not encrypt"),
        "{with}"
    );
    assert!(!with.contains("undecided: TFW-AWS-0005"), "{with}");
}

#[test]
fn provider_schema_type_errors_are_terraforms() {
    let out = tfward(&[
        "scan",
        "testdata/semantics/provider_schema/invalid",
        "--provider-schema",
        SCHEMA,
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let errors: Vec<(u64, String)> = parse_json(&out)["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            let line = e["line"].as_u64().unwrap_or_default();
            (line, e["message"].as_str().unwrap_or_default().to_owned())
        })
        .collect();
    let expect = |line: u64, message: &str| (line, message.to_owned());
    assert_eq!(
        errors,
        [
            expect(5, r#"aws_db_instance.db: Incorrect attribute value type: Inappropriate value for attribute "port": a number is required."#),
            expect(15, "example_service.svc: Missing key for listener: All listener blocks must have 1 labels (key)."),
            expect(23, r#"example_service.svc: Duplicate listener block: A block for listener "a" was already defined. The listener labels must be unique."#),
            expect(27, "example_service.svc: Extraneous label for replica: No labels are expected for replica blocks."),
            expect(39, r#"aws_db_instance.twice: Duplicate timeouts block: Only one block of type "timeouts" is allowed."#),
        ]
    );
    let out = tfward(&[
        "scan",
        "testdata/semantics/provider_schema/invalid",
        "--provider-schema",
        "testdata/semantics/provider_schema/main/main.tf",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("not the JSON of `terraform providers schema -json`"),
        "{}",
        stderr(&out)
    );
}

/// Nested blocks take the shape their nesting_mode gives them, as
/// Terraform's decoder spec for the schema does; nested attribute types
/// convert, and their provider-set members are unknown like top-level
/// ones (testdata/semantics/provider_schema/blocks/main.tf cites both).
#[test]
fn provider_schema_shapes_blocks_and_nested_attributes() {
    let docs = inputs(
        "testdata/semantics/provider_schema/blocks",
        &["--provider-schema", SCHEMA],
    );
    let api = resource(&docs, "example_service.api");
    assert_eq!(
        api["values"],
        json!({
            "name": "api",
            "endpoints": [{"port": 443, "protocol": "https"}, {"port": 80}],
            "settings": {"mode": "fast"},
            "routes": {"blue": {"weight": 90}, "green": {"weight": 10}},
            "listener": {
                "admin": {"port": 8443},
                "metrics": {"port": 9090},
                "public": {"port": 443}
            },
            "limits": {},
            "replica": [{"region": "eu-west-1"}]
        }),
        "map blocks keyed by label (the dynamic one by its labels argument), \
         a group block not written an empty block, nested attributes converted"
    );
    assert_eq!(
        api["unknown"],
        json!([
            "endpoints.0.url",
            "endpoints.1.url",
            "id",
            "limits.generation",
            "listener.admin.arn",
            "listener.metrics.arn",
            "listener.public.arn",
            "routes.blue.id",
            "routes.green.id",
            "settings.revision"
        ]),
        "provider-set members of nested attributes and blocks are unknown; \
         optional+computed ones (endpoints.*.tls) are left out, as at the top"
    );
    let bare = resource(&docs, "example_service.bare");
    assert_eq!(bare["values"], json!({"name": "bare", "limits": {}}));
    let copy = resource(&docs, "example_service.copy");
    assert_eq!(copy["values"]["endpoints"], json!([{"port": 443}]));
    assert!(copy["values"].get("name").is_none(), "{copy:#}");
    assert_eq!(
        copy["values"]["settings"],
        json!({"mode": "60m"}),
        "a reference to a single block is its object"
    );
    assert_eq!(
        copy["values"]["routes"],
        json!({
            "admin": {"weight": 8443},
            "metrics": {"weight": 9090},
            "public": {"weight": 443}
        }),
        "a for over map blocks iterates their labels"
    );
    assert_eq!(
        copy["unknown"],
        json!([
            "endpoints.0.url",
            "id",
            "limits.generation",
            "name",
            "routes.admin.id",
            "routes.metrics.id",
            "routes.public.id",
            "settings.revision"
        ]),
        "a reference to a provider-set member is unknown"
    );
    let timed = resource(&docs, "aws_db_instance.timed");
    assert_eq!(timed["values"]["timeouts"], json!({"create": "60m"}));

    // Without a schema blocks are lists of objects, labels dropped.
    let docs = inputs("testdata/semantics/provider_schema/blocks", &[]);
    let api = resource(&docs, "example_service.api");
    assert_eq!(api["values"]["listener"].as_array().map(Vec::len), Some(3));
    assert_eq!(api["unknown"], json!([]));
    let timed = resource(&docs, "aws_db_instance.timed");
    assert_eq!(timed["values"]["timeouts"], json!([{"create": "60m"}]));
    let copy = resource(&docs, "example_service.copy");
    assert_eq!(
        copy["unknown"],
        json!(["name", "routes", "settings.mode"]),
        "another resource's blocks: unknown without a schema to shape them"
    );
}

/// `tfward drift --provider-schema`: configuration values compared with
/// the state after they follow the schema the state was written with.
#[test]
fn provider_schema_drift_compares_values_as_the_state_holds_them() {
    let drift = |extra: &[&str]| {
        let mut args = vec![
            "drift",
            "--state",
            "testdata/semantics/provider_schema/state/terraform.tfstate",
            "testdata/semantics/provider_schema/drift",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = tfward(&args);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let paths: Vec<String> = parse_json(&out)["drift"]
            .as_array()
            .expect("drift")
            .iter()
            .flat_map(|d| {
                let address = d["address"].as_str().unwrap_or_default().to_owned();
                d["attributes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(move |a| format!("{address} {}", a["path"].as_str().unwrap_or_default()))
            })
            .collect();
        paths
    };
    assert_eq!(
        drift(&[]),
        [
            "aws_db_instance.db allocated_storage",
            "aws_db_instance.db enabled_cloudwatch_logs_exports",
            "aws_db_instance.db port",
            "aws_db_instance.db timeouts",
            "example_service.api listener",
        ],
        "without the schema, values as written differ from the state"
    );
    assert_eq!(
        drift(&["--provider-schema", SCHEMA]),
        ["aws_db_instance.db port"],
        "with it, only the attribute that really drifted"
    );
}

/// `tfward scan DIR --plan PLAN --provider-schema`: the configuration's
/// spans follow the schema, so a finding at a plan's path inside a map
/// block points at that block's line.
#[test]
fn provider_schema_places_plan_findings_in_the_blocks_written_for_them() {
    let scan = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            "testdata/semantics/provider_schema/located",
            "--plan",
            "testdata/semantics/provider_schema/plan/plan.json",
            "--policy",
            "testdata/semantics/provider_schema/policy",
            "--only",
            "TFW-TST-0013",
            "--compact",
        ];
        args.extend_from_slice(extra);
        stdout(&tfward(&args))
    };
    let with = scan(&["--provider-schema", SCHEMA]);
    assert!(
        with.contains("located/main.tf:17:5: TFW-TST-0013 [MEDIUM] example_service.api listens on port 22 as admin"),
        "{with}"
    );
    // Without it the configuration has listener.0 and listener.1 only: the
    // finding falls back to the first listener block.
    let without = scan(&[]);
    assert!(
        without.contains("located/main.tf:12:3: TFW-TST-0013"),
        "{without}"
    );
}

/// The real AWS provider schema, when the shared corpus is beside the
/// checkout (or beside the worktree's parent).
#[test]
fn provider_schema_from_the_corpus() {
    let root = crate::support::root();
    let rel =
        "shared/corpus/plans/provider-schemas/aws-provider-schema.terraform-json-120_basic.json";
    let Some(file) = [root.join("..").join(rel), root.join("../..").join(rel)]
        .into_iter()
        .find(|p| p.is_file())
    else {
        eprintln!("skipped: no ../shared/corpus/plans/provider-schemas beside the checkout");
        return;
    };
    let docs = inputs(
        "testdata/semantics/provider_schema/main",
        &["--provider-schema", file.to_str().expect("utf8")],
    );
    let src = resource(&docs, "aws_db_instance.src");
    assert_eq!(src["values"]["allocated_storage"], 20);
    let unknown = src["unknown"].as_array().expect("list");
    for computed in ["arn", "endpoint", "address", "hosted_zone_id"] {
        assert!(
            unknown.contains(&json!(computed)),
            "{computed} in {unknown:?}"
        );
    }
    let sg = resource(&docs, "aws_security_group.sg");
    assert_eq!(sg["values"]["ingress"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        resource(&docs, "aws_sqs_queue.q")["values"]["delay_seconds"],
        90
    );
    // timeouts is a "single" block in the real schema: an object.
    let docs = inputs(
        "testdata/semantics/provider_schema/blocks",
        &["--provider-schema", file.to_str().expect("utf8")],
    );
    assert_eq!(
        resource(&docs, "aws_db_instance.timed")["values"]["timeouts"],
        json!({"create": "60m"})
    );
}
