//! Every function of the library by name, with arbitrary arguments
//! (fuzz/src/values.rs): no panic, no runaway result.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::functions, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::functions(data));
