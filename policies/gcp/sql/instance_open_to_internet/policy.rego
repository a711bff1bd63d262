# METADATA
# title: Cloud SQL instance accepts connections from any address
# description: >-
#   Fires on a Cloud SQL instance whose settings.ip_configuration lists an
#   authorized network of 0.0.0.0/0 (or any /0 prefix): every host on the
#   internet can reach the instance's public IP and try to log in, leaving
#   passwords as the only control. Keep authorized networks to known ranges,
#   or use private IP and the Cloud SQL Auth Proxy. Unknown values stay
#   silent.
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
	open(network.value)
	path := ["settings", s, "ip_configuration", c, "authorized_networks", n, "value"]
	msg := sprintf("%s authorizes %s%s: any host on the internet can reach the database", [
		r.address, network.value, label(network),
	])
}

label(network) := sprintf(" (%q)", [network.name]) if is_string(network.name)

label(network) := "" if not is_string(network.name)

# Any /0 prefix ("0.0.0.0/0", "1.2.3.4/0") covers the whole IPv4 space.
open(v) if v in data.lib.gcp.open_ranges

open(v) if {
	is_string(v)
	endswith(trim_space(v), "/0")
}
