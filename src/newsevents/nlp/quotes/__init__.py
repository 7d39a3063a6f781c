"""Quote attribution: who said (believed, announced) what, as source/cue/content spans."""
