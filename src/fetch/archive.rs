//! Unpacking module archives (tar, tar.gz, zip) from untrusted sources:
//! every entry's path is checked before anything is written. An entry
//! that is absolute, climbs out with `..`, or is a link refuses the whole
//! archive; the unpacked size and the number of files are capped.

use std::io::{Cursor, Read};
use std::path::{Component, Path, PathBuf};

use super::source::ArchiveKind;

/// The most bytes an archive may unpack to.
pub const MAX_UNPACKED: u64 = 512 * 1024 * 1024;
/// The most entries an archive may hold.
pub const MAX_ENTRIES: usize = 20_000;

/// Unpacks `bytes` into `dest` (which exists and is empty).
pub fn unpack(bytes: &[u8], kind: ArchiveKind, dest: &Path) -> Result<(), String> {
    match kind {
        ArchiveKind::TarGz => unpack_tar(flate2::read::GzDecoder::new(Cursor::new(bytes)), dest),
        ArchiveKind::Tar => unpack_tar(Cursor::new(bytes), dest),
        ArchiveKind::Zip => unpack_zip(bytes, dest),
    }
}

/// The archive kind the first bytes say, for downloads without an extension.
pub fn sniff(bytes: &[u8]) -> Option<ArchiveKind> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(ArchiveKind::TarGz)
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(ArchiveKind::Zip)
    } else if bytes.len() > 262 && &bytes[257..262] == b"ustar" {
        Some(ArchiveKind::Tar)
    } else {
        None
    }
}

/// `name` as a path below `dest`, or why it may not be written.
fn inside(dest: &Path, name: &Path) -> Result<Option<PathBuf>, String> {
    let mut out = dest.to_path_buf();
    let mut any = false;
    for c in name.components() {
        match c {
            Component::Normal(p) => {
                out.push(p);
                any = true;
            }
            Component::CurDir => {}
            _ => {
                return Err(format!(
                    "the archive entry \"{}\" points outside the module (absolute or `..`); the archive is refused",
                    name.display()
                ))
            }
        }
    }
    Ok(any.then_some(out))
}

struct Budget {
    bytes: u64,
    entries: usize,
}

impl Budget {
    fn new() -> Budget {
        Budget {
            bytes: MAX_UNPACKED,
            entries: MAX_ENTRIES,
        }
    }

    fn entry(&mut self) -> Result<(), String> {
        if self.entries == 0 {
            return Err(format!("the archive holds more than {MAX_ENTRIES} entries"));
        }
        self.entries -= 1;
        Ok(())
    }

    fn write(&mut self, mut from: impl Read, to: &Path) -> Result<(), String> {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let mut file =
            std::fs::File::create(to).map_err(|e| format!("cannot write {}: {e}", to.display()))?;
        let mut limited = (&mut from).take(self.bytes + 1);
        let n = std::io::copy(&mut limited, &mut file)
            .map_err(|e| format!("the archive is damaged: {e}"))?;
        if n > self.bytes {
            return Err(format!(
                "the archive unpacks to more than {MAX_UNPACKED} bytes"
            ));
        }
        self.bytes -= n;
        Ok(())
    }
}

fn unpack_tar(reader: impl Read, dest: &Path) -> Result<(), String> {
    let mut archive = tar::Archive::new(reader);
    let mut budget = Budget::new();
    let entries = archive
        .entries()
        .map_err(|e| format!("not a tar archive: {e}"))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("the archive is damaged: {e}"))?;
        budget.entry()?;
        let name = entry
            .path()
            .map_err(|e| format!("an archive entry has a bad name: {e}"))?
            .into_owned();
        let kind = entry.header().entry_type();
        if kind.is_symlink() || kind.is_hard_link() {
            return Err(format!(
                "the archive entry \"{}\" is a link; module archives with links are refused",
                name.display()
            ));
        }
        let Some(target) = inside(dest, &name)? else {
            continue;
        };
        if kind.is_dir() {
            std::fs::create_dir_all(&target)
                .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
        } else if kind.is_file() || kind == tar::EntryType::Continuous {
            budget.write(entry, &target)?;
        }
        // Devices, fifos and pax headers are not module files: skipped.
    }
    Ok(())
}

fn unpack_zip(bytes: &[u8], dest: &Path) -> Result<(), String> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip archive: {e}"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!("the archive holds more than {MAX_ENTRIES} entries"));
    }
    let mut budget = Budget::new();
    for i in 0..archive.len() {
        let file = archive
            .by_index(i)
            .map_err(|e| format!("the archive is damaged: {e}"))?;
        budget.entry()?;
        let name = file
            .name()
            .map_err(|e| format!("an archive entry has a bad name: {e}"))?
            .replace('\\', "/");
        let name = PathBuf::from(name);
        if file.is_symlink() {
            return Err(format!(
                "the archive entry \"{}\" is a link; module archives with links are refused",
                name.display()
            ));
        }
        let Some(target) = inside(dest, &name)? else {
            continue;
        };
        if file.is_dir() {
            std::fs::create_dir_all(&target)
                .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
        } else {
            budget.write(file, &target)?;
        }
    }
    Ok(())
}
