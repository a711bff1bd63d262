# METADATA
# title: ElastiCache replication group does not encrypt traffic in transit
# description: >-
#   Without transit_encryption_enabled, clients talk to Redis/Valkey in clear
#   text inside the VPC, and replication between nodes is unencrypted too.
#   Anyone able to capture traffic (a compromised host, a mirror session) reads
#   sessions and cached data. In-transit encryption is also a prerequisite for
#   AUTH tokens and RBAC. aws_elasticache_replication_group and standalone
#   aws_elasticache_cluster nodes (Memcached, or Redis OSS outside a replication
#   group) are reported when transit_encryption_enabled is false or left out
#   (the default); clusters that join a replication group and secondary members
#   of a global datastore inherit the setting and are skipped.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html
# custom:
#   id: TFW-AWS-0083
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_elasticache_replication_group, aws_elasticache_cluster]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_30
#     trivy: AWS-0051
#   remediation: |
#     Encrypt in transit:
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
package tfward.aws.elasticache.transit_encryption_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["transit_encryption_enabled"], sprintf("%s does not encrypt traffic in transit", [r.address])) if {
	some r in tf.resources("aws_elasticache_replication_group")
	not global_member(r)
	not tf.is_true(object.get(r.values, "transit_encryption_enabled", false))
}

# Secondary members of a global datastore take encryption from the primary.
global_member(r) if tf.val(r.values, "global_replication_group_id", "") != ""

global_member(r) if tf.is_unknown(r, ["global_replication_group_id"])

deny contains tf.finding(r, ["transit_encryption_enabled"], sprintf("%s does not encrypt traffic in transit", [r.address])) if {
	some r in tf.resources("aws_elasticache_cluster")
	not member_cluster(r)
	not tf.is_true(object.get(r.values, "transit_encryption_enabled", false))
}

# A cluster that joins a replication group takes the group's settings.
member_cluster(r) if tf.val(r.values, "replication_group_id", "") != ""

member_cluster(r) if tf.is_unknown(r, ["replication_group_id"])
