# METADATA
# title: Cloud SQL for SQL Server enables cross-database ownership chaining
# description: >-
#   Fires on a SQL Server instance with the cross db ownership chaining flag
#   on. Ownership chains across databases skip permission checks, so a user
#   who owns objects in one database can reach data in another. The flag's
#   default is off, so an instance that does not set it stays silent. Only SQL
#   Server instances (database_version SQLSERVER*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0244
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.2"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-285"]
#   equivalents:
#     checkov: CKV_GCP_58
#     trivy: GCP-0019
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "cross db ownership chaining"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_cross_db_ownership

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "cross db ownership chaining"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s enables cross-database ownership chaining (cross db ownership chaining is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "off")
	v == "on"
}
