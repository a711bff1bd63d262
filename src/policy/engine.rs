//! One regorus engine holding every selected policy and library, compiled
//! once. Workers clone it (a clone shares the compiled modules) and evaluate
//! `data.<package>.deny` per module, skipping a policy when the module has
//! none of its resource types.

use std::collections::HashSet;
use std::num::NonZeroU32;
use std::time::Duration;

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
}

/// A policy that failed on one module (timeout, runtime error, bad result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub policy: usize,
    pub message: String,
}

/// The compiled policy set.
#[derive(Clone)]
pub struct Compiled {
    engine: Engine,
    pub policies: Vec<Policy>,
    types: Vec<HashSet<String>>,
    /// `data.<package>.deny` of each policy, built once.
    rules: Vec<String>,
}

/// Options for compiling.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Wall-clock limit for one policy on one module.
    pub timeout: Duration,
    /// Extra data at `data.tfward.config` (required tags, budgets).
    pub config: serde_json::Value,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            timeout: Duration::from_secs(5),
            config: serde_json::json!({}),
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
        engine.set_execution_timer_config(ExecutionTimerConfig {
            limit: opts.timeout,
            // Reading the clock on every step costs ~3% of a scan; every 256
            // steps is still far finer than the limit.
            check_interval: NonZeroU32::new(256).unwrap_or(NonZeroU32::MIN),
        });
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
        let data = serde_json::json!({ "tfward": { "config": opts.config } });
        engine
            .add_data(regorus::Value::from(data))
            .map_err(|e| PolicyError {
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
        Ok(Compiled {
            engine,
            types: set
                .policies
                .iter()
                .map(|p| p.meta.resource_types.iter().cloned().collect())
                .collect(),
            rules: set.policies.iter().map(Policy::deny_rule).collect(),
            policies: set.policies.clone(),
        })
    }

    /// A worker's own engine.
    pub fn worker(&self) -> Engine {
        self.engine.clone()
    }

    /// Evaluates every applicable policy on one input document.
    /// Evaluates every applicable policy on one input document. The
    /// document is built only when some policy applies.
    pub fn evaluate(
        &self,
        engine: &mut Engine,
        input: impl FnOnce() -> regorus::Value,
        types: &HashSet<&str>,
    ) -> (Vec<RawFinding>, Vec<EvalError>) {
        let mut findings = Vec::new();
        let mut errors = Vec::new();
        let mut input = Some(input);
        for i in 0..self.policies.len() {
            if !self.types[i].iter().any(|t| types.contains(t.as_str())) {
                continue;
            }
            if let Some(make) = input.take() {
                engine.set_input(make());
            }
            match engine.eval_rule(self.rules[i].clone()) {
                Ok(value) => collect(i, &value, &mut findings, &mut errors),
                Err(e) => errors.push(EvalError {
                    policy: i,
                    message: first_line(&e.to_string()),
                }),
            }
        }
        (findings, errors)
    }

    /// Evaluates one query (Rego unit tests).
    pub fn eval_rule(&self, engine: &mut Engine, rule: &str) -> Result<regorus::Value, String> {
        engine.eval_rule(rule.to_owned()).map_err(|e| e.to_string())
    }
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
            Some((address, path, message)) => findings.push(RawFinding {
                policy,
                address,
                path,
                message,
            }),
            None => errors.push(EvalError {
                policy,
                message: format!("`deny` returned {item}, which is not an object with \"address\" and \"msg\" strings"),
            }),
        }
    }
}

fn finding_of(item: &regorus::Value) -> Option<(String, Vec<PathSegment>, String)> {
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
    Some((address, path, message))
}
