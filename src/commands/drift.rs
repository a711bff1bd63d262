//! `tfward drift --state STATE DIR`: a state against its configuration.

use std::path::PathBuf;

use crate::cli::{DriftArgs, Format};
use crate::diagnostic::Level;
use crate::error::{ExitStatus, Fatal};
use crate::pipeline::ScanOptions;
use crate::policy::engine::{Compiled, EngineOptions};
use crate::policy::PolicySet;
use crate::report;

use super::init_threads;
use super::output::emit;

/// `tfward drift --state STATE DIR`.
pub(crate) fn drift_command(args: DriftArgs) -> Result<ExitStatus, Fatal> {
    use crate::analyse::drift::{self, ConfigResource, DriftKind};
    init_threads(None);
    let (state_file, state) = crate::load::read_plan(&args.state)
        .map_err(|d| Fatal(format!("{}:{}:{}: {}", d.file, d.line, d.column, d.message)))?;
    if state.kind == crate::plan::JsonKind::Plan {
        return Err(Fatal(format!(
            "{} is a plan; `tfward drift` compares a state (its drift is shown by `tfward scan PLAN`)",
            state_file.display
        )));
    }
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if !dir.is_dir() {
        return Err(Fatal(format!("{}: not a directory", dir.display())));
    }
    let vars = args.vars.clone();
    let none = Compiled::new(&PolicySet::default(), &EngineOptions::default())
        .map_err(|e| Fatal(e.to_string()))?;
    let opts = ScanOptions {
        paths: vec![dir.clone()],
        max_file_size: crate::load::DEFAULT_MAX_FILE_SIZE,
        var_files: args.var_files.clone(),
        var_order: args.var_order.clone(),
        vars,
        workspace: "default".into(),
        keep_inputs: true,
        provider_schema: super::prepare::load_provider_schema(args.provider_schema.as_deref())?,
        // drift reads no tfward.toml: only --module-host limits the hosts.
        download_modules: super::prepare::download(&args.download, &Default::default())?,
        ..ScanOptions::default()
    };
    let out = crate::pipeline::run(&opts, &none);
    // Only the root module tree at DIR (not every directory below it).
    let root = crate::source::display_path(&dir);
    // Without configuration every resource would read as "removed from
    // code": say what is missing instead.
    if !out
        .kept
        .iter()
        .any(|m| m.module.is_empty() && m.module_path == root)
    {
        return Err(Fatal(format!(
            "{root}: no Terraform configuration here (.tf, .tf.json or .tofu files); `tfward drift` compares a state with the root module that manages it, so pass that folder"
        )));
    }
    let config: Vec<ConfigResource> = out
        .kept
        .iter()
        .filter(|m| {
            if m.module.is_empty() {
                m.module_path == root
            } else {
                m.root_dir == root
            }
        })
        .flat_map(|m| m.resources.iter())
        .filter(|r| r.managed)
        .map(|r| ConfigResource {
            address: r.address.clone(),
            values: r.values.clone(),
            expanded: r.expanded,
        })
        .collect();
    let drifted = drift::compare(&state.resources, &config);
    // A module that could not be downloaded makes its resources read as
    // removed from code: say why on stderr.
    for d in out.diagnostics.iter().filter(|d| d.level == Level::Warning) {
        super::output::print_diagnostic("warning", d);
    }
    let errors: Vec<&crate::diagnostic::Diagnostic> = out
        .diagnostics
        .iter()
        .filter(|d| d.level == crate::diagnostic::Level::Error)
        .collect();
    let text = match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "version": report::REPORT_VERSION,
                "tool": report::TOOL,
                "state": state_file.display,
                "config": root,
                "drift": drifted,
                "errors": errors,
            });
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Human => {
            let mut s = String::new();
            for e in &errors {
                s.push_str(&format!(
                    "error: {}:{}:{}: {}\n",
                    e.file, e.line, e.column, e.message
                ));
            }
            for d in &drifted {
                match d.kind {
                    DriftKind::NotInConfig => s.push_str(&format!(
                        "- {}: in state, not in configuration (removed from code, still live)\n",
                        d.address
                    )),
                    DriftKind::NotInState => s.push_str(&format!(
                        "+ {}: in configuration, not in state (never applied, or deleted outside Terraform)\n",
                        d.address
                    )),
                    DriftKind::Changed => {
                        s.push_str(&format!("~ {}: configuration and state differ\n", d.address));
                        for a in &d.attributes {
                            let show = |v: &serde_json::Value| {
                                if a.sensitive { "(sensitive)".to_owned() } else { v.to_string() }
                            };
                            s.push_str(&format!("    {}: config {} != state {}\n", a.path, show(&a.config), show(&a.state)));
                        }
                    }
                }
            }
            s.push_str(&format!(
                "{} resource{} drifted between {} and {}\n",
                drifted.len(),
                if drifted.len() == 1 { "" } else { "s" },
                state_file.display,
                root
            ));
            s
        }
    };
    emit(&text, None)?;
    Ok(if !errors.is_empty() {
        ExitStatus::Error
    } else if drifted.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    })
}
