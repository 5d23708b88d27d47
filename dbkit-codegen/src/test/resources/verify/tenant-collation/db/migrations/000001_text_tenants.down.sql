DROP TABLE notes, tenants;
DROP COLLATION hexsame;
DROP FUNCTION update_updated_at_column();
