DROP TABLE grids;
