//! Reads the names of the functions tfward implements from the `match` in
//! `src/terraform/functions.rs` (`fn spec`), so the function target and the
//! HCL generator call every function the library has, new ones included.
//! Writes `$OUT_DIR/function_names.rs`.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let source = manifest.join("../src/terraform/functions.rs");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).expect("src/terraform/functions.rs is readable");
    let body = text
        .split_once("\nfn spec(")
        .map(|(_, rest)| rest.split_once("\n}\n").map_or(rest, |(b, _)| b))
        .expect("functions.rs has `fn spec(`");
    let mut names = Vec::new();
    for line in body.lines() {
        let line = line.trim_start();
        // A match arm: `"name" => ...` or `"a" | "b" => ...`.
        let Some((pattern, _)) = line.split_once("=>") else {
            continue;
        };
        let alternatives: Vec<&str> = pattern.split('|').map(str::trim).collect();
        if alternatives.iter().all(|a| is_name_literal(a)) {
            names.extend(alternatives.iter().map(|a| a.trim_matches('"').to_owned()));
        }
    }
    assert!(
        names.len() > 100,
        "found only {} function names",
        names.len()
    );
    let out = format!(
        "/// Every function name `tfward::terraform::functions::call` implements.\npub const FUNCTION_NAMES: &[&str] = &{names:?};\n"
    );
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("function_names.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn is_name_literal(s: &str) -> bool {
    s.len() > 2
        && s.starts_with('"')
        && s.ends_with('"')
        && s[1..s.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
