//! Static evaluation of Terraform expressions.
//!
//! The evaluator answers "what would Terraform compute here at plan time?"
//! for the parts it can know offline, and returns [`Value::Unknown`] with a
//! reason for the rest: resource attributes known only after apply, variables
//! without a value, functions whose result depends on the moment (`timestamp`).
//! It never guesses. Lookups that reach outside the expression (variables,
//! locals, other resources, module outputs) go through the [`Resolver`] trait,
//! which the module evaluator implements with memoisation and cycle checks.

use std::collections::BTreeMap;

use hcl_edit::expr::{
    BinaryOperator, Expression, ForExpr, FuncCall, ObjectKey, TraversalOperator, UnaryOperator,
};
use hcl_edit::repr::Span;
use hcl_edit::template::{Directive, Element, Template};

use super::functions::{self, FnContext};
use super::value::{Number, Refinement, Unknown, Value};

/// The deepest expression nesting evaluated before giving up with an
/// unknown; guards the stack on pathological input.
const MAX_DEPTH: usize = 512;

/// What an expression can look up outside itself.
pub trait Resolver {
    /// `var.NAME`
    fn variable(&self, name: &str) -> Value;
    /// `local.NAME`
    fn local(&self, name: &str) -> Value;
    /// `var.NAME` followed by `ops`: a resolver that holds the value can
    /// read the part the steps name without copying the whole value.
    fn variable_at(&self, name: &str, ops: &[Op]) -> Value {
        apply_ops(self.variable(name), ops)
    }
    /// `local.NAME` followed by `ops` (as [`Resolver::variable_at`]).
    fn local_at(&self, name: &str, ops: &[Op]) -> Value {
        apply_ops(self.local(name), ops)
    }
    /// `module.NAME` (the object of the call's outputs, or per-instance
    /// outputs when the call uses count/for_each).
    fn module(&self, name: &str) -> Value;
    /// `module.NAME` followed by `ops` (as [`Resolver::variable_at`]): a
    /// reference to one output need not copy every output of the call.
    fn module_at(&self, name: &str, ops: &[Op]) -> Value {
        apply_ops(self.module(name), ops)
    }
    /// A managed resource (`TYPE.NAME`) or, with `data`, a data source. The
    /// rest of the traversal (index, attribute) follows from the operators.
    fn resource(&self, data: bool, rtype: &str, name: &str, ops: &[Op]) -> Value;
    /// `path.module`, `path.root`, `path.cwd`, `terraform.workspace`.
    fn builtin(&self, root: &str, attr: &str) -> Value;
    /// The function-call context (module dir, scan root, template renderer).
    fn with_fn_context(
        &self,
        f: &mut dyn FnMut(&FnContext<'_>) -> Result<Value, String>,
    ) -> Result<Value, String>;
    /// Runs `f` for a value that is not part of the result (the other
    /// branch of a conditional, evaluated for its type): a resolver that
    /// records what expressions reach leaves it out.
    fn quietly(&self, f: &mut dyn FnMut() -> Value) -> Value {
        f()
    }
    /// Maps an object key at a byte offset back to its original name when the
    /// parser had to rename a repeated key.
    fn renamed_key(&self, _offset: usize) -> Option<&str> {
        None
    }
    /// The value of a large literal object read before parsing (its text
    /// was blanked to `{ }`), by the offset of its `{`.
    fn lifted_object(&self, _offset: usize) -> Option<Value> {
        None
    }
    /// The nesting depth shared by every evaluation through this resolver,
    /// so that locals referring to locals (each evaluated by an `Eval` of
    /// its own) are bounded like one deep expression. `None`: each `Eval`
    /// counts alone.
    fn depth(&self) -> Option<&std::cell::Cell<usize>> {
        None
    }
    /// A function refused to read a file it must not (outside the tree,
    /// inside `.git/`, a credential file): `message` says which and why,
    /// `span` is the call's. The value is unknown; a resolver that reports
    /// problems says so where the call is.
    fn refused(&self, _span: Option<std::ops::Range<usize>>, _message: &str) {}
}

/// A traversal step evaluated to a value: `.name`, `[key]`, or a splat.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Attr(String),
    Index(Value),
    Splat,
}

/// Local names bound by `for`, `count`, `each`, dynamic-block iterators and
/// template `for` directives: a linked list that lives on the stack.
#[derive(Debug, Clone, Copy)]
pub struct Bindings<'b> {
    head: Option<&'b Binding<'b>>,
}

#[derive(Debug)]
pub struct Binding<'b> {
    frame: Frame<'b>,
    parent: Bindings<'b>,
}

#[derive(Debug)]
enum Frame<'b> {
    One(&'b str, Value),
    Many(&'b BTreeMap<String, Value>),
}

impl<'b> Bindings<'b> {
    pub const EMPTY: Bindings<'static> = Bindings { head: None };

    pub fn get(&self, name: &str) -> Option<&'b Value> {
        let mut cur = self.head;
        while let Some(b) = cur {
            match &b.frame {
                Frame::One(n, v) if *n == name => return Some(v),
                Frame::Many(map) => {
                    if let Some(v) = map.get(name) {
                        return Some(v);
                    }
                }
                Frame::One(..) => {}
            }
            cur = b.parent.head;
        }
        None
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

impl<'b> Binding<'b> {
    pub fn new(name: &'b str, value: Value, parent: Bindings<'b>) -> Binding<'b> {
        Binding {
            frame: Frame::One(name, value),
            parent,
        }
    }

    /// Binds every entry of a map (templatefile's variables).
    pub fn many(vars: &'b BTreeMap<String, Value>, parent: Bindings<'b>) -> Binding<'b> {
        Binding {
            frame: Frame::Many(vars),
            parent,
        }
    }

    pub fn scope(&'b self) -> Bindings<'b> {
        Bindings { head: Some(self) }
    }
}

/// Evaluates expressions against a resolver.
pub struct Eval<'r> {
    pub resolver: &'r dyn Resolver,
    depth: std::cell::Cell<usize>,
    /// Set while a template renders when an interpolated value is sensitive.
    marked: std::cell::Cell<bool>,
    /// While a template that looks like JSON is rendered again to keep its
    /// known structure: the unknown interpolated values, in order, each
    /// written into the text as a numbered placeholder.
    holes: std::cell::RefCell<Option<Vec<Value>>>,
}

impl<'r> Eval<'r> {
    pub fn new(resolver: &'r dyn Resolver) -> Self {
        Eval {
            resolver,
            depth: std::cell::Cell::new(0),
            marked: std::cell::Cell::new(false),
            holes: std::cell::RefCell::new(None),
        }
    }

    /// Evaluates an expression. Errors Terraform would report become
    /// unknowns whose reason starts with "error:" — a policy never fires on
    /// a value Terraform itself would reject.
    pub fn expr(&self, expr: &Expression, scope: Bindings<'_>) -> Value {
        let counter = self.resolver.depth().unwrap_or(&self.depth);
        let depth = counter.get();
        if depth >= MAX_DEPTH {
            return Value::unknown("expression nests too deeply to evaluate");
        }
        counter.set(depth + 1);
        let v = self.expr_inner(expr, scope);
        counter.set(depth);
        v
    }

    fn expr_inner(&self, expr: &Expression, scope: Bindings<'_>) -> Value {
        match expr {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => {
                let n = n.value();
                match (n.as_u64(), n.as_i64()) {
                    (Some(u), _) => Value::Number(Number::Int(i128::from(u))),
                    (None, Some(i)) => Value::Number(Number::Int(i128::from(i))),
                    _ => Value::from(n.as_f64().unwrap_or(f64::NAN)),
                }
            }
            Expression::String(s) => Value::String(s.value().clone()),
            Expression::Array(items) => {
                Value::List(items.iter().map(|e| self.expr(e, scope)).collect())
            }
            Expression::Object(object) => self.object(object, scope),
            Expression::StringTemplate(t) => self.template(t, scope),
            Expression::HeredocTemplate(h) => self.template(&h.template, scope),
            Expression::Parenthesis(p) => self.expr(p.inner(), scope),
            Expression::Variable(ident) => self.variable(ident.value().as_str(), scope),
            Expression::Conditional(c) => {
                let (cond, marked) = self.expr(&c.cond_expr, scope).unmark_deep();
                let (taken, other) = match to_bool(&cond) {
                    Ok(true) => (&c.true_expr, &c.false_expr),
                    Ok(false) => (&c.false_expr, &c.true_expr),
                    Err(v) => return v.marked_if(marked),
                };
                let v = self.expr(taken, scope);
                self.unified_with(v, other, scope).marked_if(marked)
            }
            Expression::FuncCall(call) => self.call(call, scope),
            Expression::Traversal(t) => self.traversal(&t.expr, &t.operators, scope),
            Expression::UnaryOp(op) => {
                let (v, marked) = self.expr(&op.expr, scope).unmark_deep();
                let result = match (op.operator.value(), v) {
                    (_, Value::Unknown(u)) => Value::Unknown(u.plain()),
                    (UnaryOperator::Neg, v) => match to_number(&v) {
                        Some(n) => Value::Number(-n),
                        None => error(format!("cannot negate a {}", v.type_name())),
                    },
                    (UnaryOperator::Not, v) => match to_bool(&v) {
                        Ok(b) => Value::Bool(!b),
                        Err(v) => v,
                    },
                };
                result.marked_if(marked)
            }
            Expression::BinaryOp(op) => {
                self.binary(*op.operator.value(), &op.lhs_expr, &op.rhs_expr, scope)
            }
            Expression::ForExpr(f) => self.for_expr(f, scope),
        }
    }

    /// A conditional's result converted to the type both results unify to,
    /// as Terraform does (`var.c ? 12 : "hello"` is the string "12"). The
    /// other result is evaluated for its type only, without recording
    /// references; errors in it do not count (HCL reports only the chosen
    /// result's).
    fn unified_with(&self, v: Value, other: &Expression, scope: Bindings<'_>) -> Value {
        // Only a number, a bool or a collection can change (a string
        // unified with a primitive stays the string it is).
        if !matches!(
            v,
            Value::Number(_) | Value::Bool(_) | Value::List(_) | Value::Object(_)
        ) || !v.is_wholly_known()
        {
            return v;
        }
        let o = self.resolver.quietly(&mut || self.expr(other, scope));
        if !o.is_wholly_known() {
            return v;
        }
        let mut both = super::types::unify_values(vec![v, o]);
        both.swap_remove(0)
    }

    fn object(&self, object: &hcl_edit::expr::Object, scope: Bindings<'_>) -> Value {
        if object.is_empty() {
            if let Some(v) = object
                .span()
                .and_then(|s| self.resolver.lifted_object(s.start))
            {
                return v;
            }
        }
        let mut map = BTreeMap::new();
        for (key, value) in object.iter() {
            let name = match key {
                ObjectKey::Ident(ident) => {
                    let renamed = ident
                        .span()
                        .and_then(|s| self.resolver.renamed_key(s.start));
                    renamed.map_or_else(|| ident.value().to_string(), str::to_owned)
                }
                ObjectKey::Expression(e) => {
                    let renamed = e.span().and_then(|s| {
                        // A quoted key's span starts at the quote.
                        self.resolver.renamed_key(s.start)
                    });
                    if let Some(r) = renamed {
                        r.to_owned()
                    } else {
                        // A bare identifier in parentheses or a traversal is
                        // evaluated; `a.b = 1` style keys are names.
                        match self.expr(e, scope) {
                            Value::Unknown(u) => return Value::Unknown(u.plain()),
                            v => match v.to_template_string() {
                                Some(s) => s,
                                None => {
                                    return error(format!(
                                        "an object key must be a string, not {}",
                                        v.type_name()
                                    ))
                                }
                            },
                        }
                    }
                }
            };
            map.insert(name, self.expr(value.expr(), scope));
        }
        Value::Object(map)
    }

    /// Renders a template. A template that is only one interpolation keeps
    /// the interpolated value's type (`"${var.list}"` is a list).
    pub fn template(&self, template: &Template, scope: Bindings<'_>) -> Value {
        if let Some(Element::Interpolation(i)) = template.as_single_element() {
            return self.expr(&i.expr, scope);
        }
        let mut out = String::new();
        let before = self.marked.replace(false);
        // A nested template (inside an interpolation) renders on its own.
        let outer_holes = self.holes.replace(None);
        let mut v = match self.render(template, scope, &mut out) {
            Ok(()) => Value::String(out),
            Err(v) => v,
        };
        if v.is_unknown() && looks_like_json(template) {
            if let Some(known) = self.json_template(template, scope) {
                v = known;
            }
        }
        *self.holes.borrow_mut() = outer_holes;
        let marked = self.marked.replace(before);
        v.marked_if(marked)
    }

    /// A template whose text is JSON with unknown interpolations (a policy
    /// heredoc naming `${aws_s3_bucket.b.arn}`): Terraform's result is an
    /// unknown string, but the JSON structure around the unknown parts is
    /// known. Returns that unknown string refined with the value it
    /// encodes, as `jsonencode` does for a partially known value: an
    /// interpolation inside a JSON string makes that string unknown, one in
    /// a value's place is that value. `None` when the text is not JSON
    /// once the placeholders are in, or an object key is not known.
    fn json_template(&self, template: &Template, scope: Bindings<'_>) -> Option<Value> {
        *self.holes.borrow_mut() = Some(Vec::new());
        let mut out = String::new();
        let rendered = self.render(template, scope, &mut out);
        let holes = self.holes.replace(None).unwrap_or_default();
        rendered.ok()?;
        let first = holes.first().and_then(Value::first_unknown)?.plain();
        let value = json_with_holes(&out, &holes)?;
        Some(Value::Unknown(Unknown::json(first.reason(), value)))
    }

    /// Renders a template. `trim_first`/`trim_last` carry the `~` markers of
    /// the directive around a nested body (`%{ for x in l ~}` trims the
    /// body's leading whitespace, `%{~ endfor }` its trailing whitespace).
    fn render(
        &self,
        template: &Template,
        scope: Bindings<'_>,
        out: &mut String,
    ) -> Result<(), Value> {
        self.render_trimmed(template, scope, out, false, false)
    }

    fn render_trimmed(
        &self,
        template: &Template,
        scope: Bindings<'_>,
        out: &mut String,
        trim_first: bool,
        trim_last: bool,
    ) -> Result<(), Value> {
        let elements: Vec<&Element> = template.iter().collect();
        let last = elements.len().saturating_sub(1);
        for (i, element) in elements.iter().enumerate() {
            match element {
                Element::Literal(lit) => {
                    let mut text: &str = lit.value();
                    // `~` strip markers on neighbours trim whitespace here.
                    if (i > 0 && strips_end(elements[i - 1])) || (i == 0 && trim_first) {
                        text = text.trim_start();
                    }
                    if elements.get(i + 1).is_some_and(|e| strips_start(e))
                        || (i == last && trim_last)
                    {
                        text = text.trim_end();
                    }
                    out.push_str(text);
                }
                Element::Interpolation(interp) => {
                    let (v, marked) = self.expr(&interp.expr, scope).unmark_deep();
                    if marked {
                        self.marked.set(true);
                    }
                    match v {
                        Value::Unknown(u) => {
                            let mut holes = self.holes.borrow_mut();
                            let Some(holes) = holes.as_mut() else {
                                return Err(Value::Unknown(u.plain()));
                            };
                            out.push(HOLE);
                            out.push_str(&holes.len().to_string());
                            out.push(HOLE_END);
                            holes.push(Value::Unknown(u));
                        }
                        Value::Null => {
                            return Err(error("a null value cannot be used in a string template"))
                        }
                        v => match v.to_template_string() {
                            Some(s) => out.push_str(&s),
                            None => {
                                return Err(error(format!(
                                    "cannot include a {} in a string template",
                                    v.type_name()
                                )))
                            }
                        },
                    }
                }
                Element::Directive(d) => match d.as_ref() {
                    Directive::If(ifd) => {
                        let cond = self.expr(&ifd.if_expr.cond_expr, scope);
                        let end_trims = ifd.endif_expr.strip.strip_start();
                        match to_bool(&cond)? {
                            true => {
                                let before_else = match &ifd.else_expr {
                                    Some(e) => e.strip.strip_start(),
                                    None => end_trims,
                                };
                                self.render_trimmed(
                                    &ifd.if_expr.template,
                                    scope,
                                    out,
                                    ifd.if_expr.strip.strip_end(),
                                    before_else,
                                )?
                            }
                            false => {
                                if let Some(e) = &ifd.else_expr {
                                    self.render_trimmed(
                                        &e.template,
                                        scope,
                                        out,
                                        e.strip.strip_end(),
                                        end_trims,
                                    )?;
                                }
                            }
                        }
                    }
                    Directive::For(ford) => {
                        let f = &ford.for_expr;
                        let coll = self.expr(&f.collection_expr, scope);
                        let items = iterate(&coll)?;
                        for (k, v) in items {
                            let key_name = f.key_var.as_ref().map(|k| k.value().as_str());
                            let val_name = f.value_var.value().as_str();
                            let (kb, vb);
                            let inner = if let Some(key_name) = key_name {
                                kb = Binding::new(key_name, k, scope);
                                vb = Binding::new(val_name, v, kb.scope());
                                vb.scope()
                            } else {
                                vb = Binding::new(val_name, v, scope);
                                vb.scope()
                            };
                            self.render_trimmed(
                                &f.template,
                                inner,
                                out,
                                f.strip.strip_end(),
                                ford.endfor_expr.strip.strip_start(),
                            )?;
                        }
                    }
                },
            }
        }
        Ok(())
    }

    fn variable(&self, name: &str, scope: Bindings<'_>) -> Value {
        if let Some(v) = scope.get(name) {
            return v.clone();
        }
        match name {
            "var" | "local" | "module" | "data" | "path" | "terraform" | "count" | "each"
            | "self" => error(format!("`{name}` cannot be used alone")),
            other => Value::unknown(format!("`{other}` is not known here")),
        }
    }

    fn call(&self, call: &FuncCall, scope: Bindings<'_>) -> Value {
        let name = call.name.name.value().as_str();
        if call.name.is_namespaced() {
            let ns: Vec<&str> = call
                .name
                .namespace
                .iter()
                .map(|n| n.value().as_str())
                .collect();
            return Value::unknown(format!(
                "{}::{name}() is a provider-defined function, evaluated only by the provider",
                ns.join("::")
            ));
        }
        match name {
            "try" => {
                for arg in call.args.iter() {
                    let v = self.expr(arg, scope);
                    match &v {
                        Value::Unknown(u) if u.reason().starts_with("error:") => continue,
                        _ => return v,
                    }
                }
                return error("no argument of try() could be evaluated");
            }
            "can" => {
                let Some(arg) = call.args.iter().next() else {
                    return error("can() takes one argument");
                };
                return match self.expr(arg, scope) {
                    Value::Unknown(u) if u.reason().starts_with("error:") => Value::Bool(false),
                    v if v.is_wholly_known() => Value::Bool(true),
                    v => Value::Unknown(
                        v.first_unknown()
                            .cloned()
                            .unwrap_or_else(|| super::value::Unknown::new("unknown")),
                    ),
                };
            }
            _ => {}
        }
        let mut args: Vec<Value> = call.args.iter().map(|a| self.expr(a, scope)).collect();
        if call.args.expand_final() {
            let last = args.pop().map(|v| {
                let (v, marked) = v.unmark_deep();
                match v {
                    Value::List(items) if marked => {
                        Value::List(items.into_iter().map(Value::sensitive).collect())
                    }
                    v => v.marked_if(marked),
                }
            });
            match last {
                Some(Value::List(items)) => args.extend(items),
                Some(Value::Unknown(u)) => return Value::Unknown(u),
                Some(other) => {
                    return error(format!(
                        "cannot expand a {} into arguments",
                        other.type_name()
                    ))
                }
                None => {}
            }
        }
        // Functions see unmarked arguments; the result carries their marks
        // (Terraform's function calls), except for the mark functions.
        let mut marked = false;
        let args: Vec<Value> = args
            .into_iter()
            .map(|a| {
                let (v, m) = a.unmark_deep();
                marked |= m;
                v
            })
            .collect();
        match name {
            "issensitive" if args.len() == 1 => return Value::Bool(marked),
            "sensitive" if args.len() == 1 => marked = true,
            "nonsensitive" => marked = false,
            _ => {}
        }
        let mut args = Some(args);
        let result = self.resolver.with_fn_context(&mut |ctx| {
            functions::call(name, args.take().unwrap_or_default(), ctx)
        });
        match result {
            Ok(v) => v.marked_if(marked),
            Err(msg) => {
                let msg = format!("{name}(): {msg}");
                if msg.contains("(): refusing to ") {
                    self.resolver.refused(call.span(), &msg);
                }
                error(msg)
            }
        }
    }

    fn traversal(
        &self,
        root: &Expression,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        scope: Bindings<'_>,
    ) -> Value {
        // References to the named objects of the language.
        if let Expression::Variable(ident) = root {
            let root_name = ident.value().as_str();
            if !scope.contains(root_name) {
                if let Some(v) = self.named_reference(root_name, ops, scope) {
                    return v;
                }
            }
        }
        // A bound name (`each`, `count`, a `for` variable): the part the
        // steps read, without copying the whole value first.
        if let Expression::Variable(ident) = root {
            if let Some(bound) = scope.get(ident.value().as_str()) {
                let ops = match self.eval_ops(ops, scope) {
                    Ok(ops) => ops,
                    Err(v) => return v,
                };
                let (part, rest) = walk_plain(bound, &ops);
                return apply_ops(part.clone(), rest);
            }
        }
        let base = self.expr(root, scope);
        let ops = match self.eval_ops(ops, scope) {
            Ok(ops) => ops,
            Err(v) => return v,
        };
        apply_ops(base, &ops)
    }

    fn eval_ops(
        &self,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        scope: Bindings<'_>,
    ) -> Result<Vec<Op>, Value> {
        ops.iter()
            .map(|op| match op.value() {
                TraversalOperator::GetAttr(name) => Ok(Op::Attr(name.value().to_string())),
                TraversalOperator::LegacyIndex(i) => Ok(Op::Index(Value::Number(Number::Int(
                    i128::from(*i.value()),
                )))),
                TraversalOperator::Index(e) => Ok(Op::Index(self.expr(e, scope))),
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => Ok(Op::Splat),
            })
            .collect()
    }

    /// `var.x`, `local.x`, `module.x`, `data.t.n`, `t.n`, `path.*`,
    /// `terraform.*`; None when `root` is none of these.
    fn named_reference(
        &self,
        root: &str,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        scope: Bindings<'_>,
    ) -> Option<Value> {
        let attr = |i: usize| match ops.get(i).map(|o| o.value()) {
            Some(TraversalOperator::GetAttr(n)) => Some(n.value().as_str()),
            _ => None,
        };
        let rest = |from: usize| -> Result<Vec<Op>, Value> {
            self.eval_ops(ops.get(from..).unwrap_or(&[]), scope)
        };
        let v = match root {
            "var" | "local" | "module" | "path" | "terraform" => {
                let name = attr(0)?;
                match rest(1) {
                    Ok(ops) => match root {
                        "var" => self.resolver.variable_at(name, &ops),
                        "local" => self.resolver.local_at(name, &ops),
                        "module" => self.resolver.module_at(name, &ops),
                        _ => apply_ops(self.resolver.builtin(root, name), &ops),
                    },
                    Err(v) => v,
                }
            }
            "data" => {
                let rtype = attr(0)?;
                let name = attr(1)?;
                match rest(2) {
                    Ok(ops) => self.resolver.resource(true, rtype, name, &ops),
                    Err(v) => v,
                }
            }
            "count" | "each" | "self" => return None,
            rtype if rtype.contains('_') => {
                let name = attr(0)?;
                match rest(1) {
                    Ok(ops) => self.resolver.resource(false, rtype, name, &ops),
                    Err(v) => v,
                }
            }
            _ => return None,
        };
        Some(v)
    }

    fn binary(
        &self,
        op: BinaryOperator,
        lhs: &Expression,
        rhs: &Expression,
        scope: Bindings<'_>,
    ) -> Value {
        let (l, lm) = self.expr(lhs, scope).unmark_deep();
        self.binary_values(op, l, rhs, scope).marked_if(lm)
    }

    fn binary_values(
        &self,
        op: BinaryOperator,
        l: Value,
        rhs: &Expression,
        scope: Bindings<'_>,
    ) -> Value {
        use BinaryOperator as B;
        // Logical operators decide on a known side even when the other is unknown.
        if matches!(op, B::And | B::Or) {
            let lb = to_bool(&l);
            match (op, &lb) {
                (B::And, Ok(false)) => return Value::Bool(false),
                (B::Or, Ok(true)) => return Value::Bool(true),
                _ => {}
            }
            let (r, rm) = self.expr(rhs, scope).unmark_deep();
            let rb = to_bool(&r);
            let v = match (op, lb, rb) {
                (B::And, _, Ok(false)) => Value::Bool(false),
                (B::Or, _, Ok(true)) => Value::Bool(true),
                (_, Ok(a), Ok(b)) => Value::Bool(if op == B::And { a && b } else { a || b }),
                (_, Err(v), _) | (_, _, Err(v)) => v,
            };
            return v.marked_if(rm);
        }
        let (r, rm) = self.expr(rhs, scope).unmark_deep();
        arithmetic(op, l, r).marked_if(rm)
    }
}

/// `l op r` for the operators other than `&&` and `||`.
fn arithmetic(op: BinaryOperator, l: Value, r: Value) -> Value {
    use BinaryOperator as B;
    if let Some(u) = l.first_unknown().or_else(|| r.first_unknown()) {
        return Value::Unknown(u.plain());
    }
    match op {
        B::Eq => Value::Bool(values_equal(&l, &r)),
        B::NotEq => Value::Bool(!values_equal(&l, &r)),
        _ => {
            let (Some(a), Some(b)) = (to_number(&l), to_number(&r)) else {
                return error(format!(
                    "operator needs numbers, got {} and {}",
                    l.type_name(),
                    r.type_name()
                ));
            };
            match op {
                B::Plus => Value::Number(a + b),
                B::Minus => Value::Number(a - b),
                B::Mul => Value::Number(a * b),
                B::Div if b.to_f64() == 0.0 => error("division by zero"),
                B::Div => Value::Number(a / b),
                B::Mod if b.to_f64() == 0.0 => error("modulo by zero"),
                B::Mod => Value::Number(a % b),
                B::Less => Value::Bool(a.cmp_num(b).is_lt()),
                B::LessEq => Value::Bool(a.cmp_num(b).is_le()),
                B::Greater => Value::Bool(a.cmp_num(b).is_gt()),
                B::GreaterEq => Value::Bool(a.cmp_num(b).is_ge()),
                B::Eq | B::NotEq | B::And | B::Or => Value::Null,
            }
        }
    }
}

impl<'r> Eval<'r> {
    fn for_expr(&self, f: &ForExpr, scope: Bindings<'_>) -> Value {
        let coll = self.expr(&f.intro.collection_expr, scope);
        let items = match iterate(&coll) {
            Ok(items) => items,
            Err(v) => return v,
        };
        let key_name = f.intro.key_var.as_ref().map(|k| k.value().as_str());
        let val_name = f.intro.value_var.value().as_str();
        let mut list = Vec::new();
        let mut map: BTreeMap<String, Value> = BTreeMap::new();
        let mut grouped: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for (k, v) in items {
            let (kb, vb);
            let inner = if let Some(key_name) = key_name {
                kb = Binding::new(key_name, k, scope);
                vb = Binding::new(val_name, v, kb.scope());
                vb.scope()
            } else {
                vb = Binding::new(val_name, v, scope);
                vb.scope()
            };
            if let Some(cond) = &f.cond {
                match to_bool(&self.expr(&cond.expr, inner)) {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(v) => return v,
                }
            }
            let value = self.expr(&f.value_expr, inner);
            match &f.key_expr {
                None => list.push(value),
                Some(key_expr) => {
                    let key = match self.expr(key_expr, inner) {
                        Value::Unknown(u) => return Value::Unknown(u.plain()),
                        k => match k.to_template_string() {
                            Some(s) => s,
                            None => return error("a for expression key must be a string"),
                        },
                    };
                    if f.grouping {
                        grouped.entry(key).or_default().push(value);
                    } else if map.insert(key.clone(), value).is_some() {
                        return error(format!(
                            "duplicate key {key:?} in for expression; use `...` to group"
                        ));
                    }
                }
            }
        }
        match (&f.key_expr, f.grouping) {
            (None, _) => Value::List(list),
            (Some(_), true) => Value::Object(
                grouped
                    .into_iter()
                    .map(|(k, v)| (k, Value::List(v)))
                    .collect(),
            ),
            (Some(_), false) => Value::Object(map),
        }
    }
}

fn strips_end(e: &Element) -> bool {
    match e {
        Element::Interpolation(i) => i.strip.strip_end(),
        Element::Directive(d) => match d.as_ref() {
            Directive::If(i) => i.endif_expr.strip.strip_end(),
            Directive::For(f) => f.endfor_expr.strip.strip_end(),
        },
        Element::Literal(_) => false,
    }
}

fn strips_start(e: &Element) -> bool {
    match e {
        Element::Interpolation(i) => i.strip.strip_start(),
        Element::Directive(d) => match d.as_ref() {
            Directive::If(i) => i.if_expr.strip.strip_start(),
            Directive::For(f) => f.for_expr.strip.strip_start(),
        },
        Element::Literal(_) => false,
    }
}

/// An error Terraform would report: unknown to policies, with the reason.
/// Placeholders for unknown interpolations while a JSON template renders
/// (private-use characters; a template whose text holds them is left
/// unknown). `HOLE_RAW` marks a placeholder outside a JSON string, quoted
/// so that the text parses.
const HOLE: char = '\u{E000}';
const HOLE_RAW: char = '\u{E001}';
const HOLE_END: char = '\u{E002}';

/// True when the template's text starts like a JSON object or array.
fn looks_like_json(template: &Template) -> bool {
    let mut text = String::new();
    for element in template.iter() {
        match element {
            Element::Literal(lit) => {
                if lit.value().contains([HOLE, HOLE_RAW, HOLE_END]) {
                    return false;
                }
                text.push_str(lit.value());
            }
            _ => break,
        }
    }
    matches!(text.trim_start().chars().next(), Some('{' | '['))
}

/// Parses rendered JSON text holding placeholders for `holes`.
fn json_with_holes(text: &str, holes: &[Value]) -> Option<Value> {
    let mut quoted = String::with_capacity(text.len() + 2 * holes.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == HOLE {
            let digits: String = chars.by_ref().take_while(|&c| c != HOLE_END).collect();
            if in_string {
                quoted.push(HOLE);
            } else {
                quoted.push('"');
                quoted.push(HOLE_RAW);
            }
            quoted.push_str(&digits);
            quoted.push(HOLE_END);
            if !in_string {
                quoted.push('"');
            }
            escaped = false;
            continue;
        }
        quoted.push(c);
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    let json: serde_json::Value = serde_json::from_str(&quoted).ok()?;
    if !(json.is_object() || json.is_array()) {
        return None;
    }
    fill_holes(&json, holes)
}

/// The hole a placeholder names (`HOLE_RAW` or `HOLE`, digits, `HOLE_END`).
fn hole_index(s: &str, marker: char) -> Option<usize> {
    s.strip_prefix(marker)?.strip_suffix(HOLE_END)?.parse().ok()
}

fn fill_holes(json: &serde_json::Value, holes: &[Value]) -> Option<Value> {
    Some(match json {
        serde_json::Value::String(s) if s.contains([HOLE, HOLE_RAW]) => {
            if let Some(i) = hole_index(s, HOLE_RAW) {
                return holes.get(i).cloned();
            }
            // A string with an unknown part is an unknown string.
            let start = s.find([HOLE, HOLE_RAW])?;
            let rest = &s[start + HOLE.len_utf8()..];
            let i: usize = rest[..rest.find(HOLE_END)?].parse().ok()?;
            Value::Unknown(holes.get(i)?.first_unknown()?.plain())
        }
        serde_json::Value::Array(items) => Value::List(
            items
                .iter()
                .map(|v| fill_holes(v, holes))
                .collect::<Option<_>>()?,
        ),
        serde_json::Value::Object(map) => {
            let mut out = BTreeMap::new();
            for (k, v) in map {
                if k.contains([HOLE, HOLE_RAW]) {
                    return None;
                }
                out.insert(k.clone(), fill_holes(v, holes)?);
            }
            Value::Object(out)
        }
        other => Value::from_json(other),
    })
}

pub fn error(msg: impl std::fmt::Display) -> Value {
    Value::unknown(format!("error: {msg}"))
}

/// Applies traversal steps to a value.
/// The part of `v` that the leading plain steps of `ops` name (an
/// attribute or key an object has, an element a list has), and the steps
/// left for [`apply_ops`]: what `apply_ops` gives for those steps, read in
/// place, so that `each.value.name` or `local.map["key"]` copies the name,
/// not the map. Marks, unknowns, splats and missing keys stop the walk.
pub fn walk_plain<'v, 'o>(mut v: &'v Value, ops: &'o [Op]) -> (&'v Value, &'o [Op]) {
    let mut done = 0;
    for op in ops {
        let next = match (op, v) {
            (Op::Attr(name), Value::Object(map)) => map.get(name.as_str()),
            (Op::Index(Value::String(key)), Value::Object(map)) => map.get(key.as_str()),
            (Op::Index(Value::Number(n)), Value::List(items)) => n
                .as_i128()
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(part) => {
                v = part;
                done += 1;
            }
            None => break,
        }
    }
    (v, &ops[done..])
}

pub fn apply_ops(mut v: Value, ops: &[Op]) -> Value {
    for (i, op) in ops.iter().enumerate() {
        v = match (op, v) {
            // What is read from a sensitive value is sensitive.
            (_, Value::Sensitive(inner)) => return Value::sensitive(apply_ops(*inner, &ops[i..])),
            (Op::Index(Value::Sensitive(k)), v) => {
                let mut rest = ops[i..].to_vec();
                rest[0] = Op::Index((**k).clone());
                return Value::sensitive(apply_ops(v, &rest));
            }
            // An attribute of an object of which some attributes are known
            // (a resource instance's written arguments).
            (Op::Attr(name), Value::Unknown(u)) => match u.refinement() {
                Some(Refinement::Attributes(attrs)) => match attrs.get(name) {
                    Some(v) => v.clone(),
                    None => return Value::Unknown(u.plain()),
                },
                _ => return Value::Unknown(u.plain()),
            },
            (_, Value::Unknown(u)) => return Value::Unknown(u.plain()),
            (Op::Splat, Value::Null) => Value::List(Vec::new()),
            (Op::Splat, Value::List(items)) => {
                let rest = &ops[i + 1..];
                return Value::List(
                    items
                        .into_iter()
                        .map(|item| apply_ops(item, rest))
                        .collect(),
                );
            }
            (Op::Splat, single) => {
                let rest = &ops[i + 1..];
                return Value::List(vec![apply_ops(single, rest)]);
            }
            (Op::Attr(name), Value::Object(mut map)) => match map.remove(name) {
                Some(v) => v,
                None => return error(format!("this object has no attribute {name:?}")),
            },
            (Op::Attr(name), other) => {
                return error(format!(
                    "cannot read attribute {name:?} of a {}",
                    other.type_name()
                ))
            }
            (Op::Index(Value::Unknown(u)), _) => return Value::Unknown(u.clone()),
            (Op::Index(key), Value::List(mut items)) => {
                let Some(n) = to_number(key) else {
                    return error("a list index must be a number");
                };
                let Some(i) = n
                    .as_i128()
                    .and_then(|i| usize::try_from(i).ok())
                    .filter(|i| *i < items.len())
                else {
                    return error(format!(
                        "index {n} out of range for a list of {}",
                        items.len()
                    ));
                };
                items.swap_remove(i)
            }
            (Op::Index(key), Value::Object(mut map)) => {
                let Some(k) = key.to_template_string() else {
                    return error("a map key must be a string");
                };
                match map.remove(&k) {
                    Some(v) => v,
                    None => return error(format!("the map has no key {k:?}")),
                }
            }
            (Op::Index(_), other) => return error(format!("cannot index a {}", other.type_name())),
        };
    }
    v
}

/// The (key, value) pairs a `for` iterates: index/element for lists,
/// name/value for objects.
pub fn iterate(v: &Value) -> Result<Vec<(Value, Value)>, Value> {
    match v {
        Value::Sensitive(inner) => Ok(iterate(inner)?
            .into_iter()
            .map(|(k, v)| (k, Value::sensitive(v)))
            .collect()),
        Value::List(items) => Ok(items
            .iter()
            .enumerate()
            .map(|(i, v)| (Value::Number(Number::from(i)), v.clone()))
            .collect()),
        Value::Object(map) => Ok(map
            .iter()
            .map(|(k, v)| (Value::String(k.clone()), v.clone()))
            .collect()),
        Value::Unknown(u) => Err(Value::Unknown(u.plain())),
        Value::Null => Err(error("cannot iterate over a null value")),
        other => Err(error(format!(
            "cannot iterate over a {}",
            other.type_name()
        ))),
    }
}

/// Terraform's conversion to bool; Err carries the unknown/error value.
pub fn to_bool(v: &Value) -> Result<bool, Value> {
    match v.unmarked() {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s == "true" => Ok(true),
        Value::String(s) if s == "false" => Ok(false),
        Value::Unknown(u) => Err(Value::Unknown(u.plain())),
        other => Err(error(format!(
            "a {} cannot be used as a condition",
            other.type_name()
        ))),
    }
}

/// Terraform's conversion to number (numeric strings convert).
pub fn to_number(v: &Value) -> Option<Number> {
    match v.unmarked() {
        Value::Number(n) => Some(*n),
        Value::String(s) => Number::parse(s),
        _ => None,
    }
}

/// Terraform's `==`: same type and same value, deeply.
pub fn values_equal(a: &Value, b: &Value) -> bool {
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hole(i: usize) -> String {
        format!("{HOLE}{i}{HOLE_END}")
    }

    #[test]
    fn json_text_with_holes_keeps_its_structure() {
        let holes = vec![Value::unknown("a"), Value::unknown("b")];
        // A hole after an escaped quote is still inside the string; one in a
        // value's place stands for that value.
        let text = format!(r#"{{"s": "x\"{}", "n": {}}}"#, hole(0), hole(1));
        let v = json_with_holes(&text, &holes).expect("parses");
        let Value::Object(map) = v else {
            panic!("not an object: {v:?}")
        };
        assert!(matches!(&map["s"], Value::Unknown(u) if u.reason() == "a"));
        assert!(matches!(&map["n"], Value::Unknown(u) if u.reason() == "b"));
    }

    #[test]
    fn json_text_with_an_unknown_key_or_no_json_stays_unknown() {
        let holes = vec![Value::unknown("a")];
        let key = format!(r#"{{"{}": 1}}"#, hole(0));
        assert_eq!(json_with_holes(&key, &holes), None);
        let broken = format!(r#"{{"a": {} "b": 1}}"#, hole(0));
        assert_eq!(json_with_holes(&broken, &holes), None);
    }
}
