-- The online module counts lengths as a person does (code points: 😀 is one character), but H2 sizes varchar in
-- UTF-16 units (😀 is two), so a name of 30 emoji, within its limit of 30, did not fit a varchar(50) on H2. Every
-- column whose limit is checked in code points gets room for twice that many units. Widening a varchar keeps the
-- data and the not-null constraints on both databases.
alter table video_entry alter column title set data type varchar(120);
alter table video_entry alter column author_name set data type varchar(60);
alter table video_entry alter column unit_name set data type varchar(120);
alter table video_entry alter column category set data type varchar(60);
alter table video_entry alter column rejection_reason set data type varchar(600);
alter table topic_comment alter column hidden_reason set data type varchar(400);
alter table volunteer alter column person_name set data type varchar(60);
alter table volunteer alter column rejection_reason set data type varchar(600);
alter table live_stream alter column platform set data type varchar(60);
