DROP TABLE entries;
DROP TABLE blogs;
