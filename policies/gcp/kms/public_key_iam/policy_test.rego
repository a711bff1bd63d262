# Rego unit tests: public members on crypto keys and key rings (members and
# bindings); named principals and unknown members stay silent.
package tfward.gcp.kms.public_key_iam_test

import rego.v1

import data.tfward.gcp.kms.public_key_iam as policy

grant(source, type, values, unknown) := {"source": source, "resources": [{
	"address": concat(".", [type, "g"]), "mode": "managed", "type": type, "name": "g",
	"values": object.union({"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter"}, values),
	"unknown": unknown, "references": {},
}]}

test_public_key_member_is_denied if {
	d := grant("config", "google_kms_crypto_key_iam_member", {"member": "allUsers"}, [])
	some f in policy.deny with input as d
	f.address == "google_kms_crypto_key_iam_member.g"
	f.path == ["member"]
}

test_key_ring_binding_in_a_plan_is_denied if {
	d := grant("plan", "google_kms_key_ring_iam_binding", {"members": ["user:me@example.com", "allAuthenticatedUsers"]}, ["etag"])
	some f in policy.deny with input as d
	f.address == "google_kms_key_ring_iam_binding.g"
	f.path == ["members"]
}

test_named_principals_are_allowed if {
	d := grant("config", "google_kms_crypto_key_iam_binding", {"members": ["serviceAccount:app@p.iam.gserviceaccount.com"]}, [])
	count(policy.deny) == 0 with input as d
}

test_unknown_members_are_silent if {
	count(policy.deny) == 0 with input as grant("config", "google_kms_crypto_key_iam_member", {}, ["member"])
	count(policy.deny) == 0 with input as grant("config", "google_kms_key_ring_iam_binding", {}, ["members"])
}
