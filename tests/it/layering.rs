//! The module layering, written once: the pipeline's stages from the
//! foundation up to the commands. A module may use modules of its own layer
//! or below, never above, and the `use crate::` graph has no cycle. Read from
//! the source text, so a new upward import fails here with the line to fix.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::root;

/// Lowest first. A top-level module of src/ (or `analyse::x` where one part
/// of a module sits lower than the rest: the pricing and diff functions the
/// model stage needs) and its layer.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundation",
        &[
            "paths",
            "date",
            "source",
            "diagnostic",
            "error",
            "progress",
            "finding",
            "tool",
        ],
    ),
    ("settings", &["config", "shard"]),
    (
        "terraform and plan formats",
        &["terraform", "plan", "state_v3"],
    ),
    ("discover", &["discover"]),
    ("load", &["load", "fetch"]),
    (
        "pure analysis of plans",
        &["analyse::cost", "analyse::diff", "analyse::drift"],
    ),
    ("model", &["model"]),
    ("policies", &["policy"]),
    ("evaluate", &["evaluate"]),
    ("suppress and baseline", &["suppress", "baseline"]),
    ("pipeline", &["pipeline"]),
    ("analyse", &["analyse"]),
    ("render", &["report"]),
    ("edges", &["compare", "cli"]),
    ("commands", &["commands"]),
];

/// The layer node a module path belongs to: `analyse::cost::x` ->
/// `analyse::cost`, `report::human` -> `report`.
fn node(path: &str) -> Option<&'static str> {
    let mut best: Option<&'static str> = None;
    for (_, modules) in LAYERS {
        for m in *modules {
            let hit = path == *m || path.starts_with(&format!("{m}::"));
            if hit && best.is_none_or(|b| m.len() > b.len()) {
                best = Some(m);
            }
        }
    }
    best
}

fn layer_of(node: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&node))
        .unwrap_or(usize::MAX)
}

/// The module path of a source file: src/analyse/cost/usage.rs ->
/// analyse::cost::usage; src/report/mod.rs -> report.
fn module_of(rel: &str) -> String {
    let rel = rel.trim_end_matches(".rs");
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    rel.replace('/', "::")
}

/// Every `crate::a::b` path a file names: in `use` lines (with brace
/// groups) and inline.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let tail = &rest[at + 7..];
            if tail.starts_with('{') {
                // use crate::{a, b::c}: each group member.
                let end = tail.find('}').unwrap_or(tail.len());
                for part in tail[1..end].split(',') {
                    let p: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    if !p.is_empty() {
                        out.push((n + 1, p));
                    }
                }
                rest = &tail[end..];
            } else {
                let p: String = tail
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                out.push((n + 1, p.trim_end_matches(':').to_owned()));
                rest = tail;
            }
        }
    }
    out
}

#[test]
fn modules_import_only_their_layer_or_below_and_form_no_cycle() {
    let src = root().join("src");
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut upward = Vec::new();
    let mut unplaced = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.expect("walk");
        let rel = entry
            .path()
            .strip_prefix(&src)
            .expect("below src")
            .to_string_lossy()
            .replace('\\', "/");
        if !rel.ends_with(".rs") || rel == "lib.rs" || rel == "main.rs" {
            continue;
        }
        let module = module_of(&rel);
        let Some(from) = node(&module) else {
            unplaced.insert(module);
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).expect("read");
        for (line, path) in crate_paths(&text) {
            let Some(to) = node(&path) else {
                unplaced.insert(path);
                continue;
            };
            if to == from {
                continue;
            }
            if layer_of(to) > layer_of(from) {
                upward.push(format!(
                    "src/{rel}:{line}: {from} ({}) uses {to} ({}), a higher layer",
                    LAYERS[layer_of(from)].0,
                    LAYERS[layer_of(to)].0
                ));
            }
            edges.entry(from).or_default().insert(to);
        }
    }
    assert!(
        unplaced.is_empty(),
        "modules not placed in a layer (add them to LAYERS in tests/it/layering.rs): {unplaced:?}"
    );
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
    // Same-layer modules may use each other, but not in a circle.
    fn visit<'a>(
        n: &'a str,
        edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = stack.iter().position(|s| *s == n) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(n);
            return Some(cycle);
        }
        if !done.insert(n) {
            return None;
        }
        stack.push(n);
        for next in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, edges, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    for n in edges.keys() {
        if let Some(cycle) = visit(n, &edges, &mut Vec::new(), &mut done) {
            panic!("module cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_layering_reader_sees_use_groups_and_inline_paths() {
    let text =
        "use crate::{finding::Finding, report};\nlet x = crate::analyse::cost::money(1.0);\n";
    let paths: Vec<String> = crate_paths(text).into_iter().map(|(_, p)| p).collect();
    assert_eq!(
        paths,
        ["finding::Finding", "report", "analyse::cost::money"]
    );
    assert_eq!(node("analyse::cost::money"), Some("analyse::cost"));
    assert_eq!(node("analyse::risk::Level"), Some("analyse"));
    assert_eq!(module_of("report/mod.rs"), "report");
}
