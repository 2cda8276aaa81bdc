-- 工作简报 read into records: each imported document once (by the digest of its text), one draft per
-- item, reviewed into records. The draft keeps where its item stands in the text (provenance).
create table bulletin_documents (
  id           bigint generated always as identity primary key,
  sha256       text not null unique,
  file_name    text not null,
  year         smallint,
  year_basis   text not null,
  issued_on    date,
  text         text not null,
  user_id      bigint references users (id),
  actor_name   text not null,
  created_at   timestamptz not null default now()
);

create table bulletin_drafts (
  id           bigint generated always as identity primary key,
  document_id  bigint not null references bulletin_documents (id) on delete cascade,
  item_no      integer not null,
  title        text not null,
  section      text,
  date_start   date,
  date_end     date,
  kind         text not null,
  facts        jsonb not null,
  span_start   integer not null,
  span_end     integer not null,
  status       text not null default 'pending' check (status in ('pending', 'accepted', 'rejected')),
  activity_id  bigint references activities (id) on delete set null,
  decided_by   text,
  decided_at   timestamptz,
  unique (document_id, item_no),
  constraint bulletin_drafts_span check (span_end >= span_start)
);
create index bulletin_drafts_activity on bulletin_drafts (activity_id) where activity_id is not null;
