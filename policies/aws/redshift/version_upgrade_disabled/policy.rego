# METADATA
# title: Redshift cluster does not take engine upgrades
# description: >-
#   With allow_version_upgrade = false the cluster stays on its engine version
#   while AWS ships security and stability fixes in new ones. An
#   aws_redshift_cluster with allow_version_upgrade false is reported; the
#   default is true.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-maintenance-tracks
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#allow_version_upgrade
# custom:
#   id: TFW-AWS-0355
#   severity: LOW
#   category: security
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     nist-800-53-r5: [SI-2]
#     cwe: [CWE-1104]
#   equivalents:
#     checkov: CKV_AWS_141
#   remediation: |
#     Let the cluster take engine upgrades in its maintenance window:
#     ```hcl
#     resource "aws_redshift_cluster" "dw" {
#       # ...
#       allow_version_upgrade = true
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.version_upgrade_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["allow_version_upgrade"], sprintf("%s does not take engine version upgrades", [r.address])) if {
	some r in tf.resources("aws_redshift_cluster")
	tf.is_false(tf.val(r.values, "allow_version_upgrade", true))
}
