//! Policy METADATA (src/policy/metadata.rs): the text as a whole policy
//! file, and the same text as the YAML of a `# METADATA` comment block
//! above a package line.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The body is tfward_fuzz::targets::metadata, which the stable fuzz smoke of CI
// (tests/it/fuzz_smoke.rs) runs too.
fuzz_target!(|data: &[u8]| tfward_fuzz::targets::metadata(data));
