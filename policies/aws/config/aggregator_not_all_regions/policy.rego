# METADATA
# title: AWS Config aggregator does not collect from all regions
# description: >-
#   An aggregator limited to a list of regions misses configuration and
#   compliance data from the others - typically the regions nobody watches,
#   where an intruder prefers to work. Fires on an
#   aws_config_configuration_aggregator whose account_aggregation_source or
#   organization_aggregation_source has all_regions false or absent (the
#   provider's default is false; a regions list is then used). Silent when
#   it is true or not known.
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_aggregator#all_regions
# custom:
#   id: TFW-AWS-0540
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_config_configuration_aggregator]
#   frameworks:
#     soc2: [CC7.1]
#     nist-800-53-r5: [CM-8]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_121
#     trivy: AWS-0019
#   remediation: |
#     Aggregate every region:
#     ```hcl
#     resource "aws_config_configuration_aggregator" "org" {
#       name = "org"
#
#       organization_aggregation_source {
#         all_regions = true
#         role_arn    = aws_iam_role.config_aggregator.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.config.aggregator_not_all_regions

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [src, i, "all_regions"], sprintf("%s aggregates only some regions", [r.address])) if {
	some r in tf.resources("aws_config_configuration_aggregator")
	some src in ["account_aggregation_source", "organization_aggregation_source"]
	some i, s in tf.list(r.values, src)
	not tf.is_true(tf.val(s, "all_regions", false))
}
