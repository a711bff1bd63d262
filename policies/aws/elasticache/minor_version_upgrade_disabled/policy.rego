# METADATA
# title: ElastiCache does not take minor engine upgrades automatically
# description: >-
#   With auto_minor_version_upgrade = false, Redis OSS/Valkey minor versions
#   (which carry security fixes) are only applied by hand.
#   aws_elasticache_cluster (Memcached excluded: the setting does not apply) and
#   aws_elasticache_replication_group are reported when it is false; the default
#   is true.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster#auto_minor_version_upgrade
# custom:
#   id: TFW-AWS-0359
#   severity: LOW
#   category: security
#   resource_types: [aws_elasticache_cluster, aws_elasticache_replication_group]
#   frameworks:
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_322
#   remediation: |
#     Let minor upgrades apply in the maintenance window:
#     ```hcl
#     resource "aws_elasticache_replication_group" "cache" {
#       # ...
#       auto_minor_version_upgrade = true
#     }
#     ```
#   aliases: []
package tfward.aws.elasticache.minor_version_upgrade_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["auto_minor_version_upgrade"], sprintf("%s does not take minor engine upgrades automatically", [r.address])) if {
	some t in ["aws_elasticache_cluster", "aws_elasticache_replication_group"]
	some r in tf.resources(t)
	tf.is_false(tf.val(r.values, "auto_minor_version_upgrade", true))
	tf.val(r.values, "engine", "redis") != "memcached"
}
