import { useMemo, useState } from "react";
import { resolveProfile } from "../layout/obligation";
import type { Profile } from "../layout/types";
import type { ProfileChoices } from "../layout/obligation";
import type { ReportingUnit } from "../spec/schema";
import { useCategoryChoice, type CategoryChoice } from "./useCategoryChoice";

export interface ProfileForm extends CategoryChoice {
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
  /** The checked profile, or undefined while the form is incomplete or contradictory. */
  profile: Profile | undefined;
}

function matches(unit: ReportingUnit, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [unit.name, unit.short, unit.en.toLowerCase(), unit.code].some((text) => text.includes(q));
}

/** The filler's choice of province and profile categories; every rule about them is the core's. */
export function useProfileForm(spec: ProfileChoices): ProfileForm {
  const [query, setQuery] = useState("");
  const [listOpen, setListOpen] = useState(false);
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const choice = useCategoryChoice(spec);

  const unit = spec.units.find((u) => u.id === unitId);
  const matchingUnits = useMemo(() => spec.units.filter((u) => matches(u, query)), [spec, query]);
  // The choice is checked already: resolving can then only fail on the unit, which comes from the list.
  const profile = useMemo(
    () => (unitId && !choice.profileError ? resolveProfile(spec, unitId, choice.categories) : undefined),
    [spec, unitId, choice.categories, choice.profileError],
  );

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
    ...choice,
    profile,
  };
}
