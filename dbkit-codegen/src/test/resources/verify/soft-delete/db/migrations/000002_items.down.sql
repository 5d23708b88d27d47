DROP TABLE documents; DROP TABLE audit_entries; DROP TABLE posts; DROP TABLE items;
