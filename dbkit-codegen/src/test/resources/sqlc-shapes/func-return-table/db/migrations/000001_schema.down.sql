DROP FUNCTION register_account(text, text);
DROP TABLE accounts;
