"""Prints, as JSON, what each Python file's clients are and which API-key variables it reads.

For every call of a client class (OpenAI, AsyncOpenAI, Cerebras, AsyncCerebras, ZaiClient,
ZhipuAiClient, ZhipuAI): the class, the module it is imported from, and its base_url when that
is a literal. Keys: every string literal that names an environment variable ending in _API_KEY.
Run with CPython: its parser, not glm-migrate's, decides what the file says.
"""
import ast
import json
import re
import sys

CLASSES = {"OpenAI", "AsyncOpenAI", "Cerebras", "AsyncCerebras", "ZaiClient", "ZhipuAiClient", "ZhipuAI"}


def describe(source):
    tree = ast.parse(source)
    modules = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                modules[alias.asname or alias.name] = (node.module, alias.name)
    clients = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in modules:
            module, name = modules[node.func.id]
            if name not in CLASSES:
                continue
            base = next((k.value for k in node.keywords if k.arg == "base_url"), None)
            clients.append({
                "class": name,
                "module": module,
                "base_url": base.value if isinstance(base, ast.Constant) else None,
            })
    keys = sorted({n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and re.fullmatch(r"[A-Z_]+_API_KEY", n.value)})
    return {"clients": clients, "keys": keys}


if __name__ == "__main__":
    print(json.dumps({path: describe(open(path, encoding="utf-8").read()) for path in sys.argv[1:]}))
