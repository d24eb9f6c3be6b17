"""``standout service``: start ``standout serve`` at login, for the current user only.

One small module per service manager (``linux`` for systemd, ``macos`` for launchd,
``windows`` for the Task Scheduler), each turning a :class:`~.spec.ServiceSpec` into
the files it registers and the commands that register it; ``cli`` is the shared
command. Nothing here needs administrator rights.
"""
