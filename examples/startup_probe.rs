use std::time::Instant;
use tfward::policy::engine::{Compiled, EngineOptions};
use tfward::policy::PolicySet;
fn main() {
    let t = Instant::now();
    let files = tfward::policy::embedded_files();
    eprintln!("embedded_files: {:?} ({} files)", t.elapsed(), files.len());
    let t = Instant::now();
    let set = PolicySet::embedded().unwrap();
    eprintln!("PolicySet::embedded (parse metadata): {:?}", t.elapsed());
    let t = Instant::now();
    let c = Compiled::new(&set, &EngineOptions::default()).unwrap();
    eprintln!("Compiled::new: {:?} vm={} on_vm={}", t.elapsed(), c.uses_vm(), c.policies_on_vm());
}
