//! A resource's values made to follow its provider schema
//! (`--provider-schema`): see [`crate::terraform::schema`].

use super::*;
use crate::terraform::schema::{self, Block};

impl ModuleEval<'_, '_> {
    /// The schema of `rb`'s type when `--provider-schema` has it. Data
    /// sources tfward computes itself (`aws_iam_policy_document`) keep
    /// the values it computes.
    pub(super) fn schema_of(&self, rb: &ResourceBlock<'_>, provider: &str) -> Option<&Block> {
        if rb.mode == Mode::Data && data_sources::is_computed(rb.rtype) {
            return None;
        }
        self.ctx.schema?.block(rb.mode, provider, rb.rtype)
    }

    /// Converts `values` to the schema's types, collapses duplicate set
    /// blocks (renumbering the spans and references of the blocks after
    /// them) and adds the attributes only the provider sets as unknown. A
    /// value that does not convert is an error at it, in Terraform's words.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn follow_schema(
        &self,
        rb: &ResourceBlock<'_>,
        schema: &Block,
        values: &mut Value,
        address: &str,
        block: &SpanRef,
        spans: &mut HashMap<String, SpanRef>,
        instance_references: &mut BTreeMap<String, Vec<String>>,
    ) {
        let written = |p: &str| spans.contains_key(p);
        let target = schema::Target {
            label: address,
            data: rb.mode == Mode::Data,
            written_as_attribute: &written,
        };
        let applied = schema::apply(schema, values, &target);
        for (path, message) in applied.errors {
            let at = spans.get(&path).cloned().unwrap_or_else(|| block.clone());
            self.error_issue(at, format!("{address}: {message}"));
        }
        for (base, kept) in &applied.collapsed {
            renumber(spans, base, kept);
            let mut refs: HashMap<String, Vec<String>> =
                std::mem::take(instance_references).into_iter().collect();
            renumber(&mut refs, base, kept);
            *instance_references = refs.into_iter().collect();
        }
    }

    /// A written attribute's value for a reference from elsewhere,
    /// converted to its schema type when there is one.
    pub(super) fn typed_attribute(&self, rb: &ResourceBlock<'_>, attr: &str, v: Value) -> Value {
        let (provider, _) = provider_of(&rb.block.body, rb.rtype);
        match self
            .schema_of(rb, &provider)
            .and_then(|s| s.attributes.get(attr))
        {
            Some(a) => crate::terraform::types::convert(v.clone(), &a.ty).unwrap_or(v),
            None => v,
        }
    }

    /// What a reference to attribute `attr` of `rb` that its block does not
    /// write is: with a schema, null unless the provider computes it
    /// (Terraform's plan has it null); without one, unknown, saying that a
    /// schema would tell which (`--unknowns report` shows the reason).
    pub(super) fn unwritten_attribute(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        attr: &str,
    ) -> Value {
        let (provider, _) = provider_of(&rb.block.body, rb.rtype);
        let when = if rb.mode == Mode::Data {
            "read by the provider"
        } else {
            "known after apply"
        };
        match self.schema_of(rb, &provider) {
            Some(s) => match s.attributes.get(attr) {
                Some(a) if !a.computed => Value::Null,
                _ => Value::unknown(format!("{label}.{attr} is {when}")),
            },
            // `id` (every managed resource's) and `arn` (AWS's) are always
            // computed: no schema would decide them.
            None if self.ctx.schema.is_none()
                && rb.mode == Mode::Managed
                && !matches!(attr, "id" | "arn") =>
            {
                Value::unknown(format!(
                    "{label}.{attr} is {when} (not written: null unless the provider computes it; --provider-schema would tell)"
                ))
            }
            None => Value::unknown(format!("{label}.{attr} is {when}")),
        }
    }
}

/// Renames the keys of `map` under `base.N` to the blocks' new indexes
/// after duplicate set blocks collapsed (`kept`: the old indexes kept, in
/// order); the collapsed blocks' keys go.
fn renumber<V>(map: &mut HashMap<String, V>, base: &str, kept: &[usize]) {
    let prefix = format!("{base}.");
    let moved: Vec<String> = map
        .keys()
        .filter(|k| k.starts_with(&prefix))
        .cloned()
        .collect();
    let mut renamed = Vec::with_capacity(moved.len());
    for key in moved {
        let rest = &key[prefix.len()..];
        let (index, tail) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
        let Ok(old) = index.parse::<usize>() else {
            continue;
        };
        let value = map.remove(&key).expect("listed");
        if let Some(new) = kept.iter().position(|&k| k == old) {
            renamed.push((format!("{prefix}{new}{tail}"), value));
        }
    }
    map.extend(renamed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_blocks_renumber_the_ones_after_them() {
        let mut m: HashMap<String, u8> = HashMap::from([
            ("grant.0".to_owned(), 0),
            ("grant.1".to_owned(), 1),
            ("grant.1.id".to_owned(), 11),
            ("grant.2".to_owned(), 2),
            ("grant.2.id".to_owned(), 21),
            ("granted".to_owned(), 9),
        ]);
        renumber(&mut m, "grant", &[0, 2]);
        let mut keys: Vec<(&str, u8)> = m.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                ("grant.0", 0),
                ("grant.1", 2),
                ("grant.1.id", 21),
                ("granted", 9)
            ]
        );
    }
}
