resource "aws_s3_bucket_acl" "benvs_prod" {
  bucket = "acmeenvs_prod"
  acl    = "public-read"
}
