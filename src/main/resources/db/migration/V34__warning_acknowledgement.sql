-- Warnings that mean something (issue 17). A warning is a red or yellow indicator, task or project of a plan in a
-- report year; its status key says which status it is in (e.g. LAGGING/RED, BEHIND/YELLOW).

-- Since when each listed item has been in its current status: written when a warning list is built and the stored
-- status key differs (or there is none), so since_at is the first time Lantu saw the item in this status.
CREATE TABLE warning_status (
    plan_id      BIGINT       NOT NULL REFERENCES plan(id),
    report_year  INTEGER      NOT NULL,
    subject_kind VARCHAR(20)  NOT NULL,
    subject_code VARCHAR(60)  NOT NULL,
    status_key   VARCHAR(60)  NOT NULL,
    since_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (plan_id, report_year, subject_kind, subject_code)
);

-- The plan office's acknowledgement (已知悉) of a warning in one status. It holds only while the item's status key
-- is still the acknowledged one: a new status raises the warning again.
CREATE TABLE warning_ack (
    plan_id      BIGINT       NOT NULL REFERENCES plan(id),
    report_year  INTEGER      NOT NULL,
    subject_kind VARCHAR(20)  NOT NULL,
    subject_code VARCHAR(60)  NOT NULL,
    status_key   VARCHAR(60)  NOT NULL,
    note         VARCHAR(500) NOT NULL,
    acked_by     VARCHAR(100) NOT NULL,
    acked_at     TIMESTAMP    NOT NULL,
    version      INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, report_year, subject_kind, subject_code)
);
