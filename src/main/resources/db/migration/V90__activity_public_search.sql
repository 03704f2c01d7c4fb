-- The public portal's search (Activities.search): published activities of a campaign by start time or by
-- publication, and the theme and audience filters looked up from their value (the primary keys start with the
-- activity id). Free-text search is a LIKE over name, summary and description; its results are cached.
create index ix_activity_public_start on activity (campaign_id, status, starts_at);
create index ix_activity_public_published on activity (campaign_id, status, published_at);
create index ix_activity_theme_number on activity_theme (theme_number, activity_id);
create index ix_activity_audience_value on activity_audience (audience, activity_id);
