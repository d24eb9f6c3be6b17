"""Linux without a reachable systemd user manager: install says so and leaves nothing."""

from __future__ import annotations

from conftest import standout


def test_install_without_a_user_manager_fails_cleanly(service_env, tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**service_env, "XDG_RUNTIME_DIR": str(runtime), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus"}
    done = standout("service", "install", "--port", "9124", env=env)
    assert done.returncode == 1
    assert "cannot register with systemd" in done.stderr and "standout serve" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "cfg" / "systemd" / "user" / "standout.service").exists()
    assert not (tmp_path / "state" / "service.json").exists()
