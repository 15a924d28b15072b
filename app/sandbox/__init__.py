"""Offline emulator of the Xee, RUFUS and Zype APIs and of Xee's OAuth server.

Written from `../shared/seeds/` and `../shared/api-notes.md` only; it never imports
`app.core`, `app.auth` or `app.ui` (DEVELOPERS.md, rule 3). Each module's docstring
lists what is documented and which choices are ours.

- `app.sandbox.app.create_app(latency_ms=0, dialect=None)`: the Starlette app, fresh
  state; `dialect` picks documented variants (`app.sandbox.control`, `/_sandbox/dialect`).
- `app.sandbox.server.SandboxServer` / `serve()`: the same over uvicorn.

Fixtures (reset by `POST /_sandbox/reset`; `GET /_sandbox/fixtures` shows them live):

Xee: client_id `pairing-wizard-demo`, secret `sandbox-secret-9f3c2a7d41`.
  users   1001 alice@example.com / alice-demo   the demo user
          1002 bob@example.com   / bob-demo     owns E133742030
          1003 carol@example.com / carol-demo   disabled: 403 "Token can't access this user"
  devices E133742015 pin 1234, E133742016 pin 4321, E133742017 pin 0042: free
          E133742020 pin 2020: alice's (re-associate 204, dissociate 204)
          E133742030 pin 3030: bob's (associate 409, alice's dissociate 403)
          E133742040 pin 4040: locked after 3 failures (403)
          XB7700000001 pin 770001: another format, refused (400) unless the dialects
          device_id_pattern / pin_pattern allow it
          any other 10-char id, e.g. E999999999: 404
RUFUS keys: ror-ae4fc6c19681a20fad30 WRITE (the seed's example key),
  ror-5b2e9d0c7a4f1e3b6d80 READ_WRITE + unbind, ror-1c7f3a9e5d2b8c4f0a61 READ_WRITE,
  ror-9e0d4c8b2a6f1e7d3c52 READ. Devices RR-0001, RR-0002 (Model X1), RR-0003 (Model X2).
Zype keys: zk-admin-7Qm2Lx9VtB4pR8sN admin, zk-readonly-3Hd6Wc1YfK5gJ0aE read_only.
  consumers 5f1a2b3c4d5e6f7a8b9c0d01 alice@, ...02 bob@, ...03 carol@example.com
  pins zabc123 (roku-living-room), zkit456 (firetv-kitchen): fresh, unlinked;
       zbed789 (appletv-bedroom): linked to bob; zold999 (androidtv-den): expired.
"""
