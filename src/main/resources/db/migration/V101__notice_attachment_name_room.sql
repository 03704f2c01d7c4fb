-- An attachment's file name may be 200 characters counted as a person does (an emoji is one); H2 sizes varchar in
-- UTF-16 units (an emoji is two), so give the column room for 200 of them on both databases.
alter table notice_attachment alter column file_name set data type varchar(400);
