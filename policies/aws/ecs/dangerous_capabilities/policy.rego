# METADATA
# title: ECS container adds dangerous Linux capabilities
# description: >-
#   linuxParameters.capabilities.add with SYS_ADMIN, NET_ADMIN, SYS_PTRACE,
#   SYS_MODULE, SYS_RAWIO, DAC_READ_SEARCH, BPF, PERFMON or ALL hands the
#   container powers close to root on the host: mounting file systems,
#   reconfiguring the host network, reading other processes' memory, loading
#   kernel modules. Checked on every container of an aws_ecs_task_definition.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_linuxparameters
#   - https://man7.org/linux/man-pages/man7/capabilities.7.html
# custom:
#   id: TFW-AWS-0265
#   severity: HIGH
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     nist-800-53-r5: [AC-6, SC-39]
#     cwe: [CWE-250]
#   remediation: |
#     Add only the capability the workload needs, or none:
#     ```hcl
#     container_definitions = jsonencode([{
#       name  = "app"
#       image = "app:1.4.2"
#       linuxParameters = {
#         capabilities = { drop = ["ALL"] }
#       }
#     }])
#     ```
#   aliases: []
package tfward.aws.ecs.dangerous_capabilities

import rego.v1
import data.lib.aws
import data.lib.tf

dangerous := {"SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "BPF", "PERFMON", "ALL"}

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some c in aws.containers(r)
	bad := added(c) & dangerous
	count(bad) > 0
	msg := sprintf("%s gives container %v the capabilities %s", [r.address, object.get(c, "name", "?"), concat(", ", sort(bad))])
}

# Capabilities a container adds, upper-case without the CAP_ prefix.
added(c) := {trim_prefix(upper(cap), "CAP_") |
	lp := tf.val(c, "linuxParameters", {})
	is_object(lp)
	caps := tf.val(lp, "capabilities", {})
	is_object(caps)
	some cap in tf.list(caps, "add")
	is_string(cap)
}
