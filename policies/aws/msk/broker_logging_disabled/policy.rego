# METADATA
# title: MSK cluster does not deliver broker logs
# description: >-
#   Broker logs record client connections, authentication failures and broker
#   errors. Without logging_info.broker_logs sending to CloudWatch Logs,
#   Firehose or S3, none of that is kept for troubleshooting or investigations.
#   aws_msk_cluster is checked; aws_msk_serverless_cluster has no broker logs to
#   configure.
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html
# custom:
#   id: TFW-AWS-0102
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_msk_cluster]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_80
#     trivy: AWS-0074
#     kics: 2f56b7ab-7fba-4e93-82f0-247e5ddeb239
#   remediation: |
#     Deliver broker logs:
#     ```hcl
#     resource "aws_msk_cluster" "events" {
#       cluster_name           = "events"
#       kafka_version          = "3.6.0"
#       number_of_broker_nodes = 3
#
#       broker_node_group_info {
#         instance_type   = "kafka.m5.large"
#         client_subnets  = ["subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"]
#         security_groups = ["sg-0a1b2c3d"]
#       }
#
#       encryption_info {
#         encryption_at_rest_kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#
#         encryption_in_transit {
#           client_broker = "TLS"
#           in_cluster    = true
#         }
#       }
#
#       logging_info {
#         broker_logs {
#           cloudwatch_logs {
#             enabled   = true
#             log_group = "/msk/events"
#           }
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.msk.broker_logging_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["logging_info"], sprintf("%s does not deliver broker logs anywhere", [r.address])) if {
	some r in tf.resources("aws_msk_cluster")
	not logs(r)
	not tf.is_unknown(r, ["logging_info"])
	not undecided(r)
}

logs(r) if {
	some l in tf.list(r.values, "logging_info")
	some b in tf.list(l, "broker_logs")
	some dest in ["cloudwatch_logs", "firehose", "s3"]
	some d in tf.list(b, dest)
	tf.is_true(d.enabled)
}

undecided(r) if {
	some u in r.unknown
	startswith(u, "logging_info.")
}
