"""Prints, as JSON, the request body each chat.completions.create call in a Python file sends.

The keywords are merged with the extra_body dict, as the OpenAI and Cerebras SDKs do; request
options (headers, query, timeout) are not part of the body. Values that are not literals show as
"<expr>". Run with CPython: its parser, not glm-migrate's, decides what the file says.
"""
import ast
import json
import sys

REQUEST_OPTIONS = {"extra_headers", "extra_query", "extra_body", "timeout"}


def value(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return "<expr>"


def bodies(source):
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if ast.unparse(node.func).split(".")[-3:] != ["chat", "completions", "create"]:
            continue
        body = {}
        for keyword in node.keywords:
            if keyword.arg is None or keyword.arg in REQUEST_OPTIONS:
                continue
            body[keyword.arg] = value(keyword.value)
        extra = next((k.value for k in node.keywords if k.arg == "extra_body"), None)
        if extra is not None:
            merged = value(extra)
            if isinstance(merged, dict):
                body.update(merged)
            else:
                body["<extra_body>"] = "<expr>"
        found.append(body)
    return found


if __name__ == "__main__":
    print(json.dumps({path: bodies(open(path, encoding="utf-8").read()) for path in sys.argv[1:]}))
