//! Generated Terraform projects (fuzz/src/hcl_gen.rs) through parse,
//! module evaluation and the input document; one input in four also
//! through the built-in policies (12 ms a run, against 1 ms without).
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::hcl_structured, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::hcl_structured(data));
