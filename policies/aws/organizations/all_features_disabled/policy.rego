# METADATA
# title: AWS Organization does not enable all features
# description: >-
#   An organization created with feature_set = "CONSOLIDATED_BILLING" only
#   shares a bill: it cannot use service control policies, resource control
#   policies, tag policies or delegated administration, so no guardrail can
#   stop a member account's administrators from disabling CloudTrail or leaving
#   the organization. Reported when feature_set is CONSOLIDATED_BILLING; the
#   provider default is ALL, so an absent value is not reported, nor an unknown
#   one.
# related_resources:
#   - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_org_support-all-features.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/organizations_organization#feature_set
# custom:
#   id: TFW-AWS-0432
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_organizations_organization]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-2, CM-7]
#   remediation: |
#     Enable all features (members must accept the change):
#     ```hcl
#     resource "aws_organizations_organization" "org" {
#       feature_set                   = "ALL"
#       enabled_policy_types          = ["SERVICE_CONTROL_POLICY"]
#       aws_service_access_principals = ["cloudtrail.amazonaws.com"]
#     }
#     ```
#   aliases: []
package tfward.aws.organizations.all_features_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["feature_set"], sprintf("%s only consolidates billing: service control policies cannot be used", [r.address])) if {
	some r in tf.value_in(["aws_organizations_organization"], ["feature_set"], {"CONSOLIDATED_BILLING"}, "ALL")
}
