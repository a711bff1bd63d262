//! The blocks of a module, gathered from all its files: variables,
//! locals, resources and data sources, module calls, outputs, providers and
//! `terraform` blocks.

use super::overrides::{is_override_file, Overrides};
use super::*;

/// The blocks of a module, gathered from all its files.
pub(super) struct Config<'a> {
    pub(super) variables: Vec<(&'a Block, usize)>,
    pub(super) locals: HashMap<&'a str, (&'a Expression, SpanRef)>,
    pub(super) resources: Vec<ResourceBlock<'a>>,
    pub(super) module_calls: Vec<(&'a Block, usize)>,
    pub(super) outputs: Vec<(&'a Block, usize)>,
    pub(super) providers: Vec<(&'a Block, usize)>,
    pub(super) terraform: Vec<(&'a Block, usize)>,
    pub(super) renamed: HashMap<(usize, usize), String>,
    /// Large literal objects read before parsing, by (file, offset of `{`).
    pub(super) lifted: HashMap<(usize, usize), std::sync::Arc<crate::terraform::value::Value>>,
}

pub(super) struct ResourceBlock<'a> {
    pub(super) mode: Mode,
    pub(super) rtype: &'a str,
    pub(super) name: &'a str,
    pub(super) block: &'a Block,
    pub(super) file: usize,
    /// Arguments and nested block types an override file replaced -> that
    /// file's index.
    pub(super) origins: Option<&'a HashMap<String, usize>>,
}

impl<'a> Config<'a> {
    /// `merged` holds the bodies of the files that override files change
    /// (overrides.rs); those replace the files' own bodies, and the override
    /// blocks merged into them are skipped.
    pub(super) fn gather(files: &[&'a ModuleFile<'a>], merged: &'a Overrides) -> Config<'a> {
        let mut c = Config {
            variables: Vec::new(),
            locals: HashMap::new(),
            resources: Vec::new(),
            module_calls: Vec::new(),
            outputs: Vec::new(),
            providers: Vec::new(),
            terraform: Vec::new(),
            renamed: HashMap::new(),
            lifted: HashMap::new(),
        };
        // Override files last, in lexical order, so their locals win.
        let mut ordered: Vec<&&ModuleFile<'a>> = files.iter().collect();
        ordered.sort_by_key(|f| {
            let name = f.source.path.file_name();
            (
                is_override_file(&f.source.path),
                if is_override_file(&f.source.path) {
                    name
                } else {
                    None
                },
            )
        });
        for f in ordered {
            for (&offset, name) in &f.hcl.renamed_keys {
                c.renamed.insert((f.file, offset), name.clone());
            }
            for (&offset, value) in &f.hcl.lifted {
                c.lifted.insert((f.file, offset), value.clone());
            }
            let body = merged.bodies.get(&f.file).unwrap_or(&f.hcl.body);
            for (i, block) in body.blocks().enumerate() {
                if merged.merged.contains(&(f.file, i)) {
                    continue;
                }
                let origins = merged.origins.get(&(f.file, i));
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                match (block.ident.value().as_str(), labels.as_slice()) {
                    ("variable", [_]) => c.variables.push((block, f.file)),
                    ("locals", []) => {
                        for attr in block.body.attributes() {
                            let span = SpanRef {
                                file: f.file,
                                span: attr.span().unwrap_or(0..0),
                            };
                            c.locals
                                .insert(attr.key.value().as_str(), (&attr.value, span));
                        }
                    }
                    ("resource" | "ephemeral", [t, n]) => {
                        let mode = if block.ident.value().as_str() == "ephemeral" {
                            Mode::Ephemeral
                        } else {
                            Mode::Managed
                        };
                        c.resources.push(ResourceBlock {
                            mode,
                            rtype: t,
                            name: n,
                            block,
                            file: f.file,
                            origins,
                        })
                    }
                    ("data", [t, n]) => c.resources.push(ResourceBlock {
                        mode: Mode::Data,
                        rtype: t,
                        name: n,
                        block,
                        file: f.file,
                        origins,
                    }),
                    ("module", [_]) => c.module_calls.push((block, f.file)),
                    ("output", [_]) => c.outputs.push((block, f.file)),
                    ("provider", [_]) => c.providers.push((block, f.file)),
                    ("terraform", []) => c.terraform.push((block, f.file)),
                    _ => {}
                }
            }
        }
        c
    }

    pub(super) fn find_resource(
        &self,
        mode: Mode,
        rtype: &str,
        name: &str,
    ) -> Option<&ResourceBlock<'a>> {
        self.resources
            .iter()
            .find(|r| r.mode == mode && r.rtype == rtype && r.name == name)
    }
}
