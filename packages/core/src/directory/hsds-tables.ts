/**
 * The HSDS 3.0 table schemas (./hsds-3.0/, CC BY-SA 4.0, see SOURCE.md there), by table name.
 * Only the OpenAPI document reads them (packages/functions/src/openapi.ts).
 */
import accessibility from "./hsds-3.0/accessibility.json";
import address from "./hsds-3.0/address.json";
import attribute from "./hsds-3.0/attribute.json";
import contact from "./hsds-3.0/contact.json";
import cost_option from "./hsds-3.0/cost_option.json";
import funding from "./hsds-3.0/funding.json";
import language from "./hsds-3.0/language.json";
import location from "./hsds-3.0/location.json";
import meta_table_description from "./hsds-3.0/meta_table_description.json";
import metadata from "./hsds-3.0/metadata.json";
import organization from "./hsds-3.0/organization.json";
import organization_identifier from "./hsds-3.0/organization_identifier.json";
import phone from "./hsds-3.0/phone.json";
import program from "./hsds-3.0/program.json";
import required_document from "./hsds-3.0/required_document.json";
import schedule from "./hsds-3.0/schedule.json";
import service from "./hsds-3.0/service.json";
import service_area from "./hsds-3.0/service_area.json";
import service_at_location from "./hsds-3.0/service_at_location.json";
import taxonomy from "./hsds-3.0/taxonomy.json";
import taxonomy_term from "./hsds-3.0/taxonomy_term.json";

export const hsdsTableSchemas: Record<string, Record<string, unknown>> = {
  accessibility,
  address,
  attribute,
  contact,
  cost_option,
  funding,
  language,
  location,
  meta_table_description,
  metadata,
  organization,
  organization_identifier,
  phone,
  program,
  required_document,
  schedule,
  service,
  service_area,
  service_at_location,
  taxonomy,
  taxonomy_term,
};
