-- Tamper evidence for the audit log: each entry carries the hash of the one before it (a chain), and the head of the
-- chain is one row that every writer updates, so entries are chained in the order they commit.
ALTER TABLE audit_log ADD COLUMN client_address VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN entry_hash VARCHAR(64);
CREATE TABLE audit_chain_head (
    id        INTEGER      PRIMARY KEY,
    last_id   BIGINT       NOT NULL,
    last_hash VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, 0, '');
