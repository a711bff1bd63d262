# METADATA
# title: CloudTrail Lake event data store is not encrypted with a customer managed key
# description: >-
#   An event data store keeps years of CloudTrail events for SQL queries.
#   Without kms_key_id it is encrypted with a key AWS owns, so no key policy
#   decides who may read the events and decryptions are not logged. Fires when
#   kms_key_id is absent or empty; silent when it is set or not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-event-data-store-cloudtrail.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail_event_data_store#kms_key_id
# custom:
#   id: TFW-AWS-0529
#   severity: LOW
#   category: security
#   resource_types: [aws_cloudtrail_event_data_store]
#   frameworks:
#     soc2: [CC6.1]
#     nist-800-53-r5: [SC-28, AU-9]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_294
#   remediation: |
#     Encrypt the store with your key:
#     ```hcl
#     resource "aws_cloudtrail_event_data_store" "audit" {
#       name       = "audit"
#       kms_key_id = aws_kms_key.cloudtrail.arn
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.event_data_store_no_cmk

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["kms_key_id"], sprintf("%s is encrypted with an AWS owned key", [r.address])) if {
	some r in tf.unset(["aws_cloudtrail_event_data_store"], ["kms_key_id"])
}
