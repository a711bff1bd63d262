//! `scan --download-modules`: registry, git and archive modules fetched
//! from servers the tests start on 127.0.0.1, evaluated like installed ones.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::support::{code, json, stderr, Tree};

/// One canned answer: status, an `X-Terraform-Get` header, the body.
#[derive(Clone)]
struct Answer {
    status: u16,
    get: Option<String>,
    body: Vec<u8>,
}

fn ok(body: impl Into<Vec<u8>>) -> Answer {
    Answer {
        status: 200,
        get: None,
        body: body.into(),
    }
}

/// The registry's answer to a download request: the package is at `get`
/// (`X-Terraform-Get`).
fn package_at(get: impl Into<String>) -> Answer {
    Answer {
        status: 204,
        get: Some(get.into()),
        body: Vec::new(),
    }
}

/// A tiny HTTP/1.0 server on loopback: canned answers by path, else files
/// under `files` (git's dumb HTTP protocol), else 404. Counts requests.
struct Server {
    port: u16,
    hits: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
    routes: Arc<Mutex<HashMap<String, Answer>>>,
}

impl Server {
    fn start(files: Option<PathBuf>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let hits = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let routes: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let (h, s, r) = (hits.clone(), stop.clone(), routes.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                h.fetch_add(1, Ordering::SeqCst);
                serve(stream, &r, files.as_deref());
            }
        });
        Server {
            port,
            hits,
            stop,
            thread: Some(thread),
            routes,
        }
    }

    fn route(&self, path: &str, answer: Answer) {
        self.routes
            .lock()
            .expect("routes")
            .insert(path.to_owned(), answer);
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn serve(mut stream: TcpStream, routes: &Mutex<HashMap<String, Answer>>, files: Option<&Path>) {
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).map_or(true, |n| n == 0) || h.trim().is_empty() {
            break;
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split('?').next().unwrap_or(target).to_owned();
    let canned = routes.lock().expect("routes").get(&path).cloned();
    let answer = canned.unwrap_or_else(|| {
        let file = files
            .filter(|_| !path.contains(".."))
            .map(|d| d.join(path.trim_start_matches('/')));
        match file.and_then(|f| std::fs::read(f).ok()) {
            Some(body) => ok(body),
            None => Answer {
                status: 404,
                get: None,
                body: b"not found".to_vec(),
            },
        }
    });
    let mut head = format!(
        "HTTP/1.0 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        answer.status,
        answer.body.len()
    );
    if let Some(g) = &answer.get {
        head.push_str(&format!("X-Terraform-Get: {g}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&answer.body);
}

/// A .tar.gz of (name, text) entries; names are written as given, `..`
/// included (the tar crate's builder would refuse those).
fn tar_gz(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut tar = Vec::new();
    for (name, text) in entries {
        let mut header = tar::Header::new_old();
        header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        tar.extend_from_slice(header.as_bytes());
        tar.extend_from_slice(text.as_bytes());
        tar.resize(tar.len().div_ceil(512) * 512, 0);
    }
    tar.resize(tar.len() + 1024, 0);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).expect("gzip");
    gz.finish().expect("gzip")
}

/// A public-read bucket ACL (TFW-AWS-0001) named `name`.
fn public_acl(name: &str) -> String {
    format!(
        "resource \"aws_s3_bucket_acl\" \"{name}\" {{\n  bucket = \"b-{name}\"\n  acl    = \"public-read\"\n}}\n"
    )
}

/// The registry's service discovery document: modules under /api/modules/v1/.
fn discovery(server: &Server) {
    server.route(
        "/.well-known/terraform.json",
        ok(r#"{"modules.v1": "/api/modules/v1/"}"#),
    );
}

/// A registry at `server` listing `versions` of acme/store/aws; each
/// version's package is `pkg-V.tar.gz`, reached by a relative
/// X-Terraform-Get.
fn registry(server: &Server, versions: &[&str]) {
    discovery(server);
    let listed: Vec<String> = versions
        .iter()
        .map(|v| format!(r#"{{"version":"{v}"}}"#))
        .collect();
    server.route(
        "/api/modules/v1/acme/store/aws/versions",
        ok(format!(
            r#"{{"modules":[{{"versions":[{}]}}]}}"#,
            listed.join(",")
        )),
    );
    for v in versions {
        server.route(
            &format!("/api/modules/v1/acme/store/aws/{v}/download"),
            package_at(format!("/files/pkg-{v}.tar.gz")),
        );
        let tag = v.replace(['.', '-'], "_");
        let s3 = format!(
            "{}module \"logs\" {{\n  source = \"../logs\"\n}}\n",
            public_acl(&format!("v{tag}"))
        );
        let logs = public_acl("logs");
        server.route(
            &format!("/files/pkg-{v}.tar.gz"),
            ok(tar_gz(&[
                ("modules/s3/main.tf", &s3),
                ("modules/logs/main.tf", &logs),
            ])),
        );
    }
}

fn root_calling(source: &str, version: &str) -> Tree {
    let t = Tree::new();
    t.dir(".git");
    let version = if version.is_empty() {
        String::new()
    } else {
        format!("  version = \"{version}\"\n")
    };
    t.file(
        "main.tf",
        &format!(
            "module \"store\" {{\n  source  = \"{source}\"\n{version}}}\n\n{}",
            public_acl("root")
        ),
    );
    t
}

/// (rule id, address) of every finding.
fn found(report: &serde_json::Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule_id"] == "TFW-AWS-0001")
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or("").to_owned(),
                f["address"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    v.sort();
    v
}

fn scan(t: &Tree, cache: &Path, download: bool) -> std::process::Output {
    if download {
        return scan_with(t, cache, &[]);
    }
    t.run(
        "",
        &["scan", ".", "--format", "json", "--only", "TFW-AWS-0001"],
    )
}

#[test]
fn registry_module_is_resolved_downloaded_evaluated_and_cached() {
    let mut server = Server::start(None);
    registry(&server, &["1.0.0", "1.1.0", "1.2.0", "1.3.0-beta", "2.0.0"]);
    let source = format!("{}/acme/store/aws//modules/s3", server.host());
    let t = root_calling(&source, "~> 1.1");
    let cache = tempfile::tempdir().expect("cache");
    let out = scan(&t, cache.path(), true);
    let report = json(&out);
    let expected = vec![
        (
            "TFW-AWS-0001".to_owned(),
            "aws_s3_bucket_acl.root".to_owned(),
        ),
        (
            "TFW-AWS-0001".to_owned(),
            "module.store.aws_s3_bucket_acl.v1_2_0".to_owned(),
        ),
        (
            "TFW-AWS-0001".to_owned(),
            "module.store.module.logs.aws_s3_bucket_acl.logs".to_owned(),
        ),
    ];
    assert_eq!(found(&report), expected, "{}", stderr(&out));
    assert_eq!(
        report["summary"]["module_calls"]["not_installed"], 0,
        "{report}"
    );
    assert_eq!(code(&out), 1);

    // A second scan reads the cache: it works with the registry gone.
    server.stop();
    let again = scan(&t, cache.path(), true);
    assert_eq!(found(&json(&again)), expected, "{}", stderr(&again));
    assert!(
        !stderr(&again).contains("cannot download"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn without_the_flag_nothing_is_fetched_and_the_module_is_not_installed() {
    let server = Server::start(None);
    registry(&server, &["1.0.0"]);
    let t = root_calling(&format!("{}/acme/store/aws//modules/s3", server.host()), "");
    let cache = tempfile::tempdir().expect("cache");
    let out = scan(&t, cache.path(), false);
    let report = json(&out);
    assert_eq!(
        server.hits(),
        0,
        "tfward asked the registry without the flag"
    );
    assert_eq!(
        report["summary"]["module_calls"]["not_installed"], 1,
        "{report}"
    );
    assert!(
        stderr(&out).contains("is not installed") && stderr(&out).contains("--download-modules"),
        "{}",
        stderr(&out)
    );
    assert_eq!(found(&report).len(), 1);
}

#[test]
fn an_archive_entry_that_climbs_out_is_refused_and_the_scan_goes_on() {
    let server = Server::start(None);
    registry(&server, &["1.0.0"]);
    server.route(
        "/files/pkg-1.0.0.tar.gz",
        ok(tar_gz(&[
            ("main.tf", &public_acl("inner")),
            ("../../escaped.tf", &public_acl("evil")),
        ])),
    );
    let t = root_calling(&format!("{}/acme/store/aws", server.host()), "1.0.0");
    let cache = tempfile::tempdir().expect("cache");
    let out = scan(&t, cache.path(), true);
    let err = stderr(&out);
    assert!(
        err.contains("module.store: cannot download")
            && err.contains("acme/store/aws")
            && err.contains("points outside the module"),
        "{err}"
    );
    let report = json(&out);
    assert_eq!(
        found(&report),
        vec![(
            "TFW-AWS-0001".to_owned(),
            "aws_s3_bucket_acl.root".to_owned()
        )]
    );
    assert_eq!(
        report["summary"]["module_calls"]["not_installed"], 1,
        "{report}"
    );
    let escaped = walk(cache.path())
        .into_iter()
        .chain(walk(t.path()))
        .any(|p| p.ends_with("escaped.tf"));
    assert!(!escaped, "an entry was written outside the package");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() && !p.is_symlink() {
            out.extend(walk(&p));
        }
        out.push(p);
    }
    out
}

#[test]
fn a_failing_registry_is_a_warning_naming_module_source_and_reason() {
    let server = Server::start(None);
    discovery(&server);
    server.route(
        "/api/modules/v1/acme/store/aws/versions",
        Answer {
            status: 500,
            get: None,
            body: b"boom".to_vec(),
        },
    );
    let t = root_calling(&format!("{}/acme/store/aws", server.host()), ">= 1.0");
    let cache = tempfile::tempdir().expect("cache");
    let out = scan(&t, cache.path(), true);
    let err = stderr(&out);
    assert!(
        err.contains("warning: main.tf:1:1: module.store: cannot download")
            && err.contains("answered 500"),
        "{err}"
    );
    let report = json(&out);
    assert_eq!(found(&report).len(), 1, "{report}");
    assert_eq!(report["summary"]["module_calls"]["not_installed"], 1);
}

#[test]
fn no_registry_version_matching_the_constraint_says_which_exist() {
    let server = Server::start(None);
    registry(&server, &["1.0.0", "2.0.0-rc1"]);
    let t = root_calling(&format!("{}/acme/store/aws", server.host()), "~> 2.0");
    let cache = tempfile::tempdir().expect("cache");
    let err = stderr(&scan(&t, cache.path(), true));
    assert!(
        err.contains("no version matches \"~> 2.0\" (the registry lists 1.0.0, 2.0.0-rc1)"),
        "{err}"
    );
}

fn git(dir: &Path, args: &[&str]) -> bool {
    std::process::Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t.invalid",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A bare repository at `served/rel` that git's dumb HTTP protocol can
/// serve: modules/x/main.tf flags `tagged` at tag v1.2 and `later` after
/// it. False when git is not installed.
fn tagged_repo(served: &Path, rel: &str) -> bool {
    let work = tempfile::tempdir().expect("work");
    let w = work.path();
    if !git(w, &["init", "-q", "."]) {
        return false;
    }
    std::fs::create_dir_all(w.join("modules/x")).expect("mkdir");
    std::fs::write(w.join("modules/x/main.tf"), public_acl("tagged")).expect("write");
    assert!(
        git(w, &["add", "."]) && git(w, &["commit", "-qm", "v1.2"]) && git(w, &["tag", "v1.2"])
    );
    std::fs::write(w.join("modules/x/main.tf"), public_acl("later")).expect("write");
    assert!(git(w, &["commit", "-qam", "later"]));
    let bare = served.join(rel);
    let bare_s = bare.to_string_lossy().into_owned();
    assert!(git(w, &["clone", "-q", "--bare", ".", &bare_s]));
    assert!(git(&bare, &["update-server-info"]));
    true
}

#[test]
fn git_source_with_ref_and_subdir_over_dumb_http() {
    let served = tempfile::tempdir().expect("served");
    if !tagged_repo(served.path(), "repo.git") {
        eprintln!("skipped: git is not installed");
        return;
    }
    let server = Server::start(Some(served.path().to_path_buf()));
    let source = format!("git::http://{}/repo.git//modules/x?ref=v1.2", server.host());
    let t = root_calling(&source, "");
    let cache = tempfile::tempdir().expect("cache");
    let out = scan(&t, cache.path(), true);
    assert_eq!(
        found(&json(&out)),
        vec![
            (
                "TFW-AWS-0001".to_owned(),
                "aws_s3_bucket_acl.root".to_owned()
            ),
            (
                "TFW-AWS-0001".to_owned(),
                "module.store.aws_s3_bucket_acl.tagged".to_owned()
            ),
        ],
        "{}",
        stderr(&out)
    );
}

/// A .zip of (name, text) entries, deflated.
fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in entries {
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn a_zip_package_from_the_registry_is_unpacked_and_evaluated() {
    let server = Server::start(None);
    discovery(&server);
    server.route(
        "/api/modules/v1/acme/store/aws/versions",
        ok(r#"{"modules":[{"versions":[{"version":"3.1.0"}]}]}"#),
    );
    server.route(
        "/api/modules/v1/acme/store/aws/3.1.0/download",
        package_at("/files/store-3.1.0.zip".to_owned()),
    );
    // GitHub's archive links put the module under a top folder.
    server.route(
        "/files/store-3.1.0.zip",
        ok(zip_of(&[("store-3.1.0/main.tf", &public_acl("zipped"))])),
    );
    let t = root_calling(
        &format!("{}/acme/store/aws//store-3.1.0", server.host()),
        "3.1.0",
    );
    let cache = tempfile::tempdir().expect("cache");
    let out = scan(&t, cache.path(), true);
    let report = json(&out);
    assert_eq!(
        found(&report),
        vec![
            (
                "TFW-AWS-0001".to_owned(),
                "aws_s3_bucket_acl.root".to_owned()
            ),
            (
                "TFW-AWS-0001".to_owned(),
                "module.store.aws_s3_bucket_acl.zipped".to_owned()
            ),
        ],
        "{}",
        stderr(&out)
    );
    assert_eq!(
        report["summary"]["module_calls"]["not_installed"], 0,
        "{report}"
    );
}

/// A download scan with more arguments.
fn scan_with(t: &Tree, cache: &Path, extra: &[&str]) -> std::process::Output {
    let cache = cache.to_string_lossy().into_owned();
    let mut args = vec![
        "scan",
        ".",
        "--format",
        "json",
        "--only",
        "TFW-AWS-0001",
        "--download-modules",
        "--module-cache",
        &cache,
    ];
    args.extend(extra);
    t.run("", &args)
}

/// The registry module of [`registry`] at 1.2.0 (of 1.0.0 ... 2.0.0).
fn store_1_2_0(server: &Server) -> Tree {
    registry(server, &["1.0.0", "1.1.0", "1.2.0", "2.0.0"]);
    root_calling(
        &format!("{}/acme/store/aws//modules/s3", server.host()),
        "~> 1.1",
    )
}

fn not_installed(report: &serde_json::Value) -> u64 {
    report["summary"]["module_calls"]["not_installed"]
        .as_u64()
        .unwrap_or(u64::MAX)
}

#[test]
fn a_registry_outside_the_module_hosts_is_never_asked() {
    let server = Server::start(None);
    let t = store_1_2_0(&server);
    let cache = tempfile::tempdir().expect("cache");
    let out = scan_with(
        &t,
        cache.path(),
        &["--module-host", "registry.terraform.io"],
    );
    let err = stderr(&out);
    assert!(
        err.contains("warning: main.tf:1:1: module.store: cannot download")
            && err.contains(&format!("{}/acme/store/aws//modules/s3", server.host()))
            && err.contains("the host 127.0.0.1 (http://127.0.0.1:")
            && err.contains("is not an allowed module host"),
        "{err}"
    );
    assert_eq!(server.hits(), 0, "tfward asked a host that is not allowed");
    let report = json(&out);
    assert_eq!(not_installed(&report), 1, "{report}");
    assert_eq!(found(&report).len(), 1, "{report}");
}

#[test]
fn a_download_location_on_another_host_is_checked_after_service_discovery() {
    let registry_server = Server::start(None);
    let files = Server::start(None);
    registry(&registry_server, &["1.0.0"]);
    // The registry hands the package to another host (port).
    registry_server.route(
        "/api/modules/v1/acme/store/aws/1.0.0/download",
        package_at(format!("http://{}/pkg.tar.gz", files.host())),
    );
    files.route(
        "/pkg.tar.gz",
        ok(tar_gz(&[("main.tf", &public_acl("elsewhere"))])),
    );
    let t = root_calling(
        &format!("{}/acme/store/aws", registry_server.host()),
        "1.0.0",
    );
    let cache = tempfile::tempdir().expect("cache");
    let only_registry = registry_server.host();
    let out = scan_with(&t, cache.path(), &["--module-host", &only_registry]);
    let err = stderr(&out);
    assert!(
        err.contains("module.store: cannot download")
            && err.contains(&format!(
                "the host 127.0.0.1 (http://{}/pkg.tar.gz)",
                files.host()
            )),
        "{err}"
    );
    assert!(registry_server.hits() > 0);
    assert_eq!(files.hits(), 0, "the package host was asked");
    assert_eq!(not_installed(&json(&out)), 1);

    // Both hosts allowed (a host without a port allows every port).
    let out = scan_with(&t, cache.path(), &["--module-host", "127.0.0.1"]);
    assert_eq!(
        found(&json(&out)),
        vec![
            (
                "TFW-AWS-0001".to_owned(),
                "aws_s3_bucket_acl.root".to_owned()
            ),
            (
                "TFW-AWS-0001".to_owned(),
                "module.store.aws_s3_bucket_acl.elsewhere".to_owned()
            ),
        ],
        "{}",
        stderr(&out)
    );
}

#[test]
fn module_host_flags_replace_the_repository_config_list() {
    let server = Server::start(None);
    let t = store_1_2_0(&server);
    t.file("tfward.toml", "module_hosts = [\"localhost\"]\n");
    let cache = tempfile::tempdir().expect("cache");
    // The repository's list alone: 127.0.0.1 is not on it.
    let out = scan_with(&t, cache.path(), &[]);
    assert!(
        stderr(&out).contains("the host 127.0.0.1"),
        "{}",
        stderr(&out)
    );
    assert_eq!(server.hits(), 0);
    // The pipeline's flag wins over the repository's file.
    let out = scan_with(&t, cache.path(), &["--module-host", &server.host()]);
    assert_eq!(not_installed(&json(&out)), 0, "{}", stderr(&out));
    assert_eq!(found(&json(&out)).len(), 3);
}

#[test]
fn a_cached_package_from_a_host_no_longer_allowed_is_not_used() {
    let mut server = Server::start(None);
    let t = store_1_2_0(&server);
    let cache = tempfile::tempdir().expect("cache");
    assert_eq!(not_installed(&json(&scan_with(&t, cache.path(), &[]))), 0);
    server.stop();
    let out = scan_with(&t, cache.path(), &["--module-host", "localhost"]);
    let err = stderr(&out);
    assert!(
        err.contains("module.store: cannot download")
            && err.contains("the cached package came from the host 127.0.0.1"),
        "{err}"
    );
    assert_eq!(not_installed(&json(&out)), 1);
    // Allowed, the cache serves it with the registry gone.
    let out = scan_with(&t, cache.path(), &["--module-host", "127.0.0.1"]);
    assert_eq!(not_installed(&json(&out)), 0, "{}", stderr(&out));
}

#[test]
fn a_module_host_that_is_not_a_host_is_a_usage_error() {
    let t = Tree::new();
    t.file("main.tf", "");
    let out = t.run(
        "",
        &[
            "scan",
            ".",
            "--download-modules",
            "--module-host",
            "https://github.com",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("is not a host"), "{}", stderr(&out));
}

/// Findings without what depends on the cache's location (nothing should).
fn findings_of(out: &std::process::Output) -> serde_json::Value {
    json(out)["findings"].clone()
}

#[test]
fn findings_in_downloaded_modules_do_not_depend_on_the_cache_location() {
    let server = Server::start(None);
    let t = store_1_2_0(&server);
    let (a, b) = (
        tempfile::tempdir().expect("cache"),
        tempfile::tempdir().expect("cache"),
    );
    let first = scan_with(&t, a.path(), &[]);
    let second = scan_with(&t, b.path(), &[]);
    assert_eq!(findings_of(&first), findings_of(&second));
    let findings = findings_of(&first);
    let shown = |address: &str| -> (String, String) {
        let f = findings
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["address"] == address)
            .unwrap_or_else(|| panic!("no finding on {address}: {findings}"));
        (
            f["file"].as_str().unwrap_or("").to_owned(),
            f["via"]["calls"][1]["file"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
        )
    };
    let package = format!("{}/acme/store/aws@1.2.0", server.host());
    assert_eq!(
        shown("module.store.aws_s3_bucket_acl.v1_2_0").0,
        format!("{package}//modules/s3/main.tf")
    );
    assert_eq!(
        shown("module.store.module.logs.aws_s3_bucket_acl.logs"),
        (
            format!("{package}//modules/logs/main.tf"),
            format!("{package}//modules/s3/main.tf")
        )
    );
    let text = serde_json::to_string(&findings).unwrap_or_default();
    for cache in [a.path(), b.path()] {
        assert!(!text.contains(&*cache.to_string_lossy()), "{text}");
    }
    // SARIF too (its fingerprints and locations).
    let sarif = |cache: &Path| {
        let cache = cache.to_string_lossy().into_owned();
        let out = t.run(
            "",
            &[
                "scan",
                ".",
                "--format",
                "sarif",
                "--download-modules",
                "--module-cache",
                &cache,
            ],
        );
        let mut doc: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
        doc["runs"][0]["results"].take()
    };
    assert_eq!(sarif(a.path()), sarif(b.path()));
}

/// `github.com/owner/repo` is `https://github.com/owner/repo.git` cloned
/// by git, which reads the user's git configuration as Terraform's getter
/// does: a `url.<base>.insteadOf` (given here in the environment, as a
/// mirror setup would) sends it to the loopback server.
#[test]
fn github_shorthand_clones_through_git_with_ref_and_subdir() {
    let served = tempfile::tempdir().expect("served");
    if !tagged_repo(served.path(), "owner/repo.git") {
        eprintln!("skipped: git is not installed");
        return;
    }
    let server = Server::start(Some(served.path().to_path_buf()));
    let t = root_calling("github.com/owner/repo//modules/x?ref=v1.2", "");
    let cache = tempfile::tempdir().expect("cache");
    let cache_s = cache.path().to_string_lossy().into_owned();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tfward"))
        .args(["scan", ".", "--format", "json", "--only", "TFW-AWS-0001"])
        .args(["--download-modules", "--module-cache", &cache_s])
        .current_dir(t.path())
        .env("GIT_CONFIG_COUNT", "1")
        .env(
            "GIT_CONFIG_KEY_0",
            format!("url.http://{}/.insteadOf", server.host()),
        )
        .env("GIT_CONFIG_VALUE_0", "https://github.com/")
        .output()
        .expect("tfward runs");
    let report = json(&out);
    assert_eq!(
        found(&report),
        vec![
            (
                "TFW-AWS-0001".to_owned(),
                "aws_s3_bucket_acl.root".to_owned()
            ),
            (
                "TFW-AWS-0001".to_owned(),
                "module.store.aws_s3_bucket_acl.tagged".to_owned()
            ),
        ],
        "{}",
        stderr(&out)
    );
    let file = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["address"] == "module.store.aws_s3_bucket_acl.tagged")
        .map(|f| f["file"].clone());
    assert_eq!(
        file,
        Some(serde_json::json!(
            "git::https://github.com/owner/repo.git?ref=v1.2//modules/x/main.tf"
        ))
    );
}

/// A cache inside the scanned tree is tagged (CACHEDIR.TAG) and skipped:
/// its packages are evaluated through the calls, never as root modules.
#[test]
fn a_module_cache_inside_the_scanned_tree_is_not_scanned_as_the_project() {
    let server = Server::start(None);
    let t = store_1_2_0(&server);
    let cache = t.path().join("modcache");
    let expected = vec![
        (
            "TFW-AWS-0001".to_owned(),
            "aws_s3_bucket_acl.root".to_owned(),
        ),
        (
            "TFW-AWS-0001".to_owned(),
            "module.store.aws_s3_bucket_acl.v1_2_0".to_owned(),
        ),
        (
            "TFW-AWS-0001".to_owned(),
            "module.store.module.logs.aws_s3_bucket_acl.logs".to_owned(),
        ),
    ];
    // The second scan finds the cache filled before the walk starts.
    for _ in 0..2 {
        let out = scan_with(&t, &cache, &[]);
        let report = json(&out);
        assert_eq!(found(&report), expected, "{}", stderr(&out));
        let text = report["findings"].to_string();
        assert!(!text.contains("modcache"), "{text}");
    }
    assert!(cache.join("CACHEDIR.TAG").is_file());
    // Without the flag too.
    let out = t.run(
        "",
        &["scan", ".", "--format", "json", "--only", "TFW-AWS-0001"],
    );
    assert_eq!(found(&json(&out)).len(), 1, "{}", stderr(&out));
}

/// A plan of [`store_1_2_0`]'s configuration: the root's bucket ACL and
/// the module's two.
fn store_plan(server: &Server) -> String {
    let acl = |address: &str, name: &str| {
        serde_json::json!({
            "address": address, "mode": "managed", "type": "aws_s3_bucket_acl", "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "values": {"bucket": format!("b-{name}"), "acl": "public-read"}
        })
    };
    serde_json::json!({
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        "planned_values": {"root_module": {
            "resources": [acl("aws_s3_bucket_acl.root", "root")],
            "child_modules": [{
                "address": "module.store",
                "resources": [acl("module.store.aws_s3_bucket_acl.v1_2_0", "v1_2_0")],
                "child_modules": [{
                    "address": "module.store.module.logs",
                    "resources": [acl("module.store.module.logs.aws_s3_bucket_acl.logs", "logs")]
                }]
            }]
        }},
        "configuration": {"root_module": {"module_calls": {"store": {
            "source": format!("{}/acme/store/aws//modules/s3", server.host()),
            "version_constraint": "~> 1.1",
            "module": {"module_calls": {"logs": {"source": "../logs", "module": {}}}}
        }}}}
    })
    .to_string()
}

/// (address, file) of each finding.
fn files_of(report: &serde_json::Value) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_owned();
            (s("address"), s("file"))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_plan_scan_points_into_downloaded_modules() {
    let server = Server::start(None);
    let t = store_1_2_0(&server);
    t.file("plan.json", &store_plan(&server));
    let cache = tempfile::tempdir().expect("cache");
    let package = format!("{}/acme/store/aws@1.2.0", server.host());
    let out = scan_with(&t, cache.path(), &["--plan", "plan.json"]);
    assert_eq!(
        files_of(&json(&out)),
        vec![
            ("aws_s3_bucket_acl.root".to_owned(), "main.tf".to_owned()),
            (
                "module.store.aws_s3_bucket_acl.v1_2_0".to_owned(),
                format!("{package}//modules/s3/main.tf")
            ),
            (
                "module.store.module.logs.aws_s3_bucket_acl.logs".to_owned(),
                format!("{package}//modules/logs/main.tf")
            ),
        ],
        "{}",
        stderr(&out)
    );
    // Without the flag the module's findings point into the plan.
    let out = t.run(
        "",
        &[
            "scan",
            ".",
            "--plan",
            "plan.json",
            "--format",
            "json",
            "--only",
            "TFW-AWS-0001",
        ],
    );
    let files: Vec<String> = files_of(&json(&out)).into_iter().map(|(_, f)| f).collect();
    assert_eq!(
        files,
        ["main.tf", "plan.json", "plan.json"],
        "{}",
        stderr(&out)
    );
}

/// A state of [`store_1_2_0`]'s configuration, as applied.
fn store_state() -> String {
    let acl = |module: Option<&str>, name: &str| {
        let mut r = serde_json::json!({
            "mode": "managed", "type": "aws_s3_bucket_acl", "name": name,
            "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 0, "attributes": {
                "id": format!("b-{name}"), "bucket": format!("b-{name}"), "acl": "public-read"
            }}]
        });
        if let Some(m) = module {
            r["module"] = serde_json::json!(m);
        }
        r
    };
    serde_json::json!({
        "version": 4, "terraform_version": "1.9.5", "serial": 1,
        "lineage": "3f1c2d9e-0000-4000-8000-000000000013", "outputs": {},
        "resources": [
            acl(None, "root"),
            acl(Some("module.store"), "v1_2_0"),
            acl(Some("module.store.module.logs"), "logs"),
        ]
    })
    .to_string()
}

#[test]
fn drift_evaluates_downloaded_modules_instead_of_calling_their_resources_removed() {
    let server = Server::start(None);
    let t = store_1_2_0(&server);
    t.file("state.json", &store_state());
    let cache = tempfile::tempdir().expect("cache");
    let cache_s = cache.path().to_string_lossy().into_owned();
    let drifted = |extra: &[&str]| {
        let mut args = vec!["drift", "--state", "state.json", ".", "--format", "json"];
        args.extend(extra);
        let out = t.run("", &args);
        let report = json(&out);
        let mut v: Vec<String> = report["drift"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| format!("{} {}", d["kind"], d["address"]))
            .collect();
        v.sort();
        (v, stderr(&out))
    };
    // Not installed, the module's resources read as removed from code.
    let (without, _) = drifted(&[]);
    assert_eq!(without.len(), 2, "{without:?}");
    let (with, err) = drifted(&["--download-modules", "--module-cache", &cache_s]);
    assert_eq!(with, Vec::<String>::new(), "{err}");
    // The allow-list applies here too.
    let (refused, err) = drifted(&[
        "--download-modules",
        "--module-cache",
        &cache_s,
        "--module-host",
        "localhost",
    ]);
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(err.contains("not an allowed module host"), "{err}");
}
