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


async def test_the_poll_never_freezes_the_reader_while_another_process_holds_the_lock(
    store: Store,
) -> None:
    import fcntl
    import threading

    from tests.tui.helpers import settle

    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first, shown = app.focused, app.reader.brief.id if app.reader.brief else None
        holder = open(store.root / ".lock", "a+b")  # noqa: SIM115 - held across awaits
        fcntl.flock(holder, fcntl.LOCK_EX)
        released = threading.Event()

        def release() -> None:
            released.set()
            fcntl.flock(holder, fcntl.LOCK_UN)

        # A safety net only: had the poll taken the lock on the UI thread, the key below
        # would wait for this, and `released` would be set when it is checked.
        timer = threading.Timer(60, release)
        timer.start()
        try:
            app.poll_disk()
            await pilot.press("tab", "n")  # n reads the next brief: reads wait on no one
            await pilot.pause()
            assert app.focused is not first and not released.is_set()
            assert app.reader.brief is not None and app.reader.brief.id != shown
        finally:
            timer.cancel()
            if not released.is_set():
                release()
            holder.close()
        await settle(pilot)


async def test_a_save_while_another_process_holds_the_lock_says_so_and_keeps_the_text(
    store: Store,
) -> None:
    import fcntl
    import threading

    from tests.tui.helpers import settle

    app = new_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"words to keep")
        await settle(pilot)
        with open(store.root / ".lock", "a+b") as holder:
            fcntl.flock(holder, fcntl.LOCK_EX)  # another process's hold, in effect
            # A safety net only: a save that waited on the lock would hang the test.
            net = threading.Timer(60, fcntl.flock, args=(holder, fcntl.LOCK_UN))
            net.start()
            await pilot.press("ctrl+s")  # never waits: refused at once
            net.cancel()
            await settle(pilot)
            session = app.session
            assert session.dirty and "waiting for another briefing process" in (session.error or "")
            assert [d.text for d in store.drafts()] == ["words to keep"]
            fcntl.flock(holder, fcntl.LOCK_UN)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.session.dirty
    assert [n.text for n in store.notes(app.reader.brief.id)] == ["words to keep"]  # type: ignore[union-attr]
