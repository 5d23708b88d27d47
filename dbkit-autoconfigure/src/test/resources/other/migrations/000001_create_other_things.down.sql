DROP TABLE other_things;
