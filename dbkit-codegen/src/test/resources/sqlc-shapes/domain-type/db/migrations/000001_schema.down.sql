DROP TABLE subscribers;
DROP DOMAIN positive;
DROP DOMAIN email;
