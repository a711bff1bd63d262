# METADATA
# title: OpenSearch domain accepts TLS 1.0 and 1.1
# description: >-
#   The TLS security policy Policy-Min-TLS-1-0-2019-07 lets clients negotiate
#   TLS 1.0 and 1.1, which have known weaknesses and are no longer allowed by
#   PCI DSS. aws_opensearch_domain and aws_elasticsearch_domain whose
#   domain_endpoint_options.tls_security_policy is that policy are reported.
#   Leaving the policy out is not reported: AWS picks the policy of new domains
#   and has moved it over time; declare Policy-Min-TLS-1-2-PFS-2023-10 to be
#   sure.
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#tls_security_policy
# custom:
#   id: TFW-AWS-0362
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     nist-800-53-r5: [SC-8, SC-13]
#     cwe: [CWE-326]
#   equivalents:
#     checkov: CKV_AWS_228
#     trivy: AWS-0126
#   remediation: |
#     Require TLS 1.2 or later:
#     ```hcl
#     domain_endpoint_options {
#       enforce_https       = true
#       tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
#     }
#     ```
#   aliases: []
package tfward.aws.opensearch.tls_policy_outdated

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["domain_endpoint_options", i, "tls_security_policy"], sprintf("%s accepts TLS versions below 1.2 (%s)", [r.address, o.tls_security_policy])) if {
	some r in tf.of_types(["aws_opensearch_domain", "aws_elasticsearch_domain"])
	some i, o in tf.list(r.values, "domain_endpoint_options")
	o.tls_security_policy == "Policy-Min-TLS-1-0-2019-07"
}
