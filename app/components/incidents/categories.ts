import { createContext, useContext } from "react";
import { categoryLabel, INCIDENT_CATEGORIES, type CategoryOption } from "~/lib/incidents";
import { useLang } from "~/lib/use-t";

/** The configured incident categories (admin setting `incident.categories`); pages provide them. */
export const CategoriesContext = createContext<readonly CategoryOption[]>(INCIDENT_CATEGORIES);

export function useCategoryLabel() {
  const list = useContext(CategoriesContext);
  const lang = useLang();
  return (code: string) => categoryLabel(code, lang, list);
}
