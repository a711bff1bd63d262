//! Stage 4, evaluate: the compiled policies on one module's input document
//! (configuration, plan or state alike), their raw results turned into
//! findings with file, line and fingerprint, or into checks left undecided
//! by unknown values.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Level};
use crate::finding::{CallSite, Finding, Identity, Via};
use crate::load::Loaded;
use crate::model::document::{self as input, ModuleInput};
use crate::policy::engine::{Compiled, RawFinding};
use crate::source::LineCol;
use crate::terraform::module::SpanRef;

/// A check left undecided because the value it depends on is unknown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Undecided {
    pub rule_id: String,
    pub address: String,
    pub path: String,
    pub reason: String,
    pub file: String,
    pub line: usize,
}

/// What evaluation keeps besides findings.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvaluateOptions {
    /// Keep the module's input document (`tfward input`), redacted.
    pub keep_inputs: bool,
    /// List the checks left undecided by unknown values.
    pub report_undecided: bool,
}

/// One module's results.
pub(crate) struct ModuleResult {
    /// The module's document, typed, when kept (`keep_inputs`).
    pub kept: Option<crate::model::document::KeptModule>,
    pub calls: crate::model::document::CallCounts,
    pub input: Option<serde_json::Value>,
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub undecided: Vec<Undecided>,
    pub resources: usize,
    pub known: usize,
    pub unknown: usize,
}

/// Resources from which a document's policies are shared among the
/// workers (`Compiled::evaluate_redacting`'s `split`) rather than run in
/// turn on one: the root module of a large plan holds most of its
/// resources, and evaluated alone it was the scan's serial tail.
const SPLIT_RESOURCES: usize = 200;

pub(crate) fn evaluate_module(
    policies: &Compiled,
    engine: &mut crate::policy::engine::Worker,
    mut input: ModuleInput,
    loaded: &[Loaded],
    opts: EvaluateOptions,
) -> ModuleResult {
    let (known, unknown) = input::value_counts(&input.doc);
    let mut result = ModuleResult {
        kept: opts
            .keep_inputs
            .then(|| crate::model::document::KeptModule::of(&input)),
        calls: Default::default(),
        input: None,
        findings: Vec::new(),
        diagnostics: Vec::new(),
        undecided: Vec::new(),
        resources: input.resource_count,
        known,
        unknown,
    };
    for issue in &input.issues {
        let f = &loaded[issue.at.file].source;
        let lc = f.line_col(issue.at.span.start);
        let level = if issue.error {
            Level::Error
        } else {
            Level::Warning
        };
        result.diagnostics.push(
            Diagnostic::new(level, &f.display, lc.line, lc.column, issue.message.clone())
                .with_span(issue.at.span.start),
        );
    }
    result.calls = input.calls;
    // The types are copied out so the document itself can move into the
    // engine without a deep clone.
    let owned_types: Vec<String> = input.types().into_iter().map(str::to_owned).collect();
    let types: HashSet<&str> = owned_types.iter().map(String::as_str).collect();
    if opts.keep_inputs {
        let mut doc = input.doc.clone();
        doc["module_path"] = serde_json::Value::String(input.module_path.clone());
        input::redact_at(&mut doc, &input.sensitive_at);
        input::redact_json(&mut doc, &input.sensitive);
        result.input = Some(doc);
    }
    let doc = std::mem::take(&mut input.doc);
    // Users' policies see "(sensitive)" where a value is sensitive, unless
    // they declare `raw_sensitive` (issue 20 item 2d).
    let redacted = policies
        .redacted_wanted()
        .then(|| {
            let mut red = doc.clone();
            input::redact_at(&mut red, &input.sensitive_at);
            input::redact_json(&mut red, &input.sensitive);
            red
        })
        .map(|red| move || crate::policy::engine::input_value(red));
    let started = std::time::Instant::now();
    let (raw, errors) = policies.evaluate_redacting(
        engine,
        || crate::policy::engine::input_value(doc),
        redacted,
        &types,
        input.resource_count >= SPLIT_RESOURCES,
    );
    if let Some(documents) = crate::policy::engine::document_profile() {
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        let name = format!("{} {}", input.module_path, input.module);
        documents
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((nanos, name));
    }
    let redactor = input::Redactor::new(&input.sensitive);
    for e in errors {
        let p = &policies.policies[e.policy];
        result.diagnostics.push(Diagnostic::error(
            &input.module_path,
            0,
            0,
            format!(
                "policy {} failed on this module: {}",
                p.meta.id,
                redactor.redact(&e.message)
            ),
        ));
    }
    let via = via_of(&input, loaded);
    // Each raw finding is placed, redacted and fingerprinted on its own: a
    // large plan's root module has 100,000 of them, done on every worker.
    let shape = |r: RawFinding| shape_finding(r, policies, &input, loaded, &redactor, &via);
    let shaped: Vec<Shaped> = if raw.len() >= PARALLEL_FINDINGS {
        use rayon::prelude::*;
        raw.into_par_iter().map(shape).collect()
    } else {
        raw.into_iter().map(shape).collect()
    };
    let mut seen = HashSet::new();
    for s in shaped {
        match s {
            Shaped::Undecided(u) => result.undecided.push(u),
            Shaped::Finding {
                finding,
                raw_message,
            } => {
                if seen.insert((finding.fingerprint.clone(), raw_message)) {
                    result.findings.push(finding);
                }
            }
        }
    }
    tell_apart(&mut result.findings);
    if opts.report_undecided {
        undecided_by_mention(policies, &input, loaded, &mut result);
    }
    result
}

/// Raw findings of one document from which they are shaped on every
/// worker.
const PARALLEL_FINDINGS: usize = 4096;

/// A policy's raw finding as reported: a finding, or a check that could not
/// be decided.
enum Shaped {
    Undecided(Undecided),
    /// With the message as the policy gave it, which (with the
    /// fingerprint) tells repeated findings apart.
    Finding {
        finding: Finding,
        raw_message: String,
    },
}

/// Places a raw finding in the source, redacts what it prints and
/// fingerprints it.
fn shape_finding(
    mut r: RawFinding,
    policies: &Compiled,
    input: &ModuleInput,
    loaded: &[Loaded],
    redactor: &input::Redactor,
    via: &Option<Via>,
) -> Shaped {
    let p = &policies.policies[r.policy];
    let at = input.locate(&r.address, &r.path);
    let unknown = input.unknown_reason(&r.address, &r.path);
    // What a policy returns is printed: no sensitive value in it.
    r.address = redactor.redact(&r.address);
    for seg in &mut r.path {
        if let crate::finding::PathSegment::Key(k) = seg {
            *k = redactor.redact(k);
        }
    }
    let (file, start, end) = location(at.as_ref(), loaded, &input.module_path);
    if let Some(reason) = unknown {
        return Shaped::Undecided(Undecided {
            rule_id: p.meta.id.clone(),
            address: r.address.clone(),
            path: crate::finding::dotted(&r.path),
            reason: redactor.redact(reason),
            file,
            line: start.line,
        });
    }
    let identity = Identity {
        rule_id: &p.meta.id,
        module_path: &input.module_path,
        root: &input.root_dir,
        module: &input.module,
        address: &r.address,
        path: &r.path,
        key: r.key.as_deref(),
    };
    let fingerprint = identity.fingerprint();
    Shaped::Finding {
        finding: Finding {
            rule_id: p.meta.id.clone(),
            severity: p.meta.severity,
            title: p.meta.title.clone(),
            message: redactor.redact(&r.message),
            file,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            address: r.address,
            path: r.path,
            module: input.module.clone(),
            fingerprint,
            via: via.clone(),
        },
        raw_message: r.message,
    }
}

/// Where a finding is shown: the file and start and end of its span, or
/// `fallback` (a module folder, a plan file) at no position.
fn location(at: Option<&SpanRef>, files: &[Loaded], fallback: &str) -> (String, LineCol, LineCol) {
    match at {
        Some(s) => {
            let f = &files[s.file].source;
            (
                f.display.clone(),
                f.line_col(s.span.start),
                f.line_col(s.span.end.max(s.span.start)),
            )
        }
        None => (fallback.to_owned(), LineCol::default(), LineCol::default()),
    }
}

/// The chain of module calls that produced a child module's findings.
fn via_of(input: &ModuleInput, loaded: &[Loaded]) -> Option<Via> {
    if input.module.is_empty() || input.root_dir.is_empty() {
        return None;
    }
    let calls = input
        .call_chain
        .iter()
        .map(|at| {
            let f = &loaded[at.file].source;
            let lc = f.line_col(at.span.start);
            CallSite {
                file: f.display.clone(),
                line: lc.line,
                column: lc.column,
            }
        })
        .collect();
    Some(Via {
        root: input.root_dir.clone(),
        module: input.module.clone(),
        calls,
    })
}

/// Two findings of one rule on one attribute with different messages (SSH
/// and RDP on one network ACL rule, when the policy gave no `key`) must not
/// share a fingerprint: their messages tell them apart.
fn tell_apart(findings: &mut [Finding]) {
    let mut by_fp: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_fp.entry(f.fingerprint.as_str()).or_default().push(i);
    }
    let clashes: Vec<Vec<usize>> = by_fp.into_values().filter(|v| v.len() > 1).collect();
    for group in clashes {
        for i in group {
            let f = &findings[i];
            let mut h = Sha256::new();
            for part in [f.fingerprint.as_str(), f.message.as_str()] {
                h.update(part.as_bytes());
                h.update([0u8]);
            }
            let fp: String = h.finalize()[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            findings[i].fingerprint = fp;
        }
    }
}

/// Checks a policy could not decide: the policy mentions an attribute
/// that is unknown on a resource of its types, and reported nothing for
/// that resource. (A finding on an unknown path is already dropped and
/// listed; this covers policies that stay silent by testing for the value.)
fn undecided_by_mention(
    policies: &Compiled,
    input: &ModuleInput,
    loaded: &[Loaded],
    result: &mut ModuleResult,
) {
    let fired: HashSet<(String, String)> = result
        .findings
        .iter()
        .map(|f| (f.rule_id.clone(), f.address.clone()))
        .chain(
            result
                .undecided
                .iter()
                .map(|u| (u.rule_id.clone(), u.address.clone())),
        )
        .collect();
    for (i, p) in policies.policies.iter().enumerate() {
        if !policies.is_enabled(i) {
            continue;
        }
        for r in &input.resources {
            let (address, rtype) = (r.address.as_str(), &r.rtype);
            if !p.meta.resource_types.iter().any(|t| t == rtype)
                || fired.contains(&(p.meta.id.clone(), address.to_owned()))
            {
                continue;
            }
            let Some(unknowns) = input.unknown.get(address) else {
                continue;
            };
            for (path, reason) in unknowns {
                let first = path.split('.').next().unwrap_or(path);
                if !p.mentions.contains(first) {
                    continue;
                }
                let at = input.locate(
                    address,
                    &[crate::finding::PathSegment::Key(first.to_owned())],
                );
                let (file, line) = match at {
                    Some(s) => {
                        let f = &loaded[s.file].source;
                        (f.display.clone(), f.line_col(s.span.start).line)
                    }
                    None => (input.module_path.clone(), 0),
                };
                result.undecided.push(Undecided {
                    rule_id: p.meta.id.clone(),
                    address: address.to_owned(),
                    path: path.clone(),
                    reason: input::redact(reason, &input.sensitive),
                    file,
                    line,
                });
            }
        }
    }
}

/// The conftest packages' findings on one plan (`inputs`: the plan's
/// module documents, which know where each resource is written), and the
/// errors of packages that failed on it.
pub(crate) fn conftest_plan_findings(
    policies: &Compiled,
    plan_file: usize,
    inputs: &[crate::model::document::ModuleInput],
    files: &[crate::load::Loaded],
) -> (
    Vec<crate::finding::Finding>,
    Vec<crate::diagnostic::Diagnostic>,
) {
    use crate::diagnostic::Diagnostic;
    use crate::finding::{fingerprint, Finding, PathSegment};
    let engine = policies.conftest();
    let source = &files[plan_file].source;
    let mut findings = Vec::new();
    let mut diagnostics = Vec::new();
    let mut doc: serde_json::Value = match serde_json::from_str(&source.text) {
        Ok(d) => d,
        Err(_) => return (findings, diagnostics),
    };
    let mut sensitive = crate::policy::conftest::redact_plan(&mut doc);
    for i in inputs {
        sensitive.extend(i.sensitive.iter().cloned());
    }
    sensitive.sort();
    sensitive.dedup();
    let redact = |s: &str| crate::model::document::redact(s, &sensitive);
    let (hits, errors) = engine.evaluate(&doc, |i| policies.is_enabled(i));
    for (i, message) in errors {
        diagnostics.push(Diagnostic::error(
            &source.display,
            0,
            0,
            format!(
                "policy {} failed on this plan: {}",
                policies.policies[i].meta.id,
                redact(&message)
            ),
        ));
    }
    let mut addresses = crate::policy::conftest::plan_addresses(&doc);
    for i in inputs {
        addresses.extend(i.resources.iter().map(|r| r.address.clone()));
    }
    addresses.sort();
    addresses.dedup();
    let mut seen = std::collections::HashSet::new();
    for hit in hits {
        let p = &policies.policies[hit.policy];
        let address = hit
            .address
            .clone()
            .or_else(|| {
                crate::policy::conftest::named_address(&hit.message, &addresses).map(str::to_owned)
            })
            .unwrap_or_default();
        // The module document that holds the resource, else the plan's
        // first (whose fallback is the plan file itself).
        let input = inputs
            .iter()
            .find(|i| !address.is_empty() && i.spans.contains_key(&address))
            .or_else(|| inputs.first());
        let at = input.and_then(|i| {
            if address.is_empty() {
                i.fallback.clone()
            } else {
                i.locate(&address, &[])
            }
        });
        let (file, start, end) = location(at.as_ref(), files, &source.display);
        let module = input
            .filter(|i| i.spans.contains_key(&address))
            .map(|i| i.module.clone())
            .unwrap_or_default();
        let message = redact(&hit.message);
        let path = [PathSegment::Key(hit.rule.clone())];
        let fp = fingerprint(&p.meta.id, &source.display, &address, &path);
        if !seen.insert((fp.clone(), message.clone())) {
            continue;
        }
        findings.push(Finding {
            rule_id: p.meta.id.clone(),
            severity: hit.severity,
            title: p.meta.title.clone(),
            message,
            file,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            address,
            path: Vec::new(),
            module,
            fingerprint: fp,
            via: None,
        });
    }
    tell_apart(&mut findings);
    (findings, diagnostics)
}
