# METADATA
# title: Load balancer access logging is disabled
# description: >-
#   Access logs record each request the load balancer receives: client address,
#   path, status, TLS details and latency. They are needed to investigate
#   attacks against the application and to prove what was served. access_logs is
#   off unless the block is present with enabled = true. Checked on
#   aws_lb/aws_alb (application and network) and classic aws_elb.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html
# custom:
#   id: TFW-AWS-0056
#   severity: LOW
#   category: security
#   resource_types: [aws_lb, aws_alb, aws_elb]
#   frameworks:
#     soc2: [CC7.2]
#     pci-dss-4.0: ["10.2.1"]
#     hipaa: ["164.312(b)"]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: [CKV_AWS_91, CKV_AWS_92]
#   remediation: |
#     Write access logs to S3:
#     ```hcl
#     resource "aws_lb" "web" {
#       name                       = "web"
#       load_balancer_type         = "application"
#       subnets                    = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
#       drop_invalid_header_fields = true
#       enable_deletion_protection = true
#
#       access_logs {
#         bucket  = "acme-lb-logs"
#         prefix  = "web"
#         enabled = true
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.elb.access_logs_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["access_logs"], sprintf("%s does not write access logs", [r.address])) if {
	some t in {"aws_lb", "aws_alb", "aws_elb"}
	some r in tf.resources(t)
	tf.val(r.values, "load_balancer_type", "application") != "gateway"
	count(tf.list(r.values, "access_logs")) == 0
	not tf.is_unknown(r, ["access_logs"])
}

deny contains tf.finding(r, ["access_logs", 0, "enabled"], sprintf("%s has access logging switched off", [r.address])) if {
	some t in {"aws_lb", "aws_alb", "aws_elb"}
	some r in tf.resources(t)
	some l in tf.list(r.values, "access_logs")
	tf.is_false(l.enabled)
}

# aws_lb's access_logs.enabled defaults to false (aws_elb's to true).
deny contains tf.finding(r, ["access_logs", 0, "enabled"], sprintf("%s has an access_logs block without enabled = true", [r.address])) if {
	some t in {"aws_lb", "aws_alb"}
	some r in tf.resources(t)
	some l in tf.list(r.values, "access_logs")
	not l.enabled
	not tf.is_unknown(r, ["access_logs", 0, "enabled"])
}
