//! Words the generators build from: the resource types the built-in
//! policies apply to and the attribute names they read, taken from the
//! embedded policy set (so generated resources make policies fire), and
//! the names of tfward's functions (its function table).

use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Every function name `tfward::terraform::functions::call` implements.
pub fn function_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        tfward::terraform::functions::FUNCTIONS
            .iter()
            .map(|f| f.name)
            .collect()
    })
}

pub struct Dict {
    pub resource_types: Vec<&'static str>,
    pub attributes: Vec<&'static str>,
}

/// Attribute names common to many providers, beside the ones read from
/// the policies.
const COMMON_ATTRIBUTES: &[&str] = &[
    "name",
    "tags",
    "bucket",
    "acl",
    "policy",
    "cidr_blocks",
    "ingress",
    "egress",
    "from_port",
    "to_port",
    "protocol",
    "encrypted",
    "kms_key_id",
    "enabled",
    "versioning",
    "rule",
    "statement",
    "id",
    "arn",
    "region",
    "count",
    "for_each",
];

pub fn get() -> &'static Dict {
    static DICT: OnceLock<Dict> = OnceLock::new();
    DICT.get_or_init(|| {
        let set = tfward::policy::PolicySet::embedded().expect("the embedded policies load");
        let mut types = BTreeSet::new();
        let mut attrs: BTreeSet<String> =
            COMMON_ATTRIBUTES.iter().map(|s| (*s).to_owned()).collect();
        for p in &set.policies {
            types.extend(p.meta.resource_types.iter().cloned());
            collect_attributes(&p.file.text, &mut attrs);
        }
        for l in &set.libs {
            collect_attributes(&l.text, &mut attrs);
        }
        types.remove("terraform");
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        Dict {
            resource_types: types.into_iter().map(leak).collect(),
            attributes: attrs.into_iter().map(leak).collect(),
        }
    })
}

/// Identifiers after `values.` and quoted keys after `values, "` in Rego
/// text: the attributes policies read.
fn collect_attributes(text: &str, out: &mut BTreeSet<String>) {
    for marker in ["values.", "values, \"", ".values[\""] {
        for (at, _) in text.match_indices(marker) {
            let rest = &text[at + marker.len()..];
            let ident: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if ident.len() > 1 && !ident.starts_with(|c: char| c.is_ascii_digit()) {
                out.insert(ident);
            }
        }
    }
}
