# METADATA
# title: ElastiCache Redis replication group requires no authentication
# description: >-
#   A Redis OSS/Valkey replication group with neither an AUTH token nor RBAC
#   user groups accepts commands from anything that can reach its port,
#   including FLUSHALL and CONFIG. Set auth_token (with transit encryption) or
#   user_group_ids. Groups whose engine is memcached are not checked.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/auth.html
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/Clusters.RBAC.html
# custom:
#   id: TFW-AWS-0084
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_elasticache_replication_group]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.2.1"]
#     cwe: [CWE-306]
#   equivalents:
#     checkov: CKV_AWS_31
#   remediation: |
#     Require an AUTH token (or RBAC user groups):
#     ```hcl
#     resource "aws_elasticache_replication_group" "cache" {
#       replication_group_id       = "cache"
#       description                = "Session cache"
#       engine                     = "redis"
#       node_type                  = "cache.t4g.small"
#       num_cache_clusters         = 2
#       at_rest_encryption_enabled = true
#       transit_encryption_enabled = true
#       auth_token                 = "provided-through-a-secret-variable"
#       snapshot_retention_limit   = 7
#     }
#     ```
#   aliases: []
package tfward.aws.elasticache.no_auth

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["auth_token"], sprintf("%s accepts connections without authentication", [r.address])) if {
	some r in tf.resources("aws_elasticache_replication_group")
	tf.val(r.values, "engine", "redis") != "memcached"
	not tf.is_unknown(r, ["engine"])
	tf.val(r.values, "auth_token", "") == ""
	not tf.is_unknown(r, ["auth_token"])
	count(tf.list(r.values, "user_group_ids")) == 0
	not tf.is_unknown(r, ["user_group_ids"])
}
