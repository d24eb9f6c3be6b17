"""Linux without a reachable systemd user manager: install says so and leaves nothing."""

from __future__ import annotations

from service_helpers import isolated_env, standout


def test_install_without_a_user_manager_fails_cleanly(tmp_path):
    base = isolated_env(tmp_path)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**base, "XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus"}
    done = standout("service", "install", "--port", "9124", env=env)
    assert done.returncode == 1
    assert "cannot register with systemd" in done.stderr and "standout serve" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "cfg" / "systemd" / "user" / "standout.service").exists()
    assert not (tmp_path / "state" / "service.json").exists()


def test_doctor_warns_when_systemd_cannot_be_asked(tmp_path):
    base = isolated_env(tmp_path)
    import json

    from standout.service import record as records

    unit = tmp_path / "cfg" / "systemd" / "user" / "standout.service"
    unit.parent.mkdir(parents=True)
    unit.write_text("[Service]\nExecStart=/bin/true\n")
    records.save(records.ServiceRecord.now(
        manager="systemd", url="http://127.0.0.1:9125/", host="127.0.0.1", port=9125,
        command=["python"], log_file=str(tmp_path / "server.log"), files=[str(unit)]),
        tmp_path / "state" / "service.json")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**base, "XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus"}
    done = standout("doctor", "--format", "json", env=env)
    report = json.loads(done.stdout)
    found = {c["id"]: c for c in report["checks"]}
    assert found["service"]["status"] == "warn"
    assert "cannot say whether it runs" in found["service"]["summary"]
    # The address doctor checks is the installed one.
    assert report["url"] == "http://127.0.0.1:9125/" and done.returncode == 1
