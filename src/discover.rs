//! The walk: which files under the given paths tfward reads, grouped by
//! directory into modules. Sorted and deterministic; a directory it cannot
//! read or a symlink loop becomes a diagnostic, never an abort.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::source::display_path;

/// What a file is to tfward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `*.tf`, `*.tofu`
    Hcl,
    /// `*.tf.json`, `*.tofu.json`
    HclJson,
    /// `*.tfvars`
    Tfvars,
    /// `*.tfvars.json`
    TfvarsJson,
    /// A JSON file named on the command line: a plan or a state, decided by
    /// its content.
    Json,
}

impl FileKind {
    /// The kind a file name implies, for files found by walking.
    pub fn of(path: &Path) -> Option<FileKind> {
        // Lossy: a name that is not valid UTF-8 still ends in `.tf`, and
        // Terraform loads it.
        let name = path.file_name()?.to_string_lossy();
        if name.ends_with(".tf.json") || name.ends_with(".tofu.json") {
            Some(FileKind::HclJson)
        } else if name.ends_with(".tf") || name.ends_with(".tofu") {
            Some(FileKind::Hcl)
        } else if name.ends_with(".tfvars.json") {
            Some(FileKind::TfvarsJson)
        } else if name.ends_with(".tfvars") {
            Some(FileKind::Tfvars)
        } else {
            None
        }
    }

    pub fn is_config(self) -> bool {
        matches!(self, FileKind::Hcl | FileKind::HclJson)
    }
}

/// A file to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub kind: FileKind,
    pub size: u64,
}

/// A directory with Terraform files in it.
#[derive(Debug, Clone, Default)]
pub struct ModuleDir {
    pub dir: PathBuf,
    pub files: Vec<Candidate>,
}

/// Something the walk could not do; the rest of the walk went on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkIssue {
    pub path: String,
    pub message: String,
    /// A loop is reported but loses nothing (its target was walked); an
    /// unreadable directory loses files.
    pub lost_files: bool,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Directory -> its files, sorted by directory.
    pub modules: BTreeMap<PathBuf, ModuleDir>,
    /// JSON files named on the command line (plans, states).
    pub json: Vec<Candidate>,
    pub issues: Vec<WalkIssue>,
    /// Paths an `--exclude` or tfward.toml `exclude` glob left out, in
    /// walk order.
    pub excluded: Vec<PathBuf>,
    /// The directory the scan is rooted in (the first path given, or its
    /// directory): file functions never read outside it.
    pub root: PathBuf,
}

/// Walks `paths`. Directories are walked (skipping `.terraform`, `.git`,
/// hidden directories and directories tagged as caches with a
/// `CACHEDIR.TAG`, as tfward's module cache is); files named directly are
/// taken whatever their name.
pub fn discover(paths: &[PathBuf], exclude: &dyn Fn(&Path) -> bool) -> Discovery {
    let mut d = Discovery::default();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                d.issues.push(WalkIssue {
                    path: display_path(path),
                    message: format!("cannot read: {e}"),
                    lost_files: true,
                });
                continue;
            }
        };
        if meta.is_file() {
            let kind = FileKind::of(path).unwrap_or(FileKind::Json);
            let c = Candidate {
                path: path.clone(),
                kind,
                size: meta.len(),
            };
            if kind == FileKind::Json {
                d.json.push(c);
            } else {
                add(&mut d, c);
            }
            continue;
        }
        walk(&mut d, path, exclude);
    }
    if let Some(first) = paths.first() {
        d.root = if first.is_dir() {
            first.clone()
        } else {
            first.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        if d.root.as_os_str().is_empty() {
            d.root = PathBuf::from(".");
        }
    }
    for m in d.modules.values_mut() {
        m.files.sort();
        m.files.dedup();
        drop_shadowed_by_tofu(&mut m.files, |c| &c.path);
    }
    d.json.sort();
    d.json.dedup();
    d
}

/// The files of one module directory that OpenTofu reads: where both
/// `x.tofu` and `x.tf` exist it reads `x.tofu` only (and `x.tofu.json`
/// rather than `x.tf.json`), so `x.tf` is dropped from `files`.
pub fn drop_shadowed_by_tofu<T>(files: &mut Vec<T>, path: impl Fn(&T) -> &Path) {
    let shadow = |p: &Path| -> Option<PathBuf> {
        let name = p.file_name()?.to_str()?;
        let tofu = if let Some(stem) = name.strip_suffix(".tf.json") {
            format!("{stem}.tofu.json")
        } else {
            format!("{}.tofu", name.strip_suffix(".tf")?)
        };
        Some(p.with_file_name(tofu))
    };
    let present: std::collections::BTreeSet<PathBuf> =
        files.iter().map(|f| path(f).to_path_buf()).collect();
    files.retain(|f| shadow(path(f)).is_none_or(|t| !present.contains(&t)));
}

fn add(d: &mut Discovery, c: Candidate) {
    let dir = c.path.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    d.modules
        .entry(dir.clone())
        .or_insert_with(|| ModuleDir {
            dir,
            files: Vec::new(),
        })
        .files
        .push(c);
}

/// Terragrunt's own file. Its directories hold no Terraform until Terragrunt
/// generates it (in a hidden cache the walk skips).
const TERRAGRUNT_FILE: &str = "terragrunt.hcl";

/// A warning for each directory with a terragrunt.hcl and no Terraform
/// files: a scan of it would pass on nothing.
fn terragrunt_issues(d: &mut Discovery, terragrunt: &[PathBuf]) {
    for file in terragrunt {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        if d.modules.contains_key(&dir) {
            continue;
        }
        let shown = display_path(&dir);
        let cache = dir.join(".terragrunt-cache");
        let cache_hint = if cache.is_dir() {
            format!(
                "`tfward scan {}` (the Terraform Terragrunt generated)",
                display_path(&cache)
            )
        } else {
            format!(
                "its generated Terraform (`terragrunt init` in {shown}, then `tfward scan {}`)",
                display_path(&cache)
            )
        };
        d.issues.push(WalkIssue {
            path: display_path(file),
            message: format!(
                "Terragrunt configurations are not evaluated, so nothing in {shown} was scanned; scan \
                 {cache_hint}, or a plan (`terragrunt plan -out plan.out`, `terragrunt show -json \
                 plan.out > plan.json`, `tfward scan --plan plan.json {shown}`)"
            ),
            lost_files: false,
        });
    }
}

fn walk(d: &mut Discovery, root: &Path, exclude: &dyn Fn(&Path) -> bool) {
    let mut terragrunt = Vec::new();
    // Symbolic links are followed only while they stay inside the tree
    // being walked: a link to /etc, to another checkout or to /proc is
    // reported and left alone (pass its target to scan it).
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let left = std::cell::RefCell::new(Vec::new());
    let excluded = std::cell::RefCell::new(Vec::new());
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if e.file_type().is_dir() {
                let name = e.file_name().to_string_lossy();
                if name.starts_with('.') || is_cache_dir(e.path()) {
                    return false;
                }
            }
            if exclude(e.path()) {
                excluded.borrow_mut().push(e.path().to_path_buf());
                return false;
            }
            if e.path_is_symlink() {
                match e.path().canonicalize() {
                    Ok(target) if target.starts_with(&real_root) => {}
                    Ok(target) => {
                        left.borrow_mut().push((e.path().to_path_buf(), target));
                        return false;
                    }
                    // Dangling: the walk reports it below.
                    Err(_) => {}
                }
            }
            true
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                // A dangling link that is no Terraform file (README.md ->
                // nowhere) loses nothing tfward reads.
                if let Some(p) = e.path() {
                    let dangling = std::fs::symlink_metadata(p).is_ok_and(|m| m.is_symlink())
                        && std::fs::metadata(p).is_err();
                    if dangling && FileKind::of(p).is_none() {
                        continue;
                    }
                    if dangling {
                        d.issues.push(WalkIssue {
                            path: display_path(p),
                            message: "symbolic link to a file that does not exist; not scanned"
                                .to_owned(),
                            lost_files: true,
                        });
                        continue;
                    }
                }
                let path = e
                    .path()
                    .map(display_path)
                    .unwrap_or_else(|| display_path(root));
                let (message, lost_files) = if e.loop_ancestor().is_some() {
                    (
                        "symbolic link loop; its target is scanned once".to_owned(),
                        false,
                    )
                } else {
                    let io = e
                        .io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string());
                    (format!("cannot read: {io}"), true)
                };
                d.issues.push(WalkIssue {
                    path,
                    message,
                    lost_files,
                });
                continue;
            }
        };
        if !entry.file_type().is_file() {
            // A named pipe, socket or device with a Terraform file's name:
            // reading it could block for ever, so it is not read, and the
            // configuration it stands for is lost (directories are skipped,
            // as Terraform skips them).
            if !entry.file_type().is_dir() && FileKind::of(entry.path()).is_some() {
                d.issues.push(WalkIssue {
                    path: display_path(entry.path()),
                    message: "not a regular file (a named pipe, socket or device); not read: \
                              replace it with the file it stands for"
                        .to_owned(),
                    lost_files: true,
                });
            }
            continue;
        }
        if entry.file_name() == TERRAGRUNT_FILE {
            terragrunt.push(entry.path().to_path_buf());
        }
        let Some(kind) = FileKind::of(entry.path()) else {
            continue;
        };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        add(
            d,
            Candidate {
                path: entry.path().to_path_buf(),
                kind,
                size,
            },
        );
    }
    terragrunt_issues(d, &terragrunt);
    d.excluded.extend(excluded.into_inner());
    for (link, target) in left.into_inner() {
        d.issues.push(WalkIssue {
            path: display_path(&link),
            message: format!(
                "symbolic link to {}, outside the scanned tree; not followed (scan the target itself to include it)",
                display_path(&target)
            ),
            lost_files: false,
        });
    }
}

/// The first line of a `CACHEDIR.TAG` (the Cache Directory Tagging
/// Specification, <https://bford.info/cachedir/>), which tfward's module
/// cache carries.
pub const CACHEDIR_SIGNATURE: &str = "Signature: 8a477f597d28d172789f06886806bc55";

/// A tagged cache directory (tfward's module cache, cargo's target/...):
/// what is in it is no part of the project, so the walk skips it.
fn is_cache_dir(dir: &Path) -> bool {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(dir.join("CACHEDIR.TAG")) else {
        return false;
    };
    let mut head = [0u8; CACHEDIR_SIGNATURE.len()];
    f.read_exact(&mut head).is_ok() && head == CACHEDIR_SIGNATURE.as_bytes()
}

/// `--exclude` and tfward.toml `exclude` globs, matched against the path as
/// displayed. The patterns were validated where they were given (the flag's
/// parser, the config file); one that does not compile matches nothing.
pub fn exclude_matcher(patterns: &[String]) -> impl Fn(&Path) -> bool {
    let mut builder = globset::GlobSetBuilder::new();
    for p in patterns {
        if let Ok(g) = globset::Glob::new(p) {
            builder.add(g);
        }
    }
    let set = builder
        .build()
        .unwrap_or_else(|_| globset::GlobSet::empty());
    move |p: &Path| !set.is_empty() && set.is_match(crate::source::display_path(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(FileKind::of(Path::new("a/main.tf")), Some(FileKind::Hcl));
        assert_eq!(
            FileKind::of(Path::new("main.tf.json")),
            Some(FileKind::HclJson)
        );
        assert_eq!(
            FileKind::of(Path::new("x.auto.tfvars")),
            Some(FileKind::Tfvars)
        );
        assert_eq!(
            FileKind::of(Path::new("terraform.tfvars.json")),
            Some(FileKind::TfvarsJson)
        );
        assert_eq!(FileKind::of(Path::new("main.tofu")), Some(FileKind::Hcl));
        assert_eq!(FileKind::of(Path::new("package.json")), None);
    }
}
