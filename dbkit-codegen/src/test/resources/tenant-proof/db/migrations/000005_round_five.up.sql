-- Round 5: trusted extensions whose volatile functions keep state in the session.
CREATE EXTENSION pg_trgm;
CREATE EXTENSION isn;
CREATE EXTENSION "uuid-ossp";
