//! Module source addresses that name something to download, read as
//! Terraform reads them: registry addresses (`ns/name/provider`,
//! `host/ns/name/provider`), `git::URL` with `?ref=`, the `github.com/org/repo`
//! shorthand, `git@host:path` and `https://` archives or pages that answer
//! with `X-Terraform-Get`; each may end in `//subdir`.

/// Where a module's package comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remote {
    Registry {
        host: String,
        namespace: String,
        name: String,
        provider: String,
    },
    Git {
        url: String,
        reference: Option<String>,
    },
    Archive {
        url: String,
        kind: ArchiveKind,
    },
    /// An http(s) URL that is no archive: its answer's `X-Terraform-Get`
    /// header says where the package is.
    Http {
        url: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveKind {
    TarGz,
    Tar,
    Zip,
}

/// A parsed source: the package and the directory inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub remote: Remote,
    pub subdir: String,
}

pub const DEFAULT_REGISTRY: &str = "registry.terraform.io";

/// Parses a module source that is not local (`./x`, `../x`).
pub fn parse(source: &str) -> Result<Parsed, String> {
    let source = source.trim();
    if let Some((getter, rest)) = forced_getter(source) {
        let (url, subdir) = split_subdir(rest);
        return match getter {
            "git" => Ok(Parsed {
                remote: git(&url)?,
                subdir,
            }),
            "http" | "https" => Ok(Parsed {
                remote: http(&url),
                subdir,
            }),
            other => Err(format!(
                "the \"{other}::\" source kind is not supported by tfward (git::, https:// and registry sources are)"
            )),
        };
    }
    let (addr, subdir) = split_subdir(source);
    if let Some(r) = registry(&addr) {
        return Ok(Parsed { remote: r, subdir });
    }
    if let Some(rest) = addr.strip_prefix("github.com/") {
        return github(rest, &subdir);
    }
    if addr.starts_with("git@") {
        return Ok(Parsed {
            remote: git(&addr)?,
            subdir,
        });
    }
    if addr.starts_with("https://") || addr.starts_with("http://") {
        return Ok(Parsed {
            remote: http(&addr),
            subdir,
        });
    }
    Err("not a registry address, git URL or https URL that tfward can download".into())
}

/// The `github.com/owner/repo` shorthand, as Terraform's getter reads it:
/// `git::https://github.com/owner/repo.git`, with path parts after the
/// repository a subdirectory (before one given with `//`).
fn github(rest: &str, subdir: &str) -> Result<Parsed, String> {
    let (path, query) = rest.split_once('?').map_or((rest, ""), |(p, q)| (p, q));
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    let (Some(owner), Some(repo)) = (parts.next(), parts.next()) else {
        return Err("GitHub sources are github.com/owner/repo".into());
    };
    let repo = repo.strip_suffix(".git").unwrap_or(repo);
    let mut url = format!("https://github.com/{owner}/{repo}.git");
    if !query.is_empty() {
        url.push('?');
        url.push_str(query);
    }
    let inner: Vec<&str> = parts
        .chain(subdir.split('/'))
        .filter(|p| !p.is_empty())
        .collect();
    Ok(Parsed {
        remote: git(&url)?,
        subdir: inner.join("/"),
    })
}

/// `git::` / `s3::` ... before a URL (not the `://` of a scheme).
fn forced_getter(source: &str) -> Option<(&str, &str)> {
    let (getter, rest) = source.split_once("::")?;
    (!getter.is_empty() && getter.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some((getter, rest))
}

/// Splits `URL//sub/dir?query` into `URL?query` and `sub/dir`; the `//` of
/// `scheme://` is not a separator.
pub fn split_subdir(source: &str) -> (String, String) {
    let start = source.find("://").map_or(0, |i| i + 3);
    let rest = &source[start..];
    let Some(i) = rest.find("//") else {
        return (source.to_owned(), String::new());
    };
    let mut url = source[..start + i].to_owned();
    let mut sub = &rest[i + 2..];
    if let Some(q) = sub.find('?') {
        url.push_str(&sub[q..]);
        sub = &sub[..q];
    }
    (url, sub.trim_matches('/').to_owned())
}

fn registry(addr: &str) -> Option<Remote> {
    let parts: Vec<&str> = addr.split('/').collect();
    let (host, rest) = match parts.len() {
        3 => (DEFAULT_REGISTRY.to_owned(), &parts[..]),
        4 if valid_host(parts[0]) => (parts[0].to_ascii_lowercase(), &parts[1..]),
        _ => return None,
    };
    if matches!(host.as_str(), "github.com" | "bitbucket.org") {
        return None;
    }
    if !rest.iter().all(|p| valid_name(p)) {
        return None;
    }
    Some(Remote::Registry {
        host,
        namespace: rest[0].to_owned(),
        name: rest[1].to_owned(),
        provider: rest[2].to_ascii_lowercase(),
    })
}

fn valid_name(p: &str) -> bool {
    !p.is_empty()
        && p.len() <= 64
        && p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !p.starts_with(['-', '_'])
}

fn valid_host(h: &str) -> bool {
    (h.contains('.') || h.contains(':'))
        && h.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'))
}

/// A git URL with its `ref` (and `depth`, which tfward decides) taken out
/// of the query.
fn git(url: &str) -> Result<Remote, String> {
    let (base, query) = url.split_once('?').map_or((url, ""), |(b, q)| (b, q));
    let mut reference = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("ref", v)) if !v.is_empty() => reference = Some(v.to_owned()),
            Some(("depth", _)) => {}
            _ => kept.push(pair),
        }
    }
    if let Some(r) = &reference {
        if r.starts_with('-') {
            return Err(format!("the ref \"{r}\" is not a branch, tag or commit"));
        }
    }
    let allowed = base.starts_with("https://")
        || base.starts_with("ssh://")
        || base.starts_with("git@")
        || (base.starts_with("http://") && super::http::is_loopback_url(base));
    if !allowed {
        return Err(
            "git sources must be https://, ssh:// or git@host: URLs (http:// only on this machine's loopback)"
                .into(),
        );
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok(Remote::Git { url, reference })
}

fn http(url: &str) -> Remote {
    let (base, query) = url.split_once('?').map_or((url, ""), |(b, q)| (b, q));
    let mut kind = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("archive", v)) => kind = archive_kind(&format!("x.{v}")),
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    match kind.or_else(|| archive_kind(base)) {
        Some(kind) => Remote::Archive { url, kind },
        None => Remote::Http { url },
    }
}

fn archive_kind(path: &str) -> Option<ArchiveKind> {
    let p = path.to_ascii_lowercase();
    if p.ends_with(".tar.gz") || p.ends_with(".tgz") {
        Some(ArchiveKind::TarGz)
    } else if p.ends_with(".tar") {
        Some(ArchiveKind::Tar)
    } else if p.ends_with(".zip") {
        Some(ArchiveKind::Zip)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_addresses_with_and_without_host() {
        let p = parse("terraform-aws-modules/vpc/aws//modules/endpoints").expect("parse");
        assert_eq!(p.subdir, "modules/endpoints");
        assert!(
            matches!(p.remote, Remote::Registry { ref host, ref name, .. } if host == DEFAULT_REGISTRY && name == "vpc")
        );
        let p = parse("127.0.0.1:8080/acme/bucket/aws").expect("parse");
        assert!(matches!(p.remote, Remote::Registry { ref host, .. } if host == "127.0.0.1:8080"));
    }

    #[test]
    fn git_urls_keep_ref_and_subdir_apart() {
        let p = parse("git::https://example.com/repo.git//modules/x?ref=v1.2").expect("parse");
        assert_eq!(p.subdir, "modules/x");
        assert_eq!(
            p.remote,
            Remote::Git {
                url: "https://example.com/repo.git".into(),
                reference: Some("v1.2".into())
            }
        );
        let p = parse("github.com/acme/mods//s3?ref=main").expect("parse");
        assert_eq!(
            p.remote,
            Remote::Git {
                url: "https://github.com/acme/mods.git".into(),
                reference: Some("main".into())
            }
        );
        assert!(parse("git::file:///etc").is_err());
        assert!(parse("git::http://example.com/r.git").is_err());
    }

    /// Terraform reads `github.com/owner/repo` as
    /// `git::https://github.com/owner/repo.git` (go-getter's GitHub
    /// detector); `//sub` and `?ref=` keep their meaning.
    #[test]
    fn github_shorthand_is_a_git_https_url() {
        let git = |url: &str, reference: Option<&str>| Remote::Git {
            url: url.into(),
            reference: reference.map(str::to_owned),
        };
        let p = parse("github.com/owner/repo//sub?ref=v1").expect("parse");
        assert_eq!(
            p,
            Parsed {
                remote: git("https://github.com/owner/repo.git", Some("v1")),
                subdir: "sub".into()
            }
        );
        let p = parse("github.com/owner/repo.git").expect("parse");
        assert_eq!(
            p,
            Parsed {
                remote: git("https://github.com/owner/repo.git", None),
                subdir: String::new()
            }
        );
        // Parts after the repository are a directory in it.
        let p = parse("github.com/owner/repo/modules//s3?ref=v2").expect("parse");
        assert_eq!(
            p,
            Parsed {
                remote: git("https://github.com/owner/repo.git", Some("v2")),
                subdir: "modules/s3".into()
            }
        );
        // Four parts are never a registry address on github.com.
        assert!(matches!(
            parse("github.com/owner/repo/aws").expect("parse").remote,
            Remote::Git { .. }
        ));
        assert!(parse("github.com/owner").is_err());
    }

    #[test]
    fn archives_by_extension_or_archive_parameter() {
        let p = parse("https://example.com/x/v1.tar.gz//sub").expect("parse");
        assert_eq!(p.subdir, "sub");
        assert!(matches!(
            p.remote,
            Remote::Archive {
                kind: ArchiveKind::TarGz,
                ..
            }
        ));
        let p = parse("https://example.com/get?archive=zip").expect("parse");
        assert!(
            matches!(p.remote, Remote::Archive { kind: ArchiveKind::Zip, ref url } if url == "https://example.com/get")
        );
        assert!(matches!(
            parse("https://example.com/mod").expect("parse").remote,
            Remote::Http { .. }
        ));
        assert!(parse("s3::https://bucket/x.zip").is_err());
    }
}
