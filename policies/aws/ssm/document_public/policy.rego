# METADATA
# title: SSM document is shared publicly
# description: >-
#   An SSM document shared with account_ids = "All" is visible to and runnable
#   by every AWS account: its commands, embedded scripts and any hostnames,
#   bucket names or secrets written into it are published, and others can run
#   it against their own instances under your name. Share documents with named
#   accounts. Reported when permissions has type Share and account_ids "All"
#   (alone or in a comma-separated list); an unknown permissions value is not
#   reported.
# related_resources:
#   - https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_document#permissions
# custom:
#   id: TFW-AWS-0418
#   severity: HIGH
#   category: security
#   resource_types: [aws_ssm_document]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3, AC-21]
#     cwe: [CWE-200]
#   equivalents:
#     checkov: CKV_AWS_303
#   remediation: |
#     Share with the accounts that need the document:
#     ```hcl
#     resource "aws_ssm_document" "restart" {
#       # ...
#       permissions = {
#         type        = "Share"
#         account_ids = "111122223333,444455556666"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.ssm.document_public

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["permissions", "account_ids"], sprintf("%s is shared with every AWS account", [r.address])) if {
	some r in tf.resources("aws_ssm_document")
	perms := tf.val(r.values, "permissions", {})
	is_object(perms)
	lower(tf.val(perms, "type", "Share")) == "share"
	ids := tf.val(perms, "account_ids", "")
	is_string(ids)
	some id in split(ids, ",")
	lower(trim_space(id)) == "all"
}
