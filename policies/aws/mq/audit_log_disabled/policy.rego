# METADATA
# title: ActiveMQ broker does not publish its audit log
# description: >-
#   The audit log of an ActiveMQ broker records management actions through JMX
#   and the web console (creating and deleting destinations, purging queues). An
#   aws_mq_broker with engine_type ActiveMQ is reported when logs.audit is false
#   or left out, or when there is no logs block (audit logging is off by
#   default). RabbitMQ brokers have no audit log and are not checked.
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/mq_broker#logs
# custom:
#   id: TFW-AWS-0373
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_mq_broker]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV_AWS_197
#     trivy: AWS-0070
#   remediation: |
#     Publish the logs to CloudWatch Logs:
#     ```hcl
#     logs {
#       general = true
#       audit   = true
#     }
#     ```
#   aliases: []
package tfward.aws.mq.audit_log_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["logs", i, "audit"], sprintf("%s does not publish its audit log", [r.address])) if {
	some r in tf.resources("aws_mq_broker")
	lower(tf.val(r.values, "engine_type", "")) == "activemq"
	some i, l in tf.list(r.values, "logs")
	not tf.is_true(tf.val(l, "audit", false))
}

deny contains tf.finding(r, ["logs"], sprintf("%s does not publish its audit log (no logs block)", [r.address])) if {
	some r in tf.resources("aws_mq_broker")
	lower(tf.val(r.values, "engine_type", "")) == "activemq"
	count(tf.list(r.values, "logs")) == 0
	not tf.is_unknown(r, ["logs"])
}
