/** Text for HTML content and attribute values: nothing a returned workbook holds can become markup. */
export function esc(text: string | number | undefined | null): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** No request may leave the page: no scripts, nothing fetched; styles and images only inline. */
export const STRICT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
