-- National statistical division codes: province (2 digits), prefecture (4), county (6), township (9), village (12).
create table regions (
  code        varchar(12) primary key,
  name        text not null,
  -- name without its administrative suffix (香格里拉市 → 香格里拉, 联合村民委员会 → 联合): how bulletins write places
  short_name  text not null,
  level       smallint not null check (level between 1 and 5),
  parent_code varchar(12) references regions (code)
);
create index regions_parent on regions (parent_code);
create index regions_name on regions (name text_pattern_ops);
create index regions_short_name on regions (short_name text_pattern_ops);

-- Which edition of the division tree is loaded, so it is loaded once.
create table regions_source (
  source     text primary key,
  version    text not null,
  row_count  integer not null,
  loaded_at  timestamptz not null default now(),
  load_ms    integer not null
);
