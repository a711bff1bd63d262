# METADATA
# title: ECS container image is not pinned to a version
# description: >-
#   A container image without a tag, or with the tag "latest", changes under the
#   task with every push: deployments and restarts silently pick up unreviewed
#   code (or a compromised image), and rollbacks are impossible. Fires on
#   containers of an aws_ecs_task_definition whose image has no tag and no
#   digest, or the tag latest; images pinned by digest (@sha256:...) and
#   versioned tags pass.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
# custom:
#   id: TFW-AWS-0263
#   severity: LOW
#   category: reliability
#   resource_types: [aws_ecs_task_definition]
#   frameworks:
#     nist-800-53-r5: [CM-2, SI-7]
#     cwe: [CWE-1357]
#   remediation: |
#     Pin the image to a release or a digest:
#     ```hcl
#     container_definitions = jsonencode([{
#       name  = "app"
#       image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2"
#     }])
#     ```
#   aliases: []
package tfward.aws.ecs.image_not_pinned

import rego.v1
import data.lib.aws
import data.lib.tf

deny contains tf.finding(r, ["container_definitions"], msg) if {
	some r in tf.resources("aws_ecs_task_definition")
	some c in aws.containers(r)
	image := c.image
	is_string(image)
	not contains(image, "@")
	unpinned(image)
	msg := sprintf("%s runs container %v from %s, which is not pinned to a version", [r.address, object.get(c, "name", "?"), image])
}

# The part after the last "/" has no ":" (no tag), or the tag is "latest".
unpinned(image) if {
	parts := split(image, "/")
	not contains(parts[count(parts) - 1], ":")
}

unpinned(image) if endswith(lower(image), ":latest")
