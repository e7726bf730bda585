import { useMemo, useState } from "react";
import { checkProfileCategories, ProfileError, resolveProfile } from "../layout/obligation";
import type { Profile } from "../layout/types";
import type { LocalizedText, ReportingUnit, Spec } from "../spec/schema";

export interface ProfileForm {
  /** What is typed in the province box; it filters the list and opens it. */
  query: string;
  setQuery(query: string): void;
  /** Controlled, because a Chinese IME types without the key presses that open Fluent's list by itself. */
  listOpen: boolean;
  setListOpen(open: boolean): void;
  unit: ReportingUnit | undefined;
  chooseUnit(unitId: string | undefined): void;
  /** Units matching the query by Chinese name, short name, English name or GB code. */
  matchingUnits: ReportingUnit[];
  categories: string[];
  toggleCategory(id: string, checked: boolean): void;
  /** The core's own message when the ticks contradict the spec (a pilot type without the pilot, …). */
  profileError: LocalizedText | undefined;
  /** The checked profile, or undefined while the form is incomplete or contradictory. */
  profile: Profile | undefined;
}

function matches(unit: ReportingUnit, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [unit.name, unit.short, unit.en.toLowerCase(), unit.code].some((text) => text.includes(q));
}

/** The filler's choice of province and profile categories; every rule about them is the core's. */
export function useProfileForm(spec: Spec): ProfileForm {
  const [query, setQuery] = useState("");
  const [listOpen, setListOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [categories, setCategories] = useState<string[]>([]);

  const unit = spec.units.find((u) => u.id === unitId);
  const matchingUnits = useMemo(() => spec.units.filter((u) => matches(u, query)), [spec, query]);

  const { profileError, profile } = useMemo(() => {
    try {
      checkProfileCategories(spec, categories);
      return {
        profileError: undefined,
        profile: unitId ? resolveProfile(spec, unitId, categories) : undefined,
      };
    } catch (error) {
      if (error instanceof ProfileError) return { profileError: error.detail, profile: undefined };
      throw error;
    }
  }, [spec, unitId, categories]);

  return {
    query,
    setQuery: (text) => {
      setQuery(text);
      setUnitId(undefined);
      setListOpen(true);
    },
    listOpen,
    setListOpen,
    unit,
    chooseUnit: (id) => {
      setUnitId(id);
      const chosen = spec.units.find((u) => u.id === id);
      if (chosen) setQuery(chosen.name);
      setListOpen(false);
    },
    matchingUnits,
    categories,
    toggleCategory: (id, checked) =>
      setCategories((current) =>
        checked ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id),
      ),
    profileError,
    profile,
  };
}
