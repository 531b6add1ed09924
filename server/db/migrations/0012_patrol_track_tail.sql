-- Where a patrol's track ends, kept on the patrol row, so a batch that continues the track (the usual case)
-- gets its speed flags and legs measured from the row it already locks, without reading the track table
-- (a read without a constant time bound plans every monthly partition). track_length_m is the exact sum of
-- the legs (distance_m is it rounded); NULL means "not known yet": the next batch or the finish measures the
-- whole track again and fills these in, so existing and seeded patrols need no backfill.
ALTER TABLE patrols
  ADD COLUMN track_length_m double precision,
  ADD COLUMN track_last_t timestamptz,
  ADD COLUMN track_last_lon double precision,
  ADD COLUMN track_last_lat double precision,
  ADD COLUMN track_leg_lon double precision,
  ADD COLUMN track_leg_lat double precision;
