"""The typing stub (`_typing.pyi`) shipped in the wheel describes the generated classes exactly:
every variant it declares exists at runtime with the same constructor parameters, and every
runtime variant is declared. (mypy --strict on typecheck/sample.py is run by `make test`.)"""

import ast
import inspect
import pathlib

import plivo_powerpack as pp
from plivo_powerpack import _native


def stub_classes():
    stub = pathlib.Path(pp.__file__).with_name("_typing.pyi")
    tree = ast.parse(stub.read_text())
    out = {}
    for top in tree.body:
        if isinstance(top, ast.ClassDef):
            variants = {}
            for node in top.body:
                if isinstance(node, ast.ClassDef):
                    init = next(f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__")
                    variants[node.name] = [a.arg for a in init.args.args[1:]]
            out[top.name] = variants
    return out


def runtime_variants(cls):
    return {name: value for name, value in vars(cls).items() if inspect.isclass(value)}


def test_the_stub_ships_in_the_wheel_next_to_py_typed():
    here = pathlib.Path(pp.__file__).parent
    assert (here / "_typing.pyi").is_file() and (here / "py.typed").is_file()
    assert "site-packages" in str(here)


def test_every_error_variant_is_declared_with_its_constructor():
    declared = stub_classes()["PowerpackError"]
    actual = runtime_variants(_native.PowerpackError)
    assert sorted(declared) == sorted(actual)
    for name, params in declared.items():
        assert issubclass(actual[name], pp.PowerpackError), name
        assert list(inspect.signature(actual[name].__init__).parameters)[1:] == params, name


def test_every_application_variant_is_declared_with_its_constructor():
    declared = stub_classes()["Application"]
    actual = {n: c for n, c in runtime_variants(_native.Application).items() if n.isupper()}
    assert sorted(declared) == sorted(actual)
    for name, params in declared.items():
        assert issubclass(actual[name], pp.Application), name
        assert list(inspect.signature(actual[name].__init__).parameters)[1:] == params, name
