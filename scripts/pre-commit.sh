#!/bin/sh
# The git pre-commit hook (installed by `npm ci`, see package.json "simple-git-hooks"): the
# lint-catalog check, offline, when the commit touches the catalog or its config. The check
# reads the files in the working tree, so it insists that they are what is being committed:
# running `npm run format-catalog` after `git add` leaves the formatted text unstaged.
files="catalog.md catalog.config.json"
git diff --cached --quiet -- $files && exit 0
if ! git diff --quiet -- $files; then
  echo "catalog: catalog.md or catalog.config.json has changes that are not staged, so the check would not see what you commit." >&2
  echo "Stage them (git add catalog.md catalog.config.json) or stash them, then commit again; git commit --no-verify skips the check." >&2
  exit 1
fi
# --quiet: errors only; `npm run lint-catalog` shows the warnings too. --changed-since HEAD: a
# duplicate or an unsorted row is reported on the row being committed, not on the one it repeats.
exec node bin/catalog.js check --quiet --changed-since HEAD catalog.md
