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
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use regorus::rvm::program::Program;
use regorus::rvm::vm::VmError;
use regorus::rvm::RegoVM;
use regorus::utils::limits::ExecutionTimerConfig;
use regorus::Engine;

use super::{prebuilt, Policy, PolicyError, PolicySet, RegoFile};
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
    /// The interpreter, with every library and policy (and the Rego unit
    /// tests for `tfward policy test`), made on first need: a scan whose
    /// policies all run on the built-in programs never needs it.
    interpreter: Arc<Interpreter>,
    /// The VM programs (a program holds at most 256 source files, so a large
    /// library compiles to several); empty when no policy runs on the VM.
    programs: Arc<[Arc<Program>]>,
    /// Policy index -> (program, entry point), for policies on the VM.
    entry: Arc<[Option<(usize, usize)>]>,
    /// The shared library rules ([`prebuilt::SHARED`]) found in the
    /// programs: (key in `input.memo`, program, entry point).
    shared: Arc<[(&'static str, usize, usize)]>,
    /// Per policy: whether it may read a shared rule (it imports the
    /// library that defines them), so the document gets `memo` first.
    reads_shared: Arc<[bool]>,
    verify: bool,
    /// `data` as policies see it (`data.tfward.config`).
    data: regorus::Value,
    timer: ExecutionTimerConfig,
    pub policies: Arc<[Policy]>,
    /// Resource type -> the policies (indices, ascending) that name it: a
    /// document is matched against its own types, not every policy's.
    by_type: Arc<std::collections::HashMap<String, Vec<usize>>>,
    /// Per policy: whether it gets the redacted document (a user's policy
    /// that does not declare `raw_sensitive`).
    redacted: Arc<[bool]>,
    rules: Arc<[String]>,
    /// When set, only the policy at this index is evaluated.
    only: Option<usize>,
    /// The conftest packages, in an engine of their own (run per plan).
    conftest: Arc<super::conftest::Engine>,
    /// Tells compiled sets apart for the per-thread worker cache (clones,
    /// which share everything, share it).
    id: usize,
}

/// The interpreter's inputs and, once made, the interpreter.
struct Interpreter {
    files: Vec<RegoFile>,
    rules: Vec<(String, String)>,
    data: regorus::Value,
    timer: ExecutionTimerConfig,
    engine: OnceLock<Result<Engine, PolicyError>>,
}

impl Interpreter {
    fn get(&self) -> &Result<Engine, PolicyError> {
        self.engine.get_or_init(|| self.build())
    }

    /// Loads every file, passes the configuration, and evaluates each
    /// policy's `deny` once on an empty input: that type-checks every rule
    /// and prepares the engine, so workers' clones start prepared.
    fn build(&self) -> Result<Engine, PolicyError> {
        let mut engine = Engine::new();
        // Like OPA: a builtin given a value of the wrong type (a null where
        // a string was expected) makes the expression undefined, not the
        // whole policy fail on that module.
        engine.set_strict_builtin_errors(false);
        engine.set_execution_timer_config(self.timer);
        super::bounds::install(&mut engine).map_err(|e| PolicyError {
            file: "<engine>".into(),
            line: 0,
            message: format!("cannot bound the builtins: {e}"),
        })?;
        for f in &self.files {
            engine
                .add_policy(f.display.clone(), f.text.to_string())
                .map_err(|e| compile_error(&f.display, &e.to_string()))?;
        }
        engine
            .add_data(self.data.clone())
            .map_err(|e| PolicyError {
                file: "<config>".into(),
                line: 0,
                message: format!("cannot pass the configuration to policies: {e}"),
            })?;
        engine.set_input(regorus::Value::from(serde_json::json!({"resources": []})));
        for (file, rule) in &self.rules {
            let value = engine
                .eval_rule(rule.clone())
                .map_err(|e| compile_error(file, &e.to_string()))?;
            if value == regorus::Value::Undefined {
                return Err(PolicyError {
                    file: file.clone(),
                    line: 1,
                    message: format!(
                        "package {} declares no `deny` rule",
                        rule.trim_start_matches("data.").trim_end_matches(".deny")
                    ),
                });
            }
        }
        Ok(engine)
    }
}

/// With TFWARD_PROFILE set: the time each policy took, summed over every
/// module and thread (nanoseconds), for [`Compiled::report_profile`].
fn policy_profile(n: usize) -> Option<&'static [std::sync::atomic::AtomicU64]> {
    static TOTALS: OnceLock<Option<Vec<std::sync::atomic::AtomicU64>>> = OnceLock::new();
    TOTALS
        .get_or_init(|| {
            // Two more, last: the shared rules' time and the documents they
            // were evaluated on (`add_memo`).
            std::env::var_os("TFWARD_PROFILE").map(|_| {
                (0..n + 2)
                    .map(|_| std::sync::atomic::AtomicU64::new(0))
                    .collect()
            })
        })
        .as_deref()
}

/// Policy time (nanoseconds) per document (module path and address).
type DocumentTimes = std::sync::Mutex<Vec<(u64, String)>>;

/// With TFWARD_PROFILE set: each document's policy time, for the slowest
/// documents in [`Compiled::report_profile`].
pub(crate) fn document_profile() -> Option<&'static DocumentTimes> {
    static DOCUMENTS: OnceLock<Option<DocumentTimes>> = OnceLock::new();
    DOCUMENTS
        .get_or_init(|| {
            std::env::var_os("TFWARD_PROFILE").map(|_| std::sync::Mutex::new(Vec::new()))
        })
        .as_ref()
}

/// The built-in policies as build.rs compiled them for the VM, read once.
fn builtin_programs() -> Option<&'static prebuilt::Decoded> {
    static DECODED: OnceLock<Option<prebuilt::Decoded>> = OnceLock::new();
    DECODED
        .get_or_init(|| prebuilt::decode(super::embedded_programs()))
        .as_ref()
}

/// Ids for [`Compiled::id`].
static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

thread_local! {
    /// Each thread's worker for the compiled set it used last: making one
    /// clones the interpreter, whose per-expression tables are megabytes for
    /// the whole library, so `tfward policy test`'s thousands of fixture
    /// scans (and a scan's many rayon jobs) reuse it. A stack: a job that
    /// waits for others (a large document's policies, split across the
    /// workers) may run one of them on its own thread, with a second worker.
    static WORKER: std::cell::RefCell<Vec<(usize, Worker)>> = const { std::cell::RefCell::new(Vec::new()) };
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
        let timer = ExecutionTimerConfig {
            limit: opts.timeout,
            // Reading the clock on every step costs ~3% of a scan; every 256
            // steps is still far finer than the limit.
            check_interval: NonZeroU32::new(256).unwrap_or(NonZeroU32::MIN),
        };
        let data = regorus::Value::from(serde_json::json!({ "tfward": { "config": opts.config } }));
        let rules: Vec<String> = set.policies.iter().map(Policy::deny_rule).collect();
        let builtin_libs = set.libs.iter().all(|l| l.display.starts_with("<embedded>"));
        let on_vm: Vec<usize> = (0..rules.len())
            .filter(|&i| !set.policies[i].is_conftest())
            .filter(|&i| match opts.vm {
                VmUse::Off => false,
                VmUse::BuiltIn => builtin_libs && set.policies[i].embedded,
                VmUse::Verify => opts
                    .verify_only
                    .as_ref()
                    .is_none_or(|mask| mask.get(i).copied().unwrap_or(false)),
            })
            .collect();
        let prebuilt = match opts.vm {
            VmUse::BuiltIn if libs_are_builtin(set) => builtin_programs(),
            _ => None,
        };
        let (programs, entry, shared) = match prebuilt {
            // The programs hold every built-in policy: each policy finds
            // its entry by rule, when its text is the one built in.
            Some(built) => {
                let by_rule: std::collections::HashMap<&str, (usize, usize)> = built
                    .entries
                    .iter()
                    .map(|(rule, p, e)| (rule.as_str(), (*p, *e)))
                    .collect();
                let mut entry = vec![None; rules.len()];
                for &i in &on_vm {
                    if is_builtin_text(&set.policies[i].file) {
                        entry[i] = by_rule.get(rules[i].as_str()).copied();
                    }
                }
                let shared = prebuilt::SHARED
                    .iter()
                    .filter_map(|(key, rule)| by_rule.get(rule).map(|&(p, e)| (*key, p, e)))
                    .collect();
                (built.programs.clone(), entry, shared)
            }
            None => {
                fn source(f: &RegoFile) -> prebuilt::Source<'_> {
                    prebuilt::Source {
                        name: &f.display,
                        text: &f.text,
                    }
                }
                let libs: Vec<prebuilt::Source<'_>> = set.libs.iter().map(source).collect();
                let policies: Vec<prebuilt::Source<'_>> =
                    set.policies.iter().map(|p| source(&p.file)).collect();
                let (mut programs, entry) =
                    prebuilt::compile(&libs, &policies, &rules, &on_vm, &data);
                // `--vm verify` compares the engines on each policy's own
                // evaluation, shared rules included: no memo there.
                let shared = match opts.vm {
                    VmUse::BuiltIn if !on_vm.is_empty() => {
                        prebuilt::add_shared(&libs, &data, &mut programs)
                    }
                    _ => None,
                };
                let shared = shared.map_or_else(Vec::new, |p| {
                    (prebuilt::SHARED.iter().enumerate())
                        .map(|(e, (key, _))| (*key, p, e))
                        .collect()
                });
                (programs, entry, shared)
            }
        };
        let test_files = if tests { set.tests.as_slice() } else { &[] };
        let tfward_policies = || set.policies.iter().filter(|p| !p.is_conftest());
        let interpreter = Interpreter {
            files: set
                .libs
                .iter()
                .chain(tfward_policies().map(|p| &p.file))
                .chain(test_files)
                .cloned()
                .collect(),
            rules: set
                .policies
                .iter()
                .zip(&rules)
                .filter(|(p, _)| !p.is_conftest())
                .map(|(p, r)| (p.file.display.clone(), r.clone()))
                .collect(),
            data: data.clone(),
            timer,
            engine: OnceLock::new(),
        };
        // A policy off the VM (a user's, or one the VM compiler rejects),
        // the Rego tests and `--vm` verification all need the interpreter:
        // make it now, so a policy that does not compile stops the run
        // before any scan.
        let off_vm = entry
            .iter()
            .zip(&set.policies)
            .any(|(e, p)| e.is_none() && !p.is_conftest());
        if tests || opts.vm == VmUse::Verify || off_vm {
            if let Err(e) = interpreter.get() {
                return Err(e.clone());
            }
        }
        let conftest = Arc::new(super::conftest::Engine::build(
            &set.policies,
            &set.libs,
            timer,
            &data,
        ));
        Ok(Compiled {
            interpreter: Arc::new(interpreter),
            programs: programs.into(),
            entry: entry.into(),
            shared: shared.into(),
            reads_shared: set
                .policies
                .iter()
                .map(|p| {
                    prebuilt::SHARED.iter().any(|(_, rule)| {
                        rule.rsplit_once('.')
                            .is_some_and(|(package, _)| p.file.text.contains(package))
                    })
                })
                .collect(),
            verify: opts.vm == VmUse::Verify,
            data,
            timer,
            by_type: {
                let mut by_type: std::collections::HashMap<String, Vec<usize>> = Default::default();
                for (i, p) in set.policies.iter().enumerate() {
                    for t in &p.meta.resource_types {
                        let policies = by_type.entry(t.clone()).or_default();
                        if policies.last() != Some(&i) {
                            policies.push(i);
                        }
                    }
                }
                Arc::new(by_type)
            },
            redacted: set
                .policies
                .iter()
                .map(|p| !p.embedded && !p.meta.raw_sensitive)
                .collect(),
            rules: rules.into(),
            policies: set.policies.clone().into(),
            only: None,
            conftest,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// The same compiled set, evaluating only the policy at index `i`.
    pub fn only(&self, i: usize) -> Compiled {
        Compiled {
            only: Some(i),
            ..self.clone()
        }
    }

    /// Whether some policy gets the redacted document (see
    /// [`Compiled::evaluate_redacting`]).
    pub fn redacted_wanted(&self) -> bool {
        self.redacted.iter().any(|r| *r)
    }

    /// Whether the policy at index `i` is evaluated.
    pub fn is_enabled(&self, i: usize) -> bool {
        self.only.is_none_or(|only| only == i)
    }

    /// The conftest packages' engine.
    pub fn conftest(&self) -> &super::conftest::Engine {
        &self.conftest
    }

    /// Whether any policy runs on the VM (false: all on the interpreter).
    pub fn uses_vm(&self) -> bool {
        !self.programs.is_empty()
    }

    /// With TFWARD_PROFILE set, prints the slowest policies of the run.
    pub fn report_profile(&self) {
        let Some(profile) = policy_profile(self.policies.len()) else {
            return;
        };
        let memo_documents = profile
            .get(self.policies.len() + 1)
            .map_or(0, |c| c.load(std::sync::atomic::Ordering::Relaxed));
        let mut times: Vec<(u64, usize)> = profile[..=self.policies.len()]
            .iter()
            .enumerate()
            .map(|(i, t)| (t.load(std::sync::atomic::Ordering::Relaxed), i))
            .collect();
        let total: u64 = times.iter().map(|t| t.0).sum();
        times.sort_unstable_by(|a, b| b.cmp(a));
        crate::progress::report_timing(&format!(
            "policies: {:?} in all",
            Duration::from_nanos(total)
        ));
        // The VM clears a cache slot per rule of the program at every
        // evaluation: the programs' sizes are part of each policy's cost.
        let rules: Vec<usize> = self.programs.iter().map(|p| p.rule_infos.len()).collect();
        crate::progress::report_timing(&format!(
            "VM programs: {}, rules in each: {rules:?}",
            rules.len()
        ));
        for (nanos, i) in times.iter().take(15).filter(|t| t.0 > 0) {
            if *i == self.policies.len() {
                crate::progress::report_timing(&format!(
                    "  {:?} shared library rules (input.memo), on {memo_documents} documents",
                    Duration::from_nanos(*nanos)
                ));
            } else if let Some(p) = self.policies.get(*i) {
                crate::progress::report_timing(&format!(
                    "  {:?} {} {}",
                    Duration::from_nanos(*nanos),
                    p.meta.id,
                    p.package
                ));
            }
        }
        if let Some(documents) = document_profile() {
            let mut documents = documents.lock().unwrap_or_else(|e| e.into_inner()).clone();
            documents.sort_unstable_by(|a, b| b.cmp(a));
            crate::progress::report_timing("slowest documents (every policy):");
            for (nanos, module) in documents.iter().take(10) {
                crate::progress::report_timing(&format!(
                    "  {:?} {module}",
                    Duration::from_nanos(*nanos)
                ));
            }
        }
    }

    /// How many policies run on the VM.
    pub fn policies_on_vm(&self) -> usize {
        self.entry.iter().filter(|e| e.is_some()).count()
    }

    /// A worker's own evaluator.
    pub fn worker(&self) -> Worker {
        Worker {
            engine: None,
            vms: (0..self.programs.len()).map(|_| None).collect(),
        }
    }

    /// Runs `f` with this thread's worker for this set, made on first use
    /// and kept for the next call on the same thread.
    pub fn with_worker<R>(&self, f: impl FnOnce(&mut Worker) -> R) -> R {
        let cached = WORKER.with(|w| {
            let mut stack = w.borrow_mut();
            // Another set's workers are of no use here.
            stack.retain(|(id, _)| *id == self.id);
            stack.pop()
        });
        let mut worker = match cached {
            Some((_, w)) => w,
            None => self.worker(),
        };
        let r = f(&mut worker);
        WORKER.with(|w| w.borrow_mut().push((self.id, worker)));
        r
    }

    /// The worker's interpreter, cloned from the compiled one on first use.
    fn interpreter<'w>(&self, worker: &'w mut Worker) -> Result<&'w mut Engine, String> {
        if worker.engine.is_none() {
            let engine = self
                .interpreter
                .get()
                .as_ref()
                .map_err(ToString::to_string)?;
            worker.engine = Some(engine.clone());
        }
        worker
            .engine
            .as_mut()
            .ok_or_else(|| "no interpreter".to_owned())
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

    /// Evaluates every applicable policy on one input document. The
    /// document is built only when some policy applies.
    pub fn evaluate(
        &self,
        worker: &mut Worker,
        input: impl FnOnce() -> regorus::Value,
        types: &HashSet<&str>,
    ) -> (Vec<RawFinding>, Vec<EvalError>) {
        self.evaluate_redacting(worker, input, None::<fn() -> regorus::Value>, types, false)
    }

    /// Like [`Compiled::evaluate`], with the document users' policies see
    /// (sensitive values replaced by "(sensitive)"): built-in policies and
    /// those that declare `raw_sensitive` get `input`, the others
    /// `redacted` (built only when one of them applies). Without
    /// `redacted` every policy gets `input`. With `split` (a large
    /// document) and neither `redacted` nor `--vm verify`, the policies are
    /// shared among the workers (`evaluate_split`); the
    /// result is the same.
    pub fn evaluate_redacting(
        &self,
        worker: &mut Worker,
        input: impl FnOnce() -> regorus::Value,
        redacted: Option<impl FnOnce() -> regorus::Value>,
        types: &HashSet<&str>,
        split: bool,
    ) -> (Vec<RawFinding>, Vec<EvalError>) {
        if split && redacted.is_none() && !self.verify {
            return self.evaluate_split(worker, input(), types);
        }
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        let mut input = Some(input);
        let mut redacted = redacted;
        let has_redacted = redacted.is_some();
        // Each engine gets the document the first time it needs it.
        let mut document: Option<regorus::Value> = None;
        let mut redacted_document: Option<regorus::Value> = None;
        // Which document the interpreter holds (true: the redacted one).
        let mut interpreter_holds: Option<bool> = None;
        for vm in worker.vms.iter_mut().flatten() {
            vm.1 = false;
        }
        let profile = policy_profile(self.policies.len());
        // The shared rules are evaluated when the first policy on the VM
        // that may read them comes up (never, for most documents).
        let mut memo_added = self.shared.is_empty();
        for (i, applies) in self.applies(types).into_iter().enumerate() {
            if !applies || !self.is_enabled(i) {
                continue;
            }
            let mut started = profile.map(|_| std::time::Instant::now());
            let wants_redacted = has_redacted && self.redacted.get(i).copied().unwrap_or(true);
            if wants_redacted {
                if let Some(make) = redacted.take() {
                    redacted_document = Some(make());
                }
            } else if let Some(make) = input.take() {
                document = Some(make());
            }
            if !wants_redacted && !memo_added && self.reads_shared[i] && self.entry[i].is_some() {
                if let Some(doc) = document.as_mut() {
                    let took = self.add_memo_profiled(worker, doc);
                    // Counted apart, not as the policy that came first.
                    if let Some(started) = started.as_mut() {
                        *started += took;
                    }
                    // The interpreter holds the document without it.
                    if interpreter_holds == Some(false) {
                        interpreter_holds = None;
                    }
                }
                memo_added = true;
            }
            let doc = if wants_redacted {
                redacted_document.as_ref()
            } else {
                document.as_ref()
            };
            let Some(doc) = doc else {
                continue;
            };
            if wants_redacted {
                // A VM (`--vm verify`) holding the document gets the
                // redacted one for this policy, and the other one back
                // after.
                if let Some((p, _)) = self.entry[i] {
                    if let Some(Some(slot)) = worker.vms.get_mut(p) {
                        slot.1 = false;
                    }
                }
            }
            let result = self.run_one(
                worker,
                i,
                doc,
                wants_redacted,
                &mut interpreter_holds,
                &mut errors,
            );
            if wants_redacted {
                if let Some((p, _)) = self.entry[i] {
                    if let Some(Some(slot)) = worker.vms.get_mut(p) {
                        slot.1 = false;
                    }
                }
            }
            self.record(i, result, started, &mut findings, &mut errors);
        }
        (findings, errors)
    }

    /// Files policy `i`'s result (its findings, or its error) and adds the
    /// time since `started` to its profile total.
    fn record(
        &self,
        i: usize,
        result: Result<regorus::Value, String>,
        started: Option<std::time::Instant>,
        findings: &mut Vec<RawFinding>,
        errors: &mut Vec<EvalError>,
    ) {
        match result {
            Ok(value) => collect(i, &value, findings, errors),
            Err(message) => errors.push(EvalError {
                policy: i,
                message: first_line(&message),
            }),
        }
        let profile = policy_profile(self.policies.len());
        if let (Some(profile), Some(started)) = (profile, started) {
            if let Some(total) = profile.get(i) {
                let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
                total.fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }

    /// Runs policy `i` on `doc` (`redacted`: the document users' policies
    /// see), on the VM when it has the policy and the interpreter
    /// otherwise. `interpreter_holds` tracks which document the worker's
    /// interpreter was given; `errors` gets a `--vm verify` disagreement.
    fn run_one(
        &self,
        worker: &mut Worker,
        i: usize,
        doc: &regorus::Value,
        wants_redacted: bool,
        interpreter_holds: &mut Option<bool>,
        errors: &mut Vec<EvalError>,
    ) -> Result<regorus::Value, String> {
        let mut interpret = |worker: &mut Worker| {
            let engine = self.interpreter(worker)?;
            if *interpreter_holds != Some(wants_redacted) {
                engine.set_input(doc.clone());
                *interpreter_holds = Some(wants_redacted);
            }
            let result = engine
                .eval_rule(self.rules[i].clone())
                .map_err(|e| e.to_string());
            if result.is_err() {
                // regorus 0.14's interpreter can be left mid-rule by an
                // error (a time limit above all): the next rule it
                // evaluates then looks in the wrong module's tables
                // ("loop hoisting table out of bounds"). A fresh clone
                // for the next policy.
                worker.engine = None;
                *interpreter_holds = None;
            }
            result
        };
        match self.entry[i] {
            // `--vm verify` (`policy test --vm` on users' policies too):
            // the interpreter first, whose builtins are bounded
            // (bounds.rs); the VM, whose builtins are not, only runs a
            // policy the interpreter finished within the bounds, and
            // its calls are the same.
            Some((p, e)) if self.verify => {
                let interpreted = interpret(worker);
                let on_vm = match (&interpreted, self.vm(worker, p, doc)) {
                    (Ok(_), Some(vm)) => Some(vm.execute_entry_point_by_index(e)),
                    _ => None,
                };
                match (interpreted, on_vm) {
                    (Ok(expected), Some(Ok(value))) if value != expected => {
                        errors.push(EvalError {
                            policy: i,
                            message: format!(
                                "regorus's VM and interpreter disagree: the VM gives {value}, the interpreter {expected}; \
                                 built-in policies run on the VM, so rewrite the rule (policies/README.md, \"Which engine runs a policy\")"
                            ),
                        });
                        Ok(expected)
                    }
                    (_, Some(Err(e @ VmError::TimeLimitExceeded { .. }))) => Err(e.to_string()),
                    (interpreted, _) => interpreted,
                }
            }
            _ => match self.entry[i].and_then(|(p, e)| Some((e, self.vm(worker, p, doc)?))) {
                Some((e, vm)) => match vm.execute_entry_point_by_index(e) {
                    Ok(value) => Ok(value),
                    Err(e @ VmError::TimeLimitExceeded { .. }) => Err(e.to_string()),
                    // Anything else is a gap in the VM: the interpreter,
                    // which runs every Rego construct, has the last word.
                    Err(_) => interpret(worker),
                },
                None => interpret(worker),
            },
        }
    }

    /// [`Compiled::evaluate_redacting`] for a large document: the
    /// applicable policies are split into runs, in order, that the workers
    /// take in parallel (one document's policies were the serial tail of a
    /// large plan's scan). The document and its memo are built once and
    /// shared; the findings and errors come out in the serial order.
    fn evaluate_split(
        &self,
        worker: &mut Worker,
        mut doc: regorus::Value,
        types: &HashSet<&str>,
    ) -> (Vec<RawFinding>, Vec<EvalError>) {
        let applies = self.applies(types);
        let order: Vec<usize> = (0..self.policies.len())
            .filter(|&i| applies[i] && self.is_enabled(i))
            .collect();
        if order.is_empty() {
            return (Vec::new(), Vec::new());
        }
        if !self.shared.is_empty()
            && order
                .iter()
                .any(|&i| self.reads_shared[i] && self.entry[i].is_some())
        {
            self.add_memo_profiled(worker, &mut doc);
        }
        // Runs of policies of one program (a worker's VMs are per program),
        // a few per thread so that a run of slow policies is not the tail.
        let run = order
            .len()
            .div_ceil(rayon::current_num_threads().max(1) * 4)
            .max(1);
        use rayon::prelude::*;
        // This thread's worker goes back to its cache while the runs go on,
        // so that a run this thread takes uses it rather than a second one
        // (an empty worker holds its place: its VMs are made on first use).
        let mine = std::mem::replace(worker, self.worker());
        WORKER.with(|w| w.borrow_mut().push((self.id, mine)));
        let parts: Vec<(Vec<RawFinding>, Vec<EvalError>)> = order
            .par_chunks(run)
            .map(|chunk| self.with_worker(|w| self.run_all(w, &doc, chunk)))
            .collect();
        let back = WORKER.with(|w| {
            let mut stack = w.borrow_mut();
            let at = stack.iter().rposition(|(id, _)| *id == self.id)?;
            Some(stack.remove(at).1)
        });
        if let Some(back) = back {
            *worker = back;
        }
        let mut findings = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        let mut errors = Vec::new();
        for (f, e) in parts {
            findings.extend(f);
            errors.extend(e);
        }
        (findings, errors)
    }

    /// Per policy: whether it names one of the document's resource `types`.
    fn applies(&self, types: &HashSet<&str>) -> Vec<bool> {
        let mut applies = vec![false; self.policies.len()];
        for t in types {
            for &i in self.by_type.get(*t).into_iter().flatten() {
                applies[i] = true;
            }
        }
        applies
    }

    /// [`Compiled::add_memo`], its time and document counted apart in the
    /// profile (TFWARD_PROFILE); returns the time it took.
    fn add_memo_profiled(&self, worker: &mut Worker, doc: &mut regorus::Value) -> Duration {
        let started = std::time::Instant::now();
        self.add_memo(worker, doc);
        let took = started.elapsed();
        if let Some(profile) = policy_profile(self.policies.len()) {
            let nanos = u64::try_from(took.as_nanos()).unwrap_or(u64::MAX);
            if let Some(total) = profile.get(self.policies.len()) {
                total.fetch_add(nanos, std::sync::atomic::Ordering::Relaxed);
            }
            if let Some(count) = profile.get(self.policies.len() + 1) {
                count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        took
    }

    /// Runs the policies `order` on `doc` (which holds its memo already).
    fn run_all(
        &self,
        worker: &mut Worker,
        doc: &regorus::Value,
        order: &[usize],
    ) -> (Vec<RawFinding>, Vec<EvalError>) {
        for vm in worker.vms.iter_mut().flatten() {
            vm.1 = false;
        }
        let profile = policy_profile(self.policies.len());
        let mut interpreter_holds: Option<bool> = None;
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        for &i in order {
            let started = profile.map(|_| std::time::Instant::now());
            let result = self.run_one(worker, i, doc, false, &mut interpreter_holds, &mut errors);
            self.record(i, result, started, &mut findings, &mut errors);
        }
        // The document is not kept: the next one is another.
        for vm in worker.vms.iter_mut().flatten() {
            vm.1 = false;
        }
        (findings, errors)
    }

    /// Evaluates the shared library rules on `doc` and adds their values
    /// to it as `memo` (`memo.aws_iam`, ...), which the library reads
    /// instead of evaluating them again in each policy. A shared rule that
    /// fails is left out: each policy then evaluates it itself. The VMs
    /// get the document with `memo` at their next policy.
    fn add_memo(&self, worker: &mut Worker, doc: &mut regorus::Value) {
        let mut memo = std::collections::BTreeMap::new();
        for &(key, p, e) in self.shared.iter() {
            let Some(vm) = self.vm(worker, p, doc) else {
                continue;
            };
            if let Ok(value) = vm.execute_entry_point_by_index(e) {
                if value != regorus::Value::Undefined {
                    memo.insert(regorus::Value::from(key), value);
                }
            }
        }
        for vm in worker.vms.iter_mut().flatten() {
            vm.1 = false;
        }
        if let Ok(fields) = doc.as_object_mut() {
            fields.insert(regorus::Value::from("memo"), regorus::Value::from(memo));
        }
    }

    /// Evaluates one query on the interpreter (Rego unit tests, which may
    /// use `with`).
    pub fn eval_rule(&self, worker: &mut Worker, rule: &str) -> Result<regorus::Value, String> {
        let result = self
            .interpreter(worker)?
            .eval_rule(rule.to_owned())
            .map_err(|e| e.to_string());
        if result.is_err() {
            // See `evaluate`: an error can leave the interpreter unfit.
            worker.engine = None;
        }
        result
    }
}

/// One worker's evaluators: its VM (when the set compiled to one) and its
/// clone of the interpreter.
pub struct Worker {
    /// The interpreter, cloned only when a policy needs it (most run on the
    /// VM).
    engine: Option<Engine>,
    /// One VM per program, made on first use; the flag says whether it has
    /// the current document.
    vms: Vec<Option<(RegoVM, bool)>>,
}

/// Whether the set's libraries are exactly the built-in ones (which the
/// built-in programs hold).
fn libs_are_builtin(set: &PolicySet) -> bool {
    let builtin = super::embedded_rels()
        .filter(|rel| !prebuilt::is_policy(rel) && !prebuilt::is_test(rel))
        .count();
    builtin == set.libs.len()
        && set
            .libs
            .iter()
            .all(|l| l.display.starts_with("<embedded>") && is_builtin_text(l))
}

/// Whether a policy file is the built-in one of its name, word for word.
fn is_builtin_text(f: &RegoFile) -> bool {
    super::embedded_text(&f.rel).is_some_and(|t| *t == *f.text)
}

/// The engine's form of an input document, with two indexes the library
/// reads: `managed_by_type` and `data_by_type` (a type's resources of that
/// mode, in document order). `tf.resources(type)` is then a lookup instead
/// of a pass over every resource of the module in each policy that asks
/// (the VM starts each policy with empty rule caches). The entries share the
/// resources' values, which are reference-counted: the index costs a pointer
/// per resource.
pub fn input_value(doc: serde_json::Value) -> regorus::Value {
    use std::collections::BTreeMap;
    let mut value = regorus::Value::from(doc);
    let mut managed: BTreeMap<regorus::Value, Vec<regorus::Value>> = BTreeMap::new();
    let mut data: BTreeMap<regorus::Value, Vec<regorus::Value>> = BTreeMap::new();
    if let Ok(resources) = value["resources"].as_array() {
        for r in resources.iter() {
            let by_type = match r["mode"].as_string().map(AsRef::as_ref) {
                Ok("managed") => &mut managed,
                Ok("data") => &mut data,
                _ => continue,
            };
            by_type
                .entry(r["type"].clone())
                .or_default()
                .push(r.clone());
        }
    }
    let index = |m: BTreeMap<regorus::Value, Vec<regorus::Value>>| {
        regorus::Value::from(
            m.into_iter()
                .map(|(t, rs)| (t, regorus::Value::from(rs)))
                .collect::<BTreeMap<_, _>>(),
        )
    };
    if let Ok(fields) = value.as_object_mut() {
        fields.insert(regorus::Value::from("managed_by_type"), index(managed));
        fields.insert(regorus::Value::from("data_by_type"), index(data));
    }
    value
}

pub(crate) fn compile_error(file: &str, message: &str) -> PolicyError {
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

    /// The IAM family reads its statements and grant summaries from
    /// `input.memo`, computed once per document: the findings are the ones
    /// each policy finds computing them itself (on the interpreter, which
    /// has no memo).
    #[test]
    fn shared_rules_computed_once_give_the_findings_each_policy_computes() {
        let builtin = PolicySet::embedded().expect("the built-in set loads");
        let admin = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;
        let passrole = r#"{"Statement": [{"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"}]}"#;
        let doc = serde_json::json!({"source": "config", "module": "", "resources": [
            {"address": "aws_iam_policy.admin", "type": "aws_iam_policy", "name": "admin", "mode": "managed",
             "values": {"name": "admin", "policy": admin}, "unknown": [], "references": {}},
            {"address": "aws_iam_user.u", "type": "aws_iam_user", "name": "u", "mode": "managed",
             "values": {"name": "u"}, "unknown": [], "references": {}},
            {"address": "aws_iam_user_policy.p", "type": "aws_iam_user_policy", "name": "p", "mode": "managed",
             "values": {"user": "u", "policy": passrole}, "unknown": [], "references": {"user": ["aws_iam_user.u"]}},
        ]});
        let types = HashSet::from([
            "aws_iam_policy",
            "aws_iam_user",
            "aws_iam_user_policy",
            "terraform",
        ]);
        let findings = |vm: VmUse| {
            let compiled = Compiled::new(&builtin, &opts(vm)).expect("compiles");
            let memo = !compiled.shared.is_empty();
            let doc = doc.clone();
            let (found, errors) =
                compiled.evaluate(&mut compiled.worker(), || input_value(doc), &types);
            assert!(errors.is_empty(), "{errors:?}");
            let mut found: Vec<String> = found
                .iter()
                .map(|f| {
                    format!(
                        "{} {} {}",
                        builtin.policies[f.policy].meta.id, f.address, f.message
                    )
                })
                .collect();
            found.sort();
            (memo, found)
        };
        let (memo, on_vm) = findings(VmUse::BuiltIn);
        let (interpreter_memo, interpreted) = findings(VmUse::Off);
        assert!(memo && !interpreter_memo);
        assert!(
            on_vm.iter().filter(|f| f.contains("aws_iam_")).count() >= 3,
            "IAM findings: {on_vm:#?}"
        );
        assert_eq!(on_vm, interpreted);
    }

    /// A large document's policies, shared among the workers, find what
    /// they find run in turn, in the same order, at any thread count.
    #[test]
    fn a_document_split_among_workers_gets_the_findings_of_one_run_in_turn() {
        let builtin = PolicySet::embedded().expect("the built-in set loads");
        let compiled = Compiled::new(&builtin, &opts(VmUse::BuiltIn)).expect("compiles");
        let admin = r#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;
        let mut resources = Vec::new();
        for i in 0..40 {
            resources.push(serde_json::json!({"address": format!("aws_s3_bucket_acl.b{i}"), "type": "aws_s3_bucket_acl", "name": format!("b{i}"), "mode": "managed",
                "values": {"bucket": format!("b{i}"), "acl": "public-read"}, "unknown": [], "references": {}}));
            resources.push(serde_json::json!({"address": format!("aws_iam_policy.p{i}"), "type": "aws_iam_policy", "name": format!("p{i}"), "mode": "managed",
                "values": {"name": format!("p{i}"), "policy": admin}, "unknown": [], "references": {}}));
            resources.push(serde_json::json!({"address": format!("aws_security_group.s{i}"), "type": "aws_security_group", "name": format!("s{i}"), "mode": "managed",
                "values": {"name": format!("s{i}"), "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}, "unknown": [], "references": {}}));
        }
        let doc = serde_json::json!({"source": "config", "module": "", "resources": resources});
        let types = HashSet::from([
            "aws_s3_bucket_acl",
            "aws_iam_policy",
            "aws_security_group",
            "terraform",
        ]);
        let run = |split: bool, threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a pool");
            pool.install(|| {
                compiled.with_worker(|w| {
                    let doc = doc.clone();
                    let (found, errors) = compiled.evaluate_redacting(
                        w,
                        || input_value(doc),
                        None::<fn() -> regorus::Value>,
                        &types,
                        split,
                    );
                    assert!(errors.is_empty(), "{errors:?}");
                    found
                        .iter()
                        .map(|f| format!("{} {} {}", f.policy, f.address, f.message))
                        .collect::<Vec<String>>()
                })
            })
        };
        let in_turn = run(false, 1);
        assert!(in_turn.len() >= 120, "findings: {in_turn:#?}");
        for threads in [1, 2, 4] {
            assert_eq!(run(true, threads), in_turn, "{threads} threads");
        }
    }

    #[test]
    fn the_input_indexes_resources_by_mode_and_type_in_document_order() {
        let r = |address: &str, mode: &str, ty: &str| serde_json::json!({"address": address, "mode": mode, "type": ty});
        let input = input_value(serde_json::json!({"resources": [
            r("aws_s3_bucket.a", "managed", "aws_s3_bucket"),
            r("data.aws_iam_policy_document.p", "data", "aws_iam_policy_document"),
            r("aws_s3_bucket.b", "managed", "aws_s3_bucket"),
            r("aws_instance.w", "managed", "aws_instance"),
        ]}));
        let addresses = |v: &regorus::Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().map(|r| r["address"].to_string()).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            addresses(&input["managed_by_type"]["aws_s3_bucket"]),
            ["\"aws_s3_bucket.a\"", "\"aws_s3_bucket.b\""]
        );
        assert_eq!(
            addresses(&input["managed_by_type"]["aws_instance"]),
            ["\"aws_instance.w\""]
        );
        assert_eq!(
            addresses(&input["data_by_type"]["aws_iam_policy_document"]),
            ["\"data.aws_iam_policy_document.p\""]
        );
        assert_eq!(
            input["managed_by_type"]["aws_iam_policy_document"],
            regorus::Value::Undefined
        );
        assert_eq!(input["resources"].as_array().map(|a| a.len()).ok(), Some(4));
    }

    /// The packages a program reads as whole documents: each such lookup
    /// evaluates every rule of the package, at every evaluation.
    fn whole_package_lookups(program: &Program) -> Vec<String> {
        use regorus::rvm::instructions::LiteralOrRegister;
        let params = &program.instruction_data.virtual_data_document_lookup_params;
        params
            .iter()
            .map(|v| {
                let parts: Vec<String> = v
                    .path_components
                    .iter()
                    .map(|c| match c {
                        LiteralOrRegister::Literal(i) => program
                            .literals
                            .get(usize::from(*i))
                            .map(|l| l.as_string().map(|s| s.to_string()).unwrap_or_default())
                            .unwrap_or_default(),
                        LiteralOrRegister::Register(_) => "[_]".to_owned(),
                    })
                    .collect();
                format!("data.{}", parts.join("."))
            })
            .collect()
    }

    /// regorus 0.14's VM compiler reads `lib.rule` through an import
    /// (`import data.lib.gcp` ... `some r in gcp.instances`) as a lookup of
    /// the whole package, not a call of the rule: every rule of lib.gcp is
    /// evaluated for every policy that does it (a fifth of a corpus scan's
    /// policy time). The full path is a plain rule call. When a regorus
    /// release fixes this, this test fails and the full paths can go back
    /// to aliases (policies/README.md, "Which engine runs a policy").
    #[test]
    fn a_library_rule_read_through_its_import_is_a_whole_package_lookup_on_the_vm() {
        const LIB: &str = "package lib.x\nimport rego.v1\nitems := [1, 2]\nf(a) := a\n";
        let program = |body: &str| {
            let policy = format!("package p\nimport rego.v1\nimport data.lib.x\n{body}\n");
            let libs = [prebuilt::Source {
                name: "lib.rego",
                text: LIB,
            }];
            let policies = [prebuilt::Source {
                name: "p/policy.rego",
                text: &policy,
            }];
            let data = regorus::Value::from(serde_json::json!({}));
            let (programs, entry) =
                prebuilt::compile(&libs, &policies, &["data.p.deny".to_owned()], &[0], &data);
            assert!(entry[0].is_some(), "compiles for the VM: {body}");
            whole_package_lookups(&programs[0])
        };
        assert_eq!(
            program("deny contains i if { some i in x.items }"),
            ["data.lib.x"]
        );
        assert!(program("deny contains i if { some i in data.lib.x.items }").is_empty());
        assert!(program("deny contains 1 if { x.f(1) == 1 }").is_empty());
    }

    #[test]
    fn no_builtin_policy_reads_a_whole_library_package() {
        let decoded = builtin_programs().expect("build.rs wrote programs this regorus reads");
        let lookups: Vec<String> = decoded
            .programs
            .iter()
            .flat_map(|p| whole_package_lookups(p))
            .collect();
        assert!(
            lookups.is_empty(),
            "built-in policies read library rules through their import ({lookups:?}): \
             write data.lib.<package>.<rule> instead (policies/README.md)"
        );
    }

    #[test]
    fn the_builtin_set_runs_on_the_programs_built_with_the_binary() {
        let builtin = PolicySet::embedded().expect("the built-in set loads");
        let decoded = builtin_programs().expect("build.rs wrote programs this regorus reads");
        let compiled = Compiled::new(&builtin, &EngineOptions::default()).expect("compiles");
        assert_eq!(compiled.policies_on_vm(), builtin.policies.len());
        assert_eq!(compiled.programs.len(), decoded.programs.len());
        assert!(Arc::ptr_eq(&compiled.programs[0], &decoded.programs[0]));
        assert!(
            compiled.interpreter.engine.get().is_none(),
            "a scan on the built-in programs makes no interpreter"
        );
        // A public-read-write bucket ACL, evaluated on them.
        let acl = builtin
            .policies
            .iter()
            .position(|p| p.package == "tfward.aws.s3.bucket_acl_public_write")
            .expect("the policy on writable bucket ACLs");
        let doc = serde_json::json!({"resources": [{
            "address": "aws_s3_bucket_acl.a", "type": "aws_s3_bucket_acl", "name": "a",
            "mode": "managed", "values": {"acl": "public-read-write", "bucket": "b"}, "unknown": []
        }]});
        let only = compiled.only(acl);
        let (findings, errors) = only.evaluate(
            &mut only.worker(),
            || regorus::Value::from(doc),
            &HashSet::from(["aws_s3_bucket_acl"]),
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].address, "aws_s3_bucket_acl.a");
        assert!(
            compiled.interpreter.engine.get().is_none(),
            "the VM decided it alone"
        );
    }

    #[test]
    fn a_builtin_policy_changed_on_disk_is_compiled_from_its_new_text() {
        let mut builtin = PolicySet::embedded().expect("the built-in set loads");
        let text = builtin.policies[0].file.text.to_string();
        builtin.policies[0].file.text = format!("{text}\n# changed\n").into();
        let compiled = Compiled::new(&builtin, &EngineOptions::default()).expect("compiles");
        assert_eq!(compiled.policies_on_vm(), builtin.policies.len() - 1);
        assert!(compiled.entry[0].is_none());
        assert!(compiled.interpreter.engine.get().is_some());
    }

    #[test]
    fn programs_that_are_not_whole_are_refused() {
        assert!(prebuilt::decode(b"").is_none());
        assert!(prebuilt::decode(b"not programs at all").is_none());
        let whole = crate::policy::embedded_programs();
        assert!(prebuilt::decode(whole).is_some());
        assert!(prebuilt::decode(&whole[..whole.len() - 1]).is_none());
        let mut longer = whole.to_vec();
        longer.push(0);
        assert!(prebuilt::decode(&longer).is_none());
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

    /// A library function that never finishes, and one that collects with
    /// a comprehension (which the interpreter looks up in per-module loop
    /// tables).
    const SPIN_LIB: &str = r#"package lib.spin

import rego.v1

spun := {n |
	some r in input.resources
	some i in numbers.range(1, 20000)
	some j in numbers.range(1, 20000)
	n := i * j
	n < 0
}
"#;

    const COLLECT_LIB: &str = r#"package lib.collect

import rego.v1

addresses := {a | some r in input.resources; a := r.address}
"#;

    const SPINS: &str = r#"# METADATA
# title: Spins
# description: test policy that never finishes, inside a library
# custom:
#   id: TFW-TST-0004
#   severity: LOW
#   category: compliance
#   resource_types: [aws_s3_bucket]
#   remediation: none
package tfward.test.spins

import rego.v1
import data.lib.spin

deny contains {"address": "x", "path": [], "msg": "never"} if {
	count(spin.spun) > 0
}
"#;

    const COLLECTS: &str = r#"# METADATA
# title: Collects
# description: test policy that calls a library comprehension
# custom:
#   id: TFW-TST-0005
#   severity: LOW
#   category: compliance
#   resource_types: [aws_s3_bucket]
#   remediation: none
package tfward.test.collects

import rego.v1
import data.lib.collect

deny contains {"address": a, "path": [], "msg": "a bucket"} if {
	some a in collect.addresses
}
"#;

    /// An interpreter stopped mid-rule by the time limit is not reused: the
    /// policies after it, on the same worker and on the next module, still
    /// decide.
    #[test]
    fn a_policy_stopped_inside_a_library_leaves_the_next_ones_right() {
        let files = [
            ("lib/spin.rego", SPIN_LIB),
            ("lib/collect.rego", COLLECT_LIB),
            ("a/policy.rego", SPINS),
            ("b/policy.rego", COLLECTS),
        ];
        let user = set(&files, false);
        let options = EngineOptions {
            timeout: Duration::from_millis(200),
            ..opts(VmUse::Off)
        };
        let compiled = Compiled::new(&user, &options).expect("compiles");
        let types: HashSet<&str> = ["aws_s3_bucket"].into_iter().collect();
        let mut worker = compiled.worker();
        for module in 0..3 {
            let (findings, errors) = compiled.evaluate(&mut worker, bucket, &types);
            assert_eq!(errors.len(), 1, "module {module}: {errors:?}");
            assert!(errors[0].message.contains("time limit"), "{errors:?}");
            assert_eq!(findings.len(), 1, "module {module}: {findings:?}");
            assert_eq!(findings[0].address, "aws_s3_bucket.b");
        }
    }
}
