"""Keys: a pasted key line is checked whole before anything is encrypted, the secret file is
readable only by its owner, and existing keys are never replaced."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from journal.app.home import Home
from journal.app.sharing import create_keys
from journal.errors import InvalidInput, NotFound
from journal.sharing.keys import parse_public
from tests.cli.helpers import Cli, snapshot
from tests.sharing import craft


@pytest.fixture(scope="module")
def line() -> str:
    return craft.person("Ana").public.line()


def test_a_key_line_reads_back_as_the_same_key(line: str) -> None:
    key = parse_public(f"  {line}\n")
    assert key.line() == line
    assert len(key.sign) == 32 and key.age.startswith("age1")


def damaged_age(line: str) -> str:
    prefix, age, sign = line.split(":")
    swapped = age[:-6] + ("q" if age[-6] != "q" else "p") + age[-5:]
    return f"{prefix}:{swapped}:{sign}"


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda line: line.replace("coach1:", "coach2:", 1), "not a Coach public key"),
        (lambda line: line.replace("coach1:", "", 1), "not a Coach public key"),
        (lambda line: line.rsplit(":", 1)[0], "not a Coach public key"),
        (lambda line: line + ":extra", "not a Coach public key"),
        (lambda line: "", "not a Coach public key"),
        (damaged_age, "the key's age part is damaged"),
        (lambda line: line.replace(":age1", ":age2", 1), "the key's age part is damaged"),
        (lambda line: line[:-4], "the key's signing part is damaged"),
        (lambda line: line + "AAAA", "the key's signing part is damaged"),
        (lambda line: line.rsplit(":", 1)[0] + ":", "the key's signing part is damaged"),
        (lambda line: line.rsplit(":", 1)[0] + ":=", "the key's signing part"),
    ],
    ids=[
        "wrong prefix", "no prefix", "no signing part", "a fourth part", "empty",
        "age checksum", "age hrp", "signing part cut", "signing part too long",
        "signing part empty", "signing part not base64",
    ],
)  # fmt: skip
def test_a_damaged_key_line_is_refused_naming_the_part(
    line: str, damage: object, expected: str
) -> None:
    assert callable(damage)
    with pytest.raises(InvalidInput, match=expected):
        parse_public(damage(line))


def test_keys_are_kept_in_a_folder_and_file_only_the_owner_can_read(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "home")
    cli.run("--home", str(cli.home), "keys", "init", "--name", "Ana")
    folder, file = Home(cli.home).layout.keys, Home(cli.home).layout.key_file
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert Home(cli.home).identity().name == "Ana"


def test_keys_init_twice_is_refused_and_keeps_the_first_keys(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "home")
    cli.run("--home", str(cli.home), "keys", "init", "--name", "Ana")
    first = cli.run("--home", str(cli.home), "keys", "show").stdout
    line = cli.fails("--home", str(cli.home), "keys", "init", "--name", "Someone Else")
    assert "already holds your keys" in line
    assert cli.run("--home", str(cli.home), "keys", "show").stdout == first


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_keys_init_needs_a_name_of_1_to_100_characters(tmp_path: Path, name: str) -> None:
    cli = Cli(tmp_path / "home")
    assert "1 to 100 characters" in cli.fails(
        "--home", str(cli.home), "keys", "init", "--name", name
    )
    assert not Home(cli.home).layout.keys.exists()


def test_create_refuses_to_replace_keys_even_when_called_directly(tmp_path: Path) -> None:
    create_keys(Home(tmp_path), "Ana")
    before = snapshot(tmp_path)
    with pytest.raises(InvalidInput, match="never replaces them"):
        create_keys(Home(tmp_path), "Ana")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b'{"format": "coach-identity", "name": "A"}', b'{"unknown": 1}'],
)
def test_a_damaged_key_file_is_reported_not_replaced(tmp_path: Path, content: bytes) -> None:
    create_keys(Home(tmp_path), "Ana")
    Home(tmp_path).layout.key_file.write_bytes(content)
    with pytest.raises(InvalidInput, match="; restore your keys from a backup"):
        Home(tmp_path).identity()


def test_without_keys_every_sharing_command_says_how_to_make_them(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "home")
    with pytest.raises(NotFound):
        Home(cli.home).identity()
    bundle = tmp_path / "any.age"
    bundle.write_bytes(b"age")
    key = craft.person("Bo").public.line()
    for args in (
        ("keys", "show"),
        ("clients", "add", str(bundle)),
        ("feedback", "import", str(bundle)),
        ("share", "--to", key, "-o", str(tmp_path / "out.age")),
    ):
        line = cli.fails("--home", str(cli.home), *args)
        assert "coach keys init --name NAME" in line, args
    assert not (tmp_path / "out.age").exists()


@pytest.mark.parametrize(
    "to",
    ["coach2:age1abc:def", "age1qqqq", "coach1:age1nope:AAAA"],
)
def test_share_refuses_a_damaged_coach_key_before_writing(tmp_path: Path, to: str) -> None:
    cli = Cli(tmp_path / "home")
    cli.run("--home", str(cli.home), "keys", "init", "--name", "Ana")
    cli.run("--home", str(cli.home), "checkin", "--intent", "Ask Bo")
    line = cli.fails("--home", str(cli.home), "share", "--to", to, "-o", str(tmp_path / "o.age"))
    assert "key" in line
    assert not (tmp_path / "o.age").exists()


def test_share_without_a_key_given_or_remembered_says_which_key_to_give(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "home")
    cli.run("--home", str(cli.home), "keys", "init", "--name", "Ana")
    cli.run("--home", str(cli.home), "checkin", "--intent", "Ask Bo")
    line = cli.fails("--home", str(cli.home), "share", "-o", str(tmp_path / "o.age"))
    assert (
        line == "coach: give your coach's key: the coach1:… line `coach keys show` prints for them"
    )
    assert not (tmp_path / "o.age").exists()
