import { useMemo, useState } from "react";
import { checkProfileCategories, ProfileError } from "../layout/obligation";
import type { LocalizedText, Spec } from "../spec/schema";

export interface CategoryChoice {
  /** Ticked category ids, in the order they were ticked. */
  categories: string[];
  toggleCategory(id: string, checked: boolean): void;
  /** The core's own message when the ticks contradict the spec (a pilot type without the pilot, …). */
  profileError: LocalizedText | undefined;
}

/** The ticks of a province's profile categories, checked by the core as they change. */
export function useCategoryChoice(spec: Spec, initial: readonly string[] = []): CategoryChoice {
  const [categories, setCategories] = useState<string[]>(() => [...initial]);
  const profileError = useMemo(() => {
    try {
      checkProfileCategories(spec, categories);
      return undefined;
    } catch (error) {
      if (error instanceof ProfileError) return error.detail;
      throw error;
    }
  }, [spec, categories]);
  return {
    categories,
    toggleCategory: (id, checked) =>
      setCategories((current) =>
        checked ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id),
      ),
    profileError,
  };
}
