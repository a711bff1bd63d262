# METADATA
# title: SES identity policy allows any principal to send
# description: >-
#   A sending authorization policy on an SES identity (a domain or address)
#   that allows ses:SendEmail, ses:SendRawEmail or other actions to a public
#   principal ("*", {"AWS": "*"}, a list holding "*",
#   "arn:aws:iam::*:root") lets any AWS account send mail as that identity:
#   phishing from your own domain, with your reputation paying for it. Only
#   a condition restricting the caller (aws:PrincipalOrgID,
#   aws:PrincipalAccount, aws:SourceArn, aws:SourceAccount and their kin,
#   with a positive operator) silences it; other conditions such as
#   ses:FromAddress do not. Policies of aws_ses_identity_policy and
#   aws_sesv2_email_identity_policy are read as JSON or through an
#   aws_iam_policy_document; the rule stays silent when the principal or the
#   condition is unknown.
# related_resources:
#   - https://docs.aws.amazon.com/ses/latest/dg/sending-authorization-policies.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ses_identity_policy
# custom:
#   id: TFW-AWS-0405
#   severity: HIGH
#   category: security
#   resource_types: [aws_ses_identity_policy, aws_sesv2_email_identity_policy, aws_iam_policy_document]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [AC-3]
#     cwe: [CWE-284]
#   remediation: |
#     Authorize the accounts or roles that send for you:
#     ```hcl
#     data "aws_iam_policy_document" "sender" {
#       statement {
#         actions   = ["ses:SendEmail", "ses:SendRawEmail"]
#         resources = [aws_ses_domain_identity.example.arn]
#
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::444455556666:role/mailer"]
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ses.identity_policy_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(x.res, x.path, msg) if {
	some t in {"aws_ses_identity_policy", "aws_sesv2_email_identity_policy"}
	some r in tf.resources(t)
	some x in aws.policy_statements(r, "policy")
	aws.public_allow(x.stmt)
	msg := sprintf("%s lets any principal call %v for the identity", [r.address, x.stmt.Action])
}
