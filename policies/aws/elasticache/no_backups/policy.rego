# METADATA
# title: ElastiCache Redis has no automatic backups
# description: >-
#   snapshot_retention_limit = 0 (the default) keeps no daily snapshots, so a
#   node failure in a single-node cluster, or a bad FLUSHALL, loses all data.
#   Keep at least a few days of snapshots for caches that hold state you cannot
#   rebuild (sessions, queues, leaderboards).
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/backups-automatic.html
# custom:
#   id: TFW-AWS-0085
#   severity: LOW
#   category: reliability
#   resource_types: [aws_elasticache_replication_group, aws_elasticache_cluster]
#   frameworks:
#     soc2: [A1.2]
#   equivalents:
#     checkov: CKV_AWS_134
#     trivy: AWS-0050
#   remediation: |
#     Keep daily snapshots:
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
package tfward.aws.elasticache.no_backups

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["snapshot_retention_limit"], sprintf("%s keeps no automatic snapshots", [r.address])) if {
	some t in {"aws_elasticache_replication_group", "aws_elasticache_cluster"}
	some r in tf.resources(t)
	tf.val(r.values, "engine", "redis") != "memcached"
	not tf.is_unknown(r, ["engine"])
	not member_cluster(r)
	to_number(tf.val(r.values, "snapshot_retention_limit", 0)) == 0
}

# A cluster that joins a replication group takes the group's settings.
member_cluster(r) if {
	r.type == "aws_elasticache_cluster"
	tf.val(r.values, "replication_group_id", "") != ""
}

member_cluster(r) if {
	r.type == "aws_elasticache_cluster"
	tf.is_unknown(r, ["replication_group_id"])
}
