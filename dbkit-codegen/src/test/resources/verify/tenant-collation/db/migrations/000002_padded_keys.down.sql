DROP TABLE tasks, projects;
