# METADATA
# title: ElastiCache replication group is not Multi-AZ
# description: >-
#   Without multi_az_enabled, the primary and its replicas of a Redis OSS/Valkey
#   replication group may all sit in one availability zone, and failover does
#   not move the primary to another zone. An aws_elasticache_replication_group
#   (Memcached excluded) is reported when multi_az_enabled is false or left out
#   (the default).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#multi_az_enabled
# custom:
#   id: TFW-AWS-0399
#   severity: LOW
#   category: reliability
#   resource_types: [aws_elasticache_replication_group]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-10]
#   remediation: |
#     Turn Multi-AZ on (it needs automatic failover and a replica):
#     ```hcl
#     resource "aws_elasticache_replication_group" "cache" {
#       # ...
#       automatic_failover_enabled = true
#       multi_az_enabled           = true
#     }
#     ```
#   aliases: []
package tfward.aws.elasticache.multi_az_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["multi_az_enabled"], sprintf("%s is not Multi-AZ", [r.address])) if {
	some r in tf.not_true(["aws_elasticache_replication_group"], ["multi_az_enabled"], false)
	tf.val(r.values, "engine", "redis") != "memcached"
	not tf.is_unknown(r, ["engine"])
}
