import fs from "node:fs";
import { Type } from "@sinclair/typebox";
import { sql } from "drizzle-orm";
import { rows } from "../../db/client.ts";
import { type EvidenceType, EXTENSION_OF } from "../../domain/evidence/file-type.ts";
import { notFound } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { caseVisibleTo, maySeeOriginalEvidence } from "../../policies/case-access.ts";
import { evidenceFile } from "../../storage/evidence-store.ts";
import { IdParams } from "../shared-schemas.ts";
import type { App, RouteDeps } from "../types.ts";

export function evidenceRoutes(app: App, { database, config }: RouteDeps): void {
  app.get(
    "/api/evidence/:id",
    {
      config: { permission: "case.read" },
      schema: {
        tags: ["cases"],
        summary: "证据文件（经案件权限校验；未授权查看原件者获得去除 EXIF/GPS 的副本）",
        params: IdParams,
        querystring: Type.Object(
          { variant: Type.Optional(Type.Union([Type.Literal("original"), Type.Literal("public")])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      const [e] = await rows<{
        id: number;
        mime: EvidenceType;
        sha256: string;
        storagePath: string;
        publicPath: string | null;
        uploadedBy: number | null;
        gridPath: string;
      }>(
        database.db,
        sql`select v.id, v.mime, v.sha256, v.storage_path as "storagePath", v.public_path as "publicPath",
                   v.uploaded_by as "uploadedBy", c.grid_path as "gridPath"
              from case_evidence v join cases c on c.id = v.case_id
             where v.id = ${request.params.id} and ${caseVisibleTo(actor)}`,
      );
      if (!e) throw notFound();
      const original = maySeeOriginalEvidence(actor, e, e) || e.publicPath === null;
      const usePublic = e.publicPath !== null && (request.query.variant === "public" || !original);
      const file = evidenceFile(config.uploadDir, usePublic ? (e.publicPath as string) : e.storagePath);
      if (!fs.existsSync(file)) throw notFound();
      return (
        reply
          .header("Content-Type", e.mime)
          .header("Content-Disposition", `inline; filename="evidence-${e.id}.${EXTENSION_OF[e.mime]}"`)
          .header("Cache-Control", "private, max-age=3600")
          .header("ETag", `"${e.sha256}${usePublic ? "-p" : ""}"`)
          .header("X-Evidence-Variant", usePublic ? "public" : "original")
          // a PDF opened in the browser runs in a sandbox: no script, no same-origin access
          .header(
            "Content-Security-Policy",
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
          )
          .send(fs.createReadStream(file))
      );
    },
  );
}
