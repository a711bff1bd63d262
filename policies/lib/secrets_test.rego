# Rego unit tests of lib/secrets.rego: base64 decoding and secret patterns.
package lib.secrets_test

import rego.v1

import data.lib.secrets

test_base64_decoding_in_rego if {
	secrets.base64_decode_text("YWJj") == "abc"
	secrets.base64_decode_text("YWI=") == "ab"
	secrets.base64_decode_text("YQ==") == "a"
	secrets.base64_decode_text("IyEvYmluL2Jhc2gKZWNobyBoaQ==") == "#!/bin/bash\necho hi"
}

test_decoded_keeps_text_that_is_not_base64 if {
	secrets.decoded("#!/bin/bash") == "#!/bin/bash"
	secrets.decoded("H4sIAAAAAAAA") == "H4sIAAAAAAAA"
	secrets.decoded("YWJj") == "abc"
}

test_secret_patterns if {
	secrets.secrets_in("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE") == {"an AWS access key id"}
	secrets.secrets_in("password=Sup3rS3cret!") == {"a password assignment"}
	count(secrets.secrets_in("password=${var.db_password}")) == 0
}
