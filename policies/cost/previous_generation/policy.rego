# METADATA
# title: Previous-generation instance family
# description: >-
#   The instance, database or cache node uses a previous-generation family
#   (t2, m3, m4, c3, c4, r3, r4, i2, d2 and their db./cache. forms). The
#   current families with the same shape cost the same or less per hour for
#   more performance (m4.large $0.100/h against m6i.large $0.096/h in
#   us-east-1), and Graviton families cost about 20% less again. The change
#   report's cost optimisation section prices the move from the catalogue.
# related_resources:
#   - https://aws.amazon.com/ec2/previous-generation/
# custom:
#   id: TFW-COST-0004
#   severity: LOW
#   category: cost
#   resource_types: [aws_instance, aws_launch_template, aws_db_instance, aws_rds_cluster_instance, aws_elasticache_cluster, aws_elasticache_replication_group]
#   frameworks: {}
#   remediation: |
#     Move to the current family of the same shape:
#     ```hcl
#     resource "aws_instance" "app" {
#       instance_type = "m6i.large" # was m4.large
#     }
#     ```
#   aliases: []
package tfward.cost.previous_generation

import rego.v1
import data.lib.tf

size_attr := {
	"aws_instance": "instance_type",
	"aws_launch_template": "instance_type",
	"aws_db_instance": "instance_class",
	"aws_rds_cluster_instance": "instance_class",
	"aws_elasticache_cluster": "node_type",
	"aws_elasticache_replication_group": "node_type",
}

previous := {"t2", "m3", "m4", "c3", "c4", "r3", "r4", "i2", "d2", "g2", "p2"}

# m4.large -> m4; db.m4.large -> m4; cache.t2.micro -> t2
family(size) := parts[count(parts) - 2] if {
	parts := split(size, ".")
	count(parts) >= 2
}

deny contains tf.finding(r, [attr], msg) if {
	some r in input.resources
	r.mode == "managed"
	attr := size_attr[r.type]
	size := r.values[attr]
	is_string(size)
	family(size) in previous
	msg := sprintf("%s uses %s, a previous-generation family: the current family of the same size costs the same or less", [r.address, size])
}
