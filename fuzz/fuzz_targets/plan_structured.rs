//! Generated plan and state documents (fuzz/src/plan_gen.rs), compact or
//! pretty-printed, through the loader, the diff, cost and the scan with
//! every report format.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use tfward_fuzz::{pipeline, plan_gen};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(doc) = plan_gen::document(&mut u) else {
        return;
    };
    let text = if u.arbitrary().unwrap_or(false) {
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    } else {
        doc.to_string()
    };
    tfward_fuzz::show(&|| text.clone());
    pipeline::analyse_plan(&text);
    pipeline::scan_dir(&[("plan.json", text.as_bytes())]);
});
