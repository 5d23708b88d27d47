DROP TABLE settings; DROP TABLE things;
