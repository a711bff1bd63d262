//! `tfward init`: a commented starter tfward.toml.

use crate::cli::InitArgs;
use crate::config;
use crate::error::{ExitStatus, Fatal};
use std::io::Write as _;

use super::output::emit;

pub(crate) fn init_command(args: &InitArgs) -> Result<ExitStatus, Fatal> {
    let path = args.dir.join(config::FILE_NAME);
    if path.exists() {
        return Err(Fatal(format!(
            "{} already exists; tfward init never overwrites it",
            path.display()
        )));
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| Fatal(format!("cannot create {}: {e}", path.display())))?;
    file.write_all(config::STARTER.as_bytes())
        .map_err(|e| Fatal(format!("cannot write {}: {e}", path.display())))?;
    emit(&format!("wrote {}\n", path.display()), None)?;
    Ok(ExitStatus::Clean)
}
