//! The hosts modules may be downloaded from (`--module-host`, tfward.toml
//! `module_hosts`). Every URL tfward or git fetches is checked: the
//! source's own, service discovery's, every `X-Terraform-Get` location and
//! every redirect target, so a registry cannot hand the download to a
//! host the list leaves out.

use super::http;

/// An allow-list of hosts. An entry is `host` (any port), `host:port`, or
/// `*.domain` (the domain's subdomains, any port); names compare without
/// case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedHosts {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Host { name: String, port: Option<u16> },
    Subdomains(String),
}

impl AllowedHosts {
    /// The list from its entries, or the first entry that is not a host.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<AllowedHosts, String> {
        let entries = entries
            .iter()
            .map(|e| parse_entry(e.as_ref()))
            .collect::<Result<_, _>>()?;
        Ok(AllowedHosts { entries })
    }

    /// Whether `host` (lower case) on `port` may be fetched from.
    pub fn allows(&self, host: &str, port: u16) -> bool {
        self.entries.iter().any(|e| match e {
            Entry::Host { name, port: want } => name == host && want.is_none_or(|w| w == port),
            Entry::Subdomains(domain) => host
                .strip_suffix(domain.as_str())
                .is_some_and(|rest| !rest.is_empty()),
        })
    }

    /// Ok when the URL's host is allowed, else a message naming the host.
    pub fn check(&self, url: &str) -> Result<(), String> {
        let Some((host, port)) = http::host_port(url) else {
            return Err(format!(
                "{} names no host, and module downloads are limited to the allowed hosts",
                http::shown(url)
            ));
        };
        if self.allows(&host, port) {
            return Ok(());
        }
        Err(format!(
            "the host {host} ({}) is not an allowed module host (--module-host, tfward.toml module_hosts)",
            http::shown(url)
        ))
    }
}

/// `--module-host HOST`: one entry, checked as the list checks it.
pub fn parse_flag(s: &str) -> Result<String, String> {
    parse_entry(s).map(|_| s.trim().to_ascii_lowercase())
}

fn parse_entry(raw: &str) -> Result<Entry, String> {
    let s = raw.trim().to_ascii_lowercase();
    let bad =
        || format!("{raw:?} is not a host: write example.com, example.com:8443 or *.example.com");
    if let Some(domain) = s.strip_prefix("*.") {
        if !is_name(domain) {
            return Err(bad());
        }
        return Ok(Entry::Subdomains(format!(".{domain}")));
    }
    let (name, port) = match s.rsplit_once(':') {
        Some((n, p)) if !n.contains(':') => (n, Some(p.parse::<u16>().map_err(|_| bad())?)),
        _ => (s.as_str(), None),
    };
    if !is_name(name) {
        return Err(bad());
    }
    Ok(Entry::Host {
        name: name.to_owned(),
        port,
    })
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(['.', '-'])
        && !s.ends_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_ports_and_subdomains() {
        let list =
            AllowedHosts::parse(&["Registry.Terraform.io", "127.0.0.1:8080", "*.acme.example"])
                .expect("valid");
        assert!(list
            .check("https://registry.terraform.io/.well-known/terraform.json")
            .is_ok());
        assert!(list.check("https://registry.terraform.io:444/x").is_ok());
        assert!(list.check("http://127.0.0.1:8080/x").is_ok());
        assert!(list.check("git@git.acme.example:team/repo.git").is_ok());
        assert!(list
            .check("ssh://git@code.eu.acme.example:2222/r.git")
            .is_ok());
        let refused = list
            .check("http://127.0.0.1:9090/x")
            .expect_err("other port");
        assert!(
            refused.contains("the host 127.0.0.1 (http://127.0.0.1:9090/x)"),
            "{refused}"
        );
        assert!(list.check("http://127.0.0.1/x").is_err());
        assert!(list.check("https://127.0.0.1:8080/x").is_ok());
        assert!(list.check("https://acme.example/x").is_err());
        assert!(list.check("https://evilacme.example/x").is_err());
        assert!(list
            .check("https://registry.terraform.io.evil.example/x")
            .is_err());
    }

    #[test]
    fn entries_that_are_not_hosts_are_refused() {
        for bad in [
            "",
            "https://github.com",
            "github.com/acme",
            "*.",
            "h:99999",
            "a b",
        ] {
            assert!(parse_flag(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(parse_flag(" GitHub.com ").as_deref(), Ok("github.com"));
    }
}
