# METADATA
# title: Cloud SQL for SQL Server limits user connections
# description: >-
#   Fires on a SQL Server instance whose user connections flag is set to
#   anything but 0 (unlimited). A fixed limit lets a burst of connections,
#   legitimate or not, lock out administrators and applications; CIS asks for
#   the non-limiting value. The flag's default is 0, so an instance that does
#   not set it stays silent. Only SQL Server instances (database_version
#   SQLSERVER*) are checked; an unknown database_version or flag list stays
#   silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0245
#   severity: LOW
#   category: reliability
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.3"]
#     nist-800-53-r5: ["SC-5"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "user connections"
#           value = "0"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_user_connections

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "user connections"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s limits user connections (user connections is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "0")
	v != "0"
}
