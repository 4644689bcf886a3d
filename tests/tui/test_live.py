"""Another process writes to the store while the reader is open; the reader catches up."""

from __future__ import annotations

from briefs import brief_from_dict
from store import Store
from tests.tui.helpers import new_app, screen_text

XI = "2025-10-31-xi-carney-apec-gyeongju"


async def test_notes_and_imports_from_elsewhere_show_up(store: Store) -> None:
    async with new_app(store).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        elsewhere = Store(store.root)
        elsewhere.add_note(XI, "added from the shell")
        elsewhere.import_briefs(
            [brief_from_dict({"title": "Fresh import", "date": "2025-11-27", "summary": "New."})]
        )
        pilot.app.poll_disk()  # what the reader does every two seconds
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Briefs (8)" in text and "Fresh import" in text
        assert "added from the shell" in text
