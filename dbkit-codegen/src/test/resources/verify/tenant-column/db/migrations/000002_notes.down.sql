DROP TABLE currencies; DROP TABLE labels; DROP TABLE drafts; DROP TABLE notes;
