# Rego unit tests: gp2 on volumes (explicit or by default), instance block
# devices and launch templates; gp3 stays silent and an unknown type is
# left to the pipeline.
package tfward.cost.gp2_volume_test

import rego.v1

import data.lib.tf
import data.tfward.cost.gp2_volume as policy

res(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "data"]), "mode": "managed", "type": type, "name": "data",
	"values": values, "unknown": unknown, "references": {},
}]}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_gp2_volume_is_denied if {
	some f in policy.deny with input as res("config", "aws_ebs_volume", {"size": 100, "type": "gp2"}, [])
	f.address == "aws_ebs_volume.data"
	f.path == ["type"]
}

test_volume_without_a_type_is_gp2 if {
	count(policy.deny) == 1 with input as res("config", "aws_ebs_volume", {"size": 100}, [])
}

test_instance_root_volume_in_a_plan_is_denied if {
	d := res("plan", "aws_instance", {"root_block_device": [{"volume_size": 20, "volume_type": "gp2"}]}, ["id"])
	some f in policy.deny with input as d
	f.address == "aws_instance.data"
	f.path == ["root_block_device", 0, "volume_type"]
}

test_launch_template_mapping_is_denied if {
	d := res("config", "aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_type": "gp2"}]}]}, [])
	some f in policy.deny with input as d
	f.path == ["block_device_mappings", 0, "ebs", 0, "volume_type"]
}

test_gp3_is_allowed if {
	count(policy.deny) == 0 with input as res("config", "aws_ebs_volume", {"type": "gp3"}, [])
	count(policy.deny) == 0 with input as res("config", "aws_instance", {"root_block_device": [{"volume_type": "gp3"}]}, [])
}

test_unknown_types_are_silent_or_undecided if {
	only_undecided(res("config", "aws_ebs_volume", {"size": 100}, ["type"]))
	d := res("plan", "aws_instance", {"root_block_device": [{"volume_size": 20}]}, ["root_block_device.0.volume_type"])
	count(policy.deny) == 0 with input as d
}
