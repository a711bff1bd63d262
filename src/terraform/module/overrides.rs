//! Override files (`override.tf`, `*_override.tf` and their `.tf.json` and
//! `.tofu` forms), merged into the module's other files as Terraform merges
//! them (https://developer.hashicorp.com/terraform/language/files/override):
//! an override block replaces the original block's arguments one by one;
//! a nested block type it writes replaces every block of that type in the
//! original (`lifecycle` merges argument by argument); `locals` replace by
//! name. Override files apply in lexical order of their names, after the
//! other files.

use std::path::Path;

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body, Structure};

use super::{HashMap, HashSet, ModuleFile};

/// The merged blocks of one module.
#[derive(Default)]
pub(super) struct Overrides {
    /// File index -> that file's body with the override blocks merged in
    /// (only for files that have an overridden block).
    pub(super) bodies: HashMap<usize, Body>,
    /// Override blocks merged into an original: (file index, block index
    /// among the file's blocks). The others are read as ordinary blocks.
    pub(super) merged: HashSet<(usize, usize)>,
    /// (file index, block index) of an original block -> its top-level
    /// arguments and nested block types that an override file replaced, with
    /// that file's index (their spans are in it).
    pub(super) origins: HashMap<(usize, usize), HashMap<String, usize>>,
}

/// True for a file whose blocks override the module's other files.
pub(super) fn is_override_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let stem = [".tf.json", ".tofu.json", ".tf", ".tofu"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext));
    stem.is_some_and(|s| s == "override" || s.ends_with("_override"))
}

/// Merges the override files among `files` into the others.
pub(super) fn merge(files: &[&ModuleFile<'_>]) -> Overrides {
    let mut out = Overrides::default();
    let mut overrides: Vec<&ModuleFile<'_>> = files
        .iter()
        .copied()
        .filter(|f| is_override_file(&f.source.path))
        .collect();
    if overrides.is_empty() {
        return out;
    }
    overrides.sort_by(|a, b| a.source.path.file_name().cmp(&b.source.path.file_name()));
    let originals: Vec<&ModuleFile<'_>> = files
        .iter()
        .copied()
        .filter(|f| !is_override_file(&f.source.path))
        .collect();
    for o in overrides {
        for (i, block) in o.hcl.body.blocks().enumerate() {
            let Some(key) = block_key(block) else {
                continue;
            };
            let target = originals.iter().find_map(|f| {
                f.hcl
                    .body
                    .blocks()
                    .position(|b| block_key(b).as_ref() == Some(&key))
                    .map(|j| (f, j))
            });
            let Some((f, j)) = target else {
                // Terraform refuses an override of a block that does not
                // exist; tfward reads it as an ordinary block.
                continue;
            };
            let body = out
                .bodies
                .entry(f.file)
                .or_insert_with(|| f.hcl.body.clone());
            if let Some(original) = body.blocks_mut().nth(j) {
                let origins = out.origins.entry((f.file, j)).or_default();
                for key in merge_block(original, block) {
                    origins.insert(key, o.file);
                }
                out.merged.insert((o.file, i));
            }
        }
    }
    out
}

/// What identifies a block that an override can replace: its type and
/// labels, and for a provider configuration its alias.
fn block_key(block: &Block) -> Option<(String, Vec<String>, Option<String>)> {
    let ident = block.ident.value().as_str();
    if !matches!(
        ident,
        "resource" | "data" | "ephemeral" | "module" | "output" | "variable" | "provider"
    ) {
        return None;
    }
    let labels = block.labels.iter().map(|l| l.as_str().to_owned()).collect();
    let alias = (ident == "provider")
        .then(|| block.body.get_attribute("alias"))
        .flatten()
        .and_then(|a| match &a.value {
            Expression::String(s) => Some(s.value().to_string()),
            _ => None,
        });
    Some((ident.to_owned(), labels, alias))
}

/// Merges `over` into `original`, as Terraform does; returns the argument
/// names and nested block types taken from `over`.
fn merge_block(original: &mut Block, over: &Block) -> Vec<String> {
    let mut replaced_types: HashSet<String> = HashSet::new();
    let mut taken = Vec::new();
    for structure in over.body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                let key = attr.key.value().to_string();
                original.body.remove_attribute(&key);
                original.body.push(attr.clone());
                taken.push(key);
            }
            Structure::Block(b) if b.ident.value().as_str() == "lifecycle" => {
                // lifecycle merges argument by argument.
                if original.body.get_blocks("lifecycle").next().is_none() {
                    original.body.push(Block::new(b.ident.clone()));
                }
                if let Some(lc) = original.body.get_blocks_mut("lifecycle").next() {
                    merge_block(lc, b);
                }
            }
            Structure::Block(b) => {
                let ty = nested_type(b);
                if replaced_types.insert(ty.clone()) {
                    remove_nested(&mut original.body, &ty);
                    taken.push(ty);
                }
                original.body.push(b.clone());
            }
        }
    }
    taken
}

/// A nested block's type: its identifier, or a `dynamic` block's label.
fn nested_type(b: &Block) -> String {
    match (b.ident.value().as_str(), b.labels.first()) {
        ("dynamic", Some(label)) => label.as_str().to_owned(),
        (ident, _) => ident.to_owned(),
    }
}

fn remove_nested(body: &mut Body, ty: &str) {
    let mut i = 0;
    while i < body.len() {
        let matches = matches!(body.get(i), Some(Structure::Block(b)) if nested_type(b) == ty);
        if matches {
            body.remove(i);
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_file_names_are_those_terraform_names() {
        for name in [
            "override.tf",
            "override.tf.json",
            "a_override.tf",
            "b_override.tf.json",
            "c_override.tofu",
            "override.tofu.json",
        ] {
            assert!(is_override_file(Path::new(name)), "{name}");
        }
        for name in [
            "main.tf",
            "overrides.tf",
            "my-override.tf",
            "override.tfvars",
        ] {
            assert!(!is_override_file(Path::new(name)), "{name}");
        }
    }
}
