resource "aws_s3_bucket_acl" "benvs_dev" {
  bucket = "acmeenvs_dev"
  acl    = "public-read"
}
