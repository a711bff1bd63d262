# METADATA
# title: Cloud SQL instance accepts connections from any address
# description: >-
#   An authorized network of 0.0.0.0/0 in settings.ip_configuration lets every
#   host on the internet reach the instance's public IP and try to log in to
#   the database, leaving passwords as the only control. Keep authorized
#   networks to known ranges, or use private IP and the Cloud SQL Auth Proxy.
# related_resources:
#   - https://cloud.google.com/sql/docs/mysql/authorize-networks
#   - https://cloud.google.com/sql/docs/postgres/configure-private-ip
# custom:
#   id: TFW-GCP-0003
#   severity: CRITICAL
#   category: security
#   resource_types: [google_sql_database_instance]
#   frameworks:
#     cis-gcp-2.0: ["6.5"]
#     pci-dss-4.0: ["1.3.1"]
#     soc2: [CC6.6]
#     hipaa: ["164.312(e)(1)"]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_GCP_11
#     trivy: GCP-0017
#     kics: b187edca-b81e-4fdc-aff4-aab57db45edb
#   remediation: |
#     Authorize only the networks that need access (or disable the public IP):
#     ```hcl
#     resource "google_sql_database_instance" "db" {
#       name             = "orders"
#       database_version = "POSTGRES_15"
#       region           = "europe-west1"
#
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ipv4_enabled    = false
#           private_network = google_compute_network.vpc.id
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.sql.instance_open_to_internet

import rego.v1

import data.lib.gcp
import data.lib.tf

deny contains tf.finding(r, path, msg) if {
	some r in tf.resources("google_sql_database_instance")
	some s, settings in tf.list(r.values, "settings")
	some c, ipc in tf.list(settings, "ip_configuration")
	some n, network in tf.list(ipc, "authorized_networks")
	network.value in gcp.open_ranges
	path := ["settings", s, "ip_configuration", c, "authorized_networks", n, "value"]
	msg := sprintf("%s authorizes %s%s: any host on the internet can reach the database", [
		r.address, network.value, label(network),
	])
}

label(network) := sprintf(" (%q)", [network.name]) if is_string(network.name)

label(network) := "" if not is_string(network.name)
