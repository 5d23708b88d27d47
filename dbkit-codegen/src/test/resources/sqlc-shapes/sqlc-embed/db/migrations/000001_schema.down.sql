DROP TABLE baz.users;
DROP TABLE posts;
DROP TABLE users;
DROP SCHEMA baz;
