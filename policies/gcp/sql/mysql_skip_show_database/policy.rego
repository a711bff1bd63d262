# METADATA
# title: Cloud SQL for MySQL lets every user list all databases
# description: >-
#   Fires on a MySQL instance whose skip_show_database flag is not on: any
#   account can then run SHOW DATABASES and learn the names of every database
#   on the server, which helps an attacker map targets. The flag defaults to
#   off, so an instance that does not set it fires. Only MySQL instances
#   (database_version MYSQL*) are checked; an unknown database_version or flag
#   list stays silent.
# related_resources:
#   - https://cloud.google.com/sql/docs/mysql/flags
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#database_flags
# custom:
#   id: TFW-GCP-0230
#   severity: LOW
#   category: compliance
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.1.2"]
#     nist-800-53-r5: ["AC-6"]
#     cwe: ["CWE-200"]
#   remediation: |
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       database_version = "MYSQL_8_0"
#       # ...
#       settings {
#         tier = "db-custom-2-7680"
#
#         database_flags {
#           name  = "skip_show_database"
#           value = "on"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.mysql_skip_show_database

import rego.v1

import data.lib.gcp
import data.lib.tf

flag := "skip_show_database"

deny contains tf.finding(r, gcp.sql_flag_path(r, flag), sprintf("%s lets every user list all databases (skip_show_database is %s)", [r.address, v])) if {
	some r in gcp.sql_with_known_flags("mysql")
	v := gcp.sql_flag_or(r, flag, "off")
	v != "on"
}
