CREATE FUNCTION evens(n integer) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE
AS $$ SELECT g * 2 FROM generate_series(1, n) AS g $$;
