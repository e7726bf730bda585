import { useEffect, useState } from "react";
import type { PaneStart } from "./host";

/**
 * Where the pane runs, once Office has answered (startPane); undefined while office.js is still getting
 * ready. `known` is the answer when it came before the first render.
 */
export function useHostConnection(starting: Promise<PaneStart>, known?: PaneStart): PaneStart | undefined {
  const [start, setStart] = useState<PaneStart | undefined>(known);
  useEffect(() => {
    if (known) return;
    let live = true;
    void starting.then((s) => live && setStart(s));
    return () => {
      live = false;
    };
  }, [starting, known]);
  return start;
}
