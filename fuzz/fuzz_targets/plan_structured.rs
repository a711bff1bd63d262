//! Generated plan and state documents (fuzz/src/plan_gen.rs), compact or
//! pretty-printed, through the loader, the diff, cost and the scan with
//! every report format.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::plan_structured, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::plan_structured(data));
