#!/usr/bin/env python3
"""Checks that everything a build and the project's scripts used comes from
the set-up's package lists (packaging/bootstrap-deps.sh), never from a
package that arrived by chance (a recommendation, a hand install).

    packaging/check-deps.py [--build-dir SET:DIR]... [--configured-dir SET:DIR]...
                            [--tool SET:NAME]... [--python-module SET:NAME]...
                            [--file SET:PATH]... [--without PACKAGE]...

SET is 'build' (what packaging/run-demo.sh installs) or 'test' (what
packaging/run-tests.sh installs). Each set's closure is every package that
`apt-cache depends --recurse --no-recommends --no-suggests` reaches from
the set's list, plus the packages a Debian 12 system always has (those of
Priority 'required', Essential ones among them) and what they depend on.

What is checked, each against its set's closure:
  --configured-dir SET:DIR  every absolute path in DIR/CMakeCache.txt that
                            exists outside the checkout and the build folder:
                            the <Package>_DIR entries of find_package, the
                            find_library / find_path / find_program results,
                            pkg-config's, the compilers and tools;
  --build-dir SET:DIR       the same, plus every header the compiler read
                            (ninja's dependency log) and every library given
                            to the linker (build.ninja). In a build folder
                            whose SET is 'build', what the tests alone use
                            (objects and programs under tests/) is checked
                            against the 'test' closure;
  --tool SET:NAME           the program NAME as found on PATH;
  --python-module SET:NAME  the file Python imports for module NAME;
  --file SET:PATH           a file the build uses that no log shows (the
                            sanitizer and fuzzer runtimes the compiler
                            driver links by itself).

--without PACKAGE checks as if PACKAGE were not in the lists: the test
command uses it to see the check fail.

A path passes when dpkg says that a package of the closure owns it, or
owns the file it resolves to (alternatives and other symbolic links). The
owners are read from dpkg's own file lists (what `dpkg -S` reads), with
Debian 12's merged /usr taken into account. Each failure names the package,
what needed it and the list to add it to; the exit status is then 1.
"""

import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOOTSTRAP = os.path.join(ROOT, "packaging", "bootstrap-deps.sh")
SETS = ("build", "test")
# Paths that are not dependencies: the install prefix, scratch space.
IGNORED_PREFIXES = ("/tmp/", "/var/tmp/", "/dev/", "/proc/", "/usr/local/")
IGNORED_PATHS = ("/tmp", "/var/tmp", "/usr/local")
MISSING = "\0missing"  # a failures key: not there at all
MERGED = ("/bin/", "/sbin/", "/lib/", "/lib32/", "/lib64/", "/libx32/")


def fail_usage(message):
    print(f"check-deps: error: {message}", file=sys.stderr)
    sys.exit(2)


def run(command):
    try:
        done = subprocess.run(command, check=False, capture_output=True, text=True)
    except FileNotFoundError:
        fail_usage(f"{command[0]} not found (this check needs Debian's dpkg and apt)")
    if done.returncode != 0:
        fail_usage(f"{' '.join(command[:3])}... failed (exit {done.returncode}): {done.stderr.strip()[:500]}")
    return done.stdout


def bootstrap_list(set_name):
    names = run(["bash", BOOTSTRAP, "--print", set_name]).split()
    if not names:
        fail_usage(f"{BOOTSTRAP} --print {set_name} printed no package")
    return names


def base_packages():
    """Installed packages a Debian 12 system always has: Priority required
    (debootstrap's minimal base), which includes every Essential one."""
    out = run(["dpkg-query", "-W", "-f=${Package} ${Priority} ${Essential} ${db:Status-Status}\\n"])
    base = []
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[-1] == "installed" and ("required" in fields[1:-1] or "yes" in fields[1:-1]):
            base.append(fields[0])
    return base


def closure(packages):
    out = run(
        [
            "apt-cache",
            "depends",
            "--recurse",
            "--no-recommends",
            "--no-suggests",
            "--no-conflicts",
            "--no-breaks",
            "--no-replaces",
            "--no-enhances",
        ]
        + sorted(set(packages))
    )
    reached = set()
    for line in out.splitlines():
        if line and not line[0].isspace():
            name = line.strip().strip("<>").split(":")[0]
            reached.add(name)
    return reached


def dpkg_owners():
    """path -> set of packages, from dpkg's file lists."""
    owners = {}
    for listing in glob.glob("/var/lib/dpkg/info/*.list"):
        package = os.path.basename(listing)[: -len(".list")].split(":")[0]
        with open(listing, encoding="utf-8", errors="surrogateescape") as f:
            for line in f:
                path = line.rstrip("\n")
                owners.setdefault(path, set()).add(package)
                # Merged /usr: /lib/x.so is also /usr/lib/x.so.
                if path.startswith(MERGED):
                    owners.setdefault("/usr" + path, set()).add(package)
    return owners


class Checker:
    def __init__(self, without):
        self.lists = {s: [p for p in bootstrap_list(s) if p not in without] for s in SETS}
        base = base_packages()
        self.closures = {s: closure(self.lists[s] + base) for s in SETS}
        self.owners = dpkg_owners()
        self.checked = {s: 0 for s in SETS}
        self.unused = []
        # (set, package or None) -> [what needed it]
        self.failures = {}

    def owners_of(self, path):
        found = set(self.owners.get(path.rstrip("/") or "/", ()))
        real = os.path.realpath(path)
        if real != path:
            found |= self.owners.get(real, set())
        return found

    def check_path(self, set_name, path, needed_by):
        path = os.path.normpath(path)
        if (
            not os.path.isabs(path)
            or path in IGNORED_PATHS
            or path.startswith(IGNORED_PREFIXES)
            or not os.path.exists(path)
        ):
            return
        self.checked[set_name] += 1
        owners = self.owners_of(path)
        if owners & self.closures[set_name]:
            return
        if not owners:
            self.failures.setdefault((set_name, None), []).append(f"{path} ({needed_by})")
            return
        for package in sorted(owners):
            self.failures.setdefault((set_name, package), []).append(f"{path} ({needed_by})")

    @staticmethod
    def link_lines(build_dir, inside):
        """(target, library path) for every library given to the linker by
        path in build_dir/build.ninja (written at configure time)."""
        found = []
        with open(os.path.join(build_dir, "build.ninja"), encoding="utf-8") as f:
            target = None
            for line in f:
                if line.startswith("build "):
                    target = line[len("build ") :].split(":")[0]
                elif line.startswith("  LINK_LIBRARIES = ") and target:
                    for word in line.split("=", 1)[1].split():
                        if word.startswith("/") and not word.startswith(inside):
                            found.append((target, os.path.normpath(word)))
        return found

    def check_cache(self, set_name, build_dir):
        cache = os.path.join(build_dir, "CMakeCache.txt")
        if not os.path.isfile(cache):
            fail_usage(f"{cache} does not exist: configure {build_dir} first")
        inside = (os.path.realpath(ROOT) + "/", os.path.realpath(build_dir) + "/")
        with open(cache, encoding="utf-8", errors="replace") as f:
            entries = [re.match(r"^([A-Za-z0-9_.+-]+):([A-Z]+)=(.*)$", line.rstrip("\n")) for line in f]
        entries = [m for m in entries if m]
        # A configuration with the tests finds the tests' packages too.
        if any(m.group(1) == "LFRPLAN_BUILD_TESTS" and m.group(3).upper() in ("ON", "1", "TRUE") for m in entries):
            set_name = "test"
        linked = {path for _, path in self.link_lines(build_dir, inside)}
        for m in entries:
            if m.group(1) == "CMAKE_INSTALL_PREFIX":
                continue
            for value in m.group(3).split(";"):
                value = os.path.normpath(value.strip()) if value.strip().startswith("/") else ""
                if not value or (value + "/").startswith(inside):
                    continue
                # A library a find module found on the side (FindOpenGL's
                # GLU, say) that no target links is not a dependency: on a
                # machine without it the entry is NOTFOUND and nothing
                # changes. Libraries that are linked are checked.
                if m.group(2) == "FILEPATH" and re.search(r"\.(so|a)(\.[0-9.]+)?$", value) and value not in linked:
                    self.unused.append(f"{m.group(1)}={value}")
                    continue
                # A package's folder can be shared (qt6-base-dev and
                # libqt6opengl6-dev both own cmake/Qt6OpenGL): what
                # find_package read is the config file in it.
                if m.group(1).endswith("_DIR") and os.path.isdir(value):
                    name = m.group(1)[: -len("_DIR")]
                    configs = [
                        os.path.join(value, f"{name}Config.cmake"),
                        os.path.join(value, f"{name.lower()}-config.cmake"),
                    ]
                    value = next((c for c in configs if os.path.isfile(c)), value)
                self.check_path(set_name, value, f"{m.group(1)} in {cache}")

    def check_ninja(self, set_name, build_dir):
        def object_set(target):
            return "test" if target.startswith("tests/") else set_name

        inside = (os.path.realpath(ROOT) + "/", os.path.realpath(build_dir) + "/")
        deps = run(["ninja", "-C", build_dir, "-t", "deps"])
        target = None
        seen = set()
        for line in deps.splitlines():
            if not line.strip():
                continue
            if not line[0].isspace():
                target = line.split(":")[0]
                continue
            header = line.strip()
            key = (object_set(target or ""), header)
            if header.startswith("/") and not header.startswith(inside) and key not in seen:
                seen.add(key)
                self.check_path(key[0], header, f"read compiling {target} in {build_dir}")
        if not seen:
            fail_usage(f"ninja's dependency log in {build_dir} lists no system header: build {build_dir} first")
        for target, library in self.link_lines(build_dir, inside):
            self.check_path(object_set(target), library, f"linked into {target} in {build_dir}")

    def check_tool(self, set_name, name):
        """name: a program on PATH, or an absolute path."""
        if name.startswith("/"):
            candidates = [name]
        else:
            candidates = [os.path.join(folder or ".", name) for folder in os.environ.get("PATH", "").split(":")]
        found = next((c for c in candidates if os.path.isfile(c) and os.access(c, os.X_OK)), None)
        if found is None:
            where = "" if name.startswith("/") else " on PATH"
            self.failures.setdefault((set_name, MISSING), []).append(f"the program {name} (not found{where})")
            return
        self.check_path(
            set_name, os.path.abspath(found), f"the program {os.path.basename(name)}, which the scripts or tests run"
        )

    def check_python_module(self, set_name, module):
        done = subprocess.run(
            ["python3", "-c", f"import {module}; print({module}.__file__)"], capture_output=True, text=True
        )
        if done.returncode != 0:
            self.failures.setdefault((set_name, MISSING), []).append(f"the Python module {module} (cannot be imported)")
            return
        self.check_path(set_name, done.stdout.strip(), f"the Python module {module}, which the tests import")

    def report(self):
        for s in SETS:
            print(
                f"check-deps: '{s}' set: {len(self.lists[s])} listed packages, closure of {len(self.closures[s])};"
                f" {self.checked[s]} paths checked"
            )
        if self.unused:
            unused = ", ".join(sorted(set(self.unused)))
            print(f"check-deps: found by CMake but linked by no target, so not checked: {unused}")
        sys.stdout.flush()
        if not self.failures:
            print("check-deps: ok: everything used comes from the set-up's package lists")
            return 0
        for (set_name, package), users in sorted(self.failures.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            # The test list includes the build list: a package both miss
            # belongs in the build list, said once.
            if set_name == "test" and package not in (None, MISSING) and ("build", package) in self.failures:
                continue
            shown = "\n      ".join(users[:5]) + (f"\n      ... and {len(users) - 5} more" if len(users) > 5 else "")
            if package == MISSING:
                print(
                    f"check-deps: FAIL [{set_name}] missing: is its package in {set_name}_packages in"
                    f" packaging/bootstrap-deps.sh?\n      {shown}",
                    file=sys.stderr,
                )
            elif package is None:
                print(
                    f"check-deps: FAIL [{set_name}] not from any Debian package (installed by hand?):\n      {shown}",
                    file=sys.stderr,
                )
            else:
                print(
                    f"check-deps: FAIL [{set_name}] package {package} is used but is not in the '{set_name}' list's"
                    f" no-recommends closure: add it to {set_name}_packages in packaging/bootstrap-deps.sh."
                    f" Needed by:\n      {shown}",
                    file=sys.stderr,
                )
        return 1


def set_and_value(text, option):
    set_name, sep, value = text.partition(":")
    if not sep or set_name not in SETS or not value:
        fail_usage(f"{option} takes SET:VALUE with SET one of {', '.join(SETS)}, not '{text}'")
    return set_name, value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", action="append", default=[], metavar="SET:DIR")
    parser.add_argument("--configured-dir", action="append", default=[], metavar="SET:DIR")
    parser.add_argument("--tool", action="append", default=[], metavar="SET:NAME")
    parser.add_argument("--python-module", action="append", default=[], metavar="SET:NAME")
    parser.add_argument("--file", action="append", default=[], metavar="SET:PATH")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="PACKAGE",
        help="check as if PACKAGE were not in the lists (to see that the check fails)",
    )
    args = parser.parse_args()

    checker = Checker(set(args.without))
    for text in args.configured_dir:
        checker.check_cache(*set_and_value(text, "--configured-dir"))
    for text in args.build_dir:
        set_name, build_dir = set_and_value(text, "--build-dir")
        checker.check_cache(set_name, build_dir)
        checker.check_ninja(set_name, build_dir)
    for text in args.tool:
        checker.check_tool(*set_and_value(text, "--tool"))
    for text in args.python_module:
        checker.check_python_module(*set_and_value(text, "--python-module"))
    for text in args.file:
        set_name, path = set_and_value(text, "--file")
        if not os.path.exists(path):
            checker.failures.setdefault((set_name, MISSING), []).append(f"{path} (does not exist)")
        checker.check_path(set_name, path, "given with --file")
    return checker.report()


if __name__ == "__main__":
    sys.exit(main())
