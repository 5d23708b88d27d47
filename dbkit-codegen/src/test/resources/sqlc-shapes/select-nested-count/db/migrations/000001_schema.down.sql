DROP TABLE threads;
DROP TABLE forums;
