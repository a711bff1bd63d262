# Rego unit tests: anonymous blob and container access (any case), private
# containers, and an unknown access type.
package tfward.azure.storage.container_public_access_test

import rego.v1

import data.tfward.azure.storage.container_public_access as policy

container(source, values, unknown) := {"source": source, "resources": [{
	"address": "azurerm_storage_container.assets", "mode": "managed", "type": "azurerm_storage_container", "name": "assets",
	"values": object.union({"name": "assets"}, values), "unknown": unknown, "references": {},
}]}

test_blob_access_is_denied if {
	some f in policy.deny with input as container("config", {"container_access_type": "blob"}, [])
	f.address == "azurerm_storage_container.assets"
	f.path == ["container_access_type"]
}

test_container_access_in_a_plan_is_denied if {
	count(policy.deny) == 1 with input as container("plan", {"container_access_type": "Container"}, ["id"])
}

test_private_and_default_are_allowed if {
	count(policy.deny) == 0 with input as container("config", {"container_access_type": "private"}, [])
	count(policy.deny) == 0 with input as container("config", {}, [])
}

test_unknown_access_type_is_silent if {
	count(policy.deny) == 0 with input as container("config", {}, ["container_access_type"])
}
