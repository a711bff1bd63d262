# METADATA
# title: Cloud SQL for PostgreSQL writes performance statistics to the log
# description: >-
#   Fires on a PostgreSQL instance that turns on log_executor_stats,
#   log_parser_stats, log_planner_stats or log_statement_stats. These
#   developer profiling flags write a statistics block for every query, which
#   floods the log, slows the server and can push real audit entries out of
#   retention. They default to off, so absent flags stay silent. Only
#   PostgreSQL instances are checked; unknown flags stay silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/postgres/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0241
#   severity: LOW
#   category: reliability
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     nist-800-53-r5: ["AU-4"]
#   equivalents:
#     checkov: [CKV2_GCP_14, CKV2_GCP_15, CKV2_GCP_16, CKV2_GCP_17]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "POSTGRES_15"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "log_statement_stats"
#           value = "off"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.postgres_statistics_logging

import rego.v1

import data.lib.gcp
import data.lib.tf

flags := ["log_executor_stats", "log_parser_stats", "log_planner_stats", "log_statement_stats"]

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s turns on %s, which logs profiling statistics for every query", [r.address, flag])) if {
	some r in gcp.sql_with_known_flags("postgres")
	some flag in flags
	gcp.sql_flag_or(r, flag, "off") == "on"
}
