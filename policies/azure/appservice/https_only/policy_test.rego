# Rego unit tests: web and function apps without https_only (explicitly or
# by default), from HCL and a plan; an unknown flag is left to the pipeline.
package tfward.azure.appservice.https_only_test

import rego.v1

import data.lib.tf
import data.tfward.azure.appservice.https_only as policy

app(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "site"]), "mode": "managed", "type": type, "name": "site",
	"values": object.union({"name": "site"}, values), "unknown": unknown, "references": {},
}]}

only_undecided(d) if {
	findings := policy.deny with input as d
	every f in findings {
		some r in d.resources
		r.address == f.address
		tf.is_unknown(r, f.path)
	}
}

test_web_app_without_https_only_is_denied if {
	some f in policy.deny with input as app("config", "azurerm_linux_web_app", {}, [])
	f.address == "azurerm_linux_web_app.site"
	f.path == ["https_only"]
}

test_function_app_with_https_only_false_in_a_plan_is_denied if {
	d := app("plan", "azurerm_windows_function_app", {"https_only": false}, ["id", "default_hostname"])
	some f in policy.deny with input as d
	f.address == "azurerm_windows_function_app.site"
}

test_https_only_is_allowed if {
	count(policy.deny) == 0 with input as app("config", "azurerm_linux_web_app", {"https_only": true}, [])
}

test_other_resource_types_are_ignored if {
	count(policy.deny) == 0 with input as app("config", "azurerm_service_plan", {}, [])
}

test_unknown_flag_is_left_undecided if {
	only_undecided(app("config", "azurerm_linux_web_app", {}, ["https_only"]))
}
