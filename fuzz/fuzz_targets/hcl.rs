//! Raw bytes as a `main.tf` (or `main.tf.json` when they start with `{`)
//! in an otherwise empty directory, scanned as `tfward scan DIR` does and
//! rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::hcl, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::hcl(data));
