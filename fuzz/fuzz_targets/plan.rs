//! Raw bytes as a plan or state file: the loader, the diff, cost and the
//! whole `tfward scan plan.json` path with every report format.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::plan, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::plan(data));
