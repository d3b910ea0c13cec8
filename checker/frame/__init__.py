"""Fact identity: a claim's frame, the slots that say which fact it states.

One module per claim kind that has a frame (:mod:`checker.frame.quantity`). Extraction
builds frames, matching groups only claims whose frames agree, and classification
reports the shared slots of a contradiction as its identity evidence.
"""
