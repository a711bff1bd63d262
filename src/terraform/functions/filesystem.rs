//! Filesystem functions: `file`, `fileexists`, `fileset`, `filebase64`,
//! `templatefile`, path functions. Reads never leave the scanned tree.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::*;

/// Largest file the file functions read.
pub(super) const MAX_FILE_SIZE: u64 = 64 << 20;
/// Most directory entries `fileset` looks at.
pub(super) const MAX_WALK: usize = 200_000;

use crate::paths::normalise as normalize;

pub(super) fn absolute(path: &Path) -> Result<PathBuf, String> {
    std::path::absolute(path)
        .map(|p| normalize(&p))
        .map_err(|e| format!("cannot resolve {}: {e}", path.display()))
}

pub(super) fn outside(shown: &str) -> String {
    format!("refusing to read outside the scanned tree: {shown}")
}

/// Why file functions must not read `rel` (a path relative to the scanned
/// root, `/`-separated), or None. `.git/` is where CI checkouts keep the
/// repository token (actions/checkout writes it into `.git/config`), and
/// CI jobs leave credential files in the workspace; a value read from them
/// reaches every output (through `for_each` keys, tags, messages).
pub(super) fn protected(rel: &Path) -> Option<&'static str> {
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.iter().any(|p| p == ".git") {
        return Some("it is inside .git/, where CI checkouts keep the repository's credentials");
    }
    let name = parts.last()?.as_str();
    let parent = parts
        .len()
        .checked_sub(2)
        .and_then(|i| parts.get(i))
        .map_or("", String::as_str);
    let credential = matches!(
        name,
        ".git-credentials"
            | ".netrc"
            | "_netrc"
            | ".npmrc"
            | ".pypirc"
            | ".terraformrc"
            | "terraform.rc"
            | "credentials.tfrc.json"
            | "application_default_credentials.json"
    ) || (name.starts_with("gha-creds-") && name.ends_with(".json"))
        || (parent == ".docker" && name == "config.json")
        || (parent == ".aws" && matches!(name, "credentials" | "config"))
        || (parent == ".kube" && name == "config");
    credential.then_some("it is a CI credential file")
}

fn refuse_protected(path: &str, why: &str) -> String {
    format!("refusing to read {path}: {why}")
}

/// Resolves a path argument against the module directory, refusing paths
/// that leave the scanned tree (lexically, or through symbolic links).
/// Returns the path and whether it exists.
pub(super) fn resolve_in_tree(ctx: &FnContext<'_>, path: &str) -> Result<(PathBuf, bool), String> {
    if path == "~" || path.starts_with("~/") {
        return Err(outside(path));
    }
    let joined = if Path::new(path).is_absolute() {
        PathBuf::from(path)
    } else {
        ctx.module_dir.join(path)
    };
    let lexical = absolute(&joined)?;
    let root = absolute(ctx.root_dir)?;
    if !lexical.starts_with(&root) {
        return Err(outside(path));
    }
    if let Some(why) = lexical.strip_prefix(&root).ok().and_then(protected) {
        return Err(refuse_protected(path, why));
    }
    match lexical.canonicalize() {
        Ok(real) => {
            let real_root = root.canonicalize().unwrap_or(root);
            if !real.starts_with(&real_root) {
                return Err(outside(path));
            }
            // A link inside the tree that leads into .git/ or to a
            // credential file.
            if let Some(why) = real.strip_prefix(&real_root).ok().and_then(protected) {
                return Err(refuse_protected(path, why));
            }
            Ok((real, true))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((lexical, false)),
        Err(e) => Err(format!("failed to read {path}: {e}")),
    }
}

/// Reads a file for the file functions; returns its bytes and the path as
/// given, for messages.
pub(super) fn read_file(ctx: &FnContext<'_>, path: &str) -> Result<(Vec<u8>, String), String> {
    let (real, exists) = resolve_in_tree(ctx, path)?;
    if !exists {
        return Err(format!(
            "no file exists at {path}; this function works only with files that are distributed as part of the configuration source code, so if this file will be created by a resource in this configuration you must instead obtain this result from an attribute of that resource"
        ));
    }
    let meta = std::fs::metadata(&real).map_err(|e| format!("failed to read {path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("failed to read file: {path} is a directory"));
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "{path} is too large to read ({} bytes)",
            meta.len()
        ));
    }
    let bytes = std::fs::read(&real).map_err(|e| format!("failed to read file: {e}"))?;
    Ok((bytes, path.to_owned()))
}

pub(super) fn fn_fileexists(a: &[Value], ctx: &FnContext<'_>) -> Res {
    let path = to_str(&a[0])?;
    let (real, exists) = resolve_in_tree(ctx, &path)?;
    if !exists {
        return Ok(Value::Bool(false));
    }
    let meta = std::fs::metadata(&real).map_err(|_| format!("failed to stat {path}"))?;
    if meta.is_file() {
        Ok(Value::Bool(true))
    } else if meta.is_dir() {
        Err(format!("{path} is a directory, not a file"))
    } else {
        Err(format!("{path} is not a regular file"))
    }
}

pub(super) fn fn_abspath(a: &[Value], _: &FnContext<'_>) -> Res {
    let path = to_str(&a[0])?;
    if Path::new(&path).is_absolute() {
        Ok(Value::String(go_clean(&path)))
    } else {
        Ok(Value::unknown(
            "abspath() of a relative path depends on the directory Terraform runs in",
        ))
    }
}

/// Go's `path/filepath.Clean` (Unix flavour).
pub(super) fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    }
}

/// Go's `filepath.Base`.
pub(super) fn go_base(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_owned();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_owned()
}

/// Go's `filepath.Dir`.
pub(super) fn go_dir(path: &str) -> String {
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    };
    go_clean(dir)
}

pub(super) fn fn_fileset(a: &[Value], ctx: &FnContext<'_>) -> Res {
    let base = to_str(&a[0])?;
    let pattern = to_str(&a[1])?;
    let mut segments = Vec::new();
    for seg in pattern.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                return Ok(Value::unknown(
                    "fileset() patterns with \"..\" are not evaluated statically",
                ))
            }
            s => segments.push(s),
        }
    }
    let matcher = compile_glob(&segments.join("/"))?;
    let (dir, exists) = resolve_in_tree(ctx, &base)?;
    if !exists || !dir.is_dir() {
        return Ok(Value::List(Vec::new()));
    }
    let real_root = absolute(ctx.root_dir)?;
    let real_root = real_root.canonicalize().unwrap_or(real_root);
    let mut found = Vec::new();
    let mut seen = 0usize;
    for entry in walkdir::WalkDir::new(&dir).min_depth(1).follow_links(false) {
        let Ok(entry) = entry else { continue };
        seen += 1;
        if seen > MAX_WALK {
            return Err(format!("too many files under {base} to evaluate fileset()"));
        }
        let is_file = match std::fs::metadata(entry.path()) {
            Ok(m) => m.is_file(),
            Err(_) => false,
        };
        if !is_file {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(&dir) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let rel = rel.join("/");
        if matcher.is_match(&rel) {
            // Terraform would list it, and a file() over the set would
            // read it: the whole set is unknown instead.
            let in_root = entry
                .path()
                .strip_prefix(&real_root)
                .unwrap_or(entry.path());
            if let Some(why) = protected(in_root) {
                let shown = format!("{}/{rel}", base.trim_end_matches('/'));
                return Err(format!("refusing to list {shown}: {why}"));
            }
            found.push(Value::String(rel));
        }
    }
    Ok(Value::List(make_set(found)))
}

/// Compiles a doublestar (v1) glob into a regular expression over
/// slash-separated relative paths: `*`, `?`, `[class]`, `{a,b}`, `\` escapes
/// and `**` as a whole path segment for any number of directories.
pub(super) fn compile_glob(pattern: &str) -> Result<regex::Regex, String> {
    let bad = || format!("failed to glob pattern {pattern}: syntax error in pattern");
    let chars: Vec<char> = pattern.chars().collect();
    let mut re = String::from("^");
    let mut braces = 0usize;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '*' if chars.get(i + 1) == Some(&'*')
                && (i == 0 || chars.get(i - 1) == Some(&'/'))
                && matches!(chars.get(i + 2), None | Some('/')) =>
            {
                if chars.get(i + 2) == Some(&'/') {
                    re.push_str("(?:[^/]+/)*");
                    i += 3;
                } else {
                    re.push_str(".*");
                    i += 2;
                }
                continue;
            }
            '*' => {
                while chars.get(i + 1) == Some(&'*') {
                    i += 1;
                }
                re.push_str("[^/]*");
            }
            '?' => re.push_str("[^/]"),
            '[' => {
                let mut j = i + 1;
                let mut class = String::from("[");
                if matches!(chars.get(j), Some('!' | '^')) {
                    class.push('^');
                    j += 1;
                }
                let mut first = true;
                loop {
                    match chars.get(j) {
                        None => return Err(bad()),
                        Some(']') if !first => break,
                        Some('\\') => {
                            let e = chars.get(j + 1).ok_or_else(bad)?;
                            class.push_str(&regex::escape(&e.to_string()));
                            j += 2;
                        }
                        Some('-') => {
                            class.push('-');
                            j += 1;
                        }
                        Some(&other) => {
                            class.push_str(&regex::escape(&other.to_string()));
                            j += 1;
                        }
                    }
                    first = false;
                }
                class.push(']');
                // Intersected with [^/] so that classes never match a separator.
                let _ = write!(re, "[{class}&&[^/]]");
                i = j;
            }
            '{' => {
                braces += 1;
                re.push_str("(?:");
            }
            ',' if braces > 0 => re.push('|'),
            '}' if braces > 0 => {
                braces -= 1;
                re.push(')');
            }
            '\\' => {
                i += 1;
                let e = chars.get(i).ok_or_else(bad)?;
                re.push_str(&regex::escape(&e.to_string()));
            }
            other => re.push_str(&regex::escape(&other.to_string())),
        }
        i += 1;
    }
    if braces > 0 {
        return Err(bad());
    }
    re.push('$');
    regex::RegexBuilder::new(&re)
        .size_limit(10 << 20)
        .build()
        .map_err(|_| bad())
}

pub(super) fn fn_basename(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, go_base)
}

pub(super) fn fn_dirname(a: &[Value], _: &FnContext<'_>) -> Res {
    str_map(a, go_dir)
}

pub(super) fn fn_pathexpand(a: &[Value], _: &FnContext<'_>) -> Res {
    let p = to_str(&a[0])?;
    if p == "~" || p.starts_with("~/") {
        Ok(Value::unknown(
            "pathexpand() depends on the home directory of the machine running Terraform",
        ))
    } else {
        Ok(Value::String(p))
    }
}

pub(super) fn fn_file(a: &[Value], c: &FnContext<'_>) -> Res {
    let (bytes, shown) = read_file(c, &to_str(&a[0])?)?;
    String::from_utf8(bytes).map(Value::String).map_err(|_| {
        format!(
            "contents of {shown} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead"
        )
    })
}

pub(super) fn fn_filebase64(a: &[Value], c: &FnContext<'_>) -> Res {
    Ok(Value::String(base64_encode(
        &read_file(c, &to_str(&a[0])?)?.0,
    )))
}

pub(super) fn fn_templatefile(a: &[Value], ctx: &FnContext<'_>) -> Res {
    if let Some(u) = a.iter().find(|v| v.is_unknown()) {
        return Ok(u.clone());
    }
    let (bytes, shown) = read_file(ctx, &to_str(&a[0])?)?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("contents of {shown} are not valid UTF-8"))?;
    render(ctx, &text, &a[1])
}
