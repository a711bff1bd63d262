# METADATA
# title: Redshift parameter group does not require SSL
# description: >-
#   Redshift accepts unencrypted client connections unless the cluster's
#   parameter group sets require_ssl to true (the default parameter group leaves
#   it false). An aws_redshift_parameter_group whose require_ssl is false or
#   left out is reported.
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_parameter_group
# custom:
#   id: TFW-AWS-0353
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_redshift_parameter_group]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_105
#   remediation: |
#     Require SSL:
#     ```hcl
#     resource "aws_redshift_parameter_group" "dw" {
#       name   = "dw"
#       family = "redshift-1.0"
#
#       parameter {
#         name  = "require_ssl"
#         value = "true"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.redshift.require_ssl_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["parameter", i, "value"], sprintf("%s lets clients connect without SSL (require_ssl = %v)", [r.address, p.value])) if {
	some r in tf.resources("aws_redshift_parameter_group")
	some i, p in tf.list(r.values, "parameter")
	tf.val(p, "name", "") == "require_ssl"
	tf.is_false(tf.val(p, "value", "false"))
}

deny contains tf.finding(r, [], sprintf("%s does not set require_ssl (it defaults to false)", [r.address])) if {
	some r in tf.resources("aws_redshift_parameter_group")
	not tf.is_unknown(r, ["parameter"])
	count([p | some p in tf.list(r.values, "parameter"); tf.val(p, "name", "") == "require_ssl"]) == 0
	count([u | some u in r.unknown; startswith(u, "parameter.")]) == 0
}
