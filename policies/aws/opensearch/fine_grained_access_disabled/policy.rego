# METADATA
# title: OpenSearch domain does not use fine-grained access control
# description: >-
#   Without fine-grained access control, anyone the domain's resource policy
#   lets in can read and write every index; with it, roles map users and IAM
#   principals to index-, document- and field-level permissions, and audit
#   logging becomes available. aws_opensearch_domain and
#   aws_elasticsearch_domain are reported when advanced_security_options.enabled
#   is false or the block is left out (the default).
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#advanced_security_options
# custom:
#   id: TFW-AWS-0366
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["7.2.1"]
#     nist-800-53-r5: [AC-3, AC-6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV2_AWS_52
#   remediation: |
#     Turn fine-grained access control on, with an IAM master user:
#     ```hcl
#     advanced_security_options {
#       enabled                        = true
#       internal_user_database_enabled = false
#       master_user_options {
#         master_user_arn = aws_iam_role.search_admin.arn
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.fine_grained_access_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["advanced_security_options", i, "enabled"], sprintf("%s does not use fine-grained access control", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	some i, o in tf.list(r.values, "advanced_security_options")
	tf.is_false(o.enabled)
}

deny contains tf.finding(r, ["advanced_security_options"], sprintf("%s does not use fine-grained access control (no advanced_security_options)", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	count(tf.list(r.values, "advanced_security_options")) == 0
	not tf.is_unknown(r, ["advanced_security_options"])
}
