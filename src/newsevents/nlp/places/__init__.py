"""Places: the gazetteer index, toponym recognition and resolution, event locations."""
