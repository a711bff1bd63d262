//! Policies: loading the embedded set and users' folders, validating their
//! METADATA, selecting which run, and evaluating them with one compiled
//! regorus engine shared by every worker.

pub mod bounds;
pub mod conftest;
pub mod engine;
pub mod metadata;
pub mod peers;
pub mod prebuilt;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::source::display_path;
pub use metadata::{Category, Metadata};

/// A Rego file: a policy, a shared library module or a Rego unit test.
#[derive(Debug, Clone)]
pub struct RegoFile {
    /// The path shown to users (`policies/aws/s3/x/policy.rego`, or
    /// `<embedded>/aws/s3/x/policy.rego` for the built-in set).
    pub display: String,
    /// Path relative to the policy root, with `/` separators.
    pub rel: String,
    pub text: Arc<str>,
}

/// One policy: its facts and its Rego.
#[derive(Debug, Clone)]
pub struct Policy {
    pub meta: Metadata,
    pub package: String,
    pub file: RegoFile,
    /// The folder holding `policy.rego` on disk (None for embedded policies).
    pub dir: Option<PathBuf>,
    pub embedded: bool,
    /// Attribute names the Rego mentions (`values.acl`, `"acl"`): used to
    /// say which checks an unknown attribute may have left undecided.
    pub mentions: std::collections::HashSet<String>,
    /// For a conftest package (see [`conftest`]): its files and rules.
    pub conftest: Option<Arc<conftest::Package>>,
}

impl Policy {
    /// A policy from its `policy.rego`: METADATA validated, package read.
    fn read(f: RegoFile, root: Option<&Path>, embedded: bool) -> Result<Policy, PolicyError> {
        let prebuilt = embedded_metadata_json(&f.rel)
            .filter(|_| embedded_text(&f.rel) == Some(&*f.text))
            .and_then(metadata::parse_prebuilt);
        let meta = match prebuilt {
            Some(meta) => meta,
            None => metadata::parse(&f.text).map_err(|e| PolicyError {
                file: f.display.clone(),
                line: e.line,
                message: if conftest::is_conftest(&f.text) {
                    format!(
                        "{}; a file named policy.rego is a tfward policy: for a conftest policy, \
                         give the file another name (main.rego)",
                        e.message
                    )
                } else {
                    e.message
                },
            })?,
        };
        let package = metadata::package_of(&f.text).ok_or_else(|| PolicyError {
            file: f.display.clone(),
            line: 1,
            message: "no `package` line".into(),
        })?;
        let dir = root.map(|r| {
            let rel = Path::new(&f.rel);
            r.join(rel.parent().unwrap_or(Path::new("")))
        });
        let mentions = mentions(&f.text);
        Ok(Policy {
            meta,
            package,
            file: f,
            dir,
            embedded,
            mentions,
            conftest: None,
        })
    }

    /// Whether this is a conftest package rather than a tfward policy.
    pub fn is_conftest(&self) -> bool {
        self.conftest.is_some()
    }

    /// The Rego path of the rule tfward evaluates.
    pub fn deny_rule(&self) -> String {
        prebuilt::deny_rule(&self.package)
    }
}

/// A policy that could not be loaded: the run stops with exit 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// All loaded policies and library modules.
#[derive(Debug, Clone, Default)]
pub struct PolicySet {
    pub policies: Vec<Policy>,
    pub libs: Vec<RegoFile>,
    pub tests: Vec<RegoFile>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_policies.rs"));
}

/// The built-in policies compiled for regorus's VM by build.rs (public for the
/// start-up benchmark, which decodes them as each process does).
pub fn embedded_programs() -> &'static [u8] {
    embedded::PROGRAMS
}

/// The paths of the built-in files, sorted.
pub(crate) fn embedded_rels() -> impl Iterator<Item = &'static str> {
    embedded::FILES.iter().map(|(rel, _)| *rel)
}

/// The text of the built-in file at `rel`.
pub(crate) fn embedded_text(rel: &str) -> Option<&'static str> {
    embedded::FILES
        .binary_search_by(|(r, _)| (*r).cmp(rel))
        .ok()
        .map(|i| embedded::FILES[i].1)
}

/// The METADATA of the built-in policy at `rel`, as JSON (build.rs).
fn embedded_metadata_json(rel: &str) -> Option<&'static str> {
    embedded::METADATA_JSON
        .binary_search_by(|(r, _)| (*r).cmp(rel))
        .ok()
        .map(|i| embedded::METADATA_JSON[i].1)
}

/// The policy set compiled into the binary.
pub fn embedded_files() -> Vec<RegoFile> {
    embedded::FILES
        .iter()
        .map(|(rel, text)| RegoFile {
            display: format!("<embedded>/{rel}"),
            rel: (*rel).to_owned(),
            text: Arc::from(*text),
        })
        .collect()
}

/// Reads every `.rego` file under `dir` (sorted).
pub fn read_dir(dir: &Path) -> Result<Vec<RegoFile>, PolicyError> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| PolicyError {
            file: display_path(dir),
            line: 0,
            message: format!("cannot read the policy folder: {e}"),
        })?;
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|e| e != "rego") {
            continue;
        }
        // Fixture folders hold test inputs, never policies.
        if entry
            .path()
            .components()
            .any(|c| c.as_os_str() == "fixtures")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).map_err(|e| PolicyError {
            file: display_path(entry.path()),
            line: 0,
            message: format!("cannot read the policy: {e}"),
        })?;
        let rel = entry
            .path()
            .strip_prefix(dir)
            .map(display_path)
            .unwrap_or_else(|_| display_path(entry.path()));
        files.push(RegoFile {
            display: display_path(entry.path()),
            rel,
            text: Arc::from(text),
        });
    }
    Ok(files)
}

impl PolicySet {
    /// Builds a set from files: `policy.rego` files become policies (METADATA
    /// validated), `*_test.rego` tests, files of conftest packages (no
    /// tfward METADATA, `deny`/`violation`/`warn` rules) one policy per
    /// package, everything else library modules.
    pub fn from_files(
        files: Vec<RegoFile>,
        root: Option<&Path>,
        embedded: bool,
    ) -> Result<PolicySet, PolicyError> {
        use rayon::prelude::*;
        let mut set = PolicySet::default();
        let mut policies = Vec::new();
        let mut conftest_files = Vec::new();
        for f in files {
            if prebuilt::is_test(&f.rel) {
                set.tests.push(f);
            } else if !embedded && !prebuilt::is_policy(&f.rel) && conftest::is_conftest(&f.text) {
                conftest_files.push(f);
            } else if prebuilt::is_policy(&f.rel) {
                policies.push(f);
            } else {
                set.libs.push(f);
            }
        }
        // METADATA is YAML: reading 800 blocks is most of a scan's start-up,
        // so they are read in parallel; the order (and so the error
        // reported first) stays the files' order.
        let read: Vec<Result<Policy, PolicyError>> = policies
            .into_par_iter()
            .map(|f| Policy::read(f, root, embedded))
            .collect();
        set.policies = read.into_iter().collect::<Result<_, _>>()?;
        // A file of a conftest package that holds only helpers belongs to
        // the package, not to the library (which would take the built-in
        // policies off the VM).
        let conftest_packages: std::collections::HashSet<String> = conftest_files
            .iter()
            .filter_map(|f| metadata::package_of(&f.text))
            .collect();
        let (helpers, libs): (Vec<RegoFile>, Vec<RegoFile>) =
            std::mem::take(&mut set.libs).into_iter().partition(|l| {
                metadata::package_of(&l.text).is_some_and(|p| conftest_packages.contains(&p))
            });
        set.libs = libs;
        conftest_files.extend(helpers);
        set.policies
            .extend(conftest::policies(conftest_files, root)?);
        Ok(set)
    }

    /// The embedded policies and libraries.
    pub fn embedded() -> Result<PolicySet, PolicyError> {
        PolicySet::from_files(embedded_files(), None, true)
    }

    /// Adds a user's policy folder. A library module declaring the same
    /// package as an embedded one replaces it; a policy with the id and
    /// package of an embedded one replaces it (so a checkout of `policies/`
    /// can be tested against the binary); any other repeated id is an error.
    pub fn add(&mut self, other: PolicySet) -> Result<(), PolicyError> {
        // A package may span several files (lib/aws.rego, lib/aws_iam.rego):
        // drop every file of the replaced packages first, then add them all.
        let replaced: std::collections::HashSet<String> = other
            .libs
            .iter()
            .filter_map(|l| metadata::package_of(&l.text))
            .collect();
        self.libs
            .retain(|l| metadata::package_of(&l.text).is_none_or(|p| !replaced.contains(&p)));
        self.libs.extend(other.libs);
        for p in other.policies {
            if let Some(i) = self.policies.iter().position(|q| q.meta.id == p.meta.id) {
                if self.policies[i].is_conftest() && p.is_conftest() {
                    // One package in two folders: conftest loads both.
                    conftest::merge(&mut self.policies[i], &p);
                    continue;
                }
                if self.policies[i].package == p.package {
                    self.policies[i] = p;
                    continue;
                }
                return Err(PolicyError {
                    file: p.file.display.clone(),
                    line: 1,
                    message: format!(
                        "id {} is already used by {}; every policy needs its own id",
                        p.meta.id, self.policies[i].file.display
                    ),
                });
            }
            self.policies.push(p);
        }
        self.tests.extend(other.tests);
        self.check_unique()
    }

    /// Ids and aliases are unique across the set; packages too.
    pub fn check_unique(&self) -> Result<(), PolicyError> {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        let mut packages: HashMap<&str, &str> = HashMap::new();
        for p in &self.policies {
            for id in std::iter::once(&p.meta.id).chain(&p.meta.aliases) {
                if let Some(other) = seen.insert(id, &p.file.display) {
                    return Err(PolicyError {
                        file: p.file.display.clone(),
                        line: 1,
                        message: format!("id {id} is also used by {other}"),
                    });
                }
            }
            if let Some(other) = packages.insert(&p.package, &p.file.display) {
                return Err(PolicyError {
                    file: p.file.display.clone(),
                    line: 1,
                    message: format!("package {} is also declared by {other}", p.package),
                });
            }
        }
        Ok(())
    }

    /// Resolves an id or alias to the policy's current id.
    pub fn resolve_id(&self, id: &str) -> Option<&Policy> {
        let upper = id.trim().to_ascii_uppercase();
        self.policies
            .iter()
            .find(|p| p.meta.id == upper || p.meta.aliases.contains(&upper))
    }

    /// The policies an id stands for: the one whose id or alias it is, else
    /// every policy naming it as a peer's check in `equivalents` (a Checkov,
    /// Trivy, tfsec or KICS id may stand for several).
    pub fn resolve_ids(&self, id: &str) -> Vec<&Policy> {
        if let Some(p) = self.resolve_id(id) {
            return vec![p];
        }
        self.policies
            .iter()
            .filter(|p| peers::names_any(&p.meta, id))
            .collect()
    }

    /// Keeps the policies selected by `--only`, `--skip` and `--framework`.
    /// Unknown ids and frameworks are errors.
    pub fn select(
        &mut self,
        only: &[String],
        skip: &[String],
        frameworks: &[String],
    ) -> Result<(), String> {
        let resolve = |ids: &[String]| -> Result<Vec<String>, String> {
            let mut out = Vec::new();
            for id in ids {
                let found = self.resolve_ids(id);
                if found.is_empty() {
                    return Err(format!(
                        "unknown policy id {id:?}; `tfward policy list` shows the ids \
                         (a Checkov, Trivy, tfsec or KICS id works when a policy names it as an equivalent)"
                    ));
                }
                out.extend(found.into_iter().map(|p| p.meta.id.clone()));
            }
            Ok(out)
        };
        let only = resolve(only)?;
        let skip = resolve(skip)?;
        let known: std::collections::BTreeSet<String> = self
            .policies
            .iter()
            .flat_map(|p| p.meta.frameworks.keys().cloned())
            .collect();
        for f in frameworks {
            if !known.iter().any(|k| framework_matches(k, f)) {
                let list: Vec<&str> = known.iter().map(String::as_str).collect();
                return Err(format!(
                    "unknown framework {f:?}; known: {}",
                    list.join(", ")
                ));
            }
        }
        self.policies.retain(|p| {
            (only.is_empty() || only.contains(&p.meta.id))
                && !skip.contains(&p.meta.id)
                && (frameworks.is_empty()
                    || frameworks
                        .iter()
                        .any(|f| p.meta.frameworks.keys().any(|k| framework_matches(k, f))))
        });
        Ok(())
    }

    /// Policies sorted by id, for listings.
    pub fn sorted(&self) -> Vec<&Policy> {
        let mut v: Vec<&Policy> = self.policies.iter().collect();
        v.sort_by(|a, b| a.meta.id.cmp(&b.meta.id));
        v
    }

    /// framework -> policies mapped to it, for the compliance view.
    pub fn frameworks(&self) -> BTreeMap<String, Vec<&Policy>> {
        let mut out: BTreeMap<String, Vec<&Policy>> = BTreeMap::new();
        for p in &self.policies {
            for f in p.meta.frameworks.keys() {
                out.entry(f.clone()).or_default().push(p);
            }
        }
        out
    }
}

/// Identifiers after `values.` and identifier-like string literals in a
/// Rego source.
fn mentions(text: &str) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let is_ident = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    };
    for (i, _) in text.match_indices("values.") {
        let rest = &text[i + 7..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if is_ident(&rest[..end]) {
            out.insert(rest[..end].to_owned());
        }
    }
    for part in text.split('"').skip(1).step_by(2) {
        if is_ident(part) {
            out.insert(part.to_owned());
        }
    }
    out
}

/// `--framework cis-aws` matches `cis-aws-1.5` and `cis-aws-2.0`; an exact
/// name matches itself.
pub fn framework_matches(key: &str, wanted: &str) -> bool {
    let wanted = wanted.to_ascii_lowercase();
    key == wanted
        || key.strip_prefix(&wanted).is_some_and(|rest| {
            rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_policy_has_prebuilt_metadata_equal_to_its_yaml() {
        let mut policies = 0;
        for f in embedded_files()
            .iter()
            .filter(|f| prebuilt::is_policy(&f.rel))
        {
            policies += 1;
            let json = embedded_metadata_json(&f.rel)
                .unwrap_or_else(|| panic!("{}: build.rs wrote no METADATA JSON", f.rel));
            let prebuilt = metadata::parse_prebuilt(json)
                .unwrap_or_else(|| panic!("{}: the METADATA JSON does not validate", f.rel));
            let yaml = metadata::parse(&f.text).expect("built-in METADATA is valid");
            assert_eq!(prebuilt, yaml, "{}", f.rel);
        }
        assert!(policies > 100, "only {policies} built-in policies");
    }

    #[test]
    fn a_policy_whose_text_differs_from_the_builtin_one_is_read_from_its_text() {
        let builtin = embedded_files()
            .into_iter()
            .find(|f| prebuilt::is_policy(&f.rel))
            .expect("a built-in policy");
        let changed = builtin.text.replacen("# title: ", "# title: Changed ", 1);
        assert_ne!(changed, &*builtin.text, "the title line moved");
        let file = RegoFile {
            text: Arc::from(changed),
            ..builtin
        };
        let policy = Policy::read(file, None, false).expect("valid");
        assert!(
            policy.meta.title.starts_with("Changed "),
            "{}",
            policy.meta.title
        );
    }
}
