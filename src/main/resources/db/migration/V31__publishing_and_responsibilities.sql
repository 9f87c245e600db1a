-- Publishing (公开) and target responsibilities (目标责任分工) for the plan office's pages.
-- An indicator is public only once the office publishes it: new rows start unpublished. The bundled plan is
-- published by its bootstrap load; every change records who made it and when.
ALTER TABLE indicator ALTER COLUMN published SET DEFAULT FALSE;
ALTER TABLE indicator ADD COLUMN published_by VARCHAR(60);
ALTER TABLE indicator ADD COLUMN published_changed_at TIMESTAMP;

-- Co-operating (配合) units of a major project; its lead (牵头) unit stays project.dept_id, which scopes reporting.
CREATE TABLE project_org (
    project_id  BIGINT      NOT NULL REFERENCES project(id),
    org_unit_id BIGINT      NOT NULL REFERENCES org_unit(id),
    PRIMARY KEY (project_id, org_unit_id)
);

-- Whether the plan office has confirmed a project's assignment (tasks and indicators keep is_default per row).
ALTER TABLE project ADD COLUMN duties_confirmed BOOLEAN NOT NULL DEFAULT FALSE;
