# METADATA
# title: Cloud SQL for SQL Server allows contained database authentication
# description: >-
#   Fires on a SQL Server instance with the contained database authentication
#   flag on. Contained users authenticate to a database without a server
#   login, outside the instance's login policies and audit, and a database
#   owner can create them. The flag's default is off, so an instance that does
#   not set it stays silent. Only SQL Server instances (database_version
#   SQLSERVER*) are checked; an unknown database_version or flag list stays
#   silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0249
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.7"]
#     nist-800-53-r5: ["IA-2"]
#     cwe: ["CWE-287"]
#   equivalents:
#     checkov: CKV_GCP_59
#     trivy: GCP-0023
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "contained database authentication"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_contained_db_auth

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "contained database authentication"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s allows contained database authentication (contained database authentication is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "off")
	v == "on"
}
