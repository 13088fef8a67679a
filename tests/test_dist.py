"""The prebuilt slasite of `make dist` (issue 25, docs/spec.md §5 Installing): one libyaml, the wheel,
the .deb and the tarball run with no Swift toolchain, and write what the source-built binary
writes. The package tests skip when dist/ was not built (`make dist`; .ci/run builds it)."""
import filecmp
import glob
import hashlib
import html.parser
import os
import re
import signal
import subprocess
import sys
import tarfile
import urllib.request
import zipfile

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIST = os.path.join(ROOT, "dist")
SOURCE_BINARY = os.path.join(ROOT, ".build", "debug", "slasite")
# The unstripped dist binary, before strip (the one nm can read).
DIST_BUILD_BINARY = os.path.join(ROOT, ".build-dist", "build", "release", "slasite")
NOW = "2026-11-24T00:00:00Z"
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import dist as dist_script  # noqa: E402  (scripts/dist.py: the Debian version rule)

needs_dist = pytest.mark.skipif(not os.path.isdir(DIST), reason="dist/ not built: run `make dist`")


def source_binary():
    if not os.path.exists(SOURCE_BINARY):
        subprocess.run(["swift", "build", "--product", "slasite"], cwd=ROOT, check=True)
    return SOURCE_BINARY


def one(pattern):
    found = glob.glob(os.path.join(DIST, pattern))
    assert len(found) == 1, f"dist/ should hold one {pattern}, holds {found}"
    return found[0]


def wheel_path():
    return one("slasite-*-py3-none-manylinux_*_x86_64.whl")


def dist_version():
    """The version in the wheel's name: the .deb's and the tarball's names must carry it too."""
    m = re.fullmatch(r"slasite-(.+)-py3-none-(manylinux_\d+_\d+_x86_64)\.whl", os.path.basename(wheel_path()))
    assert m, wheel_path()
    return m.group(1)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


# --- one libyaml -----------------------------------------------------------------------------

def yaml_definitions(binary):
    symbols = run(["nm", binary])
    assert symbols.returncode == 0, symbols.stderr
    return [l for l in symbols.stdout.splitlines() if re.fullmatch(r"[0-9a-f]+ T yaml_parser_initialize", l)]


def check_one_libyaml(binary):
    assert len(yaml_definitions(binary)) == 1, "yaml_parser_initialize should be defined once (Yams' libyaml)"
    undefined = run(["nm", "-D", "--undefined-only", binary]).stdout
    assert not re.search(r"\byaml_", undefined), "no yaml_ symbol may come from a shared library"
    needed = run(["readelf", "-d", binary]).stdout
    assert "(NEEDED)" in needed
    assert "libyaml" not in needed, needed
    assert "libyaml" not in run(["ldd", binary]).stdout


def test_one_libyaml_in_the_source_built_binary():
    check_one_libyaml(source_binary())


@pytest.mark.skipif(not os.path.exists(DIST_BUILD_BINARY), reason="dist binary not built: run `make dist`")
def test_one_libyaml_in_the_dist_binary():
    check_one_libyaml(DIST_BUILD_BINARY)


def test_one_libyaml_source():
    """Only Yams' copy: no system-library target links libyaml, no second copy of its code."""
    for modulemap in glob.glob(os.path.join(ROOT, "Sources", "**", "module.modulemap"), recursive=True):
        with open(modulemap) as f:
            assert not re.search(r'link\s+"yaml', f.read()), modulemap
    for path in glob.glob(os.path.join(ROOT, "Sources", "**", "*.[ch]"), recursive=True):
        with open(path, errors="replace") as f:
            text = f.read()
        assert "yaml_parser_initialize" not in text and "<yaml.h>" not in text, path
    with open(os.path.join(ROOT, "Package.swift")) as f:
        assert "CLibYAML" not in f.read()


# --- running without Swift -------------------------------------------------------------------

def without_swift(path, cmd):
    """cmd in a mount namespace where /opt/swift is an empty folder, with a bare environment."""
    unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    script = ('empty=$1; path=$2; shift 2; '
              'if [ -d /opt/swift ]; then mount --bind "$empty" /opt/swift || exit 97; fi; '
              '[ -z "$(ls -A /opt/swift 2>/dev/null)" ] || exit 98; '
              'exec env -i PATH="$path" "$@"')
    return unshare + ["sh", "-c", script, "sh", EMPTY, path] + cmd


EMPTY = "/tmp/slasite-test-empty"


@pytest.fixture(scope="module", autouse=True)
def empty_folder():
    os.makedirs(EMPTY, exist_ok=True)
    assert not os.listdir(EMPTY)
    yield


def check_ldd(binary):
    out = run(["ldd", binary])
    assert out.returncode == 0, out.stderr
    assert "libswift" not in out.stdout and "/opt/swift" not in out.stdout, out.stdout
    assert "not found" not in out.stdout, out.stdout
    assert "libcmark-gfm" in out.stdout, "the Markdown renderer comes from libcmark-gfm"
    return out.stdout


class TitleParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.title, self._in = "", False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "title"

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.title += data


def title_of(page):
    p = TitleParser()
    p.feed(page)
    return p.title.strip()


def check_runs_without_swift(path, tmp):
    """`new site`, `check --strict`, `build` and `serve` with one HTTP request, Swift hidden."""
    hidden = run(without_swift(path, ["sh", "-c", "ls -A /opt/swift; echo HOME=${HOME-unset}"]))
    assert hidden.returncode == 0, hidden.stderr
    assert hidden.stdout == "HOME=unset\n", "the namespace hides /opt/swift and the environment is bare"
    site = os.path.join(tmp, "X")
    new = run(without_swift(path, ["slasite", "new", "site", site]))
    assert new.returncode == 0, new.stderr
    assert os.path.exists(os.path.join(site, "site.yaml"))
    # Issue 26 point 13: the scaffold's example incident fails --strict until it is edited.
    strict = run(without_swift(path, ["slasite", "check", "--strict", "--source", site]))
    assert strict.returncode == 1, strict.stdout + strict.stderr
    assert "this is the example incident that slasite new site wrote" in strict.stderr, strict.stderr
    check = run(without_swift(path, ["slasite", "check", "--source", site]))
    assert check.returncode == 0, check.stdout + check.stderr
    build = run(without_swift(path, ["slasite", "build", "--source", site, "--now", NOW]))
    assert build.returncode == 0, build.stderr
    with open(os.path.join(site, "public", "index.html")) as f:
        built_title = title_of(f.read())
    assert built_title
    serve = subprocess.Popen(without_swift(path, ["slasite", "serve", "--source", site, "--port", "0", "--now", NOW]),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = serve.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:"), line + serve.stderr.read()
        with urllib.request.urlopen(line.split()[1], timeout=10) as r:
            assert r.status == 200
            assert r.headers["Content-Type"].startswith("text/html")
            assert title_of(r.read().decode()) == built_title
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()


def check_version(path):
    out = run(without_swift(path, ["slasite", "--version"]))
    assert out.returncode == 0, out.stderr
    m = re.fullmatch(r"(\S+) \(commit ([0-9a-f]{40}(?:-dirty)?|unknown)\)\n", out.stdout)
    assert m, out.stdout
    assert m.group(1) == dist_version()
    if m.group(2) != "unknown" and os.path.isdir(os.path.join(ROOT, ".git")):
        known = run(["git", "-C", ROOT, "cat-file", "-e", m.group(2).removesuffix("-dirty") + "^{commit}"])
        assert known.returncode == 0, f"{m.group(2)} is no commit of this repository"


def check_same_output(path, tmp):
    """Same content and --now: the installed binary writes the source-built binary's bytes."""
    ours, theirs = os.path.join(tmp, "source-built"), os.path.join(tmp, "installed")
    a = run([source_binary(), "build", "--source", ROOT, "--output", ours, "--now", NOW])
    assert a.returncode == 0, a.stderr
    b = run(without_swift(path, ["slasite", "build", "--source", ROOT, "--output", theirs, "--now", NOW]))
    assert b.returncode == 0, b.stderr
    compared = 0
    for folder, _, files in os.walk(ours):
        for f in files:
            rel = os.path.relpath(os.path.join(folder, f), ours)
            assert filecmp.cmp(os.path.join(ours, rel), os.path.join(theirs, rel), shallow=False), rel
            compared += 1
    theirs_count = sum(len(fs) for _, _, fs in os.walk(theirs))
    assert compared == theirs_count and compared > 50, (compared, theirs_count)


# --- the wheel -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory):
    venv = str(tmp_path_factory.mktemp("venv"))
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q", "--no-index",
                    "--no-deps", wheel_path()], check=True)
    return venv


@needs_dist
def test_wheel_tag_is_the_one_auditwheel_shows():
    auditwheel = os.path.join(ROOT, ".build-dist", "venv", "bin", "auditwheel")
    if not os.path.exists(auditwheel):
        pytest.skip("auditwheel is installed by `make dist`")
    shown = run([auditwheel, "show", wheel_path()])
    assert shown.returncode == 0, shown.stderr
    tag = re.search(r"-py3-none-(manylinux_\d+_\d+_x86_64)\.whl$", wheel_path()).group(1)
    assert f'is consistent with the following platform tag: "{tag}"' in " ".join(shown.stdout.split()), shown.stdout


@needs_dist
def test_wheel_contents():
    v = dist_version()
    with zipfile.ZipFile(wheel_path()) as z:
        names = z.namelist()
        wheel_meta = z.read(f"slasite-{v}.dist-info/WHEEL").decode()
        metadata = z.read(f"slasite-{v}.dist-info/METADATA").decode()
    assert f"slasite-{v}.data/scripts/slasite" in names
    assert "Root-Is-Purelib: false" in wheel_meta
    assert re.search(r"^Tag: py3-none-manylinux_\d+_\d+_x86_64$", wheel_meta, re.M), wheel_meta
    assert f"\nVersion: {v}\n" in metadata and "\nName: slasite\n" in metadata
    carried = [n for n in names if n.startswith("slasite.libs/")]
    assert any(n.startswith("slasite.libs/libcmark-gfm-") for n in carried), names
    assert not any("swift" in n.lower() for n in carried), carried


def installed_binary(venv):
    """auditwheel moves the ELF file into platlib (slasite.scripts/) and leaves in bin/ a script
    that execs it, so that its RPATH reaches slasite.libs/."""
    (binary,) = glob.glob(os.path.join(venv, "lib", "python3*", "site-packages", "slasite.scripts", "slasite"))
    return binary


@needs_dist
def test_wheel_installs_and_runs_without_swift(wheel_venv, tmp_path):
    assert os.access(os.path.join(wheel_venv, "bin", "slasite"), os.X_OK)
    check_ldd(installed_binary(wheel_venv))
    path = os.path.join(wheel_venv, "bin") + ":/usr/bin:/bin"
    check_version(path)
    check_runs_without_swift(path, str(tmp_path))


@needs_dist
def test_wheel_output_is_byte_identical(wheel_venv, tmp_path):
    check_same_output(os.path.join(wheel_venv, "bin") + ":/usr/bin:/bin", str(tmp_path))


# --- the .deb --------------------------------------------------------------------------------

def deb_path():
    return one(f"slasite_{dist_script.debian_version(dist_version())}_amd64.deb")


@pytest.fixture(scope="module")
def deb_root(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("debroot"))
    subprocess.run(["dpkg-deb", "-x", deb_path(), root], check=True)
    return root


def field(control, name):
    m = re.search(rf"^{name}: (.*)$", control, re.M)
    assert m, f"no {name} in\n{control}"
    return m.group(1)


@needs_dist
def test_deb_depends_on_the_debian_libraries_it_links(deb_root):
    control = run(["dpkg-deb", "-f", deb_path()]).stdout
    assert field(control, "Package") == "slasite"
    assert field(control, "Architecture") == "amd64"
    assert field(control, "Version") == dist_script.debian_version(dist_version())
    depends = field(control, "Depends")
    assert "swift" not in depends.lower()
    named = {d.split()[0] for d in depends.split(", ")}
    # Every library the binary loads directly belongs to a package named in Depends.
    binary = os.path.join(deb_root, "usr", "bin", "slasite")
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+)\]", run(["readelf", "-d", binary]).stdout)
    loaded = run(["ldd", binary]).stdout
    resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", loaded, re.M))
    # The dynamic loader is listed by its path alone (/lib64/ld-linux-x86-64.so.2).
    resolved.update((os.path.basename(p), p) for p in re.findall(r"^\s*(/\S+) \(", loaded, re.M))
    assert "libcmark-gfm.so.0.29.0.gfm.6" in needed
    for lib in needed:
        package = owning_package(resolved[lib])
        assert package in named, f"{lib} comes from {package}, not in Depends: {depends}"


def owning_package(path):
    """The Debian package of a library file, under either name of a merged /usr (/lib, /usr/lib)."""
    candidates = {path, os.path.realpath(path)}
    for p in list(candidates):
        candidates.add(p.replace("/usr/lib/", "/lib/", 1) if p.startswith("/usr/lib/") else p.replace("/lib/", "/usr/lib/", 1))
    for p in sorted(candidates):
        owner = run(["dpkg", "-S", p])
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    raise AssertionError(f"no Debian package holds {path}")


@needs_dist
def test_deb_runs_without_swift(deb_root, tmp_path):
    binary = os.path.join(deb_root, "usr", "bin", "slasite")
    check_ldd(binary)
    path = os.path.dirname(binary) + ":/usr/bin:/bin"
    check_version(path)
    check_runs_without_swift(path, str(tmp_path))
    check_same_output(path, str(tmp_path))


# --- the tarball and the checksums -----------------------------------------------------------

@needs_dist
def test_tarball_holds_the_binary_license_and_readme(deb_root, tmp_path):
    top = f"slasite-{dist_version()}-linux-x86_64"
    with tarfile.open(one(f"{top}.tar.gz")) as tar:
        assert sorted(tar.getnames()) == sorted([top, f"{top}/slasite", f"{top}/LICENSE", f"{top}/README.md"])
        tar.extractall(tmp_path, filter="data")
    binary = os.path.join(tmp_path, top, "slasite")
    assert os.access(binary, os.X_OK)
    assert filecmp.cmp(binary, os.path.join(deb_root, "usr", "bin", "slasite"), shallow=False)
    assert filecmp.cmp(os.path.join(tmp_path, top, "LICENSE"), os.path.join(ROOT, "LICENSE"), shallow=False)
    check_ldd(binary)
    check_version(os.path.dirname(binary) + ":/usr/bin:/bin")


@needs_dist
def test_sha256sums():
    with open(os.path.join(DIST, "SHA256SUMS")) as f:
        lines = f.read().splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ")
        listed[name] = digest
    assert sorted(listed) == sorted(n for n in os.listdir(DIST) if n != "SHA256SUMS")
    assert len(listed) == 3
    for name, digest in listed.items():
        with open(os.path.join(DIST, name), "rb") as f:
            assert hashlib.sha256(f.read()).hexdigest() == digest, name


# --- CI files --------------------------------------------------------------------------------

def load_yaml(rel):
    with open(os.path.join(ROOT, rel)) as f:
        return yaml.safe_load(f)


def test_release_workflow_runs_make_dist_and_attaches_dist():
    wf = load_yaml(".github/workflows/release.yml")
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    assert "tags" in on["push"]
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    runs = [s.get("run", "") for s in steps]
    assert any(re.search(r"^\s*make dist\s*$", r, re.M) for r in runs), runs
    assert any("dist/*" in str(s) for s in steps), "the release gets dist/*"


def test_action_installs_a_version():
    action = load_yaml("action.yml")
    assert "version" in action["inputs"]
    assert action["runs"]["using"] == "composite"
    text = "\n".join(s.get("run", "") for s in action["runs"]["steps"])
    assert "inputs.version" in text or "INPUT_VERSION" in text or "SLASITE_VERSION" in text
    assert "GITHUB_PATH" in text


def test_ci_doc_yaml_blocks_parse():
    """docs/ci.md: every YAML block parses; a complete GitHub workflow that installs the prebuilt
    slasite and deploys to Pages, and a GitLab CI file with a `pages` job."""
    with open(os.path.join(ROOT, "docs", "ci.md")) as f:
        blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", f.read(), re.S)]
    workflows = [b for b in blocks if isinstance(b, dict) and "deploy" in b.get("jobs", {})]
    assert len(workflows) == 1
    steps = workflows[0]["jobs"]["build"]["steps"]
    assert any(s.get("uses", "").endswith("/slasite@v1.0.0") for s in steps)
    runs = [s.get("run") for s in steps]
    assert runs.index("slasite check --strict") < runs.index("slasite build")
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in workflows[0]["jobs"]["deploy"]["steps"])
    gitlab = [b for b in blocks if isinstance(b, dict) and "pages" in b]
    assert len(gitlab) == 1 and gitlab[0]["pages"]["artifacts"]["paths"] == ["public"]
    assert any("pip install" in line for line in gitlab[0][".slasite"]["before_script"])


def test_ci_builds_dist_before_the_tests():
    with open(os.path.join(ROOT, ".ci", "run")) as f:
        lines = [l.strip() for l in f]
    assert lines.index("make dist") < lines.index("make test")
