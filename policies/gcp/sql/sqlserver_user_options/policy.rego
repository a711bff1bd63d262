# METADATA
# title: Cloud SQL for SQL Server sets global user options
# description: >-
#   Fires on a SQL Server instance that sets the user options flag. It changes
#   query-processing defaults (ANSI settings, implicit transactions, ...) for
#   every session, which CIS asks to leave unconfigured. The flag's default is
#   , so an instance that does not set it stays silent. Only SQL Server
#   instances (database_version SQLSERVER*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0246
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.4"]
#     nist-800-53-r5: ["CM-6"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#         # no "user options" database flag
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_user_options

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "user options"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s sets global user options (user options is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "")
	v != ""
}
