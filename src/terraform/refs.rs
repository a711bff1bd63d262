//! The objects an expression refers to, as addresses: `var.name`,
//! `local.x`, `module.vpc`, `data.aws_iam_policy_document.p`,
//! `aws_s3_bucket.logs`. Feeds `references` in the input document (split-out
//! resources find their parent through it) and the blast radius in risk.

use hcl_edit::expr::{Expression, ForExpr, Traversal, TraversalOperator};
use hcl_edit::visit::{self, Visit};

/// Appends the addresses `expr` refers to (unsorted, may repeat).
pub fn collect(expr: &Expression, out: &mut Vec<String>) {
    let mut v = RefVisitor {
        out,
        bound: Vec::new(),
    };
    v.visit_expr(expr);
}

struct RefVisitor<'o> {
    out: &'o mut Vec<String>,
    /// Names bound by enclosing `for` expressions.
    bound: Vec<String>,
}

impl RefVisitor<'_> {
    fn address(&self, t: &Traversal) -> Option<String> {
        let Expression::Variable(root) = &t.expr else {
            return None;
        };
        let root = root.value().as_str();
        if self.bound.iter().any(|b| b == root) {
            return None;
        }
        let attr = |i: usize| match t.operators.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(n)) => Some(n.value().as_str()),
            _ => None,
        };
        match root {
            "var" | "local" | "module" => Some(format!("{root}.{}", attr(0)?)),
            "data" => Some(format!("data.{}.{}", attr(0)?, attr(1)?)),
            "count" | "each" | "self" | "path" | "terraform" => None,
            rtype if rtype.contains('_') => Some(format!("{rtype}.{}", attr(0)?)),
            _ => None,
        }
    }
}

impl Visit for RefVisitor<'_> {
    fn visit_traversal(&mut self, node: &Traversal) {
        if let Some(address) = self.address(node) {
            self.out.push(address);
        }
        visit::visit_traversal(self, node);
    }

    fn visit_for_expr(&mut self, node: &ForExpr) {
        let before = self.bound.len();
        // The collection is evaluated outside the loop's names.
        self.visit_expr(&node.intro.collection_expr);
        if let Some(k) = &node.intro.key_var {
            self.bound.push(k.value().to_string());
        }
        self.bound.push(node.intro.value_var.value().to_string());
        if let Some(key) = &node.key_expr {
            self.visit_expr(key);
        }
        self.visit_expr(&node.value_expr);
        if let Some(cond) = &node.cond {
            self.visit_expr(&cond.expr);
        }
        self.bound.truncate(before);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(src: &str) -> Vec<String> {
        let expr = hcl_edit::parser::parse_expr(src).expect("parses");
        let mut out = Vec::new();
        collect(&expr, &mut out);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn finds_each_kind_of_reference() {
        assert_eq!(
            refs(r#""${var.a}-${local.b}" == module.m.out ? aws_s3_bucket.b.id : data.x_y.z.json"#),
            [
                "aws_s3_bucket.b",
                "data.x_y.z",
                "local.b",
                "module.m",
                "var.a"
            ]
        );
    }

    #[test]
    fn for_variables_are_not_references() {
        assert_eq!(refs("[for s_x in var.l : s_x.id]"), ["var.l"]);
        assert_eq!(refs("each.value"), Vec::<String>::new());
    }
}
