CREATE TABLE dt_net (a inet NOT NULL, b cidr, c macaddr, d macaddr8);
