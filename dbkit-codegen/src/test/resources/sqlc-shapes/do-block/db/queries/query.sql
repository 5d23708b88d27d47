-- name: DoStuff :exec
DO $$
BEGIN
    UPDATE authors SET name = upper(name);
END
$$;
