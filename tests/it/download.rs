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
            Answer {
                status: 204,
                get: Some(format!("/files/pkg-{v}.tar.gz")),
                body: Vec::new(),
            },
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
    let cache = cache.to_string_lossy().into_owned();
    let mut args = vec!["scan", ".", "--format", "json", "--only", "TFW-AWS-0001"];
    if download {
        args.extend(["--download-modules", "--module-cache", &cache]);
    }
    t.run("", &args)
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

#[test]
fn git_source_with_ref_and_subdir_over_dumb_http() {
    let work = tempfile::tempdir().expect("work");
    if !git(work.path(), &["init", "-q", "."]) {
        eprintln!("skipped: git is not installed");
        return;
    }
    let w = work.path();
    std::fs::create_dir_all(w.join("modules/x")).expect("mkdir");
    std::fs::write(w.join("modules/x/main.tf"), public_acl("tagged")).expect("write");
    assert!(
        git(w, &["add", "."]) && git(w, &["commit", "-qm", "v1.2"]) && git(w, &["tag", "v1.2"])
    );
    std::fs::write(w.join("modules/x/main.tf"), public_acl("later")).expect("write");
    assert!(git(w, &["commit", "-qam", "later"]));
    let served = tempfile::tempdir().expect("served");
    let bare = served.path().join("repo.git");
    let bare_s = bare.to_string_lossy().into_owned();
    assert!(git(w, &["clone", "-q", "--bare", ".", &bare_s]));
    assert!(git(&bare, &["update-server-info"]));
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
        Answer {
            status: 204,
            get: Some("/files/store-3.1.0.zip".to_owned()),
            body: Vec::new(),
        },
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
