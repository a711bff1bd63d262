# METADATA
# title: OpenSearch domain is not encrypted with a customer managed key
# description: >-
#   A domain encrypted at rest without encrypt_at_rest.kms_key_id uses the AWS
#   managed aws/es key, whose key policy cannot be changed.
#   aws_opensearch_domain and aws_elasticsearch_domain with encrypt_at_rest
#   enabled and no kms_key_id are reported; domains without encryption at rest
#   are TFW-AWS-0086's finding. In a plan the key of a new domain is computed,
#   so only a known empty key is reported there.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#kms_key_id
# custom:
#   id: TFW-AWS-0363
#   severity: LOW
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.6.1"]
#     nist-800-53-r5: [SC-12, SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_247
#   remediation: |
#     Use your own key:
#     ```hcl
#     encrypt_at_rest {
#       enabled    = true
#       kms_key_id = aws_kms_key.search.arn
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.no_customer_key

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encrypt_at_rest", i, "kms_key_id"], sprintf("%s is encrypted with the AWS managed key (no kms_key_id)", [r.address])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	some i, e in tf.list(r.values, "encrypt_at_rest")
	tf.is_true(tf.val(e, "enabled", false))
	tf.val(e, "kms_key_id", "") == ""
}
