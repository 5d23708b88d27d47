DROP FUNCTION concat_lower_or_upper(text, text, boolean);
