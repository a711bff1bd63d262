# METADATA
# title: Cloud SQL for SQL Server allows external scripts
# description: >-
#   Fires on a SQL Server instance with the external scripts enabled flag on.
#   It lets sp_execute_external_script run R and Python code outside the
#   database engine's security boundary, a path for code execution from SQL.
#   The flag's default is off, so an instance that does not set it stays
#   silent. Only SQL Server instances (database_version SQLSERVER*) are
#   checked; an unknown database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0243
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.1"]
#     nist-800-53-r5: ["CM-7"]
#     cwe: ["CWE-94"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "external scripts enabled"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_external_scripts

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "external scripts enabled"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s allows external scripts (external scripts enabled is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "off")
	v == "on"
}
