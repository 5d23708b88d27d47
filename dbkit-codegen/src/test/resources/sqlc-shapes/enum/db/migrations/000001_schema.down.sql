DROP TABLE tasks;
DROP TYPE status;
