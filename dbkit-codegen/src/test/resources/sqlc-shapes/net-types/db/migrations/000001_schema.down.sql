DROP TABLE dt_net;
