//! Generated Terraform projects (fuzz/src/hcl_gen.rs) through parse,
//! module evaluation and the input document; one input in four also
//! through the built-in policies (12 ms a run, against 1 ms without).
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use tfward_fuzz::{hcl_gen, pipeline};

fuzz_target!(|data: &[u8]| {
    let Some((mode, data)) = data.split_first() else {
        return;
    };
    let mut u = Unstructured::new(data);
    let Ok(program) = hcl_gen::program(&mut u) else {
        return;
    };
    tfward_fuzz::show(&|| {
        let mut s = String::new();
        for (path, text) in &program.files {
            s.push_str(&format!("--- {path}\n{text}\n"));
        }
        s.push_str(&format!(
            "--- vars {:?}\n",
            hcl_gen::describe_inputs(&program.inputs)
        ));
        s
    });
    pipeline::scan_config(&program.files, &program.inputs, mode % 4 == 0);
});
