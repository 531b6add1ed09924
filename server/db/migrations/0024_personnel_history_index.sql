-- An account's grid member or head role on a grid yields to 定人员 once the person has been on that grid's
-- personnel list (server/queries/assignment-in-force-sql.ts, accountRoleInForce): every request's session
-- lookup and every case's stakeholder lookup ask for a person's assignments on a grid, removed ones included,
-- which the partial indexes of migration 0003 (live rows only) cannot answer.
CREATE INDEX grid_personnel_user_grid ON grid_personnel (user_id, grid_id);
