# METADATA
# title: Route 53 public hosted zone does not log DNS queries
# description: >-
#   Query logs record which names were asked for, from which resolver
#   location - the trail of reconnaissance, of DNS tunnelling and of a
#   hijacked record being used. Fires on a public aws_route53_zone (no vpc
#   block) that no aws_route53_query_log names in zone_id. Silent for
#   private zones (their queries are logged by resolver query logging), and
#   when a query log's zone is not known and may be this one.
# related_resources:
#   - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/route53_query_log
# custom:
#   id: TFW-AWS-0551
#   severity: LOW
#   category: security
#   resource_types: [aws_route53_zone, aws_route53_query_log]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   equivalents:
#     checkov: CKV2_AWS_39
#   remediation: |
#     Log the zone's queries (the log group must be in us-east-1):
#     ```hcl
#     resource "aws_route53_query_log" "public" {
#       zone_id                  = aws_route53_zone.public.zone_id
#       cloudwatch_log_group_arn = aws_cloudwatch_log_group.dns.arn
#     }
#     ```
#   aliases: []
package tfward.aws.route53.zone_no_query_logging

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [], sprintf("%s does not log DNS queries", [r.address])) if {
	some r in tf.resources("aws_route53_zone")
	count(tf.list(r.values, "vpc")) == 0
	not tf.is_unknown(r, ["vpc"])
	not tf.has_linked(r, "aws_route53_query_log", "zone_id")
	not tf.maybe_linked(r, "aws_route53_query_log", "zone_id")
}
