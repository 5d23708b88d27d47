DROP TABLE dt_range;
