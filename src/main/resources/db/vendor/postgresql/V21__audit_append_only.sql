-- PostgreSQL only: the role the application connects as may add and read audit entries, never change or remove
-- them. An owner may revoke its own ordinary privileges, so this holds even when one role owns the schema and runs
-- the application; with a separate owner role (see docs/operations.md), grant the application role only
-- SELECT, INSERT on audit_log.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;
