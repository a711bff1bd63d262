//! Module calls: finding the called module's code, expanding the call's
//! `count`/`for_each`, and evaluating each instance with the call's
//! arguments as its inputs.

use super::*;

impl ModuleEval<'_, '_> {
    /// Evaluates a module call: finds the module's code, expands
    /// count/for_each, evaluates each instance with the call's arguments as
    /// inputs, and returns its outputs (an object, or a list/map of objects).
    pub(super) fn call_module(&self, name: &str) -> CallResult {
        let Some((block, file)) = self
            .config
            .module_calls
            .iter()
            .find(|(b, _)| b.labels[0].as_str() == name)
        else {
            return (
                error(format!("module.{name} is not declared in this module")),
                None,
                CallStatus::NotFollowed,
            );
        };
        let at = span_of(*file, block);
        let previous = self.current_file.replace(*file);
        let eval = Eval::new(self);
        let source = attr_string(&eval, &block.body, "source").unwrap_or_default();
        let registry_key = if self.ctx.registry_key.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.ctx.registry_key)
        };
        let dir = if is_local_source(&source) {
            Some(normalise(&self.ctx.dir.join(&source)))
        } else {
            self.ctx.installed.get(&registry_key).cloned()
        };
        let Some(dir) = dir else {
            self.current_file.set(previous);
            if source.is_empty() {
                self.issue(
                    at,
                    format!(
                        "module.{name}: its source is not a literal string, so it is not evaluated"
                    ),
                );
                return (
                    Value::unknown(format!("module.{name} has no literal source")),
                    None,
                    CallStatus::NotFollowed,
                );
            }
            self.issue(
                at,
                format!("module.{name} (\"{source}\") is not installed, so its resources are not evaluated: run `terraform init` first, or scan with --download-modules"),
            );
            return (
                Value::unknown(format!("module.{name} ({source}) is not installed; run `terraform init` to let tfward read it")),
                None,
                CallStatus::NotInstalled,
            );
        };
        if self.ctx.stack.contains(&dir) {
            let chain: Vec<String> = self
                .ctx
                .stack
                .iter()
                .chain([&dir])
                .map(|d| crate::source::display_path(d))
                .collect();
            self.issue(
                at,
                format!(
                    "module.{name} calls itself recursively ({}); not followed",
                    chain.join(" -> ")
                ),
            );
            self.current_file.set(previous);
            return (
                error(format!("module.{name} is recursive")),
                Some(dir),
                CallStatus::NotFollowed,
            );
        }
        if self.ctx.stack.len() >= MAX_MODULE_DEPTH {
            self.error_issue(
                at,
                format!("module.{name} nests deeper than {MAX_MODULE_DEPTH} modules; tfward stops there, so its resources are not evaluated"),
            );
            self.current_file.set(previous);
            return (
                error("modules nest too deeply"),
                Some(dir),
                CallStatus::NotFollowed,
            );
        }
        let files = self.ctx.project.module_files(&dir);
        if files.is_empty() && self.ctx.project.refused.contains(&normalise(&dir)) {
            // Loading said where it leads and that it was not read.
            self.issue(
                at,
                format!("module.{name}: the source \"{source}\" leads outside the project, which tfward does not read, so its resources are not evaluated; scan from a folder that holds the module to include it"),
            );
            self.current_file.set(previous);
            return (
                Value::unknown(format!("module.{name} lies outside the project")),
                Some(dir),
                CallStatus::NotFollowed,
            );
        }
        if files.is_empty() {
            let shown = crate::source::display_path(&dir);
            let why = if !is_local_source(&source) {
                format!("module.{name} (\"{source}\") is listed in .terraform/modules but {shown} holds no Terraform files: run `terraform init` again")
            } else if dir.is_dir() {
                format!("module.{name}: the local source \"{source}\" ({shown}) holds no Terraform files that tfward could read; `terraform init` would fail on it")
            } else {
                format!("module.{name}: the local source \"{source}\" does not exist ({shown}); `terraform init` would fail on it")
            };
            self.error_issue(at, why);
            self.current_file.set(previous);
            return (
                Value::unknown(format!("module.{name} has no readable source")),
                Some(dir),
                CallStatus::Missing,
            );
        }
        let instances = self.budgeted(
            &eval,
            self.instances(&eval, &block.body),
            &block.body,
            &format!("module.{name}"),
        );
        // Every module instance counts against the tree's budget, not only
        // the ones count and for_each make: a module calling the next
        // folder four times, ten folders deep, is a million instances
        // (minutes, and gigabytes).
        if instances.len() == 1 && !self.charge_one(&format!("module.{name}"), at.clone()) {
            self.current_file.set(previous);
            return (
                Value::unknown(format!(
                    "module.{name} is past tfward's budget of resource and module instances"
                )),
                Some(dir),
                CallStatus::NotFollowed,
            );
        }
        let mut by_key: Vec<(Option<Value>, Value)> = Vec::new();
        let repeated = block.body.has_attribute("count") || block.body.has_attribute("for_each");
        let mut unknown_count = None;
        for (instance_key, each, index) in instances {
            let count_b;
            let each_b;
            let scope = match (&each, index) {
                (Some((k, v)), _) => {
                    each_b =
                        Binding::new("each", each_object(k.clone(), v.clone()), Bindings::EMPTY);
                    each_b.scope()
                }
                (None, Some(i)) => {
                    count_b =
                        Binding::new("count", count_object(Value::Number(i)), Bindings::EMPTY);
                    count_b.scope()
                }
                (None, None) if repeated => {
                    unknown_count = Some(Value::unknown(format!(
                        "module.{name} has a count or for_each that is not known"
                    )));
                    Bindings::EMPTY
                }
                (None, None) => Bindings::EMPTY,
            };
            let mut inputs = Inputs::default();
            for attr in block.body.attributes() {
                let k = attr.key.value().as_str();
                if matches!(
                    k,
                    "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
                ) {
                    continue;
                }
                let origin = SpanRef {
                    file: *file,
                    span: attr.value.span().unwrap_or(0..0),
                };
                inputs.set(
                    k,
                    InputValue::Value(eval.expr(&attr.value, scope), Some(origin)),
                );
            }
            let address = address::module_instance(&self.ctx.address, name, &instance_key);
            let mut stack = self.ctx.stack.clone();
            let mut call_chain = self.ctx.call_chain.clone();
            call_chain.push(at.clone());
            stack.push(dir.clone());
            let child_ctx = ModuleContext {
                dir: &dir,
                root: self.ctx.root,
                scan_root: self.ctx.scan_root,
                workspace: self.ctx.workspace,
                inputs: &inputs,
                address,
                registry_key: registry_key.clone(),
                stack,
                call_chain,
                project: self.ctx.project,
                installed: self.ctx.installed,
                children: self.ctx.children,
                provider_configs: self.configs_for_call(block),
                budget: self.ctx.budget,
                limit: self.ctx.limit,
                schema: self.ctx.schema,
            };
            let child = evaluate_files(&files, &child_ctx);
            let outputs = Value::Object(
                child
                    .outputs
                    .iter()
                    .map(|o| (o.name.clone(), o.value.clone()))
                    .collect(),
            );
            let key = each.map(|(k, _)| k).or(index.map(Value::Number));
            self.ctx.children.borrow_mut().push(child);
            by_key.push((key, outputs));
        }
        self.current_file.set(previous);
        let value = if let Some(u) = unknown_count {
            u
        } else if block.body.has_attribute("for_each") {
            Value::Object(
                by_key
                    .into_iter()
                    .filter_map(|(k, v)| Some((k?.to_template_string()?, v)))
                    .collect(),
            )
        } else if block.body.has_attribute("count") {
            Value::List(by_key.into_iter().map(|(_, v)| v).collect())
        } else {
            by_key.into_iter().next().map_or(Value::Null, |(_, v)| v)
        };
        (value, Some(dir), CallStatus::Evaluated)
    }
}
