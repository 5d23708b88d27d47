-- name: ProjectName :one
SELECT name FROM projects WHERE tenant_id = $1 AND id = $2 AND name <> $©$ ' $©$ -- ' {oj x /* *}/ ; SET ROLE dbkit_platform --*/
