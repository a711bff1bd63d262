//! Every function of the library by name, with arbitrary arguments
//! (fuzz/src/values.rs): no panic, no runaway result.
#![no_main]

use std::collections::BTreeMap;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use tfward::terraform::functions::{self, FnContext};
use tfward::terraform::value::Value;
use tfward_fuzz::dict::FUNCTION_NAMES;
use tfward_fuzz::{pipeline, values};

fn call(u: &mut Unstructured<'_>) -> arbitrary::Result<()> {
    let name = *u.choose(FUNCTION_NAMES)?;
    let mut args = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        args.push(values::value(u, 3)?);
    }
    tfward_fuzz::show(&|| format!("{name}({args:?})"));
    if known_bug(name, &args) {
        return Ok(());
    }
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

/// Inputs that hit a defect already reported (fuzz/README.md), skipped so
/// the fuzzer looks for new ones. Remove an entry when its bug is fixed;
/// none is open (indent() with a huge width was the last).
fn known_bug(_name: &str, _args: &[Value]) -> bool {
    false
}

fuzz_target!(|data: &[u8]| {
    let _ = call(&mut Unstructured::new(data));
});
