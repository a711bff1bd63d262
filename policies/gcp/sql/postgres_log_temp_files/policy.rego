# METADATA
# title: Cloud SQL for PostgreSQL does not log every temporary file
# description: >-
#   Fires on a PostgreSQL instance whose log_temp_files flag is not 0:
#   temporary files (large sorts and hashes, often from runaway or malicious
#   queries) are then not logged, or only above a size. The flag defaults to
#   -1 (off), so an instance that does not set it fires. Only PostgreSQL
#   instances (database_version POSTGRES*) are checked; an unknown
#   database_version or flag list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0239
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     nist-800-53-r5: ["AU-2"]
#     cwe: ["CWE-778"]
#   equivalents:
#     checkov: CKV_GCP_56
#     trivy: GCP-0014
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_temp_files"
#           value = "0"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_log_temp_files

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "log_temp_files"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s does not log every temporary file (log_temp_files is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("postgres")
	v := gcp.sql_flag_or(r, flag, "-1")
	v != "0"
}
