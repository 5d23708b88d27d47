DROP TABLE attribute_value;
DROP TABLE attribute;
