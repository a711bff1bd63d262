//! Resources expanded into instances: `count` and `for_each`, block bodies
//! with their nested and `dynamic` blocks, and references to another
//! resource's attributes.

use super::*;

impl ModuleEval<'_, '_> {
    pub(super) fn expand_resource(
        &self,
        eval: &Eval<'_>,
        rb: &ResourceBlock<'_>,
        out: &mut Vec<ResourceInstance>,
    ) {
        let local = address::resource(rb.mode, rb.rtype, rb.name);
        let prefix = address::instance(&self.ctx.address, &local, &InstanceKey::None);
        let body = &rb.block.body;
        let instances: Vec<(String, _, _)> = self
            .instances(eval, body)
            .into_iter()
            .map(|(key, each, index)| {
                let address = address::instance(&self.ctx.address, &local, &key);
                (address, each, index)
            })
            .collect();
        let repeated = body.has_attribute("count") || body.has_attribute("for_each");
        for (address, each, index) in instances {
            let count_b;
            let each_b;
            let scope = match (&each, index) {
                (Some((k, v)), _) => {
                    let obj = Value::Object(BTreeMap::from([
                        ("key".to_owned(), k.clone()),
                        ("value".to_owned(), v.clone()),
                    ]));
                    each_b = Binding::new("each", obj, Bindings::EMPTY);
                    each_b.scope()
                }
                (None, Some(i)) => {
                    let obj =
                        Value::Object(BTreeMap::from([("index".to_owned(), Value::Number(i))]));
                    count_b = Binding::new("count", obj, Bindings::EMPTY);
                    count_b.scope()
                }
                (None, None) if repeated => {
                    // Unknown count/for_each: each/count attributes are unknown.
                    let why = Value::unknown(format!(
                        "{prefix} has a count or for_each that is not known"
                    ));
                    let obj = Value::Object(BTreeMap::from([
                        ("index".to_owned(), why.clone()),
                        ("key".to_owned(), why.clone()),
                        ("value".to_owned(), why),
                    ]));
                    count_b = Binding::new("count", obj.clone(), Bindings::EMPTY);
                    each_b = Binding::new("each", obj, count_b.scope());
                    each_b.scope()
                }
                (None, None) => Bindings::EMPTY,
            };
            let mut spans = HashMap::new();
            self.instance_refs.borrow_mut().clear();
            let values = self.body_value(eval, body, scope, rb.file, "", &mut spans, true);
            let instance_references = std::mem::take(&mut *self.instance_refs.borrow_mut());
            let mut references = BTreeMap::new();
            collect_body_refs(body, "", &mut references);
            let lifecycle = body
                .get_blocks("lifecycle")
                .next()
                .map(|b| {
                    b.body
                        .attributes()
                        .map(|a| (a.key.value().to_string(), eval.expr(&a.value, scope)))
                        .collect()
                })
                .unwrap_or_default();
            out.push(ResourceInstance {
                address,
                mode: rb.mode,
                rtype: rb.rtype.to_owned(),
                name: rb.name.to_owned(),
                provider: provider_of(eval, body, rb.rtype),
                values,
                references,
                instance_references,
                expanded: !(repeated && each.is_none() && index.is_none()),
                block: span_of(rb.file, rb.block),
                spans,
                lifecycle,
            });
        }
    }

    /// Evaluates a block body into an object: attributes, nested blocks as
    /// lists of objects, dynamic blocks expanded.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn body_value(
        &self,
        eval: &Eval<'_>,
        body: &Body,
        scope: Bindings<'_>,
        file: usize,
        path: &str,
        spans: &mut HashMap<String, SpanRef>,
        top: bool,
    ) -> Value {
        let mut map = BTreeMap::new();
        let mut blocks: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let key = attr.key.value().as_str();
                    if top && META_ARGUMENTS.contains(&key) {
                        continue;
                    }
                    let p = join_path(path, key);
                    spans.insert(
                        p.clone(),
                        SpanRef {
                            file,
                            span: attr.span().unwrap_or(0..0),
                        },
                    );
                    let previous = self.recorder.replace(Some(Vec::new()));
                    let v = eval.expr(&attr.value, scope);
                    let reached = std::mem::replace(&mut *self.recorder.borrow_mut(), previous)
                        .unwrap_or_default();
                    if reached.iter().any(|a| a.ends_with(']')) {
                        let mut reached = reached;
                        reached.sort();
                        reached.dedup();
                        self.instance_refs.borrow_mut().insert(p.clone(), reached);
                    }
                    map.insert(key.to_owned(), v);
                }
                Structure::Block(block) => {
                    let ident = block.ident.value().as_str();
                    if META_BLOCKS.contains(&ident) || (top && ident == "postcondition") {
                        continue;
                    }
                    if ident == "dynamic" {
                        let Some(label) = block.labels.first() else {
                            continue;
                        };
                        let name = label.as_str().to_owned();
                        let list = blocks.entry(name.clone()).or_default();
                        let base = join_path(path, &name);
                        if let Err(reason) =
                            self.dynamic_block(eval, block, &name, scope, file, &base, list, spans)
                        {
                            map.insert(name.clone(), reason);
                        }
                        continue;
                    }
                    let list = blocks.entry(ident.to_owned()).or_default();
                    let p = format!("{}.{}", join_path(path, ident), list.len());
                    spans.insert(p.clone(), span_of(file, block));
                    let v = self.body_value(eval, &block.body, scope, file, &p, spans, false);
                    list.push(v);
                }
            }
        }
        for (name, list) in blocks {
            // An unknown dynamic for_each already put an unknown here.
            map.entry(name).or_insert(Value::List(list));
        }
        Value::Object(map)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn dynamic_block(
        &self,
        eval: &Eval<'_>,
        block: &Block,
        name: &str,
        scope: Bindings<'_>,
        file: usize,
        base: &str,
        list: &mut Vec<Value>,
        spans: &mut HashMap<String, SpanRef>,
    ) -> Result<(), Value> {
        let Some(for_each) = block.body.get_attribute("for_each") else {
            return Ok(());
        };
        let iterator = block
            .body
            .get_attribute("iterator")
            .and_then(|a| match &a.value {
                Expression::Variable(v) => Some(v.value().to_string()),
                _ => None,
            })
            .unwrap_or_else(|| name.to_owned());
        let Some(content) = block.body.get_blocks("content").next() else {
            return Ok(());
        };
        let coll = eval.expr(&for_each.value, scope);
        let items = match &coll {
            Value::Unknown(u) => return Err(Value::Unknown(u.clone())),
            Value::Null => Vec::new(),
            other => crate::terraform::eval::iterate(other)?,
        };
        for (k, v) in items {
            let obj = Value::Object(BTreeMap::from([
                ("key".to_owned(), k),
                ("value".to_owned(), v),
            ]));
            let b = Binding::new(&iterator, obj, scope);
            let p = format!("{base}.{}", list.len());
            spans.insert(p.clone(), span_of(file, content));
            let v = self.body_value(eval, &content.body, b.scope(), file, &p, spans, false);
            list.push(v);
        }
        Ok(())
    }

    /// The instances a block with count/for_each creates: instance key,
    /// each (key, value), count.index. One unexpanded instance when the
    /// count or for_each is unknown.
    pub(super) fn instances(&self, eval: &Eval<'_>, body: &Body) -> Vec<Instance> {
        if let Some(count) = body.get_attribute("count") {
            match eval.expr(&count.value, Bindings::EMPTY) {
                Value::Number(n) if n >= 0.0 && n.fract() == 0.0 && n <= 100_000.0 => (0..n
                    as usize)
                    .map(|i| (InstanceKey::Index(i as f64), None, Some(i as f64)))
                    .collect(),
                Value::Bool(b) => {
                    // `count = var.enabled` with a bool is an error in
                    // Terraform; treat as unknown rather than guess.
                    let _ = b;
                    vec![(InstanceKey::None, None, None)]
                }
                _ => vec![(InstanceKey::None, None, None)],
            }
        } else if let Some(fe) = body.get_attribute("for_each") {
            match for_each_items(eval.expr(&fe.value, Bindings::EMPTY)) {
                Some(items) => items
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            InstanceKey::Key(k.clone()),
                            Some((Value::String(k), v)),
                            None,
                        )
                    })
                    .collect(),
                None => vec![(InstanceKey::None, None, None)],
            }
        } else {
            vec![(InstanceKey::None, None, None)]
        }
    }

    pub(super) fn resource_value(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        repeated: bool,
        ops: &[Op],
    ) -> Value {
        let data = rb.mode == Mode::Data;
        let (instance_key, rest) = match (repeated, ops.first()) {
            (true, Some(Op::Index(k))) => (Some(k.clone()), &ops[1..]),
            (true, _) => {
                return Value::unknown(format!(
                    "{label} has many instances; its attributes are known after apply"
                ))
            }
            (false, _) => (None, ops),
        };
        let Some(Op::Attr(attr)) = rest.first() else {
            return Value::unknown(format!("{label} as a whole is known after apply"));
        };
        let Some(expr) = rb.block.body.get_attribute(attr).map(|a| &a.value) else {
            return Value::unknown(if data {
                format!("{label}.{attr} is read by the provider")
            } else {
                format!("{label}.{attr} is known after apply")
            });
        };
        let key = format!("{label}.{attr}");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return Value::unknown(format!("error: {key} refers to itself"));
        }
        let previous = self.current_file.replace(rb.file);
        let eval = Eval::new(self);
        let v = match instance_key {
            Some(Value::Number(i)) => {
                let b = Binding::new(
                    "count",
                    Value::Object(BTreeMap::from([("index".to_owned(), Value::Number(i))])),
                    Bindings::EMPTY,
                );
                eval.expr(expr, b.scope())
            }
            Some(Value::String(k)) => {
                let each_value = rb
                    .block
                    .body
                    .get_attribute("for_each")
                    .and_then(|fe| for_each_items(eval.expr(&fe.value, Bindings::EMPTY)))
                    .and_then(|items| items.into_iter().find(|(key, _)| *key == k).map(|(_, v)| v));
                match each_value {
                    Some(v) => {
                        let obj = Value::Object(BTreeMap::from([
                            ("key".to_owned(), Value::String(k)),
                            ("value".to_owned(), v),
                        ]));
                        let b = Binding::new("each", obj, Bindings::EMPTY);
                        eval.expr(expr, b.scope())
                    }
                    None => Value::unknown(format!("{label}[{k:?}] is not known")),
                }
            }
            Some(other) => match other {
                Value::Unknown(u) => Value::Unknown(u),
                _ => error(format!(
                    "{label} cannot be indexed with a {}",
                    other.type_name()
                )),
            },
            None => eval.expr(expr, Bindings::EMPTY),
        };
        self.current_file.set(previous);
        self.in_progress.borrow_mut().remove(&key);
        apply_ops(v, &rest[1..])
    }
}

/// The instances a `for_each` value creates: a map's entries, or a set of
/// strings (each.value = each.key). None when unknown or not iterable.
pub(super) fn for_each_items(v: Value) -> Option<Vec<(String, Value)>> {
    match v {
        Value::Object(map) => {
            if map.values().any(Value::is_unknown) {
                // Keys are known; values stay as they are (unknown inside).
            }
            Some(map.into_iter().collect())
        }
        Value::List(items) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(s) => keys.push(s),
                    Value::Number(n) => keys.push(crate::terraform::value::format_number(n)),
                    _ => return None,
                }
            }
            keys.sort();
            keys.dedup();
            Some(
                keys.into_iter()
                    .map(|k| (k.clone(), Value::String(k)))
                    .collect(),
            )
        }
        _ => None,
    }
}

pub(super) fn each_object(key: Value, value: Value) -> Value {
    Value::Object(BTreeMap::from([
        ("key".to_owned(), key),
        ("value".to_owned(), value),
    ]))
}

pub(super) fn count_object(index: f64) -> Value {
    Value::Object(BTreeMap::from([("index".to_owned(), Value::Number(index))]))
}

/// Records, per attribute path, the objects its expression refers to.
pub(super) fn collect_body_refs(body: &Body, path: &str, out: &mut BTreeMap<String, Vec<String>>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                let mut refs = Vec::new();
                crate::terraform::refs::collect(&attr.value, &mut refs);
                if !refs.is_empty() {
                    refs.sort();
                    refs.dedup();
                    out.insert(join_path(path, attr.key.value().as_str()), refs);
                }
            }
            Structure::Block(block) => {
                let ident = block.ident.value().as_str();
                if META_BLOCKS.contains(&ident) || ident == "dynamic" {
                    continue;
                }
                let n = counts.entry(ident).or_default();
                let p = format!("{}.{}", join_path(path, ident), n);
                *n += 1;
                collect_body_refs(&block.body, &p, out);
            }
        }
    }
}
