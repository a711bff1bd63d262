//! Raw bytes as a plan or state file: the loader, the diff, cost and the
//! whole `tfward scan plan.json` path with every report format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tfward_fuzz::pipeline;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        pipeline::analyse_plan(text);
    }
    pipeline::scan_dir(&[("plan.json", data)]);
});
