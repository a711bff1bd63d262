//! git sources, fetched the way Terraform's getter does: by the `git`
//! binary. No prompts (`GIT_TERMINAL_PROMPT=0`), no hooks, no local or
//! `ext::` transports, and a time limit. Under a host allow-list git
//! follows no HTTP redirect: tfward checked the URL's host, and a
//! redirect would take the clone to a host it did not check.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::http::scrub;

/// How long one git command may run.
const TIMEOUT: Duration = Duration::from_secs(300);

/// Clones `url` at `reference` (a branch, tag or commit) into `dest`;
/// `redirects`: whether git may follow an HTTP redirect.
pub fn clone(
    url: &str,
    reference: Option<&str>,
    dest: &Path,
    redirects: bool,
) -> Result<(), String> {
    let dest_s = dest.to_string_lossy().into_owned();
    // A branch or tag clones shallow; a commit (or a dumb-HTTP server, which
    // cannot serve shallow clones) needs the full history and a checkout.
    let mut shallow = vec!["clone", "--quiet", "--depth", "1"];
    if let Some(r) = reference {
        shallow.extend(["--branch", r]);
    }
    shallow.extend(["--", url, &dest_s]);
    if run(&shallow, None, url, redirects).is_ok() {
        return strip_git_dir(dest);
    }
    let _ = std::fs::remove_dir_all(dest);
    run(
        &["clone", "--quiet", "--no-checkout", "--", url, &dest_s],
        None,
        url,
        redirects,
    )?;
    let target = reference.unwrap_or("HEAD");
    run(
        &["checkout", "--quiet", "--detach", target, "--"],
        Some(dest),
        url,
        redirects,
    )
    .map_err(|e| format!("no branch, tag or commit \"{target}\" in the repository: {e}"))?;
    strip_git_dir(dest)
}

/// The cache keeps the files only.
fn strip_git_dir(dest: &Path) -> Result<(), String> {
    std::fs::remove_dir_all(dest.join(".git")).map_err(|e| format!("cannot tidy the clone: {e}"))
}

fn run(args: &[&str], dir: Option<&Path>, url: &str, redirects: bool) -> Result<(), String> {
    let mut cmd = Command::new("git");
    cmd.args([
        "-c",
        "core.hooksPath=/dev/null",
        "-c",
        "protocol.file.allow=never",
        "-c",
        "protocol.ext.allow=never",
        "-c",
        "advice.detachedHead=false",
    ]);
    if !redirects {
        cmd.args(["-c", "http.followRedirects=false"]);
    }
    cmd.args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_TEMPLATE_DIR", "")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run git (is it installed?): {e}"))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("git did not finish within {} s", TIMEOUT.as_secs()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("waiting for git failed: {e}")),
        }
    };
    if status.success() {
        return Ok(());
    }
    let mut err = String::new();
    if let Some(mut s) = child.stderr.take() {
        use std::io::Read;
        let _ = s.read_to_string(&mut err);
    }
    let last = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("git failed");
    Err(scrub(last.trim(), url))
}
