//! Tests of the function library, by family.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

use super::*;

fn no_render(_: &str, _: &BTreeMap<String, Value>) -> Result<Value, String> {
    Err("no renderer".to_owned())
}

fn call_in(dir: &Path, name: &str, args: Vec<Value>) -> Res {
    let render = |t: &str, vars: &BTreeMap<String, Value>| -> Result<Value, String> {
        // A stand-in renderer: replaces ${name} with string variables.
        let mut out = t.to_owned();
        for (k, v) in vars {
            out = out.replace(&format!("${{{k}}}"), v.as_str().unwrap_or("?"));
        }
        Ok(Value::String(out))
    };
    let ctx = FnContext {
        module_dir: dir,
        root_dir: dir,
        render_template: &render,
    };
    call(name, args, &ctx)
}

fn f(name: &str, args: Vec<Value>) -> Res {
    let ctx = FnContext {
        module_dir: Path::new("."),
        root_dir: Path::new("."),
        render_template: &no_render,
    };
    call(name, args, &ctx)
}

fn j(v: serde_json::Value) -> Value {
    Value::from_json(&v)
}

/// Calls with JSON arguments and returns the result as JSON.
fn fj(name: &str, args: serde_json::Value) -> serde_json::Value {
    let args = match j(args) {
        Value::List(items) => items,
        other => vec![other],
    };
    f(name, args).unwrap().to_json()
}

fn err(name: &str, args: serde_json::Value) -> String {
    let args = match j(args) {
        Value::List(items) => items,
        other => vec![other],
    };
    f(name, args).unwrap_err()
}

fn unk(reason: &str) -> Value {
    Value::unknown(reason)
}

#[test]
fn format_verbs() {
    assert_eq!(
        fj("format", json!(["Hello, %s!", "Ander"])),
        json!("Hello, Ander!")
    );
    assert_eq!(
        fj("format", json!(["There are %d lights", 4])),
        json!("There are 4 lights")
    );
    assert_eq!(fj("format", json!(["%.2f", 1.23456])), json!("1.23"));
    assert_eq!(fj("format", json!(["%f", 3.5])), json!("3.500000"));
    assert_eq!(
        fj("format", json!(["%05.1f|%-6.2f|%+.1f", 1.23456, 2.5, 1])),
        json!("001.2|2.50  |+1.0")
    );
    assert_eq!(
        fj("format", json!(["%5d|%-5d|%05d|%+d", 42, 42, -42, 7])),
        json!("   42|42   |-0042|+7")
    );
    assert_eq!(
        fj("format", json!(["%-5s|%5s|%.2s", "ab", "ab", "hello"])),
        json!("ab   |   ab|he")
    );
    assert_eq!(
        fj("format", json!(["%q", "a\"<b>"])),
        json!("\"a\\\"\\u003cb\\u003e\"")
    );
    assert_eq!(
        fj("format", json!(["%v %v %v %v", "s", 1.5, true, null])),
        json!("s 1.5 true null")
    );
    assert_eq!(fj("format", json!(["%v", 1234567])), json!("1.234567e+06"));
    assert_eq!(fj("format", json!(["%v", 123456])), json!("123456"));
    assert_eq!(
        fj("format", json!(["%#v", {"b": [1, "x"], "a": true}])),
        json!("{\"a\":true,\"b\":[1,\"x\"]}")
    );
    assert_eq!(fj("format", json!(["%#v", "s"])), json!("\"s\""));
    assert_eq!(
        fj("format", json!(["%t %t", true, "false"])),
        json!("true false")
    );
    assert_eq!(
        fj("format", json!(["100%% %s", "done"])),
        json!("100% done")
    );
    assert_eq!(
        fj("format", json!(["%x %X %#x %o %08b", 255, 255, 255, 8, 5])),
        json!("ff FF 0xff 10 00000101")
    );
    assert_eq!(
        fj("format", json!(["%e %E", 1234.5678, 0.000123])),
        json!("1.234568e+03 1.230000E-04")
    );
    assert_eq!(
        fj("format", json!(["%g %g %.3g", 0.00001234, 100, 1234.5678])),
        json!("1.234e-05 100 1.23e+03")
    );
    assert_eq!(
        fj("format", json!(["%[2]s %[1]s %s", "a", "b"])),
        json!("b a b")
    );
    assert_eq!(fj("format", json!(["%s", 5])), json!("5"));
    assert!(err("format", json!(["%d", 1.5])).contains("an integer is required"));
    assert!(err("format", json!(["%s %s", "a"])).contains("not enough arguments"));
    assert!(err("format", json!(["hi", "a"])).contains("no verbs in format string"));
    assert!(err("format", json!(["%s", "a", "b"])).contains("only 1 used"));
    assert!(err("format", json!(["%s", null])).contains("null value cannot be formatted"));
    assert!(err("format", json!(["%s", ["a"]])).contains("string required"));
    assert!(err("format", json!(["%y", 1])).contains("unsupported format verb"));
    assert!(err("format", json!(["%999999999d", 1])).contains("too large"));
    // Unknown arguments, even nested ones, make the result unknown.
    let r = f("format", vec!["%v".into(), Value::List(vec![unk("later")])]).unwrap();
    assert_eq!(r, unk("later"));
}

#[test]
fn formatlist_iterates_lists() {
    assert_eq!(
        fj("formatlist", json!(["Hello, %s!", ["Valentina", "Ander"]])),
        json!(["Hello, Valentina!", "Hello, Ander!"])
    );
    assert_eq!(
        fj(
            "formatlist",
            json!(["%s, %s%s", "Salutations", ["Valentina", "Ander"], "!"])
        ),
        json!(["Salutations, Valentina!", "Salutations, Ander!"])
    );
    assert_eq!(fj("formatlist", json!(["%s", []])), json!([]));
    assert!(err("formatlist", json!(["%s%s", ["a"], ["a", "b"]])).contains("inconsistent"));
    let r = f(
        "formatlist",
        vec!["%s".into(), Value::List(vec!["a".into(), unk("u")])],
    )
    .unwrap();
    assert_eq!(r, Value::List(vec!["a".into(), unk("u")]));
}

#[test]
fn string_functions() {
    assert_eq!(
        fj("join", json!(["-", ["foo", "bar", "baz"]])),
        json!("foo-bar-baz")
    );
    assert_eq!(
        fj("join", json!([", ", ["foo"], ["bar", 1]])),
        json!("foo, bar, 1")
    );
    assert_eq!(
        fj("split", json!([",", "foo,bar,baz"])),
        json!(["foo", "bar", "baz"])
    );
    assert_eq!(fj("split", json!([",", ""])), json!([""]));
    assert_eq!(
        fj("replace", json!(["1 + 2 + 3", "+", "-"])),
        json!("1 - 2 - 3")
    );
    assert_eq!(
        fj("replace", json!(["hello world", "/w.*d/", "everybody"])),
        json!("hello everybody")
    );
    assert_eq!(
        fj("replace", json!(["a-b", "/(a)-(b)/", "$2-$1"])),
        json!("b-a")
    );
    assert_eq!(fj("lower", json!("HELLO ÀB")), json!("hello àb"));
    assert_eq!(fj("upper", json!("hello ß")), json!("HELLO ß"));
    assert_eq!(
        fj("title", json!("hello world-wide web_site")),
        json!("Hello World-Wide Web_site")
    );
    assert_eq!(fj("trim", json!(["?!hello?!", "!?"])), json!("hello"));
    assert_eq!(
        fj("trimprefix", json!(["helloworld", "hello"])),
        json!("world")
    );
    assert_eq!(
        fj("trimprefix", json!(["helloworld", "cat"])),
        json!("helloworld")
    );
    assert_eq!(
        fj("trimsuffix", json!(["helloworld", "world"])),
        json!("hello")
    );
    assert_eq!(fj("trimspace", json!("  hello\n\n")), json!("hello"));
    assert_eq!(fj("chomp", json!("hello\r\n\n")), json!("hello"));
    assert_eq!(fj("chomp", json!("hello\n world")), json!("hello\n world"));
    assert_eq!(
        fj("indent", json!([2, "[\n  foo,\n  bar,\n]\n"])),
        json!("[\n    foo,\n    bar,\n  ]\n  ")
    );
    assert!(err("indent", json!([-1, "a"])).contains("negative"));
    assert_eq!(fj("strrev", json!("a ☃e\u{301}")), json!("e\u{301}☃ a"));
    assert_eq!(
        fj("startswith", json!(["hello world", "hello"])),
        json!(true)
    );
    assert_eq!(
        fj("endswith", json!(["hello world", "hello"])),
        json!(false)
    );
    assert_eq!(
        fj("strcontains", json!(["hello world", "wor"])),
        json!(true)
    );
}

#[test]
fn substr_counts_grapheme_clusters() {
    assert_eq!(fj("substr", json!(["hello world", 1, 4])), json!("ello"));
    assert_eq!(fj("substr", json!(["🤔🤷", 0, 1])), json!("🤔"));
    assert_eq!(fj("substr", json!(["hello world", -5, -1])), json!("world"));
    assert_eq!(fj("substr", json!(["hello world", 6, 10])), json!("world"));
    assert_eq!(fj("substr", json!(["hello", 10, 2])), json!(""));
    assert_eq!(fj("substr", json!(["hello", -10, 2])), json!("he"));
}

#[test]
fn regex_capture_shapes() {
    assert_eq!(
        fj("regex", json!(["[a-z]+", "53453453.345345aaabbbccc23454"])),
        json!("aaabbbccc")
    );
    assert_eq!(
        fj(
            "regex",
            json!(["(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01"])
        ),
        json!(["2019", "02", "01"])
    );
    assert_eq!(
        fj(
            "regex",
            json!([
                "^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?",
                "https://terraform.io/docs/"
            ])
        ),
        json!({"authority": "terraform.io", "scheme": "https"})
    );
    assert_eq!(fj("regex", json!(["(a)|(b)", "b"])), json!([null, "b"]));
    assert!(err("regex", json!(["[a-z]+", "123"])).contains("did not match"));
    assert!(err("regex", json!(["(?P<x>a)(b)", "ab"])).contains("cannot mix"));
    assert!(err("regex", json!(["(", "ab"])).contains("invalid regexp pattern"));
    assert_eq!(
        fj("regexall", json!(["[a-z]+", "1234abcd5678efgh9"])),
        json!(["abcd", "efgh"])
    );
    assert_eq!(fj("regexall", json!(["[a-z]+", "1234"])), json!([]));
    assert_eq!(
        fj("regexall", json!(["(\\d)(\\w)", "1a2b"])),
        json!([["1", "a"], ["2", "b"]])
    );
}

#[test]
fn collection_functions() {
    assert_eq!(fj("alltrue", json!([["true", true]])), json!(true));
    assert_eq!(fj("alltrue", json!([[true, false]])), json!(false));
    assert_eq!(fj("alltrue", json!([[]])), json!(true));
    assert_eq!(fj("anytrue", json!([["true", false]])), json!(true));
    assert_eq!(fj("anytrue", json!([[]])), json!(false));
    assert_eq!(
        fj("chunklist", json!([["a", "b", "c", "d", "e"], 2])),
        json!([["a", "b"], ["c", "d"], ["e"]])
    );
    assert_eq!(fj("chunklist", json!([["a", "b"], 0])), json!([["a", "b"]]));
    assert_eq!(fj("coalesce", json!(["", null, "b"])), json!("b"));
    assert_eq!(fj("coalesce", json!([1, 2])), json!(1));
    assert_eq!(fj("coalesce", json!([null, 1, "x"])), json!("1"));
    assert!(err("coalesce", json!([null, ""])).contains("no non-null"));
    assert_eq!(
        fj("coalescelist", json!([[], ["c", "d"]])),
        json!(["c", "d"])
    );
    assert_eq!(
        fj("compact", json!([["a", "", "b", null, "c"]])),
        json!(["a", "b", "c"])
    );
    assert_eq!(
        fj("concat", json!([["a", ""], ["b", "c"]])),
        json!(["a", "", "b", "c"])
    );
    assert_eq!(fj("contains", json!([["a", "b", "c"], "a"])), json!(true));
    assert_eq!(fj("contains", json!([["a", "b", "c"], "d"])), json!(false));
    assert_eq!(
        fj("distinct", json!([["a", "b", "a", "c", "d", "b"]])),
        json!(["a", "b", "c", "d"])
    );
    assert_eq!(fj("element", json!([["a", "b", "c"], 1])), json!("b"));
    assert_eq!(fj("element", json!([["a", "b", "c"], 3])), json!("a"));
    assert_eq!(fj("element", json!([["a", "b", "c"], -1])), json!("c"));
    assert!(err("element", json!([[], 0])).contains("empty list"));
    assert_eq!(
        fj("flatten", json!([[["a", "b"], [], ["c"]]])),
        json!(["a", "b", "c"])
    );
    assert_eq!(
        fj("flatten", json!([[[["a", "b"], []], ["c"]]])),
        json!(["a", "b", "c"])
    );
    assert_eq!(fj("index", json!([["a", "b", "c"], "b"])), json!(1));
    assert!(err("index", json!([["a"], "z"])).contains("item not found"));
    assert_eq!(
        fj("keys", json!({"d": 3, "a": 1, "c": 2})),
        json!(["a", "c", "d"])
    );
    assert_eq!(
        fj("values", json!({"d": 1, "a": 3, "c": 2})),
        json!([3, 2, 1])
    );
    assert_eq!(fj("length", json!([[]])), json!(0));
    assert_eq!(fj("length", json!([["a", "b"]])), json!(2));
    assert_eq!(fj("length", json!({"a": "b"})), json!(1));
    assert_eq!(fj("length", json!("👾🕹️")), json!(2));
    assert!(err("length", json!([null])).contains("null"));
    assert_eq!(
        fj("lookup", json!([{"a": "ay", "b": "bee"}, "a", "what?"])),
        json!("ay")
    );
    assert_eq!(
        fj("lookup", json!([{"a": "ay", "b": "bee"}, "c", "what?"])),
        json!("what?")
    );
    assert!(err("lookup", json!([{"a": "ay"}, "c"])).contains("does not exist"));
    assert_eq!(
        fj(
            "matchkeys",
            json!([
                ["i-123", "i-abc", "i-def"],
                ["us-west", "us-east", "us-east"],
                ["us-east"]
            ])
        ),
        json!(["i-abc", "i-def"])
    );
    assert_eq!(
        fj(
            "merge",
            json!([{"a": "b", "c": "d"}, {"e": "f", "c": "z"}, null])
        ),
        json!({"a": "b", "c": "z", "e": "f"})
    );
    assert!(err("merge", json!([{"a": 1}, ["x"]])).contains("maps or objects"));
    assert_eq!(fj("one", json!([[]])), json!(null));
    assert_eq!(fj("one", json!([["hello"]])), json!("hello"));
    assert!(err("one", json!([["hello", "goodbye"]])).contains("zero or one"));
    assert_eq!(fj("reverse", json!([[1, 2, 3]])), json!([3, 2, 1]));
    assert_eq!(
        fj("slice", json!([["a", "b", "c", "d"], 1, 3])),
        json!(["b", "c"])
    );
    assert!(err("slice", json!([["a"], 0, 2])).contains("greater than the length"));
    assert_eq!(
        fj("sort", json!([["e", "d", "a", "x"]])),
        json!(["a", "d", "e", "x"])
    );
    assert_eq!(fj("sort", json!([[10, 9, 100]])), json!(["10", "100", "9"]));
    assert_eq!(fj("sum", json!([[10, 13, 6, 4.5]])), json!(33.5));
    assert!(err("sum", json!([[]])).contains("empty list"));
    assert_eq!(
        fj("transpose", json!({"a": ["1", "2"], "b": ["2", "3"]})),
        json!({"1": ["a"], "2": ["a", "b"], "3": ["b"]})
    );
    assert_eq!(
        fj("zipmap", json!([["a", "b"], [1, 2]])),
        json!({"a": 1, "b": 2})
    );
    assert!(err("zipmap", json!([["a"], [1, 2]])).contains("does not match"));
}

#[test]
fn range_follows_terraform() {
    assert_eq!(fj("range", json!(3)), json!([0, 1, 2]));
    assert_eq!(fj("range", json!([1, 4])), json!([1, 2, 3]));
    assert_eq!(fj("range", json!([1, 8, 2])), json!([1, 3, 5, 7]));
    assert_eq!(
        fj("range", json!([1, 4, 0.5])),
        json!([1, 1.5, 2, 2.5, 3, 3.5])
    );
    assert_eq!(fj("range", json!([4, 1])), json!([4, 3, 2]));
    assert_eq!(fj("range", json!([10, 5, -2])), json!([10, 8, 6]));
    assert_eq!(fj("range", json!(-3)), json!([0, -1, -2]));
    assert_eq!(fj("range", json!(0)), json!([]));
    assert!(err("range", json!([0, 1, 0])).contains("step must not be zero"));
    assert!(err("range", json!([1, 5, -1])).contains("end must be less"));
    assert!(err("range", json!(1e9)).contains("more than 1024"));
    assert_eq!(
        fj("range", json!(1024)).as_array().map(Vec::len),
        Some(1024)
    );
}

#[test]
fn set_functions() {
    assert_eq!(
        fj(
            "setintersection",
            json!([["a", "b"], ["b", "c"], ["b", "d"]])
        ),
        json!(["b"])
    );
    assert_eq!(
        fj("setsubtract", json!([["a", "b", "c"], ["a", "c"]])),
        json!(["b"])
    );
    assert_eq!(
        fj("setunion", json!([["b", "a"], ["b", "c"], ["d"]])),
        json!(["a", "b", "c", "d"])
    );
    assert_eq!(fj("setunion", json!([[3, 1], [2, 1]])), json!([1, 2, 3]));
    assert_eq!(
        fj(
            "setproduct",
            json!([["development", "staging"], ["app1", "app2"]])
        ),
        json!([
            ["development", "app1"],
            ["development", "app2"],
            ["staging", "app1"],
            ["staging", "app2"]
        ])
    );
    assert_eq!(fj("setproduct", json!([["a"], []])), json!([]));
    assert_eq!(
        fj("toset", json!([["c", "b", "b", "a"]])),
        json!(["a", "b", "c"])
    );
    assert_eq!(fj("toset", json!([["a", 1, "1"]])), json!(["1", "a"]));
}

#[test]
fn unknowns_propagate_precisely() {
    let u = unk("var.x has no value");
    let list_with_unknown = Value::List(vec!["a".into(), u.clone()]);
    // length is known when the list is, whatever its elements.
    assert_eq!(
        f("length", vec![list_with_unknown.clone()]).unwrap(),
        Value::from(2.0)
    );
    assert_eq!(f("length", vec![u.clone()]).unwrap(), u);
    // coalesce: known when everything before the answer is known.
    assert_eq!(
        f("coalesce", vec!["a".into(), u.clone()]).unwrap(),
        Value::from("a")
    );
    assert_eq!(
        f("coalesce", vec![Value::Null, u.clone(), "a".into()]).unwrap(),
        u
    );
    // contains: an unknown element may be the one looked for.
    assert_eq!(
        f("contains", vec![list_with_unknown.clone(), "a".into()]).unwrap(),
        Value::Bool(true)
    );
    assert_eq!(
        f("contains", vec![list_with_unknown.clone(), "b".into()]).unwrap(),
        u
    );
    // lookup is known when the map is known at that key.
    let obj = Value::Object(BTreeMap::from([
        ("a".to_owned(), "x".into()),
        ("b".to_owned(), u.clone()),
    ]));
    assert_eq!(
        f("lookup", vec![obj.clone(), "a".into()]).unwrap(),
        Value::from("x")
    );
    assert_eq!(f("lookup", vec![obj.clone(), "b".into()]).unwrap(), u);
    assert_eq!(f("keys", vec![obj.clone()]).unwrap(), j(json!(["a", "b"])));
    assert_eq!(f("merge", vec![obj.clone(), u.clone()]).unwrap(), u);
    // concat, compact and flatten keep unknown elements.
    assert_eq!(
        f("concat", vec![list_with_unknown.clone(), j(json!(["c"]))]).unwrap(),
        Value::List(vec!["a".into(), u.clone(), "c".into()])
    );
    assert_eq!(
        f("compact", vec![Value::List(vec!["".into(), u.clone()])]).unwrap(),
        Value::List(vec![u.clone()])
    );
    assert_eq!(
        f(
            "flatten",
            vec![Value::List(vec![list_with_unknown.clone()])]
        )
        .unwrap(),
        list_with_unknown
    );
    // jsonencode keeps what is known of a partially known value.
    let encoded = f("jsonencode", vec![obj.clone()]).unwrap();
    assert_eq!(
        encoded.first_unknown().map(|x| x.reason()),
        u.first_unknown().map(|x| x.reason())
    );
    assert_eq!(encoded.known_shape().as_deref(), Some(&obj));
    assert_eq!(f("jsondecode", vec![encoded]).unwrap(), obj);
    assert_eq!(f("upper", vec![u.clone()]).unwrap(), u);
    assert_eq!(f("sort", vec![list_with_unknown.clone()]).unwrap(), u);
    assert_eq!(
        f("element", vec![list_with_unknown.clone(), 0.0.into()]).unwrap(),
        Value::from("a")
    );
    assert_eq!(
        f(
            "alltrue",
            vec![Value::List(vec![Value::Bool(false), u.clone()])]
        )
        .unwrap(),
        Value::Bool(false)
    );
    assert_eq!(
        f(
            "anytrue",
            vec![Value::List(vec![u.clone(), Value::Bool(true)])]
        )
        .unwrap(),
        Value::Bool(true)
    );
    assert!(f("timestamp", vec![]).unwrap().is_unknown());
    assert!(f("uuid", vec![]).unwrap().is_unknown());
    assert!(f("bcrypt", vec!["x".into()]).unwrap().is_unknown());
    assert_eq!(f("sensitive", vec![u.clone()]).unwrap(), u);
    assert_eq!(
        f("issensitive", vec!["x".into()]).unwrap(),
        Value::Bool(false)
    );
}

#[test]
fn conversions() {
    assert_eq!(fj("tobool", json!("true")), json!(true));
    assert_eq!(fj("tobool", json!([null])), json!(null));
    assert!(err("tobool", json!("no")).contains("only the strings"));
    assert_eq!(fj("tonumber", json!("1.5")), json!(1.5));
    assert!(err("tonumber", json!("no")).contains("cannot convert"));
    assert_eq!(fj("tostring", json!(1)), json!("1"));
    assert_eq!(fj("tostring", json!(true)), json!("true"));
    assert!(err("tostring", json!([[1]])).contains("cannot convert"));
    assert_eq!(fj("tolist", json!([["a", "b", 3]])), json!(["a", "b", "3"]));
    assert_eq!(
        fj("tomap", json!({"a": "foo", "b": true})),
        json!({"a": "foo", "b": "true"})
    );
    assert!(err("tolist", json!({"a": 1})).contains("cannot convert"));
}

#[test]
fn encodings() {
    assert_eq!(
        fj("base64encode", json!("Hello World")),
        json!("SGVsbG8gV29ybGQ=")
    );
    assert_eq!(
        fj("base64decode", json!("SGVsbG8gV29ybGQ=")),
        json!("Hello World")
    );
    assert_eq!(fj("base64decode", json!("YQ==")), json!("a"));
    assert!(err("base64decode", json!("YQ")).contains("failed to decode"));
    assert!(err("base64decode", json!("/w==")).contains("not valid UTF-8"));
    assert_eq!(
        fj("textencodebase64", json!(["Hello World", "UTF-16LE"])),
        json!("SABlAGwAbABvACAAVwBvAHIAbABkAA==")
    );
    assert_eq!(
        fj(
            "textdecodebase64",
            json!(["SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE"])
        ),
        json!("Hello World")
    );
    assert!(f("textencodebase64", vec!["x".into(), "Shift_JIS".into()])
        .unwrap()
        .is_unknown());
    assert_eq!(
        fj("urlencode", json!("Hello World!")),
        json!("Hello+World%21")
    );
    assert_eq!(fj("urlencode", json!("☃")), json!("%E2%98%83"));
    assert_eq!(
        fj("urldecode", json!("Hello+World%21%E2%98%83")),
        json!("Hello World!☃")
    );
    assert!(err("urldecode", json!("50%")).contains("invalid URL escape"));
    assert_eq!(
        fj("urlencode", json!("foo:bar@localhost?foo=bar&bar=baz")),
        json!("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")
    );
    assert_eq!(
        fj("csvdecode", json!("a,b,c\n1,2,3\n4,5,6")),
        json!([{"a": "1", "b": "2", "c": "3"}, {"a": "4", "b": "5", "c": "6"}])
    );
    assert_eq!(
        fj(
            "csvdecode",
            json!("name,note\r\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\r\n")
        ),
        json!([{"name": "Smith, J", "note": "said \"hi\"\nthen left"}])
    );
    assert!(err("csvdecode", json!("a,b\n1")).contains("wrong number of fields"));
    assert!(err("csvdecode", json!("")).contains("missing header line"));
    assert!(err("csvdecode", json!("a\nb\"c")).contains("bare \""));
}

#[test]
fn json_encoding_is_go_compatible() {
    assert_eq!(
        fj("jsonencode", json!({"hello": "world"})),
        json!("{\"hello\":\"world\"}")
    );
    assert_eq!(
        fj(
            "jsonencode",
            json!({"b": [1, 2.5, null, true], "a": "<&>\u{2028}\n\u{1}"})
        ),
        json!("{\"a\":\"\\u003c\\u0026\\u003e\\u2028\\n\\u0001\",\"b\":[1,2.5,null,true]}")
    );
    assert_eq!(
        fj("jsonencode", json!(1e21)),
        json!("1000000000000000000000")
    );
    assert_eq!(
        fj("jsondecode", json!("{\"hello\": \"world\"}")),
        json!({"hello": "world"})
    );
    assert_eq!(fj("jsondecode", json!("true")), json!(true));
    assert!(f("jsondecode", vec!["{".into()]).is_err());
}

#[test]
fn yaml_decoding() {
    assert_eq!(
        fj("yamldecode", json!("hello: world")),
        json!({"hello": "world"})
    );
    assert_eq!(fj("yamldecode", json!("true")), json!(true));
    assert_eq!(fj("yamldecode", json!("")), json!(null));
    assert_eq!(
        fj("yamldecode", json!("{a: &foo [1, 2, 3], b: *foo}")),
        json!({"a": [1, 2, 3], "b": [1, 2, 3]})
    );
    assert_eq!(
        fj(
            "yamldecode",
            json!("a: yes\nb: 'yes'\nc: ~\nd: 0x1F\ne: 1_000\nf: 2001-12-14\ng: .5\nh: \"1\"")
        ),
        json!({"a": true, "b": "yes", "c": null, "d": 31, "e": 1000, "f": "2001-12-14T00:00:00Z", "g": 0.5, "h": "1"})
    );
    assert_eq!(
        fj(
            "yamldecode",
            json!("base: &b {x: 1, z: 2}\nmerged:\n  <<: *b\n  z: 3\n")
        ),
        json!({"base": {"x": 1, "z": 2}, "merged": {"x": 1, "z": 3}})
    );
    // Keys resolve like values in go-cty-yaml (YAML 1.1 booleans included).
    assert_eq!(
        fj("yamldecode", json!("y: 1\n1.50: 2\n")),
        json!({"true": 1, "1.5": 2})
    );
    assert_eq!(
        fj("yamldecode", json!("- !!str 1\n- !!int \"2\"")),
        json!(["1", 2])
    );
    assert!(err("yamldecode", json!("a: 1\n---\nb: 2")).contains("extra content"));
    assert!(err("yamldecode", json!("a: .nan")).contains("NaN"));
    assert!(f("yamldecode", vec!["a: [".into()]).is_err());
    // A "billion laughs" document is refused instead of expanded.
    let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let p = i - 1;
        let _ = writeln!(
            doc,
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]"
        );
    }
    assert!(f("yamldecode", vec![doc.into()])
        .unwrap_err()
        .contains("excessive aliasing"));
}

#[test]
fn yaml_encoding_matches_go_cty_yaml() {
    assert_eq!(
        fj("yamlencode", json!({"a": "b", "c": "d"})),
        json!("\"a\": \"b\"\n\"c\": \"d\"\n")
    );
    assert_eq!(
        fj("yamlencode", json!({"foo": [1, 2, 3], "bar": "baz"})),
        json!("\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n")
    );
    assert_eq!(
        fj(
            "yamlencode",
            json!({"foo": [1, {"a": "b", "c": "d"}, 3], "bar": "baz"})
        ),
        json!("\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n")
    );
    assert_eq!(fj("yamlencode", json!(true)), json!("true\n...\n"));
    assert_eq!(fj("yamlencode", json!([null])), json!("null\n...\n"));
    assert_eq!(fj("yamlencode", json!("hello")), json!("\"hello\"\n"));
    assert_eq!(fj("yamlencode", json!({})), json!("{}\n"));
    assert_eq!(fj("yamlencode", json!([[]])), json!("[]\n"));
    assert_eq!(fj("yamlencode", json!([["b"]])), json!("- \"b\"\n"));
    assert_eq!(
        fj(
            "yamlencode",
            json!({"a": {"b": {"c": []}, "d": [[1, 2], {}]}})
        ),
        json!("\"a\":\n  \"b\":\n    \"c\": []\n  \"d\":\n  - - 1\n    - 2\n  - {}\n")
    );
    assert_eq!(
        fj(
            "yamlencode",
            json!({"s": "line1\nline2\n", "t": "x\ny", "u": "tab\there\n"})
        ),
        json!("\"s\": |\n  line1\n  line2\n\"t\": |-\n  x\n  y\n\"u\": \"tab\\there\\n\"\n")
    );
    assert_eq!(fj("yamlencode", json!("a\n\n")), json!("|+\n  a\n\n...\n"));
    assert_eq!(
        fj("yamlencode", json!({"k": " lead\n"})),
        json!("\"k\": |2\n   lead\n")
    );
    assert_eq!(
        fj("yamlencode", json!({"e": "é😀\u{7f}"})),
        json!("\"e\": \"é\\U0001F600\\x7F\"\n")
    );
    // Long double-quoted strings are folded at spaces past column 80.
    let long = format!("{} {}", "a".repeat(85), "b".repeat(10));
    assert_eq!(
        f(
            "yamlencode",
            vec![Value::Object(BTreeMap::from([(
                "k".to_owned(),
                Value::from(long.as_str())
            )]))]
        )
        .unwrap(),
        Value::String(format!(
            "\"k\": \"{}\n  {}\"\n",
            "a".repeat(85),
            "b".repeat(10)
        ))
    );
}

#[test]
fn numeric_functions() {
    assert_eq!(fj("abs", json!(-12.4)), json!(12.4));
    assert_eq!(fj("ceil", json!(5.1)), json!(6));
    assert_eq!(fj("floor", json!(4.9)), json!(4));
    assert_eq!(fj("log", json!([50, 10])), json!(1.6989700043360185));
    assert_eq!(fj("log", json!([16, 2])), json!(4));
    assert_eq!(fj("max", json!([12, 54, 3])), json!(54));
    assert_eq!(fj("min", json!([12, 54, 3])), json!(3));
    assert_eq!(fj("pow", json!([3, 2])), json!(9));
    assert_eq!(fj("signum", json!(-13)), json!(-1));
    assert_eq!(fj("signum", json!(0)), json!(0));
    assert_eq!(fj("parseint", json!(["100", 10])), json!(100));
    assert_eq!(fj("parseint", json!(["FF", 16])), json!(255));
    assert_eq!(fj("parseint", json!(["-10", 16])), json!(-16));
    assert_eq!(fj("parseint", json!(["11111111", 2])), json!(255));
    assert_eq!(fj("parseint", json!(["aA", 62])), json!(656));
    assert!(err("parseint", json!(["12", 2])).contains("cannot parse"));
    assert!(err("parseint", json!(["1", 63])).contains("between 2 and 62"));
}

#[test]
fn cidr_functions() {
    assert_eq!(
        fj("cidrhost", json!(["10.12.112.0/20", 16])),
        json!("10.12.112.16")
    );
    assert_eq!(
        fj("cidrhost", json!(["10.12.112.0/20", 268])),
        json!("10.12.113.12")
    );
    assert_eq!(
        fj("cidrhost", json!(["10.0.0.0/24", -1])),
        json!("10.0.0.255")
    );
    assert_eq!(
        fj("cidrhost", json!(["fd00:fd12:3456:7890:00a2::/72", 34])),
        json!("fd00:fd12:3456:7890::22")
    );
    assert!(err("cidrhost", json!(["10.0.0.0/24", 256]))
        .contains("does not accommodate a host numbered 256"));
    assert_eq!(
        fj("cidrnetmask", json!("172.16.0.0/12")),
        json!("255.240.0.0")
    );
    assert!(err("cidrnetmask", json!("fd00::/8")).contains("IPv6"));
    assert_eq!(
        fj("cidrsubnet", json!(["172.16.0.0/12", 4, 2])),
        json!("172.18.0.0/16")
    );
    assert_eq!(
        fj("cidrsubnet", json!(["10.1.2.0/24", 4, 15])),
        json!("10.1.2.240/28")
    );
    assert_eq!(
        fj("cidrsubnet", json!(["fd00:fd12:3456:7890::/56", 16, 162])),
        json!("fd00:fd12:3456:7800:a200::/72")
    );
    assert!(
        err("cidrsubnet", json!(["10.0.0.0/24", 4, 16])).contains("does not accommodate a subnet")
    );
    assert!(err("cidrsubnet", json!(["10.0.0.0/30", 4, 0])).contains("insufficient address space"));
    assert!(err("cidrsubnet", json!(["10.0.0.0", 4, 0])).contains("invalid CIDR address"));
    assert_eq!(
        fj("cidrsubnets", json!(["10.1.0.0/16", 4, 4, 8, 4])),
        json!([
            "10.1.0.0/20",
            "10.1.16.0/20",
            "10.1.32.0/24",
            "10.1.48.0/20"
        ])
    );
    assert_eq!(
        fj(
            "cidrsubnets",
            json!(["fd00:fd12:3456:7890::/56", 16, 16, 16, 32])
        ),
        json!([
            "fd00:fd12:3456:7800::/72",
            "fd00:fd12:3456:7800:100::/72",
            "fd00:fd12:3456:7800:200::/72",
            "fd00:fd12:3456:7800:300::/88"
        ])
    );
    assert!(err("cidrsubnets", json!(["10.0.0.0/30", 1, 1, 1]))
        .contains("not enough remaining address space"));
    assert_eq!(
        fj("cidrcontains", json!(["192.168.2.0/20", "192.168.2.1"])),
        json!(true)
    );
    assert_eq!(
        fj("cidrcontains", json!(["192.168.2.0/20", "192.126.2.1"])),
        json!(false)
    );
    assert_eq!(
        fj("cidrcontains", json!(["192.168.2.0/20", "192.168.2.0/24"])),
        json!(true)
    );
    assert_eq!(
        fj("cidrcontains", json!(["192.168.2.0/24", "192.168.0.0/20"])),
        json!(false)
    );
    assert!(err("cidrcontains", json!(["10.0.0.0/8", "::1"])).contains("address family mismatch"));
    // Leading zeros are accepted as Terraform's parser does.
    assert_eq!(
        fj("cidrhost", json!(["010.000.000.000/8", 1])),
        json!("10.0.0.1")
    );
}

#[test]
fn hashes() {
    assert_eq!(
        fj("md5", json!("hello world")),
        json!("5eb63bbbe01eeed093cb22bb8f5acdc3")
    );
    assert_eq!(
        fj("sha1", json!("hello world")),
        json!("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")
    );
    assert_eq!(
        fj("sha256", json!("hello world")),
        json!("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")
    );
    assert_eq!(
        fj("sha512", json!("hello world")),
        json!("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f")
    );
    assert_eq!(
        fj("base64sha256", json!("hello world")),
        json!("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
    );
    assert_eq!(
        fj("base64sha512", json!("hello world")),
        json!("MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==")
    );
    assert_eq!(
        fj("uuidv5", json!(["dns", "www.terraform.io"])),
        json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
    );
    assert_eq!(
        fj("uuidv5", json!(["url", "https://www.terraform.io/"])),
        json!("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")
    );
    assert_eq!(
        fj("uuidv5", json!(["oid", "1.3.6.1.4"])),
        json!("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")
    );
    assert_eq!(
        fj("uuidv5", json!(["x500", "CN=Example,C=GB"])),
        json!("84e09961-4aa4-57f8-95b7-03edb1073253")
    );
    assert_eq!(
        fj(
            "uuidv5",
            json!(["6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io"])
        ),
        json!("a5008fae-b28c-5ba5-96cd-82b4c53552d6")
    );
    assert!(err("uuidv5", json!(["nope", "x"])).contains("doesn't support namespace"));
}

#[test]
fn time_functions() {
    let t = "2018-01-02T23:12:01Z";
    assert_eq!(
        fj("formatdate", json!(["DD MMM YYYY hh:mm ZZZ", t])),
        json!("02 Jan 2018 23:12 UTC")
    );
    assert_eq!(
        fj("formatdate", json!(["EEEE, DD-MMM-YY hh:mm:ss ZZZ", t])),
        json!("Tuesday, 02-Jan-18 23:12:01 UTC")
    );
    assert_eq!(
        fj(
            "formatdate",
            json!(["EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"])
        ),
        json!("Tue, 02 Jan 2018 23:12:01 -0800")
    );
    assert_eq!(
        fj("formatdate", json!(["MMM DD, YYYY", t])),
        json!("Jan 02, 2018")
    );
    assert_eq!(fj("formatdate", json!(["HH:mmaa", t])), json!("11:12pm"));
    assert_eq!(
        fj("formatdate", json!(["h'h'mm", "2018-01-02T23:12:01-08:00"])),
        json!("23h12")
    );
    assert_eq!(
        fj(
            "formatdate",
            json!(["'It''s' D/M/YYYY Z ZZZZZ", "2000-02-29T00:00:00+05:30"])
        ),
        json!("It's 29/2/2000 +05:30 +05:30")
    );
    assert!(err("formatdate", json!(["YYY", t])).contains("year must either be"));
    assert!(err("formatdate", json!(["'abc", t])).contains("unterminated literal"));
    assert!(
        err("formatdate", json!(["YYYY", "2018-01-02"])).contains("not a valid RFC3339 timestamp")
    );
    assert!(err("formatdate", json!(["YYYY", "2019-02-29T00:00:00Z"])).contains("day out of range"));
    assert_eq!(
        fj("timeadd", json!(["2017-11-22T00:00:00Z", "10m"])),
        json!("2017-11-22T00:10:00Z")
    );
    assert_eq!(
        fj("timeadd", json!(["2017-11-22T00:00:00Z", "-1h30m"])),
        json!("2017-11-21T22:30:00Z")
    );
    assert_eq!(
        fj("timeadd", json!(["2020-02-28T23:00:00+01:00", "1.5h"])),
        json!("2020-02-29T00:30:00+01:00")
    );
    assert_eq!(
        fj("timeadd", json!(["2017-11-22T00:00:00.5Z", "500ms"])),
        json!("2017-11-22T00:00:01Z")
    );
    assert!(err("timeadd", json!(["2017-11-22T00:00:00Z", "1d"])).contains("unknown unit"));
    assert!(err("timeadd", json!(["2017-11-22T00:00:00Z", "10"])).contains("missing unit"));
    assert_eq!(
        fj(
            "timecmp",
            json!(["2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z"])
        ),
        json!(0)
    );
    assert_eq!(
        fj(
            "timecmp",
            json!(["2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z"])
        ),
        json!(-1)
    );
    assert_eq!(
        fj(
            "timecmp",
            json!(["2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z"])
        ),
        json!(1)
    );
    assert_eq!(
        fj(
            "timecmp",
            json!(["2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00"])
        ),
        json!(0)
    );
}

#[test]
fn path_functions() {
    assert_eq!(fj("basename", json!("foo/bar/baz.txt")), json!("baz.txt"));
    assert_eq!(fj("basename", json!("foo/bar/")), json!("bar"));
    assert_eq!(fj("dirname", json!("foo/bar/baz.txt")), json!("foo/bar"));
    assert_eq!(fj("dirname", json!("baz.txt")), json!("."));
    assert_eq!(fj("dirname", json!("/baz.txt")), json!("/"));
    assert_eq!(fj("abspath", json!("/a/./b/../c")), json!("/a/c"));
    assert!(f("abspath", vec!["rel".into()]).unwrap().is_unknown());
    assert!(f("pathexpand", vec!["~/.ssh/id_rsa".into()])
        .unwrap()
        .is_unknown());
    assert_eq!(
        fj("pathexpand", json!("/etc/resolv.conf")),
        json!("/etc/resolv.conf")
    );
}

#[test]
fn file_functions_stay_inside_the_tree() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("root");
    std::fs::create_dir_all(root.join("files/sub")).unwrap();
    std::fs::write(root.join("files/hello.txt"), "hello world").unwrap();
    std::fs::write(root.join("files/sub/a.json"), "{}").unwrap();
    std::fs::write(root.join("files/.hidden.txt"), "x").unwrap();
    std::fs::write(root.join("files/tmpl.tftpl"), "Hi ${name}!").unwrap();
    std::fs::write(root.join("files/bin"), [0xffu8, 0xfe]).unwrap();
    std::fs::write(outer.path().join("secret"), "s3cret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outer.path().join("secret"), root.join("files/escape")).unwrap();

    let c = |name: &str, args: Vec<Value>| call_in(&root, name, args);
    assert_eq!(
        c("file", vec!["files/hello.txt".into()]).unwrap(),
        Value::from("hello world")
    );
    assert_eq!(
        c("filemd5", vec!["files/hello.txt".into()]).unwrap(),
        Value::from("5eb63bbbe01eeed093cb22bb8f5acdc3")
    );
    assert_eq!(
        c("filebase64sha256", vec!["files/hello.txt".into()]).unwrap(),
        Value::from("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
    );
    assert_eq!(
        c("filebase64", vec!["files/bin".into()]).unwrap(),
        Value::from("//4=")
    );
    assert!(c("file", vec!["files/bin".into()])
        .unwrap_err()
        .contains("not valid UTF-8"));
    assert!(c("file", vec!["files/missing".into()])
        .unwrap_err()
        .contains("no file exists"));
    assert_eq!(
        c("fileexists", vec!["files/hello.txt".into()]).unwrap(),
        Value::Bool(true)
    );
    assert_eq!(
        c("fileexists", vec!["files/nope".into()]).unwrap(),
        Value::Bool(false)
    );
    assert!(c("fileexists", vec!["files".into()])
        .unwrap_err()
        .contains("is a directory"));
    assert!(c("file", vec!["../secret".into()])
        .unwrap_err()
        .contains("refusing to read outside"));
    let abs_secret = outer.path().join("secret").to_string_lossy().into_owned();
    assert!(c("filesha256", vec![abs_secret.into()])
        .unwrap_err()
        .contains("refusing to read outside"));
    #[cfg(unix)]
    assert!(c("file", vec!["files/escape".into()])
        .unwrap_err()
        .contains("refusing to read outside"));
    assert!(c("fileset", vec!["..".into(), "*".into()])
        .unwrap_err()
        .contains("refusing to read outside"));

    assert_eq!(
        c("fileset", vec!["files".into(), "*.txt".into()]).unwrap(),
        j(json!([".hidden.txt", "hello.txt"]))
    );
    assert_eq!(
        c("fileset", vec!["files".into(), "**/*.{json,txt}".into()]).unwrap(),
        j(json!([".hidden.txt", "hello.txt", "sub/a.json"]))
    );
    assert_eq!(
        c("fileset", vec!["files".into(), "sub/*".into()]).unwrap(),
        j(json!(["sub/a.json"]))
    );
    assert_eq!(
        c("fileset", vec!["files".into(), "h[a-f]llo.???".into()]).unwrap(),
        j(json!(["hello.txt"]))
    );
    assert_eq!(
        c("fileset", vec!["missing".into(), "*".into()]).unwrap(),
        j(json!([]))
    );

    let vars = Value::Object(BTreeMap::from([("name".to_owned(), Value::from("Ann"))]));
    assert_eq!(
        c(
            "templatefile",
            vec!["files/tmpl.tftpl".into(), vars.clone()]
        )
        .unwrap(),
        Value::from("Hi Ann!")
    );
    assert_eq!(
        c("templatestring", vec!["${name}?".into(), vars]).unwrap(),
        Value::from("Ann?")
    );
    let bad_vars = Value::Object(BTreeMap::from([("1x".to_owned(), Value::from("a"))]));
    assert!(c("templatefile", vec!["files/tmpl.tftpl".into(), bad_vars])
        .unwrap_err()
        .contains("invalid template variable name"));
    assert!(c(
        "templatefile",
        vec!["files/tmpl.tftpl".into(), Value::List(vec![])]
    )
    .unwrap_err()
    .contains("must be a map"));
}

#[test]
fn arity_and_names() {
    assert!(f("upper", vec![])
        .unwrap_err()
        .contains("expects 1 argument"));
    assert!(f("nosuchfunction", vec![])
        .unwrap_err()
        .contains("unknown function"));
    assert!(f("upper", vec![Value::Null]).unwrap_err().contains("null"));
    assert!(is_known("cidrsubnets") && is_known("timestamp") && is_known("yamlencode"));
    assert!(!is_known("try") && !is_known("can") && !is_known("provider::aws::arn_parse"));
}
