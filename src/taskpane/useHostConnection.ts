import { useEffect, useState } from "react";
import { connectToExcel, type HostConnection, type WorkbookFactory } from "./host";

/** undefined while office.js is still getting ready. */
export function useHostConnection(createWorkbook: WorkbookFactory): HostConnection | undefined {
  const [connection, setConnection] = useState<HostConnection | undefined>(undefined);
  useEffect(() => {
    let live = true;
    connectToExcel(createWorkbook).then(
      (c) => live && setConnection(c),
      () => live && setConnection({ kind: "outside", reason: "no-office" }),
    );
    return () => {
      live = false;
    };
  }, [createWorkbook]);
  return connection;
}
