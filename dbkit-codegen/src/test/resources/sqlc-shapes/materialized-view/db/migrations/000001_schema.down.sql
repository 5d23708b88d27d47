DROP MATERIALIZED VIEW authors_names;
DROP TABLE authors;
