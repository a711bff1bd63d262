//! A resource's values made to follow its provider schema
//! (`--provider-schema`): see [`crate::terraform::schema`].

use super::*;
use crate::terraform::schema::{self, Block, Moved, Nesting, Step};

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

    /// Makes `values` follow the schema (see [`schema::apply`]): a value
    /// that does not convert, or a block Terraform rejects, is an error at
    /// it, in Terraform's words; the spans and references of blocks that
    /// moved (collapsed set blocks, `single` and `map` blocks) move with
    /// them.
    pub(super) fn follow_schema(
        &self,
        rb: &ResourceBlock<'_>,
        schema: &Block,
        values: &mut Value,
        address: &str,
        written: Written<'_>,
    ) {
        let Written {
            block,
            spans,
            labels,
            references,
            instance_references,
        } = written;
        let applied = {
            let as_attribute = |p: &str| spans.contains_key(p);
            let target = schema::Target {
                label: address,
                data: rb.mode == Mode::Data,
                written_as_attribute: &as_attribute,
                labels,
            };
            schema::apply(schema, values, &target)
        };
        for (path, message) in applied.errors {
            let at = spans.get(&path).cloned().unwrap_or_else(|| block.clone());
            self.error_issue(at, format!("{address}: {message}"));
        }
        for moved in &applied.moved {
            relocate(spans, moved);
            relocate(references, moved);
            relocate(instance_references, moved);
        }
    }

    /// A written attribute's value for a reference from elsewhere,
    /// converted to its schema type when there is one, its provider-set
    /// members unknown.
    pub(super) fn typed_attribute(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        attr: &str,
        v: Value,
    ) -> Value {
        let (provider, _) = provider_of(&rb.block.body, rb.rtype);
        match self
            .schema_of(rb, &provider)
            .and_then(|s| s.attributes.get(attr))
        {
            Some(a) => schema::attribute_value(a, v, label, attr, rb.mode == Mode::Data),
            None => v,
        }
    }

    /// A reference to the nested block type `name` of one instance of `rb`
    /// (`aws_db_instance.a.timeouts`) when the schema has that block type:
    /// its blocks as they decode (an object for `single`, keyed by label
    /// for `map`), an empty list, map or null when none is written. None
    /// without a schema, or when `name` is no block type of it.
    pub(super) fn block_reference(
        &self,
        rb: &ResourceBlock<'_>,
        instance: &str,
        binding: Option<&(&'static str, Value)>,
        name: &str,
    ) -> Option<Value> {
        let (provider, _) = provider_of(&rb.block.body, rb.rtype);
        let schema = self.schema_of(rb, &provider)?;
        let nested = schema.block_types.get(name)?;
        let key = format!("{instance}.{name} (blocks)");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return Some(Value::unknown(format!(
                "error: {instance}.{name} refers to itself"
            )));
        }
        // Only the blocks of that type: the rest of the body is not needed
        // (and may refer back to what is being evaluated).
        let mut blocks = Body::new();
        for b in rb.block.body.blocks() {
            let ident = b.ident.value().as_str();
            let label = b.labels.first().map(|l| l.as_str());
            if ident == name || (ident == "dynamic" && label == Some(name)) {
                blocks.push(b.clone());
            }
        }
        let eval = Eval::new(self);
        let bound;
        let scope = match binding {
            Some((n, v)) => {
                bound = Binding::new(n, v.clone(), Bindings::EMPTY);
                bound.scope()
            }
            None => Bindings::EMPTY,
        };
        let (mut values, spans, labels) = self.body_value_apart(&eval, &blocks, scope, rb.file);
        let as_attribute = |p: &str| spans.contains_key(p);
        let target = schema::Target {
            label: instance,
            data: rb.mode == Mode::Data,
            written_as_attribute: &as_attribute,
            labels: &labels,
        };
        // Its errors are reported where the blocks are written.
        schema::apply(schema, &mut values, &target);
        self.in_progress.borrow_mut().remove(&key);
        let Value::Object(mut map) = values else {
            return None;
        };
        Some(map.remove(name).unwrap_or(match nested.nesting {
            Nesting::List | Nesting::Set => Value::List(Vec::new()),
            Nesting::Map => Value::Object(BTreeMap::new()),
            Nesting::Single | Nesting::Group => Value::Null,
        }))
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

/// Where an instance's body was written, for [`ModuleEval::follow_schema`]:
/// the block, the spans and labels of what is in it, and the references of
/// its attributes, all by path as written ("ingress.0.from_port").
pub(super) struct Written<'w> {
    pub block: SpanRef,
    pub spans: &'w mut HashMap<String, SpanRef>,
    pub labels: &'w HashMap<String, Vec<String>>,
    pub references: &'w mut BTreeMap<String, Vec<String>>,
    pub instance_references: &'w mut BTreeMap<String, Vec<String>>,
}

/// Moves the keys of `map` under `base.N` to where block N went
/// (`base.M`, `base.LABEL` or `base`); the keys of a block that is gone
/// go too.
fn relocate<M: PathMap>(map: &mut M, moved: &Moved) {
    let prefix = format!("{}.", moved.base);
    let mut renamed = Vec::new();
    for key in map.keys_under(&prefix) {
        let rest = &key[prefix.len()..];
        let (index, tail) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
        let Ok(old) = index.parse::<usize>() else {
            continue;
        };
        let Some(value) = map.take(&key) else {
            continue;
        };
        let base = &moved.base;
        let new = match moved.to.get(old).cloned().flatten() {
            Some(Step::Index(i)) => format!("{base}.{i}{tail}"),
            Some(Step::Key(k)) => format!("{base}.{k}{tail}"),
            Some(Step::Whole) => format!("{base}{tail}"),
            None => continue,
        };
        renamed.push((new, value));
    }
    for (key, value) in renamed {
        map.put(key, value);
    }
}

/// The maps keyed by dotted path that [`relocate`] moves keys in.
trait PathMap {
    type V;
    fn keys_under(&self, prefix: &str) -> Vec<String>;
    fn take(&mut self, key: &str) -> Option<Self::V>;
    fn put(&mut self, key: String, value: Self::V);
}

impl<V> PathMap for HashMap<String, V> {
    type V = V;
    fn keys_under(&self, prefix: &str) -> Vec<String> {
        self.keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }
    fn take(&mut self, key: &str) -> Option<V> {
        self.remove(key)
    }
    fn put(&mut self, key: String, value: V) {
        self.insert(key, value);
    }
}

impl<V> PathMap for BTreeMap<String, V> {
    type V = V;
    fn keys_under(&self, prefix: &str) -> Vec<String> {
        self.range(prefix.to_owned()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect()
    }
    fn take(&mut self, key: &str) -> Option<V> {
        self.remove(key)
    }
    fn put(&mut self, key: String, value: V) {
        self.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys<V: Copy + Ord>(m: &HashMap<String, V>) -> Vec<(&str, V)> {
        let mut keys: Vec<(&str, V)> = m.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        keys.sort();
        keys
    }

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
        let moved = Moved {
            base: "grant".into(),
            to: vec![Some(Step::Index(0)), None, Some(Step::Index(1))],
        };
        relocate(&mut m, &moved);
        assert_eq!(
            keys(&m),
            [
                ("grant.0", 0),
                ("grant.1", 2),
                ("grant.1.id", 21),
                ("granted", 9)
            ]
        );
    }

    #[test]
    fn map_and_single_blocks_move_to_their_label_and_their_type() {
        let mut m: BTreeMap<String, u8> = BTreeMap::from([
            ("setting.0".to_owned(), 0),
            ("setting.0.value".to_owned(), 1),
            ("setting.1.value".to_owned(), 2),
            ("timeouts.0.create".to_owned(), 3),
            ("timeouts.1.create".to_owned(), 4),
        ]);
        relocate(
            &mut m,
            &Moved {
                base: "setting".into(),
                to: vec![Some(Step::Key("b".into())), Some(Step::Key("a".into()))],
            },
        );
        relocate(
            &mut m,
            &Moved {
                base: "timeouts".into(),
                to: vec![Some(Step::Whole), None],
            },
        );
        let keys: Vec<(&str, u8)> = m.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        assert_eq!(
            keys,
            [
                ("setting.a.value", 2),
                ("setting.b", 0),
                ("setting.b.value", 1),
                ("timeouts.create", 3)
            ]
        );
    }
}
