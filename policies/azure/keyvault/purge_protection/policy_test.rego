# Rego unit tests: a vault without purge protection (explicitly or by
# default), from HCL and a plan; an unknown flag is left to the pipeline.
package tfward.azure.keyvault.purge_protection_test

import rego.v1

import data.lib.tf
import data.tfward.azure.keyvault.purge_protection as policy

vault(source, values, unknown) := {"source": source, "resources": [{
	"address": "azurerm_key_vault.main", "mode": "managed", "type": "azurerm_key_vault", "name": "main",
	"values": object.union({"name": "main", "sku_name": "standard"}, values), "unknown": unknown, "references": {},
}]}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_vault_without_purge_protection_is_denied if {
	some f in policy.deny with input as vault("config", {}, [])
	f.address == "azurerm_key_vault.main"
	f.path == ["purge_protection_enabled"]
}

test_disabled_purge_protection_in_a_plan_is_denied if {
	count(policy.deny) == 1 with input as vault("plan", {"purge_protection_enabled": false}, ["id", "vault_uri"])
}

test_purge_protection_is_allowed if {
	count(policy.deny) == 0 with input as vault("config", {"purge_protection_enabled": true}, [])
}

test_unknown_flag_is_left_undecided if {
	only_undecided(vault("config", {}, ["purge_protection_enabled"]))
}
