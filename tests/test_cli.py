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
