-- V11 renamed each later member whose name clashed in some letter case to "name#userId" (e.g. "νικος#105"), and
-- nobody told them. renamed_from keeps the name the member had chosen, for the teacher's dashboard ("joined as
-- 'νικος'") and for the returning form (a guest who types the old name and their return code still gets in);
-- rename_told says whether the member has been shown, once, that the class now knows them by the new name.
-- No name a join form accepts contains '#' (ClassroomService.checkPseudonym, account names), so a '#' in a name is
-- V11's mark and the old name is what precedes the first one.
alter table class_member add column renamed_from varchar(100);
alter table class_member add column rename_told boolean default false not null;
update class_member set renamed_from = substring(display_name from 1 for position('#' in display_name) - 1)
    where position('#' in display_name) > 1;
