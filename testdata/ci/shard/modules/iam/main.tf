resource "aws_s3_bucket_acl" "bmodules_iam" {
  bucket = "acmemodules_iam"
  acl    = "public-read"
}
