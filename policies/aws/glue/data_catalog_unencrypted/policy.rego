# METADATA
# title: Glue Data Catalog is not encrypted
# description: >-
#   The Glue Data Catalog holds table schemas, locations and connection
#   definitions, including the passwords of JDBC connections.
#   aws_glue_data_catalog_encryption_settings is reported when
#   encryption_at_rest's catalog_encryption_mode is DISABLED, or when
#   connection_password_encryption's return_connection_password_encrypted is
#   false (connection passwords are then returned in clear text to anyone
#   allowed to read connections).
# related_resources:
#   - https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_data_catalog_encryption_settings
# custom:
#   id: TFW-AWS-0386
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_glue_data_catalog_encryption_settings]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["3.5.1"]
#     hipaa: ["164.312(a)(2)(iv)"]
#     nist-800-53-r5: [SC-28]
#     cwe: [CWE-311]
#   equivalents:
#     checkov: CKV_AWS_94
#   remediation: |
#     Encrypt the catalog and connection passwords:
#     ```hcl
#     resource "aws_glue_data_catalog_encryption_settings" "catalog" {
#       data_catalog_encryption_settings {
#         connection_password_encryption {
#           return_connection_password_encrypted = true
#           aws_kms_key_id                       = aws_kms_key.glue.arn
#         }
#         encryption_at_rest {
#           catalog_encryption_mode = "SSE-KMS"
#           sse_aws_kms_key_id      = aws_kms_key.glue.arn
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.glue.data_catalog_unencrypted

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["data_catalog_encryption_settings", i, "encryption_at_rest", j, "catalog_encryption_mode"], sprintf("%s leaves the Data Catalog unencrypted", [r.address])) if {
	some r in tf.resources("aws_glue_data_catalog_encryption_settings")
	some i, s in tf.list(r.values, "data_catalog_encryption_settings")
	some j, e in tf.list(s, "encryption_at_rest")
	tf.val(e, "catalog_encryption_mode", "") == "DISABLED"
}

deny contains tf.finding(r, ["data_catalog_encryption_settings", i, "connection_password_encryption", j, "return_connection_password_encrypted"], sprintf("%s returns connection passwords unencrypted", [r.address])) if {
	some r in tf.resources("aws_glue_data_catalog_encryption_settings")
	some i, s in tf.list(r.values, "data_catalog_encryption_settings")
	some j, c in tf.list(s, "connection_password_encryption")
	tf.is_false(c.return_connection_password_encrypted)
}
