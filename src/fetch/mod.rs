//! `scan --download-modules`: registry, git and archive module sources
//! fetched into a cache, so a CI job without `terraform init` evaluates
//! them. The registry protocol (service discovery, versions, download),
//! version constraints as Terraform resolves them, `//subdir`, `?ref=`.
//! The result maps module keys exactly as `.terraform/modules/modules.json`
//! does ("a.b" -> directory), per root module; modules `terraform init`
//! installed take precedence. A failed download is a warning naming the
//! module, the source and the reason, and the call stays "not installed".
//! With an allow-list ([`hosts`]) every URL is checked, cached packages
//! included (the cache remembers the hosts each came from). Files of a
//! package are shown by its source, never by the cache's location
//! ([`Names`]).

mod archive;
mod git;
pub mod hosts;
mod http;
pub mod source;
pub mod version;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use hcl_edit::expr::Expression;
use hcl_edit::repr::Span as _;

use crate::diagnostic::{Diagnostic, Level};
use crate::discover::{Candidate, FileKind};
use crate::load::load_one;
use crate::source::display_path;
use crate::terraform::module;
use hosts::AllowedHosts;
use source::Remote;
use version::{Constraint, Version};

/// `--download-modules`: where the cache is and which hosts may be used.
#[derive(Debug, Clone)]
pub struct Download {
    pub cache: PathBuf,
    /// None: any host.
    pub hosts: Option<AllowedHosts>,
}

/// The default cache: `$XDG_CACHE_HOME/tfward/modules`, else
/// `~/.cache/tfward/modules`.
pub fn default_cache() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("tfward").join("modules"))
}

/// What was downloaded (or found in the cache).
#[derive(Debug, Default)]
pub struct Fetched {
    /// Root module directory -> module key ("a.b") -> module directory.
    pub by_root: HashMap<PathBuf, HashMap<String, PathBuf>>,
    /// The package directories in the cache the scan may read, and how
    /// their files are shown.
    pub names: Names,
}

/// How the files of downloaded packages are shown: the package's source,
/// `//`, the path inside it (`registry.terraform.io/acme/vpc/aws@5.1.0//main.tf`,
/// `git::https://host/repo.git?ref=v1//modules/x/main.tf`). Reports,
/// fingerprints and baselines then do not depend on where the cache is.
#[derive(Debug, Default, Clone)]
pub struct Names {
    /// Package directory -> its source.
    by_package: BTreeMap<PathBuf, String>,
}

impl Names {
    /// How `path` (in a downloaded package) is shown; None outside them.
    pub fn show(&self, path: &Path) -> Option<String> {
        let path = module::normalise(path);
        let (pkg, name) = self
            .by_package
            .iter()
            .find(|(pkg, _)| path.starts_with(pkg))?;
        let inside = path.strip_prefix(pkg).ok()?;
        Some(if inside.as_os_str().is_empty() {
            name.clone()
        } else {
            format!("{name}//{}", display_path(inside))
        })
    }

    /// The package directories.
    pub fn packages(&self) -> Vec<PathBuf> {
        self.by_package.keys().cloned().collect()
    }
}

impl Fetched {
    /// Every module directory, for loading.
    pub fn dirs(&self) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = self
            .by_root
            .values()
            .flat_map(|m| m.values().cloned())
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

/// A module directory in the cache: the directory, its package and the
/// package's source as shown ([`Names`]).
#[derive(Debug, Clone)]
struct Got {
    dir: PathBuf,
    package: PathBuf,
    name: String,
}

/// A module block's facts the download needs.
struct Call {
    name: String,
    source: String,
    version: Option<String>,
    /// `file:line:col` of the block, for warnings.
    file: String,
    line: usize,
    column: usize,
}

/// Fetches every remote module the root modules in `roots` call,
/// directly or through local and downloaded modules.
pub fn fetch_modules(
    roots: &[PathBuf],
    download: &Download,
    diags: &mut Vec<Diagnostic>,
) -> Fetched {
    let mut f = Fetcher {
        cache: download.cache.clone(),
        client: http::Client::new(download.hosts.clone()),
        memo: HashMap::new(),
        names: Names::default(),
        warned: Vec::new(),
    };
    let mut out = Fetched::default();
    for root in roots {
        let root = module::normalise(root);
        let installed = module::installed_modules(&root);
        let mut keys = HashMap::new();
        f.walk(&root, "", 0, None, &installed, &mut keys);
        if !keys.is_empty() {
            out.by_root.insert(root, keys);
        }
    }
    diags.append(&mut f.warned);
    out.names = f.names;
    out
}

struct Fetcher {
    cache: PathBuf,
    client: http::Client,
    /// (source, version) -> module directory or why not.
    memo: HashMap<(String, String), Result<Got, String>>,
    /// The packages used so far.
    names: Names,
    warned: Vec<Diagnostic>,
}

impl Fetcher {
    /// Walks the calls of the module in `dir` (key `prefix`), inside
    /// `package` when it was downloaded.
    fn walk(
        &mut self,
        dir: &Path,
        prefix: &str,
        depth: usize,
        package: Option<&Path>,
        installed: &HashMap<String, PathBuf>,
        keys: &mut HashMap<String, PathBuf>,
    ) {
        if depth >= module::MAX_MODULE_DEPTH {
            return;
        }
        for mut call in calls_in(dir) {
            if let Some(shown) = package.and_then(|_| self.names.show(Path::new(&call.file))) {
                call.file = shown;
            }
            let key = if prefix.is_empty() {
                call.name.clone()
            } else {
                format!("{prefix}.{}", call.name)
            };
            if module::is_local_source(&call.source) {
                let target = module::normalise(&dir.join(&call.source));
                // Inside a package, a local source stays in it.
                if package.is_some_and(|p| !target.starts_with(p))
                    || target == module::normalise(dir)
                {
                    continue;
                }
                self.walk(&target, &key, depth + 1, package, installed, keys);
                continue;
            }
            if let Some(d) = installed.get(&key) {
                let d = d.clone();
                self.walk(&d, &key, depth + 1, None, installed, keys);
                continue;
            }
            let version = call.version.clone().unwrap_or_default();
            let memo_key = (call.source.clone(), version.clone());
            let got = match self.memo.get(&memo_key) {
                Some(r) => r.clone(),
                None => {
                    let r = self.resolve(&call.source, call.version.as_deref());
                    if let Err(why) = &r {
                        self.warned.push(Diagnostic::new(
                            Level::Warning,
                            &call.file,
                            call.line,
                            call.column,
                            format!(
                                "module.{}: cannot download \"{}\": {why}; it is not evaluated",
                                call.name,
                                http::shown(&call.source)
                            ),
                        ));
                    }
                    self.memo.insert(memo_key, r.clone());
                    r
                }
            };
            let Ok(got) = got else { continue };
            self.names.by_package.insert(got.package.clone(), got.name);
            keys.insert(key.clone(), got.dir.clone());
            self.walk(
                &got.dir,
                &key,
                depth + 1,
                Some(&got.package),
                installed,
                keys,
            );
        }
    }

    /// The module directory of a remote source (and its package root).
    fn resolve(&self, source: &str, version: Option<&str>) -> Result<Got, String> {
        let parsed = source::parse(source)?;
        // The hosts this resolution uses, for the cache entry.
        self.client.take_seen();
        let (entry, extra, name) = match &parsed.remote {
            Remote::Registry { .. } => self.registry(&parsed.remote, version.unwrap_or(""))?,
            other => {
                if version.is_some_and(|v| !v.trim().is_empty()) {
                    return Err("a version constraint applies to registry sources only (Terraform refuses it here)".into());
                }
                let key = format!("{other:?}");
                let entry = self.cache.join("src").join(short_hash(&key));
                let extra = self.cached_or(&entry, |tmp| self.fetch_remote(other, tmp, 0))?;
                (entry, extra, package_name(other))
            }
        };
        let pkg = entry.join("pkg");
        let dir = subdir(&pkg, &extra)?;
        let dir = subdir(&dir, &parsed.subdir)?;
        if !dir.is_dir() {
            return Err(format!(
                "the package has no directory \"{}\"",
                parsed.subdir
            ));
        }
        Ok(Got {
            dir: module::normalise(&dir),
            package: module::normalise(&pkg),
            name,
        })
    }

    /// A registry module: the newest cached version that matches, else
    /// the registry's newest that matches, downloaded. Returns the cache
    /// entry, the package's own subdirectory and its name.
    fn registry(
        &self,
        remote: &Remote,
        constraint: &str,
    ) -> Result<(PathBuf, String, String), String> {
        let Remote::Registry {
            host,
            namespace,
            name,
            provider,
        } = remote
        else {
            return Err("not a registry source".into());
        };
        let c = Constraint::parse(constraint)?;
        let base = self
            .cache
            .join("registry")
            .join(host.replace(':', "_"))
            .join(namespace)
            .join(name)
            .join(provider);
        let cached: Vec<Version> = std::fs::read_dir(&base)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join(DONE).is_file())
            .filter_map(|e| Version::parse(&e.file_name().to_string_lossy()))
            .collect();
        let named = |v: &Version| format!("{host}/{namespace}/{name}/{provider}@{v}");
        if let Some(v) = c.newest(&cached) {
            let entry = base.join(v.to_string());
            if let Some(extra) = self.complete(&entry)? {
                return Ok((entry, extra, named(v)));
            }
        }
        let scheme = if http::is_loopback_url(&format!("http://{host}/")) {
            "http"
        } else {
            "https"
        };
        let discovery = format!("{scheme}://{host}/.well-known/terraform.json");
        let doc = self.json(&discovery)?;
        let Some(modules) = doc.get("modules.v1").and_then(serde_json::Value::as_str) else {
            return Err(format!(
                "{host} is not a module registry (no modules.v1 in its service discovery)"
            ));
        };
        let mut api = http::join(&discovery, modules);
        if !api.ends_with('/') {
            api.push('/');
        }
        let module_url = format!("{api}{namespace}/{name}/{provider}/");
        let versions = self.json(&format!("{module_url}versions"))?;
        let listed: Vec<Version> = versions
            .pointer("/modules/0/versions")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| Version::parse(v.get("version")?.as_str()?))
            .collect();
        let Some(chosen) = c.newest(&listed) else {
            let mut all: Vec<String> = listed.iter().map(ToString::to_string).collect();
            all.sort();
            return Err(format!(
                "no version matches \"{constraint}\" (the registry lists {})",
                if all.is_empty() {
                    "none".into()
                } else {
                    all.join(", ")
                }
            ));
        };
        let download = format!("{module_url}{chosen}/download");
        let answer = self.client.get(&download, http::MAX_DOCUMENT)?;
        let location = match answer.status {
            200..=299 => answer.terraform_get.or_else(|| {
                serde_json::from_slice::<serde_json::Value>(&answer.body)
                    .ok()?
                    .get("location")?
                    .as_str()
                    .map(str::to_owned)
            }),
            s => return Err(format!("GET {} answered {s}", http::shown(&download))),
        };
        let Some(location) = location else {
            return Err(format!(
                "{} gave no X-Terraform-Get location",
                http::shown(&download)
            ));
        };
        let location = http::join(&download, &location);
        let entry = base.join(chosen.to_string());
        let extra = self.cached_or(&entry, |tmp| {
            let parsed = source::parse(&location)?;
            if matches!(parsed.remote, Remote::Registry { .. }) {
                return Err("the download location is another registry address".into());
            }
            let more = self.fetch_remote(&parsed.remote, tmp, 0)?;
            Ok(join_sub(&more, &parsed.subdir))
        })?;
        Ok((entry, extra, named(chosen)))
    }

    /// The package subdirectory of a complete cache entry, when it may be
    /// used: always without an allow-list, else when every host it came
    /// from is allowed (an entry that does not say is fetched again).
    fn complete(&self, entry: &Path) -> Result<Option<String>, String> {
        let Ok(extra) = std::fs::read_to_string(entry.join(DONE)) else {
            return Ok(None);
        };
        if self.client.restricted() {
            let Ok(hosts) = std::fs::read_to_string(entry.join(HOSTS)) else {
                return Ok(None);
            };
            self.client
                .allows_all(hosts.lines().filter(|l| !l.is_empty()))?;
        }
        Ok(Some(extra.trim().to_owned()))
    }

    /// `entry` when complete in the cache, else filled by `fill` (into a
    /// fresh directory renamed into place once complete). Returns the
    /// subdirectory the package's location named.
    fn cached_or(
        &self,
        entry: &Path,
        fill: impl FnOnce(&Path) -> Result<String, String>,
    ) -> Result<String, String> {
        if let Some(extra) = self.complete(entry)? {
            return Ok(extra);
        }
        let parent = entry.parent().unwrap_or(entry);
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create the module cache {}: {e}", parent.display()))?;
        tag_cache(&self.cache);
        let tmp = parent.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            entry
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let _ = std::fs::remove_dir_all(&tmp);
        let pkg = tmp.join("pkg");
        let result = std::fs::create_dir_all(&pkg)
            .map_err(|e| format!("cannot write the module cache: {e}"))
            .and_then(|()| fill(&pkg))
            .and_then(|extra| {
                let seen: Vec<String> = self.client.take_seen().into_iter().collect();
                let mut hosts = seen.join("\n");
                hosts.push('\n');
                std::fs::write(tmp.join(HOSTS), hosts)
                    .and_then(|()| std::fs::write(tmp.join(DONE), &extra))
                    .map_err(|e| format!("cannot write the module cache: {e}"))?;
                Ok(extra)
            });
        match result {
            Ok(extra) => {
                let _ = std::fs::remove_dir_all(entry);
                if std::fs::rename(&tmp, entry).is_err() {
                    let _ = std::fs::remove_dir_all(&tmp);
                }
                Ok(extra)
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&tmp);
                Err(e)
            }
        }
    }

    /// Fetches a package into `dest`; returns the subdirectory a
    /// `X-Terraform-Get` redirection named.
    fn fetch_remote(&self, remote: &Remote, dest: &Path, hops: usize) -> Result<String, String> {
        match remote {
            Remote::Registry { .. } => Err("a registry address cannot be fetched directly".into()),
            Remote::Git { url, reference } => {
                self.client.admit(url)?;
                let _ = std::fs::remove_dir(dest);
                git::clone(url, reference.as_deref(), dest, !self.client.restricted())
                    .map(|()| String::new())
            }
            Remote::Archive { url, kind } => {
                let answer = self.ok(url, http::MAX_ARCHIVE)?;
                archive::unpack(&answer.body, *kind, dest).map(|()| String::new())
            }
            Remote::Http { url } => {
                let sep = if url.contains('?') { '&' } else { '?' };
                let answer = self.ok(&format!("{url}{sep}terraform-get=1"), http::MAX_ARCHIVE)?;
                if let Some(next) = answer.terraform_get {
                    if hops >= 3 {
                        return Err("too many X-Terraform-Get redirections".into());
                    }
                    let parsed = source::parse(&http::join(url, &next))?;
                    let more = self.fetch_remote(&parsed.remote, dest, hops + 1)?;
                    return Ok(join_sub(&more, &parsed.subdir));
                }
                match archive::sniff(&answer.body) {
                    Some(kind) => archive::unpack(&answer.body, kind, dest).map(|()| String::new()),
                    None => Err(format!(
                        "{} is neither an archive nor answers with X-Terraform-Get",
                        http::shown(url)
                    )),
                }
            }
        }
    }

    fn ok(&self, url: &str, limit: u64) -> Result<http::Answer, String> {
        let a = self.client.get(url, limit)?;
        if (200..300).contains(&a.status) {
            Ok(a)
        } else {
            Err(format!("GET {} answered {}", http::shown(url), a.status))
        }
    }

    fn json(&self, url: &str) -> Result<serde_json::Value, String> {
        let a = self.ok(url, http::MAX_DOCUMENT)?;
        serde_json::from_slice(&a.body)
            .map_err(|e| format!("{} is not JSON: {e}", http::shown(url)))
    }
}

/// Marks a complete cache entry; holds the package's own subdirectory.
const DONE: &str = "tfward-complete";
/// The `host:port` of every URL a cache entry was fetched through, one a
/// line (checked against an allow-list when the entry is used again).
const HOSTS: &str = "tfward-hosts";

/// Marks the cache as one (a `CACHEDIR.TAG`): backup tools leave it out,
/// and so does tfward's own walk when the cache is inside a scanned tree.
fn tag_cache(cache: &Path) {
    let tag = cache.join("CACHEDIR.TAG");
    if !tag.is_file() {
        let text = format!(
            "{}\n# This file is a cache directory tag created by tfward (module downloads).\n# For information about cache directory tags see https://bford.info/cachedir/\n",
            crate::discover::CACHEDIR_SIGNATURE
        );
        let _ = std::fs::write(tag, text);
    }
}

/// A package's source as [`Names`] shows it (registry packages are named
/// with their version where they are resolved).
fn package_name(remote: &Remote) -> String {
    match remote {
        Remote::Git {
            url,
            reference: Some(r),
        } => format!("git::{}?ref={r}", http::shown(url)),
        Remote::Git { url, .. } => format!("git::{}", http::shown(url)),
        Remote::Archive { url, .. } | Remote::Http { url } => http::shown(url),
        Remote::Registry {
            host,
            namespace,
            name,
            provider,
        } => format!("{host}/{namespace}/{name}/{provider}"),
    }
}

fn join_sub(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_owned(),
        (_, true) => a.to_owned(),
        _ => format!("{a}/{b}"),
    }
}

/// `base/sub`, where a `*` part is the one directory there (an archive's
/// top folder); never outside `base`.
fn subdir(base: &Path, sub: &str) -> Result<PathBuf, String> {
    let mut out = base.to_path_buf();
    for part in sub.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." || part.contains('\\') {
            return Err(format!("the subdirectory \"{sub}\" leaves the package"));
        }
        if part == "*" {
            let dirs: Vec<PathBuf> = std::fs::read_dir(&out)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect();
            match dirs.as_slice() {
                [one] => out = one.clone(),
                _ => {
                    return Err(format!(
                        "\"*\" in \"{sub}\" does not name a single directory"
                    ))
                }
            }
        } else {
            out.push(part);
        }
    }
    Ok(out)
}

fn short_hash(text: &str) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(text.as_bytes());
    d.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// The module blocks of the configuration in `dir` with a literal source.
fn calls_in(dir: &Path) -> Vec<Call> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut calls = Vec::new();
    for p in paths {
        let Some(kind) = FileKind::of(&p).filter(|k| k.is_config()) else {
            continue;
        };
        let size = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        // A file that does not parse is reported by the scan itself.
        let Ok(l) = load_one(
            &Candidate {
                path: p,
                kind,
                size,
            },
            crate::load::DEFAULT_MAX_FILE_SIZE,
        ) else {
            continue;
        };
        let Some(hcl) = &l.hcl else { continue };
        for b in hcl
            .body
            .blocks()
            .filter(|b| b.ident.value().as_str() == "module")
        {
            let Some(name) = b.labels.first().map(|l| l.as_str().to_owned()) else {
                continue;
            };
            let literal = |k: &str| match &b.body.get_attribute(k)?.value {
                Expression::String(s) => Some(s.value().clone()),
                _ => None,
            };
            let Some(source) = literal("source") else {
                continue;
            };
            let at = l.source.line_col(b.span().map_or(0, |s| s.start));
            calls.push(Call {
                name,
                source,
                version: literal("version"),
                file: display_path(&l.source.path),
                line: at.line,
                column: at.column,
            });
        }
    }
    calls
}
