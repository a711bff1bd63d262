# METADATA
# title: ElastiCache replication group is not encrypted at rest
# description: >-
#   Cache nodes hold sessions, tokens and copies of database rows, and they
#   write that data to disk for snapshots, backups and swap.
#   at_rest_encryption_enabled (default false for Redis OSS replication groups
#   created through the API) encrypts it. It cannot be turned on for an existing
#   group without replacing it.
#   Secondary members of a global datastore inherit the setting and are skipped.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html
# custom:
#   id: TFW-AWS-0082
#   severity: HIGH
#   category: security
#   resource_types: [aws_elasticache_replication_group]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_29
#     trivy: AWS-0045
#   remediation: |
#     Encrypt at rest:
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
package tfward.aws.elasticache.at_rest_encryption_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["at_rest_encryption_enabled"], sprintf("%s does not encrypt data at rest", [r.address])) if {
	some r in tf.resources("aws_elasticache_replication_group")
	not global_member(r)
	not tf.is_true(object.get(r.values, "at_rest_encryption_enabled", false))
}

# Secondary members of a global datastore take encryption from the primary.
global_member(r) if tf.val(r.values, "global_replication_group_id", "") != ""

global_member(r) if tf.is_unknown(r, ["global_replication_group_id"])
