# METADATA
# title: ECR repository policy allows any principal
# description: >-
#   A repository policy statement that allows any principal ("*", {"AWS": "*"},
#   a list holding "*", or "arn:aws:iam::*:root") lets every AWS account pull -
#   or, with push actions, overwrite - images. A Condition silences the
#   statement only when it restricts who can call (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:SourceIp, aws:SourceVpce, ...); other conditions
#   do not. Checked on aws_ecr_repository_policy and aws_ecr_registry_policy,
#   with the policy as JSON or through an aws_iam_policy_document.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
# custom:
#   id: TFW-AWS-0073
#   severity: HIGH
#   category: security
#   resource_types: [aws_ecr_repository_policy, aws_ecr_registry_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_32
#     trivy: AWS-0032
#     kics: e86e26fc-489e-44f0-9bcd-97305e4ba69a
#   remediation: |
#     Share with named accounts only:
#     ```hcl
#     data "aws_iam_policy_document" "pull" {
#       statement {
#         actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
#
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::444455556666:root"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ecr.policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in ["aws_ecr_repository_policy", "aws_ecr_registry_policy"]
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal call %v", [r.address, x.stmt.Action])
}
