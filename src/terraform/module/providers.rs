//! Provider requirements and configurations: `required_providers`,
//! `provider` blocks, their `default_tags`, and which provider a resource
//! uses.

use super::*;

impl ModuleEval<'_, '_> {
    /// `default_tags { tags = ... }` of this module's provider blocks, else
    /// the caller's.
    pub(super) fn default_tags(&self, eval: &Eval<'_>) -> BTreeMap<String, Value> {
        let mut out = self.ctx.default_tags.clone();
        for (block, _) in &self.config.providers {
            // An aliased provider only applies where it is named.
            if block.body.has_attribute("alias") {
                continue;
            }
            let name = block.labels[0].as_str().to_owned();
            if let Some(dt) = block.body.get_blocks("default_tags").next() {
                let tags = dt
                    .body
                    .get_attribute("tags")
                    .map_or(Value::Object(BTreeMap::new()), |a| {
                        eval.expr(&a.value, Bindings::EMPTY)
                    });
                out.insert(name, tags);
            }
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

/// The provider's local name: `provider = aws.west` -> "aws", else the
/// resource type's prefix.
pub(super) fn provider_of(eval: &Eval<'_>, body: &Body, rtype: &str) -> String {
    if let Some(attr) = body.get_attribute("provider") {
        let text = expression_text(&attr.value);
        if let Some(name) = text.split('.').next().filter(|s| !s.is_empty()) {
            return name.trim().to_owned();
        }
        let _ = eval;
    }
    rtype.split('_').next().unwrap_or(rtype).to_owned()
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
