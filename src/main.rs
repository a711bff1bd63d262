//! The `tfward` binary: parse the command line, run, map the result to an
//! exit code.

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = tfward::cli::Cli::parse_ordered();
    match tfward::commands::run(cli) {
        Ok(status) => ExitCode::from(status as u8),
        Err(fatal) => {
            tfward::commands::report_fatal(&fatal);
            ExitCode::from(tfward::error::ExitStatus::Error as u8)
        }
    }
}
