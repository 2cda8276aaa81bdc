-- Every fact record has an owning unit: the unit whose user created it (or an owner named in the
-- creator's scope). Only the owner's scope may change or delete the record; naming another unit
-- (lead, participant, organiser, credited, recipient) never grants it write access.
alter table activities add column owning_org_id bigint references orgs (id);
alter table donations add column owning_org_id bigint references orgs (id);
alter table trainings add column owning_org_id bigint references orgs (id);
alter table projects add column owning_org_id bigint references orgs (id);
alter table sales add column owning_org_id bigint references orgs (id);
alter table suppliers add column owning_org_id bigint references orgs (id);
alter table labor_placements add column owning_org_id bigint references orgs (id);
alter table labor_job_fairs add column owning_org_id bigint references orgs (id);
alter table labor_workstations add column owning_org_id bigint references orgs (id);
alter table labor_retention add column owning_org_id bigint references orgs (id);

-- Existing records: the unit of the user who created them (the audit log), else the east side they name.
create temporary table record_creators as
  select a.entity, a.entity_id, u.org_id
  from audit_log a join users u on u.id = a.actor_id
  where a.action = 'create' and u.org_id is not null;

update activities t set owning_org_id = coalesce(
  (select c.org_id from record_creators c where c.entity = 'activity' and c.entity_id = t.id::text limit 1),
  (select p.east_org_id from pairings p where p.id = t.pairing_id), t.lead_org_id);
update donations t set owning_org_id = coalesce(
  (select c.org_id from record_creators c where c.entity = 'donation' and c.entity_id = t.id::text limit 1),
  (select p.east_org_id from pairings p where p.id = t.pairing_id), t.donor_org_id, t.recipient_org_id);
update trainings t set owning_org_id = coalesce(
  (select c.org_id from record_creators c where c.entity = 'training' and c.entity_id = t.id::text limit 1),
  t.organiser_org_id, (select p.east_org_id from pairings p where p.id = t.pairing_id));
update projects t set owning_org_id = coalesce(
  (select c.org_id from record_creators c where c.entity = 'project' and c.entity_id = t.id::text limit 1),
  t.east_org_id, t.owner_org_id);
update suppliers t set owning_org_id =
  (select c.org_id from record_creators c where c.entity = 'supplier' and c.entity_id = t.id::text limit 1);
update sales t set owning_org_id = coalesce(
  (select c.org_id from record_creators c where c.entity = 'sale' and c.entity_id = t.id::text limit 1),
  (select u.org_id from sales_imports si join users u on u.id = si.user_id where si.id = t.import_id),
  t.credited_org_id);
update labor_placements t set owning_org_id = (select p.east_org_id from pairings p where p.id = t.pairing_id);
update labor_job_fairs t set owning_org_id = coalesce(t.organiser_org_id, (select p.east_org_id from pairings p where p.id = t.pairing_id));
update labor_workstations t set owning_org_id = coalesce(t.operating_org_id, (select p.east_org_id from pairings p where p.id = t.pairing_id));
update labor_retention t set owning_org_id = (select p.east_org_id from pairings p where p.id = t.pairing_id);
drop table record_creators;

-- A figure credited to another unit (a sale credited to a district, a donation received by a county,
-- a training held for a county) counts in that unit's totals once it confirms (认领): 'pending' until
-- then, 'refused' when it declines; 'confirmed' at once when the creator's scope covers both units.
alter table sales add column claim_status text not null default 'confirmed' check (claim_status in ('pending', 'confirmed', 'refused'));
alter table donations add column claim_status text not null default 'confirmed' check (claim_status in ('pending', 'confirmed', 'refused'));
alter table trainings add column claim_status text not null default 'confirmed' check (claim_status in ('pending', 'confirmed', 'refused'));
alter table sales add column claim_note text;
alter table donations add column claim_note text;
alter table trainings add column claim_note text;
alter table sales add column claim_decided_by text;
alter table donations add column claim_decided_by text;
alter table trainings add column claim_decided_by text;
alter table sales add column claim_decided_at timestamptz;
alter table donations add column claim_decided_at timestamptz;
alter table trainings add column claim_decided_at timestamptz;
create index sales_claim_pending on sales (credited_org_id) where claim_status = 'pending';
create index donations_claim_pending on donations (county_code) where claim_status = 'pending';
create index trainings_claim_pending on trainings (county_code) where claim_status = 'pending';
