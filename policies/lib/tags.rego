# Required tags: the list comes from the config file (tfward.toml
# `required_tags`) through data.tfward.config, with a default.
package lib.tags

import rego.v1

default required := ["Owner", "Environment"]

required := data.tfward.config.required_tags if data.tfward.config.required_tags

# Tags on a resource, from `tags` (AWS, Azure) or `labels` (GCP).
tags_of(r) := object.get(r.values, "tags", object.get(r.values, "labels", {}))

# Required tag keys that r does not set. Empty when the tags are unknown.
missing(r) := [k |
	not tags_unknown(r)
	some k in required
	not tags_of(r)[k]
]

tags_unknown(r) if {
	some u in r.unknown
	u in {"tags", "labels"}
}
