# METADATA
# title: ECS task shares the host process or IPC namespace
# description: >-
#   pid_mode = "host" lets the task's containers see and signal every process on
#   the EC2 host (and read their environment through /proc); ipc_mode = "host"
#   shares the host's shared memory and semaphores. Either breaks container
#   isolation. Checked on aws_ecs_task_definition; "task" and absent (private
#   namespaces) pass.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#other_task_definition_params
# custom:
#   id: TFW-AWS-0259
#   severity: HIGH
#   category: security
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     nist-800-53-r5: [SC-39]
#     cwe: [CWE-653]
#   remediation: |
#     Keep namespaces private to the task:
#     ```hcl
#     resource "aws_ecs_task_definition" "app" {
#       pid_mode = "task"
#     }
#     ```
#   aliases: []
package tfward.aws.ecs.host_namespace_shared

import rego.v1
import data.lib.tf

deny contains tf.finding(r, [attr], msg) if {
	some attr in ["pid_mode", "ipc_mode"]
	some r in tf.value_in(["aws_ecs_task_definition"], [attr], {"host"}, "")
	msg := sprintf("%s shares the host's %s namespace (%s = \"host\")", [r.address, namespace[attr], attr])
}

namespace := {"pid_mode": "process", "ipc_mode": "IPC"}
