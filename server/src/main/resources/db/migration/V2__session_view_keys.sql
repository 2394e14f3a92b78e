-- The view keys of a saved session's lab link (hide, lock, view, speed, engine in the core's canonical form,
-- e.g. "hide=noise&lock=model&view=theory"); '' when the link had none. The spec column stays the canonical spec.
alter table lab_session add column view_keys varchar(4000) default '' not null;
