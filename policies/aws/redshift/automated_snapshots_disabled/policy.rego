# METADATA
# title: Redshift cluster has automated snapshots turned off
# description: >-
#   automated_snapshot_retention_period = 0 turns off Redshift's automated
#   snapshots, the only way back from a dropped table or a bad load short of
#   manual snapshots. An aws_redshift_cluster with the period set to 0 is
#   reported; the default is 1 day, so an absent setting is not.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html#about-automated-snapshots
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#automated_snapshot_retention_period
# custom:
#   id: TFW-AWS-0354
#   severity: MEDIUM
#   category: reliability
#   resource_types: [aws_redshift_cluster]
#   frameworks:
#     soc2: [A1.2]
#     nist-800-53-r5: [CP-9]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV_AWS_343
#   remediation: |
#     Keep automated snapshots:
#     ```hcl
#     resource "aws_redshift_cluster" "dw" {
#       # ...
#       automated_snapshot_retention_period = 7
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.automated_snapshots_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["automated_snapshot_retention_period"], sprintf("%s keeps no automated snapshots", [r.address])) if {
	some r in tf.value_in(["aws_redshift_cluster"], ["automated_snapshot_retention_period"], {0, "0"}, 1)
}
