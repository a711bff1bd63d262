//! One regorus engine holding every selected policy and library, compiled
//! once, and from it one program for regorus's virtual machine (RVM) with
//! an entry point per policy. Workers evaluate `data.<package>.deny` per
//! module on their own VM, skipping a policy when the module has none of
//! its resource types.
//!
//! The VM evaluates the library about 2.6 times faster than the tree-walking
//! interpreter (benches/eval.rs), but it is younger: regorus 0.14's VM skips
//! an `else` after a body that loops over nothing. So only the built-in
//! policies run on it, and `tfward policy test` runs every fixture on both
//! engines and fails on any disagreement, which keeps the built-in set
//! honest in CI. Users' own policies, the Rego unit tests (the VM has no
//! `with`), a set the VM compiler rejects, and a policy that errors on the
//! VM all run on the interpreter, so a VM gap never costs a finding.

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::Program;
use regorus::rvm::vm::VmError;
use regorus::rvm::RegoVM;
use regorus::utils::limits::ExecutionTimerConfig;
use regorus::Engine;

use super::{Policy, PolicyError, PolicySet};
use crate::finding::PathSegment;

/// What a policy's `deny` rule returned for one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFinding {
    /// Index into [`Compiled::policies`].
    pub policy: usize,
    pub address: String,
    pub path: Vec<PathSegment>,
    pub message: String,
    /// Optional `key`: tells apart two findings on one attribute (it goes
    /// into the fingerprint; see `finding::Identity`).
    pub key: Option<String>,
}

/// A policy that failed on one module (timeout, runtime error, bad result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub policy: usize,
    pub message: String,
}

/// The compiled policy set. Cloning is cheap (shared parts): `tfward policy test` compiles a library
/// once and evaluates one policy at a time through [`Compiled::only`].
#[derive(Clone)]
pub struct Compiled {
    engine: Engine,
    /// The VM programs (a program holds at most 256 source files, so a large
    /// library compiles to several); empty when no policy runs on the VM.
    programs: Arc<[Arc<Program>]>,
    /// Policy index -> (program, entry point), for policies on the VM.
    entry: Arc<[Option<(usize, usize)>]>,
    verify: bool,
    /// `data` as policies see it (`data.tfward.config`).
    data: regorus::Value,
    timer: ExecutionTimerConfig,
    pub policies: Arc<[Policy]>,
    types: Arc<[HashSet<String>]>,
    /// `data.<package>.deny` of each policy, built once.
    rules: Arc<[String]>,
    /// When set, only the policy at this index is evaluated.
    only: Option<usize>,
}

/// Options for compiling.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Wall-clock limit for one policy on one module.
    pub timeout: Duration,
    /// Extra data at `data.tfward.config` (required tags, budgets).
    pub config: serde_json::Value,
    pub vm: VmUse,
    /// With [`VmUse::Verify`]: the policies to run on the VM and check
    /// against the interpreter (None: all of them); the others run on the
    /// interpreter only.
    pub verify_only: Option<Vec<bool>>,
}

/// Which policies regorus's VM evaluates (the rest: the interpreter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VmUse {
    /// None.
    Off,
    /// The built-in policies, when every library module is built in (a
    /// user's lib/ module, added or replacing one, could change them).
    #[default]
    BuiltIn,
    /// Every policy, each also on the interpreter: a disagreement is an
    /// error on the module (`tfward policy test`).
    Verify,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            timeout: Duration::from_secs(5),
            config: serde_json::json!({}),
            vm: VmUse::default(),
            verify_only: None,
        }
    }
}

impl Compiled {
    /// Loads every library module and policy into one engine and prepares
    /// it, so clones evaluate without recompiling.
    pub fn new(set: &PolicySet, opts: &EngineOptions) -> Result<Compiled, PolicyError> {
        Self::build(set, opts, false)
    }

    /// Like [`Compiled::new`] but also loads the Rego unit tests.
    pub fn with_tests(set: &PolicySet, opts: &EngineOptions) -> Result<Compiled, PolicyError> {
        Self::build(set, opts, true)
    }

    fn build(set: &PolicySet, opts: &EngineOptions, tests: bool) -> Result<Compiled, PolicyError> {
        let mut engine = Engine::new();
        // Like OPA: a builtin given a value of the wrong type (a null where
        // a string was expected) makes the expression undefined, not the
        // whole policy fail on that module.
        engine.set_strict_builtin_errors(false);
        let timer = ExecutionTimerConfig {
            limit: opts.timeout,
            // Reading the clock on every step costs ~3% of a scan; every 256
            // steps is still far finer than the limit.
            check_interval: NonZeroU32::new(256).unwrap_or(NonZeroU32::MIN),
        };
        engine.set_execution_timer_config(timer);
        let test_files = if tests { set.tests.as_slice() } else { &[] };
        let files = set
            .libs
            .iter()
            .chain(set.policies.iter().map(|p| &p.file))
            .chain(test_files);
        for f in files {
            engine
                .add_policy(f.display.clone(), f.text.to_string())
                .map_err(|e| compile_error(&f.display, &e.to_string()))?;
        }
        let data = regorus::Value::from(serde_json::json!({ "tfward": { "config": opts.config } }));
        engine.add_data(data.clone()).map_err(|e| PolicyError {
            file: "<config>".into(),
            line: 0,
            message: format!("cannot pass the configuration to policies: {e}"),
        })?;
        // Evaluating once on an empty input type-checks every rule and
        // prepares the engine; clones then start prepared.
        engine.set_input(regorus::Value::from(serde_json::json!({"resources": []})));
        for p in &set.policies {
            let value = engine
                .eval_rule(p.deny_rule())
                .map_err(|e| compile_error(&p.file.display, &e.to_string()))?;
            if value == regorus::Value::Undefined {
                return Err(PolicyError {
                    file: p.file.display.clone(),
                    line: 1,
                    message: format!("package {} declares no `deny` rule", p.package),
                });
            }
        }
        let rules: Vec<String> = set.policies.iter().map(Policy::deny_rule).collect();
        let builtin_libs = set.libs.iter().all(|l| l.display.starts_with("<embedded>"));
        let on_vm: Vec<usize> = (0..rules.len())
            .filter(|&i| match opts.vm {
                VmUse::Off => false,
                VmUse::BuiltIn => builtin_libs && set.policies[i].embedded,
                VmUse::Verify => opts
                    .verify_only
                    .as_ref()
                    .is_none_or(|mask| mask.get(i).copied().unwrap_or(false)),
            })
            .collect();
        let (programs, entry) = vm_programs(set, &rules, &on_vm, &data);
        Ok(Compiled {
            engine,
            programs: programs.into(),
            entry: entry.into(),
            verify: opts.vm == VmUse::Verify,
            data,
            timer,
            types: set
                .policies
                .iter()
                .map(|p| p.meta.resource_types.iter().cloned().collect())
                .collect(),
            rules: rules.into(),
            policies: set.policies.clone().into(),
            only: None,
        })
    }

    /// The same compiled set, evaluating only the policy at index `i`.
    pub fn only(&self, i: usize) -> Compiled {
        Compiled {
            only: Some(i),
            ..self.clone()
        }
    }

    /// Whether the policy at index `i` is evaluated.
    pub fn is_enabled(&self, i: usize) -> bool {
        self.only.is_none_or(|only| only == i)
    }

    /// Whether any policy runs on the VM (false: all on the interpreter).
    pub fn uses_vm(&self) -> bool {
        !self.programs.is_empty()
    }

    /// How many policies run on the VM.
    pub fn policies_on_vm(&self) -> usize {
        self.entry.iter().filter(|e| e.is_some()).count()
    }

    /// A worker's own evaluator.
    pub fn worker(&self) -> Worker {
        Worker {
            engine: self.engine.clone(),
            vms: (0..self.programs.len()).map(|_| None).collect(),
        }
    }

    /// The worker's VM for program `p`, made on first use, with `input`.
    fn vm<'w>(
        &self,
        worker: &'w mut Worker,
        p: usize,
        input: &regorus::Value,
    ) -> Option<&'w mut RegoVM> {
        let slot = worker.vms.get_mut(p)?;
        if slot.is_none() {
            let mut vm = RegoVM::new();
            vm.load_program(Arc::clone(&self.programs[p]));
            vm.set_data(self.data.clone()).ok()?;
            // Like the interpreter (see `build`): a builtin given the wrong
            // type makes the expression undefined.
            vm.set_strict_builtin_errors(false);
            // The time limit bounds a runaway policy; the VM's own
            // instruction cap (25,000 by default) would stop legitimate
            // policies on large modules.
            vm.set_max_instructions(usize::MAX);
            vm.set_execution_timer_config(Some(self.timer));
            *slot = Some((vm, false));
        }
        let (vm, has_input) = slot.as_mut()?;
        if !*has_input {
            vm.set_input(input.clone());
            *has_input = true;
        }
        Some(vm)
    }

    /// Evaluates every applicable policy on one input document.
    /// Evaluates every applicable policy on one input document. The
    /// document is built only when some policy applies.
    pub fn evaluate(
        &self,
        worker: &mut Worker,
        input: impl FnOnce() -> regorus::Value,
        types: &HashSet<&str>,
    ) -> (Vec<RawFinding>, Vec<EvalError>) {
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        let mut input = Some(input);
        // Each engine gets the document the first time it needs it.
        let mut document: Option<regorus::Value> = None;
        let mut interpreter_ready = false;
        for vm in worker.vms.iter_mut().flatten() {
            vm.1 = false;
        }
        for i in 0..self.policies.len() {
            if !self.is_enabled(i) || !self.types[i].iter().any(|t| types.contains(t.as_str())) {
                continue;
            }
            if let Some(make) = input.take() {
                document = Some(make());
            }
            let Some(doc) = document.as_ref() else {
                continue;
            };
            let mut interpret = |worker: &mut Worker| {
                if !interpreter_ready {
                    worker.engine.set_input(doc.clone());
                    interpreter_ready = true;
                }
                worker
                    .engine
                    .eval_rule(self.rules[i].clone())
                    .map_err(|e| e.to_string())
            };
            let on_vm = self.entry[i].and_then(|(p, e)| Some((e, self.vm(worker, p, doc)?)));
            let result = match on_vm {
                Some((e, vm)) => match vm.execute_entry_point_by_index(e) {
                    Ok(value) if self.verify => {
                        let interpreted = interpret(worker);
                        if interpreted.as_ref().is_ok_and(|v| *v != value) {
                            errors.push(EvalError {
                                policy: i,
                                message: format!(
                                    "regorus's VM and interpreter disagree: the VM gives {value}, the interpreter {}; \
                                     built-in policies run on the VM, so rewrite the rule (policies/README.md, \"Which engine runs a policy\")",
                                    interpreted.as_ref().map(ToString::to_string).unwrap_or_default()
                                ),
                            });
                        }
                        interpreted
                    }
                    Ok(value) => Ok(value),
                    Err(e @ VmError::TimeLimitExceeded { .. }) => Err(e.to_string()),
                    // Anything else is a gap in the VM: the interpreter,
                    // which runs every Rego construct, has the last word.
                    Err(_) => interpret(worker),
                },
                None => interpret(worker),
            };
            match result {
                Ok(value) => collect(i, &value, &mut findings, &mut errors),
                Err(message) => errors.push(EvalError {
                    policy: i,
                    message: first_line(&message),
                }),
            }
        }
        (findings, errors)
    }

    /// Evaluates one query on the interpreter (Rego unit tests, which may
    /// use `with`).
    pub fn eval_rule(&self, worker: &mut Worker, rule: &str) -> Result<regorus::Value, String> {
        worker
            .engine
            .eval_rule(rule.to_owned())
            .map_err(|e| e.to_string())
    }
}

/// One worker's evaluators: its VM (when the set compiled to one) and its
/// clone of the interpreter.
pub struct Worker {
    engine: Engine,
    /// One VM per program, made on first use; the flag says whether it has
    /// the current document.
    vms: Vec<Option<(RegoVM, bool)>>,
}

/// Compiles the `deny` rules of the policies in `on_vm` for the VM, as few
/// programs as the VM's limits allow (256 source files, 65,535 instructions
/// per program): each program is an engine of its own holding the libraries
/// and a share of the policies. A share the VM compiler rejects is split in
/// two until the policy it rejects stands alone; that one runs on the
/// interpreter (a user's policy may use a construct the VM lacks).
/// Returns the programs and, per policy, its (program, entry point).
fn vm_programs(
    set: &PolicySet,
    rules: &[String],
    on_vm: &[usize],
    data: &regorus::Value,
) -> (Vec<Arc<Program>>, Vec<Option<(usize, usize)>>) {
    let mut programs = Vec::new();
    let mut entry = vec![None; rules.len()];
    let share = Program::MAX_SOURCES
        .saturating_sub(set.libs.len() + 8)
        .max(1);
    let mut pending: Vec<&[usize]> = on_vm.chunks(share).collect();
    while let Some(chunk) = pending.pop() {
        match compile_share(set, rules, chunk, data) {
            Some(program) => {
                let p = programs.len();
                for (e, &i) in chunk.iter().enumerate() {
                    entry[i] = Some((p, e));
                }
                programs.push(program);
            }
            None if chunk.len() > 1 => {
                let (a, b) = chunk.split_at(chunk.len() / 2);
                pending.push(a);
                pending.push(b);
            }
            None => {}
        }
    }
    (programs, entry)
}

/// One program for the policies at `chunk` (with every library), its entry
/// points in `chunk`'s order; None when the VM compiler rejects it.
fn compile_share(
    set: &PolicySet,
    rules: &[String],
    chunk: &[usize],
    data: &regorus::Value,
) -> Option<Arc<Program>> {
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(false);
    for f in set
        .libs
        .iter()
        .chain(chunk.iter().map(|&i| &set.policies[i].file))
    {
        engine
            .add_policy(f.display.clone(), f.text.to_string())
            .ok()?;
    }
    engine.add_data(data.clone()).ok()?;
    let entry_points: Vec<&str> = chunk.iter().map(|&i| rules[i].as_str()).collect();
    let first: regorus::Rc<str> = (*entry_points.first()?).into();
    let compiled = engine.compile_with_entrypoint(&first).ok()?;
    let program = Compiler::compile_from_policy(&compiled, &entry_points).ok()?;
    let in_order = program.entry_points.len() == entry_points.len()
        && program
            .entry_points
            .keys()
            .zip(&entry_points)
            .all(|(name, rule)| name == rule);
    in_order.then_some(program)
}

fn compile_error(file: &str, message: &str) -> PolicyError {
    // regorus messages look like "path:line:col: error: ..." followed by a
    // snippet; keep the line number when there is one.
    let line = message
        .strip_prefix(file)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(1);
    PolicyError {
        file: file.to_owned(),
        line,
        message: format!("the policy does not compile: {}", message.trim()),
    }
}

/// regorus errors span several lines (location, snippet, message); keep
/// the meaningful ones on one line.
fn first_line(s: &str) -> String {
    let parts: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    parts.join(" ")
}

/// Reads a `deny` result: a set (or array) of objects with address, path, msg.
fn collect(
    policy: usize,
    value: &regorus::Value,
    findings: &mut Vec<RawFinding>,
    errors: &mut Vec<EvalError>,
) {
    let items: Vec<&regorus::Value> = match value {
        regorus::Value::Set(s) => s.iter().collect(),
        regorus::Value::Array(a) => a.iter().collect(),
        regorus::Value::Undefined => return,
        _ => {
            errors.push(EvalError {
                policy,
                message: "`deny` must be a set of {\"address\", \"path\", \"msg\"} objects".into(),
            });
            return;
        }
    };
    for item in items {
        match finding_of(item) {
            Some((address, path, message, key)) => findings.push(RawFinding {
                policy,
                address,
                path,
                message,
                key,
            }),
            None => errors.push(EvalError {
                policy,
                message: format!("`deny` returned {item}, which is not an object with \"address\" and \"msg\" strings"),
            }),
        }
    }
}

/// A `deny` object: address, path, msg and the optional key.
type FindingParts = (String, Vec<PathSegment>, String, Option<String>);

fn finding_of(item: &regorus::Value) -> Option<FindingParts> {
    let regorus::Value::Object(obj) = item else {
        return None;
    };
    let get = |k: &str| obj.get(&regorus::Value::from(k));
    let address = get("address")?.as_string().ok()?.to_string();
    let message = match get("msg") {
        Some(m) => m.as_string().ok()?.to_string(),
        None => return None,
    };
    let mut path = Vec::new();
    if let Some(regorus::Value::Array(items)) = get("path") {
        for seg in items.iter() {
            match seg {
                regorus::Value::String(s) => path.push(PathSegment::Key(s.to_string())),
                regorus::Value::Number(n) => path.push(PathSegment::Index(n.as_u64()?)),
                _ => return None,
            }
        }
    }
    let key = match get("key") {
        None | Some(regorus::Value::Null) => None,
        Some(regorus::Value::String(s)) => Some(s.to_string()),
        Some(other) => Some(other.to_string()),
    };
    Some((address, path, message, key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::RegoFile;

    /// A policy whose `where` function takes an `else` after a loop that
    /// finds nothing: the shape regorus 0.14's VM gets wrong.
    const ELSE_AFTER_LOOP: &str = r#"# METADATA
# title: Bucket without a logs tag
# description: test policy
# custom:
#   id: TFW-TST-0001
#   severity: LOW
#   category: compliance
#   resource_types: [aws_s3_bucket]
#   remediation: add one
package tfward.test.else_after_loop

import rego.v1

deny contains {"address": r.address, "path": where(r), "msg": "no logs tag"} if {
	some r in input.resources
	not r.values.tags.logs
}

where(r) := ["tags", k] if {
	some k, _ in r.values.tags
	k == "log"
} else := ["tags"]
"#;

    const EVERY_BUCKET: &str = r#"# METADATA
# title: Every bucket
# description: test policy
# custom:
#   id: TFW-TST-0003
#   severity: LOW
#   category: compliance
#   resource_types: [aws_s3_bucket]
#   remediation: none
package tfward.test.every_bucket

import rego.v1

deny contains {"address": r.address, "path": [], "msg": "a bucket"} if {
	some r in input.resources
}
"#;

    const RUNAWAY: &str = r#"# METADATA
# title: Runaway
# description: test policy that never finishes
# custom:
#   id: TFW-TST-0002
#   severity: LOW
#   category: compliance
#   resource_types: [aws_s3_bucket]
#   remediation: none
package tfward.test.runaway

import rego.v1

deny contains {"address": r.address, "path": [], "msg": sprintf("%d", [n])} if {
	some r in input.resources
	some i in numbers.range(1, 20000)
	some j in numbers.range(1, 20000)
	n := i * j
	n < 0
}
"#;

    fn set(policies: &[(&str, &str)], embedded: bool) -> PolicySet {
        let files = policies
            .iter()
            .map(|(rel, text)| RegoFile {
                display: format!("<embedded>/{rel}"),
                rel: (*rel).to_owned(),
                text: Arc::from(*text),
            })
            .collect();
        PolicySet::from_files(files, None, embedded).expect("test policies load")
    }

    fn bucket() -> regorus::Value {
        regorus::Value::from(serde_json::json!({
            "resources": [{"address": "aws_s3_bucket.b", "type": "aws_s3_bucket",
                           "mode": "managed", "values": {"tags": {}}, "unknown": []}],
            "module_calls": [], "providers": []
        }))
    }

    fn run(compiled: &Compiled) -> (Vec<RawFinding>, Vec<EvalError>) {
        let types: HashSet<&str> = ["aws_s3_bucket", "terraform"].into_iter().collect();
        compiled.evaluate(&mut compiled.worker(), bucket, &types)
    }

    fn opts(vm: VmUse) -> EngineOptions {
        EngineOptions {
            vm,
            ..EngineOptions::default()
        }
    }

    /// Built-in policies run on the VM, and the VM really does lose this
    /// finding (its `where` is undefined). When a regorus release fixes
    /// that, this test fails: then the caveat in the module docs can go.
    #[test]
    fn builtin_policies_run_on_the_vm_which_mishandles_else_after_an_empty_loop() {
        let builtin = set(&[("t/policy.rego", ELSE_AFTER_LOOP)], true);
        let compiled = Compiled::new(&builtin, &opts(VmUse::BuiltIn)).expect("compiles");
        assert!(compiled.uses_vm());
        let (findings, errors) = run(&compiled);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn users_policies_run_on_the_interpreter() {
        let user = set(&[("t/policy.rego", ELSE_AFTER_LOOP)], false);
        let compiled = Compiled::new(&user, &opts(VmUse::BuiltIn)).expect("compiles");
        assert!(!compiled.uses_vm());
        let (findings, errors) = run(&compiled);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path, vec![PathSegment::Key("tags".into())]);
    }

    #[test]
    fn verify_reports_a_disagreement_and_keeps_the_interpreters_answer() {
        let builtin = set(&[("t/policy.rego", ELSE_AFTER_LOOP)], true);
        let compiled = Compiled::new(&builtin, &opts(VmUse::Verify)).expect("compiles");
        let (findings, errors) = run(&compiled);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].message.contains("VM and interpreter disagree"),
            "{}",
            errors[0].message
        );
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].path, vec![PathSegment::Key("tags".into())]);
    }

    #[test]
    fn a_runaway_policy_is_stopped_on_either_engine_and_the_others_still_report() {
        for vm in [VmUse::BuiltIn, VmUse::Off] {
            let builtin = set(
                &[("a/policy.rego", EVERY_BUCKET), ("b/policy.rego", RUNAWAY)],
                true,
            );
            let options = EngineOptions {
                timeout: Duration::from_millis(200),
                ..opts(vm)
            };
            let compiled = Compiled::new(&builtin, &options).expect("compiles");
            let (findings, errors) = run(&compiled);
            assert_eq!(compiled.uses_vm(), vm == VmUse::BuiltIn);
            assert_eq!(errors.len(), 1, "{vm:?}: {errors:?}");
            assert_eq!(compiled.policies[errors[0].policy].meta.id, "TFW-TST-0002");
            assert!(
                errors[0].message.contains("time limit"),
                "{vm:?}: {}",
                errors[0].message
            );
            assert_eq!(findings.len(), 1, "{vm:?}");
        }
    }
}
