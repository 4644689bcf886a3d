"""The git command line, run the one way sync needs it: no shell, no prompt, a timeout.

Why the command line and not dulwich or pygit2: `make` already needs git, so every
machine that runs briefing has it; it speaks every transport a desk may use (a path, ssh
with the user's keys and agent, https with their credential helper) exactly as their own
`git` does; and neither library is installed here (pygit2 also needs libgit2 built for
the platform). Each call is one short process with its arguments as a list.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from store.errors import StoreError

LOCAL_TIMEOUT = 120.0  # seconds for a command that only touches the mirror
# Fetch and push: long enough for a first sync of a large desk on a slow line; a stalled
# https transfer fails much sooner (http.lowSpeed*), and so does a refused connection.
NETWORK_TIMEOUT = 900.0
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
IRREGULAR = "not a plain file"  # Git.changed: a link or a submodule where a file was
# Settings for every call, whatever the user's own git config says: no prompt, no
# signing agent, no line-ending rewriting of our JSON, and objects and refs fsynced.
_SETTINGS = (
    "core.autocrlf=false",
    "core.safecrlf=false",
    "commit.gpgsign=false",
    "core.quotepath=false",
    "core.fsync=objects,reference",
    "core.fsyncMethod=batch",  # one flush for many objects, not one per file
    "gc.auto=0",
    "core.hooksPath=/dev/null",
    "credential.interactive=false",
    "core.symlinks=false",  # a link from a remote is checked out as a plain file
    "protocol.ext.allow=never",  # no URL runs a command
    "http.lowSpeedLimit=1000",
    "http.lowSpeedTime=30",
    "fetch.recurseSubmodules=false",
    "submodule.recurse=false",
)


class GitError(StoreError):
    """A git command failed; `offline` when it was the remote that could not be reached
    (or refused us); not when a push was turned down because the remote moved on."""

    def __init__(self, message: str, *, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


# A push the remote turned down because it moved on: fetch and merge again, not offline.
REJECTED = ("[rejected]", "non-fast-forward", "fetch first", "stale info", "cannot lock ref")


def _environment(extra: Mapping[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_ASKPASS="",
        SSH_ASKPASS="",
        GCM_INTERACTIVE="never",
        LC_ALL="C",
        LANGUAGE="C",
    )
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        env.pop(name, None)  # a caller's repository must never be ours
    env.update(extra or {})
    return env


class Git:
    """Commands in one working tree (the desk mirror)."""

    def __init__(self, tree: Path, *, author: str = "briefing") -> None:
        self.tree = tree
        self.author = author

    def _argv(self, args: Sequence[str]) -> list[str]:
        argv = ["git", "-C", str(self.tree)]
        for setting in _SETTINGS:
            argv += ["-c", setting]
        email = "".join(c for c in self.author.lower() if c.isalnum()) or "reader"
        argv += ["-c", f"user.name={self.author}", "-c", f"user.email={email}@briefing.invalid"]
        return argv + list(args)

    def run(
        self,
        *args: str,
        data: bytes | None = None,
        network: bool = False,
        check: bool = True,
        env: Mapping[str, str] | None = None,
    ) -> subprocess.CompletedProcess[bytes]:
        timeout = NETWORK_TIMEOUT if network else LOCAL_TIMEOUT
        try:
            done = subprocess.run(
                self._argv(args),
                input=data,
                capture_output=True,
                timeout=timeout,
                env=_environment(env),
                check=False,
                # No controlling terminal: ssh cannot ask for a passphrase or a host key
                # (it fails, and says why) however the user's ssh is set up.
                start_new_session=True,
                stdin=None if data is not None else subprocess.DEVNULL,
            )
        except FileNotFoundError as exc:
            raise GitError("git is not installed: sharing with a desk needs it") from exc
        except subprocess.TimeoutExpired as exc:
            what = "the remote did not answer" if network else "git took too long"
            raise GitError(f"{what} ({timeout:.0f} s): git {args[0]}", offline=network) from exc
        if check and done.returncode != 0:
            raise self.error(args, done.stderr, network=network)
        return done

    def error(self, args: Sequence[str], stderr: bytes, *, network: bool) -> GitError:
        text = stderr.decode("utf-8", "replace").strip()
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        # git's first fatal line says what went wrong; what follows are hints.
        loud = [ln for ln in lines if ln.startswith(("fatal:", "error:", "remote: error"))]
        shown = (loud or lines or ["failed"])[0]
        shown = shown.removeprefix("fatal: ").removeprefix("error: ")[:300]
        # Any other failure to talk to the remote (no route, refused, reset, no such
        # repository, no permission) leaves local work as it is: the next sync retries.
        offline = network and not any(word in text.lower() for word in REJECTED)
        return GitError(f"git {args[0]}: {shown}", offline=offline)

    def out(self, *args: str, data: bytes | None = None) -> str:
        return self.run(*args, data=data).stdout.decode("utf-8", "replace").strip()

    def rev(self, name: str) -> str | None:
        """The commit a ref names, or None when it does not exist."""
        done = self.run("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def is_ancestor(self, older: str, newer: str) -> bool:
        done = self.run("merge-base", "--is-ancestor", older, newer, check=False)
        if done.returncode not in (0, 1):
            raise self.error(("merge-base",), done.stderr, network=False)
        return done.returncode == 0

    def merge_base(self, one: str, two: str) -> str | None:
        done = self.run("merge-base", one, two, check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def tree_files(self, commit: str) -> dict[str, str]:
        """path → blob id of every file in `commit`."""
        raw = self.run("ls-tree", "-r", "-z", "--full-tree", commit).stdout
        files = {}
        for entry in raw.split(b"\0"):
            if not entry:
                continue
            meta, _, path = entry.partition(b"\t")
            parts = meta.split()
            # Plain files only: a link or a submodule from a remote is none of ours.
            if len(parts) == 3 and parts[0] in (b"100644", b"100755"):
                files[path.decode("utf-8", "surrogateescape")] = parts[2].decode()
        return files

    def changed(self, old: str, new: str) -> dict[str, str | None]:
        """path → its blob id in `new` (None: removed) for every plain file that differs;
        a path that became a link or a submodule is IRREGULAR."""
        raw = self.run("diff-tree", "-r", "-z", "--no-renames", "--raw", old, new).stdout
        fields = raw.split(b"\0")
        out: dict[str, str | None] = {}
        i = 0
        while i + 1 < len(fields):
            meta, path = fields[i], fields[i + 1].decode("utf-8", "surrogateescape")
            i += 2
            if not meta.startswith(b":"):
                continue
            parts = meta[1:].split()
            if parts[4] == b"D":
                out[path] = None
            elif parts[1] in (b"100644", b"100755"):
                out[path] = parts[3].decode()
            else:
                out[path] = IRREGULAR
        return out

    def blobs(self, ids: Sequence[str], *, max_size: int | None = None) -> dict[str, bytes]:
        """The content of each blob, read in one `cat-file --batch`; with `max_size`, a
        larger one is left out unread (a remote can send anything)."""
        wanted = list(dict.fromkeys(ids))
        if wanted and max_size is not None:
            listed = "".join(f"{i}\n" for i in wanted).encode()
            sizes = self.out("cat-file", "--batch-check=%(objectname) %(objectsize)", data=listed)
            small = {
                n
                for n, _, size in (ln.partition(" ") for ln in sizes.splitlines())
                if size.isdigit() and int(size) <= max_size
            }
            wanted = [i for i in wanted if i in small]
        if not wanted:
            return {}
        raw = self.run("cat-file", "--batch", data="".join(f"{i}\n" for i in wanted).encode())
        out, at, data = {}, 0, raw.stdout
        for blob in wanted:
            end = data.index(b"\n", at)
            header = data[at:end].split()
            at = end + 1
            if len(header) < 3:
                continue  # "missing"
            size = int(header[2])
            out[blob] = data[at : at + size]
            at += size + 1
        return out

    def commit_files(
        self,
        ref: str,
        parent: str,
        writes: Mapping[str, bytes],
        removes: Sequence[str],
        message: str,
    ) -> str:
        """A commit of `parent` with these files written and removed, made by one
        `git fast-import` (one pack, one flush, however many files) and left at `ref`.
        Paths are the mirror's own names, which need no quoting."""
        name = self.author.replace("<", "").replace(">", "").replace("\n", " ")
        email = "".join(c for c in name.lower() if c.isalnum()) or "reader"
        text = message.encode()
        chunks = [
            f"commit {ref}\ncommitter {name} <{email}@briefing.invalid> now\n".encode(),
            b"data %d\n" % len(text) + text + b"\n",
            f"from {parent}\n".encode(),
        ]
        for path in removes:
            chunks.append(f"D {path}\n".encode())
        for path, payload in writes.items():
            chunks.append(f"M 100644 inline {path}\n".encode())
            chunks.append(b"data %d\n" % len(payload) + payload + b"\n")
        chunks.append(b"done\n")
        self.run(
            "fast-import",
            "--quiet",
            "--force",
            "--date-format=now",
            "--done",
            data=b"".join(chunks),
        )
        commit = self.rev(ref)
        if commit is None:
            raise GitError("git fast-import made no commit")
        return commit

    def write_blobs(self, payloads: Sequence[bytes]) -> list[str]:
        """Store each payload as a blob; their ids, in order."""
        ids = []
        for payload in payloads:
            ids.append(self.out("hash-object", "-w", "--stdin", data=payload))
        return ids
