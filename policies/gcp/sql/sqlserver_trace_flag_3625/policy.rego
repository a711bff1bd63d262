# METADATA
# title: Cloud SQL for SQL Server error messages can reveal data to non-administrators
# description: >-
#   Fires on a SQL Server instance whose trace flag 3625 is not on. The flag
#   masks parameters and object details in error messages shown to users who
#   are not sysadmin, so errors do not leak schema or data. The flag defaults
#   to off, so an instance that does not set it fires. Only SQL Server
#   instances (database_version SQLSERVER*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0248
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.6"]
#     nist-800-53-r5: ["SI-11"]
#     cwe: ["CWE-209"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "3625"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_trace_flag_3625

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "3625"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not mask error details for non-administrators (3625 is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "off")
	v != "on"
}
