//! Provider requirements and configurations: `required_providers`,
//! `provider` blocks with their aliases, `default_tags` and `region`, how
//! configurations reach child modules (`providers = {...}` or implicit
//! inheritance), and which configuration a resource uses.

use super::*;

impl ModuleEval<'_, '_> {
    /// The provider configurations this module's resources can use, by
    /// address (`aws`, `aws.west`): the ones passed by the caller (its
    /// default configurations, or exactly the `providers = {...}` map), and
    /// the module's own `provider` blocks, which replace an inherited one of
    /// the same address.
    pub(super) fn provider_configs(&self) -> std::cell::Ref<'_, BTreeMap<String, ProviderConfig>> {
        if self.provider_configs.borrow().is_none() {
            let eval = Eval::new(self);
            let mut out = self.ctx.provider_configs.clone();
            for (block, file) in &self.config.providers {
                self.current_file.set(*file);
                let name = block.labels[0].as_str();
                let address = match attr_string(&eval, &block.body, "alias") {
                    Some(alias) => format!("{name}.{alias}"),
                    None => name.to_owned(),
                };
                let attr = |n: &str| {
                    block
                        .body
                        .get_attribute(n)
                        .map(|a| eval.expr(&a.value, Bindings::EMPTY))
                };
                let tags = block
                    .body
                    .get_blocks("default_tags")
                    .next()
                    .map(|dt| {
                        dt.body
                            .get_attribute("tags")
                            .map_or(Value::Object(BTreeMap::new()), |a| {
                                eval.expr(&a.value, Bindings::EMPTY)
                            })
                    })
                    // Google's provider labels what AWS's tags.
                    .or_else(|| attr("default_labels"));
                out.insert(
                    address,
                    ProviderConfig {
                        default_tags: tags,
                        region: attr("region"),
                    },
                );
            }
            *self.provider_configs.borrow_mut() = Some(out);
        }
        std::cell::Ref::map(self.provider_configs.borrow(), |c| {
            c.as_ref().expect("set above")
        })
    }

    /// `default_tags` (or `default_labels`) of each provider configuration
    /// that has them, by configuration address.
    pub(super) fn default_tags(&self) -> BTreeMap<String, Value> {
        self.provider_configs()
            .iter()
            .filter_map(|(k, c)| Some((k.clone(), c.default_tags.clone()?)))
            .collect()
    }

    /// The configurations a module call passes to its child: each
    /// `providers = { child_address = parent_address }` entry, or without
    /// that argument every default (unaliased) configuration, as Terraform's
    /// implicit inheritance does.
    pub(super) fn configs_for_call(&self, call: &Block) -> BTreeMap<String, ProviderConfig> {
        let configs = self.provider_configs();
        let Some(attr) = call.body.get_attribute("providers") else {
            return configs
                .iter()
                .filter(|(k, _)| !k.contains('.'))
                .map(|(k, c)| (k.clone(), c.clone()))
                .collect();
        };
        let Expression::Object(map) = &attr.value else {
            return BTreeMap::new();
        };
        let mut out = BTreeMap::new();
        for (key, value) in map.iter() {
            let child = match key {
                hcl_edit::expr::ObjectKey::Ident(i) => i.value().to_string(),
                hcl_edit::expr::ObjectKey::Expression(e) => expression_text(e),
            };
            let parent = expression_text(value.expr());
            let config = configs.get(&parent).cloned().unwrap_or_default();
            out.insert(child, config);
        }
        out
    }

    pub(super) fn providers(&self, eval: &Eval<'_>) -> Vec<Provider> {
        let mut providers: BTreeMap<String, Provider> = BTreeMap::new();
        for (block, file) in &self.config.terraform {
            for rp in block.body.get_blocks("required_providers") {
                for attr in rp.body.attributes() {
                    let name = attr.key.value().to_string();
                    let v = eval.expr(&attr.value, Bindings::EMPTY);
                    let (source, version) = match &v {
                        Value::Object(m) => (
                            m.get("source").and_then(Value::as_str).map(str::to_owned),
                            m.get("version").and_then(Value::as_str).map(str::to_owned),
                        ),
                        // Terraform 0.12 form: `aws = "~> 3.0"`.
                        Value::String(s) => (None, Some(s.clone())),
                        _ => (None, None),
                    };
                    let p = providers.entry(name.clone()).or_insert_with(|| Provider {
                        name,
                        source: None,
                        version_constraint: None,
                        required: false,
                        configured: false,
                        span: SpanRef {
                            file: *file,
                            span: attr.span().unwrap_or(0..0),
                        },
                    });
                    p.required = true;
                    p.source = p.source.take().or(source);
                    p.version_constraint = p.version_constraint.take().or(version);
                }
            }
        }
        for (block, file) in &self.config.providers {
            let name = block.labels[0].as_str().to_owned();
            let version = attr_string(eval, &block.body, "version");
            let p = providers.entry(name.clone()).or_insert_with(|| Provider {
                name,
                source: None,
                version_constraint: None,
                required: false,
                configured: false,
                span: span_of(*file, block),
            });
            p.configured = true;
            p.version_constraint = p.version_constraint.take().or(version);
        }
        providers.into_values().collect()
    }
}

/// The provider's local name (`provider = aws.west` -> "aws", else the
/// resource type's prefix) and the configuration's address ("aws.west").
pub(super) fn provider_of(body: &Body, rtype: &str) -> (String, String) {
    if let Some(attr) = body.get_attribute("provider") {
        let text = expression_text(&attr.value);
        let text = text.trim();
        if let Some(name) = text.split('.').next().filter(|s| !s.is_empty()) {
            return (name.to_owned(), text.to_owned());
        }
    }
    let name = rtype.split('_').next().unwrap_or(rtype).to_owned();
    (name.clone(), name)
}

/// The source text of a simple traversal like `aws.west`.
pub(super) fn expression_text(expr: &Expression) -> String {
    match expr {
        Expression::Variable(v) => v.value().to_string(),
        Expression::Traversal(t) => {
            let mut s = expression_text(&t.expr);
            for op in &t.operators {
                if let hcl_edit::expr::TraversalOperator::GetAttr(n) = op.value() {
                    s.push('.');
                    s.push_str(n.value().as_str());
                }
            }
            s
        }
        Expression::String(s) => s.value().clone(),
        _ => String::new(),
    }
}
