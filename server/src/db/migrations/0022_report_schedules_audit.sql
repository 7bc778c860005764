-- Schedules and their runs are audited like every other table; a run's file is output, not a change worth
-- copying into the log.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_schedules
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON report_runs
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version', 'file');
