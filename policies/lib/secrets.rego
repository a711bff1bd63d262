# Secrets written into configuration text (EC2 user data, VM custom data,
# environment values): base64 decoding in Rego and the patterns that give a
# credential away. Used by the AWS user-data and Azure custom-data policies.
package lib.secrets

import rego.v1

# The text of a base64 value, or the value itself when it is not base64 (or
# is gzip, which decodes to binary).
decoded(v) := base64_decode_text(v) if base64_text(v)

else := v

base64_text(v) if {
	regex.match(`^[A-Za-z0-9+/]+={0,2}$`, v)
	count(v) >= 4
	not startswith(v, "H4sI") # gzip: binary once decoded
}

# Base64 decoding in Rego (the engine's regorus is built without the base64
# builtins): the decoded bytes as text, ASCII kept, other bytes as "?". The
# tables are written inside the functions: regorus's interpreter can read a
# rule of a library package as empty when a function of another package
# calls into it.
base64_decode_text(s) := concat("", [byte_text(b) | some b in base64_bytes(s)])

byte_text(b) := substring(concat("", [` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`, "`abcdefghijklmnopqrstuvwxyz{|}~"]), b - 32, 1) if {
	b >= 32
	b <= 126
} else := "\n" if b == 10 else := "\t" if b == 9 else := "?"

base64_bytes(s) := [b |
	vals := [indexof("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", c) | some c in split(trim_right(s, "="), "")]
	n := floor((count(vals) * 6) / 8)
	n > 0
	some k in numbers.range(0, n - 1)
	idx := floor((8 * k) / 6)
	shift := (8 * k) % 6
	w := (vals[idx] * 64) + vals[idx + 1]
	b := bits.and(bits.rsh(w, 4 - shift), 255)
]

# What secrets the text holds: AWS access key ids, private keys, AWS secret
# keys and password, secret or token assignments with a literal value (a
# value taken from ${...}, $(...), {{...}} or <...> is not a secret). Each
# pattern is matched on the text as is ("case") or lower-cased ("lower").
secrets_in(text) := {p.what |
	some p in secret_patterns
	regex.match(p["case"], text)
} | {p.what |
	some p in secret_patterns
	regex.match(p.lower, lower(text))
}

secret_patterns := [
	{"what": "an AWS access key id", "case": `(AKIA|ASIA)[0-9A-Z]{16}`},
	{"what": "a private key", "case": `-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----`},
	{"what": "an AWS secret access key", "lower": `aws_secret_access_key["']?[ \t]*[=:][ \t]*["']?[a-z0-9/+]{40}`},
	{"what": "a password assignment", "lower": `(password|passwd|pwd|secret|api_key|apikey|token)["']?[ \t]*[=:][ \t]*["']?[^ \t\r\n"'$<{]{8,}`},
]
