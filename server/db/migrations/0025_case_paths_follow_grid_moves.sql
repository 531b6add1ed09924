-- Cases keep a copy of their grid's materialized path (the key of case scope checks and township figures).
-- Until this release, moving a grid (POST /api/grids/:id/move) rewrote the grids' paths but not the cases'
-- copies, so the old township kept reading a moved village's cases and the new one did not. The move now
-- rewrites them in its transaction; this repairs cases left behind by earlier moves. The KPI triggers on
-- `cases` move their case facts to the new township as for any update.
UPDATE cases c
   SET grid_path = g.path
  FROM grids g
 WHERE g.id = c.grid_id
   AND c.grid_path <> g.path;

-- The deadline sweep brings cases filed during a move under their grid's new path (grid-mover.ts,
-- reattachCasesLeftBehind): it looks up the grid states replaced in the last day.
CREATE INDEX grid_versions_valid_to ON grid_versions (valid_to);
