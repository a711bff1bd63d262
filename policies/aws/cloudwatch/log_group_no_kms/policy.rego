# METADATA
# title: CloudWatch log group is not encrypted with a KMS key
# description: >-
#   Log events are encrypted by CloudWatch Logs with a service key by default;
#   anyone with logs:GetLogEvents can read them. With kms_key_id, reading also
#   needs kms:Decrypt on your key, which separates who may see sensitive logs
#   (requests, tokens, personal data) from who may manage log groups. Fires
#   when kms_key_id is absent or empty; silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#kms_key_id
# custom:
#   id: TFW-AWS-0052
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudwatch_log_group]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_158
#     trivy: AWS-0017
#     kics: 0afbcfe9-d341-4b92-a64c-7e6de0543879
#   remediation: |
#     Encrypt the group with your key:
#     ```hcl
#     resource "aws_cloudwatch_log_group" "app" {
#       name              = "/app/api"
#       retention_in_days = 365
#       kms_key_id        = aws_kms_key.logs.arn
#     }
#     ```
#   aliases: []
package tfward.aws.cloudwatch.log_group_no_kms

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is not encrypted with a KMS key", [r.address])) if {
	some r in tf.resources("aws_cloudwatch_log_group")
	tf.val(r.values, "kms_key_id", "") == ""
	not tf.is_unknown(r, ["kms_key_id"])
}
