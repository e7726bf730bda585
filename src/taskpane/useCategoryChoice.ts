import { useMemo, useState } from "react";
import { checkProfileCategories, ProfileError } from "../layout/obligation";
import type { ProfileChoices } from "../layout/obligation";
import type { LocalizedText } from "../spec/schema";

export interface CategoryChoice {
  /** Ticked category ids, in the order they were ticked. */
  categories: string[];
  toggleCategory(id: string, checked: boolean): void;
  /** One of a group of exclusive categories (a pilot type), or none of them. */
  chooseInGroup(group: string, id: string | undefined): void;
  /** The core's own message when the ticks contradict the spec (a pilot type without the pilot, …). */
  profileError: LocalizedText | undefined;
}

/** The ticks of a province's profile categories, checked by the core as they change. */
export function useCategoryChoice(spec: ProfileChoices, initial: readonly string[] = []): CategoryChoice {
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
  // A category others need (the pilot) takes them with it when unticked: a pilot type alone means nothing.
  const dependents = (id: string) => spec.categories.filter((c) => c.requires === id).map((c) => c.id);
  return {
    categories,
    toggleCategory: (id, checked) =>
      setCategories((current) =>
        checked
          ? [...current.filter((c) => c !== id), id]
          : current.filter((c) => c !== id && !dependents(id).includes(c)),
      ),
    chooseInGroup: (group, id) =>
      setCategories((current) => {
        const others = current.filter(
          (c) => spec.categories.find((x) => x.id === c)?.exclusiveGroup !== group,
        );
        return id ? [...others, id] : others;
      }),
    profileError,
  };
}
