# METADATA
# title: MQ broker is publicly accessible
# description: >-
#   A publicly accessible Amazon MQ broker gets an internet-facing endpoint for
#   its web console and its messaging protocols (OpenWire, AMQP, STOMP, MQTT,
#   WSS), protected only by broker user names and passwords. An aws_mq_broker
#   with publicly_accessible true is reported; the provider default is false.
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html#prefer-brokers-without-public-accessibility
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#publicly_accessible
# custom:
#   id: TFW-AWS-0333
#   severity: HIGH
#   category: security
#   resource_types: [aws_mq_broker]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.4.4"]
#     nist-800-53-r5: [AC-3, SC-7]
#     cwe: [CWE-668]
#   equivalents:
#     checkov: CKV_AWS_69
#     trivy: AWS-0072
#     kics: 4eb5f791-c861-4afd-9f94-f2a6a3fe49cb
#   remediation: |
#     Keep the broker inside the VPC:
#     ```hcl
#     resource "aws_mq_broker" "events" {
#       # ...
#       publicly_accessible = false
#       subnet_ids          = [aws_subnet.private.id]
#       security_groups     = [aws_security_group.mq.id]
#     }
#     ```
#   aliases: []
package tfward.aws.mq.broker_public

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["publicly_accessible"], sprintf("%s is publicly accessible", [r.address])) if {
	some r in tf.set_true(["aws_mq_broker"], ["publicly_accessible"], false)
}
