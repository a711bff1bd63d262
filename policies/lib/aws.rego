# AWS helpers: links that cannot be decided and ECS container definitions.
# The package spans files: IAM-style policy documents in aws_iam.rego,
# security groups, network ACLs and instances in aws_network.rego, S3 and
# data stores in aws_data.rego, CloudTrail and CloudWatch in aws_logging.rego.
package lib.aws

import rego.v1
import data.lib.net
import data.lib.tf

# Security group and network ACL rules: lib/aws_network.rego (same package).

# ---------------------------------------------------------------------------
# Links that cannot be decided (the S3 helpers are in aws_data.rego)
# ---------------------------------------------------------------------------

# Some resource of `type` has an unknown `attr` that does not refer to a
# managed resource of this module (var.x, local.x, module.x, data.x or no
# reference at all), so which resource it configures cannot be told.
# (lib.tf's maybe_linked only covers the no-reference case.)
link_undecided(type, attr) if {
	some o in tf.resources(type)
	tf.is_unknown(o, [attr])
	not refers_to_managed(o, attr)
}

refers_to_managed(o, attr) if {
	some ref in object.get(o.references, attr, [])
	not regex.match(`^(var|local|module|data|each|count|path|terraform|self)\.`, ref)
}

# ---------------------------------------------------------------------------
# ECS task definitions
# ---------------------------------------------------------------------------

# Container definitions of an aws_ecs_task_definition, decoded from the JSON
# string (or taken as is when the engine hands over the decoded array).
containers(r) := json.unmarshal(r.values.container_definitions) if {
	is_string(r.values.container_definitions)
	json.is_valid(r.values.container_definitions)
} else := r.values.container_definitions if {
	is_array(r.values.container_definitions)
} else := []

# Names that mark a secret value, and suffixes of names that only point at one.
secret_name(name) if {
	n := lower(name)
	some w in ["password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "access_key"]
	contains(n, w)
	not secret_reference_name(n)
}

secret_reference_name(n) if {
	some s in ["_name", "_arn", "_id", "_path", "_param", "_parameter", "_secret_id"]
	endswith(n, s)
}
