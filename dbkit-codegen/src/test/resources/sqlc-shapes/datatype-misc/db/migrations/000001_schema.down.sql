DROP TABLE dt_misc;
