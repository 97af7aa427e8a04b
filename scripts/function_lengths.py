#!/usr/bin/env python3
"""Lists the functions in addin/, group/ and templates/ longer than a screen (60 lines).

Python functions are measured with the ast module. C++ functions are found by braces: a
brace block opened at namespace or class level after a closing parenthesis is a function
body (lambdas and blocks inside a function count towards it). Strings, character literals
// comments and comment lines (/* … */, lines starting with *) are skipped.

Exit status 1 when any function is longer than the limit, so the check can run as a test.
"""
import argparse
import ast
import pathlib
import re
import sys

ROOTS = ("addin", "group", "templates")
CXX = {".cxx", ".hxx", ".cpp", ".hpp"}


def python_functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.lineno, node.end_lineno - node.lineno + 1, node.name


def _code(line):
    line = re.sub(r'"([^"\\]|\\.)*"', '""', line)
    line = re.sub(r"'([^'\\]|\\.)*'", "''", line)
    line = re.sub(r"/\*.*?\*/", "", line.split("//")[0])
    return "" if re.match(r"\s*(/\*|\*)", line) else line


def _opens(head):
    """What the brace after `head` (the code before it, a few lines) opens."""
    if re.search(r"\bnamespace\b[\w:\s]*$", head) or re.search(r'extern\s+"C"\s*$', head):
        return "namespace"
    if re.search(r"\b(struct|class|union|enum)\b[^;()]*$", head):
        return "class"
    if re.search(r"\)[\w\s:,()<>&*\[\]\"=-]*$", head):
        return "function"
    return "block"


def _name(head):
    """The function's name: the first call-like word after the last statement before it."""
    signature = re.split(r"[;{}]", head)[-1]
    found = re.search(r"([\w:~]+)\s*\(", signature)
    return found.group(1) if found else "?"


def cxx_functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    code = [_code(line) for line in lines]
    stack, start, name = [], None, "?"
    for i, line in enumerate(code):
        for col, ch in enumerate(line):
            if ch == "{":
                outer = all(kind in ("namespace", "class") for kind in stack)
                head = " ".join(code[max(0, i - 3):i] + [line[:col]]).rstrip()
                kind = _opens(head) if outer else "block"
                stack.append(kind)
                if kind == "function":
                    start, name = i, _name(head)
            elif ch == "}" and stack:
                if stack.pop() == "function" and start is not None:
                    yield start + 1, i - start + 1, name
                    start = None


def long_functions(root, limit):
    for folder in ROOTS:
        for path in sorted((root / folder).rglob("*")):
            measure = python_functions if path.suffix == ".py" else cxx_functions if path.suffix in CXX else None
            if measure is None:
                continue
            for line, length, name in measure(path):
                if length > limit:
                    yield length, "%s:%d %s" % (path.relative_to(root), line, name)


def self_test(limit):
    """The check finds a function one line too long in each language, and not one that fits."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for folder in ROOTS:
            (root / folder).mkdir()
        body = "".join("    x += %d;  // {\n" % i for i in range(limit - 2))
        (root / "group" / "long.cxx").write_text(
            'namespace n {\nint fits(int x) {\n%s}\nint tooLong(int x)\n{\n    x += 1;\n%s}\n}\n' % (body, body))
        (root / "templates" / "long.py").write_text(
            "def fits():\n%s\ndef too_long():\n    x = 1\n%s" % ("".join("    x = %d\n" % i for i in range(limit - 1)),
                                                          "".join("    x = %d\n" % i for i in range(limit - 1))))
        found = sorted(where for _, where in long_functions(root, limit))
    expected = ["group/long.cxx:%d tooLong" % (limit + 3), "templates/long.py:%d too_long" % (limit + 2)]
    if found != expected:
        print("self-test: found %s, expected %s" % (found, expected))
        return 1
    print("self-test: both too-long functions found, the fitting ones not")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--root", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parent.parent)
    parser.add_argument("--self-test", action="store_true", help="check the check on generated functions")
    args = parser.parse_args()
    if args.self_test:
        return self_test(args.limit)
    found = sorted(long_functions(args.root, args.limit), reverse=True)
    for length, where in found:
        print("%4d lines  %s" % (length, where))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
