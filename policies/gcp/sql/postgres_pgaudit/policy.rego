# METADATA
# title: Cloud SQL for PostgreSQL does not enable pgAudit
# description: >-
#   Fires on a PostgreSQL instance whose cloudsql.enable_pgaudit flag is not
#   on. pgAudit writes session and object audit records (who read or changed
#   which table) to Cloud Logging, which the standard server log does not. The
#   flag defaults to off, so an instance that does not set it fires. Only
#   PostgreSQL instances (database_version POSTGRES*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0236
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.2.8"]
#     soc2: ["CC7.2"]
#     nist-800-53-r5: ["AU-2", "AU-12"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_110
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "cloudsql.enable_pgaudit"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_pgaudit

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "cloudsql.enable_pgaudit"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not enable pgAudit (cloudsql.enable_pgaudit is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "off")
	v != "on"
}
