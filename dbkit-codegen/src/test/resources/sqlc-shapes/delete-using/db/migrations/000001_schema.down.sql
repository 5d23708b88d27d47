DROP TABLE banned;
DROP TABLE sessions;
