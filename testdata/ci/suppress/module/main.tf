module "site" {
  source = "./modules/site"
}
