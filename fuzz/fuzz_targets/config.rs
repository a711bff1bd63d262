//! tfward.toml (src/config.rs): raw text and generated settings
//! (fuzz/src/config_gen.rs) through `Config::parse`, the policy id check
//! against the built-in policies, the data policies see, and the rendered
//! error.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use tfward::config::Config;
use tfward::policy::PolicySet;
use tfward_fuzz::{config_gen, pipeline};

fn set() -> &'static PolicySet {
    static SET: OnceLock<PolicySet> = OnceLock::new();
    SET.get_or_init(|| PolicySet::embedded().expect("the embedded policies load"))
}

fn check(text: &str) {
    match Config::parse("tfward.toml", text, pipeline::sandbox()) {
        Ok(mut c) => {
            let _ = c.policy_data();
            if let Err(e) = c.check_ids(|id| set().resolve_id(id).map(|p| p.meta.id.clone())) {
                let _ = e.render();
            }
        }
        Err(e) => {
            let _ = e.render();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // A leading NUL (never in a real tfward.toml) asks for a generated
    // file; anything else is the file's text as it is.
    match data.split_first() {
        Some((0, rest)) => {
            let mut u = Unstructured::new(rest);
            if let Ok(text) = config_gen::config(&mut u) {
                tfward_fuzz::show(&|| text.clone());
                check(&text);
            }
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(data) {
                check(text);
            }
        }
    }
});
