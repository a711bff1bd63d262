# METADATA
# title: Glue JDBC connection does not require SSL
# description: >-
#   A Glue JDBC connection only insists on an encrypted, certificate-verified
#   session with the database when its connection_properties set
#   JDBC_ENFORCE_SSL to "true"; otherwise jobs and crawlers may read tables and
#   send credentials in clear text. An aws_glue_connection of type JDBC (the
#   default) is reported when JDBC_ENFORCE_SSL is left out or not "true".
#   Connections whose properties are unknown are not judged.
# related_resources:
#   - https://docs.aws.amazon.com/glue/latest/dg/connection-properties.html#connection-properties-jdbc
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/glue_connection
# custom:
#   id: TFW-AWS-0388
#   severity: MEDIUM
#   category: security
#   resource_types: [aws_glue_connection]
#   raw_sensitive: true
#   frameworks:
#     soc2: [CC6.7]
#     pci-dss-4.0: ["4.2.1"]
#     hipaa: ["164.312(e)(1)"]
#     nist-800-53-r5: [SC-8]
#     cwe: [CWE-319]
#   remediation: |
#     Require SSL:
#     ```hcl
#     connection_properties = {
#       JDBC_CONNECTION_URL = "jdbc:postgresql://db.internal:5432/warehouse"
#       JDBC_ENFORCE_SSL    = "true"
#       SECRET_ID           = aws_secretsmanager_secret.glue.name
#     }
#     ```
#   aliases: []
package tfward.aws.glue.connection_ssl_not_enforced

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, path, sprintf("%s does not require SSL for its JDBC connection", [r.address])) if {
	some r in tf.resources("aws_glue_connection")
	tf.val(r.values, "connection_type", "JDBC") == "JDBC"
	not tf.is_unknown(r, ["connection_type"])
	not tf.is_unknown(r, ["connection_properties"])
	props := tf.val(r.values, "connection_properties", {})
	is_object(props)
	not tf.is_unknown(r, ["connection_properties", "JDBC_ENFORCE_SSL"])
	lower(sprintf("%v", [object.get(props, "JDBC_ENFORCE_SSL", "false")])) != "true"
	path := ["connection_properties"]
}
