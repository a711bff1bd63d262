# METADATA
# title: Secret written in a Cloud Function or Cloud Run environment variable
# description: >-
#   Fires when an environment variable whose name looks like a secret
#   (PASSWORD, PASSWD, SECRET, TOKEN, API_KEY, APIKEY, PRIVATE_KEY,
#   CREDENTIAL, ACCESS_KEY) has a known, non-empty value:
#   environment_variables and build_environment_variables of
#   google_cloudfunctions_function, service_config and build_config
#   environment_variables of google_cloudfunctions2_function, and env entries
#   of google_cloud_run_service, google_cloud_run_v2_service and
#   google_cloud_run_v2_job containers. The value then sits in the code or a
#   variable default, in plans and state, and is readable by anyone who can
#   view the function or service. Use secret_environment_variables /
#   value_source.secret_key_ref from Secret Manager. Values that are unknown
#   at plan time (read from a secret store) stay silent.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function#secret_environment_variables
#   - https://cloud.google.com/functions/docs/configuring/secrets
# custom:
#   id: TFW-GCP-0272
#   severity: HIGH
#   category: security
#   resource_types:
#     - google_cloudfunctions_function
#     - google_cloudfunctions2_function
#     - google_cloud_run_service
#     - google_cloud_run_v2_service
#     - google_cloud_run_v2_job
#   frameworks:
#     cis-gcp-2.0: ["1.18"]
#     soc2: ["CC6.1"]
#     nist-800-53-r5: ["IA-5", "SC-28"]
#     cwe: ["CWE-798", "CWE-312"]
#   remediation: |
#     ```hcl
#     resource "google_cloudfunctions2_function" "api" {
#       name     = "api"
#       location = "europe-west1"
#       # ...
#       service_config {
#         secret_environment_variables {
#           key        = "DB_PASSWORD"
#           project_id = "acme-prod"
#           secret     = google_secret_manager_secret.db_password.secret_id
#           version    = "latest"
#         }
#       }
#     }
#     ```
#   aliases: []
package tfward.gcp.functions.secrets_in_env

import rego.v1

import data.lib.tf

secret_name(n) if regex.match(`(?i)(password|passwd|secret|token|api_?key|private_?key|credential|access_?key)`, n)

literal(v) if {
	is_string(v)
	trim_space(v) != ""
}

# Map-form variables: [path of the map, the map].
env_maps(r) := [[["environment_variables"], m] | m := r.values.environment_variables; is_object(m)] if r.type == "google_cloudfunctions_function"

env_maps(r) := array.concat(
	[[["environment_variables"], m] | m := r.values.environment_variables; is_object(m)],
	[[["build_environment_variables"], m] | m := r.values.build_environment_variables; is_object(m)],
) if r.type == "google_cloudfunctions_function"

env_maps(r) := [[[block, 0, "environment_variables"], m] |
	some block in ["service_config", "build_config"]
	m := tf.at(r, [block, 0, "environment_variables"], {})
	is_object(m)
] if r.type == "google_cloudfunctions2_function"

deny contains tf.finding(r, array.concat(path, [k]), sprintf("%s puts a secret in the environment variable %s", [r.address, k])) if {
	some t in ["google_cloudfunctions_function", "google_cloudfunctions2_function"]
	some r in tf.resources(t)
	some [path, m] in env_maps(r)
	some k, v in m
	secret_name(k)
	literal(v)
}

# Cloud Run containers: env { name, value } blocks.
containers(r) := [["template", 0, "spec", 0, "containers", i] | some i, _ in tf.list(tf.at(r, ["template", 0, "spec", 0], {}), "containers")] if r.type == "google_cloud_run_service"

containers(r) := [["template", 0, "containers", i] | some i, _ in tf.list(tf.at(r, ["template", 0], {}), "containers")] if r.type == "google_cloud_run_v2_service"

containers(r) := [["template", 0, "template", 0, "containers", i] | some i, _ in tf.list(tf.at(r, ["template", 0, "template", 0], {}), "containers")] if r.type == "google_cloud_run_v2_job"

deny contains tf.finding(r, array.concat(c, ["env", j, "value"]), sprintf("%s puts a secret in the environment variable %s", [r.address, e.name])) if {
	some t in ["google_cloud_run_service", "google_cloud_run_v2_service", "google_cloud_run_v2_job"]
	some r in tf.resources(t)
	some c in containers(r)
	some j, e in tf.list(tf.at(r, c, {}), "env")
	is_string(e.name)
	secret_name(e.name)
	literal(object.get(e, "value", null))
}
