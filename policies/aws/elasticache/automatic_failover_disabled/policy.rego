# METADATA
# title: ElastiCache replication group has no automatic failover
# description: >-
#   Without automatic failover, losing the primary node of a Redis OSS/Valkey
#   replication group means downtime until someone promotes a replica by hand.
#   An aws_elasticache_replication_group (engine redis or valkey) is reported
#   when automatic_failover_enabled is false or left out (the default). Failover
#   needs at least one replica (num_cache_clusters of 2 or more).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#automatic_failover_enabled
# custom:
#   id: TFW-AWS-0358
#   severity: LOW
#   category: reliability
#   resource_types: [aws_elasticache_replication_group]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-10]
#   equivalents:
#     checkov: CKV2_AWS_50
#   remediation: |
#     Turn failover (and Multi-AZ) on:
#     ```hcl
#     resource "aws_elasticache_replication_group" "cache" {
#       # ...
#       num_cache_clusters         = 2
#       automatic_failover_enabled = true
#       multi_az_enabled           = true
#     }
#     ```
#   aliases: []
package tfward.aws.elasticache.automatic_failover_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["automatic_failover_enabled"], sprintf("%s has no automatic failover", [r.address])) if {
	some r in tf.not_true(["aws_elasticache_replication_group"], ["automatic_failover_enabled"], false)
	tf.val(r.values, "engine", "redis") != "memcached"
	not tf.is_unknown(r, ["engine"])
}
