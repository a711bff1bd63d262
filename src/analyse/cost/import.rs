//! `tfward prices import FILE...`: a price catalogue built from the clouds'
//! own bulk price files, so a team with network access can refresh the
//! figures without editing JSON by hand:
//!
//! - AWS Price List offer files (`offers/v1.0/aws/<service>/current/<region>/index.json`):
//!   `products` by SKU with attributes, `terms.OnDemand` by SKU with price
//!   dimensions (`unit`, `pricePerUnit.USD`);
//! - Azure Retail Prices API pages (`prices.azure.com/api/retail/prices`):
//!   `Items` with `serviceName`, `armSkuName`, `armRegionName`,
//!   `unitOfMeasure`, `retailPrice`, `type`;
//! - Google Cloud Billing Catalog SKU lists (`services/<id>/skus`): `skus`
//!   with `description`, `serviceRegions` and `pricingInfo[].pricingExpression`
//!   (`usageUnit`, `tieredRates[].unitPrice` in units and nanos).
//!
//! Only the lines tfward's price models read are taken (Linux, shared
//! tenancy, on-demand, single-AZ, first price tier); everything else is
//! counted as skipped. Imported figures replace the base catalogue's for
//! the regions they cover and keep the rest.

use std::collections::BTreeMap;

use serde_json::{json, Value as Json};

/// One price read from a bulk file.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub service: String,
    pub key: String,
    pub unit: String,
    pub region: String,
    pub price: f64,
}

/// What one file gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Imported {
    /// aws, azure or gcp.
    pub format: &'static str,
    pub lines: Vec<Line>,
    /// Entries of the file tfward has no use for.
    pub skipped: usize,
}

/// Reads one bulk price file, recognised by its shape.
pub fn read(text: &str) -> Result<Imported, String> {
    let doc: Json = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if doc.get("products").is_some() && doc.get("terms").is_some() {
        Ok(aws(&doc))
    } else if doc.get("Items").is_some_and(Json::is_array) {
        Ok(azure(&doc))
    } else if doc.get("skus").is_some_and(Json::is_array) {
        Ok(gcp(&doc))
    } else {
        Err("not an AWS offer file (products, terms), an Azure Retail Prices page (Items) or a Google Cloud Billing SKU list (skus)".into())
    }
}

fn s<'v>(v: &'v Json, key: &str) -> &'v str {
    v.get(key).and_then(Json::as_str).unwrap_or_default()
}

/// AWS region codes of the offer files' location names (older files have no
/// `regionCode` attribute).
const AWS_LOCATIONS: &[(&str, &str)] = &[
    ("US East (N. Virginia)", "us-east-1"),
    ("US East (Ohio)", "us-east-2"),
    ("US West (N. California)", "us-west-1"),
    ("US West (Oregon)", "us-west-2"),
    ("EU (Ireland)", "eu-west-1"),
    ("EU (London)", "eu-west-2"),
    ("EU (Paris)", "eu-west-3"),
    ("EU (Frankfurt)", "eu-central-1"),
    ("EU (Stockholm)", "eu-north-1"),
    ("Asia Pacific (Tokyo)", "ap-northeast-1"),
    ("Asia Pacific (Singapore)", "ap-southeast-1"),
    ("Asia Pacific (Sydney)", "ap-southeast-2"),
    ("Asia Pacific (Mumbai)", "ap-south-1"),
    ("Canada (Central)", "ca-central-1"),
    ("South America (Sao Paulo)", "sa-east-1"),
];

/// The catalogue line an AWS product is, if tfward prices it.
fn aws_product(p: &Json) -> Option<(String, String, &'static str)> {
    let family = s(p, "productFamily");
    let a = p.get("attributes")?;
    let attr = |k: &str| s(a, k);
    let ok = |k: &str, want: &str| attr(k).is_empty() || attr(k) == want;
    match (attr("servicecode"), family) {
        ("AmazonEC2", "Compute Instance")
            if attr("operatingSystem") == "Linux"
                && attr("tenancy") == "Shared"
                && ok("preInstalledSw", "NA")
                && ok("capacitystatus", "Used")
                && ok("licenseModel", "No License required") =>
        {
            Some((
                "aws_ec2_instance".into(),
                attr("instanceType").into(),
                "hour",
            ))
        }
        ("AmazonEC2", "Storage") if !attr("volumeApiName").is_empty() => {
            Some(("aws_ebs".into(), attr("volumeApiName").into(), "GB-month"))
        }
        ("AmazonEC2", "NAT Gateway") if attr("usagetype").ends_with("NatGateway-Hours") => {
            Some(("aws_nat_gateway".into(), "hour".into(), "hour"))
        }
        ("AmazonEC2", "NAT Gateway") if attr("usagetype").ends_with("NatGateway-Bytes") => {
            Some(("aws_nat_gateway".into(), "data".into(), "GB"))
        }
        ("AmazonRDS", "Database Instance") if attr("deploymentOption") == "Single-AZ" => {
            let service = match attr("databaseEngine") {
                "MySQL" => "aws_rds_mysql",
                "PostgreSQL" => "aws_rds_postgres",
                _ => return None,
            };
            Some((service.into(), attr("instanceType").into(), "hour"))
        }
        ("AmazonElastiCache", "Cache Instance") if attr("cacheEngine") == "Redis" => Some((
            "aws_elasticache".into(),
            attr("instanceType").into(),
            "hour",
        )),
        _ => None,
    }
}

fn aws(doc: &Json) -> Imported {
    let mut out = Imported {
        format: "aws",
        ..Imported::default()
    };
    let on_demand = &doc["terms"]["OnDemand"];
    let Some(products) = doc["products"].as_object() else {
        return out;
    };
    for (sku, p) in products {
        let Some((service, key, unit)) = aws_product(p).filter(|(_, k, _)| !k.is_empty()) else {
            out.skipped += 1;
            continue;
        };
        let a = &p["attributes"];
        let region = match s(a, "regionCode") {
            "" => AWS_LOCATIONS
                .iter()
                .find(|(l, _)| *l == s(a, "location"))
                .map(|(_, r)| (*r).to_owned()),
            r => Some(r.to_owned()),
        };
        // The first tier's price (beginRange 0) of the SKU's on-demand offer.
        let price = on_demand
            .get(sku)
            .and_then(Json::as_object)
            .into_iter()
            .flat_map(|offers| offers.values())
            .filter_map(|o| o.get("priceDimensions").and_then(Json::as_object))
            .flat_map(|d| d.values())
            .filter(|d| matches!(s(d, "beginRange"), "" | "0"))
            .find_map(|d| d["pricePerUnit"]["USD"].as_str()?.parse::<f64>().ok())
            .filter(|p| *p > 0.0);
        match (region, price) {
            (Some(region), Some(price)) => out.lines.push(Line {
                service,
                key,
                unit: unit.into(),
                region,
                price,
            }),
            _ => out.skipped += 1,
        }
    }
    out
}

fn azure(doc: &Json) -> Imported {
    let mut out = Imported {
        format: "azure",
        ..Imported::default()
    };
    for it in doc["Items"].as_array().into_iter().flatten() {
        let field = |k: &str| s(it, k);
        let hourly = field("unitOfMeasure") == "1 Hour";
        let retail = field("type") == "Consumption"
            && !field("skuName").contains("Spot")
            && !field("skuName").contains("Low Priority");
        let price = it
            .get("retailPrice")
            .and_then(Json::as_f64)
            .filter(|p| *p > 0.0);
        let line = match (field("serviceName"), price) {
            ("Virtual Machines", Some(p))
                if hourly
                    && retail
                    && !field("productName").contains("Windows")
                    && !field("armSkuName").is_empty() =>
            {
                Some(("azure_vm", field("armSkuName").to_owned(), p))
            }
            ("Azure App Service", Some(p)) if hourly && retail && !field("skuName").is_empty() => {
                let service = if field("productName").contains("Linux") {
                    "azure_app_service_linux"
                } else {
                    "azure_app_service_windows"
                };
                Some((service, field("skuName").to_owned(), p))
            }
            _ => None,
        };
        match line {
            Some((service, key, price)) if !field("armRegionName").is_empty() => {
                out.lines.push(Line {
                    service: service.into(),
                    key,
                    unit: "hour".into(),
                    region: field("armRegionName").to_owned(),
                    price,
                })
            }
            _ => out.skipped += 1,
        }
    }
    out
}

/// `N2 Instance Core running in Americas` -> (n2, core).
fn gcp_machine_part(description: &str) -> Option<(String, &'static str)> {
    let (family, rest) = description.split_once(" Instance ")?;
    let part = if rest.starts_with("Core") {
        "core"
    } else if rest.starts_with("Ram") {
        "ram"
    } else {
        return None;
    };
    let family = family.trim();
    (!family.contains(' ') && !description.contains("Preemptible") && !description.contains("Spot"))
        .then(|| (family.to_ascii_lowercase(), part))
}

fn gcp(doc: &Json) -> Imported {
    let mut out = Imported {
        format: "gcp",
        ..Imported::default()
    };
    for sku in doc["skus"].as_array().into_iter().flatten() {
        let description = s(sku, "description");
        let target = if let Some((family, part)) = gcp_machine_part(description) {
            let unit = if part == "core" {
                "vCPU-hour"
            } else {
                "GB-hour"
            };
            Some((format!("gcp_compute_{part}"), family, unit))
        } else {
            let disk = match description {
                d if d.starts_with("Storage PD Capacity") => Some("pd-standard"),
                d if d.starts_with("SSD backed PD Capacity") => Some("pd-ssd"),
                d if d.starts_with("Balanced PD Capacity") => Some("pd-balanced"),
                _ => None,
            };
            disk.map(|k| ("gcp_disk".to_owned(), k.to_owned(), "GB-month"))
        };
        let expr = &sku["pricingInfo"][0]["pricingExpression"];
        let price = expr["tieredRates"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| {
                let units: f64 = match &r["unitPrice"]["units"] {
                    Json::String(u) => u.parse().unwrap_or(0.0),
                    Json::Number(n) => n.as_f64().unwrap_or(0.0),
                    _ => 0.0,
                };
                units + r["unitPrice"]["nanos"].as_f64().unwrap_or(0.0) / 1e9
            })
            .rfind(|p| *p > 0.0);
        let regions: Vec<&str> = sku["serviceRegions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        match (target, price) {
            (Some((service, key, unit)), Some(price)) if !regions.is_empty() => {
                for r in regions {
                    out.lines.push(Line {
                        service: service.clone(),
                        key: key.clone(),
                        unit: unit.into(),
                        region: r.to_owned(),
                        price,
                    });
                }
            }
            _ => out.skipped += 1,
        }
    }
    out
}

/// The catalogue (as JSON) with the imported lines: a line's price
/// replaces the base's figure for that region, other regions and items
/// stay. `date` is the day the bulk files were fetched.
pub fn merge(base: &Json, imports: &[(String, Imported)], date: &str) -> Json {
    let mut doc = base.clone();
    let mut items: Vec<Json> = doc["items"].as_array().cloned().unwrap_or_default();
    let mut index: BTreeMap<(String, String), usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| ((s(it, "service").to_owned(), s(it, "key").to_owned()), i))
        .collect();
    for (file, imp) in imports {
        let source = format!("imported from {file} ({} bulk price file)", imp.format);
        for l in &imp.lines {
            let k = (l.service.clone(), l.key.clone());
            let i = *index.entry(k).or_insert_with(|| {
                items.push(json!({
                    "service": l.service, "key": l.key, "unit": l.unit,
                    "prices": {}, "source": source,
                }));
                items.len() - 1
            });
            items[i]["prices"][&l.region] = json!(l.price);
            if !s(&items[i], "source").starts_with("https://") {
                items[i]["source"] = json!(source);
            }
        }
    }
    doc["items"] = Json::Array(items);
    doc["date"] = json!(date);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An AWS offer file cut to three products, in the documented shape.
    const AWS_OFFER: &str = r#"{
      "formatVersion": "v1.0", "offerCode": "AmazonEC2", "version": "20250110000000",
      "publicationDate": "2025-01-10T00:00:00Z",
      "products": {
        "SKU1": {"sku": "SKU1", "productFamily": "Compute Instance", "attributes": {
          "servicecode": "AmazonEC2", "location": "US East (N. Virginia)", "regionCode": "us-east-1",
          "instanceType": "m5.large", "operatingSystem": "Linux", "tenancy": "Shared",
          "preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required"}},
        "SKU2": {"sku": "SKU2", "productFamily": "Compute Instance", "attributes": {
          "servicecode": "AmazonEC2", "location": "US East (N. Virginia)", "regionCode": "us-east-1",
          "instanceType": "m5.large", "operatingSystem": "Windows", "tenancy": "Shared",
          "preInstalledSw": "NA", "capacitystatus": "Used", "licenseModel": "No License required"}},
        "SKU3": {"sku": "SKU3", "productFamily": "Storage", "attributes": {
          "servicecode": "AmazonEC2", "location": "EU (Ireland)", "volumeApiName": "gp3"}}
      },
      "terms": {"OnDemand": {
        "SKU1": {"SKU1.JRTCKXETXF": {"offerTermCode": "JRTCKXETXF", "sku": "SKU1",
          "priceDimensions": {"SKU1.JRTCKXETXF.6YS6EN2CT7": {"unit": "Hrs", "beginRange": "0", "endRange": "Inf",
            "pricePerUnit": {"USD": "0.0960000000"}}}}},
        "SKU2": {"SKU2.JRTCKXETXF": {"priceDimensions": {"x": {"unit": "Hrs", "pricePerUnit": {"USD": "0.1880000000"}}}}},
        "SKU3": {"SKU3.JRTCKXETXF": {"priceDimensions": {"y": {"unit": "GB-Mo", "beginRange": "0", "pricePerUnit": {"USD": "0.0880000000"}}}}}
      }}
    }"#;

    const AZURE_PAGE: &str = r#"{
      "BillingCurrency": "USD", "CustomerEntityId": "Default", "CustomerEntityType": "Retail",
      "Items": [
        {"currencyCode": "USD", "tierMinimumUnits": 0.0, "retailPrice": 0.096, "unitPrice": 0.096,
         "armRegionName": "westeurope", "location": "EU West", "effectiveStartDate": "2024-01-01T00:00:00Z",
         "meterName": "D2s v5", "productName": "Virtual Machines Dsv5 Series", "skuName": "D2s v5",
         "serviceName": "Virtual Machines", "serviceFamily": "Compute", "unitOfMeasure": "1 Hour",
         "type": "Consumption", "isPrimaryMeterRegion": true, "armSkuName": "Standard_D2s_v5"},
        {"retailPrice": 0.0192, "armRegionName": "westeurope", "productName": "Virtual Machines Dsv5 Series",
         "skuName": "D2s v5 Spot", "serviceName": "Virtual Machines", "unitOfMeasure": "1 Hour",
         "type": "Consumption", "armSkuName": "Standard_D2s_v5"},
        {"retailPrice": 0.018, "armRegionName": "westeurope", "productName": "Azure App Service Basic Plan - Linux",
         "skuName": "B1", "serviceName": "Azure App Service", "unitOfMeasure": "1 Hour", "type": "Consumption",
         "armSkuName": ""}
      ],
      "NextPageLink": null, "Count": 3
    }"#;

    const GCP_SKUS: &str = r#"{"skus": [
      {"name": "services/6F81-5844-456A/skus/1", "skuId": "1", "description": "N2 Instance Core running in Belgium",
       "category": {"serviceDisplayName": "Compute Engine", "resourceFamily": "Compute", "resourceGroup": "N2Standard", "usageType": "OnDemand"},
       "serviceRegions": ["europe-west1"],
       "pricingInfo": [{"effectiveTime": "2025-01-10T00:00:00Z", "pricingExpression": {"usageUnit": "h",
         "tieredRates": [{"startUsageAmount": 0, "unitPrice": {"currencyCode": "USD", "units": "0", "nanos": 34800000}}]}}]},
      {"skuId": "2", "description": "N2 Instance Ram running in Belgium", "serviceRegions": ["europe-west1"],
       "pricingInfo": [{"pricingExpression": {"usageUnit": "GiBy.h",
         "tieredRates": [{"startUsageAmount": 0, "unitPrice": {"units": "0", "nanos": 4664000}}]}}]},
      {"skuId": "3", "description": "Spot Preemptible N2 Instance Core running in Belgium", "serviceRegions": ["europe-west1"],
       "pricingInfo": [{"pricingExpression": {"tieredRates": [{"unitPrice": {"units": "0", "nanos": 8400000}}]}}]}
    ]}"#;

    #[test]
    fn aws_offer_file_gives_linux_instances_and_volumes() {
        let imp = read(AWS_OFFER).expect("reads");
        assert_eq!(imp.format, "aws");
        assert_eq!(imp.skipped, 1, "the Windows SKU");
        assert!(imp.lines.contains(&Line {
            service: "aws_ec2_instance".into(),
            key: "m5.large".into(),
            unit: "hour".into(),
            region: "us-east-1".into(),
            price: 0.096,
        }));
        assert!(imp
            .lines
            .iter()
            .any(|l| l.service == "aws_ebs" && l.region == "eu-west-1" && l.price == 0.088));
    }

    #[test]
    fn azure_page_gives_pay_as_you_go_vms_and_plans() {
        let imp = read(AZURE_PAGE).expect("reads");
        let keys: Vec<(&str, &str, f64)> = imp
            .lines
            .iter()
            .map(|l| (l.service.as_str(), l.key.as_str(), l.price))
            .collect();
        assert_eq!(
            keys,
            [
                ("azure_vm", "Standard_D2s_v5", 0.096),
                ("azure_app_service_linux", "B1", 0.018)
            ]
        );
        assert_eq!(imp.skipped, 1, "the spot meter");
    }

    #[test]
    fn gcp_skus_give_core_and_ram_prices_and_merge_keeps_the_rest() {
        let imp = read(GCP_SKUS).expect("reads");
        assert_eq!(imp.lines.len(), 2);
        assert_eq!(imp.lines[0].service, "gcp_compute_core");
        assert!((imp.lines[0].price - 0.0348).abs() < 1e-12);
        let base = json!({"date": "2025-01-15", "currency": "USD", "default_regions": {}, "items": [
            {"service": "gcp_compute", "key": "n2-standard-2", "unit": "hour", "prices": {"us-central1": 0.097118}, "source": "https://cloud.google.com/compute/vm-instance-pricing"}
        ]});
        let merged = merge(&base, &[("skus.json".into(), imp)], "2025-02-01");
        assert_eq!(merged["date"], "2025-02-01");
        let items = merged["items"].as_array().expect("items");
        assert_eq!(items.len(), 3);
        assert_eq!(items[1]["prices"]["europe-west1"], 0.0348);
        assert!(items[1]["source"]
            .as_str()
            .is_some_and(|s| s.contains("skus.json")));
        assert!(read("{}").is_err());
    }
}
