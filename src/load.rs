//! Stage 2, load: read and parse every file in parallel. HCL through
//! hcl-edit (keeping byte spans), `.tf.json` through its HCL rewrite, tfvars,
//! plans and states through serde_json into typed views. A file that cannot
//! be read or parsed becomes a diagnostic with its position; the rest go on.
//! Module calls are followed here too: the directories that local sources and
//! `.terraform/modules` name are loaded beside the scanned files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::discover::{Candidate, FileKind};
use crate::plan::{self, Loaded as Plan};
use crate::source::{display_path, SourceFile};
use crate::terraform::module::{self};
use crate::terraform::parse::{self, ParsedHcl};

/// Files larger than this are reported and skipped (HCL); plans and states
/// have their own, larger cap.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// Plans and states may be far larger than any HCL file.
pub const MAX_PLAN_SIZE: u64 = 1024 * 1024 * 1024;

/// A file as loaded: its text and, for HCL, its syntax tree.
pub struct Loaded {
    pub source: SourceFile,
    pub kind: FileKind,
    /// The syntax tree. A large scan holds the trees of configuration
    /// files only while the modules that read them are evaluated
    /// ([`Trees::Batched`]); [`reparse`] builds one again from the text.
    pub hcl: Option<ParsedHcl>,
    /// The literal `source` of each module block, read when the file was
    /// parsed (kept when the tree is not).
    pub calls: Vec<String>,
    /// Whether the text is known to parse.
    pub syntax: Syntax,
}

/// What is known of a file's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// It parsed (every file but configuration loaded for a batched scan).
    Valid,
    /// Not parsed yet: a configuration file of a batched scan that holds
    /// no module block ([`module::may_call_modules`]), so its calls are
    /// known without parsing it. Its batch parses it, and reports it if it
    /// does not parse (`pipeline::hold_trees`). One difference from
    /// parsing at load remains: a directory whose files all fail this way
    /// still has its `.terraform/modules` loaded (not evaluated: the
    /// directory is no module).
    Unchecked,
    /// It did not parse, and that was reported: the scan goes on as if it
    /// had not been loaded.
    Broken,
}

/// Whether loading keeps the syntax trees of configuration files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trees {
    Keep,
    /// Drop the trees: the scan parses each batch of modules when it
    /// evaluates them, so the trees of a whole large scan are never held
    /// at once. Loading parses only the files that may hold module blocks,
    /// to check them and read their sources (the calls decide which
    /// directories are roots and what each batch holds); the rest are
    /// parsed once, by their batch ([`Syntax::Unchecked`]).
    Batched,
}

/// A plan or state as loaded, with its file.
pub struct PlanFile {
    pub file: usize,
    pub plan: Plan,
}

/// Reads and parses every file, in parallel.
pub fn load(candidates: &[Candidate], max_size: u64) -> (Vec<Loaded>, Vec<Diagnostic>) {
    load_with(candidates, max_size, Trees::Keep)
}

/// Like [`load`], keeping the configuration files' trees or not.
pub fn load_with(
    candidates: &[Candidate],
    max_size: u64,
    trees: Trees,
) -> (Vec<Loaded>, Vec<Diagnostic>) {
    let results: Vec<Result<Loaded, Diagnostic>> = candidates
        .par_iter()
        .map(|c| {
            if trees == Trees::Batched && c.kind == FileKind::Hcl {
                let source = read_source(c, max_size)?;
                if !module::may_call_modules(&source.text) {
                    return Ok(Loaded {
                        source,
                        kind: c.kind,
                        hcl: None,
                        calls: Vec::new(),
                        syntax: Syntax::Unchecked,
                    });
                }
                let mut l = parse_source(c, source)?;
                l.hcl = None;
                return Ok(l);
            }
            let mut l = load_one(c, max_size)?;
            if trees == Trees::Batched && l.kind.is_config() {
                l.hcl = None;
            }
            Ok(l)
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    let mut diags = Vec::new();
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(d) => diags.push(d),
        }
    }
    (loaded, diags)
}

pub(crate) fn load_one(c: &Candidate, max_size: u64) -> Result<Loaded, Diagnostic> {
    let source = read_source(c, max_size)?;
    parse_source(c, source)
}

/// Reads a file's text: within `max_size`, UTF-8, through a symlink
/// stored as a file, with a byte-order mark blanked.
fn read_source(c: &Candidate, max_size: u64) -> Result<SourceFile, Diagnostic> {
    let display = display_path(&c.path);
    if c.size > max_size {
        return Err(Diagnostic::error(
            &display,
            0,
            0,
            format!(
                "skipped: the file is {} bytes, over the {} byte limit; raise it with --max-file-size if it is really Terraform",
                c.size, max_size
            ),
        ));
    }
    let bytes = std::fs::read(&c.path)
        .map_err(|e| Diagnostic::error(&display, 0, 0, format!("cannot read the file: {e}")))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
            let f = SourceFile::new(c.path.clone(), display.clone(), valid);
            let at = f.line_col(offset);
            return Err(Diagnostic::error(
                &display,
                at.line,
                at.column,
                "the file is not valid UTF-8 (Terraform reads UTF-8 only); re-save it as UTF-8"
                    .into(),
            ));
        }
    };
    let text = follow_git_symlink(&c.path, text);
    // A byte-order mark is three bytes; blank it so offsets stay true.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text,
    };
    Ok(SourceFile::new(c.path.clone(), display, text))
}

/// Parses a file read by [`read_source`] as its kind says.
fn parse_source(c: &Candidate, mut source: SourceFile) -> Result<Loaded, Diagnostic> {
    let display = source.display.clone();
    let hcl = match c.kind {
        FileKind::Hcl | FileKind::Tfvars => match parse::parse_hcl(&source.text) {
            Ok(p) => Some(p),
            Err(e) => return Err(syntax_error(&source, &e)),
        },
        FileKind::HclJson => match crate::terraform::json_config::to_hcl(&source.text) {
            Ok(hcl_text) => match parse::parse_hcl(&hcl_text) {
                Ok(p) => {
                    // Spans now refer to the generated text: keep it as the
                    // file's text so snippets match, under the same name.
                    source = SourceFile::new(c.path.clone(), display.clone(), hcl_text);
                    Some(p)
                }
                Err(e) => {
                    return Err(Diagnostic::error(
                        &display,
                        0,
                        0,
                        format!("cannot read this JSON configuration: {}", e.message),
                    ))
                }
            },
            Err(e) => return Err(Diagnostic::error(&display, e.line, e.column, e.message)),
        },
        FileKind::TfvarsJson | FileKind::Json => None,
    };
    let calls = match (&hcl, c.kind.is_config()) {
        (Some(tree), true) => module::module_sources(&tree.body),
        _ => Vec::new(),
    };
    Ok(Loaded {
        source,
        kind: c.kind,
        hcl,
        calls,
        syntax: Syntax::Valid,
    })
}

/// The error for HCL text that does not parse, where it stops.
fn syntax_error(source: &SourceFile, e: &parse::ParseError) -> Diagnostic {
    let at = source.line_col(e.offset);
    Diagnostic::error(&source.display, at.line, at.column, e.message.clone()).with_span(e.offset)
}

/// The syntax tree of a configuration file loaded without it, parsed
/// (again, unless it is [`Syntax::Unchecked`]) from its text, which holds
/// the repairs made when it was loaded, so the tree is the same. Ok(None)
/// for other files and for those known not to parse; the error, as loading
/// would have reported it, for an unchecked file that does not parse.
pub(crate) fn reparse(l: &Loaded) -> Result<Option<ParsedHcl>, Diagnostic> {
    if !l.kind.is_config() || l.syntax == Syntax::Broken {
        return Ok(None);
    }
    match parse::parse_hcl(&l.source.text) {
        Ok(tree) => Ok(Some(tree)),
        Err(e) if l.syntax == Syntax::Unchecked => Err(syntax_error(&l.source, &e)),
        Err(_) => Ok(None),
    }
}

/// A checkout made without symlink support (git's `core.symlinks=false`,
/// some archives) stores a symlink as a file holding the target's relative
/// path. When a Terraform file is exactly that — one line naming a sibling
/// Terraform file that exists — read the target, as the symlink would.
fn follow_git_symlink(path: &Path, text: String) -> String {
    let target = text.trim_end_matches('\n');
    let looks_like_link = !target.is_empty()
        && target.len() < 512
        && !target.contains(['\n', ' ', '=', '{', '"', '#'])
        && FileKind::of(Path::new(target)).is_some();
    if !looks_like_link {
        return text;
    }
    let Some(dir) = path.parent() else {
        return text;
    };
    let resolved = dir.join(target);
    match std::fs::read_to_string(&resolved) {
        // A link to a link is followed once only: no loops.
        Ok(t) if resolved.is_file() => t,
        _ => text,
    }
}

/// Where the module calls of the loaded files lead.
#[derive(Debug, Default)]
pub(crate) struct ModuleCalls {
    /// The directories called by another module.
    pub called: HashSet<PathBuf>,
    /// Directory (normalised) -> the directories its files' local sources
    /// and its `.terraform/modules` lead to (normalised).
    pub leads_to: std::collections::HashMap<PathBuf, Vec<PathBuf>>,
    /// Directories (normalised) a call leads to that lie outside the
    /// project and were not read.
    pub refused: HashSet<PathBuf>,
}

/// Loads, beside the scanned files, the directories of local module calls
/// and of modules installed by `terraform init`, until nothing new is
/// called.
/// `downloaded` are module directories `--download-modules` fetched, inside
/// the `packages` the user let tfward read; `shown` names their files
/// ([`show_downloaded`]).
pub(crate) fn load_called_modules(
    loaded: &mut Vec<Loaded>,
    max_size: u64,
    trees: Trees,
    diags: &mut Vec<Diagnostic>,
    downloaded: &[PathBuf],
    packages: &[PathBuf],
    shown: &dyn Fn(&Path) -> Option<String>,
) -> ModuleCalls {
    let mut calls = ModuleCalls::default();
    let mut known: HashSet<PathBuf> = loaded
        .iter()
        .filter_map(|l| l.source.path.parent().map(module::normalise))
        .collect();
    let mut project = project_roots(&known);
    project.extend(packages.iter().filter_map(|p| p.canonicalize().ok()));
    let mut from = 0;
    // Each round loads the modules the previous round's files call. The
    // evaluator stops at MAX_MODULE_DEPTH nested calls (and says so), so
    // loading deeper than that is wasted; a symlink loop ends there too.
    for _round in 0..=module::MAX_MODULE_DEPTH {
        let mut wanted: Vec<PathBuf> = Vec::new();
        let mut dirs = std::collections::BTreeSet::new();
        for l in &loaded[from..] {
            let Some(dir) = l.source.path.parent() else {
                continue;
            };
            dirs.insert(dir.to_path_buf());
            let from = module::normalise(dir);
            for source in &l.calls {
                if module::is_local_source(source) {
                    let target = module::normalise(&dir.join(source));
                    if target != from {
                        calls.called.insert(target.clone());
                    }
                    calls
                        .leads_to
                        .entry(from.clone())
                        .or_default()
                        .push(target.clone());
                    wanted.push(target);
                }
            }
        }
        for dir in dirs {
            let installed: Vec<PathBuf> = module::installed_modules(&dir).into_values().collect();
            calls
                .leads_to
                .entry(module::normalise(&dir))
                .or_default()
                .extend(installed.iter().map(|d| module::normalise(d)));
            wanted.extend(installed);
        }
        if from == 0 {
            wanted.extend(downloaded.iter().cloned());
        }
        from = loaded.len();
        let mut candidates = Vec::new();
        for dir in wanted {
            if !known.insert(dir.clone()) {
                continue;
            }
            if let Some(real) = outside_project(&dir, &project) {
                calls.refused.insert(module::normalise(&dir));
                diags.push(Diagnostic::new(
                    crate::diagnostic::Level::Warning,
                    &display_path(&dir),
                    0,
                    0,
                    format!(
                        "a module source leads to {}, outside the project (the repository, or the working directory and scanned paths); not read",
                        display_path(&real)
                    ),
                ));
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            crate::discover::drop_shadowed_by_tofu(&mut paths, |p| p);
            for p in paths {
                if let Some(kind) = FileKind::of(&p).filter(|k| k.is_config()) {
                    let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                    candidates.push(Candidate {
                        path: p,
                        kind,
                        size,
                    });
                }
            }
        }
        if candidates.is_empty() {
            break;
        }
        let (mut more, mut d) = load_with(&candidates, max_size, trees);
        show_downloaded(&mut more, &mut d, shown);
        diags.extend(d);
        loaded.extend(more);
    }
    calls
}

/// Files of downloaded packages (and their diagnostics) are shown as
/// `shown` names them (fetch::Names: by the package's source, not by
/// where the cache is).
pub(crate) fn show_downloaded(
    loaded: &mut [Loaded],
    diags: &mut [Diagnostic],
    shown: &dyn Fn(&Path) -> Option<String>,
) {
    for l in loaded {
        if let Some(name) = shown(&l.source.path) {
            l.source.display = name;
        }
    }
    for d in diags {
        if let Some(name) = shown(Path::new(&d.file)) {
            d.file = name;
        }
    }
}

/// Where called modules may be read from: the git work tree around the
/// scanned modules (a `.git` in an ancestor), or without one the working
/// directory and the scanned folders. A local source that climbs out of
/// it, or an absolute `Dir` in `.terraform/modules/modules.json`, would
/// have tfward read (and print) files anywhere on the machine.
fn project_roots(scanned: &HashSet<PathBuf>) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    for dir in scanned {
        let Ok(real) = dir.canonicalize() else {
            continue;
        };
        match real.ancestors().find(|a| a.join(".git").exists()) {
            Some(repo) => roots.push(repo.to_path_buf()),
            None => roots.push(real),
        }
    }
    if let Ok(cwd) = std::env::current_dir().and_then(|d| d.canonicalize()) {
        if !roots.iter().any(|r| cwd.starts_with(r)) {
            match cwd.ancestors().find(|a| a.join(".git").exists()) {
                Some(repo) => roots.push(repo.to_path_buf()),
                None => roots.push(cwd),
            }
        }
    }
    roots
}

/// The real location of `dir` when it is outside every project root.
fn outside_project(dir: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
    let real = dir.canonicalize().ok()?;
    (!roots.iter().any(|r| real.starts_with(r))).then_some(real)
}

/// Reads and parses a plan or state file.
pub fn read_plan(path: &Path) -> Result<(SourceFile, Plan), Diagnostic> {
    let display = display_path(path);
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_PLAN_SIZE {
        return Err(Diagnostic::error(
            &display,
            0,
            0,
            format!(
                "skipped: {size} bytes is over the {MAX_PLAN_SIZE} byte limit for plans and states"
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(&display, 0, 0, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::error(
            &display,
            0,
            0,
            format!(
                "not UTF-8 at byte {}: plans and states are UTF-8 JSON",
                e.utf8_error().valid_up_to()
            ),
        )
    })?;
    let plan =
        plan::load(&text).map_err(|e| Diagnostic::error(&display, e.line, e.column, e.message))?;
    Ok((SourceFile::data(path.to_path_buf(), display, text), plan))
}

pub(crate) fn has_tf_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| FileKind::of(&e.path()).is_some_and(FileKind::is_config))
        })
        .unwrap_or(false)
}
