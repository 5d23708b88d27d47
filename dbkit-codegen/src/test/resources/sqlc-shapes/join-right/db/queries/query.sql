-- name: StaffByDepartment :many
SELECT d.title, s.name
FROM departments d
RIGHT JOIN staff s ON s.department_id = d.id;
