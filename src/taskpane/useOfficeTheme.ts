import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { OfficeLook } from "./host";

/** Relative luminance of #RRGGBB (WCAG), or undefined for anything else. */
function luminance(color: string | undefined): number | undefined {
  const m = color ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim()) : null;
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.04045) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether Office's theme is a dark one (its body background is dark), when Office says. */
export function isDarkOfficeTheme(theme: OfficeLook["theme"]): boolean | undefined {
  const l = luminance(theme?.bodyBackgroundColor);
  return l === undefined ? undefined : l < 0.4;
}

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Fluent's light or dark theme, after Office's theme, else the system's preference. */
export function useOfficeTheme(look: OfficeLook | undefined): Theme {
  const [systemDark, setSystemDark] = useState(prefersDark);
  useEffect(() => {
    if (typeof matchMedia !== "function") return;
    const query = matchMedia("(prefers-color-scheme: dark)");
    const update = () => setSystemDark(query.matches);
    query.addEventListener?.("change", update);
    return () => query.removeEventListener?.("change", update);
  }, []);
  const dark = isDarkOfficeTheme(look?.theme) ?? systemDark;
  return dark ? webDarkTheme : webLightTheme;
}
