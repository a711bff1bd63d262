//! The `tfward` binary: parse the command line, run, map the result to an
//! exit code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = tfward::cli::Cli::parse();
    match tfward::app::run(cli) {
        Ok(status) => ExitCode::from(status as u8),
        Err(fatal) => {
            tfward::app::report_fatal(&fatal);
            ExitCode::from(tfward::app::ExitStatus::Error as u8)
        }
    }
}
