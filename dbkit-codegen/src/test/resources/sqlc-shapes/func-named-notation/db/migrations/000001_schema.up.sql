CREATE FUNCTION concat_lower_or_upper(a text, b text, uppercase boolean DEFAULT false)
RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT CASE WHEN uppercase THEN upper(a || ' ' || b) ELSE lower(a || ' ' || b) END $$;
