DROP TABLE notes, tenants;
DROP FUNCTION set_config(text, varchar, boolean);
DROP OPERATOR = (name, varchar);
DROP FUNCTION name_varchar_eq(name, varchar);
DROP OPERATOR = (text, varchar);
DROP FUNCTION text_varchar_eq(text, varchar);
