import { generateContracts } from "../../commands/contract-generator.ts";
import { signContract } from "../../commands/contract-signer.ts";
import { actorOf } from "../../plugins/auth.ts";
import { assertAllowed } from "../../policies/allow.ts";
import { contractsAwaitingBelow, getContract, listContracts } from "../../queries/contracts.ts";
import type { App, RouteDeps } from "../types.ts";
import {
  awaitingContractsSchema,
  generateContractsSchema,
  getContractSchema,
  listContractsSchema,
  signContractSchema,
} from "./schema.ts";

const thisYear = () =>
  Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format());

/** Responsibility contracts (责任状, plan §三(二)2) between each grid and the one above it. */
export function contractRoutes(app: App, { database }: RouteDeps): void {
  const db = database.db;
  // Checked by the auth plugin before the input is validated; the queries and commands check reach.
  const read = { permission: "contract.read" } as const;

  app.get("/api/contracts", { config: read, schema: listContractsSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "contract.read");
    return listContracts(db, actor, { ...request.query, q: request.query.q?.trim() });
  });

  app.get("/api/contracts/awaiting", { config: read, schema: awaitingContractsSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "contract.read");
    return contractsAwaitingBelow(db, actor, request.query.year ?? thisYear());
  });

  app.get("/api/contracts/:id", { config: read, schema: getContractSchema }, async (request) => {
    const actor = actorOf(request);
    assertAllowed(actor, "contract.read");
    return getContract(db, actor, request.params.id);
  });

  app.post(
    "/api/contracts/generate",
    { config: { permission: "contract.generate" }, schema: generateContractsSchema },
    async (request) => generateContracts({ db, actor: actorOf(request), ip: request.ip }, request.body),
  );

  app.post(
    "/api/contracts/:id/sign",
    { config: { permission: "contract.sign" }, schema: signContractSchema },
    async (request) =>
      signContract({ db, actor: actorOf(request), ip: request.ip }, request.params.id, request.body),
  );
}
