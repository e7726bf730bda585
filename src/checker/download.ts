const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Hands bytes made in the page to the browser as a download: a blob URL (no request leaves the machine)
 * and a link with the file's name, clicked once, then released.
 */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the blob once the click is handled; released a little later, never leaked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
