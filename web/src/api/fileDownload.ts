import { requestFile } from "./client";

/**
 * Fetches a file the API builds (a workbook) and hands it to the browser as a download. Fetched rather than
 * linked, so a refusal (too many rows: 422) can be shown on the page in words instead of replacing the page
 * with an error document.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const { blob, filename } = await requestFile(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
