CREATE TYPE status AS ENUM ('open', 'closed', 'archived');
CREATE TABLE tasks (id serial PRIMARY KEY, status status NOT NULL, prior status);
