//! Governed suppressions: the pass after scanning that moves findings
//! covered by a valid ignore — an inline `# tfward:ignore` comment or a
//! `[[ignore]]` entry of tfward.toml — into the report's `suppressed` list.
//!
//! An ignore must say why (`reason=`), may say until when (`until=`), and
//! must name rule ids that exist. Whether an ignore is acceptable is decided
//! by ordinary policies (policies/general/suppression_*, resource type
//! `tfward_ignore`), so their facts live in METADATA like every other rule:
//! this pass hands them one input document with every ignore in it. An
//! ignore with a problem suppresses nothing; an expired one neither.

pub mod comment;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Level};
use crate::finding::{fingerprint, Finding, PathSegment};
use crate::policy::engine::Compiled;
use crate::source::display_path;
use crate::source::SourceFile;
use std::sync::Arc;

/// The resource type under which ignores are shown to the suppression
/// policies.
pub const IGNORE_TYPE: &str = "tfward_ignore";

/// How the suppression pass runs.
#[derive(Debug, Clone, Default)]
pub struct SuppressOptions {
    /// `--no-inline-ignores`: audit mode, inline comments count for nothing.
    pub no_inline: bool,
    /// `[[ignore]]` entries of the config file.
    pub config: Vec<ConfigIgnore>,
    /// Every known id and alias -> the current id. None: the ids of the
    /// compiled policies.
    pub known_ids: Option<BTreeMap<String, String>>,
    /// None: [`Date::today`].
    pub today: Option<Date>,
}

pub use crate::config::ConfigIgnore;

/// Where a suppression came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Inline,
    Config,
}

/// A finding that a valid ignore suppressed, as listed in every report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    #[serde(flatten)]
    pub finding: Finding,
    pub reason: String,
    pub until: Option<String>,
    pub source: Source,
    /// The ignore: `file:line`.
    pub ignored_at: String,
}

/// One ignore, inline or from the config, with its problems worked out.
#[derive(Debug, Clone)]
struct Ignore {
    source: Source,
    ids_written: Vec<String>,
    /// Known ids, resolved from aliases.
    ids: Vec<String>,
    unknown_ids: Vec<String>,
    unknown_fields: Vec<String>,
    reason: String,
    until: String,
    until_valid: bool,
    expired: bool,
    scope: Scope,
    /// Where the ignore itself is written.
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// The covered structure's address and path, for the ignore's own
    /// findings.
    address: String,
    path: Vec<PathSegment>,
}

#[derive(Debug, Clone)]
enum Scope {
    /// Lines `start..=end` of a file (display path).
    Lines {
        file: String,
        start: usize,
        end: usize,
    },
    /// Finding addresses matching a glob (None: all).
    Address(Option<globset::GlobMatcher>),
    Nothing,
}

impl Ignore {
    fn active(&self) -> bool {
        !self.reason.trim().is_empty()
            && self.until_valid
            && !self.expired
            && self.unknown_fields.is_empty()
            && !self.ids_written.is_empty()
    }

    fn covers(&self, f: &Finding) -> bool {
        if !self.ids.contains(&f.rule_id) {
            return false;
        }
        match &self.scope {
            Scope::Lines { file, start, end } => {
                f.file == *file && (*start..=*end).contains(&f.line)
            }
            Scope::Address(None) => true,
            Scope::Address(Some(glob)) => glob.is_match(&f.address),
            Scope::Nothing => false,
        }
    }
}

/// Applies inline and config ignores to the scan's findings, and adds the
/// suppression policies' findings about the ignores themselves.
/// The result of suppression: the findings that stand (with the suppression
/// policies' findings about the ignores themselves), the suppressed ones,
/// and problems with ignores that stop the run.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub suppressed: Vec<Suppressed>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What suppression works on while it runs.
struct Work<'a> {
    files: &'a [Arc<SourceFile>],
    findings: Vec<Finding>,
    suppressed: Vec<Suppressed>,
    diagnostics: Vec<Diagnostic>,
}

pub fn apply(
    files: &[Arc<SourceFile>],
    findings: Vec<Finding>,
    opts: &SuppressOptions,
    policies: &Compiled,
) -> Outcome {
    let mut work = Work {
        files,
        findings,
        suppressed: Vec::new(),
        diagnostics: Vec::new(),
    };
    run(&mut work, opts, policies);
    Outcome {
        findings: work.findings,
        suppressed: work.suppressed,
        diagnostics: work.diagnostics,
    }
}

fn run(out: &mut Work<'_>, opts: &SuppressOptions, policies: &Compiled) {
    let known = opts.known_ids.clone().unwrap_or_else(|| {
        let mut m = BTreeMap::new();
        for p in policies.policies.iter() {
            m.insert(p.meta.id.clone(), p.meta.id.clone());
            for a in &p.meta.aliases {
                m.insert(a.clone(), p.meta.id.clone());
            }
        }
        m
    });
    let today = opts.today.unwrap_or_else(Date::today);
    let mut ignores = Vec::new();
    if !opts.no_inline {
        inline_ignores(out, &known, policies, today, &mut ignores);
    }
    for c in &opts.config {
        ignores.push(config_ignore(c, &known, today));
    }
    if ignores.is_empty() {
        return;
    }
    let findings = std::mem::take(&mut out.findings);
    for f in findings {
        match ignores.iter().find(|i| i.active() && i.covers(&f)) {
            Some(i) => out.suppressed.push(Suppressed {
                finding: f,
                reason: i.reason.clone(),
                until: (!i.until.is_empty()).then(|| i.until.clone()),
                source: i.source,
                ignored_at: format!("{}:{}", i.file, i.line),
            }),
            None => out.findings.push(f),
        }
    }
    judge(out, &ignores, today, policies);
    out.suppressed
        .sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
}

fn inline_ignores(
    out: &mut Work<'_>,
    known: &BTreeMap<String, String>,
    policies: &Compiled,
    today: Date,
    ignores: &mut Vec<Ignore>,
) {
    for file in out.files {
        let name = file
            .path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if !(name.ends_with(".tf") || name.ends_with(".tofu")) {
            continue;
        }
        for placed in comment::place(file) {
            let d = &placed.directive;
            let start = file.line_col(d.span.start);
            let end = file.line_col(d.span.end);
            let (scope, address, path) = match &placed.target {
                Some(t) => (
                    Scope::Lines {
                        file: file.display.clone(),
                        start: t.lines.0,
                        end: t.lines.1,
                    },
                    t.address.clone(),
                    t.path.iter().map(|k| PathSegment::Key(k.clone())).collect(),
                ),
                None => {
                    out.diagnostics.push(Diagnostic::new(
                        Level::Warning,
                        &file.display,
                        start.line,
                        start.column,
                        "this tfward:ignore comment covers nothing: put it on the line above a block or \
                         attribute, or at the end of its first line"
                            .into(),
                    ));
                    (Scope::Nothing, String::new(), Vec::new())
                }
            };
            let (ids, unknown_ids) = match d.peer {
                None => resolve(&d.ids, known),
                Some(peer) => (resolve_peer(peer, &d.ids, policies), Vec::new()),
            };
            let until = d.until.clone().unwrap_or_default();
            let until_date = Date::parse(&until);
            ignores.push(Ignore {
                source: Source::Inline,
                ids_written: d.ids.clone(),
                ids,
                unknown_ids,
                unknown_fields: d.unknown_fields.clone(),
                reason: d.reason.clone().unwrap_or_default(),
                until_valid: until.is_empty() || until_date.is_some(),
                expired: until_date.is_some_and(|u| u < today),
                until,
                scope,
                file: file.display.clone(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                address,
                path,
            });
        }
    }
}

fn config_ignore(c: &ConfigIgnore, known: &BTreeMap<String, String>, today: Date) -> Ignore {
    let (ids, unknown_ids) = resolve(&c.ids, known);
    let glob = c
        .address
        .as_ref()
        .and_then(|a| globset::Glob::new(a).ok())
        .map(|g| g.compile_matcher());
    Ignore {
        source: Source::Config,
        ids_written: c.ids.clone(),
        ids,
        unknown_ids,
        unknown_fields: Vec::new(),
        reason: c.reason.clone(),
        until: c.until.map(|d| d.to_string()).unwrap_or_default(),
        until_valid: true,
        expired: c.until.is_some_and(|u| u < today),
        scope: Scope::Address(glob),
        file: c.file.clone(),
        line: c.line,
        column: 1,
        end_line: c.line,
        end_column: 1,
        address: c.address.clone().unwrap_or_else(|| "*".into()),
        path: Vec::new(),
    }
}

/// The policies that name a peer's ids as equivalents. An id no policy
/// names is no mistake (tfward has no such check), so nothing is unknown.
fn resolve_peer(
    peer: crate::policy::peers::Peer,
    written: &[String],
    policies: &Compiled,
) -> Vec<String> {
    let mut ids: Vec<String> = policies
        .policies
        .iter()
        .filter(|p| {
            written
                .iter()
                .any(|id| crate::policy::peers::names(&p.meta, peer, id))
        })
        .map(|p| p.meta.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Splits written ids into known current ids and unknown ones.
fn resolve(written: &[String], known: &BTreeMap<String, String>) -> (Vec<String>, Vec<String>) {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for id in written {
        match known.get(id) {
            Some(current) => ids.push(current.clone()),
            None => unknown.push(id.clone()),
        }
    }
    (ids, unknown)
}

/// Runs the suppression policies over every ignore and adds their findings.
fn judge(out: &mut Work<'_>, ignores: &[Ignore], today: Date, policies: &Compiled) {
    let resources: Vec<serde_json::Value> = ignores
        .iter()
        .enumerate()
        .map(|(n, i)| {
            serde_json::json!({
                "address": format!("{IGNORE_TYPE}.{n}"),
                "mode": "managed",
                "type": IGNORE_TYPE,
                "name": n.to_string(),
                "provider": "tfward",
                "values": {
                    "source": i.source,
                    "ids": i.ids_written,
                    "unknown_ids": i.unknown_ids,
                    "unknown_fields": i.unknown_fields,
                    "reason": i.reason.trim(),
                    "until": i.until,
                    "until_valid": i.until_valid,
                    "expired": i.expired,
                    "today": today.to_string(),
                    "file": i.file,
                    "line": i.line,
                },
                "unknown": [],
                "references": {},
            })
        })
        .collect();
    let doc = serde_json::json!({
        "source": "config",
        "module": "",
        "resources": resources,
        "module_calls": [],
        "providers": [],
        "variables": {},
        "outputs": {},
    });
    let types: HashSet<&str> = [IGNORE_TYPE].into_iter().collect();
    let mut engine = policies.worker();
    let (raw, errors) = policies.evaluate(
        &mut engine,
        || crate::policy::engine::input_value(doc),
        &types,
    );
    for e in errors {
        let p = &policies.policies[e.policy];
        out.diagnostics.push(Diagnostic::error(
            "<suppressions>",
            0,
            0,
            format!(
                "policy {} failed on the suppressions: {}",
                p.meta.id, e.message
            ),
        ));
    }
    let mut seen = HashSet::new();
    for r in raw {
        let Some(i) = r
            .address
            .strip_prefix(IGNORE_TYPE)
            .and_then(|s| s.strip_prefix('.'))
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| ignores.get(n))
        else {
            continue;
        };
        let p = &policies.policies[r.policy];
        let module_path = Path::new(&i.file)
            .parent()
            .map(display_path)
            .unwrap_or_default();
        let mut fp_path = i.path.clone();
        fp_path.push(PathSegment::Key(MARKER_KEY.into()));
        fp_path.push(PathSegment::Key(i.ids_written.join(",")));
        let fp = fingerprint(&p.meta.id, &module_path, &i.address, &fp_path);
        if !seen.insert((fp.clone(), r.message.clone())) {
            continue;
        }
        out.findings.push(Finding {
            rule_id: p.meta.id.clone(),
            severity: p.meta.severity,
            title: p.meta.title.clone(),
            message: r.message,
            file: i.file.clone(),
            line: i.line,
            column: i.column,
            end_line: i.end_line,
            end_column: i.end_column,
            address: i.address.clone(),
            path: i.path.clone(),
            module: String::new(),
            via: None,
            fingerprint: fp,
        });
    }
}

/// The path element that keeps an ignore's fingerprint apart from the
/// findings of the structure it covers.
const MARKER_KEY: &str = "tfward:ignore";
