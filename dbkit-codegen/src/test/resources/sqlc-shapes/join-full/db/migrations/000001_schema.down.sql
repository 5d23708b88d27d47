DROP TABLE right_side;
DROP TABLE left_side;
