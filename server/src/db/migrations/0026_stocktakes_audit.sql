-- Physical audits are audited like every other table: who started, scanned and closed what.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON stocktakes
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON stocktake_lines
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
-- An item's last_audited_at follows from its scans, which stocktake_lines logs already: a scan alone adds no
-- entry for the item.
DROP TRIGGER audit ON inventory_items;
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inventory_items
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version', 'search_vector', 'last_audited_at');
