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

pub use super::address::Mode;
use super::address::{self, InstanceKey};
use super::data_sources;
use super::eval::{apply_ops, error, Binding, Bindings, Eval, Op, Resolver};
use super::functions::FnContext;
use super::parse::ParsedHcl;
use super::value::{Number, Unknown, Value};
use crate::source::SourceFile;

mod calls;
mod config;
mod expansion;
mod overrides;
mod providers;
mod schemas;
mod variables;

use config::{Config, ResourceBlock};
use expansion::*;
use providers::*;

/// One parsed file of a module.
pub struct ModuleFile<'a> {
    pub file: usize,
    pub source: &'a SourceFile,
    pub hcl: &'a ParsedHcl,
}

/// Variable values from outside the module: tfvars files, `--var`,
/// `--var-file`, `TF_VAR_*`, or the arguments of a module call. Build it
/// with [`Inputs::set`] in the order Terraform applies the sources
/// (terraform.tfvars, *.auto.tfvars by name, then `-var` and `-var-file` in
/// command-line order): a later value replaces an earlier one of either
/// kind. `TF_VAR_*` values (`env`) have the lowest precedence.
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    pub values: BTreeMap<String, Value>,
    /// `--var name=value`: a string, or an HCL expression when the
    /// variable's type is not primitive (Terraform's rule).
    pub raw: BTreeMap<String, String>,
    /// `TF_VAR_name`, same rule, lowest precedence.
    pub env: BTreeMap<String, String>,
    /// Where a value was written (a module call's argument, a tfvars
    /// attribute), for diagnostics about it.
    pub origins: BTreeMap<String, SpanRef>,
    /// `--provider-schema`: resources' values follow it (the root module's
    /// inputs carry it; every module of the tree uses it).
    pub schema: Option<std::sync::Arc<super::schema::ProviderSchemas>>,
    /// `--download-modules`: root module directory -> module key ("a.b")
    /// -> downloaded module directory, like `.terraform/modules`.
    pub downloaded: Option<std::sync::Arc<HashMap<PathBuf, HashMap<String, PathBuf>>>>,
    /// tfward.toml's `[limits] instances`: the tree's budget of resource
    /// and module instances (default [`MAX_INSTANCES`]).
    pub max_instances: Option<usize>,
}

/// Where the next command-line variable value comes from: `--var-file`
/// and `--var` apply in command-line order, the later winning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VarSource {
    /// The next `--var-file`.
    File,
    /// The next `--var`.
    Value,
}

/// One input value, as [`Inputs::set`] takes it.
#[derive(Debug, Clone)]
pub enum InputValue {
    /// An evaluated value (a tfvars or `-var-file` attribute, a module
    /// call argument), with where it was written when known.
    Value(Value, Option<SpanRef>),
    /// A `-var name=raw` string, read by the variable's type.
    Raw(String),
}

impl Inputs {
    /// Sets variable `name`, replacing whatever an earlier source gave it.
    pub fn set(&mut self, name: &str, value: InputValue) {
        self.values.remove(name);
        self.raw.remove(name);
        self.origins.remove(name);
        match value {
            InputValue::Value(v, origin) => {
                self.values.insert(name.to_owned(), v);
                if let Some(at) = origin {
                    self.origins.insert(name.to_owned(), at);
                }
            }
            InputValue::Raw(raw) => {
                self.raw.insert(name.to_owned(), raw);
            }
        }
    }
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
    /// The provider configuration it uses: `aws`, or `aws.west` for
    /// `provider = aws.west`.
    pub provider_config: String,
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
    /// Dotted paths of the attributes whose values are sensitive (derived
    /// from a sensitive variable, output or `sensitive()`), as a plan's
    /// `sensitive_values` lists them. `values` holds them unmarked.
    pub sensitive: Vec<String>,
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
    /// provider configuration address (`aws`, `aws.west`) -> tags from its
    /// `default_tags` (AWS) or `default_labels` (Google), own or passed by
    /// the caller.
    /// from the calling module.
    pub default_tags: BTreeMap<String, Value>,
}

/// Every configuration file loaded, by directory: where child modules are
/// found.
#[derive(Default)]
pub struct Project<'a> {
    pub files: Vec<ModuleFile<'a>>,
    /// Directory -> indexes into `files`.
    pub by_dir: HashMap<PathBuf, Vec<usize>>,
    /// Module directories (normalised) that loading refused to read, for
    /// lying outside the project.
    pub refused: HashSet<PathBuf>,
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
        Project {
            files,
            by_dir,
            refused: HashSet::new(),
        }
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
    /// The provider configurations the caller passes (by address in this
    /// module: `aws`, `aws.west`).
    pub provider_configs: BTreeMap<String, ProviderConfig>,
    /// Instances the tree may still expand to ([`MAX_INSTANCES`]).
    pub budget: &'a std::cell::Cell<usize>,
    /// The budget the tree started with.
    pub limit: usize,
    /// The provider schemas given (`--provider-schema`), if any.
    pub schema: Option<&'a super::schema::ProviderSchemas>,
}

/// What tfward reads of a provider configuration.
#[derive(Debug, Clone, Default)]
pub struct ProviderConfig {
    /// `default_tags { tags }` (AWS) or `default_labels` (Google).
    pub default_tags: Option<Value>,
    /// `region` (AWS): decides `aws_region` and `aws_partition`.
    pub region: Option<Value>,
}

/// The deepest module nesting followed.
pub const MAX_MODULE_DEPTH: usize = 32;

/// Resource and module instances one root module's tree may expand to
/// (count and for_each multiply through module calls: 1,000 module
/// instances of 1,000 resources each took minutes and gigabytes).
pub const MAX_INSTANCES: usize = 20_000;

/// The budget once [`MAX_INSTANCES`] has been passed and said so.
const SPENT: usize = 0;

/// The longest chain of locals that refer to one another tfward follows;
/// each link costs stack, and 5,000 of them overflowed it.
pub const MAX_LOCAL_NESTING: usize = 128;

/// Evaluates a root module and, through its calls, every local (or
/// installed) child module. Returns the root first, then the children.
pub fn evaluate_tree(
    project: &Project<'_>,
    dir: &Path,
    inputs: &Inputs,
    scan_root: &Path,
    workspace: &str,
) -> Vec<EvaluatedModule> {
    // What `terraform init` installed wins over what tfward downloaded.
    let mut installed = inputs
        .downloaded
        .as_ref()
        .and_then(|d| d.get(&normalise(dir)).cloned())
        .unwrap_or_default();
    installed.extend(installed_modules(dir));
    let children = RefCell::new(Vec::new());
    let limit = inputs.max_instances.unwrap_or(MAX_INSTANCES);
    let budget = std::cell::Cell::new(limit);
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
        provider_configs: BTreeMap::new(),
        budget: &budget,
        limit,
        schema: inputs.schema.as_deref(),
    };
    let files: Vec<&ModuleFile<'_>> = project.module_files(dir);
    let root = evaluate_files(&files, &ctx);
    let mut out = vec![root];
    out.extend(children.into_inner());
    out
}

fn evaluate_files(files: &[&ModuleFile<'_>], ctx: &ModuleContext<'_>) -> EvaluatedModule {
    let merged = overrides::merge(files);
    let config = Config::gather(files, &merged);
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

/// Whether `text` may hold a top-level `module` block, decided without
/// parsing it: false only when no word `module` stands where a block can
/// start. A block's type comes first on its line (after indentation, or a
/// comment or brace that ends there) and is followed by a label or `{`;
/// `module.vpc.id`, `module = ...` and prose in a string (`"this module
/// creates"`) are none. Errs towards true (a heredoc line that begins
/// "module" passes): a file it passes is parsed to read its calls.
pub fn may_call_modules(text: &str) -> bool {
    const WORD: &str = "module";
    let bytes = text.as_bytes();
    // Identifier characters (HCL's also take `-`); non-ASCII bytes are
    // taken as a boundary, so Unicode spacing errs towards true.
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    text.match_indices(WORD).any(|(at, _)| {
        if at > 0 && ident(bytes[at - 1]) {
            return false;
        }
        let line = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |p| p + 1);
        let before = text[line..at].trim();
        let starts_item =
            before.is_empty() || before.ends_with("*/") || before.ends_with(['{', '}', ';']);
        if !starts_item {
            return false;
        }
        let after = text[at + WORD.len()..].trim_start_matches([' ', '\t']);
        match after.bytes().next() {
            None => true,
            Some(b) => {
                matches!(b, b'"' | b'{' | b'/' | b'#' | b'\n' | b'\r' | b'_')
                    || b.is_ascii_alphabetic()
                    || !b.is_ascii()
            }
        }
    })
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
    /// Provider configurations by address, computed once.
    provider_configs: RefCell<Option<BTreeMap<String, ProviderConfig>>>,
    /// Computed data sources' attributes by instance address.
    data_cache: RefCell<HashMap<String, Value>>,
    /// (instance, attribute) -> its value, for references to another
    /// resource's attribute.
    attribute_cache: RefCell<HashMap<(String, String), Value>>,
    /// Strings inside sensitive values that reached a resource: never to
    /// be printed.
    sensitive_strings: RefCell<Vec<String>>,
    /// Expression nesting across every evaluation of this module (locals
    /// that refer to locals), bounded by `eval::MAX_DEPTH`.
    depth: std::cell::Cell<usize>,
    /// Locals being evaluated inside one another right now.
    local_nesting: std::cell::Cell<usize>,
}

/// A module call's outputs, its directory (when found) and what became of it.
type CallResult = (Value, Option<PathBuf>, CallStatus);

#[derive(Clone)]
enum LocalState {
    Evaluating,
    /// The value, and the resource instances its expression reached (what
    /// a reader of the local reaches too, memo or not).
    Done(Value, Vec<String>),
}

/// An instance to create from a block: its key, each (key, value), count.index.
type Instance = (InstanceKey, Option<(Value, Value)>, Option<Number>);

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
            provider_configs: RefCell::new(None),
            data_cache: RefCell::new(HashMap::new()),
            attribute_cache: RefCell::new(HashMap::new()),
            sensitive_strings: RefCell::new(Vec::new()),
            depth: std::cell::Cell::new(0),
            local_nesting: std::cell::Cell::new(0),
        };
        me.vars = me.variable_values();
        // A sensitive variable's value is marked, and so is everything
        // computed from it (Terraform's sensitivity marks).
        let eval = Eval::new(&me);
        let sensitive: Vec<String> = config
            .variables
            .iter()
            .filter(|(block, _)| attr_bool(&eval, &block.body, "sensitive") == Some(true))
            .map(|(block, _)| block.labels[0].as_str().to_owned())
            .collect();
        for name in sensitive {
            if let Some(v) = me.vars.remove(&name) {
                me.vars.insert(name, Value::sensitive(v));
            }
        }
        me
    }

    fn run(self) -> EvaluatedModule {
        let eval = Eval::new(&self);
        let mut result = EvaluatedModule::default();

        for (block, file) in &self.config.variables {
            let name = block.labels[0].as_str().to_owned();
            let value = self.vars.get(&name).cloned().unwrap_or(Value::Null);
            // Declared sensitive, or given a sensitive value by the caller.
            let sensitive = attr_bool(&eval, &block.body, "sensitive").unwrap_or(false)
                || value.has_sensitive();
            if sensitive {
                collect_strings(&value, &mut result.sensitive_strings);
            }
            result.variables.push(Variable {
                name,
                value: value.unmark_deep().0,
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
        result.default_tags = self.default_tags();

        for (block, file) in &self.config.outputs {
            self.current_file.set(*file);
            let value = block
                .body
                .get_attribute("value")
                .map_or(Value::Null, |a| eval.expr(&a.value, Bindings::EMPTY));
            // Terraform refuses an output of a sensitive value that is not
            // declared sensitive; tfward treats it as sensitive.
            let sensitive = attr_bool(&eval, &block.body, "sensitive").unwrap_or(false)
                || value.has_sensitive();
            if sensitive {
                collect_strings(&value, &mut result.sensitive_strings);
            }
            result.outputs.push(Output {
                name: block.labels[0].as_str().to_owned(),
                // The calling module sees a sensitive output marked.
                value: value.unmark_deep().0.marked_if(sensitive),
                sensitive,
            });
        }
        for tags in result.default_tags.values() {
            tags.sensitive_strings(&mut result.sensitive_strings);
        }
        result.default_tags = std::mem::take(&mut result.default_tags)
            .into_iter()
            .map(|(k, v)| (k, v.unmark_deep().0))
            .collect();
        result
            .sensitive_strings
            .append(&mut self.sensitive_strings.borrow_mut());
        result.issues = self.issues.into_inner();
        result.sensitive_strings.sort();
        result.sensitive_strings.dedup();
        result
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
    fn depth(&self) -> Option<&std::cell::Cell<usize>> {
        Some(&self.depth)
    }

    fn variable(&self, name: &str) -> Value {
        self.vars
            .get(name)
            .cloned()
            .unwrap_or_else(|| error(format!("var.{name} is not declared")))
    }

    fn variable_at(&self, name: &str, ops: &[Op]) -> Value {
        match self.vars.get(name) {
            Some(v) => {
                let (part, rest) = super::eval::walk_plain(v, ops);
                apply_ops(part.clone(), rest)
            }
            None => error(format!("var.{name} is not declared")),
        }
    }

    fn local_at(&self, name: &str, ops: &[Op]) -> Value {
        if let Some(LocalState::Done(v, reached)) = self.locals.borrow().get(name) {
            self.reached(reached);
            let (part, rest) = super::eval::walk_plain(v, ops);
            return apply_ops(part.clone(), rest);
        }
        apply_ops(self.local(name), ops)
    }

    fn local(&self, name: &str) -> Value {
        if let Some(state) = self.locals.borrow().get(name).cloned() {
            return match state {
                LocalState::Done(v, reached) => {
                    self.reached(&reached);
                    v
                }
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
        // What the local's expression reaches is recorded with its value,
        // so that every reader reaches it, not only the first (whose
        // recording may also be off: the other branch of a conditional).
        let recording = self.recorder.replace(Some(Vec::new()));
        let v = Eval::new(self).expr(expr, Bindings::EMPTY);
        let reached =
            std::mem::replace(&mut *self.recorder.borrow_mut(), recording).unwrap_or_default();
        self.local_nesting.set(nesting);
        self.current_file.set(previous);
        self.reached(&reached);
        self.locals
            .borrow_mut()
            .insert(name.to_owned(), LocalState::Done(v.clone(), reached));
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

    fn module_at(&self, name: &str, ops: &[Op]) -> Value {
        if let Some((v, _, _)) = self.calls.borrow().get(name) {
            let (part, rest) = super::eval::walk_plain(v, ops);
            return apply_ops(part.clone(), rest);
        }
        apply_ops(self.module(name), ops)
    }

    fn resource(&self, data: bool, rtype: &str, name: &str, ops: &[Op]) -> Value {
        let mode = if data { Mode::Data } else { Mode::Managed };
        let label = address::resource(mode, rtype, name);
        let Some(rb) = self.config.find_resource(mode, rtype, name) else {
            return error(format!("{label} is not declared in this module"));
        };
        let repeated =
            rb.block.body.has_attribute("count") || rb.block.body.has_attribute("for_each");
        if let Some(reached) = self.recorder.borrow_mut().as_mut() {
            let key = match ops.first() {
                Some(Op::Index(k)) if repeated => InstanceKey::of(k),
                _ => None,
            };
            reached.push(address::instance(
                "",
                &label,
                &key.unwrap_or(InstanceKey::None),
            ));
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

    fn refused(&self, span: Option<std::ops::Range<usize>>, message: &str) {
        // Inside a templatefile template the span is the template's.
        let span = span.filter(|_| !self.rendering.get()).unwrap_or(0..0);
        let at = SpanRef {
            file: self.current_file.get(),
            span,
        };
        let message = format!("{message}; the value is not known to tfward");
        let mut issues = self.issues.borrow_mut();
        if !issues.iter().any(|i| i.at == at && i.message == message) {
            issues.push(ConfigIssue {
                at,
                message,
                error: false,
            });
        }
    }

    fn quietly(&self, f: &mut dyn FnMut() -> Value) -> Value {
        let recording = self.recorder.take();
        let v = f();
        *self.recorder.borrow_mut() = recording;
        v
    }

    fn renamed_key(&self, offset: usize) -> Option<&str> {
        self.config
            .renamed
            .get(&(self.current_file.get(), offset))
            .map(String::as_str)
    }

    fn lifted_object(&self, offset: usize) -> Option<Value> {
        if self.rendering.get() {
            return None;
        }
        self.config
            .lifted
            .get(&(self.current_file.get(), offset))
            .map(|v| Value::clone(v))
    }
}

impl ModuleEval<'_, '_> {
    /// Records resource instances reached through a local, when recording.
    fn reached(&self, instances: &[String]) {
        if instances.is_empty() {
            return;
        }
        if let Some(reached) = self.recorder.borrow_mut().as_mut() {
            reached.extend_from_slice(instances);
        }
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

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v.unmarked() {
        Value::String(s) if !s.is_empty() => out.push(s.clone()),
        Value::List(items) => items.iter().for_each(|i| collect_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

/// Paths of the module's files, for callers that need them.
pub fn dir_of(files: &[ModuleFile<'_>]) -> Option<PathBuf> {
    files
        .first()
        .and_then(|f| f.source.path.parent().map(Path::to_path_buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files that parse with a top-level module block pass
    /// `may_call_modules` however the block is written; the others fail it
    /// whatever else says "module".
    #[test]
    fn module_blocks_are_found_without_parsing() {
        let calling = [
            "module \"a\" {\n  source = \"./a\"\n}\n",
            "  module \"a\" {\n  source = \"./a\"\n}\n",
            "\tmodule a {\n  source = \"./a\"\n}\n",
            "module\t\"a\" {\n  source = \"./a\"\n}\n",
            "/* one */ module \"a\" {\n  source = \"./a\"\n}\n",
            "/* one\n two */ module \"a\" {\n  source = \"./a\"\n}\n",
            "module /* named */ \"a\" {\n  source = \"./a\"\n}\n",
            "locals {\n  a = 1\n}\r\nmodule \"a\" {\r\n  source = \"./a\"\r\n}\r\n",
            "output \"x\" {\n  value = module.b.x\n}\nmodule \"a\" {\n  source = \"./a\"\n}",
        ];
        let not_calling = [
            "",
            "resource \"a\" \"b\" {}\n",
            "output \"id\" {\n  value = module.vpc.id\n}\n",
            "output \"ids\" {\n  value = [\n    module.vpc.id,\n  ]\n}\n",
            "variable \"x\" {\n  description = \"the module to call\"\n}\n",
            "locals {\n  module = 1\n  submodule_name = \"x\"\n}\n",
            "# module \"a\" { source = \"./a\" }\n",
            "locals {\n  a = \"module\"\n}\n",
            "resource \"x\" \"module\" {}\n",
        ];
        let cases = calling
            .iter()
            .map(|t| (t, true))
            .chain(not_calling.iter().map(|t| (t, false)));
        for (text, calls) in cases {
            let tree = crate::terraform::parse::parse_hcl(text)
                .unwrap_or_else(|e| panic!("{text:?} parses: {}", e.message));
            let expected: Vec<String> = if calls {
                vec!["./a".into()]
            } else {
                Vec::new()
            };
            assert_eq!(module_sources(&tree.body), expected, "{text:?}");
            assert_eq!(may_call_modules(text), calls, "{text:?}");
        }
    }

    /// Every Terraform file under `root` that holds a module block passes
    /// `may_call_modules`, and fewer that hold none pass it: (files with
    /// a block, files passing without one).
    fn check_module_words(root: &Path) -> (usize, usize) {
        let (mut calling, mut passed_without) = (0, 0);
        for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("tf") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let Ok(tree) = crate::terraform::parse::parse_hcl(&text) else {
                continue;
            };
            let may = may_call_modules(&text);
            if tree
                .body
                .blocks()
                .any(|b| b.ident.value().as_str() == "module")
            {
                calling += 1;
                assert!(may, "{} holds a module block", path.display());
            } else if may {
                passed_without += 1;
            }
        }
        assert!(
            passed_without < calling,
            "{passed_without} files pass without a module block, {calling} with one"
        );
        (calling, passed_without)
    }

    #[test]
    fn module_blocks_of_the_testdata_are_all_found() {
        let (calling, _) =
            check_module_words(&Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata"));
        assert!(calling >= 5, "testdata calls modules in {calling} files");
    }

    /// The corpus's 5,000 files (`.ci/run` runs the ignored tests that read
    /// it).
    #[test]
    #[ignore = "reads ../shared/corpus"]
    fn module_blocks_of_the_corpus_are_all_found() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/modules");
        let (calling, _) = check_module_words(&root);
        assert!(
            calling > 1000,
            "the corpus calls modules in {calling} files"
        );
    }

    /// `-var` and `-var-file` apply in command-line order: the later wins,
    /// whichever kind it is.
    #[test]
    fn later_inputs_replace_earlier_ones_of_either_kind() {
        let mut inputs = Inputs::default();
        inputs.set("a", InputValue::Raw("from-var".into()));
        inputs.set("a", InputValue::Value(Value::from("from-file"), None));
        inputs.set("b", InputValue::Value(Value::from("from-file"), None));
        inputs.set("b", InputValue::Raw("from-var".into()));
        assert_eq!(inputs.values.get("a"), Some(&Value::from("from-file")));
        assert!(!inputs.raw.contains_key("a"));
        assert_eq!(inputs.raw.get("b").map(String::as_str), Some("from-var"));
        assert!(!inputs.values.contains_key("b"));
    }
}
