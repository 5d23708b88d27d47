-- drops a column that is not there
ALTER TABLE tasks DROP COLUMN note;
