import type { Centre } from "@naerhed/core/organisation/centre";
import type { SiteOrganisation } from "@naerhed/core/organisation/site-organisation";

/**
 * The demo's organisation and its three centres: data for a local run, loaded into an empty
 * table like the rest of the demo (a deployed stage starts empty and is set up by its first
 * administrator). The offers, council, panel and mentors of the demo live at these centres.
 */

const created_at = "2026-01-05T08:00:00.000Z";

export const demoCentres: Centre[] = [
  {
    id: "nord",
    name: { da: "Borgercenter Nord", en: "Citizen Centre North" },
    address: { address_1: "Stationsvej 12", postal_code: "7080", city: "Børkop" },
    municipality: "Fredericia Kommune",
    region: "Region Syddanmark",
    status: "open",
    created_at,
    version: 1,
  },
  {
    id: "midt",
    name: { da: "Borgercenter Midt", en: "Citizen Centre Central" },
    address: { address_1: "Gothersgade 20", postal_code: "7000", city: "Fredericia" },
    municipality: "Fredericia Kommune",
    region: "Region Syddanmark",
    status: "open",
    created_at,
    version: 1,
  },
  {
    id: "syd",
    name: { da: "Borgercenter Syd", en: "Citizen Centre South" },
    address: { address_1: "Algade 8", postal_code: "5500", city: "Middelfart" },
    municipality: "Middelfart Kommune",
    region: "Region Syddanmark",
    status: "open",
    created_at,
    version: 1,
  },
];

export const demoOrganisation: SiteOrganisation = {
  name: "Lillebælt Borgercentre (demo)",
  short_name: "Lillebælt",
  colour: "#0b4f6c",
  contact: {
    phone: "70 20 30 40",
    email: "kontakt@example.dk",
    address: "Gothersgade 20, 7000 Fredericia",
    opening_hours: "Mandag til fredag kl. 9-15",
  },
  municipalities: ["Fredericia Kommune", "Middelfart Kommune"],
  accessibility: { reviewed_on: "2026-11-20" },
  version: 1,
  updated_at: created_at,
  setup_completed_at: created_at,
};
