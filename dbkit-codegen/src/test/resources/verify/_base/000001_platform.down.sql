DROP TABLE tenants; DROP FUNCTION update_updated_at_column();
