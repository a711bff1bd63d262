# Whole-collection references to counted and for_each resources are lists
# and maps of instance objects (Terraform: a resource with count is a list,
# with for_each a map); an instance's written arguments are known, the rest
# known after apply.
resource "aws_instance" "w" {
  count         = 2
  ami           = "ami-${count.index}"
  instance_type = "t3.micro"
}

resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "site"])
  bucket   = "acme-${each.key}"
}

# A resource used as a for_each map expands with its keys.
resource "aws_s3_bucket_versioning" "v" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.bucket
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_ssm_parameter" "summary" {
  name = "summary"
  type = "StringList"
  value = jsonencode({
    count   = length(aws_instance.w)
    amis    = aws_instance.w[*].ami
    ids     = aws_instance.w[*].id
    keys    = keys(aws_s3_bucket.b)
    buckets = [for b in values(aws_s3_bucket.b) : b.bucket]
  })
}
