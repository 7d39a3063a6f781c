"""Time: temporal expressions resolved against the publication date, and event dates."""
