# METADATA
# title: AppSync API cache is not encrypted
# description: >-
#   The API cache holds resolver results - whatever data the API serves.
#   Fires on an aws_appsync_api_cache whose at_rest_encryption_enabled or
#   transit_encryption_enabled is false or absent (the provider's default
#   for both is false), once per setting. Silent when the value is true or
#   not known. Both can only be set when the cache is created.
# related_resources:
#   - https://docs.aws.amazon.com/appsync/latest/devguide/enabling-caching.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/appsync_api_cache
# custom:
#   id: TFW-AWS-0572
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_appsync_api_cache]
#   frameworks:
#     soc2: [CC6.1, CC6.7]
#     nist-800-53-r5: [SC-8, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: [CKV_AWS_214, CKV_AWS_215]
#   remediation: |
#     Encrypt the cache at rest and in transit:
#     ```hcl
#     resource "aws_appsync_api_cache" "orders" {
#       api_id                     = aws_appsync_graphql_api.orders.id
#       api_caching_behavior       = "FULL_REQUEST_CACHING"
#       type                       = "SMALL"
#       ttl                        = 300
#       at_rest_encryption_enabled = true
#       transit_encryption_enabled = true
#     }
#     ```
#   aliases: []
package tfward.aws.appsync.cache_unencrypted

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s does not encrypt cached data %s", [r.address, what])) if {
	some r in tf.resources("aws_appsync_api_cache")
	some [attr, what] in [["at_rest_encryption_enabled", "at rest"], ["transit_encryption_enabled", "in transit"]]
	not tf.is_true(tf.val(r.values, attr, false))
}
