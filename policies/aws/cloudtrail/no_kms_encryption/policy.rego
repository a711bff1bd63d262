# METADATA
# title: CloudTrail logs are not encrypted with a KMS key
# description: >-
#   Trail logs describe every API call in the account. Without kms_key_id they
#   are encrypted with S3-managed keys, readable by anyone with s3:GetObject on
#   the bucket. SSE-KMS adds a key policy that decides who may read them, and
#   records each decryption. Fires when kms_key_id is absent or empty; silent
#   when it is not known. CloudTrail Lake event data stores are checked by
#   TFW-AWS-0529.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail
# custom:
#   id: TFW-AWS-0049
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_cloudtrail]
#   frameworks:
#     cis-aws-1.5: ["3.7"]
#     cis-aws-2.0: ["3.5"]
#     cis-aws-3.0: ["3.5"]
#     cis-aws-4.0: ["3.5"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: [SC-28, AU-9]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_35
#     trivy: AWS-0015
#     kics: 5d9e3164-9265-470c-9a10-57ae454ac0c7
#   remediation: |
#     Configure the trail:
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name                          = "main"
#       s3_bucket_name                = "acme-cloudtrail"
#       is_multi_region_trail         = true
#       include_global_service_events = true
#       enable_log_file_validation    = true
#       kms_key_id                    = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#       cloud_watch_logs_group_arn    = "arn:aws:logs:eu-west-1:111122223333:log-group:cloudtrail:*"
#       cloud_watch_logs_role_arn     = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.no_kms_encryption

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s does not encrypt its logs with a KMS key", [r.address])) if {
	some r in tf.resources("aws_cloudtrail")
	tf.val(r.values, "kms_key_id", "") == ""
	not tf.is_unknown(r, ["kms_key_id"])
}
