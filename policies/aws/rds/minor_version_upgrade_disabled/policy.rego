# METADATA
# title: RDS automatic minor version upgrades are turned off
# description: >-
#   Minor engine versions carry security fixes. With auto_minor_version_upgrade
#   = false they are applied only when someone remembers to, and databases drift
#   onto versions with known vulnerabilities. The provider default is true;
#   setting it to false is reported on aws_db_instance, aws_rds_cluster_instance
#   and aws_rds_cluster (Multi-AZ DB clusters). An absent setting is not
#   reported.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades
# custom:
#   id: TFW-AWS-0041
#   severity: LOW
#   category: security
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, aws_rds_cluster]
#   frameworks:
#     soc2: [CC7.1]
#     pci-dss-4.0: ["6.3.3"]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_226
#   remediation: |
#     Let RDS apply minor versions in the maintenance window:
#     ```hcl
#     resource "aws_db_instance" "app" {
#       # ...
#       auto_minor_version_upgrade = true
#       maintenance_window         = "sun:02:00-sun:03:00"
#     }
#     ```
#   aliases: []
package tfward.aws.rds.minor_version_upgrade_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["auto_minor_version_upgrade"], sprintf("%s turns automatic minor version upgrades off", [r.address])) if {
	some t in {"aws_db_instance", "aws_rds_cluster_instance", "aws_rds_cluster"}
	some r in tf.resources(t)
	tf.is_false(r.values.auto_minor_version_upgrade)
}
