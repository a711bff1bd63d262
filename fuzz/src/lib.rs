//! Shared code of tfward's fuzz targets: the generators that turn the
//! fuzzer's bytes into HCL projects, plan and state documents, function
//! arguments and tfward.toml files, and the scan path they are fed through.
//! See fuzz/README.md.

pub mod config_gen;
pub mod dict;
pub mod hcl_gen;
pub mod pipeline;
pub mod plan_gen;
pub mod targets;
pub mod values;

/// With `TFWARD_FUZZ_SHOW` set, a target prints the input it generated
/// (run the target binary on one file to see what a crash input means).
pub fn show(what: &dyn Fn() -> String) {
    if std::env::var_os("TFWARD_FUZZ_SHOW").is_some() {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("{}", what());
        }
    }
}
