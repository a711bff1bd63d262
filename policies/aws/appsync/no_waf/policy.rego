# METADATA
# title: AppSync API is not protected by AWS WAF
# description: >-
#   A GraphQL API takes arbitrary queries from the internet - deep,
#   expensive or malicious ones included. Fires on an
#   aws_appsync_graphql_api that no aws_wafv2_web_acl_association names in
#   resource_arn. Silent when an association's resource_arn is not known and
#   may be this API's.
# related_resources:
#   - https://docs.aws.amazon.com/appsync/latest/devguide/WAF-Integration.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association
# custom:
#   id: TFW-AWS-0573
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_appsync_graphql_api, aws_wafv2_web_acl_association]
#   frameworks:
#     soc2: [CC6.6]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-693]
#   equivalents:
#     checkov: CKV2_AWS_33
#   remediation: |
#     Put a web ACL in front of the API:
#     ```hcl
#     resource "aws_wafv2_web_acl_association" "orders" {
#       resource_arn = aws_appsync_graphql_api.orders.arn
#       web_acl_arn  = aws_wafv2_web_acl.api.arn
#     }
#     ```
#   aliases: []
package tfward.aws.appsync.no_waf

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s has no AWS WAF web ACL", [r.address])) if {
	some r in tf.resources("aws_appsync_graphql_api")
	not aws.arn_target_of(r, "aws_wafv2_web_acl_association", "resource_arn")
}
