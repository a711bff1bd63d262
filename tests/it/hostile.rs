//! Issue 20, items 1 and 10: hostile inputs in every output format. The
//! long-line, deep-nesting and odd-unicode inputs of the fuzz corpus
//! (fuzz/corpus/, fuzz/seeds/), generated inputs of the same kinds (a
//! 64 KB line is too big to commit), and every input a fuzzer crashed on
//! (testdata/fuzz/). tfward may reject an input (exit 2) but never panics
//! or dies on a signal, and what reaches a terminal or a CI log (the human
//! and github outputs) carries no raw ESC or BEL and no line starting with
//! `::` that tfward did not write itself.
//!
//! A test that fails because of a tfward bug stays here with
//! `#[ignore = "bug: ..."]` naming it (fuzz/README.md lists them); remove
//! the ignore with the fix.

use std::path::{Path, PathBuf};

use crate::support::{code, json, root, stderr, stdout, tfward_in, Tree};

/// The formats written beside the human report on standard output.
const FILE_FORMATS: [&str; 6] = ["json", "sarif", "junit", "github", "gitlab", "markdown"];

/// What one run of `tfward scan` on a hostile tree printed.
struct Outputs {
    code: i32,
    stderr: String,
    /// (format, text), human first.
    reports: Vec<(&'static str, String)>,
}

/// Scans `paths` (relative to the tree) once, writing every format.
fn scan_all_formats(t: &Tree, paths: &[&str]) -> Outputs {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let mut args: Vec<String> = vec!["scan".into()];
    args.extend(paths.iter().map(|p| (*p).to_owned()));
    // No wall-clock limit on policies: the debug build on a busy machine
    // must not turn a slow policy into an error.
    args.extend(["--format", "human", "--no-color", "--policy-timeout", "600"].map(str::to_owned));
    for f in FILE_FORMATS {
        args.push("--output".into());
        args.push(format!("{f}={}", out_dir.path().join(f).display()));
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = tfward_in(t.path(), &argv);
    let mut reports = vec![("human", stdout(&out))];
    for f in FILE_FORMATS {
        let text = std::fs::read(out_dir.path().join(f))
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        reports.push((f, text));
    }
    Outputs {
        code: code(&out),
        stderr: stderr(&out),
        reports,
    }
}

/// No panic, no signal, every report written (and the JSON ones parse).
fn assert_no_crash(what: &str, o: &Outputs) {
    assert!(
        matches!(o.code, 0..=2),
        "{what}: exit {} (101 is a panic, -1 a signal)\n{}",
        o.code,
        tail(&o.stderr)
    );
    assert!(
        !o.stderr.contains("panicked"),
        "{what}: {}",
        tail(&o.stderr)
    );
    for (format, text) in &o.reports {
        // GitHub's is empty when there is nothing to annotate.
        assert!(
            !text.is_empty() || *format == "github",
            "{what}: the {format} report is empty"
        );
        if matches!(*format, "json" | "sarif" | "gitlab") {
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{what}: the {format} report is not JSON: {e}"));
        }
    }
}

/// The human and github reports carry no terminal control sequence and no
/// workflow command tfward did not write.
fn assert_no_injection(what: &str, o: &Outputs) {
    for (format, text) in &o.reports {
        if !matches!(*format, "human" | "github") {
            continue;
        }
        if let Some(at) = text.find(['\u{1b}', '\u{7}']) {
            panic!(
                "{what}: raw ESC/BEL in the {format} report: {:?}",
                around(text, at)
            );
        }
        for line in text.lines() {
            let ours = *format == "github" && is_tfward_command(line);
            assert!(
                !line.starts_with("::") || ours,
                "{what}: a line of the {format} report starts a workflow command tfward did not write: {line:?}"
            );
        }
    }
}

/// `::error file=F,line=N,...,title=T::message`: the only workflow commands
/// tfward writes, with `:` and `,` escaped in every property.
fn is_tfward_command(line: &str) -> bool {
    let Some(rest) = ["::error ", "::warning ", "::notice "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
    else {
        return false;
    };
    let Some((props, _message)) = rest.split_once("::") else {
        return false;
    };
    let keys = ["file", "line", "col", "endLine", "endColumn", "title"];
    props.starts_with("file=")
        && props.split(',').all(|p| {
            p.split_once('=')
                .is_some_and(|(k, v)| keys.contains(&k) && !v.contains(':'))
        })
}

fn tail(s: &str) -> &str {
    let start = s.len().saturating_sub(3000);
    let start = (start..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    &s[start..]
}

fn around(s: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(60);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 60).min(s.len());
    while !s.is_char_boundary(to) {
        to += 1;
    }
    &s[from..to]
}

// --- the inputs -----------------------------------------------------------

/// A fuzz corpus or seed file of the raw-text targets, as the file it
/// stands for.
struct Input {
    /// Where it came from, for messages.
    origin: String,
    bytes: Vec<u8>,
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn inputs(dirs: &[&str]) -> Vec<Input> {
    dirs.iter()
        .flat_map(|d| files_in(&root().join(d)))
        .map(|p| Input {
            origin: p.strip_prefix(root()).unwrap_or(&p).display().to_string(),
            bytes: std::fs::read(&p).expect("readable"),
        })
        .collect()
}

/// Deeper than 16 brackets, or a line over 4 KB.
fn is_deep_or_long(bytes: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut deepest = 0;
    for &b in bytes {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest > 16 || bytes.split(|&b| b == b'\n').any(|l| l.len() > 4096)
}

/// Control characters other than tab and line ends, bidi controls,
/// zero-width characters, combining marks, `\u` escapes of control
/// characters or surrogates, invalid UTF-8.
fn is_odd_unicode(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return true;
    };
    let odd_char = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{300}'..='\u{36f}')
    };
    let lower = text.to_ascii_lowercase();
    text.chars().any(odd_char)
        || lower.contains("\\u00")
        || [
            "\\ud8", "\\ud9", "\\uda", "\\udb", "\\udc", "\\udd", "\\ude", "\\udf",
        ]
        .iter()
        .any(|e| lower.contains(e))
}

/// HCL inputs as module directories: `name/main.tf`, or `main.tf.json`
/// when the text is a JSON object (as the `hcl` fuzz target reads them).
fn hcl_tree(inputs: &[&Input]) -> Tree {
    let t = Tree::new();
    for (i, input) in inputs.iter().enumerate() {
        let file = if input.bytes.first() == Some(&b'{') {
            "main.tf.json"
        } else {
            "main.tf"
        };
        let p = t.path().join(format!("m{i:04}")).join(file);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, &input.bytes).expect("write");
    }
    t
}

/// Plan and state inputs as `pNNNN.json` files (a directory scan reads
/// only configuration, so each is named on the command line).
fn plan_tree(inputs: &[&Input]) -> Tree {
    let t = Tree::new();
    for (i, input) in inputs.iter().enumerate() {
        std::fs::write(t.path().join(format!("p{i:04}.json")), &input.bytes).expect("write");
    }
    t
}

fn plan_paths(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("p{i:04}.json")).collect()
}

/// Scans a tree of inputs in every format; when it crashes, scans each
/// input alone to name the one that did.
fn check_inputs(kind: &str, selected: &[&Input], injection: bool) {
    assert!(!selected.is_empty(), "no {kind} inputs selected");
    let tree = |inputs: &[&Input]| {
        if kind == "plan" {
            plan_tree(inputs)
        } else {
            hcl_tree(inputs)
        }
    };
    let paths = |n: usize| {
        if kind == "plan" {
            plan_paths(n)
        } else {
            vec![".".to_owned()]
        }
    };
    let scan = |inputs: &[&Input]| {
        let t = tree(inputs);
        let paths = paths(inputs.len());
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        scan_all_formats(&t, &paths)
    };
    let o = scan(selected);
    let crashed = !matches!(o.code, 0..=2) || o.stderr.contains("panicked");
    if crashed {
        for input in selected {
            assert_no_crash(&input.origin, &scan(&[input]));
        }
    }
    assert_no_crash(&format!("{} {kind} inputs", selected.len()), &o);
    if injection {
        assert_no_injection(&format!("{} {kind} inputs", selected.len()), &o);
    }
}

const HCL_CORPUS: [&str; 2] = ["fuzz/seeds/hcl", "fuzz/corpus/hcl"];
const PLAN_CORPUS: [&str; 2] = ["fuzz/seeds/plan", "fuzz/corpus/plan"];

// --- long lines -------------------------------------------------------------

/// A one-line plan over 64 KB whose values hold sensitive and odd values,
/// all policies on.
fn long_plan() -> String {
    let mut changes = Vec::new();
    let mut planned = Vec::new();
    for i in 0..400 {
        let values = serde_json::json!({
            "bucket": format!("bucket-{i}-é"), "acl": "public-read",
            "tags": {"Secret": "hunter2", "Name": "x".repeat(100)}
        });
        planned.push(serde_json::json!({
            "address": format!("aws_s3_bucket.b[{i}]"), "mode": "managed", "type": "aws_s3_bucket",
            "name": "b", "index": i, "provider_name": "registry.terraform.io/hashicorp/aws",
            "values": values, "sensitive_values": {"tags": {"Secret": true}}
        }));
        changes.push(serde_json::json!({
            "address": format!("aws_s3_bucket.b[{i}]"), "mode": "managed", "type": "aws_s3_bucket",
            "name": "b", "index": i, "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["delete", "create"], "before": {"acl": "private"}, "after": values,
                       "after_unknown": {"arn": true}, "before_sensitive": false,
                       "after_sensitive": {"tags": {"Secret": true}}}
        }));
    }
    serde_json::json!({
        "format_version": "1.2", "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": planned}},
        "resource_changes": changes, "resource_drift": changes[..50],
        "configuration": {"root_module": {}}
    })
    .to_string()
}

/// One HCL line over 64 KB, non-ASCII (columns count characters), with a
/// finding whose span starts past column 65,536.
fn long_hcl_line() -> String {
    let keys: Vec<String> = (0..4000).map(|i| format!("k{i} = \"välue\"")).collect();
    format!(
        "locals {{ tags = {{ {} }} }}\nresource \"aws_s3_bucket\" \"b\" {{ bucket = \"x\" }}\n{}resource \"aws_s3_bucket_acl\" \"a\" {{ acl = \"public-read\" }}\n",
        keys.join(", "),
        " ".repeat(70_000)
    )
}

fn long_tf_json() -> String {
    let buckets: serde_json::Map<String, serde_json::Value> = (0..800)
        .map(|i| {
            (
                format!("b{i}"),
                serde_json::json!({"bucket": format!("bücket-{i}-{}", "x".repeat(40)), "acl": "public-read"}),
            )
        })
        .collect();
    serde_json::json!({"resource": {"aws_s3_bucket": buckets}}).to_string()
}

#[test]
fn hostile_long_lines_in_every_format() {
    let t = Tree::new();
    t.file("hcl/main.tf", &long_hcl_line())
        .file("cdktf/main.tf.json", &long_tf_json())
        .file("plan/plan.json", &long_plan());
    for p in ["hcl/main.tf", "cdktf/main.tf.json", "plan/plan.json"] {
        let len = std::fs::metadata(t.path().join(p)).map(|m| m.len());
        assert!(len.expect("written") > 65_536, "{p} must pass 64 KB");
    }
    for path in ["hcl", "cdktf", "plan/plan.json"] {
        let o = scan_all_formats(&t, &[path]);
        assert_no_crash(path, &o);
        assert_eq!(o.code, 1, "{path}: findings expected\n{}", tail(&o.stderr));
        assert_no_injection(path, &o);
        let human = &o.reports[0].1;
        assert!(
            !human.contains("hunter2"),
            "{path}: a sensitive value in the human report"
        );
    }
}

// --- deep nesting -------------------------------------------------------------

/// HCL nested up to and past the parser's limits: brackets, blocks,
/// operators, template directives, `for` expressions.
fn deep_hcl() -> Vec<(String, String)> {
    let blocks = |n: usize| {
        format!(
            "resource \"aws_s3_bucket\" \"b\" {{\n{}{}}}\n",
            "rule {\n".repeat(n),
            "}\n".repeat(n)
        )
    };
    vec![
        ("brackets_60".into(), format!("locals {{\n  a = {}1{}\n}}\n", "[".repeat(60), "]".repeat(60))),
        ("brackets_300".into(), format!("locals {{\n  a = {}1{}\n}}\n", "[".repeat(300), "]".repeat(300))),
        ("braces_100k".into(), format!("locals {{\n  a = {}\n}}\n", "{".repeat(100_000))),
        ("blocks_62".into(), blocks(62)),
        ("blocks_200".into(), blocks(200)),
        ("not_50k".into(), format!("locals {{\n  a = {}true\n}}\n", "!".repeat(50_000))),
        ("plus_50k".into(), format!("locals {{\n  a = {}1\n}}\n", "1 + ".repeat(50_000))),
        ("cond_20k".into(), format!("locals {{\n  a = {}1\n}}\n", "true ? 1 : ".repeat(20_000))),
        ("index_50k".into(), format!("locals {{\n  b = [1]\n  a = local.b{}\n}}\n", "[0]".repeat(50_000))),
        ("attr_50k".into(), format!("locals {{\n  b = {{}}\n  a = local.b{}\n}}\n", ".x".repeat(50_000))),
        (
            "if_directives_20k".into(),
            format!("locals {{\n  a = \"{}x{}\"\n}}\n", "%{ if true }".repeat(20_000), "%{ endif }".repeat(20_000)),
        ),
        (
            "interpolation_in_heredoc".into(),
            format!("locals {{\n  a = <<EOT\n{}1{}\nEOT\n}}\n", "${".repeat(300), "}".repeat(300)),
        ),
        (
            "yaml_and_json_100".into(),
            format!(
                "locals {{\n  y = yamldecode(\"{}{}\")\n  j = jsondecode(\"{}{}\")\n}}\nresource \"aws_s3_bucket\" \"b\" {{\n  tags = {{ y = jsonencode(local.y), j = jsonencode(local.j) }}\n}}\n",
                "[".repeat(100), "]".repeat(100), "[".repeat(100), "]".repeat(100)
            ),
        ),
    ]
}

/// A JSON array nested `n` deep inside a planned value.
fn deep_plan(n: usize) -> String {
    let nested = format!("{}1{}", "[".repeat(n), "]".repeat(n));
    format!(
        r#"{{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{{"root_module":{{"resources":[{{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","provider_name":"registry.terraform.io/hashicorp/aws","values":{{"acl":"public-read","policy":{nested}}},"sensitive_values":{{}}}}]}}}},"resource_changes":[{{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","provider_name":"registry.terraform.io/hashicorp/aws","change":{{"actions":["update"],"before":{{"policy":{nested}}},"after":{{"acl":"public-read","policy":{nested}}},"after_unknown":{nested},"before_sensitive":{nested},"after_sensitive":{{}}}}}}]}}"#
    )
}

#[test]
fn hostile_deep_nesting_in_every_format() {
    let t = Tree::new();
    for (name, text) in deep_hcl() {
        t.file(&format!("hcl/{name}/main.tf"), &text);
    }
    let o = scan_all_formats(&t, &["hcl"]);
    assert_no_crash("deep HCL", &o);
    assert_no_injection("deep HCL", &o);
    let mut plans = Vec::new();
    for n in [100, 126, 127, 128, 129, 5000] {
        t.file(&format!("plan/deep_{n}.json"), &deep_plan(n));
        plans.push(format!("plan/deep_{n}.json"));
    }
    let plans: Vec<&str> = plans.iter().map(String::as_str).collect();
    let o = scan_all_formats(&t, &plans);
    assert_no_crash("deep plans", &o);
    assert_no_injection("deep plans", &o);
}

#[test]
fn hostile_deep_nesting_inputs_of_the_fuzz_corpus() {
    let hcl = inputs(&HCL_CORPUS);
    let deep: Vec<&Input> = hcl.iter().filter(|i| is_deep_or_long(&i.bytes)).collect();
    check_inputs("hcl", &deep, true);
    let plans = inputs(&PLAN_CORPUS);
    let deep: Vec<&Input> = plans.iter().filter(|i| is_deep_or_long(&i.bytes)).collect();
    check_inputs("plan", &deep, true);
}

/// Locals that each wrap the next one: the evaluator recursed once per
/// local, and 5,000 of them overflowed its stack (the process aborted with
/// no report). Now a chain longer than 128 stops with a warning at the
/// local where it stopped.
#[test]
fn hostile_long_chain_of_locals_is_a_warning_not_a_crash() {
    let t = Tree::new();
    let mut text = String::from("locals {\n");
    for i in 0..5000 {
        text.push_str(&format!("  a{i} = upper(local.a{})\n", i + 1));
    }
    text.push_str(
        "  a5000 = \"x\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.a0\n}\n",
    );
    t.file("main.tf", &text);
    let o = scan_all_formats(&t, &["."]);
    assert_no_crash("5,000 chained locals", &o);
    let human = &o.reports[0].1;
    assert!(
        human.contains("local.a128 is reached through a chain of more than 128 locals"),
        "{human}"
    );
    assert!(
        human.contains("main.tf:130"),
        "the warning names the line: {human}"
    );
}

// --- odd Unicode ------------------------------------------------------------

/// Terminal escapes, a forged workflow command, bidi overrides,
/// zero-width and combining characters, NUL, in for_each keys (so in
/// addresses and messages), tags, comments and source lines.
fn odd_hcl() -> String {
    [
        "# \u{202e}gnp.exe \u{200b}\u{200d}\u{feff} e\u{301}\u{301}\n",
        "resource \"aws_s3_bucket\" \"b\" {\n",
        "  for_each = toset([\"\\u001b[2J\\u001b]8;;http://evil\\u0007link\", \"\\n::error::PWNED\", \"\u{202e}evil\", \"e\u{301}\u{301}\", \"nul\\u0000\", \"\\r::warning::PWNED\"])\n",
        "  bucket   = each.key\n",
        "  acl      = \"public-read\" # \u{1b}[31mred\u{1b}[0m\n",
        "  tags     = { \"\u{200b}Name\" = \"\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467}\", \"\\u001b[31m\" = \"\\u0007\" }\n",
        "}\n",
    ]
    .concat()
}

fn odd_plan() -> String {
    let key = "\u{1b}[2J\n::error::PWNED\u{202e}\u{0}\r::warning::x";
    serde_json::json!({
        "format_version": "1.2", "terraform_version": "1.9.5",
        "planned_values": {"root_module": {"resources": [{
            "address": format!("aws_s3_bucket.b[\"{key}\"]"), "mode": "managed", "type": "aws_s3_bucket",
            "name": "b", "index": key, "provider_name": "registry.terraform.io/hashicorp/aws",
            "values": {"bucket": "\u{0}\u{7}\u{200b}", "acl": "public-read"}, "sensitive_values": {}
        }]}},
        "resource_changes": [{
            "address": format!("aws_s3_bucket.b[\"{key}\"]"), "mode": "managed", "type": "aws_s3_bucket",
            "name": "b", "index": key, "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["update"], "before": {"acl": "\u{1b}]8;;http://x\u{7}"}, "after": {"acl": "public-read"},
                       "after_unknown": {}, "before_sensitive": false, "after_sensitive": {}}
        }]
    })
    .to_string()
}

/// What odd Unicode does to the process: it may be rejected, never crash.
#[test]
fn hostile_odd_unicode_never_crashes() {
    let t = Tree::new();
    t.file("hcl/main.tf", &odd_hcl())
        .file("plan/plan.json", &odd_plan())
        // A lone surrogate: Terraform never writes one; a clear error.
        .file(
            "surrogate/plan.json",
            r#"{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"a.b","type":"a","name":"b","values":{"x":"\ud800"}}]}}}"#,
        )
        .file("crlf/main.tf", "resource \"aws_s3_bucket_acl\" \"a\" {\r\n  acl = \"public-read\"\r\n}\r\n")
        .file("cr/main.tf", "resource \"aws_s3_bucket_acl\" \"a\" {\r  acl = \"public-read\"\r}\r")
        .file("bom/main.tf", "\u{feff}resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"public-read\"\n}\n");
    std::fs::create_dir_all(t.path().join("binary")).expect("mkdir");
    std::fs::write(
        t.path().join("binary/main.tf"),
        b"resource \"a\" \"b\" {\n  x = \"\0\"\n}\n",
    )
    .expect("write");
    std::fs::create_dir_all(t.path().join("latin1")).expect("mkdir");
    std::fs::write(
        t.path().join("latin1/main.tf"),
        b"locals {\n  x = \"caf\xe9\"\n}\n",
    )
    .expect("write");
    for dir in [
        "hcl",
        "plan/plan.json",
        "surrogate/plan.json",
        "crlf",
        "cr",
        "bom",
        "binary",
        "latin1",
    ] {
        let o = scan_all_formats(&t, &[dir]);
        assert_no_crash(dir, &o);
    }
    let corpus = inputs(&HCL_CORPUS);
    let odd: Vec<&Input> = corpus.iter().filter(|i| is_odd_unicode(&i.bytes)).collect();
    check_inputs("hcl", &odd, false);
    let corpus = inputs(&PLAN_CORPUS);
    let odd: Vec<&Input> = corpus.iter().filter(|i| is_odd_unicode(&i.bytes)).collect();
    check_inputs("plan", &odd, false);
}

#[test]
fn hostile_odd_unicode_does_not_reach_terminals_or_ci_logs() {
    let t = Tree::new();
    t.file("hcl/main.tf", &odd_hcl())
        .file("plan/plan.json", &odd_plan());
    for dir in ["hcl", "plan/plan.json"] {
        let o = scan_all_formats(&t, &[dir]);
        assert_no_crash(dir, &o);
        assert_no_injection(dir, &o);
    }
    let corpus = inputs(&HCL_CORPUS);
    let odd: Vec<&Input> = corpus.iter().filter(|i| is_odd_unicode(&i.bytes)).collect();
    check_inputs("hcl", &odd, true);
    let corpus = inputs(&PLAN_CORPUS);
    let odd: Vec<&Input> = corpus.iter().filter(|i| is_odd_unicode(&i.bytes)).collect();
    check_inputs("plan", &odd, true);
}

/// File and directory names with a newline that starts a workflow command,
/// and with terminal escapes: in every finding's location.
#[test]
fn hostile_file_names_do_not_inject() {
    let t = Tree::new();
    let acl = "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"public-read\"\n}\n";
    t.file("evil\n::error title=PWNED::forged/main.tf", acl)
        .file("esc/\u{1b}[2J\u{1b}]8;;http://evil\u{7}x.tf", acl)
        .file("bidi/\u{202e}ft.niam.tf", acl)
        .file(
            "newline/a\n::warning::x.tf",
            "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \n}\n",
        );
    let o = scan_all_formats(&t, &["."]);
    assert_no_crash("odd file names", &o);
    assert_eq!(o.code, 2, "the broken file is an error");
    assert_no_injection("odd file names", &o);
}

/// The same names must at least never crash a scan.
#[test]
fn hostile_file_names_never_crash() {
    let t = Tree::new();
    let acl = "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"public-read\"\n}\n";
    t.file("evil\n::error title=PWNED::forged/main.tf", acl)
        .file("esc/\u{1b}[2J\u{1b}]8;;http://evil\u{7}x.tf", acl)
        .file("bidi/\u{202e}ft.niam.tf", acl)
        .file(
            "newline/a\n::warning::x.tf",
            "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \n}\n",
        );
    let o = scan_all_formats(&t, &["."]);
    assert_no_crash("odd file names", &o);
    assert_eq!(o.code, 2, "the broken file is an error");
}

// --- the fuzzers' crash inputs -----------------------------------------------

/// Crash inputs whose bug is still open, with the test that shows it.
const OPEN: [&str; 0] = [];

/// A regression case: a module directory with the file, or a plan, or a
/// tfward.toml beside a small module, or a policy folder.
fn regression_tree(file: &Path) -> (Tree, Vec<String>) {
    let t = Tree::new();
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("x");
    let bytes = std::fs::read(file).expect("readable");
    let acl = "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"public-read\"\n}\n";
    let mut args = vec![".".to_owned()];
    if name.ends_with(".toml") {
        std::fs::write(t.path().join("tfward.toml"), &bytes).expect("write");
        t.file("main.tf", acl);
    } else if name.ends_with(".rego") {
        std::fs::create_dir_all(t.path().join("policies/p")).expect("mkdir");
        std::fs::write(t.path().join("policies/p/policy.rego"), &bytes).expect("write");
        t.file("main.tf", acl);
        args = vec![".".into(), "--policy".into(), "policies".into()];
    } else if name.ends_with(".tf.json") {
        std::fs::write(t.path().join("main.tf.json"), &bytes).expect("write");
    } else if name.ends_with(".json") {
        std::fs::write(t.path().join("plan.json"), &bytes).expect("write");
    } else {
        std::fs::write(t.path().join("main.tf"), &bytes).expect("write");
    }
    (t, args)
}

/// The readable regression cases (not the fuzzers' raw inputs, which
/// `fuzz/run.sh` replays): `.tf`, `.tf.json`, `.json`, `.toml`, `.rego`.
fn regression_cases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in files_dirs(&root().join("testdata/fuzz")) {
        for f in files_in(&dir) {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if [".tf", ".json", ".toml", ".rego"]
                .iter()
                .any(|e| name.ends_with(e))
            {
                out.push(f);
            }
        }
    }
    out
}

fn files_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|e| {
            e.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn check_regression(file: &Path) {
    let (t, args) = regression_tree(file);
    let what = file
        .strip_prefix(root())
        .unwrap_or(file)
        .display()
        .to_string();
    let paths: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = scan_all_formats(&t, &paths);
    // A config or policy mistake stops the run before any report: exit 2
    // with the message on stderr is the expected outcome there.
    if o.code == 2 && o.reports[0].1.is_empty() {
        assert!(
            !o.stderr.trim().is_empty(),
            "{what}: exit 2 with no message"
        );
        assert!(
            !o.stderr.contains("panicked"),
            "{what}: {}",
            tail(&o.stderr)
        );
        return;
    }
    assert_no_crash(&what, &o);
}

#[test]
fn hostile_fuzz_crash_inputs_in_every_format() {
    let cases = regression_cases();
    assert!(!cases.is_empty(), "testdata/fuzz has no regression cases");
    for file in cases {
        let rel = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .display()
            .to_string();
        if OPEN.contains(&rel.as_str()) {
            continue;
        }
        check_regression(&file);
    }
}

/// indent() built the indentation string before its size check, so
/// indent(1e15, "x") aborted on a failed 9 PB allocation.
#[test]
fn hostile_fuzz_indent_with_a_huge_width_does_not_abort() {
    check_regression(&root().join("testdata/fuzz/functions/indent_huge_width.tf"));
}

/// A for_each that referred to its own resource twice doubled the work at
/// each level of nesting (the fuzz smoke's hcl_structured target ran past
/// its minute; the scan ran for hours). It is a cycle: the for_each stays
/// unknown and the resource is not expanded.
#[test]
fn hostile_fuzz_for_each_referring_to_its_own_resource_is_a_cycle_not_a_hang() {
    let file = root().join("testdata/fuzz/hcl_structured/for_each_refers_to_itself.tf");
    check_regression(&file);
    let (t, _) = regression_tree(&file);
    let out = tfward_in(t.path(), &["input", "."]);
    let docs = crate::support::json(&out);
    let r = &docs[0]["resources"][0];
    assert_eq!(r["address"], "google_compute_firewall.self", "{docs}");
    assert_eq!(r["expanded"], false, "{docs}");
}

/// A `${...}` in .tf.json holding a quoted string was escaped into invalid
/// HCL, so valid Terraform JSON was rejected.
#[test]
fn hostile_fuzz_tf_json_interpolation_with_a_quoted_string_parses() {
    let (t, _) = regression_tree(
        &root().join("testdata/fuzz/hcl/tf_json_quoted_string_in_interpolation.tf.json"),
    );
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("TFW-AWS-0001"), "{}", stdout(&out));
}

// --- secrets ------------------------------------------------------------------

/// Every value the secrets plan marks sensitive: a long string, a number, a
/// two-character string, an object marked sensitive as a whole
/// (`before_sensitive: true`), a value only in `resource_drift`, a
/// sensitive output, and the literals of secret-looking names in the
/// configuration.
const SECRETS: [&str; 10] = [
    "S3cr3tPassw0rdXYZ",
    "918273645",
    "OldWholeObjectSecret",
    "DriftSecretValue123",
    "DriftOldSecret456",
    "OutputSecretToken77",
    "AKIAQWERTYUIOPASDFGH",
    "wJalrXUtnFEMIK7MDENGbPxRfiCYzzEXAMPLEKEY",
    "Sup3rS3cretLambdaPw",
    "\"k9\"",
];

fn secrets_plan() -> String {
    let db_after = serde_json::json!({"identifier": "db1", "engine": "mysql", "password": "S3cr3tPassw0rdXYZ",
        "port": 918_273_645, "publicly_accessible": true, "storage_encrypted": false, "username": "k9"});
    let db_before = serde_json::json!({"identifier": "db1", "engine": "mysql", "password": "OldWholeObjectSecret",
        "port": 5432, "publicly_accessible": true, "storage_encrypted": false, "username": "k9"});
    let db_marks = serde_json::json!({"password": true, "port": true, "username": true});
    let change = |addr: &str,
                  rtype: &str,
                  before: serde_json::Value,
                  after: serde_json::Value,
                  bs: serde_json::Value,
                  r#as: serde_json::Value| {
        let name = addr.rsplit('.').next().unwrap_or_default();
        serde_json::json!({"address": addr, "mode": "managed", "type": rtype, "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["update"], "before": before, "after": after, "after_unknown": {},
                       "before_sensitive": bs, "after_sensitive": r#as}})
    };
    let tag = |v: &str| serde_json::json!({"bucket": "b1", "acl": "public-read", "tags": {"k": v}});
    let tag_mark = serde_json::json!({"tags": {"k": true}});
    serde_json::json!({
        "format_version": "1.2", "terraform_version": "1.9.5",
        "planned_values": {
            "outputs": {"token": {"sensitive": true, "value": "OutputSecretToken77"}},
            "root_module": {"resources": [
                {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
                 "provider_name": "registry.terraform.io/hashicorp/aws", "values": db_after, "sensitive_values": db_marks},
                {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
                 "provider_name": "registry.terraform.io/hashicorp/aws", "values": tag("DriftSecretValue123"),
                 "sensitive_values": tag_mark}
            ]}
        },
        "resource_changes": [
            change("aws_db_instance.db", "aws_db_instance", db_before, db_after.clone(), serde_json::json!(true), db_marks.clone()),
            change("aws_s3_bucket.b", "aws_s3_bucket", tag("DriftSecretValue123"), tag("DriftSecretValue123"), tag_mark.clone(), tag_mark.clone()),
        ],
        "resource_drift": [
            change("aws_s3_bucket.b", "aws_s3_bucket", tag("DriftOldSecret456"), tag("DriftSecretValue123"), tag_mark.clone(), tag_mark),
        ],
        "output_changes": {"token": {"actions": ["create"], "before": null, "after": "OutputSecretToken77",
            "after_unknown": false, "before_sensitive": false, "after_sensitive": true}},
        "configuration": {"root_module": {}}
    })
    .to_string()
}

/// Secret-looking literals in configuration (not marked sensitive: the
/// human excerpt of the line must still not show them).
const SECRET_LITERALS_TF: &str = r#"resource "aws_instance" "i" {
  ami           = "ami-123"
  instance_type = "t3.micro"
  user_data     = "export AWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzzEXAMPLEKEY"
}

resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "r"
  environment {
    variables = {
      DB_PASSWORD = "Sup3rS3cretLambdaPw"
    }
  }
}
"#;

/// One scan of the secrets tree in every format, `tfward input`, the
/// change report (Markdown, JSON, HTML) and `tfward drift`, run once for
/// the tests below. (name, text).
fn secret_outputs() -> &'static Vec<(String, String)> {
    static OUT: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    OUT.get_or_init(|| {
        let t = Tree::new();
        t.file("plan.json", &secrets_plan())
            .file("config/main.tf", SECRET_LITERALS_TF)
            .file(
                "state.json",
                r#"{"version":4,"terraform_version":"1.9.5","serial":1,"lineage":"x","outputs":{"tok":{"value":"OutputSecretToken77","type":"string","sensitive":true}},"resources":[{"mode":"managed","type":"aws_db_instance","name":"db","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]","instances":[{"schema_version":0,"attributes":{"identifier":"db1","password":"S3cr3tPassw0rdXYZ","port":918273645},"sensitive_attributes":[[{"type":"get_attr","value":"password"}],[{"type":"get_attr","value":"port"}]]}]}]}"#,
            )
            .file(
                "drift/main.tf",
                "resource \"aws_db_instance\" \"db\" {\n  identifier = \"db1\"\n  port       = 5432\n}\n",
            );
        let mut out = Vec::new();
        for (what, paths) in [("plan", vec!["plan.json"]), ("config", vec!["config"])] {
            let o = scan_all_formats(&t, &paths);
            assert_no_crash(what, &o);
            for (format, text) in o.reports {
                out.push((format!("scan {what} --format {format}"), text));
            }
            out.push((format!("scan {what} (stderr)"), o.stderr));
        }
        let input = tfward_in(t.path(), &["input", "plan.json"]);
        out.push(("input".into(), stdout(&input)));
        for format in ["markdown", "json"] {
            let id = format!("SEC-{format}");
            let r = tfward_in(
                t.path(),
                &["report", "--plan", "plan.json", "--change-id", &id, "--format", format],
            );
            assert_eq!(code(&r), 0, "report: {}", stderr(&r));
            let dir = t.path().join("docs/platform");
            for entry in std::fs::read_dir(&dir).expect("docs/platform").flatten() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                out.push((format!("report {}", entry.file_name().to_string_lossy()), text));
            }
        }
        let log = std::fs::read_to_string(t.path().join(".ai/platform-changes.md")).unwrap_or_default();
        out.push(("report log".into(), log));
        for format in ["human", "json"] {
            let d = tfward_in(
                t.path(),
                &["drift", "--state", "state.json", "drift", "--format", format],
            );
            out.push((format!("drift --format {format}"), stdout(&d) + &stderr(&d)));
        }
        out
    })
}

fn assert_no_secret(prefix: &str) {
    let outputs = secret_outputs();
    let mut seen = 0;
    for (name, text) in outputs.iter().filter(|(n, _)| n.starts_with(prefix)) {
        seen += 1;
        for secret in SECRETS {
            assert!(
                !text.contains(secret),
                "{name} prints the secret {secret}:\n{}",
                around(text, text.find(secret).unwrap_or(0))
            );
        }
    }
    assert!(seen > 0, "no output named {prefix}");
}

#[test]
fn hostile_secrets_not_in_human() {
    assert_no_secret("scan plan --format human");
    assert_no_secret("scan config --format human");
    assert_no_secret("scan plan (stderr)");
}

#[test]
fn hostile_secrets_not_in_json() {
    assert_no_secret("scan plan --format json");
    assert_no_secret("scan config --format json");
}

#[test]
fn hostile_secrets_not_in_sarif() {
    assert_no_secret("scan plan --format sarif");
    assert_no_secret("scan config --format sarif");
}

#[test]
fn hostile_secrets_not_in_junit() {
    assert_no_secret("scan plan --format junit");
    assert_no_secret("scan config --format junit");
}

#[test]
fn hostile_secrets_not_in_github_annotations() {
    assert_no_secret("scan plan --format github");
    assert_no_secret("scan config --format github");
}

#[test]
fn hostile_secrets_not_in_gitlab() {
    assert_no_secret("scan plan --format gitlab");
    assert_no_secret("scan config --format gitlab");
}

#[test]
fn hostile_secrets_not_in_markdown_comment() {
    assert_no_secret("scan plan --format markdown");
    assert_no_secret("scan config --format markdown");
}

/// `tfward input` printed numbers, short values, objects marked sensitive
/// as a whole and drift values (issue 20 item 2b).
#[test]
fn hostile_secrets_not_in_input_documents() {
    assert_no_secret("input");
    let input = &secret_outputs()
        .iter()
        .find(|(n, _)| n == "input")
        .expect("input")
        .1;
    assert!(input.contains("(sensitive)"), "{input}");
}

#[test]
fn hostile_secrets_not_in_change_report_markdown_json_html() {
    assert_no_secret("report sec-markdown.report.md");
    assert_no_secret("report sec-json.report.json");
    assert_no_secret("report sec-markdown.report.html");
    assert_no_secret("report log");
}

#[test]
fn hostile_secrets_not_in_drift() {
    assert_no_secret("drift --format human");
    assert_no_secret("drift --format json");
}

/// The finding's excerpt shows its line; the hard-coded secret it is about
/// is masked there, column for column.
#[test]
fn hostile_secret_looking_literals_are_masked_in_excerpts() {
    let human = &secret_outputs()
        .iter()
        .find(|(n, _)| n == "scan config --format human")
        .expect("human")
        .1;
    assert!(
        human.contains("DB_PASSWORD = \"*******************\""),
        "{human}"
    );
    assert!(
        human.contains("AWS_ACCESS_KEY_ID=********************"),
        "{human}"
    );
}

// --- reads and writes outside the project -------------------------------------

const PUBLIC_ACL: &str = "resource \"aws_s3_bucket_acl\" \"a\" {\n  acl = \"public-read\"\n}\n";

/// A symlinked folder and a symlinked .tf file that lead out of the
/// scanned tree are reported and not read; links inside the tree are
/// followed; a link loop is reported once.
#[cfg(unix)]
#[test]
fn hostile_symlinks_out_of_the_tree_are_reported_not_followed() {
    use std::os::unix::fs::symlink;
    let outside = Tree::new();
    outside
        .file("mod/main.tf", "resource \"aws_s3_bucket_acl\" \"outside\" {\n  acl = \"public-read-write\"\n}\n")
        .file("secret.tf", "locals {\n  leaked = \"OutsideSecret\"\n}\nresource \"aws_s3_bucket_acl\" \"leak\" {\n  acl = \"public-read\"\n}\n");
    let t = Tree::new();
    t.file("main.tf", PUBLIC_ACL)
        .file("inner/real/main.tf", PUBLIC_ACL);
    symlink(outside.path().join("mod"), t.path().join("vendor")).expect("symlink");
    symlink(outside.path().join("secret.tf"), t.path().join("leak.tf")).expect("symlink");
    symlink(t.path().join("inner/real"), t.path().join("inner/alias")).expect("symlink");
    symlink(t.path().join("inner"), t.path().join("inner/real/loop")).expect("symlink");
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    let report = crate::support::json(&out);
    let text = report.to_string();
    assert!(!text.contains("aws_s3_bucket_acl.outside"), "{text}");
    assert!(!text.contains("aws_s3_bucket_acl.leak"), "{text}");
    assert!(!text.contains("OutsideSecret"), "{text}");
    let err = stderr(&out);
    for link in ["vendor", "leak.tf"] {
        assert!(
            err.contains(&format!("warning: {link}: symbolic link to"))
                && err.contains("outside the scanned tree; not followed"),
            "{link} is reported: {err}"
        );
    }
    // Inside the tree: followed.
    assert!(text.contains("inner/alias"), "{text}");
    assert_ne!(code(&out), 2, "{}", stderr(&out));
}

/// A dangling link that is not a Terraform file loses nothing and no
/// longer fails the scan; a dangling `.tf` link is an error that names it.
#[cfg(unix)]
#[test]
fn hostile_dangling_symlinks() {
    use std::os::unix::fs::symlink;
    let t = Tree::new();
    t.file("main.tf", PUBLIC_ACL);
    symlink("/nonexistent/README.md", t.path().join("README.md")).expect("symlink");
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(!stdout(&out).contains("README.md"), "{}", stdout(&out));
    symlink("/nonexistent/gone.tf", t.path().join("gone.tf")).expect("symlink");
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("gone.tf: symbolic link to a file that does not exist"),
        "{}",
        stderr(&out)
    );
}

/// A named pipe called `pipe.tf` is never opened (reading it would block
/// the scan for ever): it is an error that names it, and the rest of the
/// tree is scanned. A folder called `x.tf` is skipped, as Terraform skips it.
#[cfg(unix)]
#[test]
fn hostile_a_named_pipe_with_a_terraform_name_is_reported_not_read() {
    let t = Tree::new();
    t.file("main.tf", PUBLIC_ACL);
    std::fs::create_dir(t.path().join("folder.tf")).expect("mkdir");
    let fifo = t.path().join("pipe.tf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("pipe.tf: not a regular file (a named pipe, socket or device)"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("folder.tf"), "{}", stderr(&out));
    assert!(stdout(&out).contains("TFW-AWS-0001"), "{}", stdout(&out));
}

/// A `.tf` file whose name is not valid UTF-8 is scanned (Terraform loads
/// it), and its name is shown escaped.
#[cfg(unix)]
#[test]
fn hostile_non_utf8_file_names_are_scanned() {
    use std::os::unix::ffi::OsStrExt;
    let t = Tree::new();
    let name = std::ffi::OsStr::from_bytes(b"m\xff\x1b.tf");
    std::fs::write(t.path().join(name), PUBLIC_ACL).expect("write");
    let o = scan_all_formats(&t, &["."]);
    assert_no_crash("non-UTF-8 name", &o);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.reports[0].1.contains("TFW-AWS-0001"),
        "{}",
        o.reports[0].1
    );
    assert_no_injection("non-UTF-8 name", &o);
}

/// `tfward report` never writes or appends through a symbolic link a pull
/// request committed (the report, the log, or the folder they go in), and
/// a change id cannot add lines to the log.
#[cfg(unix)]
#[test]
fn hostile_report_does_not_write_through_symlinks() {
    use std::os::unix::fs::symlink;
    let plan = root().join("testdata/plans/report/create_only.json");
    let plan = plan.to_string_lossy().into_owned();
    let victim = Tree::new();
    victim.file("bashrc", "original\n");
    let target = victim.path().join("bashrc");
    let run =
        |t: &Tree, id: &str| tfward_in(t.path(), &["report", "--plan", &plan, "--change-id", id]);
    // The report file.
    let t = Tree::new();
    t.dir("docs/platform");
    symlink(&target, t.path().join("docs/platform/chg-1.report.md")).expect("symlink");
    let out = run(&t, "CHG-1");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    // The log.
    let t = Tree::new();
    t.dir(".ai");
    symlink(&target, t.path().join(".ai/platform-changes.md")).expect("symlink");
    let out = run(&t, "CHG-2");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // The folder.
    let t = Tree::new();
    t.dir("docs");
    symlink(victim.path(), t.path().join("docs/platform")).expect("symlink");
    let out = run(&t, "CHG-3");
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).expect("victim"),
        "original\n",
        "the file behind the link is untouched"
    );
    assert_eq!(std::fs::read_dir(victim.path()).expect("dir").count(), 1);
    // A change id with a newline stays on its entry's line.
    let t = Tree::new();
    let out = run(&t, "CHG-4\n- 2099-01-01 — forged entry [x](http://evil)");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let log = std::fs::read_to_string(t.path().join(".ai/platform-changes.md")).expect("log");
    let entries: Vec<&str> = log.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(entries.len(), 1, "{log}");
    assert!(!log.contains("[x](http"), "{log}");
}

/// A local module source that climbs out of the repository is not read
/// (a warning names where it leads), while one inside the repository but
/// outside the scanned folder still is (`scan envs/prod` calling
/// `../../modules/x`).
#[test]
fn hostile_module_sources_outside_the_repository_are_not_read() {
    let t = Tree::new();
    t.dir("repo/.git")
        .file(
            "repo/envs/prod/main.tf",
            "module \"inside\" {\n  source = \"../../modules/b\"\n}\nmodule \"escape\" {\n  source = \"../../../outside\"\n}\n",
        )
        .file(
            "repo/modules/b/main.tf",
            "resource \"aws_s3_bucket_acl\" \"inside\" {\n  acl = \"public-read\"\n}\n",
        )
        .file(
            "outside/main.tf",
            "resource \"aws_s3_bucket_acl\" \"outside\" {\n  acl = \"public-read\"\n}\n",
        );
    let out = tfward_in(
        &t.path().join("repo/envs/prod"),
        &["scan", ".", "--format", "json"],
    );
    let text = stdout(&out);
    assert!(
        text.contains("module.inside.aws_s3_bucket_acl.inside"),
        "{text}"
    );
    assert!(!text.contains("aws_s3_bucket_acl.outside"), "{text}");
    assert!(
        stderr(&out).contains("outside the project") && stderr(&out).contains("not read"),
        "{}",
        stderr(&out)
    );
    // The call itself says why its resources are missing, as a warning:
    // not as a module with no files, which `terraform init` would not
    // find fault with.
    let report = json(&out);
    let warnings = report["warnings"].as_array().cloned().unwrap_or_default();
    assert!(
        warnings
            .iter()
            .any(|w| w["message"].as_str().is_some_and(
                |m| m.starts_with("module.escape:") && m.contains("leads outside the project")
            )),
        "{warnings:?}"
    );
    assert!(
        !stderr(&out).contains("holds no Terraform files"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        report["summary"]["module_calls"]["not_followed"], 1,
        "{report}"
    );
}

// --- bounded work ---------------------------------------------------------------

/// A count past the instance budget is a warning at its line, the block is
/// evaluated once, and the rest of the scan goes on (no exit 2).
#[test]
fn hostile_count_bomb_is_a_warning_and_the_scan_goes_on() {
    let t = Tree::new();
    t.file(
        "main.tf",
        &format!(
            "{PUBLIC_ACL}resource \"aws_s3_bucket\" \"many\" {{\n  count  = 10000000\n  bucket = \"b-${{count.index}}\"\n}}\n"
        ),
    );
    let o = scan_all_formats(&t, &["."]);
    assert_no_crash("count bomb", &o);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let human = &o.reports[0].1;
    assert!(
        human.contains(
            "aws_s3_bucket.many: count = 10000000 is past tfward's budget of 20000 instances"
        ),
        "{human}"
    );
    assert!(human.contains("main.tf:5"), "{human}");
    assert!(
        human.contains("TFW-AWS-0001"),
        "the rest is scanned: {human}"
    );
}

// --- file functions -------------------------------------------------------------

/// File functions never read inside `.git/` (where actions/checkout keeps
/// the token) or CI credential files left in the workspace, however they
/// are reached: a direct `file()`, a `fileset()` over `.git` feeding a
/// `for_each`, a `fileset()` that would list a credential file, a link
/// inside the tree. Each such value is unknown, and a warning names the
/// path and why; other files are still read.
#[test]
fn hostile_file_functions_never_read_git_or_ci_credentials() {
    let t = Tree::new();
    t.file(
        ".git/config",
        "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic GitTokenSecret\n",
    )
    .file(".git/HEAD", "ref: refs/heads/GitHeadSecret\n")
    .file(
        "gha-creds-4f2a.json",
        "{\"private_key\": \"GhaCredsSecret\"}\n",
    )
    .file(
        ".docker/config.json",
        "{\"auths\": {\"x\": {\"auth\": \"DockerSecret\"}}}\n",
    )
    .file("files/ok.txt", "PlainContent")
    .file(
        "main.tf",
        &format!(
            "{PUBLIC_ACL}\
resource \"aws_s3_bucket\" \"git\" {{
  for_each = fileset(\"${{path.module}}/.git\", \"**\")
  bucket   = \"b-${{each.key}}\"
  tags     = {{ content = file(\"${{path.module}}/.git/${{each.value}}\") }}
}}
resource \"aws_s3_bucket\" \"direct\" {{
  bucket = \"direct\"
  tags = {{
    token  = file(\".git/config\")
    creds  = file(\"gha-creds-4f2a.json\")
    docker = filebase64(\".docker/config.json\")
    hash   = filesha256(\".git/HEAD\")
    listed = join(\",\", [for f in fileset(path.module, \"*.json\") : file(f)])
    exists = fileexists(\".git/config\")
    ok     = file(\"files/ok.txt\")
  }}
}}
"
        ),
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(t.path().join(".git/config"), t.path().join("files/cfg"))
        .expect("symlink");
    #[cfg(unix)]
    t.file(
        "link.tf",
        "resource \"aws_s3_bucket\" \"link\" {\n  bucket = \"l\"\n  tags   = { via = file(\"files/cfg\") }\n}\n",
    );
    let o = scan_all_formats(&t, &["."]);
    assert_no_crash("file functions", &o);
    let input = tfward_in(t.path(), &["input", "."]);
    let input_doc = stdout(&input);
    let input_err = stderr(&input);
    let secrets = [
        "GitTokenSecret",
        "GitHeadSecret",
        "GhaCredsSecret",
        "DockerSecret",
    ];
    let mut everything: Vec<(&str, &str)> = o
        .reports
        .iter()
        .map(|(f, text)| (*f, text.as_str()))
        .collect();
    everything.push(("stderr", &o.stderr));
    everything.push(("input", &input_doc));
    everything.push(("input stderr", &input_err));
    for (what, text) in &everything {
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{secret} leaked into {what}:\n{text}"
            );
        }
    }
    // Other files are read as before.
    assert!(input_doc.contains("PlainContent"), "{input_doc}");
    let err = &o.reports[0].1;
    for (path, why) in [
        (".git/config", "inside .git/"),
        ("gha-creds-4f2a.json", "a CI credential file"),
        (".docker/config.json", "a CI credential file"),
        (".git/HEAD", "inside .git/"),
        ("./gha-creds-4f2a.json", "a CI credential file"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains("refusing") && l.contains(path) && l.contains(why)),
            "a warning names {path} and why: {err}"
        );
    }
    assert!(
        err.contains("fileset(): refusing to read ./.git: it is inside .git/"),
        "the fileset over .git is refused: {err}"
    );
    #[cfg(unix)]
    assert!(
        err.contains("file(): refusing to read files/cfg: it is inside .git/"),
        "a link into .git is refused: {err}"
    );
}

// --- custom policy limits -----------------------------------------------------

/// A custom policy, as a pull request would add it through tfward.toml.
fn user_policy(t: &Tree, dir: &str, id: &str, body: &str) {
    t.file(
        &format!("{dir}/policy.rego"),
        &format!(
            "# METADATA\n# title: A user policy\n# custom:\n#   id: {id}\n#   severity: LOW\n#   category: security\n#   resource_types: [aws_s3_bucket]\n#   remediation: none\npackage usr.{}\nimport rego.v1\nimport data.lib.tf\n{body}",
            id.to_lowercase().replace('-', "_")
        ),
    );
}

/// `numbers.range(1, 2e8)` ran 20 s past a 1 s --policy-timeout and took
/// 4.7 GB, and then reported its finding. Each element-making builtin is
/// bounded: past the bound the policy fails on the module with an error
/// that names it and the bound, and the other policies still run.
#[test]
fn hostile_policy_builtin_bomb_is_an_error_naming_the_policy_and_the_bound() {
    let t = Tree::new();
    t.file(
        "tf/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
    );
    let bombs = [
        ("TFW-USR-0001", "numbers.range would make", "count(numbers.range(1, 2e8)) > 5"),
        ("TFW-USR-0002", "numbers.range_step would make", "count(numbers.range_step(0, 9000000000, 3)) > 5"),
        (
            "TFW-USR-0003",
            "array.concat would make",
            "a := numbers.range(1, 600000)\n  count(array.concat(a, a)) > 5",
        ),
        (
            "TFW-USR-0004",
            "replace would make",
            "s := concat(\"\", [\"x\" | some _ in numbers.range(1, 1000000)])\n  count(replace(s, \"x\", \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\")) > 5",
        ),
        (
            "TFW-USR-0005",
            "sprintf's width or precision 4000000000",
            "count(sprintf(\"%4000000000d\", [1])) > 5",
        ),
        (
            "TFW-USR-0006",
            "net.cidr_expand would make",
            "count(net.cidr_expand(\"0.0.0.0/0\")) > 5",
        ),
        (
            "TFW-USR-0007",
            "regex.replace would make",
            "s := concat(\"\", [\"x\" | some _ in numbers.range(1, 1000000)])\n  count(regex.replace(s, \"\", \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\")) > 5",
        ),
        (
            "TFW-USR-0008",
            "bits.lsh's shift of 4000000000 bits",
            "bits.lsh(1, 4000000000) > 5",
        ),
    ];
    for (id, _, cond) in bombs {
        user_policy(
            &t,
            &format!("pol/{id}"),
            id,
            &format!("deny contains tf.finding(r, [\"bucket\"], \"big\") if {{\n  some r in tf.resources(\"aws_s3_bucket\")\n  {cond}\n}}\n"),
        );
    }
    t.file("tfward.toml", "policy_dirs = [\"pol\"]\n");
    let out = tfward_in(
        t.path(),
        &["scan", "tf", "--format", "json", "--policy-timeout", "600"],
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "{err}");
    for (id, builtin, _) in bombs {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("policy {id} failed"))
                    && l.contains(builtin)
                    && l.contains("past tfward's bound of")),
            "{id} fails naming {builtin} and the bound: {err}"
        );
    }
    let report = crate::support::json(&out);
    let findings = report["findings"].as_array().expect("findings");
    assert!(
        findings.iter().all(|f| !f["rule_id"]
            .as_str()
            .unwrap_or_default()
            .starts_with("TFW-USR")),
        "no bomb reports a finding: {report}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f["rule_id"].as_str() == Some("TFW-AWS-0006")),
        "the built-in policies still run: {report}"
    );
}

/// With --no-repo-policies (CI on pull requests), a policy folder that the
/// scanned repository's tfward.toml adds is refused, naming the file and
/// the folder; without the flag, or from a trusted --config, it loads.
#[test]
fn hostile_no_repo_policies_refuses_policy_dirs_from_the_scanned_repository() {
    let t = Tree::new();
    t.file(
        "tf/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n",
    );
    user_policy(
        &t,
        "pol/TFW-USR-0009",
        "TFW-USR-0009",
        "deny contains tf.finding(r, [\"bucket\"], \"from the pull request\") if {\n  some r in tf.resources(\"aws_s3_bucket\")\n}\n",
    );
    t.file("tf/tfward.toml", "policy_dirs = [\"../pol\"]\n");
    let out = tfward_in(t.path(), &["scan", "tf", "--format", "json"]);
    assert!(stdout(&out).contains("TFW-USR-0009"), "{}", stderr(&out));
    let out = tfward_in(
        t.path(),
        &["scan", "tf", "--format", "json", "--no-repo-policies"],
    );
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tfward.toml: policy_dirs (")
            && err.contains("pol")
            && err.contains("--no-repo-policies refuses it"),
        "{err}"
    );
    assert!(!stdout(&out).contains("TFW-USR-0009"));
    // A trusted config (from the base branch) may still add them.
    let trusted = Tree::new();
    trusted.file(
        "tfward.toml",
        &format!(
            "policy_dirs = [{:?}]\n",
            t.path().join("pol").display().to_string()
        ),
    );
    let cfg = trusted.path().join("tfward.toml");
    let out = tfward_in(
        t.path(),
        &[
            "scan",
            "tf",
            "--format",
            "json",
            "--no-repo-policies",
            "--config",
            cfg.to_str().expect("utf8"),
        ],
    );
    assert!(stdout(&out).contains("TFW-USR-0009"), "{}", stderr(&out));
}

/// A user's policy sees "(sensitive)" where a value is sensitive, so it
/// can neither test nor print it; whatever a policy returns (message,
/// address) is redacted. A policy that declares `raw_sensitive: true` sees
/// the value, and its messages are still redacted.
#[test]
fn hostile_custom_policies_see_and_print_no_sensitive_value() {
    let t = Tree::new();
    t.file(
        "tf/main.tf",
        "variable \"owner\" {\n  type      = string\n  sensitive = true\n  default   = \"HunterSecret2\"\n}\n\
variable \"pin\" {\n  type      = string\n  sensitive = true\n  default   = \"k9\"\n}\n\
resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"plain-name\"\n  tags = {\n    owner = var.owner\n    pin   = var.pin\n  }\n}\n",
    );
    // Prints the values into the message and the address, and tests them.
    user_policy(
        &t,
        "pol/TFW-USR-0101",
        "TFW-USR-0101",
        "deny contains {\"address\": sprintf(\"%s.%s\", [r.address, r.values.tags.owner]), \"path\": [\"tags\", r.values.tags.pin], \"msg\": sprintf(\"owner %s pin %s\", [r.values.tags.owner, r.values.tags.pin])} if {\n  some r in tf.resources(\"aws_s3_bucket\")\n}\n\
deny contains tf.finding(r, [\"tags\"], \"the pin is k9\") if {\n  some r in tf.resources(\"aws_s3_bucket\")\n  r.values.tags.pin == \"k9\"\n}\n",
    );
    t.file(
        "pol/TFW-USR-0102/policy.rego",
        "# METADATA\n# title: Needs raw values\n# custom:\n#   id: TFW-USR-0102\n#   severity: LOW\n#   category: security\n#   resource_types: [aws_s3_bucket]\n#   remediation: none\n#   raw_sensitive: true\npackage usr.raw\nimport rego.v1\nimport data.lib.tf\n\
deny contains tf.finding(r, [\"tags\", \"owner\"], sprintf(\"owner is %s\", [r.values.tags.owner])) if {\n  some r in tf.resources(\"aws_s3_bucket\")\n  r.values.tags.owner == \"HunterSecret2\"\n}\n",
    );
    let o = scan_all_formats(
        &t,
        &[
            "tf",
            "--policy",
            "pol",
            "--only",
            "TFW-USR-0101,TFW-USR-0102",
        ],
    );
    assert_no_crash("custom policies", &o);
    for (format, text) in &o.reports {
        assert!(
            !text.contains("HunterSecret2"),
            "the {format} report: {text}"
        );
        assert!(!text.contains("k9"), "the {format} report: {text}");
    }
    assert!(
        !o.stderr.contains("HunterSecret2") && !o.stderr.contains("k9"),
        "{}",
        o.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&o.reports[1].1).expect("json report");
    let findings = json["findings"].as_array().expect("findings");
    let of = |id: &str| -> Vec<&serde_json::Value> {
        findings.iter().filter(|f| f["rule_id"] == id).collect()
    };
    // The printing rule ran on "(sensitive)"; the rule testing the value
    // found nothing to match.
    let printed = of("TFW-USR-0101");
    assert_eq!(printed.len(), 1, "{json}");
    assert_eq!(
        printed[0]["message"], "owner (sensitive) pin (sensitive)",
        "{json}"
    );
    assert!(
        printed[0]["address"]
            .as_str()
            .unwrap_or_default()
            .contains("(sensitive)"),
        "{json}"
    );
    // The raw rule saw the value, and printed none of it.
    let raw = of("TFW-USR-0102");
    assert_eq!(raw.len(), 1, "{json}");
    assert_eq!(raw[0]["message"], "owner is (sensitive)", "{json}");
}

/// An object literal of 100,000 keys (3 MB) took 78 s to parse (hcl-edit
/// looks each new key up in a vector map); it now scans like any file, its
/// values reach the resources that read them, and findings below it keep
/// their lines.
#[test]
fn hostile_object_literal_with_100000_keys_scans() {
    let mut text = String::from("locals {\n  big = {\n");
    for i in 0..100_000 {
        text.push_str(&format!("    key_{i:06} = \"value-{i}\"\n"));
    }
    text.push_str("  }\n}\n");
    text.push_str(
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = local.big[\"key_099999\"]\n  acl    = \"public-read\"\n}\n",
    );
    let t = Tree::new();
    t.file("main.tf", &text);
    let out = tfward_in(
        t.path(),
        &["scan", ".", "--format", "json", "--only", "TFW-AWS-0001"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = crate::support::json(&out);
    let f = &report["findings"][0];
    assert_eq!(f["rule_id"], "TFW-AWS-0001", "{report}");
    assert_eq!(f["line"], 100_007, "the acl line: {report}");
    let input = stdout(&tfward_in(t.path(), &["input", "."]));
    assert!(
        input.contains("\"bucket\": \"value-99999\""),
        "{}",
        &input[..input.len().min(2000)]
    );
    // One item that is not a plain literal cannot bring the quadratic
    // parse back: past 20,000 items such an object is an error at its line.
    let t = Tree::new();
    t.file(
        "main.tf",
        &text.replacen("key_000000 = \"value-0\"", "key_000000 = var.a", 1),
    );
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("main.tf:2")
            && stderr(&out).contains("more than 20000 items that are not all plain literals"),
        "{}",
        stderr(&out)
    );
    // Nor can many objects under that size: a file holds at most the parse
    // work of one object of 20,000 items (two of 15,000 are past it). The
    // error is at the second one, and the other files are still scanned.
    let object = |n: usize| {
        let items: String = (0..n).map(|i| format!("    k{i} = var.a\n")).collect();
        format!("locals {{\n  big{n} = {{\n{items}  }}\n}}\n")
    };
    let t = Tree::new();
    let first = object(15_000);
    t.file("big.tf", &format!("{first}{}", object(15_000)));
    t.file("main.tf", PUBLIC_ACL);
    let out = tfward_in(t.path(), &["scan", ".", "--format", "json"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let line = first.lines().count() + 2;
    assert!(
        stderr(&out).contains(&format!("big.tf:{line}"))
            && stderr(&out).contains("the file's earlier objects like it have 15000 (1 object)")
            && stderr(&out).contains("at most the work of one object of 20000 items per file"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("TFW-AWS-0001"), "{}", stdout(&out));
}

/// An unreadable `.tf` file is an error that names it and says why; the
/// rest of the module is still scanned. Root reads every file, so as root
/// the scan runs as `nobody` (util-linux's setpriv), as a CI job without
/// root privileges would.
#[cfg(unix)]
#[test]
fn hostile_an_unreadable_file_is_reported_and_the_rest_scanned() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tree::new();
    t.file("main.tf", PUBLIC_ACL);
    t.file("secret.tf", "variable \"x\" {}\n");
    let perm = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    perm(t.path(), 0o755);
    perm(&t.path().join("main.tf"), 0o644);
    perm(&t.path().join("secret.tf"), 0o000);
    let as_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let bin = env!("CARGO_BIN_EXE_tfward");
    let mut cmd = if as_root {
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            bin,
        ]);
        c
    } else {
        std::process::Command::new(bin)
    };
    let out = match cmd
        .args(["scan", ".", "--format", "json"])
        .current_dir(t.path())
        .env("HOME", t.path())
        .output()
    {
        Ok(o) => o,
        Err(e) if as_root => {
            eprintln!("skipped: setpriv cannot run ({e}), and root reads every file");
            return;
        }
        Err(e) => panic!("tfward runs: {e}"),
    };
    if as_root && stderr(&out).contains("Permission denied") && !stderr(&out).contains("secret.tf")
    {
        eprintln!(
            "skipped: the binary is not reachable as nobody: {}",
            stderr(&out)
        );
        return;
    }
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("secret.tf") && err.contains("cannot read"),
        "{err}"
    );
    assert!(err.contains("ermission denied"), "{err}");
    assert!(stdout(&out).contains("TFW-AWS-0001"), "{}", stdout(&out));
}

/// `policy test --vm` runs a user's policy on regorus's VM too, whose
/// builtins tfward cannot bound: the bounded interpreter runs each fixture
/// first, and the VM only what the interpreter finished within the bounds.
/// Before, the VM went first and `numbers.range(1, 3e9)` asked for ~100 GB.
#[test]
fn hostile_policy_test_vm_runs_a_builtin_bomb_only_on_the_bounded_interpreter() {
    let t = Tree::new();
    t.file(
        "pol/bomb/policy.rego",
        "# METADATA\n# title: A user policy\n# custom:\n#   id: TFW-USR-0020\n#   severity: LOW\n#   category: security\n#   resource_types: [aws_s3_bucket]\n#   remediation: none\npackage tfward.bomb\nimport rego.v1\nimport data.lib.tf\ndeny contains tf.finding(r, [\"bucket\"], \"big\") if {\n  some r in tf.resources(\"aws_s3_bucket\")\n  count(numbers.range(1, 3e9)) > 5\n}\n",
    );
    t.file(
        "pol/bomb/fixtures/bad_bucket.tf",
        "resource \"aws_s3_bucket\" \"b\" { # expect: TFW-USR-0020\n  bucket = \"x\"\n}\n",
    );
    t.file("pol/bomb/fixtures/good_nothing.tf", "variable \"x\" {}\n");
    let out = tfward_in(
        t.path(),
        &["policy", "test", "pol", "--vm", "--policy-timeout", "600"],
    );
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert_eq!(code(&out), 1, "{text}");
    assert!(
        text.contains("numbers.range would make 3000000000 elements")
            && text.contains("past tfward's bound of 1000000"),
        "{text}"
    );
}

/// A plan of format 0.1 (Terraform before 0.15) has no `after_sensitive`:
/// Terraform did not mark values built from a sensitive variable, and
/// tfward printed them. The plan's configuration section says which
/// expressions reference a sensitive variable, a module variable given
/// one, a module's sensitive output or (in a module with sensitive
/// variables) a local, and those attributes are redacted everywhere.
#[test]
fn hostile_plan_without_sensitive_marks_redacts_values_built_from_sensitive_variables() {
    let refs = |r: &[&str]| serde_json::json!({ "references": r });
    let resource = |address: &str, values: serde_json::Value| {
        let (rtype, name) = address
            .rsplit_once('.')
            .map_or(("", ""), |(m, n)| (m.rsplit('.').next().unwrap_or(m), n));
        serde_json::json!({"address": address, "mode": "managed", "type": rtype, "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws", "values": values})
    };
    let change = |address: &str, after: serde_json::Value| {
        let (rtype, name) = address
            .rsplit_once('.')
            .map_or(("", ""), |(m, n)| (m.rsplit('.').next().unwrap_or(m), n));
        serde_json::json!({"address": address, "mode": "managed", "type": rtype, "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "before": null, "after": after, "after_unknown": {}}})
    };
    let root_db =
        serde_json::json!({"identifier": "visible-db-name", "password": "PlanVarPw0000Secret"});
    let root_fn = serde_json::json!({"function_name": "visible-fn", "description": "FromModuleOutputSecret77"});
    let root_ssm =
        serde_json::json!({"name": "visible-param", "value": "LocalBuiltFromPwSecret88"});
    let child_db =
        serde_json::json!({"identifier": "child-db", "master_password": "GivenToModuleSecret99"});
    let plan = serde_json::json!({
        "format_version": "0.1",
        "terraform_version": "0.14.11",
        "variables": {"pw": {"value": "PlanVarPw0000Secret"}},
        "planned_values": {"root_module": {
            "resources": [
                resource("aws_db_instance.db", root_db.clone()),
                resource("aws_lambda_function.f", root_fn.clone()),
                resource("aws_ssm_parameter.p", root_ssm.clone()),
            ],
            "child_modules": [{"address": "module.c", "resources": [
                resource("module.c.aws_rds_cluster.c", child_db.clone()),
            ]}]
        }},
        "resource_changes": [
            change("aws_db_instance.db", root_db),
            change("aws_lambda_function.f", root_fn),
            change("aws_ssm_parameter.p", root_ssm),
            change("module.c.aws_rds_cluster.c", child_db),
        ],
        "configuration": {"root_module": {
            "variables": {"pw": {"sensitive": true}},
            "resources": [
                {"address": "aws_db_instance.db", "mode": "managed", "type": "aws_db_instance", "name": "db",
                 "expressions": {"identifier": {"constant_value": "visible-db-name"}, "password": refs(&["var.pw"])}},
                {"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
                 "expressions": {"function_name": {"constant_value": "visible-fn"}, "description": refs(&["module.c.token", "module.c"])}},
                {"address": "aws_ssm_parameter.p", "mode": "managed", "type": "aws_ssm_parameter", "name": "p",
                 "expressions": {"name": {"constant_value": "visible-param"}, "value": refs(&["local.derived"])}}
            ],
            "module_calls": {"c": {"source": "./c", "expressions": {"secret": refs(&["var.pw"])}, "module": {
                "variables": {"secret": {}},
                "outputs": {"token": {"sensitive": true, "expression": refs(&["var.secret"])}},
                "resources": [
                    {"address": "aws_rds_cluster.c", "mode": "managed", "type": "aws_rds_cluster", "name": "c",
                     "expressions": {"identifier": {"constant_value": "child-db"}, "master_password": refs(&["var.secret"])}}
                ]
            }}}
        }}
    });
    let t = Tree::new();
    t.file("plan.json", &plan.to_string());
    let o = scan_all_formats(&t, &["plan.json"]);
    assert_no_crash("plan 0.1", &o);
    let mut outputs: Vec<(String, String)> = o
        .reports
        .into_iter()
        .map(|(f, text)| (format!("scan --format {f}"), text))
        .collect();
    outputs.push(("scan (stderr)".into(), o.stderr));
    outputs.push((
        "input".into(),
        stdout(&tfward_in(t.path(), &["input", "plan.json"])),
    ));
    let secrets = [
        "PlanVarPw0000Secret",
        "FromModuleOutputSecret77",
        "LocalBuiltFromPwSecret88",
        "GivenToModuleSecret99",
    ];
    for (name, text) in &outputs {
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{name} prints {secret}:\n{}",
                around(text, text.find(secret).unwrap_or(0))
            );
        }
    }
    let input = &outputs.last().expect("input").1;
    for visible in ["visible-db-name", "visible-fn", "visible-param", "child-db"] {
        assert!(
            input.contains(visible),
            "{visible} is not sensitive: {input}"
        );
    }
}

/// The instance budget names itself and how to raise it, and tfward.toml's
/// `[limits] instances` moves it (down for a tight CI job, up for a large
/// tree); a value out of range is an error at its line.
#[test]
fn hostile_instance_budget_is_named_and_raised_in_tfward_toml() {
    let t = Tree::new();
    t.file(
        "tf/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  count  = 12\n  bucket = \"b-${count.index}\"\n}\n",
    );
    let instances = |t: &Tree| {
        let out = tfward_in(t.path(), &["input", "tf"]);
        let docs = crate::support::json(&out);
        docs[0]["resources"].as_array().map_or(0, Vec::len)
    };
    t.file("tf/tfward.toml", "[limits]\ninstances = 10\n");
    assert_eq!(instances(&t), 1, "past the budget: one instance");
    let err = stderr(&tfward_in(t.path(), &["scan", "tf", "--format", "json"]));
    assert!(
        err.contains("count = 12 is past tfward's budget of 10 instances")
            && err.contains("`[limits] instances = N` in tfward.toml"),
        "{err}"
    );
    t.file("tf/tfward.toml", "[limits]\ninstances = 20\n");
    assert_eq!(instances(&t), 12);
    t.file("tf/tfward.toml", "[limits]\ninstances = 0\n");
    let out = tfward_in(t.path(), &["scan", "tf"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("limits.instances = 0 is not between 1 and 10000000"),
        "{}",
        stderr(&out)
    );
}

/// Command-line inputs are bounded too: a device given as a file is
/// refused as what it is (it was read without end, or called "no such
/// file"), and a thread count no machine has is a usage error.
#[cfg(unix)]
#[test]
fn hostile_flags_naming_devices_or_absurd_thread_counts_exit_2_saying_why() {
    let t = Tree::new();
    t.file("main.tf", PUBLIC_ACL);
    for (flag, value, says) in [
        (
            "--var-file",
            "/dev/zero",
            "--var-file /dev/zero: not a regular file",
        ),
        (
            "--plan",
            "/dev/zero",
            "--plan /dev/zero: not a regular file",
        ),
        (
            "--config",
            "/dev/zero",
            "--config /dev/zero: not a regular file",
        ),
        ("--usage", "/dev/zero", "not a regular file"),
        ("--var-file", ".", "is a directory, not a file"),
        (
            "--var-file",
            "missing.tfvars",
            "--var-file missing.tfvars: no such file",
        ),
        ("--threads", "100000", "100000 is not in 1..=1024"),
    ] {
        let out = tfward_in(t.path(), &["scan", ".", flag, value]);
        assert_eq!(code(&out), 2, "{flag} {value}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(says),
            "{flag} {value}: {}",
            stderr(&out)
        );
    }
}

/// Module fan-out: each folder calling the next one four times, ten deep,
/// is a million module instances (over 120 s and 9.7 GB, still growing).
/// Every module instance counts against the tree's instance budget, not
/// only those count and for_each make; past it, a warning names the budget
/// once and later module calls are not evaluated.
#[test]
fn hostile_module_fan_out_is_bounded_by_the_instance_budget() {
    let t = Tree::new();
    for depth in 0..=10 {
        let mut text =
            format!("resource \"aws_s3_bucket\" \"b\" {{\n  bucket = \"b{depth}\"\n}}\n");
        if depth < 10 {
            for k in 0..4 {
                text.push_str(&format!(
                    "module \"n{k}\" {{\n  source = \"../m{}\"\n}}\n",
                    depth + 1
                ));
            }
        }
        t.file(&format!("m{depth}/main.tf"), &text);
    }
    t.file("m0/tfward.toml", "[limits]\ninstances = 50\n");
    let out = tfward_in(t.path(), &["scan", "m0", "--format", "json"]);
    let report = crate::support::json(&out);
    let modules = report["summary"]["modules"].as_u64().expect("modules");
    assert!(
        (2..=50).contains(&modules),
        "{modules} modules: {}",
        report["summary"]
    );
    let warnings: Vec<&str> = report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w["message"].as_str())
        .filter(|m| m.contains("past tfward's budget of 50 resource and module instances"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("`[limits] instances = N` in tfward.toml"));
}

/// `--output` names a device or a standard stream as CI scripts do
/// (`-o /dev/stdout`, `-o /dev/null`): the report is written into it. It
/// used to be refused as a link (`/dev/stdout`), or replaced by a renamed
/// regular file, which as root turned `/dev/null` into a file for every
/// process on the machine. A link committed in the repository still is
/// refused, even to a device.
#[cfg(unix)]
#[test]
fn hostile_output_to_devices_and_streams() {
    use std::os::unix::fs::{symlink, FileTypeExt as _};
    let t = Tree::new();
    t.file("main.tf", PUBLIC_ACL);
    let out = tfward_in(
        t.path(),
        &["scan", ".", "--format", "json", "-o", "/dev/stdout"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = crate::support::json(&out);
    assert!(
        report["findings"].as_array().is_some_and(|f| !f.is_empty()),
        "{report}"
    );
    let out = tfward_in(
        t.path(),
        &["scan", ".", "--format", "sarif", "-o", "/dev/null"],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let null = std::fs::symlink_metadata("/dev/null").expect("/dev/null");
    assert!(
        null.file_type().is_char_device(),
        "/dev/null is no longer a device"
    );
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    // A report path the repository made a link to a device.
    symlink("/dev/null", t.path().join("report.json")).expect("symlink");
    let out = tfward_in(
        t.path(),
        &["scan", ".", "--format", "json", "-o", "report.json"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
}
