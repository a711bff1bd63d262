//! Raw bytes as a `main.tf` (or `main.tf.json` when they start with `{`)
//! in an otherwise empty directory, scanned as `tfward scan DIR` does and
//! rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tfward_fuzz::pipeline;

fuzz_target!(|data: &[u8]| {
    let name = if data.first() == Some(&b'{') {
        "main.tf.json"
    } else {
        "main.tf"
    };
    pipeline::scan_dir(&[(name, data)]);
});
