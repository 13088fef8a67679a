"""Colour in diagnostics: only on a terminal, never with NO_COLOR (issue 7). Uses a real pty."""
import os
import pty
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "debug", "slasite")


def broken_site(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    plan = site / "content" / "plans" / "pro.md"
    plan.write_text(plan.read_text().replace("uptime: 99.9\n", "uptime: 99,9\n"))
    return site


def run_on_tty(args, env):
    """Runs with stderr on a pseudo-terminal and returns what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return proc.returncode, out.decode(errors="replace")


def test_colour_on_a_terminal_and_none_with_no_color(tmp_path):
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    site = broken_site(tmp_path)
    args = [BINARY, "build", "--source", str(site), "--now", "2026-11-24T00:00:00Z"]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm"
    code, shown = run_on_tty(args, env)
    assert code == 1
    assert "\x1b[" in shown, shown
    assert "uptime must be a number between 0 and 100" in shown
    code, shown = run_on_tty(args, {**env, "NO_COLOR": "1"})
    assert code == 1
    assert "\x1b[" not in shown, shown
    assert 'content/plans/pro.md:6:9: uptime must be a number between 0 and 100, got "99,9"' in shown
    # Not a terminal: no colour either.
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    assert proc.returncode == 1 and "\x1b[" not in proc.stderr


def test_bad_samples_rows_are_all_reported_and_the_previous_output_stays(tmp_path):
    """Issue 15: every bad row of a samples file at once, with file:line:column, exit 1, and
    the output folder of the last good build untouched."""
    site = tmp_path / "site"
    shutil.copytree(os.path.join(ROOT, "Tests", "Fixtures", "basic"), site)
    plan = site / "content" / "plans" / "pro.md"
    plan.write_text(plan.read_text().replace("services:\n", "downtime: {source: samples}\nservices:\n", 1))
    samples = site / "content" / "status" / "samples"
    samples.mkdir()
    (samples / "api.csv").write_text("start,total,errors\n2026-10-01T00:00:00Z,10,1\n")
    out = tmp_path / "public"
    args = [BINARY, "build", "--source", str(site), "--output", str(out), "--now", "2026-11-24T00:00:00Z"]
    good = subprocess.run(args, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    before = (out / "sla.json").read_bytes()
    assert b'"source": "samples"' in before
    (samples / "api.csv").write_text(
        "start,total,errors\n2026-10-01T00:00:00Z,10,11\n2026-10-01T00:01:00,1,0\n2026-10-01T00:02:00Z,-1,0\n")
    (samples / "nope.csv").write_text("start,total,errors\n")
    bad = subprocess.run(args, capture_output=True, text=True)
    assert bad.returncode == 1
    lines = [l for l in bad.stderr.splitlines() if l.startswith("content/")]
    assert lines == [
        "content/status/samples/api.csv:2:25: errors (11) must not exceed total (10) requests",
        "content/status/samples/api.csv:3:1: start needs Z or an offset such as +02:00 (samples are not read in the site zone), got \"2026-10-01T00:01:00\"",
        "content/status/samples/api.csv:4:22: total must not be negative, got \"-1\"",
        "content/status/samples/nope.csv:1:1: unknown service \"nope\": a samples file is named by the service it measures, and there is no content/services/nope.md",
    ], bad.stderr
    assert "3 errors" not in bad.stderr and "4 errors" in bad.stderr
    assert (out / "sla.json").read_bytes() == before
