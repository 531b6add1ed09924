import { Type } from "@sinclair/typebox";

const CivilDate = Type.String({ format: "date", description: "YYYY-MM-DD, Asia/Shanghai" });

export const KpiQuery = Type.Object(
  {
    from: Type.Optional(CivilDate),
    to: Type.Optional(CivilDate),
  },
  { additionalProperties: false },
);
