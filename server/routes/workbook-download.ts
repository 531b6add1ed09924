import type { FastifyReply } from "fastify";
import { shanghaiDate } from "../domain/calendar/work-calendar.ts";
import { XLSX_MIME } from "../spreadsheets/object-workbook.ts";

/** A Beijing day as YYYYMMDD, for file names (案件列表_20261130.xlsx). */
export const fileDay = (at: Date = new Date()) => shanghaiDate(at).replaceAll("-", "");

/**
 * An XLSX download: the Chinese file name for browsers that read RFC 5987 (all current ones), an ASCII name
 * for the rest, and no copy kept in any cache (exports hold personal data).
 */
export function sendWorkbook(reply: FastifyReply, file: Buffer, name: { zh: string; ascii: string }) {
  return reply
    .type(XLSX_MIME)
    .header(
      "content-disposition",
      `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.zh)}`,
    )
    .header("cache-control", "no-store")
    .send(file);
}
