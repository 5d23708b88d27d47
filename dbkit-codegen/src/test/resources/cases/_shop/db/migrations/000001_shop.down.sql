DROP TABLE feature_masks; DROP TYPE rgb; DROP TABLE tasks; DROP TABLE projects; DROP TYPE project_status; DROP TABLE countries; DROP TABLE tenants;
