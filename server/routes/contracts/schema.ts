import { type Static, type TSchema, Type } from "@sinclair/typebox";
import type { GenerationResult } from "../../../api-types/contracts.ts";
import type { Equal, Expect } from "../../domain/type-equality.ts";
import { errorResponses, IdParams, Pagination } from "../shared-schemas.ts";

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Status = Type.Union([Type.Literal("draft"), Type.Literal("signed"), Type.Literal("superseded")]);
const Timestamp = Type.String({ description: "UTC, ISO 8601" });

export const ContractSummary = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  revision: Type.Integer(),
  status: Status,
  title: Type.String(),
  upperGridId: Type.Integer(),
  upperGridName: Type.String(),
  upperGridLevel: Type.Integer(),
  lowerGridId: Type.Integer(),
  lowerGridName: Type.String(),
  lowerGridCode: Type.String(),
  lowerGridLevel: Type.Integer(),
  partyA: Type.String(),
  partyB: Type.String(),
  signerUserId: Nullable(Type.Integer()),
  signerName: Nullable(Type.String()),
  signedByName: Nullable(Type.String()),
  signedAt: Nullable(Timestamp),
  bodySha256: Nullable(Type.String()),
  supersedesId: Nullable(Type.Integer()),
  version: Type.Integer(),
  updatedAt: Timestamp,
});

const ContractPage = Type.Object({ items: Type.Array(ContractSummary), total: Type.Integer() });

export const listContractsSchema = {
  tags: ["contracts"],
  summary: "责任状列表（按权限范围；默认不含已被取代的版本）",
  querystring: Type.Object(
    {
      ...Pagination,
      year: Type.Optional(Year),
      status: Type.Optional(
        Type.Union([
          Type.Literal("draft"),
          Type.Literal("signed"),
          Type.Literal("superseded"),
          Type.Literal("unsigned"),
        ]),
      ),
      level: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
      upperGridId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
      mine: Type.Optional(Type.Boolean()),
      q: Type.Optional(Type.String({ maxLength: 64 })),
    },
    { additionalProperties: false },
  ),
  response: { 200: ContractPage, ...errorResponses },
};

export const awaitingContractsSchema = {
  tags: ["contracts"],
  summary: "下一级尚未签署的责任状（区网格办：乡镇；乡镇：所辖村（社区））",
  querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
  response: { 200: ContractPage, ...errorResponses },
};

export const getContractSchema = {
  tags: ["contracts"],
  summary: "责任状全文、签署记录、SHA-256 摘要及各版本",
  params: IdParams,
  response: {
    200: Type.Composite([
      ContractSummary,
      Type.Object({
        body: Type.String(),
        signedBy: Nullable(Type.Integer()),
        hashVerified: Nullable(Type.Boolean()),
        createdAt: Timestamp,
        supersededAt: Nullable(Timestamp),
        revisions: Type.Array(
          Type.Object({
            id: Type.Integer(),
            revision: Type.Integer(),
            status: Status,
            signedAt: Nullable(Timestamp),
            bodySha256: Nullable(Type.String()),
          }),
        ),
        policies: Type.Object({ sign: Type.Boolean() }),
      }),
    ]),
    ...errorResponses,
  },
};

export const generateContractsSchema = {
  tags: ["contracts"],
  summary: "生成年度责任状（幂等：未变化则不重复生成；已签署的文本不改动，变化时生成新版本）",
  body: Type.Object(
    { year: Year, upperGridId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      year: Type.Integer(),
      created: Type.Array(Type.Integer()),
      redrafted: Type.Array(Type.Integer()),
      revised: Type.Array(Type.Integer()),
      withdrawn: Type.Array(Type.Integer()),
      unchanged: Type.Integer(),
    }),
    ...errorResponses,
  },
};

export const signContractSchema = {
  tags: ["contracts"],
  summary: "签署责任状（乙方网格长本人；签署后文本固定并记录 SHA-256）",
  params: IdParams,
  body: Type.Object(
    {
      version: Type.Integer({ minimum: 1, maximum: 2147483647 }),
      /** The signer read the text and confirmed; the UI asks in a dialog. */
      confirm: Type.Literal(true),
    },
    { additionalProperties: false },
  ),
  response: {
    200: Type.Object({
      id: Type.Integer(),
      bodySha256: Type.String(),
      signedAt: Timestamp,
      version: Type.Integer(),
    }),
    ...errorResponses,
  },
};

/** The generation answer's schema is the type api-types/contracts.ts gives the web: one changed side fails here. */
export type ContractSchemasAgree = [
  Expect<Equal<Static<(typeof generateContractsSchema.response)[200]>, GenerationResult>>,
];
