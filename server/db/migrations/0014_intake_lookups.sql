-- Intake finds who must be told by the grid ids on the case's path and by department: without these the
-- lookup read every role assignment of the district (a province has tens of thousands).
CREATE INDEX user_roles_grid ON user_roles (grid_id);
CREATE INDEX user_roles_department ON user_roles (department_id);
CREATE INDEX user_roles_role ON user_roles (role);

-- A token that changes with every write to the calendar tables: the cached calendar is checked against it
-- instead of hashing both tables on every intake. A random token (not a counter) so that two databases
-- served by one process never share a value for different calendars.
CREATE TABLE work_calendar_revision (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  token     text NOT NULL
);
INSERT INTO work_calendar_revision (token) VALUES (gen_random_uuid()::text);

CREATE FUNCTION work_calendar_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE work_calendar_revision SET token = gen_random_uuid()::text;
  RETURN NULL;
END $$;
CREATE TRIGGER work_calendar_days_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON work_calendar_days
  FOR EACH STATEMENT EXECUTE FUNCTION work_calendar_touch();
CREATE TRIGGER work_calendar_years_touch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON work_calendar_years
  FOR EACH STATEMENT EXECUTE FUNCTION work_calendar_touch();
