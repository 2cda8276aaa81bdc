-- Who runs a bulk sales import: the host, process id and process start of the server process that
-- took it (written when it is queued). With the heartbeat (touched every 20 seconds while the import
-- is queued or running), any server on the same database tells a live import from a dead one:
-- one whose runner is on this host but is no longer that process is failed at once, one on another
-- host once its heartbeat has stopped for two minutes. Imports queued before this migration have
-- no runner: no live run of this version owns them.
alter table sales_imports
  add column runner_host        text,
  add column runner_pid         integer,
  -- Wall-clock start of the runner process (for people, and the check where /proc is unavailable).
  add column runner_started_at  timestamptz,
  -- Linux: the process start in clock ticks after boot (/proc/PID/stat, field 22), compared exactly,
  -- so a recycled process id is never taken for the runner.
  add column runner_start_ticks bigint;
