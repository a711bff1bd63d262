use regorus::languages::rego::compiler::Compiler;
use regorus::Engine;
use tfward::policy::PolicySet;
fn main() {
    let set = PolicySet::embedded().unwrap();
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(false);
    for f in set.libs.iter().chain(set.policies.iter().map(|p| &p.file)) {
        engine.add_policy(f.display.clone(), f.text.to_string()).unwrap();
    }
    let rules: Vec<String> = set.policies.iter().map(|p| format!("data.{}.deny", p.package)).collect();
    let entry: Vec<&str> = rules.iter().map(String::as_str).collect();
    let first: regorus::Rc<str> = entry[0].into();
    let compiled = match engine.compile_with_entrypoint(&first) { Ok(c) => c, Err(e) => { eprintln!("compile_with_entrypoint: {e}"); return; } };
    match Compiler::compile_from_policy(&compiled, &entry) {
        Ok(p) => {
            eprintln!("program ok: {} entry points of {}", p.entry_points.len(), entry.len());
            let names: Vec<&String> = p.entry_points.keys().collect();
            for (i,(a,b)) in names.iter().zip(&entry).enumerate() { if a.as_str()!=*b { eprintln!("order differs at {i}: {a} vs {b}"); break; } }
        }
        Err(e) => {
            eprintln!("whole set fails: {e}");
            for r in &entry { if let Err(e) = Compiler::compile_from_policy(&compiled, &[r]) { eprintln!("FAIL {r}: {}", e.to_string().lines().next().unwrap_or("")); } }
        }
    }
}
