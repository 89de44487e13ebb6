-- 0001: the query catalogue that Orleans' ADO.NET providers load at start-up.
--
-- Every ADO.NET provider (clustering, grain storage, reminders) begins by running a
-- hard-coded statement of the form
--     SELECT QueryKey, QueryText FROM OrleansQuery [WHERE QueryKey = '...']
-- and from then on executes only the SQL text it found under each key. The table and
-- column names are therefore fixed by the Orleans assemblies. They are left unquoted
-- here (as they are in Orleans' own statement), so PostgreSQL folds them to lower
-- case and Orleans' unquoted SELECT finds them; Npgsql matches the column names
-- case-insensitively when Orleans reads them by name.
--
-- Later migrations add one row per query key. Everything else in this schema
-- (table and column names of the state tables) is ours to choose: only the query
-- texts stored here touch those tables. See docs/orleans-adonet-contract.md.

CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT pk_orleans_query PRIMARY KEY (QueryKey),
    CONSTRAINT ck_orleans_query_text_not_blank CHECK (btrim(QueryText) <> '')
);

COMMENT ON TABLE OrleansQuery IS
    'Query key -> SQL text catalogue read by the Orleans ADO.NET providers (clustering, persistence, reminders).';
