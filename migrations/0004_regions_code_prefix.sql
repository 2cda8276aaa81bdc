-- Prefix searches on codes (everything under a county: code like '533401%') need a pattern index
-- when the database collation is not C (PostgreSQL servers created with C.UTF-8 or zh_CN.UTF-8).
create index regions_code_prefix on regions (code varchar_pattern_ops);
