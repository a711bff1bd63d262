# METADATA
# title: Batch job definition runs a privileged container
# description: >-
#   A privileged container gets all Linux capabilities and access to the
#   host's devices - a short way out of the container onto the compute
#   environment's instance. Fires on an aws_batch_job_definition whose
#   container_properties, or a container of ecs_properties' task properties,
#   sets privileged to true. Silent when it is false, absent (the default is
#   false) or not known.
# related_resources:
#   - https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/batch_job_definition#container_properties
# custom:
#   id: TFW-AWS-0578
#   severity: HIGH
#   category: security
#   resource_types: [aws_batch_job_definition]
#   frameworks:
#     nist-800-53-r5: [AC-6, CM-7]
#     cwe: [CWE-250]
#   equivalents:
#     checkov: CKV_AWS_210
#   remediation: |
#     Run the container unprivileged:
#     ```hcl
#     container_properties = jsonencode({
#       image      = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/etl:2.1.0"
#       privileged = false
#     })
#     ```
#   aliases: []
package tfward.aws.batch.privileged_container

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], sprintf("%s runs a privileged container", [r.address])) if {
	some r in tf.resources("aws_batch_job_definition")
	some attr in ["container_properties", "ecs_properties"]
	some c in containers(r, attr)
	tf.is_true(object.get(c, "privileged", false))
}

containers(r, "container_properties") := [c] if {
	c := decoded(r.values.container_properties)
	is_object(c)
} else := []

containers(r, "ecs_properties") := [c |
	p := decoded(r.values.ecs_properties)
	some t in object.get(p, "taskProperties", [])
	some c in object.get(t, "containers", [])
]

decoded(v) := json.unmarshal(v) if {
	is_string(v)
	json.is_valid(v)
} else := v if is_object(v)
