//! Resources expanded into instances: `count` and `for_each`, block bodies
//! with their nested and `dynamic` blocks, and references to another
//! resource's attributes.

use super::schemas::Written;
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
            .budgeted(eval, self.instances(eval, body), body, &prefix)
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
            let mut labels = HashMap::new();
            self.instance_refs.borrow_mut().clear();
            let mut values = self.body_value(
                eval,
                body,
                scope,
                rb.file,
                "",
                &mut spans,
                &mut labels,
                true,
            );
            if let Some(origins) = rb.origins {
                // What an override file wrote is in that file.
                for (path, at) in spans.iter_mut() {
                    let top = path.split('.').next().unwrap_or_default();
                    if let Some(&file) = origins.get(top) {
                        at.file = file;
                    }
                }
            }
            if rb.mode == Mode::Data && data_sources::is_computed(rb.rtype) {
                let binding = match (&each, index) {
                    (Some((k, v)), _) => Some(("each", each_object(k.clone(), v.clone()))),
                    (None, Some(i)) => Some(("count", count_object(Value::Number(i)))),
                    (None, None) => None,
                };
                let instance = address_in_module(&address, &self.ctx.address);
                if let (Some(Value::Object(computed)), Value::Object(v)) = (
                    self.computed_data(rb, &instance, binding.as_ref()),
                    &mut values,
                ) {
                    for (k, c) in computed {
                        v.entry(k).or_insert(c);
                    }
                }
            }
            let mut instance_references = std::mem::take(&mut *self.instance_refs.borrow_mut());
            let mut references = BTreeMap::new();
            collect_body_refs(body, "", &mut references);
            let (provider_name, provider_config) = provider_of(body, rb.rtype);
            if let Some(schema) = self.schema_of(rb, &provider_name) {
                let written = Written {
                    block: span_of(rb.file, rb.block),
                    spans: &mut spans,
                    labels: &labels,
                    references: &mut references,
                    instance_references: &mut instance_references,
                };
                self.follow_schema(rb, schema, &mut values, &address, written);
            }
            let lifecycle = body
                .get_blocks("lifecycle")
                .next()
                .map(|b| {
                    b.body
                        .attributes()
                        .map(|a| {
                            let v = eval.expr(&a.value, scope).unmark_deep().0;
                            (a.key.value().to_string(), v)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let sensitive = values.sensitive_paths();
            values.sensitive_strings(&mut self.sensitive_strings.borrow_mut());
            let values = values.unmark_deep().0;
            out.push(ResourceInstance {
                address,
                mode: rb.mode,
                rtype: rb.rtype.to_owned(),
                name: rb.name.to_owned(),
                provider: provider_name,
                provider_config,
                values,
                references,
                instance_references,
                expanded: !(repeated && each.is_none() && index.is_none()),
                block: span_of(rb.file, rb.block),
                spans,
                lifecycle,
                sensitive,
            });
        }
    }

    /// `body` evaluated on its own (a data source's arguments, the blocks a
    /// reference reads) while another instance is being built: what it
    /// reaches belongs to that instance, not to `body`, so the recordings
    /// are set aside meanwhile. The value, with `body_value`'s spans and
    /// labels.
    pub(super) fn body_value_apart(
        &self,
        eval: &Eval<'_>,
        body: &Body,
        scope: Bindings<'_>,
        file: usize,
    ) -> (
        Value,
        HashMap<String, SpanRef>,
        HashMap<String, Vec<String>>,
    ) {
        let outer_refs = std::mem::take(&mut *self.instance_refs.borrow_mut());
        let recording = self.recorder.take();
        let (mut spans, mut labels) = (HashMap::new(), HashMap::new());
        let v = self.body_value(eval, body, scope, file, "", &mut spans, &mut labels, true);
        *self.recorder.borrow_mut() = recording;
        *self.instance_refs.borrow_mut() = outer_refs;
        (v, spans, labels)
    }

    /// Evaluates a block body into an object: attributes, nested blocks as
    /// lists of objects, dynamic blocks expanded. The span of each
    /// attribute and block goes into `spans` by its path
    /// ("ingress.0.from_port"), the labels of a block written with them
    /// into `labels` ("setting.0" -> ["name"]): a `map` block type of a
    /// provider schema is keyed by them.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn body_value(
        &self,
        eval: &Eval<'_>,
        body: &Body,
        scope: Bindings<'_>,
        file: usize,
        path: &str,
        spans: &mut HashMap<String, SpanRef>,
        labels: &mut HashMap<String, Vec<String>>,
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
                        if let Err(reason) = self.dynamic_block(
                            eval, block, &name, scope, file, &base, list, spans, labels,
                        ) {
                            map.insert(name.clone(), reason);
                        }
                        continue;
                    }
                    let list = blocks.entry(ident.to_owned()).or_default();
                    let p = format!("{}.{}", join_path(path, ident), list.len());
                    spans.insert(p.clone(), span_of(file, block));
                    if !block.labels.is_empty() {
                        let written = block.labels.iter().map(|l| l.as_str().to_owned());
                        labels.insert(p.clone(), written.collect());
                    }
                    let v =
                        self.body_value(eval, &block.body, scope, file, &p, spans, labels, false);
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
        labels: &mut HashMap<String, Vec<String>>,
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
        // Labels only key blocks of a schema's `map` block types.
        let label_expr = block
            .body
            .get_attribute("labels")
            .filter(|_| self.ctx.schema.is_some());
        for (k, v) in items {
            let obj = Value::Object(BTreeMap::from([
                ("key".to_owned(), k),
                ("value".to_owned(), v),
            ]));
            let b = Binding::new(&iterator, obj, scope);
            let p = format!("{base}.{}", list.len());
            spans.insert(p.clone(), span_of(file, content));
            // `labels = [...]`: the labels of each generated block; one not
            // known leaves the blocks unknown (they are keyed by it).
            if let Some(a) = label_expr {
                let written = eval.expr(&a.value, b.scope()).unmark_deep().0;
                labels.insert(p.clone(), dynamic_labels(written, name)?);
            }
            let v = self.body_value(
                eval,
                &content.body,
                b.scope(),
                file,
                &p,
                spans,
                labels,
                false,
            );
            list.push(v);
        }
        Ok(())
    }

    /// `instances` of a block within the tree's budget (`ctx.limit`,
    /// [`MAX_INSTANCES`] unless tfward.toml's `[limits]` sets it):
    /// past it, the block (and every later repeated block in the tree) is
    /// evaluated as one instance, and a warning at its count or for_each
    /// says so once.
    pub(super) fn budgeted(
        &self,
        eval: &Eval<'_>,
        instances: Vec<Instance>,
        body: &Body,
        label: &str,
    ) -> Vec<Instance> {
        let (attr, what) = match body.get_attribute("count") {
            Some(a) => (Some(a), "count"),
            None => (body.get_attribute("for_each"), "for_each"),
        };
        let at = |a: &hcl_edit::structure::Attribute| SpanRef {
            file: self.current_file.get(),
            span: a.span().unwrap_or(0..0),
        };
        let n = instances.len();
        if n <= 1 {
            // A count past the budget on its own expands to one instance.
            if let Some(count) = body.get_attribute("count") {
                if let Value::Number(Number::Int(c)) =
                    eval.expr(&count.value, Bindings::EMPTY).unmark_deep().0
                {
                    let limit = self.ctx.limit;
                    if c > limit as i128 {
                        self.issue(at(count), format!("{label}: count = {c} is past tfward's budget of {limit} instances; evaluated as one instance (raise the budget with `[limits] instances = N` in tfward.toml)"));
                    }
                }
            }
            return instances;
        }
        let left = self.ctx.budget.get();
        if n > left {
            if let Some(a) = attr.filter(|_| left != SPENT) {
                let limit = self.ctx.limit;
                self.issue(at(a), format!("{label}: its {what} makes {n} instances, past tfward's budget of {limit} resource and module instances per root module ({left} left); it and every later block with count or for_each in this tree are evaluated as one instance (raise the budget with `[limits] instances = N` in tfward.toml)"));
            }
            self.ctx.budget.set(SPENT);
            return vec![(InstanceKey::None, None, None)];
        }
        self.ctx.budget.set(left - n);
        instances
    }

    /// Takes one instance from the tree's budget for `label` (a module
    /// call without count or for_each); false when none is left. The call
    /// that finds the budget at its end says so, once for the tree.
    pub(super) fn charge_one(&self, label: &str, at: SpanRef) -> bool {
        let left = self.ctx.budget.get();
        if left > 1 {
            self.ctx.budget.set(left - 1);
            return true;
        }
        if left == 1 {
            self.issue(
                at,
                format!(
                    "{label}: past tfward's budget of {} resource and module instances per root module; it and every later module call in this tree are not evaluated (raise the budget with `[limits] instances = N` in tfward.toml)",
                    self.ctx.limit
                ),
            );
            self.ctx.budget.set(SPENT);
        }
        false
    }

    /// The instances a block with count/for_each creates: instance key,
    /// each (key, value), count.index. One unexpanded instance when the
    /// count or for_each is unknown.
    pub(super) fn instances(&self, eval: &Eval<'_>, body: &Body) -> Vec<Instance> {
        if let Some(count) = body.get_attribute("count") {
            match eval.expr(&count.value, Bindings::EMPTY).unmark_deep().0 {
                Value::Number(Number::Int(n)) if (0..=self.ctx.limit as i128).contains(&n) => (0
                    ..n)
                    .map(|i| {
                        let i = Number::Int(i);
                        (InstanceKey::Index(i), None, Some(i))
                    })
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

    /// The value a reference to resource `rb` takes, with the traversal
    /// steps after `TYPE.NAME` in `ops`. An instance is an object of which
    /// the written arguments are known (and, for the data sources tfward
    /// computes, the computed attributes); a resource with `count` or
    /// `for_each` is a list or map of them when its instances are known.
    pub(super) fn resource_value(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        repeated: bool,
        ops: &[Op],
    ) -> Value {
        let previous = self.current_file.replace(rb.file);
        let v = if !repeated {
            self.instance_reference(rb, label, None, ops)
        } else {
            match ops.first() {
                Some(Op::Index(Value::Unknown(u))) => Value::Unknown(u.plain()),
                Some(Op::Index(k)) => {
                    self.instance_reference(rb, label, Some(k.clone()), &ops[1..])
                }
                _ => {
                    let whole = self.all_instances(rb, label);
                    apply_ops(whole, ops)
                }
            }
        };
        self.current_file.set(previous);
        v
    }

    /// `count`/`each` for instance `key` of `rb`; Err when there is no such
    /// instance (or it cannot be known).
    fn instance_binding(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        key: Option<Value>,
    ) -> Result<Option<(&'static str, Value)>, Value> {
        let eval = Eval::new(self);
        match key {
            None => Ok(None),
            Some(Value::Number(i)) => Ok(Some(("count", count_object(Value::Number(i))))),
            Some(Value::String(k)) => {
                let Some(for_each) = self.expanding(label, || {
                    rb.block
                        .body
                        .get_attribute("for_each")
                        .map(|fe| eval.expr(&fe.value, Bindings::EMPTY))
                }) else {
                    return Err(self_expansion(label));
                };
                let each_value = for_each
                    .and_then(for_each_items)
                    .and_then(|items| items.into_iter().find(|(key, _)| *key == k).map(|(_, v)| v));
                match each_value {
                    Some(v) => Ok(Some(("each", each_object(Value::String(k), v)))),
                    None => Err(Value::unknown(format!("{label}[{k:?}] is not known"))),
                }
            }
            Some(Value::Unknown(u)) => Err(Value::Unknown(u.plain())),
            Some(other) => Err(error(format!(
                "{label} cannot be indexed with a {}",
                other.type_name()
            ))),
        }
    }

    /// `f`, which evaluates `label`'s count or for_each, unless that is
    /// being evaluated already: then the resource is referenced from its
    /// own count or for_each, a cycle Terraform rejects, and the answer is
    /// None. Unguarded, two such references in one for_each doubled the
    /// work at each level of nesting (a fuzzed configuration ran for
    /// hours).
    fn expanding<T>(&self, label: &str, f: impl FnOnce() -> T) -> Option<T> {
        let key = format!("{label} (count or for_each)");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return None;
        }
        let v = f();
        self.in_progress.borrow_mut().remove(&key);
        Some(v)
    }

    /// A reference to one instance: an attribute of it (`ops` starts with
    /// `.attr`), or the instance as a whole.
    fn instance_reference(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        key: Option<Value>,
        ops: &[Op],
    ) -> Value {
        let binding = match self.instance_binding(rb, label, key.clone()) {
            Ok(b) => b,
            Err(v) => return v,
        };
        let instance = match &key {
            Some(k) => format!("{label}{}", InstanceKey::of(k).unwrap_or(InstanceKey::None)),
            None => label.to_owned(),
        };
        match ops.first() {
            Some(Op::Attr(attr)) => {
                let v = self.instance_attribute(rb, label, &instance, binding.as_ref(), attr);
                apply_ops(v, &ops[1..])
            }
            _ => apply_ops(
                self.instance_object(rb, label, &instance, binding.as_ref()),
                ops,
            ),
        }
    }

    /// Every instance of a repeated resource: a list (count) or a map
    /// (for_each) of instance objects; unknown while the instances are.
    fn all_instances(&self, rb: &ResourceBlock<'_>, label: &str) -> Value {
        let eval = Eval::new(self);
        let Some(instances) = self.expanding(label, || self.instances(&eval, &rb.block.body))
        else {
            return self_expansion(label);
        };
        if instances.iter().any(|(k, _, _)| *k == InstanceKey::None) {
            return Value::unknown(format!(
                "{label} has a count or for_each that is not known, so its instances are not"
            ));
        }
        let by_count = rb.block.body.has_attribute("count");
        let mut list = Vec::new();
        let mut map = BTreeMap::new();
        for (key, each, index) in instances {
            let binding = match (each, index) {
                (Some((k, v)), _) => ("each", each_object(k, v)),
                (None, Some(i)) => ("count", count_object(Value::Number(i))),
                (None, None) => continue,
            };
            let instance = format!("{label}{key}");
            let obj = self.instance_object(rb, label, &instance, Some(&binding));
            match key {
                InstanceKey::Key(k) if !by_count => {
                    map.insert(k, obj);
                }
                _ => list.push(obj),
            }
        }
        if by_count {
            Value::List(list)
        } else {
            Value::Object(map)
        }
    }

    /// One instance as an object: unknown as a whole (known after apply),
    /// with its written arguments and computed attributes known.
    fn instance_object(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        instance: &str,
        binding: Option<&(&'static str, Value)>,
    ) -> Value {
        let mut attrs = match self.computed_data(rb, instance, binding) {
            Some(Value::Object(computed)) => computed,
            _ => BTreeMap::new(),
        };
        for a in rb.block.body.attributes() {
            let name = a.key.value().as_str();
            if META_ARGUMENTS.contains(&name) || attrs.contains_key(name) {
                continue;
            }
            let v = self.instance_attribute(rb, label, instance, binding, name);
            attrs.insert(name.to_owned(), v);
        }
        Value::Unknown(Unknown::attributes(
            format!("{instance} is known after apply"),
            attrs,
        ))
    }

    /// Attribute `attr` of one instance: its expression evaluated for that
    /// instance, or what a computed data source computes, or unknown.
    fn instance_attribute(
        &self,
        rb: &ResourceBlock<'_>,
        label: &str,
        instance: &str,
        binding: Option<&(&'static str, Value)>,
        attr: &str,
    ) -> Value {
        let Some(expr) = rb.block.body.get_attribute(attr).map(|a| &a.value) else {
            if let Some(Value::Object(computed)) = self.computed_data(rb, instance, binding) {
                if let Some(v) = computed.get(attr) {
                    return v.clone();
                }
            }
            if let Some(v) = self.block_reference(rb, instance, binding, attr) {
                return v;
            }
            return self.unwritten_attribute(rb, label, attr);
        };
        // Evaluated once per instance and attribute: many resources read
        // the same one (`aws_iam_role.this.name`).
        let memo = (instance.to_owned(), attr.to_owned());
        if let Some(v) = self.attribute_cache.borrow().get(&memo) {
            return v.clone();
        }
        let key = format!("{label}.{attr}");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return Value::unknown(format!("error: {key} refers to itself"));
        }
        let eval = Eval::new(self);
        let b;
        let scope = match binding {
            Some((name, v)) => {
                b = Binding::new(name, v.clone(), Bindings::EMPTY);
                b.scope()
            }
            None => Bindings::EMPTY,
        };
        let v = eval.expr(expr, scope);
        self.in_progress.borrow_mut().remove(&key);
        let v = self.typed_attribute(rb, instance, attr, v);
        self.attribute_cache.borrow_mut().insert(memo, v.clone());
        v
    }

    /// The attributes a computed data source's instance computes (an
    /// object), evaluated once per instance; None for other resources.
    pub(super) fn computed_data(
        &self,
        rb: &ResourceBlock<'_>,
        instance: &str,
        binding: Option<&(&'static str, Value)>,
    ) -> Option<Value> {
        if rb.mode != Mode::Data || !data_sources::is_computed(rb.rtype) {
            return None;
        }
        if let Some(v) = self.data_cache.borrow().get(instance) {
            return Some(v.clone());
        }
        let key = format!("{instance} (computed)");
        if !self.in_progress.borrow_mut().insert(key.clone()) {
            return Some(Value::unknown(format!(
                "error: {instance} refers to itself"
            )));
        }
        let eval = Eval::new(self);
        let b;
        let scope = match binding {
            Some((name, v)) => {
                b = Binding::new(name, v.clone(), Bindings::EMPTY);
                b.scope()
            }
            None => Bindings::EMPTY,
        };
        let (args, _, _) = self.body_value_apart(&eval, &rb.block.body, scope, rb.file);
        let facts = self.provider_facts(&rb.block.body, rb.rtype);
        let computed = Value::Object(data_sources::computed(rb.rtype, &args, &facts));
        self.in_progress.borrow_mut().remove(&key);
        self.data_cache
            .borrow_mut()
            .insert(instance.to_owned(), computed.clone());
        Some(computed)
    }

    /// What a data source knows of the provider configuration it uses.
    fn provider_facts(&self, body: &Body, rtype: &str) -> data_sources::ProviderFacts {
        let (_, config) = provider_of(body, rtype);
        data_sources::ProviderFacts {
            region: self
                .provider_configs()
                .get(&config)
                .and_then(|c| c.region.clone()),
        }
    }
}

/// The `labels` of a block a `dynamic` block generates, as strings (HCL
/// converts each to a string); Err (unknown) when one is not known.
fn dynamic_labels(written: Value, name: &str) -> Result<Vec<String>, Value> {
    let items = match written {
        Value::List(items) => items,
        Value::Unknown(u) => return Err(Value::Unknown(u.plain())),
        other => vec![other],
    };
    items
        .into_iter()
        .map(|l| match l {
            Value::String(s) => Ok(s),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            Value::Unknown(u) => Err(Value::Unknown(u.plain())),
            other => Err(error(format!(
                "a label of dynamic {name:?} is a {}, not a string",
                other.type_name()
            ))),
        })
        .collect()
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
                    Value::Number(n) => keys.push(n.to_string()),
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

pub(super) fn count_object(index: Value) -> Value {
    Value::Object(BTreeMap::from([("index".to_owned(), index)]))
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

/// An instance's address within its module (`aws_x.y[0]` of
/// `module.a.aws_x.y[0]`).
fn address_in_module(address: &str, module: &str) -> String {
    if module.is_empty() {
        address.to_owned()
    } else {
        address
            .strip_prefix(module)
            .and_then(|a| a.strip_prefix('.'))
            .unwrap_or(address)
            .to_owned()
    }
}

/// What a reference to a resource from its own count or for_each is.
fn self_expansion(label: &str) -> Value {
    Value::unknown(format!(
        "error: the count or for_each of {label} refers to {label} itself (a cycle)"
    ))
}
