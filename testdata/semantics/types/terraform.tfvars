enabled = "true"
n       = "3"
