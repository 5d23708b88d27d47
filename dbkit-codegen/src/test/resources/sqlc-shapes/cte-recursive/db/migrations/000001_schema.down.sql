DROP TABLE folders;
