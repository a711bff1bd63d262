# METADATA
# title: Cloud SQL for SQL Server allows remote access (remote procedure calls between servers)
# description: >-
#   Fires on a SQL Server instance whose remote access flag is not off. Remote
#   access lets stored procedures run on, or from, other servers, which an
#   attacker can use to pivot or to amplify a denial of service. The flag
#   defaults to on, so an instance that does not set it fires. Only SQL Server
#   instances (database_version SQLSERVER*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/sqlserver/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0247
#   severity: MEDIUM
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.3.5"]
#     nist-800-53-r5: ["CM-7"]
#     cwe: ["CWE-284"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "SQLSERVER_2019_STANDARD"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "remote access"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.sqlserver_remote_access

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "remote access"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s allows remote access (remote access is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("sqlserver")
	v := gcp.sql_flag_or(r, flag, "on")
	v != "off"
}
