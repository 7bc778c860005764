-- The audit chain: genesis head, the entry hash, the append trigger, and row-change triggers on audited tables.
INSERT INTO "audit_chain" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
-- One definition of an entry's hash, used by the append trigger and by `eis audit verify`. jsonb's text form is
-- canonical (keys sorted, fixed spacing), so the same content always hashes the same.
CREATE FUNCTION audit_entry_hash(prev_hash text, e audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || jsonb_build_array(
    e.seq, (extract(epoch FROM e.occurred_at) * 1000000)::bigint, e.actor_user_id, e.actor_label, e.ip,
    e.user_agent, e.request_id, e.action, e.entity_type, e.entity_id, e.before, e.after)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Appends take the head row's lock, so concurrent writers chain one after another in commit order and `seq`
-- has no gaps (a rolled-back append gives its number back).
CREATE FUNCTION audit_log_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain;
BEGIN
  SELECT * INTO head FROM audit_chain WHERE id = 1 FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := audit_entry_hash(head.hash, NEW);
  UPDATE audit_chain SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append();
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- A row change, with only the columns that changed on update. TG_ARGV[0] names the key column; the rest are
-- columns never copied into the log (secrets, and bookkeeping that changes on every write). The acting user, IP,
-- user agent and request id come from `eis.actor`, set by the app at the start of each transaction.
CREATE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  actor jsonb := nullif(current_setting('eis.actor', true), '')::jsonb;
  omitted text[] := TG_ARGV[1:];
  old_row jsonb;
  new_row jsonb;
  before jsonb;
  after jsonb;
BEGIN
  IF current_setting('eis.audit', true) = 'off' THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - omitted; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - omitted; END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(o.key, o.value) INTO before
      FROM jsonb_each(old_row) o WHERE o.value IS DISTINCT FROM new_row -> o.key;
    IF before IS NULL THEN RETURN NULL; END IF;
    SELECT jsonb_object_agg(n.key, n.value) INTO after
      FROM jsonb_each(new_row) n WHERE n.value IS DISTINCT FROM old_row -> n.key;
  ELSE
    before := old_row;
    after := new_row;
  END IF;
  INSERT INTO audit_log (actor_user_id, actor_label, ip, user_agent, request_id, action, entity_type, entity_id,
    before, after)
  VALUES ((actor ->> 'user_id')::bigint, coalesce(actor ->> 'label', 'system'), actor ->> 'ip',
    actor ->> 'user_agent', actor ->> 'request_id',
    CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END, TG_TABLE_NAME,
    coalesce(new_row, old_row) ->> TG_ARGV[0], before, after);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON locations
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON categories
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON custom_field_definitions
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON suppliers
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inventory_items
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version', 'search_vector');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON tags
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON maintenance_schedules
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version');
--> statement-breakpoint
-- Sign-in bookkeeping is left out here: sign-ins, failures and lock-outs are security events of their own.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'updated_at', 'version', 'password_hash', 'mfa_secret',
    'mfa_last_step', 'mfa_recovery_codes', 'failed_sign_ins', 'locked_until', 'last_sign_in_at');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('id', 'key_hash');
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON role_settings
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('role', 'updated_at');
