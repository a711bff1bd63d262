//! Policy METADATA (src/policy/metadata.rs): the text as a whole policy
//! file, and the same text as the YAML of a `# METADATA` comment block
//! above a package line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tfward::policy::metadata;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = metadata::parse(text);
    let _ = metadata::extract_block(text);
    let _ = metadata::package_of(text);
    let _ = metadata::valid_id(text);
    let mut policy = String::from("# METADATA\n");
    for line in text.lines() {
        policy.push_str("# ");
        policy.push_str(line);
        policy.push('\n');
    }
    policy.push_str("package tfward.fuzz\n\ndeny contains x if { x := 1; false }\n");
    if let Ok(meta) = metadata::parse(&policy) {
        let _ = metadata::valid_id(&meta.id);
    }
});
