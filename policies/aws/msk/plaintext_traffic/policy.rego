# METADATA
# title: MSK cluster allows unencrypted traffic
# description: >-
#   encryption_in_transit.client_broker = "PLAINTEXT" or "TLS_PLAINTEXT" lets
#   producers and consumers exchange records with brokers in clear text, and
#   in_cluster = false sends replication traffic between brokers unencrypted.
#   Both default to encrypted; this rule reports settings that weaken them.
#   aws_msk_serverless_cluster always uses TLS and is not checked.
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: TFW-AWS-0101
#   severity: HIGH
#   category: security
#   resource_types: [aws_msk_cluster]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV_AWS_81
#     trivy: AWS-0073
#     kics: 6db52fa6-d4da-4608-908a-89f0c59e743e
#   remediation: |
#     Require TLS everywhere:
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
package tfward.aws.msk.plaintext_traffic

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["encryption_info", 0, "encryption_in_transit", 0, "client_broker"], msg) if {
	some r in tf.resources("aws_msk_cluster")
	some e in tf.list(r.values, "encryption_info")
	some t in tf.list(e, "encryption_in_transit")
	t.client_broker in {"PLAINTEXT", "TLS_PLAINTEXT"}
	msg := sprintf("%s lets clients talk to brokers in plain text (%s)", [r.address, t.client_broker])
}

deny contains tf.finding(r, ["encryption_info", 0, "encryption_in_transit", 0, "in_cluster"], msg) if {
	some r in tf.resources("aws_msk_cluster")
	some e in tf.list(r.values, "encryption_info")
	some t in tf.list(e, "encryption_in_transit")
	tf.is_false(t.in_cluster)
	msg := sprintf("%s replicates between brokers without encryption", [r.address])
}
