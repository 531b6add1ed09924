import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DepartmentName } from "../../../api-types/departments.ts";
import { openNewCase } from "../../commands/case-opener.ts";
import { overrideRouting } from "../../commands/case-router.ts";
import { transitionCase } from "../../commands/case-transitioner.ts";
import {
  evidenceTooLarge,
  prepareEvidence,
  recordEvidence,
  unsupportedEvidence,
} from "../../commands/evidence-uploader.ts";
import { checkIdempotencyKey, evidenceScope, INTAKE_SCOPE } from "../../commands/idempotency.ts";
import { revealReporter } from "../../commands/reporter-revealer.ts";
import { rows } from "../../db/client.ts";
import { CASE_ACTION_NAMES } from "../../domain/cases/case-actions.ts";
import { CASE_ACTION_LABELS, HANDLING_RESULT_LABELS } from "../../domain/cases/case-labels.ts";
import {
  CASE_SOURCE_NAMES,
  CASE_SOURCES,
  mayFile,
  PETITION_CHANNEL_NAMES,
  PETITION_CHANNELS,
} from "../../domain/cases/case-sources.ts";
import { CASE_STAGES, HANDLING_RESULTS, STAGE_NAMES } from "../../domain/cases/case-state.ts";
import { DEFAULT_EXTENSION_POLICY } from "../../domain/cases/deadline-rules.ts";
import { MATTER_CATEGORIES } from "../../domain/cases/matter-categories.ts";
import { PRIORITIES, SUPERVISION_LEVELS } from "../../domain/cases/priorities.ts";
import type { Role } from "../../domain/roles.ts";
import { badRequest } from "../../errors.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { gridWithinScope } from "../../policies/grid-scope-sql.ts";
import {
  casesForExport,
  getCaseDetail,
  listCases,
  loadVisibleCase,
  possibleDuplicates,
} from "../../queries/cases.ts";
import { buildCaseList, describeCaseFilter } from "../../spreadsheets/case-list.ts";
import { answerOnce, earlierAnswer, runOnce, sendAnswer } from "../answer-once.ts";
import { readSingleUpload } from "../single-upload.ts";
import type { App, RouteDeps } from "../types.ts";
import { fileDay, sendWorkbook } from "../workbook-download.ts";
import {
  caseMetaSchema,
  createCaseSchema,
  duplicatesSchema,
  exportCasesSchema,
  getCaseSchema,
  listCasesSchema,
  revealSchema,
  routingSchema,
  transitionSchema,
  uploadEvidenceSchema,
} from "./schema.ts";

export function caseRoutes(app: App, { database, config, now }: RouteDeps): void {
  const db = database.db;

  // a dictionary (categories, sources, stage names) open to any account; `allowed` is the caller's own
  app.get("/api/case-meta", { schema: caseMetaSchema }, async (request) => {
    const actor = actorOf(request);
    const roles = actor.roles.map((r) => r.role as Role);
    const departments = await rows<DepartmentName>(
      db,
      sql`select id, code, name, name_ug as "nameUg", name_en as "nameEn"
            from departments where kind = 'department' order by sort_order, id`,
    );
    return {
      categories: MATTER_CATEGORIES.map((c) => ({
        code: c.code,
        name: c.name,
        defaultPriority: c.defaultPriority,
        townshipLeads: "townshipLeads" in c && c.townshipLeads === true,
        departmentIds: c.departments
          .map((code) => departments.find((d) => d.code === code)?.id)
          .filter((id): id is number => id !== undefined),
      })),
      sources: CASE_SOURCES.map((code) => ({
        code,
        name: CASE_SOURCE_NAMES[code],
        allowed: mayFile(code, roles),
      })),
      petitionChannels: PETITION_CHANNELS.map((code) => ({ code, name: PETITION_CHANNEL_NAMES[code] })),
      priorities: PRIORITIES.map((code) => ({ code, supervision: SUPERVISION_LEVELS[code] })),
      handlingResults: HANDLING_RESULTS.map((code) => ({ code, name: HANDLING_RESULT_LABELS[code] })),
      stages: CASE_STAGES.map((code) => ({ code, name: STAGE_NAMES[code] })),
      actions: CASE_ACTION_NAMES.map((code) => ({ code, name: CASE_ACTION_LABELS[code] })),
      departments,
      extension: DEFAULT_EXTENSION_POLICY,
      duplicateRadiusMeters: config.duplicateRadiusMeters,
      duplicateDays: config.duplicateDays,
      maxUploadBytes: config.maxUploadBytes,
      exportMaxRows: config.caseExportMaxRows,
    };
  });

  app.post(
    "/api/cases",
    { config: { permission: "case.report" }, schema: createCaseSchema },
    async (request, reply) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.report");
      const key = checkIdempotencyKey(request.headers["idempotency-key"], true) as string;
      const result = await openNewCase({ db, actor, ip: request.ip }, config, request.body, now(), {
        userId: actor.userId,
        scope: INTAKE_SCOPE,
        key,
        body: request.body,
      });
      return sendAnswer(reply, result);
    },
  );

  app.get("/api/cases", { config: { permission: "case.read" }, schema: listCasesSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "case.read");
    return listCases(db, actor, request.query, now());
  });

  // The list as a spreadsheet: the list's own query (scope and filters), so it holds exactly what the list
  // shows. A GET, so like the other exports it is in the request log, not the audit log (decision 0004).
  app.get(
    "/api/cases/export.xlsx",
    { config: { permission: "case.read" }, schema: exportCasesSchema },
    async (request, reply) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      const at = now();
      const f = request.query;
      const items = await casesForExport(db, actor, f, at, config.caseExportMaxRows);
      // a grid out of the caller's reach is not named (it filters nothing in then, the scope holds)
      const [grid] = f.gridId
        ? await rows<{ name: string }>(
            db,
            sql`select g.name from grids g where g.id = ${f.gridId} and ${gridWithinScope(sql`g.path`, actor.scope)}`,
          )
        : [];
      const [department] = f.departmentId
        ? await rows<{ name: string }>(db, sql`select name from departments where id = ${f.departmentId}`)
        : [];
      const file = await buildCaseList(items, {
        generatedAt: at,
        filters: describeCaseFilter(f, { grid: grid?.name, department: department?.name }),
      });
      const day = fileDay(at);
      return sendWorkbook(reply, file, { zh: `案件列表_${day}.xlsx`, ascii: `cases-${day}.xlsx` });
    },
  );

  app.get(
    "/api/cases/:id",
    { config: { permission: "case.read" }, schema: getCaseSchema },
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      return getCaseDetail(db, actor, request.params.id, now(), config);
    },
  );

  app.get(
    "/api/cases/:id/duplicates",
    { config: { permission: "case.read" }, schema: duplicatesSchema },
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      const c = await loadVisibleCase(db, actor, request.params.id);
      const items = await possibleDuplicates(
        db,
        actor,
        { caseId: c.id, category: c.category, lng: c.lng, lat: c.lat, at: new Date(c.reportedAt) },
        config,
      );
      return { items };
    },
  );

  app.post(
    "/api/cases/:id/transitions",
    { config: { permission: "case.read" }, schema: transitionSchema },
    async (request, reply) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      const id = request.params.id;
      const at = now();
      // Only the fact of the transition is kept for a replay; the answer is the case as it is now, read
      // afresh (the detail holds the reporter's masked identity, which idempotency records must not).
      const result = await runOnce(request, { db, config }, {}, async (tx) => {
        await transitionCase({ db: tx, actor, ip: request.ip }, id, request.body, at);
        return { status: 200, body: { id } };
      });
      return sendAnswer(reply, { ...result, body: await getCaseDetail(db, actor, id, at, config) });
    },
  );

  app.post(
    "/api/cases/:id/routing",
    { config: { permission: "case.read" }, schema: routingSchema },
    async (request) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      const at = now();
      await overrideRouting({ db, actor, ip: request.ip }, request.params.id, request.body, at);
      return getCaseDetail(db, actor, request.params.id, at, config);
    },
  );

  app.post(
    "/api/cases/:id/reporter/reveal",
    // never compressed: a protected identity beside text a caller chose leaks through sizes (BREACH; decision 0008)
    { config: { permission: "case.read" }, schema: revealSchema, compress: false },
    async (request, reply) => {
      const actor = actorOf(request);
      assertAllowed(actor, "case.read");
      const clear = await revealReporter(
        { db, actor, ip: request.ip },
        config,
        request.params.id,
        request.body.reason,
      );
      // the answer must not be kept by any cache on the way
      reply.header("Cache-Control", "no-store");
      return clear;
    },
  );

  app.post(
    "/api/cases/:id/evidence",
    { config: { permission: "case.report" }, schema: uploadEvidenceSchema },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw unsupportedEvidence();
      // evidence has its own limit (ENVGRID_MAX_UPLOAD_MB), refused with 413 while streaming
      const file = await readSingleUpload(request, {
        fileField: "file",
        maxBytes: config.maxUploadBytes,
        tooLarge: () => evidenceTooLarge(config.maxUploadBytes),
        missing: () =>
          badRequest("file_required", "请选择要上传的文件（字段名 file）", "A file field is required"),
      });
      const bytes = file.bytes;
      const note = file.fields.note;
      const at = now();
      const caseId = request.params.id;
      const submission = {
        scope: evidenceScope(caseId),
        body: { sha256: createHash("sha256").update(bytes).digest("hex"), note },
      };
      // a resend is answered as it was, before the image work (and even if the case has closed since)
      const earlier = await earlierAnswer(request, { db, config }, submission);
      if (earlier) return sendAnswer(reply, earlier);
      const evidence = await prepareEvidence({ db, actor, ip: request.ip }, config, caseId, { bytes, note });
      return answerOnce(request, reply, { db, config }, submission, async (tx) => ({
        status: 201,
        body: await recordEvidence({ db: tx, actor, ip: request.ip }, evidence, at),
      }));
    },
  );
}
