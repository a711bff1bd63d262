//! Writing the change report: `docs/platform/<id>.report.{md,json,html}` and
//! its entry in the change log (`.ai/platform-changes.md`).
//!
//! The files live in the repository a pull request can change, so nothing
//! here follows a symbolic link: a link where a report, the log or their
//! folder should be is refused with an error, and every file is written to
//! a new temporary file beside it and renamed over the old one (a rename
//! replaces a link itself, never its target, and a reader never sees half a
//! file). The log keeps one entry per change id: running the report again
//! updates that entry in place. Writers of the log take a lock file first,
//! so two concurrent runs never lose or mangle each other's entries.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write as _};
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::md;
use super::platform::PlatformReport;
use crate::analyse::cost;

/// What `tfward report` writes.
pub struct Outputs<'a> {
    pub out_dir: &'a Path,
    /// The file name stem (the change id's slug).
    pub slug: &'a str,
    /// `md` or `json`.
    pub ext: &'a str,
    pub main: &'a str,
    pub html: &'a str,
    pub log: &'a Path,
}

/// Writes the report files and logs them; returns the two report paths.
pub fn publish(o: &Outputs<'_>, r: &PlatformReport) -> Result<(PathBuf, PathBuf), String> {
    ensure_dir(o.out_dir)?;
    let main = o.out_dir.join(format!("{}.report.{}", o.slug, o.ext));
    let html = o.out_dir.join(format!("{}.report.html", o.slug));
    write_atomic(&main, o.main)?;
    write_atomic(&html, o.html)?;
    log_entry(o.log, r, &main)?;
    Ok((main, html))
}

/// The components of `path` to check for links: all of them below the
/// current directory for a relative path; the last one for an absolute
/// path (its ancestors are the user's choice, and system paths such as
/// macOS's /var are links).
fn checked_prefixes(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut cur = PathBuf::new();
    for c in path.components() {
        cur.push(c.as_os_str());
        if matches!(c, Component::Normal(_)) {
            out.push(cur.clone());
        }
    }
    if path.is_absolute() {
        out.split_off(out.len().saturating_sub(1))
    } else {
        out
    }
}

fn refuse_link(path: &Path) -> Result<(), String> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(format!(
            "{} is a symbolic link: tfward does not write through links (remove it, or pass another path)",
            path.display()
        )),
        _ => Ok(()),
    }
}

/// Creates a folder (and its parents), refusing links on the way.
fn ensure_dir(dir: &Path) -> Result<(), String> {
    if dir.as_os_str().is_empty() {
        return Ok(());
    }
    for p in checked_prefixes(dir) {
        refuse_link(&p)?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // A link created between the check and the creation is caught here.
    for p in checked_prefixes(dir) {
        refuse_link(&p)?;
    }
    Ok(())
}

/// Writes `text` to `path` through a new temporary file in the same folder
/// and a rename; a link at `path` is refused.
pub fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    refuse_link(path)?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp_name = format!(".{name}.tmp-{}-{attempt}", std::process::id());
        let tmp = dir.map_or_else(|| PathBuf::from(&tmp_name), |d| d.join(&tmp_name));
        // create_new: O_CREAT|O_EXCL, which never follows a link.
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(format!("cannot write {}: {e}", tmp.display())),
        }
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(format!("cannot write {}: {e}", path.display()));
    }
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}

/// A lock held while the log is read, changed and renamed into place.
struct Lock(PathBuf);

impl Lock {
    /// Waits up to 30 s for the lock; a lock file older than two minutes is
    /// left over from a run that died, and is taken over.
    fn take(log: &Path) -> Result<Lock, String> {
        let mut path = log.as_os_str().to_owned();
        path.push(".lock");
        let path = PathBuf::from(path);
        refuse_link(&path)?;
        let start = SystemTime::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock(path));
                }
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    let stale = fs::symlink_metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > Duration::from_secs(120));
                    if stale {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed().unwrap_or_default() > Duration::from_secs(30) {
                        return Err(format!(
                            "{} is locked by another tfward report (remove {} if no report is running)",
                            log.display(),
                            path.display()
                        ));
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(format!("cannot lock {}: {e}", log.display())),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

const LOG_HEADER: &str =
    "# Platform changes\n\nOne entry per Platform Change Report (`tfward report`).\n\n";

/// The marker that ties a log line to its change id (the file slug).
fn marker(slug: &str) -> String {
    format!("<!-- tfward:change {slug} -->")
}

/// The log line of one report.
pub fn entry(r: &PlatformReport, report_path: &Path) -> String {
    let actions: Vec<String> = ["create", "update", "replace", "delete"]
        .iter()
        .filter_map(|a| r.summary.by_action.get(*a).map(|n| format!("{n} {a}")))
        .collect();
    let c = &r.cost.summary;
    let cost = if c.priced == 0 && c.unpriced + c.usage_based > 0 {
        cost::headline(c)
    } else {
        format!("{}/month", cost::money(c.total_delta, true))
    };
    format!(
        "- {} — {}: risk {}/100 ({}); {}; {} finding(s); cost {} (prices of {}); report {} {}",
        md::text(&r.date),
        md::text(&r.change_id),
        r.risk.score,
        r.risk.level.as_str(),
        if actions.is_empty() {
            "no changes".to_owned()
        } else {
            actions.join(", ")
        },
        r.findings.findings.len(),
        md::text(&cost),
        md::text(&c.catalogue_date),
        md::code(&crate::source::display_path(report_path)),
        marker(&r.slug)
    )
}

/// Adds the report's entry to the log, or replaces the entry its change id
/// already has there.
fn log_entry(log: &Path, r: &PlatformReport, report_path: &Path) -> Result<(), String> {
    if let Some(dir) = log.parent() {
        ensure_dir(dir)?;
    }
    refuse_link(log)?;
    let _lock = Lock::take(log)?;
    let old = match fs::read_to_string(log) {
        Ok(t) => t,
        Err(e) if e.kind() == ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", log.display())),
    };
    let text = upsert(&old, &r.slug, &entry(r, report_path));
    write_atomic(log, &text)
}

/// The log text with `line` as the entry of `slug`: in place of its old
/// entry when there is one, else appended.
pub fn upsert(old: &str, slug: &str, line: &str) -> String {
    let mark = marker(slug);
    let mut out = String::new();
    if old.trim().is_empty() {
        out.push_str(LOG_HEADER);
    }
    let mut replaced = false;
    for l in old.lines() {
        if l.starts_with("- ") && l.trim_end().ends_with(&mark) {
            if !replaced {
                out.push_str(line);
                out.push('\n');
                replaced = true;
            }
            continue;
        }
        out.push_str(l);
        out.push('\n');
    }
    if !replaced {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsert_replaces_the_entry_of_the_same_change() {
        let a = upsert("", "chg-1", "- one <!-- tfward:change chg-1 -->");
        let b = upsert(&a, "chg-2", "- two <!-- tfward:change chg-2 -->");
        let c = upsert(&b, "chg-1", "- one again <!-- tfward:change chg-1 -->");
        let entries: Vec<&str> = c.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(
            entries,
            [
                "- one again <!-- tfward:change chg-1 -->",
                "- two <!-- tfward:change chg-2 -->"
            ]
        );
        assert!(c.starts_with("# Platform changes"));
    }

    #[cfg(unix)]
    #[test]
    fn links_are_refused_and_never_followed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("victim");
        fs::write(&target, "keep").expect("write");
        let link = tmp.path().join("report.md");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let err = write_atomic(&link, "x").expect_err("a link is refused");
        assert!(err.contains("symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&target).expect("read"), "keep");
    }
}
