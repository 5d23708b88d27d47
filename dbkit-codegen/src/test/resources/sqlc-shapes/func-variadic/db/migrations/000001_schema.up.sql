CREATE FUNCTION total_of(VARIADIC numbers integer[]) RETURNS integer
LANGUAGE sql IMMUTABLE
AS $$ SELECT sum(x)::integer FROM unnest(numbers) AS x $$;
