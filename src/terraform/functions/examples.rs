//! The registry's examples, evaluated: every function in [`FUNCTIONS`] has
//! one, and each gives the documented result. Calls see `local.greeting_template`
//! defined, and file functions read `functions/examples/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{FnContext, FUNCTIONS};
use crate::terraform::eval::{Binding, Bindings, Eval, Op, Resolver};
use crate::terraform::value::Value;

struct ExampleResolver {
    dir: PathBuf,
}

impl Resolver for ExampleResolver {
    fn variable(&self, name: &str) -> Value {
        Value::unknown(format!("var.{name}"))
    }
    fn local(&self, name: &str) -> Value {
        match name {
            "greeting_template" => Value::from("Hello, ${name}!"),
            _ => Value::unknown(format!("local.{name}")),
        }
    }
    fn module(&self, name: &str) -> Value {
        Value::unknown(format!("module.{name}"))
    }
    fn resource(&self, _data: bool, rtype: &str, name: &str, _ops: &[Op]) -> Value {
        Value::unknown(format!("{rtype}.{name}"))
    }
    fn builtin(&self, root: &str, attr: &str) -> Value {
        Value::unknown(format!("{root}.{attr}"))
    }
    fn with_fn_context(
        &self,
        f: &mut dyn FnMut(&FnContext<'_>) -> Result<Value, String>,
    ) -> Result<Value, String> {
        let render = |text: &str, vars: &BTreeMap<String, Value>| -> Result<Value, String> {
            let template = hcl_edit::parser::parse_template(text)
                .map_err(|e| format!("the template does not parse: {}", e.message()))?;
            let b = Binding::many(vars, Bindings::EMPTY);
            Ok(Eval::new(self).template(&template, b.scope()))
        };
        f(&FnContext {
            module_dir: &self.dir,
            root_dir: &self.dir,
            render_template: &render,
        })
    }
}

fn eval(resolver: &ExampleResolver, src: &str) -> Value {
    let expr = hcl_edit::parser::parse_expr(src)
        .unwrap_or_else(|e| panic!("example {src:?} does not parse: {e}"));
    Eval::new(resolver).expr(&expr, Bindings::EMPTY)
}

#[test]
fn every_function_has_a_passing_example() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/terraform/functions/examples");
    let resolver = ExampleResolver { dir };
    let mut failures = Vec::new();
    for f in FUNCTIONS {
        let (call, expected) = f.example;
        if call.is_empty() {
            failures.push(format!("{}: no example", f.name));
            continue;
        }
        if !call.contains(&format!("{}(", f.name)) {
            failures.push(format!("{}: the example does not call it", f.name));
        }
        let got = eval(&resolver, call);
        let ok = if expected == "(unknown)" {
            got.is_unknown()
                && !got
                    .first_unknown()
                    .is_some_and(|u| u.reason().starts_with("error:"))
        } else {
            // Marks are not values: `sensitive("secret")` is "secret", marked.
            got.clone().unmark_deep().0 == eval(&resolver, expected)
        };
        if !ok {
            failures.push(format!(
                "{}: {call} gave {got:?}, expected {expected}",
                f.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_registry_is_alphabetical_and_unique() {
    let names: Vec<&str> = FUNCTIONS.iter().map(|f| f.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(names, sorted);
}
