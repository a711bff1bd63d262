# Excluded by tfward.toml: an example, not infrastructure.
resource "aws_s3_bucket_acl" "demo" {
  bucket = "demo"
  acl    = "public-read-write"
}
