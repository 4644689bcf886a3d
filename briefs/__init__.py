"""The domain: what a brief is, reading brief files, drafting briefs from articles.

Plain Python and python-dateutil only: nothing here knows about storage or terminals.
"""

from briefs.model import ACTOR_KINDS, MEASURES, STATUSES, Actor, Brief, Note, Tariff
from briefs.reading import (
    BriefError,
    BriefFileError,
    brief_from_dict,
    briefs_from_json,
    read_brief_file,
)

__all__ = [
    "ACTOR_KINDS",
    "MEASURES",
    "STATUSES",
    "Actor",
    "Brief",
    "BriefError",
    "BriefFileError",
    "Note",
    "Tariff",
    "brief_from_dict",
    "briefs_from_json",
    "read_brief_file",
]
