//! The body of each fuzz target, one function per target taking the
//! fuzzer's bytes. fuzz_targets/*.rs hand them to libFuzzer; the stable
//! fuzz smoke of CI (tests/it/fuzz_smoke.rs) calls the same functions.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use arbitrary::Unstructured;
use tfward::config::Config;
use tfward::policy::metadata;
use tfward::policy::PolicySet;
use tfward::terraform::functions::{self, FnContext};
use tfward::terraform::value::Value;

use super::dict;
use super::{config_gen, hcl_gen, pipeline, plan_gen, show, values};

/// Every target, by name (the names of fuzz_targets/*.rs).
pub const ALL: [(&str, fn(&[u8])); 7] = [
    ("hcl", hcl),
    ("hcl_structured", hcl_structured),
    ("plan", plan),
    ("plan_structured", plan_structured),
    ("functions", functions),
    ("metadata", metadata),
    ("config", config),
];

/// Raw bytes as a `main.tf` (or `main.tf.json` when they start with `{`)
/// in an otherwise empty directory, scanned as `tfward scan DIR` does and
/// rendered in every format.
pub fn hcl(data: &[u8]) {
    let name = if data.first() == Some(&b'{') {
        "main.tf.json"
    } else {
        "main.tf"
    };
    pipeline::scan_dir(&[(name, data)]);
}

/// A generated project (hcl_gen): blocks, expressions, function calls and
/// modules, evaluated, and one run in four with the built-in policies.
pub fn hcl_structured(data: &[u8]) {
    let Some((mode, data)) = data.split_first() else {
        return;
    };
    let mut u = Unstructured::new(data);
    let Ok(program) = hcl_gen::program(&mut u) else {
        return;
    };
    show(&|| {
        let mut s = String::new();
        for (path, text) in &program.files {
            s.push_str(&format!("--- {path}\n{text}\n"));
        }
        s.push_str(&format!(
            "--- vars {:?}\n",
            hcl_gen::describe_inputs(&program.inputs)
        ));
        s
    });
    pipeline::scan_config(&program.files, &program.inputs, mode % 4 == 0);
}

/// Raw bytes as a plan or state file: the loader, the diff, cost and the
/// whole `tfward scan plan.json` path with every report format.
pub fn plan(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        pipeline::analyse_plan(text);
    }
    pipeline::scan_dir(&[("plan.json", data)]);
}

/// A generated plan or state document (plan_gen), compact or pretty.
pub fn plan_structured(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(doc) = plan_gen::document(&mut u) else {
        return;
    };
    let text = if u.arbitrary().unwrap_or(false) {
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    } else {
        doc.to_string()
    };
    show(&|| text.clone());
    pipeline::analyse_plan(&text);
    pipeline::scan_dir(&[("plan.json", text.as_bytes())]);
}

/// One function of src/terraform/functions.rs with arbitrary arguments.
pub fn functions(data: &[u8]) {
    let _ = call(&mut Unstructured::new(data));
}

fn call(u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
    let name = *u.choose(dict::function_names())?;
    let mut args = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        args.push(values::value(u, 3)?);
    }
    show(&|| format!("{name}({args:?})"));
    let root = pipeline::sandbox();
    let render = |template: &str, vars: &BTreeMap<String, Value>| -> Result<Value, String> {
        Ok(Value::String(format!("{template}{}", vars.len())))
    };
    let ctx = FnContext {
        module_dir: root,
        root_dir: root,
        render_template: &render,
    };
    let _ = functions::call(name, args, &ctx);
    Ok(())
}

/// A policy's METADATA block: the bytes as the block's text, and as the
/// lines of a whole policy file.
pub fn metadata(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = metadata::parse(text);
    let _ = metadata::extract_block(text);
    let _ = metadata::package_of(text);
    let _ = metadata::valid_id(text);
    let mut policy = String::from("# METADATA\n");
    for line in text.lines() {
        policy.push_str("# ");
        policy.push_str(line);
        policy.push('\n');
    }
    policy.push_str("package tfward.fuzz\n\ndeny contains x if { x := 1; false }\n");
    if let Ok(meta) = metadata::parse(&policy) {
        let _ = metadata::valid_id(&meta.id);
    }
}

fn policy_set() -> &'static PolicySet {
    static SET: OnceLock<PolicySet> = OnceLock::new();
    SET.get_or_init(|| PolicySet::embedded().expect("the embedded policies load"))
}

fn check_config(text: &str) {
    match Config::parse("tfward.toml", text, pipeline::sandbox()) {
        Ok(mut c) => {
            let _ = c.policy_data();
            if let Err(e) = c.check_ids(|id| {
                policy_set()
                    .resolve_ids(id)
                    .into_iter()
                    .map(|p| p.meta.id.clone())
                    .collect()
            }) {
                let _ = e.render();
            }
        }
        Err(e) => {
            let _ = e.render();
        }
    }
}

/// A tfward.toml: a leading NUL (never in a real one) asks for a
/// generated file (config_gen); anything else is the file's text as it is.
pub fn config(data: &[u8]) {
    match data.split_first() {
        Some((0, rest)) => {
            let mut u = Unstructured::new(rest);
            if let Ok(text) = config_gen::config(&mut u) {
                show(&|| text.clone());
                check_config(&text);
            }
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(data) {
                check_config(text);
            }
        }
    }
}
