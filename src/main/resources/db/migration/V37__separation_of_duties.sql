-- Separation of duties (三员分立) and the change of a generated or administrator-set password at first login.
-- The three administrators of the system (SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN) are created by the
-- application on start, like the first plan-office account; roles are stored by name in app_user.role.
ALTER TABLE app_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
