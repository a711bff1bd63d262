//! tfward.toml (src/config.rs): raw text and generated settings
//! (fuzz/src/config_gen.rs) through `Config::parse`, the policy id check
//! against the built-in policies, the data policies see, and the rendered
//! error.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::config, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::config(data));
