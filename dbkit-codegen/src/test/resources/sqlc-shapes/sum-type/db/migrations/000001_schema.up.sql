CREATE TABLE ledger (small integer NOT NULL, big bigint NOT NULL, exact numeric NOT NULL);
