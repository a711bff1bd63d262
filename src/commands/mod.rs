//! The subcommands: one file each, wiring the pipeline's stages (discover,
//! load, model, evaluate, analyse, render) for its job. `run` dispatches;
//! every command returns the exit status or a [`Fatal`] error.

pub mod baseline;
pub mod diff;
pub mod drift;
pub mod init;
pub mod input;
pub mod merge;
pub mod output;
pub mod policy;
pub mod policy_test;
pub mod prepare;
pub mod report;
pub mod scan;

pub use output::{emit, exit_status, output_plan, report_fatal};
pub use prepare::{compile, load_all_policies, load_policies, load_usage};

use crate::cli::{BaselineCommand, Cli, Command, PolicyCommand, PricesCommand};
use crate::error::{ExitStatus, Fatal};

use self::baseline::baseline_create;
use self::diff::diff_command;
use self::drift::drift_command;
use self::init::init_command;
use self::input::input_command;
use self::merge::merge_command;
use self::policy::{policy_explain, policy_list};
use self::report::report_command;
use self::scan::scan_command;

pub fn run(cli: Cli) -> Result<ExitStatus, Fatal> {
    match cli.command {
        Command::Scan(args) => scan_command(*args),
        Command::Input(args) => input_command(*args),
        Command::Drift(args) => drift_command(args),
        Command::Report(args) => report_command(args),
        Command::Policy(PolicyCommand::List { policies, format }) => policy_list(&policies, format),
        Command::Policy(PolicyCommand::Explain { id, policies }) => policy_explain(&id, &policies),
        Command::Policy(PolicyCommand::Test {
            dirs,
            format,
            vm,
            policy_timeout,
        }) => crate::commands::policy_test::run(&dirs, format, vm, policy_timeout),
        Command::Init(args) => init_command(&args),
        Command::Baseline(BaselineCommand::Create(args)) => baseline_create(&args),
        Command::Diff(args) => diff_command(&args),
        Command::Merge(args) => merge_command(&args),
        Command::Prices(PricesCommand::Import(args)) => {
            let date = args.date.clone().unwrap_or_else(self::report::today);
            let line = crate::report::prices::import(
                &args.files,
                args.base.as_deref(),
                &args.output,
                &date,
            )
            .map_err(Fatal)?;
            emit(&line, None).map(|()| ExitStatus::Clean)
        }
    }
}

/// Sets up the global worker pool. Worker stacks are large so deeply nested
/// (but accepted) input cannot overflow them.
pub fn init_threads(threads: Option<usize>) {
    let mut b = rayon::ThreadPoolBuilder::new().stack_size(64 * 1024 * 1024);
    if let Some(n) = threads.filter(|&n| n > 0) {
        b = b.num_threads(n);
    }
    // Fails only when already initialised (tests, benches): keep that pool.
    let _ = b.build_global();
}
