DROP TABLE deliveries;
DROP TABLE stock;
