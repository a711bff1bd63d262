# METADATA
# title: Lambda layer version is shared with every AWS account
# description: >-
#   An aws_lambda_layer_version_permission with principal "*" and no
#   organization_id lets any AWS account download the layer's code - libraries,
#   configuration files and anything bundled by mistake, credentials included.
#   Share layers with named accounts or your organization (organization_id, an
#   aws:PrincipalOrgID condition). An unknown principal or organization_id is
#   not reported.
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_layer_version_permission
# custom:
#   id: TFW-AWS-0431
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_lambda_layer_version_permission]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   remediation: |
#     Share with your organization only:
#     ```hcl
#     resource "aws_lambda_layer_version_permission" "shared" {
#       layer_name      = aws_lambda_layer_version.shared.layer_arn
#       version_number  = aws_lambda_layer_version.shared.version
#       statement_id    = "org"
#       action          = "lambda:GetLayerVersion"
#       principal       = "*"
#       organization_id = "o-abc123"
#     }
#     ```
#   aliases: []
package tfward.aws.lambda.layer_public

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["principal"], sprintf("%s shares the layer with every AWS account", [r.address])) if {
	some r in tf.resources("aws_lambda_layer_version_permission")
	r.values.principal == "*"
	tf.val(r.values, "organization_id", "") == ""
	not tf.is_unknown(r, ["organization_id"])
}
