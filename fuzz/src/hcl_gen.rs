//! Structure-aware HCL: the fuzzer's bytes choose a small Terraform
//! project — a root module and up to two child modules that call each
//! other (and themselves, and directories that do not exist) — with
//! variables, locals, resources with `count`/`for_each`, nested and
//! `dynamic` blocks, data sources, module calls, outputs, and expressions of
//! every kind: templates with directives, heredocs, `for` expressions,
//! splats, conditionals, operators and calls of tfward's real function
//! names. The project is printed as HCL (and partly as `.tf.json`), so it
//! goes through the same parser as a file on disk.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use arbitrary::{Result, Unstructured};
use tfward::terraform::module::Inputs;

use super::dict;
use super::values;

/// A generated project: files relative to the scanned root, and the
/// variable values given from outside (`--var`).
#[derive(Debug, Default)]
pub struct Program {
    pub files: Vec<(String, String)>,
    pub inputs: Inputs,
}

/// Child module directories, relative to the root.
const CHILDREN: &[&str] = &["modules/a", "modules/b"];

/// Names for variables, locals, resources, outputs and iteration
/// variables; a few odd ones that are still identifiers.
const NAMES: &[&str] = &[
    "a",
    "b",
    "c",
    "name",
    "tags",
    "x_y",
    "with-dash",
    "_u",
    "v2",
    "this",
    "each",
    "count",
    "é",
];

const OPERATORS: &[&str] = &[
    "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
];

const TYPES: &[&str] = &[
    "string",
    "number",
    "bool",
    "any",
    "list(string)",
    "map(string)",
    "set(number)",
    "list(any)",
    "map(any)",
    "object({ a = string, b = optional(number, 1), c = optional(list(string)) })",
    "tuple([string, number])",
    "list(object({ name = string, port = number }))",
];

const MODULE_SOURCES: &[&str] = &[
    "./missing",
    "../..",
    "/etc",
    "terraform-aws-modules/vpc/aws",
    "git::https://example.com/x.git?ref=v1",
    "./",
];

#[derive(Default)]
struct Scope {
    vars: Vec<String>,
    locals: Vec<String>,
    resources: Vec<(String, String)>,
    data: Vec<(String, String)>,
    modules: Vec<String>,
    /// Iteration variables in scope (for expressions, dynamic iterators).
    bound: Vec<String>,
    each: bool,
    count: bool,
}

struct Gen<'u, 'a> {
    u: &'u mut Unstructured<'a>,
    scope: Scope,
}

pub fn program(u: &mut Unstructured<'_>) -> Result<Program> {
    let mut program = Program::default();
    let children = u.int_in_range(0..=CHILDREN.len())?;
    let dirs: Vec<&str> = std::iter::once("")
        .chain(CHILDREN[..children].iter().copied())
        .collect();
    for (i, dir) in dirs.iter().enumerate() {
        // A child calls the next directory (and the last calls back).
        let callable: Vec<String> = match i {
            0 => CHILDREN[..children]
                .iter()
                .map(|c| format!("./{c}"))
                .collect(),
            _ => vec!["../a".into(), "../b".into(), "./".into()],
        };
        let mut g = Gen {
            u: &mut *u,
            scope: Scope::default(),
        };
        let files = g.module(&callable)?;
        for (name, text) in files {
            let path = if dir.is_empty() {
                name
            } else {
                format!("{dir}/{name}")
            };
            program.files.push((path, text));
        }
    }
    let vars = u.int_in_range(0..=2)?;
    for _ in 0..vars {
        let name = (*u.choose(NAMES)?).to_owned();
        if u.arbitrary()? {
            let mut g = Gen {
                u: &mut *u,
                scope: Scope::default(),
            };
            let raw = g.expr(2)?;
            program.inputs.raw.insert(name, raw);
        } else {
            program.inputs.values.insert(name, values::value(u, 2)?);
        }
    }
    Ok(program)
}

impl Gen<'_, '_> {
    fn name(&mut self) -> Result<String> {
        Ok((*self.u.choose(NAMES)?).to_owned())
    }

    fn resource_type(&mut self) -> Result<String> {
        let d = dict::get();
        if self.u.ratio(1u8, 8)? {
            return Ok("null_resource".into());
        }
        Ok((*self.u.choose(&d.resource_types)?).to_owned())
    }

    fn attribute(&mut self) -> Result<String> {
        Ok((*self.u.choose(&dict::get().attributes)?).to_owned())
    }

    /// One module: declares its names first, so references can point
    /// forwards, backwards and at themselves.
    fn module(&mut self, callable: &[String]) -> Result<Vec<(String, String)>> {
        for _ in 0..self.u.int_in_range(0..=3)? {
            let n = self.name()?;
            self.scope.vars.push(n);
        }
        for _ in 0..self.u.int_in_range(0..=3)? {
            let n = self.name()?;
            self.scope.locals.push(n);
        }
        for _ in 0..self.u.int_in_range(0..=4)? {
            let t = self.resource_type()?;
            let n = self.name()?;
            self.scope.resources.push((t, n));
        }
        for _ in 0..self.u.int_in_range(0..=1)? {
            let t = self.resource_type()?;
            let n = self.name()?;
            self.scope.data.push((t, n));
        }
        for _ in 0..self.u.int_in_range(0..=2)? {
            let n = self.name()?;
            self.scope.modules.push(n);
        }

        let mut main = String::new();
        if self.u.ratio(1u8, 3)? {
            self.terraform_block(&mut main)?;
        }
        if self.u.ratio(1u8, 3)? {
            self.provider_block(&mut main)?;
        }
        for v in self.scope.vars.clone() {
            self.variable_block(&mut main, &v)?;
        }
        if !self.scope.locals.is_empty() {
            main.push_str("locals {\n");
            for l in self.scope.locals.clone() {
                let e = self.expr(4)?;
                let _ = writeln!(main, "  {l} = {e}");
            }
            main.push_str("}\n");
        }
        for (t, n) in self.scope.resources.clone() {
            self.resource_block(&mut main, "resource", &t, &n)?;
        }
        for (t, n) in self.scope.data.clone() {
            self.resource_block(&mut main, "data", &t, &n)?;
        }
        for m in self.scope.modules.clone() {
            self.module_block(&mut main, &m, callable)?;
        }
        for _ in 0..self.u.int_in_range(0..=2)? {
            let n = self.name()?;
            let e = self.expr(3)?;
            let sensitive = if self.u.arbitrary()? {
                "\n  sensitive = true"
            } else {
                ""
            };
            let _ = writeln!(main, "output \"{n}\" {{\n  value = {e}{sensitive}\n}}");
        }
        if self.u.ratio(1u8, 6)? {
            self.misc_block(&mut main)?;
        }
        let mut files = vec![("main.tf".to_owned(), main)];
        if self.u.ratio(1u8, 4)? {
            files.push(("extra.tf.json".into(), self.json_config()?));
        }
        if self.u.ratio(1u8, 4)? {
            let mut tfvars = String::new();
            for v in self.scope.vars.clone() {
                let saved = std::mem::take(&mut self.scope);
                let e = self.expr(2)?;
                self.scope = saved;
                let _ = writeln!(tfvars, "{v} = {e}");
            }
            files.push(("terraform.tfvars".into(), tfvars));
        }
        Ok(files)
    }

    fn terraform_block(&mut self, out: &mut String) -> Result<()> {
        let version = quote(&values::string(self.u)?);
        let _ = writeln!(
            out,
            "terraform {{\n  required_version = {version}\n  required_providers {{\n    aws = {{\n      source  = \"hashicorp/aws\"\n      version = {}\n    }}\n  }}\n}}",
            quote(&values::string(self.u)?)
        );
        Ok(())
    }

    fn provider_block(&mut self, out: &mut String) -> Result<()> {
        let p = *self.u.choose(&["aws", "google", "azurerm", "kubernetes"])?;
        let region = self.expr(2)?;
        let tags = self.expr(2)?;
        let _ = write!(out, "provider \"{p}\" {{\n  region = {region}\n");
        if self.u.arbitrary()? {
            let alias = self.name()?;
            let _ = writeln!(out, "  alias = \"{alias}\"");
        }
        let _ = writeln!(out, "  default_tags {{\n    tags = {tags}\n  }}\n}}");
        Ok(())
    }

    fn variable_block(&mut self, out: &mut String, name: &str) -> Result<()> {
        let _ = writeln!(out, "variable \"{name}\" {{");
        if self.u.arbitrary()? {
            let t = *self.u.choose(TYPES)?;
            let _ = writeln!(out, "  type = {t}");
        }
        if self.u.arbitrary()? {
            // Defaults are literals in Terraform; a reference here is an
            // error tfward must report, not trip on.
            let saved = std::mem::take(&mut self.scope);
            let e = self.expr(3)?;
            self.scope = saved;
            let _ = writeln!(out, "  default = {e}");
        }
        if self.u.ratio(1u8, 3)? {
            out.push_str("  sensitive = true\n");
        }
        if self.u.ratio(1u8, 4)? {
            let cond = self.expr(2)?;
            let _ = writeln!(
                out,
                "  validation {{\n    condition     = {cond}\n    error_message = \"bad\"\n  }}"
            );
        }
        out.push_str("}\n");
        Ok(())
    }

    fn repetition(&mut self, out: &mut String) -> Result<()> {
        match self.u.int_in_range(0..=5u8)? {
            0 | 1 => {}
            2 => {
                let n = self.small_count()?;
                let _ = writeln!(out, "  count = {n}");
                self.scope.count = true;
            }
            3 => {
                let e = self.expr(3)?;
                let _ = writeln!(out, "  count = {e}");
                self.scope.count = true;
            }
            4 => {
                let e = self.for_each_collection()?;
                let _ = writeln!(out, "  for_each = {e}");
                self.scope.each = true;
            }
            _ => {
                let e = self.expr(3)?;
                let _ = writeln!(out, "  for_each = {e}");
                self.scope.each = true;
            }
        }
        Ok(())
    }

    fn small_count(&mut self) -> Result<String> {
        Ok(self.u.int_in_range(0..=3u8)?.to_string())
    }

    fn for_each_collection(&mut self) -> Result<String> {
        let n = self.u.int_in_range(0..=3)?;
        let mut keys = Vec::new();
        for _ in 0..n {
            keys.push(quote(&values::string(self.u)?));
        }
        Ok(if self.u.arbitrary()? {
            format!("toset([{}])", keys.join(", "))
        } else {
            let mut items = Vec::new();
            for k in keys {
                let v = self.expr(2)?;
                items.push(format!("{k} = {v}"));
            }
            format!("{{ {} }}", items.join(", "))
        })
    }

    fn resource_block(&mut self, out: &mut String, kind: &str, t: &str, n: &str) -> Result<()> {
        let _ = writeln!(out, "{kind} \"{t}\" \"{n}\" {{");
        self.repetition(out)?;
        self.body(out, 1, 3)?;
        if kind == "resource" && self.u.ratio(1u8, 4)? {
            let ignore = self.attribute()?;
            let _ = writeln!(
                out,
                "  lifecycle {{\n    prevent_destroy = {}\n    create_before_destroy = true\n    ignore_changes = [{ignore}]\n  }}",
                self.u.arbitrary::<bool>()?
            );
        }
        if self.u.ratio(1u8, 5)? {
            let r = self.reference()?;
            let _ = writeln!(out, "  depends_on = [{r}]");
        }
        out.push_str("}\n");
        self.scope.each = false;
        self.scope.count = false;
        Ok(())
    }

    /// Attributes and nested blocks at `indent`, `depth` block levels deep
    /// at most.
    fn body(&mut self, out: &mut String, indent: usize, depth: usize) -> Result<()> {
        let pad = "  ".repeat(indent);
        for _ in 0..self.u.int_in_range(0..=5)? {
            match self.u.int_in_range(0..=6u8)? {
                0..=3 => {
                    let a = self.attribute()?;
                    let e = self.expr(4)?;
                    let _ = writeln!(out, "{pad}{a} = {e}");
                }
                4 | 5 if depth > 0 => {
                    let b = self.attribute()?;
                    let _ = writeln!(out, "{pad}{b} {{");
                    self.body(out, indent + 1, depth - 1)?;
                    let _ = writeln!(out, "{pad}}}");
                }
                6 if depth > 0 => {
                    let b = self.attribute()?;
                    let coll = self.expr(3)?;
                    let iterator = self.name()?;
                    let _ = writeln!(
                        out,
                        "{pad}dynamic \"{b}\" {{\n{pad}  for_each = {coll}\n{pad}  iterator = {iterator}\n{pad}  content {{"
                    );
                    self.scope.bound.push(iterator);
                    self.body(out, indent + 2, depth - 1)?;
                    self.scope.bound.pop();
                    let _ = writeln!(out, "{pad}  }}\n{pad}}}");
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn module_block(&mut self, out: &mut String, name: &str, callable: &[String]) -> Result<()> {
        let source = if !callable.is_empty() && self.u.ratio(3u8, 4)? {
            self.u.choose(callable)?.clone()
        } else {
            (*self.u.choose(MODULE_SOURCES)?).to_owned()
        };
        let _ = writeln!(out, "module \"{name}\" {{\n  source = {}", quote(&source));
        self.repetition(out)?;
        if self.u.ratio(1u8, 4)? {
            out.push_str("  version = \"~> 1.0\"\n");
        }
        for _ in 0..self.u.int_in_range(0..=3)? {
            let input = self.name()?;
            let e = self.expr(3)?;
            let _ = writeln!(out, "  {input} = {e}");
        }
        if self.u.ratio(1u8, 5)? {
            out.push_str("  providers = {\n    aws = aws.a\n  }\n");
        }
        out.push_str("}\n");
        self.scope.each = false;
        self.scope.count = false;
        Ok(())
    }

    fn misc_block(&mut self, out: &mut String) -> Result<()> {
        let from = self.reference()?;
        let to = self.reference()?;
        let cond = self.expr(2)?;
        match self.u.int_in_range(0..=3u8)? {
            0 => {
                let _ = writeln!(out, "moved {{\n  from = {from}\n  to   = {to}\n}}");
            }
            1 => {
                let _ = writeln!(out, "import {{\n  to = {to}\n  id = {cond}\n}}");
            }
            2 => {
                let _ = writeln!(
                    out,
                    "check \"c\" {{\n  assert {{\n    condition     = {cond}\n    error_message = \"no\"\n  }}\n}}"
                );
            }
            _ => {
                let t = self.resource_type()?;
                let _ = writeln!(out, "ephemeral \"{t}\" \"e\" {{\n  value = {cond}\n}}");
            }
        }
        Ok(())
    }

    /// A few blocks in Terraform's JSON syntax, with `${}` templates.
    fn json_config(&mut self) -> Result<String> {
        let mut resources = serde_json::Map::new();
        for _ in 0..self.u.int_in_range(0..=2)? {
            let t = self.resource_type()?;
            let n = self.name()?;
            let mut body = serde_json::Map::new();
            for _ in 0..self.u.int_in_range(0..=3)? {
                let a = self.attribute()?;
                let v = if self.u.arbitrary()? {
                    serde_json::Value::String(format!("${{{}}}", self.expr(3)?))
                } else {
                    let keys = &dict::get().attributes;
                    values::json(self.u, 3, keys)?
                };
                body.insert(a, v);
            }
            let entry = resources
                .entry(t)
                .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
            if let Some(m) = entry.as_object_mut() {
                m.insert(n, serde_json::Value::Object(body));
            }
        }
        let mut locals = serde_json::Map::new();
        for _ in 0..self.u.int_in_range(0..=2)? {
            let n = self.name()?;
            locals.insert(
                n,
                serde_json::Value::String(format!("${{{}}}", self.expr(3)?)),
            );
        }
        let doc = serde_json::json!({
            "//": "generated",
            "resource": resources,
            "locals": locals,
        });
        Ok(if self.u.arbitrary()? {
            doc.to_string()
        } else {
            serde_json::to_string_pretty(&doc).unwrap_or_default()
        })
    }

    /// An expression, `depth` levels of nesting at most.
    pub fn expr(&mut self, depth: usize) -> Result<String> {
        let top = if depth == 0 { 3 } else { 16 };
        Ok(match self.u.int_in_range(0..=top)? {
            0 => quote(&values::string(self.u)?),
            1 => number_literal(values::number(self.u)?),
            2 => (*self.u.choose(&["true", "false", "null"])?).to_owned(),
            3 => self.reference()?,
            4 => self.template(depth - 1)?,
            5 => {
                let mut items = Vec::new();
                for _ in 0..self.u.int_in_range(0..=4)? {
                    items.push(self.expr(depth - 1)?);
                }
                format!("[{}]", items.join(", "))
            }
            6 => self.object(depth - 1)?,
            7 | 8 => self.call(depth - 1)?,
            9 => format!(
                "{} ? {} : {}",
                self.expr(depth - 1)?,
                self.expr(depth - 1)?,
                self.expr(depth - 1)?
            ),
            10 => {
                let op = *self.u.choose(OPERATORS)?;
                format!("{} {op} {}", self.expr(depth - 1)?, self.expr(depth - 1)?)
            }
            11 => {
                let op = *self.u.choose(&["!", "-"])?;
                format!("{op}{}", self.expr(depth - 1)?)
            }
            12 => self.for_expr(depth - 1)?,
            13 => self.traversal(depth - 1)?,
            14 => self.heredoc(depth - 1)?,
            15 => format!("({})", self.expr(depth - 1)?),
            _ => {
                let f = *self.u.choose(&["try", "can"])?;
                let mut args = vec![self.expr(depth - 1)?];
                if f == "try" && self.u.arbitrary()? {
                    args.push(self.expr(depth - 1)?);
                }
                format!("{f}({})", args.join(", "))
            }
        })
    }

    fn reference(&mut self) -> Result<String> {
        let s = &self.scope;
        let mut options: Vec<String> = Vec::new();
        options.extend(s.vars.iter().map(|v| format!("var.{v}")));
        options.extend(s.locals.iter().map(|l| format!("local.{l}")));
        options.extend(s.bound.iter().cloned());
        options.extend(s.resources.iter().map(|(t, n)| format!("{t}.{n}")));
        options.extend(s.data.iter().map(|(t, n)| format!("data.{t}.{n}")));
        options.extend(s.modules.iter().map(|m| format!("module.{m}")));
        if s.each {
            options.extend(["each.key".to_owned(), "each.value".to_owned()]);
        }
        if s.count {
            options.push("count.index".into());
        }
        options.extend(
            [
                "path.module",
                "path.root",
                "path.cwd",
                "terraform.workspace",
                "var.undeclared",
                "self.id",
            ]
            .map(str::to_owned),
        );
        let base = self.u.choose(&options)?.clone();
        // Resources, data sources and modules are read through an
        // attribute, an index or a splat.
        let needs_attr = base.matches('.').count() >= 1
            && !base.starts_with("var.")
            && !base.starts_with("local.")
            && !base.starts_with("path.")
            && !base.starts_with("each.")
            && !base.starts_with("count.")
            && !base.starts_with("terraform.")
            && !base.starts_with("self.");
        if needs_attr {
            let attr = self.attribute()?;
            return Ok(match self.u.int_in_range(0..=4u8)? {
                0 | 1 => format!("{base}.{attr}"),
                2 => format!("{base}[0].{attr}"),
                3 => format!("{base}[*].{attr}"),
                _ => format!("{base}[{}].{attr}", quote(&values::string(self.u)?)),
            });
        }
        Ok(base)
    }

    fn template(&mut self, depth: usize) -> Result<String> {
        let mut out = String::from("\"");
        for _ in 0..self.u.int_in_range(1..=3)? {
            match self.u.int_in_range(0..=3u8)? {
                0 => out.push_str(&escape(&values::string(self.u)?)),
                1 => {
                    let strip = if self.u.arbitrary()? { "~" } else { "" };
                    let _ = write!(out, "${{{strip}{}{strip}}}", self.expr(depth)?);
                }
                2 => {
                    let _ = write!(
                        out,
                        "%{{ if {} }}{}%{{ else }}{}%{{ endif }}",
                        self.expr(depth)?,
                        escape(&values::string(self.u)?),
                        escape(&values::string(self.u)?)
                    );
                }
                _ => {
                    let v = self.name()?;
                    let coll = self.expr(depth)?;
                    self.scope.bound.push(v.clone());
                    let body = self.expr(depth)?;
                    self.scope.bound.pop();
                    let _ = write!(out, "%{{ for {v} in {coll} ~}}${{{body}}},%{{ endfor }}");
                }
            }
        }
        out.push('"');
        Ok(out)
    }

    fn heredoc(&mut self, depth: usize) -> Result<String> {
        let indent = if self.u.arbitrary()? { "-" } else { "" };
        let mut body = String::new();
        for _ in 0..self.u.int_in_range(0..=3)? {
            let line = values::string(self.u)?.replace(['\n', '\r'], " ");
            let _ = writeln!(
                body,
                "    {}${{{}}}",
                line.replace("${", "$${").replace("%{", "%%{"),
                self.expr(depth)?
            );
        }
        Ok(format!("<<{indent}EOT\n{body}EOT\n"))
    }

    fn object(&mut self, depth: usize) -> Result<String> {
        let mut items = Vec::new();
        for _ in 0..self.u.int_in_range(0..=4)? {
            let key = match self.u.int_in_range(0..=3u8)? {
                0 => self.attribute()?,
                1 => quote(&values::string(self.u)?),
                2 => format!("({})", self.expr(depth)?),
                // The same key twice: Terraform keeps the last.
                _ => "port".to_owned(),
            };
            let sep = if self.u.arbitrary()? { "=" } else { ":" };
            items.push(format!("{key} {sep} {}", self.expr(depth)?));
        }
        Ok(if self.u.arbitrary()? {
            format!("{{ {} }}", items.join(", "))
        } else {
            format!("{{\n{}\n}}", items.join("\n"))
        })
    }

    fn call(&mut self, depth: usize) -> Result<String> {
        let name = match self.u.int_in_range(0..=19u8)? {
            0 => "provider::aws::arn_parse",
            1 => "no_such_function",
            _ => *self.u.choose(dict::function_names())?,
        };
        let mut args = Vec::new();
        for _ in 0..self.u.int_in_range(0..=4)? {
            args.push(self.expr(depth)?);
        }
        let expand = if !args.is_empty() && self.u.ratio(1u8, 8)? {
            "..."
        } else {
            ""
        };
        Ok(format!("{name}({}{expand})", args.join(", ")))
    }

    fn for_expr(&mut self, depth: usize) -> Result<String> {
        let coll = self.expr(depth)?;
        let k = self.name()?;
        let v = self.name()?;
        let two = self.u.arbitrary::<bool>()?;
        self.scope.bound.push(k.clone());
        if two {
            self.scope.bound.push(v.clone());
        }
        let vars = if two { format!("{k}, {v}") } else { k.clone() };
        let cond = if self.u.arbitrary()? {
            format!(" if {}", self.expr(depth)?)
        } else {
            String::new()
        };
        let out = if self.u.arbitrary()? {
            format!("[for {vars} in {coll} : {}{cond}]", self.expr(depth)?)
        } else {
            let group = if self.u.ratio(1u8, 4)? { "..." } else { "" };
            format!(
                "{{ for {vars} in {coll} : {} => {}{group}{cond} }}",
                self.expr(depth)?,
                self.expr(depth)?
            )
        };
        self.scope.bound.pop();
        if two {
            self.scope.bound.pop();
        }
        Ok(out)
    }

    fn traversal(&mut self, depth: usize) -> Result<String> {
        let base = if self.u.arbitrary()? {
            self.reference()?
        } else {
            format!("({})", self.expr(depth)?)
        };
        let attr = self.attribute()?;
        Ok(match self.u.int_in_range(0..=4u8)? {
            0 => format!("{base}.{attr}"),
            1 => format!("{base}[{}]", self.expr(depth)?),
            2 => format!("{base}[*].{attr}"),
            3 => format!("{base}.*.{attr}"),
            _ => format!("{base}.0"),
        })
    }
}

/// An HCL number literal (HCL has no negative literals: `-` is an operator).
fn number_literal(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e18 {
        format!("{}", n as i64)
    } else {
        format!("{n:e}")
    }
}

/// A quoted HCL string literal holding exactly `s`.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// For tests and the corpus tools: the variable values as `--var` text.
pub fn describe_inputs(inputs: &Inputs) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = inputs.raw.clone();
    for (k, v) in &inputs.values {
        out.insert(k.clone(), v.to_json().to_string());
    }
    out
}
