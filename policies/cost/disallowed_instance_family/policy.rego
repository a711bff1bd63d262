# METADATA
# title: Instance family disallowed by the team's cost policy
# description: >-
#   The resource uses an instance, database or cache node family listed in
#   data.tfward.config.cost.disallowed_instance_families (for example
#   previous-generation families such as m4 or t2 that cost more for less, or
#   large families reserved for approved workloads). A family is the part of
#   the type before the size (m4.large -> m4, db.t2.micro -> db.t2 and t2,
#   n1-standard-2 -> n1). The list is empty by default: the policy is silent
#   until a team configures it.
# related_resources:
#   - https://aws.amazon.com/ec2/previous-generation/
# custom:
#   id: TFW-COST-0002
#   severity: MEDIUM
#   category: cost
#   resource_types: [aws_instance, aws_launch_template, aws_db_instance, aws_rds_cluster_instance, aws_elasticache_cluster, aws_elasticache_replication_group, google_compute_instance]
#   frameworks: {}
#   remediation: |
#     Use a current family with the same shape, e.g. m4.large -> m6i.large:
#     ```hcl
#     resource "aws_instance" "app" {
#       instance_type = "m6i.large"
#     }
#     ```
#   aliases: []
package tfward.cost.disallowed_instance_family

import rego.v1
import data.lib.tf

families := object.get(data.tfward.config, ["cost", "disallowed_instance_families"], [])

size_attr := {
	"aws_instance": "instance_type",
	"aws_launch_template": "instance_type",
	"aws_db_instance": "instance_class",
	"aws_rds_cluster_instance": "instance_class",
	"aws_elasticache_cluster": "node_type",
	"aws_elasticache_replication_group": "node_type",
	"google_compute_instance": "machine_type",
}

# db.m4.large -> db.m4; cache.t2.micro -> cache.t2
family(size) := concat(".", array.slice(parts, 0, 2)) if {
	parts := split(size, ".")
	count(parts) == 3
}

# m4.large -> m4
family(size) := split(size, ".")[0] if count(split(size, ".")) == 2

# n1-standard-2 -> n1
family(size) := split(size, "-")[0] if not contains(size, ".")

disallowed(fam) if fam in families

disallowed(fam) if regex.replace(fam, `^(db|cache)\.`, "") in families

deny contains tf.finding(r, [attr], msg) if {
	count(families) > 0
	some r in input.resources
	r.mode == "managed"
	attr := size_attr[r.type]
	size := r.values[attr]
	is_string(size)
	fam := family(size)
	disallowed(fam)
	msg := sprintf("%s uses %s (family %s), which cost.disallowed_instance_families does not allow", [r.address, size, fam])
}
