//! A module directory's configuration, evaluated: variables (defaults,
//! tfvars, command line, environment), locals, resources expanded by
//! `count`/`for_each`, `dynamic` blocks, and the module's calls, providers and
//! outputs. The result is the model the policy input document is built from,
//! plus the span of every block and attribute for pointing findings at lines.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use hcl_edit::expr::Expression;
use hcl_edit::repr::Span;
use hcl_edit::structure::{Block, Body, Structure};

use super::eval::{apply_ops, error, Binding, Bindings, Eval, Op, Resolver};
use super::functions::FnContext;
use super::parse::ParsedHcl;
use super::value::Value;
use crate::source::SourceFile;

/// One parsed file of a module.
pub struct ModuleFile<'a> {
    pub file: usize,
    pub source: &'a SourceFile,
    pub hcl: &'a ParsedHcl,
}

/// Variable values from outside the module: tfvars files, `--var`,
/// `--var-file`, `TF_VAR_*`, or the arguments of a module call. Later
/// entries win.
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    pub values: BTreeMap<String, Value>,
    /// `--var name=value`: a string, or an HCL expression when the
    /// variable's type is not `string` (Terraform's rule).
    pub raw: BTreeMap<String, String>,
    /// `TF_VAR_name`, same rule, lowest precedence.
    pub env: BTreeMap<String, String>,
}

/// Resolves nothing: for tfvars files and `--var` values, which are literals.
pub struct LiteralResolver;

impl Resolver for LiteralResolver {
    fn variable(&self, name: &str) -> Value {
        error(format!(
            "var.{name} cannot be used here: variable values are literals"
        ))
    }
    fn local(&self, name: &str) -> Value {
        error(format!("local.{name} cannot be used here"))
    }
    fn module(&self, name: &str) -> Value {
        error(format!("module.{name} cannot be used here"))
    }
    fn resource(&self, _data: bool, rtype: &str, name: &str, _ops: &[Op]) -> Value {
        error(format!("{rtype}.{name} cannot be used here"))
    }
    fn builtin(&self, root: &str, attr: &str) -> Value {
        error(format!("{root}.{attr} cannot be used here"))
    }
    fn with_fn_context(
        &self,
        f: &mut dyn FnMut(&FnContext<'_>) -> Result<Value, String>,
    ) -> Result<Value, String> {
        let render = |_: &str, _: &BTreeMap<String, Value>| -> Result<Value, String> {
            Err("templatefile cannot be used here".into())
        };
        let dir = Path::new(".");
        f(&FnContext {
            module_dir: dir,
            root_dir: dir,
            render_template: &render,
        })
    }
}

/// A `--var`/`TF_VAR_` string as the variable's type wants it.
fn raw_value(raw: &str, type_is_string: bool) -> Value {
    if type_is_string {
        return Value::String(raw.to_owned());
    }
    match hcl_edit::parser::parse_expr(raw) {
        Ok(expr) => match Eval::new(&LiteralResolver).expr(&expr, Bindings::EMPTY) {
            Value::Unknown(_) => Value::String(raw.to_owned()),
            v => v,
        },
        Err(_) => Value::String(raw.to_owned()),
    }
}

/// Where findings point: a block or attribute in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanRef {
    pub file: usize,
    pub span: std::ops::Range<usize>,
}

/// An evaluated resource or data source instance.
#[derive(Debug, Clone)]
pub struct ResourceInstance {
    pub address: String,
    pub mode: Mode,
    pub rtype: String,
    pub name: String,
    pub provider: String,
    /// The evaluated body: an object.
    pub values: Value,
    /// attribute -> addresses its expression refers to (module-relative,
    /// without instance keys, as Terraform's configuration lists them).
    pub references: BTreeMap<String, Vec<String>>,
    /// attribute -> the resource instances its value was computed from,
    /// with instance keys (`aws_s3_bucket.c[1]`); only attributes that reach
    /// an instance of a repeated resource are listed.
    pub instance_references: BTreeMap<String, Vec<String>>,
    /// False when `count`/`for_each` could not be evaluated, so the block
    /// stands for an unknown number of instances.
    pub expanded: bool,
    /// The block and each attribute path ("ingress.0.from_port") it came from.
    pub block: SpanRef,
    pub spans: HashMap<String, SpanRef>,
    /// Lifecycle facts the report needs (prevent_destroy, create_before_destroy).
    pub lifecycle: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mode {
    Managed,
    Data,
    /// `ephemeral` blocks (Terraform 1.10+): opened for the run, never stored.
    Ephemeral,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Managed => "managed",
            Mode::Data => "data",
            Mode::Ephemeral => "ephemeral",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ModuleCall {
    pub name: String,
    pub source: Option<String>,
    pub version: Option<String>,
    pub block: SpanRef,
    /// Where the module's code was found; None when it is not available
    /// (a registry or git module before `terraform init`).
    pub resolved_dir: Option<PathBuf>,
    /// Spans of the call's arguments (`source`, `version`, inputs).
    pub attrs: HashMap<String, SpanRef>,
    pub status: CallStatus,
}

/// What became of a module call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CallStatus {
    /// Its module was read and evaluated with the call's inputs.
    #[default]
    Evaluated,
    /// A registry or git module that `terraform init` has not installed.
    NotInstalled,
    /// A local source with no module there (Terraform's init fails on it).
    Missing,
    /// Not followed: recursive, too deep, or its source is not known.
    NotFollowed,
}

#[derive(Debug, Clone)]
pub struct Provider {
    pub name: String,
    pub source: Option<String>,
    pub version_constraint: Option<String>,
    /// Declared in `required_providers`.
    pub required: bool,
    /// Has a `provider` block.
    pub configured: bool,
    pub span: SpanRef,
}

#[derive(Debug, Clone)]
pub struct Variable {
    pub name: String,
    pub value: Value,
    pub sensitive: bool,
    pub span: SpanRef,
}

#[derive(Debug, Clone)]
pub struct Output {
    pub name: String,
    pub value: Value,
    pub sensitive: bool,
}

/// A problem in the configuration that is not a parse error (a local that
/// refers to itself, a module call that cannot be followed).
#[derive(Debug, Clone)]
pub struct ConfigIssue {
    pub at: SpanRef,
    pub message: String,
    /// An error stops tfward from doing its job on this module (exit 2);
    /// a warning leaves part of it unevaluated and says so.
    pub error: bool,
}

/// The evaluated module.
#[derive(Debug, Default)]
pub struct EvaluatedModule {
    pub resources: Vec<ResourceInstance>,
    pub module_calls: Vec<ModuleCall>,
    pub providers: Vec<Provider>,
    pub variables: Vec<Variable>,
    pub outputs: Vec<Output>,
    pub issues: Vec<ConfigIssue>,
    /// Known string values of sensitive variables: never to be printed.
    pub sensitive_strings: Vec<String>,
    /// "" for a root module, "module.a" for a child.
    pub address: String,
    pub dir: PathBuf,
    /// The module blocks that lead here from the root, outermost first.
    pub call_chain: Vec<SpanRef>,
    /// provider name -> tags from `default_tags` (AWS), own or inherited
    /// from the calling module.
    pub default_tags: BTreeMap<String, Value>,
}

/// The blocks of a module, gathered from all its files.
struct Config<'a> {
    variables: Vec<(&'a Block, usize)>,
    locals: HashMap<&'a str, (&'a Expression, SpanRef)>,
    resources: Vec<ResourceBlock<'a>>,
    module_calls: Vec<(&'a Block, usize)>,
    outputs: Vec<(&'a Block, usize)>,
    providers: Vec<(&'a Block, usize)>,
    terraform: Vec<(&'a Block, usize)>,
    renamed: HashMap<(usize, usize), String>,
}

struct ResourceBlock<'a> {
    mode: Mode,
    rtype: &'a str,
    name: &'a str,
    block: &'a Block,
    file: usize,
}

impl<'a> Config<'a> {
    fn gather(files: &[&'a ModuleFile<'a>]) -> Config<'a> {
        let mut c = Config {
            variables: Vec::new(),
            locals: HashMap::new(),
            resources: Vec::new(),
            module_calls: Vec::new(),
            outputs: Vec::new(),
            providers: Vec::new(),
            terraform: Vec::new(),
            renamed: HashMap::new(),
        };
        for f in files {
            for (&offset, name) in &f.hcl.renamed_keys {
                c.renamed.insert((f.file, offset), name.clone());
            }
            for block in f.hcl.body.blocks() {
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
                        })
                    }
                    ("data", [t, n]) => c.resources.push(ResourceBlock {
                        mode: Mode::Data,
                        rtype: t,
                        name: n,
                        block,
                        file: f.file,
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

    fn find_resource(&self, mode: Mode, rtype: &str, name: &str) -> Option<&ResourceBlock<'a>> {
        self.resources
            .iter()
            .find(|r| r.mode == mode && r.rtype == rtype && r.name == name)
    }
}

/// Every configuration file loaded, by directory: where child modules are
/// found.
#[derive(Default)]
pub struct Project<'a> {
    pub files: Vec<ModuleFile<'a>>,
    /// Directory -> indexes into `files`.
    pub by_dir: HashMap<PathBuf, Vec<usize>>,
}

impl<'a> Project<'a> {
    pub fn new(files: Vec<ModuleFile<'a>>) -> Project<'a> {
        let mut by_dir: HashMap<PathBuf, Vec<usize>> = HashMap::new();
        for (i, f) in files.iter().enumerate() {
            let dir = f
                .source
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            by_dir.entry(normalise(&dir)).or_default().push(i);
        }
        Project { files, by_dir }
    }

    /// The files of the module in `dir`.
    pub fn module_files(&self, dir: &Path) -> Vec<&ModuleFile<'a>> {
        self.by_dir
            .get(&normalise(dir))
            .map(|ids| ids.iter().map(|&i| &self.files[i]).collect())
            .unwrap_or_default()
    }
}

/// Everything the evaluation of one module needs from outside.
pub struct ModuleContext<'a> {
    /// The module's directory (path.module).
    pub dir: &'a Path,
    /// The root module's directory (path.root).
    pub root: &'a Path,
    /// The scanned tree: file functions never read outside it.
    pub scan_root: &'a Path,
    pub workspace: &'a str,
    pub inputs: &'a Inputs,
    /// The module's address: "" for the root, "module.a[0].module.b".
    pub address: String,
    /// Key in `.terraform/modules/modules.json` ("a.b"), "" for the root.
    pub registry_key: String,
    /// Directories on the call path, for recursion detection.
    pub stack: Vec<PathBuf>,
    /// The module blocks that lead here from the root, outermost first.
    pub call_chain: Vec<SpanRef>,
    pub project: &'a Project<'a>,
    /// Registry and git modules installed by `terraform init`: key -> dir.
    pub installed: &'a HashMap<String, PathBuf>,
    /// Child modules evaluated on the way, in evaluation order.
    pub children: &'a RefCell<Vec<EvaluatedModule>>,
    /// The calling module's provider default tags (providers are inherited).
    pub default_tags: BTreeMap<String, Value>,
    /// Instances the tree may still expand to ([`MAX_INSTANCES`]).
    pub budget: &'a std::cell::Cell<usize>,
}

/// The deepest module nesting followed.
pub const MAX_MODULE_DEPTH: usize = 32;

/// Resource and module instances one root module's tree may expand to
/// (count and for_each multiply through module calls: 1,000 module
/// instances of 1,000 resources each took minutes and gigabytes).
pub const MAX_INSTANCES: usize = 20_000;

/// The budget once [`MAX_INSTANCES`] has been passed and said so.
const SPENT: usize = 0;

/// Evaluates a root module and, through its calls, every local (or
/// installed) child module. Returns the root first, then the children.
pub fn evaluate_tree(
    project: &Project<'_>,
    dir: &Path,
    inputs: &Inputs,
    scan_root: &Path,
    workspace: &str,
) -> Vec<EvaluatedModule> {
    let installed = installed_modules(dir);
    let children = RefCell::new(Vec::new());
    let budget = std::cell::Cell::new(MAX_INSTANCES);
    let ctx = ModuleContext {
        dir,
        root: dir,
        scan_root,
        workspace,
        inputs,
        address: String::new(),
        registry_key: String::new(),
        stack: vec![normalise(dir)],
        call_chain: Vec::new(),
        project,
        installed: &installed,
        children: &children,
        default_tags: BTreeMap::new(),
        budget: &budget,
    };
    let files: Vec<&ModuleFile<'_>> = project.module_files(dir);
    let root = evaluate_files(&files, &ctx);
    let mut out = vec![root];
    out.extend(children.into_inner());
    out
}

fn evaluate_files(files: &[&ModuleFile<'_>], ctx: &ModuleContext<'_>) -> EvaluatedModule {
    let config = Config::gather(files);
    let module = ModuleEval::new(&config, ctx);
    let mut m = module.run();
    m.address = ctx.address.clone();
    m.dir = ctx.dir.to_path_buf();
    m.call_chain = ctx.call_chain.clone();
    m
}

/// Reads `.terraform/modules/modules.json` (written by `terraform init`):
/// module key -> installed directory.
pub fn installed_modules(root: &Path) -> HashMap<String, PathBuf> {
    let path = root.join(".terraform/modules/modules.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return HashMap::new();
    };
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(&text) else {
        return HashMap::new();
    };
    doc.get("Modules")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let key = m.get("Key")?.as_str()?;
            let dir = m.get("Dir")?.as_str()?;
            (!key.is_empty()).then(|| (key.to_owned(), normalise(&root.join(dir))))
        })
        .collect()
}

/// The literal `source` of every module block in a body, for finding the
/// directories a scan must load.
pub fn module_sources(body: &Body) -> Vec<String> {
    body.blocks()
        .filter(|b| b.ident.value().as_str() == "module")
        .filter_map(|b| match &b.body.get_attribute("source")?.value {
            Expression::String(s) => Some(s.value().clone()),
            _ => None,
        })
        .collect()
}

/// `dir` as a path relative to `base` (both relative to the same place, or
/// both absolute), with `/` separators: `a/b/m` from `a/b` is `m`.
pub fn relative_to(dir: &Path, base: &Path) -> String {
    let dir = normalise(dir);
    let base = normalise(base);
    let d: Vec<_> = dir.components().filter(|c| c.as_os_str() != ".").collect();
    let b: Vec<_> = base.components().filter(|c| c.as_os_str() != ".").collect();
    let common = d.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); b.len() - common];
    parts.extend(
        d[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// True for `./x` and `../x` sources, which Terraform reads in place.
pub fn is_local_source(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../") || source == "." || source == ".."
}

pub use crate::paths::normalise;

struct ModuleEval<'c, 'a> {
    config: &'c Config<'a>,
    ctx: &'c ModuleContext<'c>,
    /// Outputs of module calls evaluated so far (memo), by call name.
    calls: RefCell<HashMap<String, CallResult>>,
    /// Set while a templatefile template renders (no nesting).
    rendering: std::cell::Cell<bool>,
    vars: BTreeMap<String, Value>,
    locals: RefCell<HashMap<String, LocalState>>,
    in_progress: RefCell<HashSet<String>>,
    issues: RefCell<Vec<ConfigIssue>>,
    current_file: std::cell::Cell<usize>,
    /// While a resource attribute is evaluated: the resource instances its
    /// expression reaches, with instance keys where they are known
    /// (`aws_s3_bucket.c[1]`), directly or through locals.
    recorder: RefCell<Option<Vec<String>>>,
    /// Attribute path -> instances recorded, for the instance being built.
    instance_refs: RefCell<BTreeMap<String, Vec<String>>>,
    /// Expression nesting across every evaluation of this module (locals
    /// that refer to locals), bounded by `eval::MAX_DEPTH`.
    depth: std::cell::Cell<usize>,
    /// Locals being evaluated inside one another right now.
    local_nesting: std::cell::Cell<usize>,
}

/// The longest chain of locals that refer to one another tfward follows;
/// each link costs stack, and 5,000 of them overflowed it.
pub const MAX_LOCAL_NESTING: usize = 128;

/// A module call's outputs, its directory (when found) and what became of it.
type CallResult = (Value, Option<PathBuf>, CallStatus);

#[derive(Clone)]
enum LocalState {
    Evaluating,
    Done(Value),
}

/// An instance to create from a block: address, each (key, value), count.index.
type Instance = (String, Option<(Value, Value)>, Option<f64>);

const META_ARGUMENTS: [&str; 4] = ["count", "for_each", "provider", "depends_on"];
const META_BLOCKS: [&str; 4] = ["lifecycle", "provisioner", "connection", "precondition"];

impl<'c, 'a> ModuleEval<'c, 'a> {
    fn new(config: &'c Config<'a>, ctx: &'c ModuleContext<'c>) -> Self {
        let mut me = ModuleEval {
            config,
            ctx,
            calls: RefCell::new(HashMap::new()),
            rendering: std::cell::Cell::new(false),
            vars: BTreeMap::new(),
            locals: RefCell::new(HashMap::new()),
            in_progress: RefCell::new(HashSet::new()),
            issues: RefCell::new(Vec::new()),
            current_file: std::cell::Cell::new(0),
            recorder: RefCell::new(None),
            instance_refs: RefCell::new(BTreeMap::new()),
            depth: std::cell::Cell::new(0),
            local_nesting: std::cell::Cell::new(0),
        };
        me.vars = me.variable_values();
        me
    }

    /// Each declared variable's value: the input if given, else the default,
    /// else unknown.
    fn variable_values(&self) -> BTreeMap<String, Value> {
        let eval = Eval::new(self);
        let mut out = BTreeMap::new();
        for (block, file) in &self.config.variables {
            self.current_file.set(*file);
            let name = block.labels[0].as_str().to_owned();
            let nullable = attr_bool(&eval, &block.body, "nullable").unwrap_or(true);
            let default = block
                .body
                .get_attribute("default")
                .map(|a| eval.expr(&a.value, Bindings::EMPTY));
            let type_is_string = block.body.get_attribute("type").is_some_and(
                |t| matches!(&t.value, Expression::Variable(v) if v.value().as_str() == "string"),
            );
            let given = self
                .ctx
                .inputs
                .values
                .get(&name)
                .cloned()
                .or_else(|| {
                    self.ctx
                        .inputs
                        .raw
                        .get(&name)
                        .map(|r| raw_value(r, type_is_string))
                })
                .or_else(|| {
                    self.ctx
                        .inputs
                        .env
                        .get(&name)
                        .map(|r| raw_value(r, type_is_string))
                });
            let value = match (given.as_ref(), default) {
                (Some(Value::Null), Some(d)) if !nullable => d,
                (Some(v), _) => v.clone(),
                (None, Some(d)) => d,
                (None, None) => Value::unknown(format!("var.{name} has no value")),
            };
            let value = match block.body.get_attribute("type") {
                Some(t) => apply_type_defaults(&eval, &t.value, value),
                None => value,
            };
            out.insert(name, value);
        }
        out
    }

    fn run(self) -> EvaluatedModule {
        let eval = Eval::new(&self);
        let mut result = EvaluatedModule::default();

        for (block, file) in &self.config.variables {
            let name = block.labels[0].as_str().to_owned();
            let sensitive = attr_bool(&eval, &block.body, "sensitive").unwrap_or(false);
            let value = self.vars.get(&name).cloned().unwrap_or(Value::Null);
            if sensitive {
                collect_strings(&value, &mut result.sensitive_strings);
            }
            result.variables.push(Variable {
                name,
                value,
                sensitive,
                span: span_of(*file, block),
            });
        }

        for rb in &self.config.resources {
            self.current_file.set(rb.file);
            self.expand_resource(&eval, rb, &mut result.resources);
        }

        for (block, file) in &self.config.module_calls {
            self.current_file.set(*file);
            let name = block.labels[0].as_str().to_owned();
            // Evaluating the call expands the child (once, memoised).
            let _ = Resolver::module(&self, &name);
            let (resolved_dir, status) = self
                .calls
                .borrow()
                .get(&name)
                .map(|(_, d, s)| (d.clone(), *s))
                .unwrap_or((None, CallStatus::NotFollowed));
            result.module_calls.push(ModuleCall {
                source: attr_string(&eval, &block.body, "source"),
                version: attr_string(&eval, &block.body, "version"),
                block: span_of(*file, block),
                attrs: block
                    .body
                    .attributes()
                    .map(|a| {
                        let span = SpanRef {
                            file: *file,
                            span: a.span().unwrap_or(0..0),
                        };
                        (a.key.value().to_string(), span)
                    })
                    .collect(),
                resolved_dir,
                status,
                name,
            });
        }

        result.providers = self.providers(&eval);
        result.default_tags = self.default_tags(&eval);

        for (block, file) in &self.config.outputs {
            self.current_file.set(*file);
            let value = block
                .body
                .get_attribute("value")
                .map_or(Value::Null, |a| eval.expr(&a.value, Bindings::EMPTY));
            let sensitive = attr_bool(&eval, &block.body, "sensitive").unwrap_or(false);
            if sensitive {
                collect_strings(&value, &mut result.sensitive_strings);
            }
            result.outputs.push(Output {
                name: block.labels[0].as_str().to_owned(),
                value,
                sensitive,
            });
        }
        result.issues = self.issues.into_inner();
        result.sensitive_strings.sort();
        result.sensitive_strings.dedup();
        result
    }

    /// `default_tags { tags = ... }` of this module's provider blocks, else
    /// the caller's.
    fn default_tags(&self, eval: &Eval<'_>) -> BTreeMap<String, Value> {
        let mut out = self.ctx.default_tags.clone();
        for (block, _) in &self.config.providers {
            // An aliased provider only applies where it is named.
            if block.body.has_attribute("alias") {
                continue;
            }
            let name = block.labels[0].as_str().to_owned();
            if let Some(dt) = block.body.get_blocks("default_tags").next() {
                let tags = dt
                    .body
                    .get_attribute("tags")
                    .map_or(Value::Object(BTreeMap::new()), |a| {
                        eval.expr(&a.value, Bindings::EMPTY)
                    });
                out.insert(name, tags);
            }
        }
        out
    }

    fn providers(&self, eval: &Eval<'_>) -> Vec<Provider> {
        let mut providers: BTreeMap<String, Provider> = BTreeMap::new();
        for (block, file) in &self.config.terraform {
            for rp in block.body.get_blocks("required_providers") {
                for attr in rp.body.attributes() {
                    let name = attr.key.value().to_string();
                    let v = eval.expr(&attr.value, Bindings::EMPTY);
                    let (source, version) = match &v {
                        Value::Object(m) => (
                            m.get("source").and_then(Value::as_str).map(str::to_owned),
                            m.get("version").and_then(Value::as_str).map(str::to_owned),
                        ),
                        // Terraform 0.12 form: `aws = "~> 3.0"`.
                        Value::String(s) => (None, Some(s.clone())),
                        _ => (None, None),
                    };
                    let p = providers.entry(name.clone()).or_insert_with(|| Provider {
                        name,
                        source: None,
                        version_constraint: None,
                        required: false,
                        configured: false,
                        span: SpanRef {
                            file: *file,
                            span: attr.span().unwrap_or(0..0),
                        },
                    });
                    p.required = true;
                    p.source = p.source.take().or(source);
                    p.version_constraint = p.version_constraint.take().or(version);
                }
            }
        }
        for (block, file) in &self.config.providers {
            let name = block.labels[0].as_str().to_owned();
            let version = attr_string(eval, &block.body, "version");
            let p = providers.entry(name.clone()).or_insert_with(|| Provider {
                name,
                source: None,
                version_constraint: None,
                required: false,
                configured: false,
                span: span_of(*file, block),
            });
            p.configured = true;
            p.version_constraint = p.version_constraint.take().or(version);
        }
        providers.into_values().collect()
    }

    fn expand_resource(
        &self,
        eval: &Eval<'_>,
        rb: &ResourceBlock<'_>,
        out: &mut Vec<ResourceInstance>,
    ) {
        let local = match rb.mode {
            Mode::Managed => format!("{}.{}", rb.rtype, rb.name),
            Mode::Data => format!("data.{}.{}", rb.rtype, rb.name),
            Mode::Ephemeral => format!("ephemeral.{}.{}", rb.rtype, rb.name),
        };
        let prefix = if self.ctx.address.is_empty() {
            local
        } else {
            format!("{}.{local}", self.ctx.address)
        };
        let body = &rb.block.body;
        let instances: Vec<Instance> = self
            .instances(eval, body, &prefix)
            .into_iter()
            .map(|(suffix, each, index)| (format!("{prefix}{suffix}"), each, index))
            .collect();
        let repeated = body.has_attribute("count") || body.has_attribute("for_each");
        for (address, each, index) in instances {
            let count_b;
            let each_b;
            let scope = match (&each, index) {
                (Some((k, v)), _) => {
                    let obj = Value::Object(BTreeMap::from([
                        ("key".to_owned(), k.clone()),
                        ("value".to_owned(), v.clone()),
                    ]));
                    each_b = Binding::new("each", obj, Bindings::EMPTY);
                    each_b.scope()
                }
                (None, Some(i)) => {
                    let obj =
                        Value::Object(BTreeMap::from([("index".to_owned(), Value::Number(i))]));
                    count_b = Binding::new("count", obj, Bindings::EMPTY);
                    count_b.scope()
                }
                (None, None) if repeated => {
                    // Unknown count/for_each: each/count attributes are unknown.
                    let why = Value::unknown(format!(
                        "{prefix} has a count or for_each that is not known"
                    ));
                    let obj = Value::Object(BTreeMap::from([
                        ("index".to_owned(), why.clone()),
                        ("key".to_owned(), why.clone()),
                        ("value".to_owned(), why),
                    ]));
                    count_b = Binding::new("count", obj.clone(), Bindings::EMPTY);
                    each_b = Binding::new("each", obj, count_b.scope());
                    each_b.scope()
                }
                (None, None) => Bindings::EMPTY,
            };
            let mut spans = HashMap::new();
            self.instance_refs.borrow_mut().clear();
            let values = self.body_value(eval, body, scope, rb.file, "", &mut spans, true);
            let instance_references = std::mem::take(&mut *self.instance_refs.borrow_mut());
            let mut references = BTreeMap::new();
            collect_body_refs(body, "", &mut references);
            let lifecycle = body
                .get_blocks("lifecycle")
                .next()
                .map(|b| {
                    b.body
                        .attributes()
                        .map(|a| (a.key.value().to_string(), eval.expr(&a.value, scope)))
                        .collect()
                })
                .unwrap_or_default();
            out.push(ResourceInstance {
                address,
                mode: rb.mode,
                rtype: rb.rtype.to_owned(),
                name: rb.name.to_owned(),
                provider: provider_of(eval, body, rb.rtype),
                values,
                references,
                instance_references,
                expanded: !(repeated && each.is_none() && index.is_none()),
                block: span_of(rb.file, rb.block),
                spans,
                lifecycle,
            });
        }
    }

    /// Evaluates a block body into an object: attributes, nested blocks as
    /// lists of objects, dynamic blocks expanded.
    #[allow(clippy::too_many_arguments)]
    fn body_value(
        &self,
        eval: &Eval<'_>,
        body: &Body,
        scope: Bindings<'_>,
        file: usize,
        path: &str,
        spans: &mut HashMap<String, SpanRef>,
        top: bool,
    ) -> Value {
        let mut map = BTreeMap::new();
        let mut blocks: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let key = attr.key.value().as_str();
                    if top && META_ARGUMENTS.contains(&key) {
                        continue;
                    }
                    let p = join_path(path, key);
                    spans.insert(
                        p.clone(),
                        SpanRef {
                            file,
                            span: attr.span().unwrap_or(0..0),
                        },
                    );
                    let previous = self.recorder.replace(Some(Vec::new()));
                    let v = eval.expr(&attr.value, scope);
                    let reached = std::mem::replace(&mut *self.recorder.borrow_mut(), previous)
                        .unwrap_or_default();
                    if reached.iter().any(|a| a.ends_with(']')) {
                        let mut reached = reached;
                        reached.sort();
                        reached.dedup();
                        self.instance_refs.borrow_mut().insert(p.clone(), reached);
                    }
                    map.insert(key.to_owned(), v);
                }
                Structure::Block(block) => {
                    let ident = block.ident.value().as_str();
                    if META_BLOCKS.contains(&ident) || (top && ident == "postcondition") {
                        continue;
                    }
                    if ident == "dynamic" {
                        let Some(label) = block.labels.first() else {
                            continue;
                        };
                        let name = label.as_str().to_owned();
                        let list = blocks.entry(name.clone()).or_default();
                        let base = join_path(path, &name);
                        if let Err(reason) =
                            self.dynamic_block(eval, block, &name, scope, file, &base, list, spans)
                        {
                            map.insert(name.clone(), reason);
                        }
                        continue;
                    }
                    let list = blocks.entry(ident.to_owned()).or_default();
                    let p = format!("{}.{}", join_path(path, ident), list.len());
                    spans.insert(p.clone(), span_of(file, block));
                    let v = self.body_value(eval, &block.body, scope, file, &p, spans, false);
                    list.push(v);
                }
            }
        }
        for (name, list) in blocks {
            // An unknown dynamic for_each already put an unknown here.
            map.entry(name).or_insert(Value::List(list));
        }
        Value::Object(map)
    }

    #[allow(clippy::too_many_arguments)]
    fn dynamic_block(
        &self,
        eval: &Eval<'_>,
        block: &Block,
        name: &str,
        scope: Bindings<'_>,
        file: usize,
        base: &str,
        list: &mut Vec<Value>,
        spans: &mut HashMap<String, SpanRef>,
    ) -> Result<(), Value> {
        let Some(for_each) = block.body.get_attribute("for_each") else {
            return Ok(());
        };
        let iterator = block
            .body
            .get_attribute("iterator")
            .and_then(|a| match &a.value {
                Expression::Variable(v) => Some(v.value().to_string()),
                _ => None,
            })
            .unwrap_or_else(|| name.to_owned());
        let Some(content) = block.body.get_blocks("content").next() else {
            return Ok(());
        };
        let coll = eval.expr(&for_each.value, scope);
        let items = match &coll {
            Value::Unknown(u) => return Err(Value::Unknown(u.clone())),
            Value::Null => Vec::new(),
            other => super::eval::iterate(other)?,
        };
        for (k, v) in items {
            let obj = Value::Object(BTreeMap::from([
                ("key".to_owned(), k),
                ("value".to_owned(), v),
            ]));
            let b = Binding::new(&iterator, obj, scope);
            let p = format!("{base}.{}", list.len());
            spans.insert(p.clone(), span_of(file, content));
            let v = self.body_value(eval, &content.body, b.scope(), file, &p, spans, false);
            list.push(v);
        }
        Ok(())
    }

    /// Evaluates a module call: finds the module's code, expands
    /// count/for_each, evaluates each instance with the call's arguments as
    /// inputs, and returns its outputs (an object, or a list/map of objects).
    fn call_module(&self, name: &str) -> CallResult {
        let Some((block, file)) = self
            .config
            .module_calls
            .iter()
            .find(|(b, _)| b.labels[0].as_str() == name)
        else {
            return (
                error(format!("module.{name} is not declared in this module")),
                None,
                CallStatus::NotFollowed,
            );
        };
        let at = span_of(*file, block);
        let previous = self.current_file.replace(*file);
        let eval = Eval::new(self);
        let source = attr_string(&eval, &block.body, "source").unwrap_or_default();
        let registry_key = if self.ctx.registry_key.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.ctx.registry_key)
        };
        let dir = if is_local_source(&source) {
            Some(normalise(&self.ctx.dir.join(&source)))
        } else {
            self.ctx.installed.get(&registry_key).cloned()
        };
        let Some(dir) = dir else {
            self.current_file.set(previous);
            if source.is_empty() {
                self.issue(
                    at,
                    format!(
                        "module.{name}: its source is not a literal string, so it is not evaluated"
                    ),
                );
                return (
                    Value::unknown(format!("module.{name} has no literal source")),
                    None,
                    CallStatus::NotFollowed,
                );
            }
            self.issue(
                at,
                format!("module.{name} (\"{source}\") is not installed, so its resources are not evaluated: run `terraform init` first"),
            );
            return (
                Value::unknown(format!("module.{name} ({source}) is not installed; run `terraform init` to let tfward read it")),
                None,
                CallStatus::NotInstalled,
            );
        };
        if self.ctx.stack.contains(&dir) {
            let chain: Vec<String> = self
                .ctx
                .stack
                .iter()
                .chain([&dir])
                .map(|d| crate::source::display_path(d))
                .collect();
            self.issue(
                at,
                format!(
                    "module.{name} calls itself recursively ({}); not followed",
                    chain.join(" -> ")
                ),
            );
            self.current_file.set(previous);
            return (
                error(format!("module.{name} is recursive")),
                Some(dir),
                CallStatus::NotFollowed,
            );
        }
        if self.ctx.stack.len() >= MAX_MODULE_DEPTH {
            self.error_issue(
                at,
                format!("module.{name} nests deeper than {MAX_MODULE_DEPTH} modules; tfward stops there, so its resources are not evaluated"),
            );
            self.current_file.set(previous);
            return (
                error("modules nest too deeply"),
                Some(dir),
                CallStatus::NotFollowed,
            );
        }
        let files = self.ctx.project.module_files(&dir);
        if files.is_empty() {
            let shown = crate::source::display_path(&dir);
            let why = if !is_local_source(&source) {
                format!("module.{name} (\"{source}\") is listed in .terraform/modules but {shown} holds no Terraform files: run `terraform init` again")
            } else if dir.is_dir() {
                format!("module.{name}: the local source \"{source}\" ({shown}) holds no Terraform files that tfward could read; `terraform init` would fail on it")
            } else {
                format!("module.{name}: the local source \"{source}\" does not exist ({shown}); `terraform init` would fail on it")
            };
            self.error_issue(at, why);
            self.current_file.set(previous);
            return (
                Value::unknown(format!("module.{name} has no readable source")),
                Some(dir),
                CallStatus::Missing,
            );
        }
        let instances = self.instances(&eval, &block.body, &format!("module.{name}"));
        let mut by_key: Vec<(Option<Value>, Value)> = Vec::new();
        let repeated = block.body.has_attribute("count") || block.body.has_attribute("for_each");
        let mut unknown_count = None;
        for (suffix, each, index) in instances {
            let count_b;
            let each_b;
            let scope = match (&each, index) {
                (Some((k, v)), _) => {
                    each_b =
                        Binding::new("each", each_object(k.clone(), v.clone()), Bindings::EMPTY);
                    each_b.scope()
                }
                (None, Some(i)) => {
                    count_b = Binding::new("count", count_object(i), Bindings::EMPTY);
                    count_b.scope()
                }
                (None, None) if repeated => {
                    unknown_count = Some(Value::unknown(format!(
                        "module.{name} has a count or for_each that is not known"
                    )));
                    Bindings::EMPTY
                }
                (None, None) => Bindings::EMPTY,
            };
            let mut inputs = Inputs::default();
            for attr in block.body.attributes() {
                let k = attr.key.value().as_str();
                if matches!(
                    k,
                    "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
                ) {
                    continue;
                }
                inputs
                    .values
                    .insert(k.to_owned(), eval.expr(&attr.value, scope));
            }
            let address = if self.ctx.address.is_empty() {
                format!("module.{name}{suffix}")
            } else {
                format!("{}.module.{name}{suffix}", self.ctx.address)
            };
            let mut stack = self.ctx.stack.clone();
            let mut call_chain = self.ctx.call_chain.clone();
            call_chain.push(at.clone());
            stack.push(dir.clone());
            let child_ctx = ModuleContext {
                dir: &dir,
                root: self.ctx.root,
                scan_root: self.ctx.scan_root,
                workspace: self.ctx.workspace,
                inputs: &inputs,
                address,
                registry_key: registry_key.clone(),
                stack,
                call_chain,
                project: self.ctx.project,
                installed: self.ctx.installed,
                children: self.ctx.children,
                default_tags: self.default_tags(&eval),
                budget: self.ctx.budget,
            };
            let child = evaluate_files(&files, &child_ctx);
            let outputs = Value::Object(
                child
                    .outputs
                    .iter()
                    .map(|o| (o.name.clone(), o.value.clone()))
                    .collect(),
            );
            let key = each.map(|(k, _)| k).or(index.map(Value::Number));
            self.ctx.children.borrow_mut().push(child);
            by_key.push((key, outputs));
        }
        self.current_file.set(previous);
        let value = if let Some(u) = unknown_count {
            u
        } else if block.body.has_attribute("for_each") {
            Value::Object(
                by_key
                    .into_iter()
                    .filter_map(|(k, v)| Some((k?.to_template_string()?, v)))
                    .collect(),
            )
        } else if block.body.has_attribute("count") {
            Value::List(by_key.into_iter().map(|(_, v)| v).collect())
        } else {
            by_key.into_iter().next().map_or(Value::Null, |(_, v)| v)
        };
        (value, Some(dir), CallStatus::Evaluated)
    }

    /// The instances a block with count/for_each creates: address suffix,
    /// each (key, value), count.index. One unexpanded instance when the
    /// count or for_each is unknown.
    fn instances(&self, eval: &Eval<'_>, body: &Body, label: &str) -> Vec<Instance> {
        let instances = self.expand(eval, body, label);
        let n = instances.len();
        if n <= 1 {
            return instances;
        }
        let (attr, what) = match body.get_attribute("count") {
            Some(a) => (Some(a), "count"),
            None => (body.get_attribute("for_each"), "for_each"),
        };
        let left = self.ctx.budget.get();
        if n > left {
            // Said once per tree: every later block with count or for_each
            // is cut the same way.
            if let Some(a) = attr.filter(|_| left != SPENT) {
                self.issue(
                    SpanRef {
                        file: self.current_file.get(),
                        span: a.span().unwrap_or(0..0),
                    },
                    format!("{label}: its {what} makes {n} instances, past tfward's budget of {MAX_INSTANCES} resource and module instances per root module ({left} left); it and every later block with count or for_each in this tree are evaluated as one instance"),
                );
            }
            self.ctx.budget.set(SPENT);
            return vec![(String::new(), None, None)];
        }
        self.ctx.budget.set(left - n);
        instances
    }

    fn expand(&self, eval: &Eval<'_>, body: &Body, label: &str) -> Vec<Instance> {
        if let Some(count) = body.get_attribute("count") {
            match eval.expr(&count.value, Bindings::EMPTY) {
                Value::Number(n) if n >= 0.0 && n.fract() == 0.0 && n <= MAX_INSTANCES as f64 => (0
                    ..n as usize)
                    .map(|i| (format!("[{i}]"), None, Some(i as f64)))
                    .collect(),
                Value::Number(n) if n.fract() == 0.0 && n > MAX_INSTANCES as f64 => {
                    self.issue(
                        SpanRef {
                            file: self.current_file.get(),
                            span: count.span().unwrap_or(0..0),
                        },
                        format!("{label}: count = {n} is past tfward's budget of {MAX_INSTANCES} instances; evaluated as one instance"),
                    );
                    vec![(String::new(), None, None)]
                }
                Value::Bool(b) => {
                    // `count = var.enabled` with a bool is an error in
                    // Terraform; treat as unknown rather than guess.
                    let _ = b;
                    vec![(String::new(), None, None)]
                }
                _ => vec![(String::new(), None, None)],
            }
        } else if let Some(fe) = body.get_attribute("for_each") {
            match for_each_items(eval.expr(&fe.value, Bindings::EMPTY)) {
                Some(items) => items
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            format!("[{}]", quote_key(&k)),
                            Some((Value::String(k), v)),
                            None,
                        )
                    })
                    .collect(),
                None => vec![(String::new(), None, None)],
            }
        } else {
            let _ = label;
            vec![(String::new(), None, None)]
        }
    }

    fn resource_value(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        repeated: bool,
        ops: &[Op],
    ) -> Value {
        let data = rb.mode == Mode::Data;
        let (instance_key, rest) = match (repeated, ops.first()) {
            (true, Some(Op::Index(k))) => (Some(k.clone()), &ops[1..]),
            (true, _) => {
                return Value::unknown(format!(
                    "{label} has many instances; its attributes are known after apply"
                ))
            }
            (false, _) => (None, ops),
        };
        let Some(Op::Attr(attr)) = rest.first() else {
            return Value::unknown(format!("{label} as a whole is known after apply"));
        };
        let Some(expr) = rb.block.body.get_attribute(attr).map(|a| &a.value) else {
            return Value::unknown(if data {
                format!("{label}.{attr} is read by the provider")
            } else {
                format!("{label}.{attr} is known after apply")
            });
        };
        let key = format!("{label}.{attr}");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return Value::unknown(format!("error: {key} refers to itself"));
        }
        let previous = self.current_file.replace(rb.file);
        let eval = Eval::new(self);
        let v = match instance_key {
            Some(Value::Number(i)) => {
                let b = Binding::new(
                    "count",
                    Value::Object(BTreeMap::from([("index".to_owned(), Value::Number(i))])),
                    Bindings::EMPTY,
                );
                eval.expr(expr, b.scope())
            }
            Some(Value::String(k)) => {
                let each_value = rb
                    .block
                    .body
                    .get_attribute("for_each")
                    .and_then(|fe| for_each_items(eval.expr(&fe.value, Bindings::EMPTY)))
                    .and_then(|items| items.into_iter().find(|(key, _)| *key == k).map(|(_, v)| v));
                match each_value {
                    Some(v) => {
                        let obj = Value::Object(BTreeMap::from([
                            ("key".to_owned(), Value::String(k)),
                            ("value".to_owned(), v),
                        ]));
                        let b = Binding::new("each", obj, Bindings::EMPTY);
                        eval.expr(expr, b.scope())
                    }
                    None => Value::unknown(format!("{label}[{k:?}] is not known")),
                }
            }
            Some(other) => match other {
                Value::Unknown(u) => Value::Unknown(u),
                _ => error(format!(
                    "{label} cannot be indexed with a {}",
                    other.type_name()
                )),
            },
            None => eval.expr(expr, Bindings::EMPTY),
        };
        self.current_file.set(previous);
        self.in_progress.borrow_mut().remove(&key);
        apply_ops(v, &rest[1..])
    }

    fn issue(&self, at: SpanRef, message: String) {
        self.issues.borrow_mut().push(ConfigIssue {
            at,
            message,
            error: false,
        });
    }

    fn error_issue(&self, at: SpanRef, message: String) {
        self.issues.borrow_mut().push(ConfigIssue {
            at,
            message,
            error: true,
        });
    }
}

impl Resolver for ModuleEval<'_, '_> {
    fn variable(&self, name: &str) -> Value {
        self.vars
            .get(name)
            .cloned()
            .unwrap_or_else(|| error(format!("var.{name} is not declared")))
    }

    fn local(&self, name: &str) -> Value {
        if let Some(state) = self.locals.borrow().get(name).cloned() {
            return match state {
                LocalState::Done(v) => v,
                LocalState::Evaluating => {
                    let at = self.config.locals.get(name).map(|(_, s)| s.clone());
                    if let Some(at) = at {
                        self.issue(
                            at,
                            format!("local.{name} refers to itself through a cycle of locals"),
                        );
                    }
                    Value::unknown(format!("error: local.{name} is part of a reference cycle"))
                }
            };
        }
        let Some((expr, at)) = self.config.locals.get(name) else {
            return error(format!("local.{name} is not declared"));
        };
        let nesting = self.local_nesting.get();
        if nesting >= MAX_LOCAL_NESTING {
            // Not memoised: evaluated from a shallower place it may succeed.
            let message = format!("local.{name} is reached through a chain of more than {MAX_LOCAL_NESTING} locals that refer to one another; tfward stops there and leaves it unknown");
            if !self.issues.borrow().iter().any(|i| i.message == message) {
                self.issue(at.clone(), message);
            }
            return Value::unknown(format!(
                "local.{name} is more than {MAX_LOCAL_NESTING} locals deep"
            ));
        }
        self.locals
            .borrow_mut()
            .insert(name.to_owned(), LocalState::Evaluating);
        let previous = self.current_file.replace(at.file);
        self.local_nesting.set(nesting + 1);
        let v = Eval::new(self).expr(expr, Bindings::EMPTY);
        self.local_nesting.set(nesting);
        self.current_file.set(previous);
        self.locals
            .borrow_mut()
            .insert(name.to_owned(), LocalState::Done(v.clone()));
        v
    }

    fn module(&self, name: &str) -> Value {
        if let Some((v, _, _)) = self.calls.borrow().get(name) {
            return v.clone();
        }
        let key = format!("module.{name}");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return error(format!("{key} refers to itself"));
        }
        let (value, dir, status) = self.call_module(name);
        self.in_progress.borrow_mut().remove(&key);
        self.calls
            .borrow_mut()
            .insert(name.to_owned(), (value.clone(), dir, status));
        value
    }

    fn resource(&self, data: bool, rtype: &str, name: &str, ops: &[Op]) -> Value {
        let mode = if data { Mode::Data } else { Mode::Managed };
        let label = if data {
            format!("data.{rtype}.{name}")
        } else {
            format!("{rtype}.{name}")
        };
        let Some(rb) = self.config.find_resource(mode, rtype, name) else {
            return error(format!("{label} is not declared in this module"));
        };
        let repeated =
            rb.block.body.has_attribute("count") || rb.block.body.has_attribute("for_each");
        if let Some(reached) = self.recorder.borrow_mut().as_mut() {
            reached.push(match (repeated, ops.first()) {
                (true, Some(Op::Index(Value::Number(i)))) => {
                    format!("{label}[{}]", super::value::format_number(*i))
                }
                (true, Some(Op::Index(Value::String(k)))) => format!("{label}[{}]", quote_key(k)),
                _ => label.clone(),
            });
        }
        // What that resource's own expressions reach is not this reference's.
        let recording = self.recorder.take();
        let v = self.resource_value(rb, &label, repeated, ops);
        *self.recorder.borrow_mut() = recording;
        v
    }

    fn builtin(&self, root: &str, attr: &str) -> Value {
        match (root, attr) {
            // Like Terraform run in the root module's directory: path.module
            // is relative to it, and file functions resolve against it.
            ("path", "module") => Value::String(relative_to(self.ctx.dir, self.ctx.root)),
            ("path", "root") | ("path", "cwd") => Value::String(".".into()),
            ("terraform", "workspace") => Value::String(self.ctx.workspace.to_owned()),
            _ => error(format!("{root}.{attr} is not a known attribute")),
        }
    }

    fn with_fn_context(
        &self,
        f: &mut dyn FnMut(&FnContext<'_>) -> Result<Value, String>,
    ) -> Result<Value, String> {
        let render = |text: &str, vars: &BTreeMap<String, Value>| -> Result<Value, String> {
            if self.rendering.replace(true) {
                return Err("cannot call templatefile from inside a templatefile template".into());
            }
            let result = hcl_edit::parser::parse_template(text)
                .map_err(|e| format!("the template does not parse: {}", e.message()))
                .map(|template| {
                    let b = Binding::many(vars, Bindings::EMPTY);
                    Eval::new(self).template(&template, b.scope())
                });
            self.rendering.set(false);
            result
        };
        let ctx = FnContext {
            module_dir: self.ctx.root,
            root_dir: self.ctx.scan_root,
            render_template: &render,
        };
        f(&ctx)
    }

    fn renamed_key(&self, offset: usize) -> Option<&str> {
        self.config
            .renamed
            .get(&(self.current_file.get(), offset))
            .map(String::as_str)
    }

    fn depth(&self) -> Option<&std::cell::Cell<usize>> {
        Some(&self.depth)
    }
}

fn attr_bool(eval: &Eval<'_>, body: &Body, name: &str) -> Option<bool> {
    body.get_attribute(name)
        .and_then(|a| super::eval::to_bool(&eval.expr(&a.value, Bindings::EMPTY)).ok())
}

fn attr_string(eval: &Eval<'_>, body: &Body, name: &str) -> Option<String> {
    body.get_attribute(name)
        .and_then(|a| eval.expr(&a.value, Bindings::EMPTY).to_template_string())
}

fn span_of(file: usize, block: &Block) -> SpanRef {
    SpanRef {
        file,
        span: block.span().unwrap_or(0..0),
    }
}

fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The provider's local name: `provider = aws.west` -> "aws", else the
/// resource type's prefix.
fn provider_of(eval: &Eval<'_>, body: &Body, rtype: &str) -> String {
    if let Some(attr) = body.get_attribute("provider") {
        let text = expression_text(&attr.value);
        if let Some(name) = text.split('.').next().filter(|s| !s.is_empty()) {
            return name.trim().to_owned();
        }
        let _ = eval;
    }
    rtype.split('_').next().unwrap_or(rtype).to_owned()
}

/// The source text of a simple traversal like `aws.west`.
fn expression_text(expr: &Expression) -> String {
    match expr {
        Expression::Variable(v) => v.value().to_string(),
        Expression::Traversal(t) => {
            let mut s = expression_text(&t.expr);
            for op in &t.operators {
                if let hcl_edit::expr::TraversalOperator::GetAttr(n) = op.value() {
                    s.push('.');
                    s.push_str(n.value().as_str());
                }
            }
            s
        }
        Expression::String(s) => s.value().clone(),
        _ => String::new(),
    }
}

/// The instances a `for_each` value creates: a map's entries, or a set of
/// strings (each.value = each.key). None when unknown or not iterable.
fn for_each_items(v: Value) -> Option<Vec<(String, Value)>> {
    match v {
        Value::Object(map) => {
            if map.values().any(Value::is_unknown) {
                // Keys are known; values stay as they are (unknown inside).
            }
            Some(map.into_iter().collect())
        }
        Value::List(items) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(s) => keys.push(s),
                    Value::Number(n) => keys.push(super::value::format_number(n)),
                    _ => return None,
                }
            }
            keys.sort();
            keys.dedup();
            Some(
                keys.into_iter()
                    .map(|k| (k.clone(), Value::String(k)))
                    .collect(),
            )
        }
        _ => None,
    }
}

/// Applies a type constraint's `optional(type, default)` defaults to a
/// value: missing optional object attributes get their default (or null),
/// recursively through list, set, map, tuple and object types. Other
/// conversions are left to the provider.
fn apply_type_defaults(eval: &Eval<'_>, ty: &Expression, value: Value) -> Value {
    let Expression::FuncCall(call) = ty else {
        return value;
    };
    let name = call.name.name.value().as_str();
    let arg = |i: usize| call.args.iter().nth(i);
    match (name, value) {
        ("optional", v) => match arg(0) {
            Some(inner) => apply_type_defaults(eval, inner, v),
            None => v,
        },
        ("list" | "set", Value::List(items)) => match arg(0) {
            Some(inner) => Value::List(
                items
                    .into_iter()
                    .map(|v| apply_type_defaults(eval, inner, v))
                    .collect(),
            ),
            None => Value::List(items),
        },
        ("map", Value::Object(map)) => match arg(0) {
            Some(inner) => Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, apply_type_defaults(eval, inner, v)))
                    .collect(),
            ),
            None => Value::Object(map),
        },
        ("tuple", Value::List(items)) => match arg(0) {
            Some(Expression::Array(types)) => Value::List(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| match types.get(i) {
                        Some(t) => apply_type_defaults(eval, t, v),
                        None => v,
                    })
                    .collect(),
            ),
            _ => Value::List(items),
        },
        ("object", Value::Object(mut map)) => {
            let Some(Expression::Object(attrs)) = arg(0) else {
                return Value::Object(map);
            };
            for (key, attr_ty) in attrs.iter() {
                let key = match key {
                    hcl_edit::expr::ObjectKey::Ident(i) => i.value().to_string(),
                    hcl_edit::expr::ObjectKey::Expression(Expression::String(s)) => {
                        s.value().clone()
                    }
                    hcl_edit::expr::ObjectKey::Expression(_) => continue,
                };
                let attr_ty = attr_ty.expr();
                match map.remove(&key) {
                    Some(Value::Null) | None => {
                        let default = optional_default(eval, attr_ty);
                        map.insert(
                            key,
                            default.map_or(Value::Null, |d| apply_type_defaults(eval, attr_ty, d)),
                        );
                    }
                    Some(v) => {
                        map.insert(key, apply_type_defaults(eval, attr_ty, v));
                    }
                }
            }
            Value::Object(map)
        }
        (_, v) => v,
    }
}

/// The default of `optional(type, default)`, if the type is one with a default.
fn optional_default(eval: &Eval<'_>, ty: &Expression) -> Option<Value> {
    let Expression::FuncCall(call) = ty else {
        return None;
    };
    if call.name.name.value().as_str() != "optional" {
        return None;
    }
    call.args
        .iter()
        .nth(1)
        .map(|d| eval.expr(d, Bindings::EMPTY))
}

fn each_object(key: Value, value: Value) -> Value {
    Value::Object(BTreeMap::from([
        ("key".to_owned(), key),
        ("value".to_owned(), value),
    ]))
}

fn count_object(index: f64) -> Value {
    Value::Object(BTreeMap::from([("index".to_owned(), Value::Number(index))]))
}

/// Terraform's instance key syntax: `["key"]` with JSON-style escaping.
fn quote_key(k: &str) -> String {
    serde_json::Value::String(k.to_owned()).to_string()
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.is_empty() => out.push(s.clone()),
        Value::List(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

/// Records, per attribute path, the objects its expression refers to.
fn collect_body_refs(body: &Body, path: &str, out: &mut BTreeMap<String, Vec<String>>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                let mut refs = Vec::new();
                super::refs::collect(&attr.value, &mut refs);
                if !refs.is_empty() {
                    refs.sort();
                    refs.dedup();
                    out.insert(join_path(path, attr.key.value().as_str()), refs);
                }
            }
            Structure::Block(block) => {
                let ident = block.ident.value().as_str();
                if META_BLOCKS.contains(&ident) || ident == "dynamic" {
                    continue;
                }
                let n = counts.entry(ident).or_default();
                let p = format!("{}.{}", join_path(path, ident), n);
                *n += 1;
                collect_body_refs(&block.body, &p, out);
            }
        }
    }
}

/// Paths of the module's files, for callers that need them.
pub fn dir_of(files: &[ModuleFile<'_>]) -> Option<PathBuf> {
    files
        .first()
        .and_then(|f| f.source.path.parent().map(Path::to_path_buf))
}
