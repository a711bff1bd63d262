//! Lexical path arithmetic shared by every stage: one normaliser, so module
//! sources, plan configurations and file functions agree on what `a/../b`
//! is (`b`), however the scan was started (`.`, a relative or an absolute
//! path).

use std::path::{Component, Path, PathBuf};

/// `a/./b/../c` -> `a/c`, without touching the file system. A `..` that
/// climbs above a relative path's start is kept (`../m` stays `../m`,
/// `a/../../m` is `../m`); above the root it is dropped (`/..` is `/`). The
/// empty result is `.`.
pub fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                Some(Component::ParentDir | Component::CurDir) | None => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalise(Path::new(s)).to_string_lossy().into_owned()
    }

    #[test]
    fn resolves_parents_lexically() {
        assert_eq!(n("envs/prod/../../modules/bucket"), "modules/bucket");
        assert_eq!(n("a/b/./../c"), "a/c");
        assert_eq!(n("./a/.."), ".");
        assert_eq!(n("."), ".");
        assert_eq!(n(""), ".");
    }

    #[test]
    fn keeps_parents_above_a_relative_start() {
        assert_eq!(n("../m"), "../m");
        assert_eq!(n("a/../../m"), "../m");
        assert_eq!(n("../../x/../y"), "../../y");
        assert_eq!(n("./../m/./"), "../m");
    }

    #[test]
    fn drops_parents_above_the_root() {
        assert_eq!(n("/../a"), "/a");
        assert_eq!(n("/x/../../a/b/.."), "/a");
    }
}
