-- Place tags: the status a county or a village holds by year according to an official list
-- (脱贫县, 国家乡村振兴重点帮扶县; 脱贫村, 深度贫困村, 易地搬迁安置点). Facts, not code: each row names
-- the document that lists it (source_document, e.g. its 文号). year_to null = still in force.
-- County tags lie on a 6-digit county code, village tags on a 12-digit village code (the service
-- also checks the region's level). Written only by city-wide roles (org:write with a global scope).

create table place_tags (
  id              bigint generated always as identity primary key,
  region_code     varchar(12) not null references regions (code),
  tag             text not null check (tag in ('poverty_county', 'key_county', 'poverty_village', 'deep_poverty_village', 'relocation_site')),
  year_from       integer not null check (year_from between 1949 and 2100),
  year_to         integer check (year_to between 1949 and 2100),
  source_document text not null check (length(btrim(source_document)) > 0),
  created_by      text not null,
  is_demo         boolean not null default false,
  created_at      timestamptz not null default now(),
  constraint place_tags_years check (year_to is null or year_to >= year_from),
  constraint place_tags_level check (
    (tag in ('poverty_county', 'key_county') and length(region_code) = 6)
    or (tag in ('poverty_village', 'deep_poverty_village', 'relocation_site') and length(region_code) = 12)
  ),
  constraint place_tags_key unique (region_code, tag, year_from)
);
create index place_tags_tag on place_tags (tag, year_from);
