acl          = "public-read"
from_auto    = "tfvars"
not_nullable = null
password     = "hunter2-very-secret"
