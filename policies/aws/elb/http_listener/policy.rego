# METADATA
# title: Load balancer listener serves plain HTTP
# description: >-
#   A listener that accepts plain HTTP and forwards it (instead of redirecting
#   to HTTPS) carries sessions, cookies and credentials in clear text between
#   clients and AWS. Fires on aws_lb_listener and aws_alb_listener whose
#   protocol is HTTP - or absent on an Application Load Balancer, where the
#   provider defaults to HTTP - unless the default action redirects to HTTPS; a
#   listener whose load balancer cannot be told (an unknown ARN) is not reported
#   when its protocol is absent. Also fires on aws_elb listener blocks with
#   lb_protocol "http" (a classic load balancer cannot redirect). Listeners on
#   HTTP should only redirect to HTTPS.
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
# custom:
#   id: TFW-AWS-0053
#   severity: HIGH
#   category: security
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_lb, aws_alb, aws_elb]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: [CKV_AWS_2, CKV2_AWS_20, CKV_AWS_376]
#     trivy: AWS-0054
#     kics: de7f5e83-da88-4046-871f-ea18504b1d43
#   remediation: |
#     Redirect HTTP to HTTPS:
#     ```hcl
#     resource "aws_lb_listener" "http" {
#       load_balancer_arn = aws_lb.web.arn
#       port              = 80
#       protocol          = "HTTP"
#
#       default_action {
#         type = "redirect"
#
#         redirect {
#           port        = "443"
#           protocol    = "HTTPS"
#           status_code = "HTTP_301"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.elb.http_listener

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["protocol"], sprintf("%s accepts plain HTTP without redirecting to HTTPS", [r.address])) if {
	some t in data.lib.aws.listener_types
	some r in tf.resources(t)
	aws.listener_protocol(r) == "HTTP"
	not certificate_without_protocol(r)
	not redirects_to_https(r)
	not tf.is_unknown(r, ["default_action"])
}

redirects_to_https(r) if {
	some a in tf.list(r.values, "default_action")
	a.type == "redirect"
	some rd in tf.list(a, "redirect")
	tf.val(rd, "protocol", "#{protocol}") == "HTTPS"
}

deny contains tf.finding(r, ["listener", i, "lb_protocol"], msg) if {
	some r in tf.resources("aws_elb")
	some i, l in tf.list(r.values, "listener")
	lower(l.lb_protocol) == "http"
	msg := sprintf("%s accepts plain HTTP on port %v", [r.address, l.lb_port])
}

# A listener without protocol but with a certificate was meant to be HTTPS;
# what the API makes of it cannot be told from the configuration.
certificate_without_protocol(r) if {
	not tf.is_set(r, ["protocol"])
	tf.is_set(r, ["certificate_arn"])
}
