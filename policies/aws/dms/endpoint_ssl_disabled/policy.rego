# METADATA
# title: DMS endpoint connects to its database without SSL
# description: >-
#   ssl_mode defaults to none on aws_dms_endpoint: the replication instance then
#   reads (source) or writes (target) every row of the migration, and sends the
#   endpoint's credentials, in clear text. An endpoint is reported when ssl_mode
#   is none or left out, unless its engine does not use ssl_mode (S3, DynamoDB,
#   Kinesis, Kafka, Neptune, Redshift targets, OpenSearch/Elasticsearch, Azure
#   DB as a source), where the service chooses the transport.
# related_resources:
#   - https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_endpoint#ssl_mode
# custom:
#   id: TFW-AWS-0395
#   severity: HIGH
#   category: security
#   resource_types: [aws_dms_endpoint]
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   equivalents:
#     checkov: CKV2_AWS_49
#   remediation: |
#     Require SSL with certificate verification:
#     ```hcl
#     resource "aws_dms_endpoint" "source" {
#       # ...
#       ssl_mode        = "verify-full"
#       certificate_arn = aws_dms_certificate.rds.certificate_arn
#     }
#     ```
#   aliases: []
package tfward.aws.dms.endpoint_ssl_disabled

import rego.v1
import data.lib.aws
import data.lib.tf

exempt := {
	"source": {"s3", "azuredb"},
	"target": {"dynamodb", "kinesis", "neptune", "redshift", "s3", "elasticsearch", "opensearch", "kafka"},
}

deny contains tf.finding(r, ["ssl_mode"], sprintf("%s connects to its %s database without SSL (ssl_mode is none)", [r.address, r.values.engine_name])) if {
	some r in tf.value_in(["aws_dms_endpoint"], ["ssl_mode"], {"none"}, "none")
	is_string(r.values.engine_name)
	is_string(r.values.endpoint_type)
	not r.values.engine_name in object.get(exempt, r.values.endpoint_type, set())
}
