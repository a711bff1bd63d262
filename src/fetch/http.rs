//! HTTP for module downloads: https everywhere, plain http only to this
//! machine's loopback (test registries), bounded bodies, no credentials in
//! any message.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::Read;
use std::time::Duration;

use super::hosts::AllowedHosts;

/// The largest registry document (discovery, versions) read.
pub const MAX_DOCUMENT: u64 = 4 * 1024 * 1024;
/// The largest module archive downloaded.
pub const MAX_ARCHIVE: u64 = 128 * 1024 * 1024;

/// An answer: status, the headers a download needs, the body.
pub struct Answer {
    pub status: u16,
    pub terraform_get: Option<String>,
    /// `Location` of one response; `get` follows it.
    location: Option<String>,
    pub body: Vec<u8>,
}

const MAX_REDIRECTS: usize = 5;

pub struct Client {
    remote: ureq::Agent,
    loopback: ureq::Agent,
    /// `--module-host`: every URL requested, redirects included, must
    /// name one of these hosts.
    hosts: Option<AllowedHosts>,
    /// `host:port` of every URL requested since [`Client::take_seen`].
    seen: RefCell<BTreeSet<String>>,
}

impl Client {
    pub fn new(hosts: Option<AllowedHosts>) -> Client {
        let build = |proxy: bool| -> ureq::Agent {
            let mut config = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(Duration::from_secs(120)))
                .timeout_connect(Some(Duration::from_secs(15)))
                // Redirects are followed in `get`, which checks each
                // target as it checks the first URL.
                .max_redirects(0)
                .user_agent(concat!("tfward/", env!("CARGO_PKG_VERSION")));
            if !proxy {
                config = config.proxy(None);
            }
            config.build().into()
        };
        Client {
            remote: build(true),
            loopback: build(false),
            hosts,
            seen: RefCell::default(),
        }
    }

    /// Checks `url` against the allowed hosts and remembers its host.
    pub fn admit(&self, url: &str) -> Result<(), String> {
        if let Some(hosts) = &self.hosts {
            hosts.check(url)?;
        }
        if let Some((host, port)) = host_port(url) {
            self.seen.borrow_mut().insert(format!("{host}:{port}"));
        }
        Ok(())
    }

    /// The hosts requested (or cloned from) since the last call.
    pub fn take_seen(&self) -> BTreeSet<String> {
        std::mem::take(&mut *self.seen.borrow_mut())
    }

    /// Whether every `host:port` in `seen` is allowed.
    pub fn allows_all<'a>(&self, seen: impl IntoIterator<Item = &'a str>) -> Result<(), String> {
        let Some(hosts) = &self.hosts else {
            return Ok(());
        };
        for hp in seen {
            let (host, port) = hp.rsplit_once(':').unwrap_or((hp, ""));
            if !hosts.allows(host, port.parse().unwrap_or(0)) {
                return Err(format!(
                    "the cached package came from the host {host} (port {port}), which is not an allowed module host (--module-host, tfward.toml module_hosts)"
                ));
            }
        }
        Ok(())
    }

    /// Whether an allow-list is in force.
    pub fn restricted(&self) -> bool {
        self.hosts.is_some()
    }

    /// GETs `url`, following up to 5 redirects, reading at most `limit`
    /// bytes of body. Each redirect target must pass the first URL's rule
    /// (https; plain http only on loopback), and a remote server cannot
    /// redirect to this machine's loopback.
    pub fn get(&self, url: &str, limit: u64) -> Result<Answer, String> {
        let from_loopback = is_loopback_url(url);
        let mut url = url.to_owned();
        for _ in 0..=MAX_REDIRECTS {
            self.admit(&url)?;
            let answer = self.get_once(&url, limit)?;
            let Some(location) = answer
                .location
                .as_deref()
                .filter(|_| matches!(answer.status, 301 | 302 | 303 | 307 | 308))
            else {
                return Ok(answer);
            };
            let next = join(&url, location);
            if is_loopback_url(&next) && !from_loopback {
                return Err(format!(
                    "{} redirects to {}, this machine's loopback, which a remote server may not",
                    shown(&url),
                    shown(&next)
                ));
            }
            url = next;
        }
        Err(format!(
            "{} redirects more than {MAX_REDIRECTS} times",
            shown(&url)
        ))
    }

    fn get_once(&self, url: &str, limit: u64) -> Result<Answer, String> {
        let loopback = is_loopback_url(url);
        if !(url.starts_with("https://") || loopback && url.starts_with("http://")) {
            return Err(format!(
                "{} is not https (plain http is only allowed to this machine's loopback)",
                shown(url)
            ));
        }
        let agent = if loopback {
            &self.loopback
        } else {
            &self.remote
        };
        let mut response = agent
            .get(url)
            .call()
            .map_err(|e| format!("GET {} failed: {}", shown(url), scrub(&e.to_string(), url)))?;
        let status = response.status().as_u16();
        let terraform_get = response
            .headers()
            .get("X-Terraform-Get")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let location = response
            .headers()
            .get("Location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let mut body = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(limit + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("reading {} failed: {e}", shown(url)))?;
        if body.len() as u64 > limit {
            return Err(format!(
                "{} is larger than the {limit} byte limit",
                shown(url)
            ));
        }
        Ok(Answer {
            status,
            terraform_get,
            location,
            body,
        })
    }
}

/// `scheme://host:port` and the host alone, when `url` has a scheme.
fn authority(url: &str) -> Option<(&str, &str)> {
    let i = url.find("://")?;
    let rest = &url[i + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let auth = &rest[..end];
    let host_port = auth.rsplit('@').next().unwrap_or(auth);
    let host = if let Some(h) = host_port.strip_prefix('[') {
        h.split(']').next().unwrap_or(h)
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    Some((&url[..i + 3 + end], host))
}

/// The host (lower case) and port a URL names, the port defaulting to its
/// scheme's; git's `user@host:path` form is ssh (port 22).
pub fn host_port(url: &str) -> Option<(String, u16)> {
    let Some(i) = url.find("://") else {
        let (auth, _) = url.split_once(':')?;
        let host = auth.rsplit('@').next().unwrap_or(auth);
        return (!host.is_empty() && !host.contains('/')).then(|| (host.to_ascii_lowercase(), 22));
    };
    let default = match &url[..i] {
        "https" => 443,
        "http" => 80,
        "ssh" => 22,
        _ => return None,
    };
    let rest = &url[i + 3..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host_port = rest[..end].rsplit('@').next().unwrap_or("");
    let (host, port) = match host_port.strip_prefix('[') {
        Some(h) => {
            let (h, after) = h.split_once(']')?;
            (h, after.strip_prefix(':'))
        }
        None => match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        },
    };
    let port = match port {
        Some(p) => p.parse().ok()?,
        None => default,
    };
    (!host.is_empty()).then(|| (host.to_ascii_lowercase(), port))
}

/// True when the URL's host is this machine (127.0.0.0/8, ::1, localhost).
pub fn is_loopback_url(url: &str) -> bool {
    let Some((_, host)) = authority(url) else {
        return false;
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The URL for messages: no `user:password@`, no query values (presigned
/// links carry their signature there).
pub fn shown(url: &str) -> String {
    let mut s = url.to_owned();
    if let Some(i) = s.find("://") {
        let rest_start = i + 3;
        let end = s[rest_start..]
            .find(['/', '?', '#'])
            .map_or(s.len(), |e| rest_start + e);
        if let Some(at) = s[rest_start..end].rfind('@') {
            s.replace_range(rest_start..rest_start + at + 1, "");
        }
    }
    if let Some(q) = s.find('?') {
        let names: Vec<String> = s[q + 1..]
            .split('&')
            .map(|p| match p.split_once('=') {
                Some(("ref", v)) => format!("ref={v}"),
                Some((k, _)) => format!("{k}=…"),
                None => p.to_owned(),
            })
            .collect();
        s = format!("{}?{}", &s[..q], names.join("&"));
    }
    s
}

/// `text` with every occurrence of `url` shown as [`shown`] shows it.
pub fn scrub(text: &str, url: &str) -> String {
    text.replace(url, &shown(url))
}

/// Resolves `location` (absolute, `/path`, or relative) against `base`.
pub fn join(base: &str, location: &str) -> String {
    if location.contains("://") || location.contains("::") {
        return location.to_owned();
    }
    let Some((origin, _)) = authority(base) else {
        return location.to_owned();
    };
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = base[origin.len()..].split(['?', '#']).next().unwrap_or("");
    let mut segments: Vec<&str> = path.split('/').collect();
    segments.pop();
    let (loc, query) = location
        .split_once('?')
        .map_or((location, None), |(l, q)| (l, Some(q)));
    for part in loc.split('/') {
        match part {
            "." => {}
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
            }
            p => segments.push(p),
        }
    }
    let mut out = format!("{origin}{}", segments.join("/"));
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        assert!(is_loopback_url("http://127.0.0.1:9/x"));
        assert!(is_loopback_url("http://localhost/x"));
        assert!(is_loopback_url("http://[::1]:80/x"));
        assert!(!is_loopback_url("http://10.0.0.1/x"));
        assert!(!is_loopback_url("http://127.0.0.1.example.com/x"));
    }

    /// A loopback server answering `path` with a status and a Location.
    fn redirecting_server(routes: &'static [(&'static str, &'static str)]) -> u16 {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(&stream);
                let mut line = String::new();
                let _ = reader.read_line(&mut line);
                let path = line.split(' ').nth(1).unwrap_or("").to_owned();
                let answer = match routes.iter().find(|(p, _)| *p == path) {
                    Some((_, to)) => {
                        format!("HTTP/1.0 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n")
                    }
                    None => "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok".to_owned(),
                };
                let _ = (&stream).write_all(answer.as_bytes());
            }
        });
        port
    }

    #[test]
    fn redirects_are_followed_and_each_target_is_checked() {
        let port = redirecting_server(&[
            ("/relative", "/final"),
            ("/plain", "http://192.0.2.1/x.tgz"),
            ("/loop", "/loop"),
        ]);
        let client = Client::new(None);
        let base = format!("http://127.0.0.1:{port}");
        let ok = client
            .get(&format!("{base}/relative"), 100)
            .expect("followed");
        assert_eq!((ok.status, ok.body.as_slice()), (200, b"ok".as_slice()));
        let plain = client
            .get(&format!("{base}/plain"), 100)
            .err()
            .unwrap_or_default();
        assert!(
            plain.contains("http://192.0.2.1/x.tgz is not https"),
            "{plain}"
        );
        let looped = client
            .get(&format!("{base}/loop"), 100)
            .err()
            .unwrap_or_default();
        assert!(looped.contains("redirects more than 5 times"), "{looped}");
    }

    #[test]
    fn a_redirect_to_a_host_outside_the_allow_list_is_not_followed() {
        let port = redirecting_server(&[("/away", "http://localhost/x.tgz")]);
        let hosts = AllowedHosts::parse(&["127.0.0.1"]).expect("hosts");
        let client = Client::new(Some(hosts));
        let refused = client
            .get(&format!("http://127.0.0.1:{port}/away"), 100)
            .err()
            .unwrap_or_default();
        assert!(
            refused.contains(
                "the host localhost (http://localhost/x.tgz) is not an allowed module host"
            ),
            "{refused}"
        );
        let seen = client.take_seen();
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            [format!("127.0.0.1:{port}")]
        );
    }

    #[test]
    fn hosts_and_ports_of_urls() {
        let hp = |u: &str| host_port(u).map(|(h, p)| format!("{h}:{p}"));
        assert_eq!(
            hp("https://GitHub.com/a").as_deref(),
            Some("github.com:443")
        );
        assert_eq!(
            hp("http://u:p@127.0.0.1:8080/x?y").as_deref(),
            Some("127.0.0.1:8080")
        );
        assert_eq!(
            hp("ssh://git@host.example:2222/r.git").as_deref(),
            Some("host.example:2222")
        );
        assert_eq!(
            hp("git@github.com:acme/r.git").as_deref(),
            Some("github.com:22")
        );
        assert_eq!(hp("http://[::1]:9/x").as_deref(), Some("::1:9"));
        assert_eq!(hp("file:///etc/passwd"), None);
    }

    #[test]
    fn credentials_never_shown() {
        assert_eq!(
            shown("https://bob:s3cret@example.com/a.zip?X-Amz-Signature=abc&ref=v1"),
            "https://example.com/a.zip?X-Amz-Signature=…&ref=v1"
        );
    }

    #[test]
    fn relative_locations() {
        let base = "http://127.0.0.1:5/v1/modules/a/b/c/1.0.0/download";
        assert_eq!(join(base, "/files/x.tgz"), "http://127.0.0.1:5/files/x.tgz");
        assert_eq!(
            join(base, "./x.tgz?archive=tgz"),
            "http://127.0.0.1:5/v1/modules/a/b/c/1.0.0/x.tgz?archive=tgz"
        );
        assert_eq!(
            join(base, "../x.tgz"),
            "http://127.0.0.1:5/v1/modules/a/b/c/x.tgz"
        );
        assert_eq!(join(base, "git::https://h/r.git"), "git::https://h/r.git");
    }
}
