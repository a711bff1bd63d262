//! Terraform's built-in function library, evaluated statically.
//!
//! Every function follows the behaviour of Terraform (and of the go-cty
//! standard library it is built on) as closely as a static analyser can:
//! results that depend on the machine Terraform runs on, on the clock or on
//! randomness are [`Value::Unknown`] with the reason. `try` and `can` are not
//! here (the evaluator handles them lazily), nor are provider-defined
//! functions.
//!
//! Unknown arguments propagate: most functions return the first unknown found
//! anywhere in their arguments, and a few (`length`, `keys`, `lookup`,
//! `concat`, `coalesce`, ...) are as precise as Terraform is about which parts
//! of their arguments the result really depends on.
//!
//! Nothing here panics on user input: sizes (`range`, `indent`, format widths,
//! YAML aliases, file sizes, directory walks) are bounded and arithmetic is
//! checked.
//!
//! The implementations live in one file per family, as Terraform's own
//! library (`internal/lang/funcs`) is laid out: [`strings`], [`collections`],
//! [`conversion`], [`encoding`], [`numbers`], [`network`], [`filesystem`],
//! [`crypto`] and [`datetime`]; [`args`] holds the argument conversions they
//! share. [`FUNCTIONS`] is the one registry: `call` dispatches through it.
//!
//! # Adding a function
//!
//! 1. Write `pub(super) fn fn_NAME(a: &[Value], ctx: &FnContext<'_>) -> Res`
//!    in the family's file. Arguments arrive already checked against the
//!    arity, and (unless the entry says [`Unknowns::Custom`]) with unknowns
//!    already turned into an unknown result.
//! 2. Add its row to [`FUNCTIONS`], in alphabetical order, with the arity,
//!    how unknown arguments are handled, `.nulls()` when null arguments are
//!    passed through, and an `.example(call, result)`: an HCL call and the
//!    HCL value Terraform returns for it (`(unknown)` for functions that are
//!    never known statically). The example is documentation and a test:
//!    `examples.rs` evaluates each one.
//! 3. Add the edge cases to the family's tests in `tests.rs`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use super::value::{format_number, parse_number, Number, Value};

mod args;
mod collections;
mod conversion;
mod crypto;
mod datetime;
mod encoding;
mod filesystem;
mod network;
mod numbers;
mod strings;

#[allow(unused_imports)]
use args::*;
#[allow(unused_imports)]
use collections::*;
#[allow(unused_imports)]
use conversion::*;
#[allow(unused_imports)]
use crypto::*;
#[allow(unused_imports)]
use datetime::*;
#[allow(unused_imports)]
use encoding::*;
#[allow(unused_imports)]
use filesystem::*;
#[allow(unused_imports)]
use network::*;
#[allow(unused_imports)]
use numbers::*;
#[allow(unused_imports)]
use strings::*;

/// What a function call may need from its surroundings.
pub struct FnContext<'a> {
    /// Directory of the module being evaluated (path.module); file functions resolve relative paths against it.
    pub module_dir: &'a Path,
    /// The scanned tree's root: file functions must never read outside it (return an error instead).
    pub root_dir: &'a Path,
    /// Renders a template string with variables (used by templatefile); supplied by the evaluator.
    #[allow(clippy::type_complexity)]
    pub render_template: &'a dyn Fn(&str, &BTreeMap<String, Value>) -> Result<Value, String>,
}

/// What an implementation returns: the value, or Terraform's complaint about
/// an argument.
pub type Res = Result<Value, String>;
type Impl = fn(&[Value], &FnContext<'_>) -> Res;

/// How many arguments a function takes.
#[derive(Debug, Clone, Copy)]
pub enum Arity {
    Exactly(usize),
    Between(usize, usize),
    /// Variadic.
    AtLeast(usize),
}

impl Arity {
    fn accepts(self, n: usize) -> bool {
        match self {
            Arity::Exactly(k) => n == k,
            Arity::Between(lo, hi) => (lo..=hi).contains(&n),
            Arity::AtLeast(lo) => n >= lo,
        }
    }

    fn describe(self) -> String {
        match self {
            Arity::Exactly(k) => format!("{k}"),
            Arity::Between(lo, hi) => format!("{lo} to {hi}"),
            Arity::AtLeast(lo) => format!("at least {lo}"),
        }
    }
}

/// How unknown arguments are handled before the implementation runs.
#[derive(Debug, Clone, Copy)]
pub enum Unknowns {
    /// A top-level unknown argument makes the result unknown.
    Shallow,
    /// An unknown anywhere inside any argument makes the result unknown.
    Deep,
    /// The implementation decides.
    Custom,
}

/// One row of the registry.
pub struct Function {
    pub name: &'static str,
    pub arity: Arity,
    pub unknowns: Unknowns,
    /// Whether top-level null arguments are passed to the implementation
    /// (otherwise they are an error).
    pub nulls: bool,
    imp: Impl,
    /// A call, as HCL, and the value Terraform returns for it, as HCL
    /// (`(unknown)` when the result is never known statically).
    pub example: (&'static str, &'static str),
}

impl Function {
    const fn new(name: &'static str, arity: Arity, unknowns: Unknowns, imp: Impl) -> Function {
        Function {
            name,
            arity,
            unknowns,
            nulls: false,
            imp,
            example: ("", ""),
        }
    }

    const fn nulls(mut self) -> Function {
        self.nulls = true;
        self
    }

    const fn example(mut self, call: &'static str, result: &'static str) -> Function {
        self.example = (call, result);
        self
    }
}

/// Every function tfward evaluates, alphabetically.
pub static FUNCTIONS: &[Function] = &[
    Function::new("abs", Arity::Exactly(1), Unknowns::Deep, numbers::fn_abs)
        .example(r#"abs(-12.4)"#, r#"12.4"#),
    Function::new("abspath", Arity::Exactly(1), Unknowns::Deep, filesystem::fn_abspath)
        .example(r#"abspath("/srv/app/../data")"#, r#""/srv/data""#),
    Function::new("alltrue", Arity::Exactly(1), Unknowns::Custom, collections::fn_alltrue)
        .example(r#"alltrue(["true", true])"#, r#"true"#),
    Function::new("anytrue", Arity::Exactly(1), Unknowns::Custom, collections::fn_anytrue)
        .example(r#"anytrue([true, false])"#, r#"true"#),
    Function::new("base64decode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_base64decode)
        .example(r#"base64decode("SGVsbG8gV29ybGQ=")"#, r#""Hello World""#),
    Function::new("base64encode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_base64encode)
        .example(r#"base64encode("Hello World")"#, r#""SGVsbG8gV29ybGQ=""#),
    Function::new("base64gunzip", Arity::Exactly(1), Unknowns::Deep, encoding::fn_base64gunzip)
        .example(r#"base64gunzip("H4sIAAAAAAAA/w==")"#, r#"(unknown)"#),
    Function::new("base64gzip", Arity::Exactly(1), Unknowns::Deep, encoding::fn_base64gzip)
        .example(r#"base64gzip("hello")"#, r#"(unknown)"#),
    Function::new("base64sha256", Arity::Exactly(1), Unknowns::Deep, crypto::digest_base64::<sha2::Sha256>)
        .example(r#"base64sha256("hello world")"#, r#""uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=""#),
    Function::new("base64sha512", Arity::Exactly(1), Unknowns::Deep, crypto::digest_base64::<sha2::Sha512>)
        .example(r#"base64sha512("hello world")"#, r#""MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==""#),
    Function::new("basename", Arity::Exactly(1), Unknowns::Deep, filesystem::fn_basename)
        .example(r#"basename("foo/bar/baz.txt")"#, r#""baz.txt""#),
    Function::new("bcrypt", Arity::Between(1, 2), Unknowns::Custom, crypto::fn_bcrypt)
        .example(r#"bcrypt("hello")"#, r#"(unknown)"#),
    Function::new("ceil", Arity::Exactly(1), Unknowns::Deep, numbers::fn_ceil)
        .example(r#"ceil(4.1)"#, r#"5"#),
    Function::new("chomp", Arity::Exactly(1), Unknowns::Deep, strings::fn_chomp)
        .example(r#"chomp("hello\n")"#, r#""hello""#),
    Function::new("chunklist", Arity::Exactly(2), Unknowns::Shallow, collections::fn_chunklist)
        .example(r#"chunklist(["a", "b", "c", "d", "e"], 2)"#, r#"[["a", "b"], ["c", "d"], ["e"]]"#),
    Function::new("cidrcontains", Arity::Exactly(2), Unknowns::Deep, network::fn_cidrcontains)
        .example(r#"cidrcontains("192.168.2.0/20", "192.168.2.1")"#, r#"true"#),
    Function::new("cidrhost", Arity::Exactly(2), Unknowns::Deep, network::fn_cidrhost)
        .example(r#"cidrhost("10.12.112.0/20", 16)"#, r#""10.12.112.16""#),
    Function::new("cidrnetmask", Arity::Exactly(1), Unknowns::Deep, network::fn_cidrnetmask)
        .example(r#"cidrnetmask("172.16.0.0/12")"#, r#""255.240.0.0""#),
    Function::new("cidrsubnet", Arity::Exactly(3), Unknowns::Deep, network::fn_cidrsubnet)
        .example(r#"cidrsubnet("172.16.0.0/12", 4, 2)"#, r#""172.18.0.0/16""#),
    Function::new("cidrsubnets", Arity::AtLeast(1), Unknowns::Deep, network::fn_cidrsubnets)
        .example(r#"cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)"#, r#"["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]"#),
    Function::new("coalesce", Arity::AtLeast(0), Unknowns::Custom, collections::fn_coalesce).nulls()
        .example(r#"coalesce("", "b")"#, r#""b""#),
    Function::new("coalescelist", Arity::AtLeast(0), Unknowns::Custom, collections::fn_coalescelist).nulls()
        .example(r#"coalescelist([], ["c", "d"])"#, r#"["c", "d"]"#),
    Function::new("compact", Arity::Exactly(1), Unknowns::Custom, collections::fn_compact)
        .example(r#"compact(["a", "", "b", null, "c"])"#, r#"["a", "b", "c"]"#),
    Function::new("concat", Arity::AtLeast(0), Unknowns::Custom, collections::fn_concat)
        .example(r#"concat(["a", ""], ["b", "c"])"#, r#"["a", "", "b", "c"]"#),
    Function::new("contains", Arity::Exactly(2), Unknowns::Custom, collections::fn_contains)
        .example(r#"contains(["a", "b", "c"], "a")"#, r#"true"#),
    Function::new("csvdecode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_csvdecode)
        .example(r#"csvdecode("a,b\n1,2\n")"#, r#"[{ a = "1", b = "2" }]"#),
    Function::new("dirname", Arity::Exactly(1), Unknowns::Deep, filesystem::fn_dirname)
        .example(r#"dirname("foo/bar/baz.txt")"#, r#""foo/bar""#),
    Function::new("distinct", Arity::Exactly(1), Unknowns::Deep, collections::fn_distinct)
        .example(r#"distinct(["a", "b", "a", "c", "d", "b"])"#, r#"["a", "b", "c", "d"]"#),
    Function::new("element", Arity::Exactly(2), Unknowns::Custom, collections::fn_element)
        .example(r#"element(["a", "b", "c"], 3)"#, r#""a""#),
    Function::new("endswith", Arity::Exactly(2), Unknowns::Deep, strings::fn_endswith)
        .example(r#"endswith("hello world", "world")"#, r#"true"#),
    Function::new("ephemeralasnull", Arity::Exactly(1), Unknowns::Custom, conversion::fn_identity).nulls()
        .example(r#"ephemeralasnull("x")"#, r#""x""#),
    Function::new("file", Arity::Exactly(1), Unknowns::Shallow, filesystem::fn_file)
        .example(r#"file("hello.txt")"#, r#""Hello World""#),
    Function::new("filebase64", Arity::Exactly(1), Unknowns::Shallow, filesystem::fn_filebase64)
        .example(r#"filebase64("hello.txt")"#, r#""SGVsbG8gV29ybGQ=""#),
    Function::new("filebase64sha256", Arity::Exactly(1), Unknowns::Shallow, crypto::file_digest_base64::<sha2::Sha256>)
        .example(r#"filebase64sha256("hello.txt")"#, r#""pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=""#),
    Function::new("filebase64sha512", Arity::Exactly(1), Unknowns::Shallow, crypto::file_digest_base64::<sha2::Sha512>)
        .example(r#"filebase64sha512("hello.txt")"#, r#""LHT9F+2v2A6ER7DUZ0HuJDt+t03SFJoKsbkkb7MDgvJ+hT2FhXGeDmfL2g2qj1FnEGRhXWRa4nrLFb+xRH9Fmw==""#),
    Function::new("fileexists", Arity::Exactly(1), Unknowns::Shallow, filesystem::fn_fileexists)
        .example(r#"fileexists("hello.txt")"#, r#"true"#),
    Function::new("filemd5", Arity::Exactly(1), Unknowns::Shallow, crypto::file_digest_hex::<md5::Md5>)
        .example(r#"filemd5("hello.txt")"#, r#""b10a8db164e0754105b7a99be72e3fe5""#),
    Function::new("fileset", Arity::Exactly(2), Unknowns::Shallow, filesystem::fn_fileset)
        .example(r#"fileset(".", "*.txt")"#, r#"["hello.txt"]"#),
    Function::new("filesha1", Arity::Exactly(1), Unknowns::Shallow, crypto::file_digest_hex::<sha1::Sha1>)
        .example(r#"filesha1("hello.txt")"#, r#""0a4d55a8d778e5022fab701977c5d840bbc486d0""#),
    Function::new("filesha256", Arity::Exactly(1), Unknowns::Shallow, crypto::file_digest_hex::<sha2::Sha256>)
        .example(r#"filesha256("hello.txt")"#, r#""a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e""#),
    Function::new("filesha512", Arity::Exactly(1), Unknowns::Shallow, crypto::file_digest_hex::<sha2::Sha512>)
        .example(r#"filesha512("hello.txt")"#, r#""2c74fd17edafd80e8447b0d46741ee243b7eb74dd2149a0ab1b9246fb30382f27e853d8585719e0e67cbda0daa8f51671064615d645ae27acb15bfb1447f459b""#),
    Function::new("flatten", Arity::Exactly(1), Unknowns::Custom, collections::fn_flatten)
        .example(r#"flatten([["a", "b"], [], ["c"]])"#, r#"["a", "b", "c"]"#),
    Function::new("floor", Arity::Exactly(1), Unknowns::Deep, numbers::fn_floor)
        .example(r#"floor(4.9)"#, r#"4"#),
    Function::new("format", Arity::AtLeast(1), Unknowns::Deep, strings::fn_format).nulls()
        .example(r#"format("Hello, %s! %d lights", "Ander", 4)"#, r#""Hello, Ander! 4 lights""#),
    Function::new("formatdate", Arity::Exactly(2), Unknowns::Deep, datetime::fn_formatdate)
        .example(r#"formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z")"#, r#""02 Jan 2018 23:12 UTC""#),
    Function::new("formatlist", Arity::AtLeast(1), Unknowns::Custom, strings::fn_formatlist).nulls()
        .example(r#"formatlist("Hello, %s!", ["Valentina", "Ander"])"#, r#"["Hello, Valentina!", "Hello, Ander!"]"#),
    Function::new("indent", Arity::Exactly(2), Unknowns::Deep, strings::fn_indent)
        .example(r#"indent(2, "[\n  foo,\n]")"#, r#""[\n    foo,\n  ]""#),
    Function::new("index", Arity::Exactly(2), Unknowns::Custom, collections::fn_index)
        .example(r#"index(["a", "b", "c"], "b")"#, r#"1"#),
    Function::new("issensitive", Arity::Exactly(1), Unknowns::Custom, conversion::fn_issensitive).nulls()
        .example(r#"issensitive(sensitive("x"))"#, r#"true"#),
    Function::new("join", Arity::AtLeast(2), Unknowns::Deep, strings::fn_join)
        .example(r#"join(", ", ["foo", "bar", "baz"])"#, r#""foo, bar, baz""#),
    Function::new("jsondecode", Arity::Exactly(1), Unknowns::Custom, encoding::fn_jsondecode)
        .example(r#"jsondecode("{\"hello\": \"world\"}")"#, r#"{ hello = "world" }"#),
    Function::new("jsonencode", Arity::Exactly(1), Unknowns::Custom, encoding::fn_jsonencode).nulls()
        .example(r#"jsonencode({ hello = "world" })"#, r#""{\"hello\":\"world\"}""#),
    Function::new("keys", Arity::Exactly(1), Unknowns::Custom, collections::fn_keys)
        .example(r#"keys({ a = 1, c = 2, d = 3 })"#, r#"["a", "c", "d"]"#),
    Function::new("length", Arity::Exactly(1), Unknowns::Custom, collections::fn_length)
        .example(r#"length({ a = "b" })"#, r#"1"#),
    Function::new("log", Arity::Exactly(2), Unknowns::Deep, numbers::fn_log)
        .example(r#"log(16, 2)"#, r#"4"#),
    Function::new("lookup", Arity::Between(2, 3), Unknowns::Custom, collections::fn_lookup).nulls()
        .example(r#"lookup({ a = "ay", b = "bee" }, "c", "what?")"#, r#""what?""#),
    Function::new("lower", Arity::Exactly(1), Unknowns::Deep, strings::fn_lower)
        .example(r#"lower("HELLO")"#, r#""hello""#),
    Function::new("matchkeys", Arity::Exactly(3), Unknowns::Deep, collections::fn_matchkeys)
        .example(r#"matchkeys(["i-123", "i-abc", "i-def"], ["us-west", "us-east", "us-east"], ["us-east"])"#, r#"["i-abc", "i-def"]"#),
    Function::new("max", Arity::AtLeast(1), Unknowns::Deep, numbers::fn_max)
        .example(r#"max(12, 54, 3)"#, r#"54"#),
    Function::new("md5", Arity::Exactly(1), Unknowns::Deep, crypto::digest_hex::<md5::Md5>)
        .example(r#"md5("hello world")"#, r#""5eb63bbbe01eeed093cb22bb8f5acdc3""#),
    Function::new("merge", Arity::AtLeast(0), Unknowns::Shallow, collections::fn_merge).nulls()
        .example(r#"merge({ a = "b", c = "d" }, { e = "f", c = "z" })"#, r#"{ a = "b", c = "z", e = "f" }"#),
    Function::new("min", Arity::AtLeast(1), Unknowns::Deep, numbers::fn_min)
        .example(r#"min(12, 54, 3)"#, r#"3"#),
    Function::new("nonsensitive", Arity::Exactly(1), Unknowns::Custom, conversion::fn_identity).nulls()
        .example(r#"nonsensitive(sensitive("secret"))"#, r#""secret""#),
    Function::new("one", Arity::Exactly(1), Unknowns::Custom, collections::fn_one)
        .example(r#"one(["hello"])"#, r#""hello""#),
    Function::new("parseint", Arity::Exactly(2), Unknowns::Deep, numbers::fn_parseint)
        .example(r#"parseint("FF", 16)"#, r#"255"#),
    Function::new("pathexpand", Arity::Exactly(1), Unknowns::Deep, filesystem::fn_pathexpand)
        .example(r#"pathexpand("~/.ssh/id_rsa")"#, r#"(unknown)"#),
    Function::new("plantimestamp", Arity::Exactly(0), Unknowns::Custom, datetime::fn_plantimestamp)
        .example(r#"plantimestamp()"#, r#"(unknown)"#),
    Function::new("pow", Arity::Exactly(2), Unknowns::Deep, numbers::fn_pow)
        .example(r#"pow(3, 2)"#, r#"9"#),
    Function::new("range", Arity::Between(1, 3), Unknowns::Deep, collections::fn_range)
        .example(r#"range(1, 4)"#, r#"[1, 2, 3]"#),
    Function::new("regex", Arity::Exactly(2), Unknowns::Deep, strings::fn_regex)
        .example(r#"regex("[a-z]+", "53453453.345345aaabbbccc23454")"#, r#""aaabbbccc""#),
    Function::new("regexall", Arity::Exactly(2), Unknowns::Deep, strings::fn_regexall)
        .example(r#"regexall("[a-z]+", "1234abcd5678efgh9")"#, r#"["abcd", "efgh"]"#),
    Function::new("replace", Arity::Exactly(3), Unknowns::Deep, strings::fn_replace)
        .example(r#"replace("1 + 2 + 3", "+", "-")"#, r#""1 - 2 - 3""#),
    Function::new("reverse", Arity::Exactly(1), Unknowns::Shallow, collections::fn_reverse)
        .example(r#"reverse([1, 2, 3])"#, r#"[3, 2, 1]"#),
    Function::new("rsadecrypt", Arity::Exactly(2), Unknowns::Custom, crypto::fn_rsadecrypt)
        .example(r#"rsadecrypt("ZW5jcnlwdGVk", "key")"#, r#"(unknown)"#),
    Function::new("sensitive", Arity::Exactly(1), Unknowns::Custom, conversion::fn_identity).nulls()
        .example(r#"sensitive("secret")"#, r#""secret""#),
    Function::new("setintersection", Arity::AtLeast(1), Unknowns::Deep, collections::fn_setintersection)
        .example(r#"setintersection(["a", "b"], ["b", "c"], ["b", "d"])"#, r#"["b"]"#),
    Function::new("setproduct", Arity::AtLeast(2), Unknowns::Deep, collections::fn_setproduct)
        .example(r#"setproduct(["development", "staging"], ["app1", "app2"])"#, r#"[["development", "app1"], ["development", "app2"], ["staging", "app1"], ["staging", "app2"]]"#),
    Function::new("setsubtract", Arity::Exactly(2), Unknowns::Deep, collections::fn_setsubtract)
        .example(r#"setsubtract(["a", "b", "c"], ["a", "c"])"#, r#"["b"]"#),
    Function::new("setunion", Arity::AtLeast(1), Unknowns::Deep, collections::fn_setunion)
        .example(r#"setunion(["a", "b"], ["b", "c"], ["d"])"#, r#"["a", "b", "c", "d"]"#),
    Function::new("sha1", Arity::Exactly(1), Unknowns::Deep, crypto::digest_hex::<sha1::Sha1>)
        .example(r#"sha1("hello world")"#, r#""2aae6c35c94fcfb415dbe95f408b9ce91ee846ed""#),
    Function::new("sha256", Arity::Exactly(1), Unknowns::Deep, crypto::digest_hex::<sha2::Sha256>)
        .example(r#"sha256("hello world")"#, r#""b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9""#),
    Function::new("sha512", Arity::Exactly(1), Unknowns::Deep, crypto::digest_hex::<sha2::Sha512>)
        .example(r#"sha512("hello world")"#, r#""309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f""#),
    Function::new("signum", Arity::Exactly(1), Unknowns::Deep, numbers::fn_signum)
        .example(r#"signum(-13)"#, r#"-1"#),
    Function::new("slice", Arity::Exactly(3), Unknowns::Shallow, collections::fn_slice)
        .example(r#"slice(["a", "b", "c", "d"], 1, 3)"#, r#"["b", "c"]"#),
    Function::new("sort", Arity::Exactly(1), Unknowns::Deep, collections::fn_sort)
        .example(r#"sort(["e", "d", "a", "x"])"#, r#"["a", "d", "e", "x"]"#),
    Function::new("split", Arity::Exactly(2), Unknowns::Deep, strings::fn_split)
        .example(r#"split(",", "foo,bar,baz")"#, r#"["foo", "bar", "baz"]"#),
    Function::new("startswith", Arity::Exactly(2), Unknowns::Deep, strings::fn_startswith)
        .example(r#"startswith("hello world", "hello")"#, r#"true"#),
    Function::new("strcontains", Arity::Exactly(2), Unknowns::Deep, strings::fn_strcontains)
        .example(r#"strcontains("hello world", "wor")"#, r#"true"#),
    Function::new("strrev", Arity::Exactly(1), Unknowns::Deep, strings::fn_strrev)
        .example(r#"strrev("hello")"#, r#""olleh""#),
    Function::new("substr", Arity::Exactly(3), Unknowns::Deep, strings::fn_substr)
        .example(r#"substr("hello world", 1, 4)"#, r#""ello""#),
    Function::new("sum", Arity::Exactly(1), Unknowns::Deep, collections::fn_sum)
        .example(r#"sum([10, 13, 6, 4.5])"#, r#"33.5"#),
    Function::new("templatefile", Arity::Exactly(2), Unknowns::Custom, filesystem::fn_templatefile)
        .example(r#"templatefile("greeting.tftpl", { name = "Jane" })"#, r#""Hello, Jane!""#),
    Function::new("templatestring", Arity::Exactly(2), Unknowns::Custom, strings::fn_templatestring)
        .example(r#"templatestring(local.greeting_template, { name = "Jane" })"#, r#""Hello, Jane!""#),
    Function::new("textdecodebase64", Arity::Exactly(2), Unknowns::Deep, encoding::fn_textdecodebase64)
        .example(r#"textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")"#, r#""Hello World""#),
    Function::new("textencodebase64", Arity::Exactly(2), Unknowns::Deep, encoding::fn_textencodebase64)
        .example(r#"textencodebase64("Hello World", "UTF-16LE")"#, r#""SABlAGwAbABvACAAVwBvAHIAbABkAA==""#),
    Function::new("timeadd", Arity::Exactly(2), Unknowns::Deep, datetime::fn_timeadd)
        .example(r#"timeadd("2017-11-22T00:00:00Z", "10m")"#, r#""2017-11-22T00:10:00Z""#),
    Function::new("timecmp", Arity::Exactly(2), Unknowns::Deep, datetime::fn_timecmp)
        .example(r#"timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00+01:00")"#, r#"0"#),
    Function::new("timestamp", Arity::Exactly(0), Unknowns::Custom, datetime::fn_timestamp)
        .example(r#"timestamp()"#, r#"(unknown)"#),
    Function::new("title", Arity::Exactly(1), Unknowns::Deep, strings::fn_title)
        .example(r#"title("hello world")"#, r#""Hello World""#),
    Function::new("tobool", Arity::Exactly(1), Unknowns::Shallow, conversion::fn_tobool).nulls()
        .example(r#"tobool("true")"#, r#"true"#),
    Function::new("tolist", Arity::Exactly(1), Unknowns::Shallow, conversion::fn_tolist).nulls()
        .example(r#"tolist(["a", "b", 3])"#, r#"["a", "b", "3"]"#),
    Function::new("tomap", Arity::Exactly(1), Unknowns::Shallow, conversion::fn_tomap).nulls()
        .example(r#"tomap({ a = 1, b = 2 })"#, r#"{ a = 1, b = 2 }"#),
    Function::new("tonumber", Arity::Exactly(1), Unknowns::Shallow, conversion::fn_tonumber).nulls()
        .example(r#"tonumber("1")"#, r#"1"#),
    Function::new("toset", Arity::Exactly(1), Unknowns::Deep, conversion::fn_toset).nulls()
        .example(r#"toset(["c", "b", "b"])"#, r#"["b", "c"]"#),
    Function::new("tostring", Arity::Exactly(1), Unknowns::Shallow, conversion::fn_tostring).nulls()
        .example(r#"tostring(1)"#, r#""1""#),
    Function::new("transpose", Arity::Exactly(1), Unknowns::Deep, collections::fn_transpose)
        .example(r#"transpose({ a = ["1", "2"], b = ["2", "3"] })"#, r#"{ "1" = ["a"], "2" = ["a", "b"], "3" = ["b"] }"#),
    Function::new("trim", Arity::Exactly(2), Unknowns::Deep, strings::fn_trim)
        .example(r#"trim("?!hello?!", "!?")"#, r#""hello""#),
    Function::new("trimprefix", Arity::Exactly(2), Unknowns::Deep, strings::fn_trimprefix)
        .example(r#"trimprefix("helloworld", "hello")"#, r#""world""#),
    Function::new("trimspace", Arity::Exactly(1), Unknowns::Deep, strings::fn_trimspace)
        .example(r#"trimspace("  hello\n\n")"#, r#""hello""#),
    Function::new("trimsuffix", Arity::Exactly(2), Unknowns::Deep, strings::fn_trimsuffix)
        .example(r#"trimsuffix("helloworld", "world")"#, r#""hello""#),
    Function::new("type", Arity::Exactly(1), Unknowns::Custom, conversion::fn_type).nulls()
        .example(r#"type(1)"#, r#"(unknown)"#),
    Function::new("upper", Arity::Exactly(1), Unknowns::Deep, strings::fn_upper)
        .example(r#"upper("hello")"#, r#""HELLO""#),
    Function::new("urldecode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_urldecode)
        .example(r#"urldecode("Hello+World%21")"#, r#""Hello World!""#),
    Function::new("urlencode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_urlencode)
        .example(r#"urlencode("Hello World!")"#, r#""Hello+World%21""#),
    Function::new("uuid", Arity::Exactly(0), Unknowns::Custom, crypto::fn_uuid)
        .example(r#"uuid()"#, r#"(unknown)"#),
    Function::new("uuidv5", Arity::Exactly(2), Unknowns::Deep, crypto::fn_uuidv5)
        .example(r#"uuidv5("dns", "www.terraform.io")"#, r#""a5008fae-b28c-5ba5-96cd-82b4c53552d6""#),
    Function::new("values", Arity::Exactly(1), Unknowns::Shallow, collections::fn_values)
        .example(r#"values({ a = 3, c = 2, d = 1 })"#, r#"[3, 2, 1]"#),
    Function::new("yamldecode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_yamldecode)
        .example(r#"yamldecode("hello: world")"#, r#"{ hello = "world" }"#),
    Function::new("yamlencode", Arity::Exactly(1), Unknowns::Deep, encoding::fn_yamlencode).nulls()
        .example(r#"yamlencode({ a = "b" })"#, r#""\"a\": \"b\"\n""#),
    Function::new("zipmap", Arity::Exactly(2), Unknowns::Custom, collections::fn_zipmap)
        .example(r#"zipmap(["a", "b"], [1, 2])"#, r#"{ a = 1, b = 2 }"#),
];

fn lookup(name: &str) -> Option<&'static Function> {
    static BY_NAME: OnceLock<HashMap<&'static str, &'static Function>> = OnceLock::new();
    BY_NAME
        .get_or_init(|| FUNCTIONS.iter().map(|f| (f.name, f)).collect())
        .get(name)
        .copied()
}

/// Calls Terraform function `name`. Err(message) for a wrong argument (message like Terraform's, e.g. "invalid CIDR address"),
/// Ok(Value::Unknown) when the result cannot be known. Unknown function names -> Err("unknown function ...").
pub fn call(name: &str, args: Vec<Value>, ctx: &FnContext<'_>) -> Result<Value, String> {
    let Some(function) = lookup(name) else {
        return Err(format!("unknown function {name:?}"));
    };
    if !function.arity.accepts(args.len()) {
        return Err(format!(
            "function {name:?} expects {} argument(s), got {}",
            function.arity.describe(),
            args.len()
        ));
    }
    match function.unknowns {
        Unknowns::Shallow => {
            if let Some(Value::Unknown(u)) = args.iter().find(|a| a.is_unknown()) {
                return Ok(Value::Unknown(u.plain()));
            }
        }
        Unknowns::Deep => {
            if let Some(u) = args.iter().find_map(Value::first_unknown) {
                return Ok(Value::Unknown(u.plain()));
            }
        }
        Unknowns::Custom => {}
    }
    if !function.nulls && args.iter().any(Value::is_null) {
        return Err("argument must not be null".to_owned());
    }
    (function.imp)(&args, ctx)
}

/// Go's JSON encoding of a string (with its HTML-safe escapes), as
/// Terraform's `jsonencode` and the providers' `json.Marshal` write it.
pub fn json_string_go(s: &str, out: &mut String) {
    encoding::json_string(s, out);
}

/// True for every function name `call` implements (and for the ones it knowingly returns unknown for).
pub fn is_known(name: &str) -> bool {
    lookup(name).is_some()
}

#[cfg(test)]
mod examples;
#[cfg(test)]
mod tests;
