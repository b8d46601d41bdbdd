from sessiond.sessions import Sessiond
from tests.tui.test_snapshots import Day, app_for
from tests.tui.conftest import screen_text, settle

async def test_t(svc: Sessiond, fixed_ids: None) -> None:
    from sessiond.i18n import set_language; set_language("en")
    day = Day(svc)
    for size in ((120, 36), (80, 24)):
        for step in ("today", "new", "planned", "running", "stopped", "clients", "policies", "help"):
            app = app_for(svc)
            async with app.run_test(size=size) as pilot:
                await settle(pilot)
                if step == "new": await app.action_new_session()
                if step in ("planned", "running", "stopped"): await app.open_session(getattr(day, step))
                if step == "clients": await app.action_clients()
                if step == "policies": await app.action_policies()
                if step == "help":
                    await app.open_session(day.running); await settle(pilot); await app.action_help()
                await settle(pilot)
                print(f"===== {step} {size}")
                print(screen_text(app))
