# METADATA
# title: Load balancer has no deletion protection
# description: >-
#   Deleting a load balancer takes every service behind it offline and releases
#   its DNS name. enable_deletion_protection (default false) makes a delete -
#   from a mistaken terraform destroy or a forced replacement - fail until
#   protection is switched off on purpose.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection
# custom:
#   id: TFW-AWS-0057
#   severity: LOW
#   category: reliability
#   resource_types: [aws_lb, aws_alb]
#   frameworks:
#     soc2: [A1.2]
#   equivalents:
#     checkov: CKV_AWS_150
#     kics: afecd1f1-6378-4f7e-bb3b-60c35801fdd4
#   remediation: |
#     Protect the load balancer:
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
package tfward.aws.elb.deletion_protection_disabled

import rego.v1
import data.lib.tf

deny contains tf.finding(r, ["enable_deletion_protection"], sprintf("%s can be deleted without switching protection off", [r.address])) if {
	some t in {"aws_lb", "aws_alb"}
	some r in tf.resources(t)
	not tf.is_true(object.get(r.values, "enable_deletion_protection", false))
}
