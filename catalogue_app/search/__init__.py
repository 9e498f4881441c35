"""Full-text search over the records: the query language (query), the index kept in step
with the records (index) and running a search (service)."""
