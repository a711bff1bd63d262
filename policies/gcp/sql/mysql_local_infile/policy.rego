# METADATA
# title: Cloud SQL for MySQL allows LOAD DATA LOCAL INFILE
# description: >-
#   Fires on a MySQL instance with the local_infile flag on. LOAD DATA LOCAL
#   lets the server ask the client for any file the client can read, which a
#   rogue or compromised server, or SQL injection, turns into reading files
#   from application hosts. The flag's default is off, so an instance that
#   does not set it stays silent. Only MySQL instances (database_version
#   MYSQL*) are checked; an unknown database_version or flag list stays
#   silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/mysql/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0030
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.1.3"]
#     nist-800-53-r5: ["CM-7"]
#     cwe: ["CWE-73"]
#   equivalents:
#     checkov: CKV_GCP_50
#     trivy: GCP-0026
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "MYSQL_8_0"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "local_infile"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.mysql_local_infile

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "local_infile"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s allows LOAD DATA LOCAL INFILE (local_infile is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("mysql")
	v := gcp.sql_flag_or(r, flag, "off")
	v in {"on", "1", "true"}
}
