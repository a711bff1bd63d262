//! The model of HCL configuration: a root module directory and its child
//! modules evaluated (variables from tfvars, `--var-file`, `--var`,
//! `TF_VAR_*`) into one policy input document per module instance.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::discover::{Candidate, FileKind};
use crate::load::{load_one, Loaded};
use crate::model::document::{self as input, ModuleInput};
use crate::source::display_path;
use crate::terraform::eval::{Bindings, Eval};
use crate::terraform::module::{self, InputValue, Inputs, ModuleFile, VarSource};
use crate::terraform::value::Value;

/// All loaded configuration files as a module project.
pub(crate) fn project(loaded: &[Loaded]) -> module::Project<'_> {
    module::Project::new(
        loaded
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind.is_config())
            .filter_map(|(i, l)| {
                l.hcl.as_ref().map(|hcl| ModuleFile {
                    file: i,
                    source: &l.source,
                    hcl,
                })
            })
            .collect(),
    )
}

/// Evaluates a root module directory and its child modules into one input
/// document per module instance.
pub(crate) fn build_tree(
    project: &module::Project<'_>,
    dir: &Path,
    files: &[usize],
    loaded: &[Loaded],
    cli: &Inputs,
    scan_root: &Path,
    workspace: &str,
) -> Vec<ModuleInput> {
    let mut inputs = tfvars_inputs(files, loaded);
    inputs.schema = cli.schema.clone();
    inputs.downloaded = cli.downloaded.clone();
    inputs.max_instances = cli.max_instances;
    // Command-line values win over files found in the directory.
    for (k, v) in &cli.values {
        inputs.values.insert(k.clone(), v.clone());
    }
    for (k, v) in &cli.raw {
        inputs.values.remove(k);
        inputs.raw.insert(k.clone(), v.clone());
    }
    for (k, v) in &cli.env {
        if !inputs.values.contains_key(k) && !inputs.raw.contains_key(k) {
            inputs.env.insert(k.clone(), v.clone());
        }
    }
    module::evaluate_tree(project, dir, &inputs, scan_root, workspace)
        .into_iter()
        .map(|evaluated| {
            let mut input = input::from_config(
                &shown_dir(project, &evaluated.dir),
                &evaluated.address,
                &evaluated,
            );
            input.issues = evaluated.issues.clone();
            if !evaluated.address.is_empty() {
                input.root_dir = display_path(dir);
                input.call_chain = evaluated.call_chain.clone();
            }
            input
        })
        .collect()
}

/// How a module directory is shown (and fingerprinted): as its files are,
/// so a downloaded package's module is named by the package's source
/// (fetch::Names), whatever the cache's location; else by its path.
fn shown_dir(project: &module::Project<'_>, dir: &Path) -> String {
    let renamed = project.module_files(dir).into_iter().find_map(|f| {
        let shown = f.source.display.as_str();
        if shown == display_path(&f.source.path) {
            return None;
        }
        let name = f.source.path.file_name()?.to_str()?;
        Some(shown.strip_suffix(name)?.trim_end_matches('/').to_owned())
    });
    renamed.unwrap_or_else(|| display_path(dir))
}

/// Variable values from the module directory's tfvars files, in
/// Terraform's order: terraform.tfvars, terraform.tfvars.json, then
/// *.auto.tfvars(.json) by name.
fn tfvars_inputs(files: &[usize], loaded: &[Loaded]) -> Inputs {
    let mut ordered: Vec<(u8, &str, usize)> = files
        .iter()
        .filter_map(|&i| {
            let name = loaded[i].source.path.file_name()?.to_str()?;
            let rank = match name {
                "terraform.tfvars" => 0,
                "terraform.tfvars.json" => 1,
                n if n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json") => 2,
                _ => return None,
            };
            Some((rank, name, i))
        })
        .collect();
    ordered.sort();
    let mut inputs = Inputs::default();
    for (_, _, i) in ordered {
        read_var_file(&loaded[i], &mut inputs);
    }
    inputs
}

/// Reads one tfvars file's values into `inputs` (later files win).
fn read_var_file(l: &Loaded, inputs: &mut Inputs) {
    match l.kind {
        FileKind::Tfvars => {
            if let Some(hcl) = &l.hcl {
                let resolver = crate::terraform::module::LiteralResolver;
                let eval = Eval::new(&resolver);
                for attr in hcl.body.attributes() {
                    inputs.set(
                        attr.key.value().as_str(),
                        InputValue::Value(eval.expr(&attr.value, Bindings::EMPTY), None),
                    );
                }
            }
        }
        FileKind::TfvarsJson => {
            if let Ok(serde_json::Value::Object(map)) =
                serde_json::from_str::<serde_json::Value>(&l.source.text)
            {
                for (k, v) in map {
                    inputs.set(&k, InputValue::Value(Value::from_json(&v), None));
                }
            }
        }
        _ => {}
    }
}

/// `--var-file`, `--var` and `TF_VAR_*` values.
pub(crate) fn cli_inputs(
    var_files: &[PathBuf],
    vars: &[(String, String)],
    order: &[VarSource],
    env_vars: &[(String, String)],
) -> Result<Inputs, Diagnostic> {
    let mut inputs = Inputs::default();
    for (k, v) in env_vars {
        inputs.env.insert(k.clone(), v.clone());
    }
    // In command-line order, the later winning (Terraform's rule); without
    // an order (a library caller), every file, then every --var.
    let mut files = var_files.iter();
    let mut values = vars.iter();
    let sources = order
        .iter()
        .copied()
        .chain(std::iter::repeat_n(VarSource::File, var_files.len()))
        .chain(std::iter::repeat_n(VarSource::Value, vars.len()));
    for source in sources {
        match source {
            VarSource::File => {
                if let Some(path) = files.next() {
                    read_var_file_at(path, &mut inputs)?;
                }
            }
            VarSource::Value => {
                if let Some((k, v)) = values.next() {
                    inputs.set(k, InputValue::Raw(v.clone()));
                }
            }
        }
    }
    Ok(inputs)
}

/// Reads one `--var-file` into `inputs`.
fn read_var_file_at(path: &Path, inputs: &mut Inputs) -> Result<(), Diagnostic> {
    let kind = if path.to_string_lossy().ends_with(".json") {
        FileKind::TfvarsJson
    } else {
        FileKind::Tfvars
    };
    let c = Candidate {
        path: path.to_path_buf(),
        kind,
        size: 0,
    };
    let l = load_one(&c, u64::MAX)?;
    if kind == FileKind::TfvarsJson {
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&l.source.text) {
            return Err(Diagnostic::error(
                &display_path(path),
                e.line(),
                e.column(),
                format!("invalid JSON: {e}"),
            ));
        }
    }
    read_var_file(&l, inputs);
    Ok(())
}
