"""Team mode: one project on a PostgreSQL server that a team annotates at once.

The project itself is core.project.server.ServerProject (the same API as a file); here
are what only a team project has: setting one up and adding people (`admin`), moving
work between a desktop file and the server (`transfer`), planning who annotates what
(`assignment`, which also drives desktop packages), and hearing others' changes as they
are committed (`live`).
"""
