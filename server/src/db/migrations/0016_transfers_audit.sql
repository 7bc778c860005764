-- Transfers are audited like every other table: who changed what, in the hash-chained log.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON transfer_items
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
