# METADATA
# title: Amazon Inspector does not scan EC2 instances and ECR images
# description: >-
#   Inspector finds known vulnerabilities in EC2 instances, ECR container
#   images and Lambda functions, for the resource types it is enabled for.
#   Fires on an aws_inspector2_enabler whose resource_types leave out EC2 or
#   ECR. Silent when both are listed or the list is not known. Lambda
#   scanning is left to the team.
# related_resources:
#   - https://docs.aws.amazon.com/inspector/latest/user/scanning-resources.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/inspector2_enabler
# custom:
#   id: TFW-AWS-0545
#   severity: LOW
#   category: security
#   resource_types: [aws_inspector2_enabler]
#   frameworks:
#     soc2: [CC7.1]
#     pci-dss-4.0: ["11.3.1"]
#     nist-800-53-r5: [RA-5]
#     cwe: [CWE-1104]
#   remediation: |
#     Scan instances and images:
#     ```hcl
#     resource "aws_inspector2_enabler" "main" {
#       account_ids    = [data.aws_caller_identity.current.account_id]
#       resource_types = ["EC2", "ECR", "LAMBDA"]
#     }
#     ```
#   aliases: []
package tfward.aws.inspector.scans_incomplete

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["resource_types"], sprintf("%s does not scan %s", [r.address, concat(" or ", missing)])) if {
	some r in tf.resources("aws_inspector2_enabler")
	not tf.is_unknown(r, ["resource_types"])
	types := {upper(t) | some t in tf.list(r.values, "resource_types")}
	missing := [t | some t in ["EC2", "ECR"]; not t in types]
	count(missing) > 0
}
