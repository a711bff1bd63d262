//! What `build.rs` and the crate must agree on: which Rego files are
//! policies, tests and libraries, a policy's package, how `deny` rules
//! compile into programs for regorus's virtual machine, and the file format
//! that carries them. `build.rs` compiles the built-in set once, at build
//! time, into the binary (so a scan starts without compiling 800 policies);
//! the engine compiles a user's set at run time the same way. It depends on
//! regorus and std only, so the build script includes it as it is.

use std::sync::Arc;

use regorus::languages::rego::compiler::Compiler;
use regorus::rvm::program::{DeserializationResult, Program};
use regorus::Engine;

/// Whether a file (its path relative to the policy root, `/`-separated)
/// is a policy.
pub fn is_policy(rel: &str) -> bool {
    rel == "policy.rego" || rel.ends_with("/policy.rego")
}

/// Whether a file is a Rego unit test.
pub fn is_test(rel: &str) -> bool {
    rel.ends_with("_test.rego")
}

/// The `package` line of a Rego source.
pub fn package_of(source: &str) -> Option<String> {
    source.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("package ")?;
        Some(rest.trim().to_owned())
    })
}

/// Finds the `# METADATA` block in Rego source and returns its YAML text and
/// the line of the `# METADATA` marker.
pub fn extract_block(source: &str) -> Option<(String, usize)> {
    let mut lines = source.lines().enumerate();
    let (start, _) = lines.by_ref().find(|(_, l)| l.trim() == "# METADATA")?;
    let mut yaml = String::new();
    for (_, line) in lines {
        let Some(rest) = line.trim_start().strip_prefix('#') else {
            break;
        };
        // Strip exactly one space after '#', keeping YAML indentation.
        yaml.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        yaml.push('\n');
    }
    Some((yaml, start + 1))
}

/// The rule tfward evaluates for a policy in `package`.
pub fn deny_rule(package: &str) -> String {
    format!("data.{package}.deny")
}

/// One Rego source: the name regorus shows in messages, and the text.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Where a policy's rule is: (program, entry point).
pub type Entry = Option<(usize, usize)>;

/// Compiles the rules of the policies at `on_vm` into as few programs as
/// the VM's limits allow (256 source files, 65,535 instructions per
/// program): each program holds every library and a share of the policies.
/// A share the VM compiler rejects splits in two until the policy it
/// rejects stands alone; that one gets no entry and runs on the
/// interpreter (a user's policy may use a construct the VM lacks).
/// Returns the programs and, per policy, its entry.
pub fn compile(
    libs: &[Source<'_>],
    policies: &[Source<'_>],
    rules: &[String],
    on_vm: &[usize],
    data: &regorus::Value,
) -> (Vec<Arc<Program>>, Vec<Entry>) {
    let mut programs = Vec::new();
    let mut entry = vec![None; rules.len()];
    let share = Program::MAX_SOURCES.saturating_sub(libs.len() + 8).max(1);
    let mut pending: Vec<&[usize]> = on_vm.chunks(share).collect();
    while let Some(chunk) = pending.pop() {
        match compile_share(libs, policies, rules, chunk, data) {
            Some(program) => {
                let p = programs.len();
                for (e, &i) in chunk.iter().enumerate() {
                    entry[i] = Some((p, e));
                }
                programs.push(program);
            }
            None if chunk.len() > 1 => {
                let (a, b) = chunk.split_at(chunk.len() / 2);
                pending.push(a);
                pending.push(b);
            }
            None => {}
        }
    }
    (programs, entry)
}

/// One program for the policies at `chunk` (with every library), its entry
/// points in `chunk`'s order; None when the VM compiler rejects it.
fn compile_share(
    libs: &[Source<'_>],
    policies: &[Source<'_>],
    rules: &[String],
    chunk: &[usize],
    data: &regorus::Value,
) -> Option<Arc<Program>> {
    let sources: Vec<Source<'_>> = chunk.iter().map(|&i| policies[i]).collect();
    let entry_points: Vec<&str> = chunk.iter().map(|&i| rules[i].as_str()).collect();
    program_of(libs, &sources, &entry_points, data)
}

/// Library rules the engine evaluates once per document, before the
/// policies, and hands each policy as `input.memo[key]`: the VM starts every
/// policy with empty rule caches, so a rule that many policies read (the
/// IAM family's statements and grant summaries) would otherwise be
/// evaluated once per policy. (key, rule), in the shared program's order.
pub const SHARED: &[(&str, &str)] = &[("aws_iam", "data.lib.aws.memo_aws_iam")];

/// Adds the program of the [`SHARED`] rules (every library, no policy) to
/// `programs`; its entry points are SHARED's, in order. Returns its index,
/// or None when the libraries do not define the rules or the VM rejects
/// them: each policy then evaluates them itself.
pub fn add_shared(
    libs: &[Source<'_>],
    data: &regorus::Value,
    programs: &mut Vec<Arc<Program>>,
) -> Option<usize> {
    let shared: Vec<&str> = SHARED.iter().map(|(_, rule)| *rule).collect();
    let program = program_of(libs, &[], &shared, data)?;
    programs.push(program);
    Some(programs.len() - 1)
}

/// One program of `libs` and `sources` with `entry_points`, in that order;
/// None when the VM compiler rejects it.
fn program_of(
    libs: &[Source<'_>],
    sources: &[Source<'_>],
    entry_points: &[&str],
    data: &regorus::Value,
) -> Option<Arc<Program>> {
    let mut engine = Engine::new();
    engine.set_strict_builtin_errors(false);
    for f in libs.iter().chain(sources) {
        engine
            .add_policy(f.name.to_owned(), f.text.to_owned())
            .ok()?;
    }
    engine.add_data(data.clone()).ok()?;
    let first: regorus::Rc<str> = (*entry_points.first()?).into();
    let compiled = engine.compile_with_entrypoint(&first).ok()?;
    let program = Compiler::compile_from_policy(&compiled, entry_points).ok()?;
    let in_order = program.entry_points.len() == entry_points.len()
        && program
            .entry_points
            .keys()
            .zip(entry_points)
            .all(|(name, rule)| name == rule);
    in_order.then_some(program)
}

/// The first bytes of a compiled set; the last byte is the format's version.
const MAGIC: &[u8; 8] = b"TFWARDV\x01";

/// Writes programs and the entry of each rule that has one:
/// `MAGIC`, the program count, each program (length, regorus's binary
/// form), the entry count, each entry (rule length, rule, program, entry
/// point); every number a little-endian u32.
pub fn encode(
    programs: &[Arc<Program>],
    rules: &[String],
    entry: &[Entry],
) -> Result<Vec<u8>, String> {
    let mut out = MAGIC.to_vec();
    put(&mut out, programs.len())?;
    for p in programs {
        let bytes = p.serialize_binary()?;
        put(&mut out, bytes.len())?;
        out.extend_from_slice(&bytes);
    }
    let placed: Vec<(&String, (usize, usize))> = rules
        .iter()
        .zip(entry)
        .filter_map(|(r, e)| Some((r, (*e)?)))
        .collect();
    put(&mut out, placed.len())?;
    for (rule, (p, e)) in placed {
        put(&mut out, rule.len())?;
        out.extend_from_slice(rule.as_bytes());
        put(&mut out, p)?;
        put(&mut out, e)?;
    }
    Ok(out)
}

/// A compiled set read back: its programs and (rule, program, entry point)
/// per placed rule.
pub struct Decoded {
    pub programs: Vec<Arc<Program>>,
    pub entries: Vec<(String, usize, usize)>,
}

/// Reads what [`encode`] wrote; None when the bytes are not a complete set
/// this regorus can run (then the caller compiles at run time).
pub fn decode(bytes: &[u8]) -> Option<Decoded> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let n = r.number()?;
    let mut programs = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let len = r.number()?;
        match Program::deserialize_binary(r.take(len)?).ok()? {
            DeserializationResult::Complete(p) => programs.push(Arc::new(p)),
            DeserializationResult::Partial(_) => return None,
        }
    }
    let n = r.number()?;
    let mut entries = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        let len = r.number()?;
        let rule = std::str::from_utf8(r.take(len)?).ok()?.to_owned();
        let (p, e) = (r.number()?, r.number()?);
        let points = programs.get(p)?.entry_points.len();
        if e >= points {
            return None;
        }
        entries.push((rule, p, e));
    }
    (r.at == bytes.len()).then_some(Decoded { programs, entries })
}

fn put(out: &mut Vec<u8>, n: usize) -> Result<(), String> {
    let n = u32::try_from(n).map_err(|_| format!("{n} does not fit the format"))?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn number(&mut self) -> Option<usize> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(b)).ok()
    }
}
