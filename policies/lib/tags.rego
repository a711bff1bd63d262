# Required tags: the list comes from the config file (tfward.toml
# `required_tags`) through data.tfward.config. With none configured nothing
# is required: tags are one organisation's convention, not a default.
package lib.tags

import rego.v1

default required := []

required := data.tfward.config.required_tags if is_array(data.tfward.config.required_tags)

# Tags on a resource, from `tags` (AWS, Azure) or `labels` (GCP). In plans
# and states AWS resources also carry `tags_all`: their tags merged with the
# provider's default_tags (which plan documents do not list separately).
tags_of(r) := object.union(
	object.get(r.values, "tags_all", {}),
	object.get(r.values, "tags", object.get(r.values, "labels", {})),
)

# Required tag keys that r does not set. Empty when the tags are unknown; a
# key whose value is unknown (Owner = var.owner) is set.
missing(r) := [k |
	not tags_unknown(r)
	some k in required
	not tags_of(r)[k]
	not tag_value_unknown(r, k)
]

tag_value_unknown(r, k) if {
	some u in r.unknown
	u in {concat(".", ["tags", k]), concat(".", ["labels", k]), concat(".", ["tags_all", k])}
}

# `tags_all` unknown (a plan whose provider default_tags come from a value
# known only at apply): any required key may come from there.
tags_unknown(r) if {
	some u in r.unknown
	u in {"tags", "labels", "tags_all"}
}
