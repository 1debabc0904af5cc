// The cost categories and their labels, apart from the zod schema so client forms can use them
// without loading zod (the use-case page's first-load JS budget).
export const COST_CATEGORIES = ["PEOPLE", "CLOUD", "LICENCES", "OTHER"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  PEOPLE: "People",
  CLOUD: "Cloud",
  LICENCES: "Licences",
  OTHER: "Other",
};
