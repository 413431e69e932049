"""`flask jobs run`: the background process beside the web workers.

It sends the outbox every minute, queues check-in reminders and runs the retention
daily, and keeps the matching index fresh. Each job has one `JobRun` row that is its
schedule, its lock and its last result (shown to the admin on /beheer/taken).
"""
