-- Maintenance work records are audited like every other table (maintenance_schedules already is, since 0008).
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON maintenance_records
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
