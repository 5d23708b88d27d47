DROP TABLE milestones;
DROP TABLE tasks;
DROP TABLE projects;
