CREATE TABLE accounts (id integer PRIMARY KEY, username text NOT NULL UNIQUE, password text NOT NULL);
CREATE FUNCTION register_account(_username text, _password text)
RETURNS TABLE (account_id integer, username text)
LANGUAGE sql
AS $$
    INSERT INTO accounts (id, username, password)
    VALUES ((SELECT coalesce(max(id), 0) + 1 FROM accounts), _username, _password)
    RETURNING id, username;
$$;
