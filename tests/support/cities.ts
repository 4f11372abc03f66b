/** Reference cities for fixtures and claims, built from the essay's examples. */
import type { City } from "../../src/index";

/** A complete profile; `overrides` replace whole field groups or identity fields. */
export function profile(id: string, overrides: Partial<City> = {}): City {
  return {
    id,
    name: id,
    country: "GB",
    outlook: { internationalRole: "pragmatic", priorities: ["economic-development"] },
    resources: {
      nationalTier: "secondary",
      incomeTier: "high",
      metroGdpUsd: 1e11,
      budgetUsd: 1e9,
      internationalOffice: true,
    },
    governance: { autonomy: "intermediate", regime: "liberal-democracy" },
    ...overrides,
  };
}

/** `base` with some resources fields replaced. */
export function withResources(
  base: City,
  resources: Partial<NonNullable<City["resources"]>>,
): City {
  return { ...base, resources: { ...base.resources, ...resources } };
}

/** `base` with some governance fields replaced. */
export function withGovernance(
  base: City,
  governance: Partial<NonNullable<City["governance"]>>,
): City {
  return { ...base, governance: { ...base.governance, ...governance } };
}

/** `base` with some outlook fields replaced. */
export function withOutlook(base: City, outlook: Partial<NonNullable<City["outlook"]>>): City {
  return { ...base, outlook: { ...base.outlook, ...outlook } };
}
